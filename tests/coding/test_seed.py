"""End to end on the seed story: ingest → code → what a careful analyst would code.

Skips only when ../shared is absent. The assertions are about the story's facts (who draws
closer to whom, who threatens whom), not about particular sentences.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from tests.helpers import shared_path


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    seed = shared_path("seed", "us-allies-realign.txt")
    db = str(tmp_path_factory.mktemp("seed") / "seed.duckdb")
    runner = CliRunner()
    assert (
        runner.invoke(cli, ["ingest", "--db", db, str(seed), "--date", "2025-09-20"]).exit_code == 0
    )
    assert runner.invoke(cli, ["code", "--db", db, "--workers", "1"]).exit_code == 0
    return db


def _rows(db: str, command: str) -> list[dict[str, object]]:
    out = CliRunner().invoke(cli, [command, "--db", db, "--format", "jsonl"]).stdout
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def events(seed_db: str) -> list[dict[str, object]]:
    return _rows(seed_db, "events")


@pytest.fixture(scope="module")
def quantities(seed_db: str) -> list[dict[str, object]]:
    return _rows(seed_db, "quantities")


def _between(events: list[dict[str, object]], a: str, b: str) -> list[dict[str, object]]:
    return [e for e in events if {e["source"], e["target"]} == {a, b}]


@pytest.mark.parametrize(
    ("a", "b"),
    [("CAN", "MEX"), ("JPN", "AUS"), ("POL", "KOR"), ("EU", "PHL"), ("CAN", "PHL")],
)
def test_states_drawing_closer_are_coded_as_cooperation(
    events: list[dict[str, object]], a: str, b: str
) -> None:
    pair = _between(events, a, b)
    assert pair, f"no event between {a} and {b}"
    assert any(e["quad"] in (1, 2) and not e["negated"] for e in pair)
    assert all(e["quad"] in (1, 2) for e in pair), f"conflict coded between allies {a}-{b}"


@pytest.mark.parametrize("target", ["CAN", "JPN"])
def test_us_tariff_threats(events: list[dict[str, object]], target: str) -> None:
    threats = [
        e
        for e in events
        if e["source"] == "USA" and e["target"] == target and e["cameo_root"] == "13"
    ]
    assert threats, f"no US threat against {target}"


def test_summit_is_a_meeting_never_an_agreement(events: list[dict[str, object]]) -> None:
    us_ru = _between(events, "USA", "RUS")
    assert us_ru and all(e["cameo_root"] == "04" for e in us_ru)
    assert not any(e["cameo"] == "057" for e in us_ru)


def test_nothing_from_page_debris(events: list[dict[str, object]]) -> None:
    for e in events:
        sentence = str(e["sentence"])
        assert sentence.strip() not in {"Advertisement", "Read More", "image"}
        assert "Read More" not in sentence and "Advertisement" not in sentence


def test_every_event_points_at_its_sentence(seed_db: str, events: list[dict[str, object]]) -> None:
    import duckdb

    con = duckdb.connect(seed_db, read_only=True)
    text = con.execute("SELECT text FROM articles").fetchone()[0]
    con.close()
    for e in events:
        assert text[int(e["start"]) : int(e["end"])] == e["sentence"]  # type: ignore[call-overload]


@pytest.mark.parametrize(("subject", "partner"), [("CAN", "USA"), ("MEX", "USA")])
def test_export_dependence(quantities: list[dict[str, object]], subject: str, partner: str) -> None:
    assert any(
        q["kind"] == "export_share"
        and q["subject"] == subject
        and q["partner"] == partner
        and q["value"] == 80
        for q in quantities
    )


def test_trade_values(quantities: list[dict[str, object]]) -> None:
    values = {
        (q["subject"], q["partner"], q["unit"], round(float(q["value"]) / 1e9, 1))
        for q in quantities
        if q["kind"] == "trade_value"
    }  # type: ignore[arg-type]
    assert ("CAN", "USA", "CAD", 924.4) in values
    assert ("CAN", "MEX", "CAD", 55.4) in values
    usd = [q for q in quantities if q["kind"] == "trade_value" and q["partner"] == "USA"]
    assert usd and round(float(usd[0]["usd_value"]) / 1e9, 1) == 667.6  # type: ignore[arg-type]


def test_seed_actors_resolve(events: list[dict[str, object]]) -> None:
    actors = {e["source"] for e in events} | {e["target"] for e in events}
    assert {"CAN", "MEX", "USA", "JPN", "AUS", "POL", "KOR", "PHL", "EU"} <= actors
