"""Analytics over synthetic event frames: counting rules, periods, network, hedging, trade; and
the dyads/network/hedging commands on a database built by ``test_report.build_db``."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd
import pytest
from click.testing import CliRunner

from multipolar import analytics as A
from multipolar.cli import cli
from tests.helpers import build_db


def ev(
    date: str | None,
    source: str | None,
    target: str | None,
    goldstein: float = 4.0,
    quad: int = 1,
    plover: str = "CONSULT",
    root: str = "03",
    reciprocal: bool = False,
    negated: bool = False,
    modality: str = "asserted",
    sentence: str = "s",
) -> dict[str, Any]:
    return {
        "article_id": "a1",
        "sentence_index": 0,
        "date": date,
        "source": source,
        "target": target,
        "cameo": root + "0",
        "cameo_root": root,
        "quad": quad,
        "goldstein": goldstein,
        "plover": plover,
        "reciprocal": reciprocal,
        "negated": negated,
        "modality": modality,
        "sentence": sentence,
    }


def frame(*rows: dict[str, Any]) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


# --------------------------------------------------------------------------- counting rules


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        # one-way event: counted in its direction only
        (
            [ev("2025-01-05", "CAN", "MEX")],
            {"a_to_b": 1, "b_to_a": 0, "n_events": 1, "net_cooperation": 4.0},
        ),
        # reverse direction
        ([ev("2025-01-05", "MEX", "CAN")], {"a_to_b": 0, "b_to_a": 1, "n_events": 1}),
        # reciprocal: both directions, still one event
        (
            [ev("2025-01-05", "CAN", "MEX", reciprocal=True)],
            {"a_to_b": 1, "b_to_a": 1, "n_events": 1, "reciprocal": 1, "verbal_coop": 1},
        ),
        # negated: listed as negated, no weight, not in the quad counts or the means
        (
            [ev("2025-01-05", "CAN", "MEX", goldstein=8.0, plover="AGREE", negated=True)],
            {
                "n_events": 1,
                "negated": 1,
                "verbal_coop": 0,
                "net_cooperation": 0.0,
                "mean_goldstein": math.nan,
            },
        ),
        # threatened sanctions: a threat (verbal conflict, -5.8), not material conflict
        (
            [
                ev(
                    "2025-01-05",
                    "CAN",
                    "MEX",
                    goldstein=-8.0,
                    quad=4,
                    plover="SANCTION",
                    root="16",
                    modality="threatened",
                )
            ],
            {
                "verbal_conflict": 1,
                "material_conflict": 0,
                "net_cooperation": -5.8,
                "conflict": 5.8,
                "coop_share": 0.0,
            },
        ),
        # threat of force is a stronger threat
        (
            [
                ev(
                    "2025-01-05",
                    "CAN",
                    "MEX",
                    goldstein=-10.0,
                    quad=4,
                    root="19",
                    modality="threatened",
                )
            ],
            {"net_cooperation": -7.0},
        ),
        # intended cooperation counts half; hypothetical a quarter
        (
            [
                ev("2025-01-05", "CAN", "MEX", goldstein=8.0, modality="intended"),
                ev("2025-01-06", "CAN", "MEX", goldstein=8.0, modality="hypothetical"),
            ],
            {"net_cooperation": 6.0, "verbal_coop": 2, "coop_share": 1.0},
        ),
        # cooperation and conflict net out; coop share by weight
        (
            [
                ev("2025-01-05", "CAN", "MEX", goldstein=6.0),
                ev("2025-01-07", "MEX", "CAN", goldstein=-2.0, quad=3),
            ],
            {
                "cooperation": 6.0,
                "conflict": 2.0,
                "net_cooperation": 4.0,
                "coop_share": 0.5,
                "mean_goldstein": 2.0,
            },
        ),
        # other pairs, self-events and events without a target are not this dyad's
        (
            [
                ev("2025-01-05", "CAN", "USA"),
                ev("2025-01-05", "CAN", "CAN"),
                ev("2025-01-05", "CAN", None),
                ev("2025-01-05", "CAN", "MEX"),
            ],
            {"n_events": 1},
        ),
    ],
)
def test_dyad_counting_rules(rows: list[dict[str, Any]], expected: dict[str, float]) -> None:
    series = A.dyad_series(frame(*rows), "CAN", "MEX", "month")
    assert len(series) == 1
    row = series.iloc[0]
    for key, value in expected.items():
        if isinstance(value, float) and math.isnan(value):
            assert math.isnan(row[key]), key
        else:
            assert row[key] == pytest.approx(value), key


@pytest.mark.parametrize(
    ("freq", "periods"),
    [
        ("week", ["2024-12-30", "2025-01-06", "2025-01-13"]),
        ("month", ["2025-01", "2025-02", "2025-03", "2025-04"]),
        ("quarter", ["2025Q1", "2025Q2"]),
        ("year", ["2025"]),
    ],
)
def test_periods_cover_gaps(freq: str, periods: list[str]) -> None:
    end = "2025-01-14" if freq == "week" else "2025-04-30"
    rows = frame(ev("2025-01-01", "CAN", "MEX"), ev(end, "MEX", "CAN"))
    series = A.dyad_series(rows, "CAN", "MEX", freq)
    assert list(series["period"]) == periods
    assert series["n_events"].sum() == 2
    assert series["start"].iloc[0] <= "2025-01-01" <= series["end"].iloc[0]


def test_dyad_series_window_and_empty() -> None:
    rows = frame(ev("2025-03-10", "CAN", "MEX"))
    series = A.dyad_series(
        rows,
        "CAN",
        "MEX",
        "month",
        pd.Timestamp("2025-01-01").date(),
        pd.Timestamp("2025-04-30").date(),
    )
    assert list(series["n_events"]) == [0, 0, 1, 0]
    assert A.dyad_series(rows, "CAN", "JPN", "month").empty
    assert A.dyad_series(frame(ev(None, "CAN", "MEX")), "CAN", "MEX").empty
    with pytest.raises(ValueError, match="freq"):
        A.dyad_series(rows, "CAN", "MEX", "day")


def test_plover_counts_use_threat_rule() -> None:
    rows = frame(
        ev(
            "2025-01-05",
            "USA",
            "CAN",
            goldstein=-8.0,
            quad=4,
            plover="SANCTION",
            root="16",
            modality="threatened",
        ),
        ev("2025-01-06", "USA", "CAN", plover="CONSULT"),
    )
    assert A.dyad_series(rows, "USA", "CAN").iloc[0]["plover"] == {"THREATEN": 1, "CONSULT": 1}


# --------------------------------------------------------------------------- network


def test_network_edges_and_hub() -> None:
    rows = frame(
        ev("2025-01-05", "CAN", "MEX", goldstein=8.0, reciprocal=True),
        ev("2025-01-06", "USA", "CAN", goldstein=-5.0, quad=4),
        ev("2025-06-06", "JPN", "AUS", goldstein=4.0),
    )
    net = A.network(rows, hub="usa")
    edges = {(e["a"], e["b"]): e for e in net.edges.to_dict("records")}
    assert set(edges) == {("CAN", "MEX"), ("CAN", "USA"), ("AUS", "JPN")}
    assert edges[("CAN", "MEX")]["a_to_b"] == 1 and edges[("CAN", "MEX")]["b_to_a"] == 1
    assert edges[("CAN", "USA")]["net_cooperation"] == -5.0
    can = net.nodes.set_index("actor").loc["CAN"]
    assert can["with_hub"] == -5.0 and can["with_others"] == 8.0 and can["degree"] == 2
    window = A.network(rows, until=pd.Timestamp("2025-02-01").date())
    assert ("AUS", "JPN") not in {(e["a"], e["b"]) for e in window.edges.to_dict("records")}
    graph = A.to_networkx(net)
    assert graph.number_of_nodes() == 5 and graph["CAN"]["USA"]["net_cooperation"] == -5.0


def test_layout_is_deterministic_and_keeps_groups_close() -> None:
    rows = frame(
        ev("2025-01-05", "CAN", "MEX"),
        ev("2025-01-05", "CAN", "USA"),
        ev("2025-01-05", "POL", "KOR"),
    )
    net = A.network(rows)
    first, second = A.layout(net), A.layout(net)
    assert first == second and set(first) == {"CAN", "MEX", "USA", "POL", "KOR"}
    xs = [x for x, _ in first.values()]
    ys = [y for _, y in first.values()]
    assert max(xs) - min(xs) < 4 and max(ys) - min(ys) < 3
    assert A.layout(A.network(frame(ev("2025-01-05", "CAN", None)))) == {}


# --------------------------------------------------------------------------- hedging


@pytest.mark.parametrize(
    ("rows", "actor", "is_hedging", "sign"),
    [
        # the seed story: relations with the US sour, Canada and Mexico draw together
        (
            [
                ev("2025-01-10", "USA", "CAN", goldstein=6.0),
                ev("2025-11-10", "USA", "CAN", goldstein=-6.0, quad=4),
                ev("2025-02-10", "CAN", "MEX", goldstein=2.0),
                ev("2025-11-20", "CAN", "MEX", goldstein=8.0),
            ],
            "CAN",
            True,
            +1,
        ),
        # the opposite: closer to the hub, cooler with others
        (
            [
                ev("2025-01-10", "USA", "CAN", goldstein=-6.0, quad=3),
                ev("2025-11-10", "USA", "CAN", goldstein=6.0),
                ev("2025-02-10", "CAN", "MEX", goldstein=8.0),
                ev("2025-11-20", "CAN", "MEX", goldstein=-2.0, quad=3),
            ],
            "CAN",
            False,
            -1,
        ),
        # worse with everyone is not hedging
        (
            [
                ev("2025-01-10", "USA", "CAN", goldstein=6.0),
                ev("2025-11-10", "USA", "CAN", goldstein=-6.0, quad=3),
                ev("2025-02-10", "CAN", "MEX", goldstein=8.0),
                ev("2025-11-20", "CAN", "MEX", goldstein=-2.0, quad=3),
            ],
            "CAN",
            False,
            +1,
        ),
    ],
)
def test_hedging_sign(rows: list[dict[str, Any]], actor: str, is_hedging: bool, sign: int) -> None:
    table = A.hedging(frame(*rows), hub="USA")
    assert "USA" not in set(table["actor"])
    row = table.set_index("actor").loc[actor]
    assert bool(row["is_hedging"]) is is_hedging
    assert math.copysign(1, row["hedging"]) == sign
    assert row["hedging"] == pytest.approx(row["others_change"] - row["hub_change"])
    assert math.copysign(1, row["hub_slope_per_month"]) == math.copysign(1, row["hub_change"])


def test_hedging_partners_and_empty() -> None:
    rows = frame(
        ev("2025-01-10", "USA", "CAN", goldstein=6.0),
        ev("2025-12-10", "USA", "CAN", goldstein=-6.0, quad=3),
        ev("2025-11-20", "CAN", "MEX", goldstein=8.0),
        ev("2025-11-21", "CAN", "JPN", goldstein=2.0),
    )
    can = A.hedging(rows).set_index("actor").loc["CAN"]
    assert can["partners"] == "MEX (+8.0), JPN (+2.0)"
    assert A.hedging(frame(ev(None, "CAN", "MEX"))).empty


def test_slope_per_month() -> None:
    ts = pd.Series(pd.to_datetime(["2025-01-15", "2025-02-15", "2025-03-15"]))
    assert A.slope_per_month(ts, pd.Series([1.0, 2.0, 3.0])) == pytest.approx(1.0)
    assert math.isnan(A.slope_per_month(ts[:1], pd.Series([1.0])))


# --------------------------------------------------------------------------- trade


def test_trade_dependence_news_and_reference() -> None:
    quantities = pd.DataFrame(
        [
            {
                "article_id": "a1",
                "date": "2025-01-01",
                "sentence_index": 0,
                "start": 0,
                "kind": "export_share",
                "subject": "CAN",
                "partner": "USA",
                "value": 75.0,
                "unit": "percent",
                "usd_value": None,
                "year": None,
                "text": "75 per cent",
            },
            {
                "article_id": "a2",
                "date": "2025-06-01",
                "sentence_index": 0,
                "start": 0,
                "kind": "export_share",
                "subject": "CAN",
                "partner": "USA",
                "value": 80.0,
                "unit": "percent",
                "usd_value": None,
                "year": None,
                "text": "80 per cent",
            },
        ]
    )
    trade = pd.DataFrame(
        {
            "a": ["CAN", "CAN"],
            "b": ["USA", "MEX"],
            "year": [2014, 2014],
            "flow_a_to_b_usd": [300e9, 20e9],
            "flow_b_to_a_usd": [250e9, 10e9],
            "source": ["COW", "COW"],
        }
    )
    macro = pd.DataFrame({"iso3": ["CAN"], "year": [2014], "exports_usd": [400e9]})
    out = A.trade_dependence(quantities, trade, macro, "USA", ["CAN", "MEX", "USA"])
    news = out.loc[out["origin"].str.startswith("news")]
    assert list(news["value"]) == [80.0]  # latest statement wins
    ref = out.loc[out["origin"].str.startswith("COW")].set_index("subject")
    assert ref.loc["CAN", "value"] == 75.0 and "macro" in ref.loc["CAN", "origin"]
    assert "MEX" not in ref.index  # MEX sells nothing to the US in this table
    no_macro = A.trade_dependence(quantities.iloc[:0], trade, None, "USA", ["CAN"])
    assert no_macro.iloc[0]["value"] == pytest.approx(100 * 300 / 320, abs=0.05)
    assert A.trade_dependence(quantities.iloc[:0]).empty


# --------------------------------------------------------------------------- commands


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("analytics") / "a.duckdb")


def run(*args: str) -> Any:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_dyads_command_formats(db: Path) -> None:
    rows = json.loads(
        run("dyads", "--db", str(db), "CAN", "MEX", "--freq", "quarter", "--format", "json").output
    )
    assert [r["period"] for r in rows] == ["2025Q1", "2025Q2", "2025Q3", "2025Q4"]
    assert rows[3]["plover"] == {"AGREE": 1, "COOPERATE": 1}
    csv = run(
        "dyads", "--db", str(db), "CAN", "MEX", "--freq", "year", "--format", "csv"
    ).output.splitlines()
    assert csv[0].startswith("period,start,end,a,b,") and "AGREE=1" in csv[1]
    table = run("dyads", "--db", str(db), "can", "mex", "--format", "table").output
    assert "2025-10" in table and "net_cooperation" in table


def test_dyads_command_usage_errors(db: Path) -> None:
    result = CliRunner().invoke(cli, ["dyads", "--db", str(db), "CAN", "MEX", "--freq", "day"])
    assert result.exit_code == 2
    assert CliRunner().invoke(cli, ["dyads", "--db", str(db), "CAN"]).exit_code == 2


def test_network_command_json_and_graphml(db: Path, tmp_path: Path) -> None:
    doc = json.loads(run("network", "--db", str(db), "--hub", "USA", "--format", "json").output)
    assert doc["hub"] == "USA"
    assert {"actor", "with_hub", "with_others"} <= set(doc["nodes"][0])
    assert any((e["a"], e["b"]) == ("CAN", "MEX") for e in doc["edges"])
    out = tmp_path / "net.graphml"
    run(
        "network",
        "--db",
        str(db),
        "--since",
        "2025-06-01",
        "--format",
        "graphml",
        "--output",
        str(out),
    )
    graph = nx.read_graphml(out)
    assert graph.has_edge("CAN", "MEX") and graph.has_edge("CAN", "USA")  # the August threats
    assert "RUS" in graph and graph["CAN"]["MEX"]["n_events"] == 2
    streamed = nx.parse_graphml(run("network", "--db", str(db), "--format", "graphml").output)
    assert streamed.number_of_nodes() == 11
    table = run("network", "--db", str(db), "--hub", "USA").output
    assert "CAN" in table and "with_hub" in table


def test_hedging_command(db: Path) -> None:
    rows = json.loads(run("hedging", "--db", str(db), "--format", "json").output)
    assert rows[0]["actor"] == "CAN" and rows[0]["is_hedging"] is True


def test_commands_have_help() -> None:
    for name in ("dyads", "network", "hedging", "report", "serve"):
        text = run(name, "--help").output
        assert len(text.split("\n\n")[1].strip()) > 30, name
