"""The views computed inside DuckDB (``analytics.indb``) against a plain Python reckoning of the
scoring rules, and against their pandas twins, on small hand-made events."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from multipolar import analytics as A
from multipolar import store
from multipolar.analytics import indb

COLUMNS = (
    "article_id",
    "sentence_index",
    "date",
    "source",
    "target",
    "cameo",
    "cameo_root",
    "quad",
    "goldstein",
    "plover",
    "reciprocal",
    "negated",
    "modality",
    "sentence",
)


def ev(
    date: str | None,
    source: str | None,
    target: str | None,
    goldstein: float | None = 4.0,
    quad: int | None = 1,
    plover: str | None = "CONSULT",
    root: str | None = "03",
    reciprocal: bool | None = False,
    negated: bool | None = False,
    modality: str | None = "asserted",
    article: str = "a1",
    index: int = 0,
) -> dict[str, Any]:
    return {
        "article_id": article,
        "sentence_index": index,
        "date": date,
        "source": source,
        "target": target,
        "cameo": (root or "") + "0",
        "cameo_root": root,
        "quad": quad,
        "goldstein": goldstein,
        "plover": plover,
        "reciprocal": reciprocal,
        "negated": negated,
        "modality": modality,
        "sentence": f"{source} {plover} {target} on {date}",
    }


def database(tmp_path: Path, rows: list[dict[str, Any]]) -> Any:
    path = tmp_path / "t.duckdb"
    names = ", ".join(f'"{c}"' for c in COLUMNS)
    marks = ", ".join("?" for _ in COLUMNS)
    with store.opened(path) as con:
        for i, row in enumerate(rows):
            row = {**row, "sentence_index": row["sentence_index"] or i}
            con.execute(f"INSERT INTO events ({names}) VALUES ({marks})", [row[c] for c in COLUMNS])
    return store.connect(path, read_only=True)


# --------------------------------------------------------------------------- plain Python


THREAT = {"16": -5.8, "17": -5.8, "18": -7.0, "19": -7.0, "20": -7.0}
WEIGHT = {"intended": 0.5, "hypothetical": 0.25}


def scored(row: dict[str, Any]) -> dict[str, Any] | None:
    """One event by the rules of ``analytics.events``, in plain Python (None: not dyadic)."""
    s, t = row["source"], row["target"]
    if s is None or t is None or s == t:
        return None
    modality = (row["modality"] or "asserted").lower()
    root = row["cameo_root"] or ""
    threat = modality == "threatened" and root != "13"
    g = THREAT.get(root, -4.4) if threat else (row["goldstein"] or 0.0)
    quad = 3 if threat else (row["quad"] or 0)
    weight = 0.0 if row["negated"] else WEIGHT.get(modality, 1.0)
    return {
        **row,
        "g": g,
        "q": quad,
        "w": weight,
        "score": weight * g,
        "pair": tuple(sorted((s, t))),
    }


def expected_edge(rows: list[dict[str, Any]], a: str, b: str) -> dict[str, Any]:
    pair = [e for r in rows if (e := scored(r)) and e["pair"] == (a, b)]
    counted = [e for e in pair if e["w"] > 0]
    coop = sum(e["w"] for e in counted if e["q"] in (1, 2))
    conf = sum(e["w"] for e in counted if e["q"] in (3, 4))
    return {
        "n_events": len(pair),
        "a_to_b": sum(1 for e in pair if e["source"] == a or e["reciprocal"]),
        "b_to_a": sum(1 for e in pair if e["source"] == b or e["reciprocal"]),
        "negated": sum(1 for e in pair if e["negated"]),
        "verbal_coop": sum(1 for e in counted if e["q"] == 1),
        "material_coop": sum(1 for e in counted if e["q"] == 2),
        "verbal_conflict": sum(1 for e in counted if e["q"] == 3),
        "material_conflict": sum(1 for e in counted if e["q"] == 4),
        "mean_goldstein": (sum(e["g"] for e in counted) / len(counted) if counted else math.nan),
        "coop_share": coop / (coop + conf) if coop + conf else math.nan,
        "net_cooperation": sum(e["score"] for e in counted),
    }


def nan_free(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows with NaN spelled "NaN", so that equal rows compare equal."""
    return [
        {k: "NaN" if isinstance(v, float) and math.isnan(v) else v for k, v in r.items()}
        for r in rows
    ]


CASES: dict[str, list[dict[str, Any]]] = {
    "plain": [
        ev("2025-01-01", "CAN", "MEX"),
        ev("2025-01-20", "MEX", "CAN", goldstein=-2.0, quad=3, plover="DISAPPROVE", root="11"),
        ev("2025-03-02", "USA", "CAN", goldstein=7.4, quad=2, plover="AID", root="07"),
    ],
    "negated and reciprocal": [
        ev("2025-02-01", "CAN", "MEX", reciprocal=True, goldstein=3.4, plover="AGREE"),
        ev("2025-02-03", "CAN", "MEX", negated=True, goldstein=3.4, plover="AGREE"),
        ev("2025-02-05", "MEX", "CAN", negated=None, reciprocal=None),
    ],
    "threats by root": [
        ev("2025-04-01", "USA", "CHN", modality="threatened", root="17", goldstein=-4.0, quad=4),
        ev("2025-04-02", "CHN", "USA", modality="Threatened", root="19", goldstein=-9.5, quad=4),
        ev("2025-04-03", "USA", "CHN", modality="threatened", root="13", goldstein=-4.4, quad=3),
        ev("2025-04-04", "CHN", "USA", modality="threatened", root="03", plover="CONSULT"),
        ev("2025-04-05", "CHN", "USA", modality="threatened", root=None, plover=None),
    ],
    "modalities and missing values": [
        ev("2025-05-01", "JPN", "KOR", modality="intended", goldstein=6.0),
        ev("2025-05-09", "KOR", "JPN", modality="hypothetical", goldstein=-10.0, quad=4),
        ev("2025-06-01", "JPN", "KOR", modality=None, goldstein=None, quad=None, plover=None),
        ev(None, "JPN", "KOR", goldstein=1.0),
        ev("2025-06-02", "JPN", None),
        ev("2025-06-03", "JPN", "JPN"),
    ],
}


@pytest.mark.parametrize("case", list(CASES))
def test_edges_match_plain_python(tmp_path: Path, case: str) -> None:
    rows = CASES[case]
    con = database(tmp_path, rows)
    edges = indb.network_db(con).edges
    pairs = {e["pair"] for r in rows if (e := scored(r))}
    assert sorted(zip(edges["a"], edges["b"], strict=True)) == sorted(pairs)
    for edge in edges.to_dict("records"):
        want = expected_edge(rows, edge["a"], edge["b"])
        for key, value in want.items():
            got = edge[key]
            if isinstance(value, float) and math.isnan(value):
                assert math.isnan(got), key
            else:
                assert got == pytest.approx(value), key


@pytest.mark.parametrize("case", list(CASES))
def test_views_equal_their_pandas_twins(tmp_path: Path, case: str) -> None:
    rows = CASES[case]
    con = database(tmp_path, rows)
    events = store.query_events(con, store.EventFilter())
    pd.testing.assert_frame_equal(indb.network_db(con, hub="USA").edges, A.network(events).edges)
    pd.testing.assert_frame_equal(
        indb.network_db(con, hub="USA").nodes, A.network(events, hub="USA").nodes
    )
    assert indb.summary_db(con) == A.summary(events)
    pd.testing.assert_frame_equal(indb.top_dyads_db(con, 5), A.top_dyads(events, 5))
    for freq in ("week", "month", "quarter", "year"):
        pd.testing.assert_frame_equal(indb.timeline_db(con, freq), A.timeline(events, freq))
    for a, b in {e["pair"] for r in rows if (e := scored(r))}:
        for freq in ("week", "month", "year"):
            pd.testing.assert_frame_equal(
                indb.dyad_series_db(con, b, a, freq), A.dyad_series(events, b, a, freq)
            )
        got = indb.example_sentences_db(con, [(b, a)], 3)[(a, b)]
        assert nan_free(got) == nan_free(A.example_sentences(events, a, b, 3))
    for hub in ("USA", "CAN", "JPN"):
        pd.testing.assert_frame_equal(indb.hedging_db(con, hub), A.hedging(events, hub))
    assert indb.states_in_db(con) == A.states_in(events)


def test_window_and_bounds(tmp_path: Path) -> None:
    rows = [r for case in CASES.values() for r in case]
    con = database(tmp_path, rows)
    since, until = dt.date(2025, 2, 1), dt.date(2025, 4, 30)
    events = store.query_events(con, store.EventFilter(since=since, until=until))
    net = indb.network_db(con, since, until, "USA")
    pd.testing.assert_frame_equal(net.edges, A.network(events, since, until, "USA").edges)
    pd.testing.assert_frame_equal(
        indb.dyad_series_db(con, "CAN", "MEX", "week", since, until, since, until),
        A.dyad_series(events, "CAN", "MEX", "week", since, until),
    )
    pd.testing.assert_frame_equal(
        indb.hedging_db(con, "USA", since, until, since, until),
        A.hedging(events, "USA", since, until),
    )
    assert indb.dyad_series_db(con, "ZZZ", "QQQ").empty
    assert indb.hedging_db(con, "USA", since=dt.date(2030, 1, 1)).empty
    assert indb.example_sentences_db(con, [("ZZZ", "QQQ")]) == {("QQQ", "ZZZ"): []}
