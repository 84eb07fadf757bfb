"""The event stage: predicates, roles and precision checks over a dependency parse."""

from __future__ import annotations

from .coder import VERSION, EventCoder

__all__ = ["VERSION", "EventCoder"]
