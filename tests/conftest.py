"""Fixtures shared by every test module; plain helpers are in ``tests/helpers.py``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.duckdb"


@pytest.fixture(scope="module")
def nlp() -> Any:
    """The parser the coder uses (loaded once per process)."""
    from multipolar.coding.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="module")
def coder() -> Any:
    """A fresh event coder for one test module."""
    from multipolar.coding.events.coder import EventCoder

    return EventCoder()
