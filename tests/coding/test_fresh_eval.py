"""The fresh hand-coded check set (``evaluation/fresh_2025.jsonl``) scores and stays above its floors.

This is a sanity check plus a regression tripwire. The floors in ``evaluation/floors.json`` are
the figures measured when the set was written, minus 0.05. The set is a generalisation check:
do not tune the coder against it (see ``evaluation/README.md``).
"""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from tests.helpers import ROOT

FRESH = ROOT / "evaluation" / "fresh_2025.jsonl"
FLOORS: dict[str, Any] = json.loads((ROOT / "evaluation" / "floors.json").read_text("utf-8"))

pytestmark = pytest.mark.slow


def _records() -> list[dict[str, Any]]:
    return [json.loads(line) for line in FRESH.read_text("utf-8").splitlines() if line.strip()]


def test_fresh_set_is_well_formed() -> None:
    recs = _records()
    assert len(recs) >= 150
    assert len({r["id"] for r in recs}) == len(recs)
    for r in recs:
        assert r["category"] == "FRESH" and r["text"].strip()
        assert len(r["date"]) == 8 and r["date"].isdigit()
        assert r["no_events"] == (not r["events"]), r["id"]
        for e in r["events"]:
            assert e["cameo"].isdigit() and 3 <= len(e["cameo"]) <= 4, r["id"]
            assert e["root"] == e["cameo"][:2] and 1 <= int(e["root"]) <= 20, r["id"]
            assert e["source"], r["id"]
    roots = {e["root"] for r in recs for e in r["events"]}
    assert roots == {f"{n:02d}" for n in range(1, 21)}


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    out = CliRunner().invoke(cli, ["eval", str(FRESH), "--format", "json"], catch_exceptions=False)
    assert out.exit_code == 0, out.output
    data: dict[str, Any] = json.loads(out.stdout)
    return data


def test_fresh_eval_scores_every_record(result: dict[str, Any]) -> None:
    recs = _records()
    no_event = sum(1 for r in recs if r["no_events"])
    assert result["scheme"] == "petr"
    assert result["records"] == len(recs)
    assert result["scored"] == len(recs) - no_event
    assert result["no_event_records"] == no_event
    # every event record yields at least one gold tuple (reciprocal A->B/B->A pairs fold into one)
    assert result["tuple"]["gold"] >= len(recs) - no_event


@pytest.mark.parametrize("name", sorted(FLOORS["floors"]))
def test_fresh_eval_floor(name: str, result: dict[str, Any]) -> None:
    floor = FLOORS["floors"][name]
    value = result["tuple"]["f1"] if name == "tuple_f1" else result[name.removesuffix("_max")]
    if name.endswith("_max"):
        assert value <= floor, f"{name}: {value} above ceiling {floor}"
    else:
        assert value >= floor, f"{name}: {value} below floor {floor}"
