"""Who is named: the actor knowledge base, mention scanning, resolution at a date, coreference."""

from __future__ import annotations

from .index import Membership, Spell
from .kb import ActorKB, lookup_report
from .words import ROLE_NOUNS

__all__ = ["ROLE_NOUNS", "ActorKB", "Membership", "Spell", "lookup_report"]
