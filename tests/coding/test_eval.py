"""Scoring rules of the evaluation, with a stub coder (no parser needed)."""

from __future__ import annotations

from typing import Any

import pytest

from multipolar.coding.eval import (
    UNKNOWN,
    Tuple3,
    evaluate,
    format_table,
    gold_country,
    gold_tuples,
    macro_f1,
    match_count,
)
from tests.helpers import StubCoder, ev


@pytest.mark.parametrize(
    ("code", "scheme", "expected"),
    [
        ("USAGOV", "petr", "USA"),
        ("IGOEUREEC", "petr", "EU"),
        ("IGOUNOMIL", "petr", "UN"),
        ("IGOXYZ", "petr", "IGO"),
        ("JAP", "plover", "JPN"),
        ("GBR", "plover", "GBR"),
        ("", "plover", None),
    ],
)
def test_gold_country(code: str, scheme: str, expected: str | None) -> None:
    assert gold_country(code, scheme) == expected


def test_named_group_matches_only_itself() -> None:
    # PETR codes the Islamic State as IMGMUSISI: an exact prediction matches, a bare prefix
    # stays unknown
    assert gold_country("IMGMUSISI", "petr") == "IMGMUSISI"
    assert Tuple3("USA", "11", gold_country("IMGMUSISI", "petr")).matches(
        Tuple3("USA", "11", "IMGMUSISI")
    )
    assert not Tuple3("USA", "11", gold_country("IMGMUSISI", "petr")).matches(
        Tuple3("USA", "11", "IRQ")
    )
    assert gold_country("IMG", "petr") is UNKNOWN


def test_unknown_never_matches() -> None:
    assert gold_country("---REB", "petr") is UNKNOWN
    assert not Tuple3(UNKNOWN, "19", "SYR").matches(Tuple3(UNKNOWN, "19", "SYR"))


@pytest.mark.parametrize(
    ("gold", "pred", "hits"),
    [
        ([Tuple3("CAN", "03", "MEX", True)], [Tuple3("MEX", "03", "CAN", True)], 1),
        ([Tuple3("CAN", "03", "MEX", True)], [Tuple3("CAN", "03", "MEX")], 1),
        ([Tuple3("CAN", "03", "MEX")], [Tuple3("MEX", "03", "CAN")], 0),
        ([Tuple3("CAN", "03", "MEX")], [Tuple3("MEX", "03", "CAN", True)], 1),
        ([Tuple3("CAN", "03", "MEX")], [Tuple3("CAN", "04", "MEX")], 0),
        ([Tuple3("IGO", "07", "LBR")], [Tuple3("UN", "07", "LBR")], 1),
        ([Tuple3("IGO", "07", "LBR")], [Tuple3("FRA", "07", "LBR")], 0),
        ([Tuple3("KGZ", "08", None)], [Tuple3("KGZ", "08", None)], 1),
        (
            [Tuple3("USA", "13", "EU"), Tuple3("USA", "13", "JPN")],
            [Tuple3("USA", "13", "JPN")] * 2,
            1,
        ),
    ],
)
def test_match_count(gold: list[Tuple3], pred: list[Tuple3], hits: int) -> None:
    assert match_count(gold, pred) == hits


def test_petr_reciprocal_pairs_fold_into_one() -> None:
    rec = {
        "events": [
            {"root": "04", "source": "USAGOV", "target": "RUS"},
            {"root": "04", "source": "RUSGOV", "target": "USA"},
        ]
    }
    assert gold_tuples(rec, "petr") == [Tuple3("USA", "04", "RUS", True)]


def test_plover_reciprocal_and_quirks() -> None:
    rec = {
        "plover": "DEMAND",
        "source": [{"code": "HUN"}, {"code": "ROU"}],
        "target": "diplomatic",
        "reciprocal": True,
    }
    assert gold_tuples(rec, "plover") == [Tuple3("HUN", "REQUEST", "ROU", True)]


def test_macro_f1() -> None:
    assert macro_f1(["A", "A", "B"], ["A", "A", "B"]) == 1.0
    assert macro_f1(["A", "B"], ["NONE", "NONE"]) == 0.0
    assert macro_f1(["A", "B"], ["A", "A"]) == pytest.approx((2 / 3 + 0) / 2)


def test_evaluate_petr() -> None:
    records: list[dict[str, Any]] = [
        {
            "id": "1",
            "category": "GOLD",
            "date": "20140101",
            "text": "a",
            "events": [{"cameo": "040", "root": "04", "source": "USA", "target": "RUS"}],
            "no_events": False,
        },
        {
            "id": "2",
            "category": "AFP",
            "date": "20140101",
            "text": "b",
            "events": [],
            "no_events": True,
        },
        {"id": "3", "category": "AFP", "date": "", "text": "c", "events": [], "no_events": True},
    ]
    coder = StubCoder({"a": [ev("USA", "042", "RUS")], "b": [ev("FRA", "111", "DEU")]})
    r = evaluate(records, coder)
    assert r["cameo_root_accuracy"] == 1.0
    assert r["false_event_rate"] == 0.5
    assert r["tuple"]["tp"] == 1 and r["tuple"]["predicted"] == 2
    assert "CAMEO root accuracy" in format_table(r, errors=True)


def test_evaluate_plover_ignores_statements() -> None:
    records = [
        {
            "id": "x",
            "text": "a",
            "plover": "CONSULT",
            "source": [{"code": "USA"}],
            "target": [{"code": "RUS"}],
            "reciprocal": False,
        }
    ]
    coder = StubCoder({"a": [ev("USA", "010", "RUS", conf=0.9), ev("USA", "040", "RUS", conf=0.3)]})
    r = evaluate(records, coder)
    assert r["plover_accuracy"] == 1.0 and r["tuple"]["f1"] == 1.0
