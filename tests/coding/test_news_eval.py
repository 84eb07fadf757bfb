"""The AllSides real-news set (``evaluation/allsides_2013_2020.jsonl``): well formed, every
reference resolves to its sentence in ``shared/``, and each part stays above its floors.

The floors (``evaluation/allsides_floors.json``) are the figures measured when the set was
added, minus a margin: a regression tripwire, not a target. ``ALLSIDES_CHECK`` and
``ALLSIDES_CHECK2`` are blind checks; see ``evaluation/README.md``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from tests.helpers import ROOT

GOLD = ROOT / "evaluation" / "allsides_2013_2020.jsonl"
FLOORS: dict[str, Any] = json.loads(
    (ROOT / "evaluation" / "allsides_floors.json").read_text("utf-8")
)
SHARED = Path(os.environ.get("MULTIPOLAR_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "news" / "plaintext" / "allsides" / "intl_subset.jsonl.gz"
HALVES = ("ALLSIDES_TUNE", "ALLSIDES_CHECK", "ALLSIDES_CHECK2")


def _records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip()]


def test_set_is_well_formed() -> None:
    recs = _records()
    assert len(recs) == 840
    assert len({r["id"] for r in recs}) == len(recs)
    assert {r["category"] for r in recs} == set(HALVES)
    for r in recs:
        assert "text" not in r, "third-party text stays in shared/"
        ref = r["ref"]
        assert ref["corpus"].startswith("news/") and len(ref["sha1"]) == 12, r["id"]
        assert 0 <= ref["start"] < ref["end"], r["id"]
        assert len(r["date"]) == 8 and "2013" <= r["date"][:4] <= "2020", r["id"]
        assert r["no_events"] == (not r["events"]), r["id"]
        for e in r["events"]:
            assert e["cameo"].isdigit() and 3 <= len(e["cameo"]) <= 4, r["id"]
            assert e["root"] == e["cameo"][:2] and 1 <= int(e["root"]) <= 20, r["id"]
            assert e["source"] and e["target"], r["id"]


needs_corpus = pytest.mark.skipif(not CORPUS.is_file(), reason=f"{CORPUS} not present")


@needs_corpus
def test_every_reference_resolves() -> None:
    from multipolar.coding.eval import read_gold

    recs = read_gold(str(GOLD), shared=SHARED)
    assert len(recs) == 840
    assert all(20 <= len(r["text"]) <= 400 for r in recs)


@pytest.fixture(scope="module")
def results() -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for half in HALVES:
        res = CliRunner().invoke(
            cli,
            ["eval", str(GOLD), "--category", half, "--shared", str(SHARED), "--format", "json"],
            catch_exceptions=False,
        )
        assert res.exit_code == 0, res.output
        out[half] = json.loads(res.stdout)
    return out


@needs_corpus
@pytest.mark.slow
@pytest.mark.parametrize(
    ("half", "name"),
    [(h, n) for h in HALVES for n in sorted(FLOORS["floors"][h])],
)
def test_floor(half: str, name: str, results: dict[str, dict[str, Any]]) -> None:
    result = results[half]
    floor = FLOORS["floors"][half][name]
    value = result["tuple"]["f1"] if name == "tuple_f1" else result[name.removesuffix("_max")]
    if name.endswith("_max"):
        assert value <= floor, f"{half} {name}: {value} above ceiling {floor}"
    else:
        assert value >= floor, f"{half} {name}: {value} below floor {floor}"
