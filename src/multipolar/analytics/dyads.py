"""Pairs of actors over time: one pair's series, the most active pairs, their sentences, and
the overall timeline."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import pandas as pd

from .aggregates import (
    AGG_COLUMNS,
    aggregate_by,
    empty_aggregate,
    period_index,
    period_label,
    period_range,
    plover_by,
    rows_by_key,
    slope_per_month,
)
from .events import QUAD_NAMES, as_scored, in_window

# --------------------------------------------------------------------------- dyads


def dyad_events(scored: pd.DataFrame, a: str, b: str) -> pd.DataFrame:
    """Events between a and b, either direction."""
    lo, hi = sorted((a.upper(), b.upper()))
    return scored.loc[(scored["a"] == lo) & (scored["b"] == hi)]


def dyad_series(
    events: pd.DataFrame,
    a: str,
    b: str,
    freq: str = "month",
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """One row per period between a and b, empty periods included (zeros, NaN means).

    ``a_to_b``/``b_to_a`` are directed counts (a reciprocal event counts in both); the other
    counts are per event. Periods run from ``start``/``end`` or else the pair's first and last
    dated event.
    """
    a, b = a.upper(), b.upper()
    pair = dyad_events(as_scored(events), a, b)
    pair = pair.loc[pair["ts"].notna()]
    lo = pd.Timestamp(start) if start else (pair["ts"].min() if len(pair) else None)
    hi = pd.Timestamp(end) if end else (pair["ts"].max() if len(pair) else None)
    if lo is None or hi is None or lo > hi:
        return pd.DataFrame(columns=list(series_columns()))
    pair = pair.loc[(pair["ts"] >= lo) & (pair["ts"] < hi + pd.Timedelta(days=1))]
    pair = pair.assign(
        _period=period_index(pair["ts"], freq),
        _a_to_b=((pair["source"] == a) | pair["reciprocal"]).astype(int),
        _b_to_a=((pair["source"] == b) | pair["reciprocal"]).astype(int),
    )
    agg = aggregate_by(pair, ["_period"])
    directed = pair.groupby("_period", observed=True)[["_a_to_b", "_b_to_a"]].sum()
    plover = plover_by(pair, ["_period"])
    by_period = rows_by_key(agg)
    rows: list[dict[str, Any]] = []
    for period in period_range(lo, hi, freq):
        row: dict[str, Any] = {
            "period": period_label(period, freq),
            "start": str(period.start_time.date()),
            "end": str(period.end_time.date()),
            "a": a,
            "b": b,
            "a_to_b": int(directed["_a_to_b"].get(period, 0)),
            "b_to_a": int(directed["_b_to_a"].get(period, 0)),
        }
        row.update(by_period.get(period) or empty_aggregate())
        row["plover"] = plover.get(period, {})
        rows.append(row)
    return pd.DataFrame(rows, columns=list(series_columns()))


# The fields of an example sentence, in order (pandas and DuckDB paths alike).
EXAMPLE_COLUMNS = (
    "date",
    "source",
    "target",
    "eff_plover",
    "cameo",
    "eff_goldstein",
    "modality",
    "negated",
    "reciprocal",
    "sentence",
    "article_id",
)


def series_columns() -> tuple[str, ...]:
    """The columns of a :func:`dyad_series` frame, in order."""
    return ("period", "start", "end", "a", "b", "a_to_b", "b_to_a", *AGG_COLUMNS, "plover")


def top_dyads(
    events: pd.DataFrame, n: int = 10, since: dt.date | None = None, until: dt.date | None = None
) -> pd.DataFrame:
    """The n most active pairs, with their aggregates and monthly trend."""
    scored = in_window(as_scored(events), since, until)
    agg = (
        aggregate_by(scored, ["a", "b"]) if len(scored) else pd.DataFrame(columns=list(AGG_COLUMNS))
    )
    agg = agg.sort_values("n_events", ascending=False, kind="stable").head(n)
    plover = plover_by(scored, ["a", "b"])
    rows: list[dict[str, Any]] = []
    for key, values in rows_by_key(agg).items():
        a, b = cast(tuple[str, str], key)
        group = scored.loc[(scored["a"] == a) & (scored["b"] == b)]
        row: dict[str, Any] = {"a": str(a), "b": str(b), **values}
        row["slope_per_month"] = slope_per_month(group["ts"], group["score"])
        row["plover"] = plover.get((a, b), {})
        rows.append(row)
    cols = ["a", "b", *AGG_COLUMNS, "slope_per_month", "plover"]
    out = pd.DataFrame(rows, columns=cols)
    if out.empty:
        return out
    out = out.sort_values(["n_events", "a", "b"], ascending=[False, True, True], kind="stable")
    return out.head(n).reset_index(drop=True)


def example_sentences(events: pd.DataFrame, a: str, b: str, n: int = 5) -> list[dict[str, Any]]:
    """Up to n source sentences for the pair, strongest (|score|) first, ties by date."""
    pair = dyad_events(as_scored(events), a, b)
    if pair.empty:
        return []
    pair = pair.assign(_strength=pair["score"].abs())
    pair = pair.sort_values(["_strength", "ts"], ascending=[False, True], kind="stable")
    pair = (
        pair.drop_duplicates(subset=["article_id", "sentence_index"])
        if "article_id" in pair
        else pair
    )
    cols = [c for c in EXAMPLE_COLUMNS if c in pair]
    return [example_row(r) for r in pair.head(n)[cols].to_dict("records")]


def example_row(row: dict[Any, Any]) -> dict[str, Any]:
    """A scored event as an example sentence: ``eff_plover``/``eff_goldstein`` shown as
    ``plover``/``goldstein`` (an empty type as None)."""
    out = {str(k): v for k, v in row.items()}
    out["plover"] = out.pop("eff_plover", None) or None
    out["goldstein"] = out.pop("eff_goldstein", None)
    return out


# --------------------------------------------------------------------------- timeline


def timeline(events: pd.DataFrame, freq: str = "month") -> pd.DataFrame:
    """Events per period and quad class, over all dyadic events (for the overview plot)."""
    scored = as_scored(events)
    scored = scored.loc[scored["ts"].notna() & (scored["weight"] > 0)]
    cols = ["period", *QUAD_NAMES.values(), "net_cooperation"]
    if scored.empty:
        return pd.DataFrame(columns=cols)
    by_period = rows_by_key(
        aggregate_by(scored.assign(_period=period_index(scored["ts"], freq)), ["_period"])
    )
    rows = []
    for period in period_range(scored["ts"].min(), scored["ts"].max(), freq):
        values = by_period.get(period) or empty_aggregate()
        rows.append({"period": period_label(period, freq), **{c: values[c] for c in cols[1:]}})
    return pd.DataFrame(rows, columns=cols)
