"""Shared fixtures: where ../shared is, and small corpora written by the tests themselves."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from multipolar.records import Event

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MULTIPOLAR_SHARED", ROOT.parent / "shared"))
SAMPLE = ROOT / "examples" / "sample_news.jsonl"


def shared_path(*parts: str) -> Path:
    """A path in ../shared; the calling test is skipped when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (set MULTIPOLAR_SHARED)")
    return path


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


def coded_triples(text: str, date: str) -> set[tuple[str | None, str | None, str]]:
    """(source, target, CAMEO root) of every event the default coder finds in ``text``."""
    from multipolar import extract

    return {(e.source, e.target, e.cameo_root) for e in extract(text, date)}


def summary(evs: list[Event]) -> set[tuple[str | None, str, str | None]]:
    """(source, CAMEO root, target) of each event; a reciprocal pair in sorted order."""
    out = set()
    for e in evs:
        s, t = e.source, e.target
        if e.reciprocal and s and t:
            s, t = sorted((s, t))
        out.add((s, e.cameo_root, t))
    return out


def make_event(article_id: str, sentence_index: int = 0, **fields: Any) -> Event:
    """A CAN→MEX consultation (036) for store and query tests; ``fields`` override."""
    values: dict[str, Any] = {
        "sentence_index": sentence_index,
        "start": 0,
        "end": 5,
        "sentence": "x",
        "date": "2025-01-01",
        "source": "CAN",
        "target": "MEX",
        "cameo": "036",
        "cameo_root": "03",
        "quad": 1,
        "pentaclass": 1,
        "goldstein": 4.0,
        "plover": "CONSULT",
        "plover_mode": None,
        "plover_context": ["diplomatic"],
        "article_id": article_id,
        "coder": "t@0",
    }
    values.update(fields)
    return Event(**values)
