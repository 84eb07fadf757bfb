"""Gold files in other CAMEO spellings are read into the PETR shape and scored."""

from __future__ import annotations

from typing import Any

import pytest

from multipolar.coding.eval import evaluate, normalise_record
from tests.helpers import StubCoder, ev


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        (
            {"text": "t", "events": [{"eventcode": "1663", "source": "CHN", "target": "CAN"}]},
            {"cameo": "1663", "root": "16", "source": "CHN", "target": "CAN"},
        ),
        (
            {"text": "t", "events": [{"code": "042", "source": ["USAGOV", "USA"], "target": []}]},
            {"cameo": "042", "root": "04", "source": "USAGOV", "target": None},
        ),
        (
            {"text": "t", "events": [{"cameo": "190", "source": {"code": "RUS"}, "target": "UKR"}]},
            {"cameo": "190", "root": "19", "source": "RUS", "target": "UKR"},
        ),
        (
            {"text": "t", "events": [{"root": "5", "source": "JPN", "target": "AUS"}]},
            {"cameo": "5", "root": "05", "source": "JPN", "target": "AUS"},
        ),
    ],
)
def test_event_spellings(record: dict[str, Any], expected: dict[str, Any]) -> None:
    (event,) = normalise_record(record)["events"]
    assert {k: event[k] for k in expected} == expected


@pytest.mark.parametrize(
    ("record", "key", "value"),
    [
        ({"sentence": "Japan met Australia."}, "text", "Japan met Australia."),
        ({"text": "x", "label": 3}, "pentaclass", "3"),
        ({"text": "x", "pentaclass": "0"}, "pentaclass", "0"),
        ({"text": "x", "events": []}, "no_events", True),
        ({"text": "x", "events": [], "no_events": False}, "no_events", False),
    ],
)
def test_record_spellings(record: dict[str, Any], key: str, value: Any) -> None:
    assert normalise_record(record)[key] == value


def test_plover_records_pass_unchanged() -> None:
    rec = {"plover": "AGREE", "text": "x", "source": [], "target": []}
    assert normalise_record(rec) is rec


def test_pentaclass_only_records_are_scored() -> None:
    records = [
        {"id": "a", "text": "A", "pentaclass": 1},
        {"id": "b", "text": "B", "label": "4"},
        {"id": "c", "text": "C", "pentaclass": 0},
    ]
    coder = StubCoder({"A": [ev("JPN", "057", "AUS")], "B": [ev("RUS", "190", "UKR")]})
    result = evaluate(records, coder)
    assert result["pentaclass_records"] == 3
    # classes 1 and 4 right, class 0 missed: macro-F1 over the three gold classes
    assert result["pentaclass_macro_f1"] == pytest.approx(round(2 / 3, 4))
    assert result["tuple"]["gold"] == 0
    assert [e["id"] for e in result["errors"]] == ["c"]


class SentenceStub(StubCoder):
    """A stub that also labels sentences whose parties it cannot place."""

    def __init__(self, answers: dict[str, list[Any]], codes: dict[str, str]) -> None:
        super().__init__(answers)
        self.codes = codes

    def sentence_code(self, text: str, date: Any = None) -> str | None:
        return self.codes.get(text)


def test_pentaclass_falls_back_on_the_sentence_main_act() -> None:
    records = [
        {"id": "a", "text": "A", "pentaclass": 4},
        {"id": "b", "text": "B", "pentaclass": 0},
        {"id": "c", "text": "C", "pentaclass": 1},
    ]
    # "A" has an event, which decides; "B" has none but a statement as its main act
    coder = SentenceStub({"A": [ev("RUS", "190", "UKR")]}, {"A": "040", "B": "010"})
    result = evaluate(records, coder)
    assert result["pentaclass_without_event"] == 1
    assert result["pentaclass_macro_f1"] == pytest.approx(round(2 / 3, 4))
    assert [e["id"] for e in result["errors"]] == ["c"]
    assert "1 expected, NONE given" in result["errors"][0]["note"]
