"""The views of the package computed where the data is: DuckDB filters and aggregates, pandas
gets the aggregated rows (or a bounded page of sentences).

Each function here returns what its pandas twin returns on the events of the same scope
(``dyad_series_db`` ≡ :func:`.dyads.dyad_series` on the events of the window, and so on); the
rules are those of :mod:`.events`, written as SQL in :mod:`.sql`. ``con`` is an open DuckDB
connection to the store.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any, cast

import numpy as np
import pandas as pd

from .aggregates import (
    AGG_COLUMNS,
    empty_aggregate,
    period_label,
    period_range,
    rows_by_key,
)
from .dyads import EXAMPLE_COLUMNS, example_row, series_columns
from .events import QUAD_NAMES
from .hedging import HEDGING_COLUMNS
from .network import EDGE_COLUMNS, Network, nodes_of
from .sql import Scope, aggregate_select, finish_aggregate, period_sql, scored_sql, to_periods

# DuckDB's own memory (buffer pool, hash tables) for the views: with Python and pandas on top,
# a view of 20M events stays under 1.5 GB.
MEMORY_LIMIT = "1GB"


def limit_memory(con: Any) -> Any:
    """``con`` with DuckDB's memory capped at :data:`MEMORY_LIMIT` and no progress bar (which
    would print into the output); returns ``con``."""
    con.execute(f"SET memory_limit = '{MEMORY_LIMIT}'")
    con.execute("SET enable_progress_bar = false")
    return con


def _scoped(scope: Scope) -> tuple[str, list[Any]]:
    sql, params = scored_sql(scope)
    return f"WITH scored AS ({sql})\n", params


def _plover_rows(rows: Sequence[tuple[Any, ...]]) -> dict[Any, dict[str, int]]:
    """(key, plover, n) rows as :func:`.aggregates.plover_by` returns them."""
    out: dict[Any, dict[str, int]] = {}
    for *key, plover, n in rows:
        k = key[0] if len(key) == 1 else tuple(key)
        out.setdefault(k, {})[str(plover)] = int(n)
    return {k: dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))) for k, v in out.items()}


# --------------------------------------------------------------------------- summary


def summary_db(
    con: Any, since: dt.date | None = None, until: dt.date | None = None
) -> dict[str, Any]:
    """:func:`.events.summary` of the events dated in [since, until] (all events without a
    bound)."""
    where, params = _window(since, until)
    n_all = con.execute(f"SELECT count(*) FROM events{where}", params).fetchone()[0]
    with_, sparams = _scoped(Scope(since, until))
    row = con.execute(
        with_
        + """SELECT count(*),
                (SELECT count(*) FROM (SELECT source FROM scored UNION SELECT target FROM scored)),
                count(DISTINCT (a, b)),
                count(*) FILTER (WHERE negated),
                count(*) FILTER (WHERE eff_plover = 'THREATEN'),
                min(date), max(date)
           FROM scored""",
        sparams,
    ).fetchone()
    return {
        "events": int(n_all),
        "dyadic_events": int(row[0]),
        "actors": int(row[1]),
        "dyads": int(row[2]),
        "negated": int(row[3]),
        "threats": int(row[4]),
        "first_date": str(row[5]) if row[5] is not None else None,
        "last_date": str(row[6]) if row[6] is not None else None,
    }


def _window(since: dt.date | None, until: dt.date | None) -> tuple[str, list[Any]]:
    where, params = [], []
    if since is not None:
        where.append("date >= ?")
        params.append(since)
    if until is not None:
        where.append("date <= ?")
        params.append(until)
    return (" WHERE " + " AND ".join(where) if where else ""), params


# --------------------------------------------------------------------------- dyads


def dyad_series_db(
    con: Any,
    a: str,
    b: str,
    freq: str = "month",
    start: dt.date | None = None,
    end: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """:func:`.dyads.dyad_series` over the events dated in [since, until]: one row per period
    between a and b from ``start``/``end`` or else the pair's first and last dated event."""
    a, b = a.upper(), b.upper()
    with_, params = _scoped(Scope(since, until, pair=(a, b), dated=True))
    first, last = con.execute(with_ + "SELECT min(date), max(date) FROM scored", params).fetchone()
    lo = pd.Timestamp(start) if start else (pd.Timestamp(first) if first is not None else None)
    hi = pd.Timestamp(end) if end else (pd.Timestamp(last) if last is not None else None)
    if lo is None or hi is None or lo > hi:
        return pd.DataFrame(columns=list(series_columns()))
    inside = "date >= ? AND date <= ?"
    bounds = [lo.date(), hi.date()]
    period = period_sql(freq)
    agg = con.execute(
        with_
        + f"""SELECT {aggregate_select(["_period"])},
                 count(*) FILTER (WHERE source = ? OR reciprocal) AS _a_to_b,
                 count(*) FILTER (WHERE source = ? OR reciprocal) AS _b_to_a
           FROM (SELECT *, {period} AS _period FROM scored WHERE {inside})
           GROUP BY _period""",
        [*params, a, b, *bounds],
    ).df()
    plover = con.execute(
        with_
        + f"""SELECT {period} AS _period, eff_plover, count(*) FROM scored
           WHERE {inside} AND weight > 0 AND eff_plover <> '' GROUP BY ALL""",
        [*params, *bounds],
    ).fetchall()
    periods = to_periods(agg["_period"], freq)
    directed = {
        p: (int(x), int(y)) for p, x, y in zip(periods, agg["_a_to_b"], agg["_b_to_a"], strict=True)
    }
    agg["_period"] = periods
    by_period = rows_by_key(finish_aggregate(agg, ["_period"])) if len(agg) else {}
    plover_by = _plover_rows([(to_periods([p], freq)[0], pl, n) for p, pl, n in plover])
    rows: list[dict[str, Any]] = []
    for per in period_range(lo, hi, freq):
        a_to_b, b_to_a = directed.get(per, (0, 0))
        row: dict[str, Any] = {
            "period": period_label(per, freq),
            "start": str(per.start_time.date()),
            "end": str(per.end_time.date()),
            "a": a,
            "b": b,
            "a_to_b": a_to_b,
            "b_to_a": b_to_a,
        }
        row.update(by_period.get(per) or empty_aggregate())
        row["plover"] = plover_by.get(per, {})
        rows.append(row)
    return pd.DataFrame(rows, columns=list(series_columns()))


def monthly_slope(
    monthly: dict[pd.Period, float], lo: pd.Timestamp | None, hi: pd.Timestamp | None
) -> float:
    """:func:`.aggregates.slope_per_month` from monthly sums already made: the least-squares
    slope over every month from ``lo`` to ``hi`` (missing months count 0); NaN under 2."""
    if lo is None or hi is None or pd.isna(lo) or pd.isna(hi):
        return float("nan")
    months = pd.period_range(start=lo, end=hi, freq="M")
    if len(months) < 2:
        return float("nan")
    series = pd.Series(monthly, dtype=float).reindex(months, fill_value=0.0)
    x = np.arange(len(months), dtype=float)
    return float(np.polyfit(x, series.to_numpy(dtype=float), 1)[0])


def top_dyads_db(
    con: Any, n: int = 10, since: dt.date | None = None, until: dt.date | None = None
) -> pd.DataFrame:
    """:func:`.dyads.top_dyads` of the events dated in [since, until]."""
    with_, params = _scoped(Scope(since, until))
    cols = ["a", "b", *AGG_COLUMNS, "slope_per_month", "plover"]
    frame = con.execute(
        with_ + f"SELECT {aggregate_select(['a', 'b'])} FROM scored GROUP BY a, b", params
    ).df()
    if frame.empty:
        return pd.DataFrame(columns=cols)
    agg = finish_aggregate(frame, ["a", "b"])
    agg = agg.sort_values("n_events", ascending=False, kind="stable").head(n)
    pairs = [cast(tuple[str, str], k) for k in agg.index]
    values = ", ".join("(?, ?)" for _ in pairs)
    pair_params = [x for p in pairs for x in p]
    sub = f"(a, b) IN (SELECT (pa, pb) FROM (VALUES {values}) p(pa, pb))"
    plover = _plover_rows(
        con.execute(
            with_
            + f"""SELECT a, b, eff_plover, count(*) FROM scored
               WHERE {sub} AND weight > 0 AND eff_plover <> '' GROUP BY ALL""",
            [*params, *pair_params],
        ).fetchall()
    )
    monthly = con.execute(
        with_
        + f"""SELECT a, b, {period_sql("month")} AS m, fsum(score) AS s FROM scored
           WHERE {sub} AND date IS NOT NULL GROUP BY ALL""",
        [*params, *pair_params],
    ).fetchall()
    by_pair: dict[tuple[str, str], dict[pd.Period, float]] = {}
    for pa, pb, m, s in monthly:
        by_pair.setdefault((pa, pb), {})[pd.Timestamp(m).to_period("M")] = float(s)
    spans = {
        (pa, pb): (lo, hi)
        for pa, pb, lo, hi in con.execute(
            with_
            + f"""SELECT a, b, min(date), max(date) FROM scored
               WHERE {sub} AND date IS NOT NULL GROUP BY a, b""",
            [*params, *pair_params],
        ).fetchall()
    }
    rows: list[dict[str, Any]] = []
    for key, vals in rows_by_key(agg).items():
        pa, pb = cast(tuple[str, str], key)
        lo, hi = spans.get((pa, pb), (None, None))
        row: dict[str, Any] = {"a": str(pa), "b": str(pb), **vals}
        row["slope_per_month"] = monthly_slope(
            by_pair.get((pa, pb), {}),
            pd.Timestamp(lo) if lo is not None else None,
            pd.Timestamp(hi) if hi is not None else None,
        )
        row["plover"] = plover.get((pa, pb), {})
        rows.append(row)
    out = pd.DataFrame(rows, columns=cols)
    out = out.sort_values(["n_events", "a", "b"], ascending=[False, True, True], kind="stable")
    return out.head(n).reset_index(drop=True)


def example_sentences_db(
    con: Any,
    pairs: Sequence[tuple[str, str]],
    n: int = 5,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """:func:`.dyads.example_sentences` for each of ``pairs`` (keyed by the pair in sorted,
    upper-case order) in one query: up to n sentences, strongest first, one per sentence."""
    keys = [cast(tuple[str, str], tuple(sorted((a.upper(), b.upper())))) for a, b in pairs]
    out: dict[tuple[str, str], list[dict[str, Any]]] = {k: [] for k in keys}
    if not keys:
        return out
    with_, params = _scoped(Scope(since, until, pairs=tuple(dict.fromkeys(keys))))
    # The pandas order: strength, then date (undated last), then the frame's own order.
    order = "abs(score) DESC, date ASC NULLS LAST, article_id, sentence_index, _rowid"
    cols = ", ".join("CAST(date AS VARCHAR) AS date" if c == "date" else c for c in EXAMPLE_COLUMNS)
    frame = con.execute(
        with_
        + f"""SELECT a AS _a, b AS _b, {cols} FROM (
              SELECT * FROM scored
              QUALIFY row_number() OVER (PARTITION BY a, b, article_id, sentence_index ORDER BY {order}) = 1
           )
           QUALIFY row_number() OVER (PARTITION BY a, b ORDER BY {order}) <= ?
           ORDER BY a, b, {order}""",
        [*params, n],
    ).df()
    for rec in frame.to_dict("records"):
        key = (str(rec.pop("_a")), str(rec.pop("_b")))
        # A missing text reads as NaN, as it does in the pandas frame of `query_events`.
        for col in ("date", "cameo", "modality", "sentence", "article_id"):
            if rec[col] is None or (isinstance(rec[col], float) and math.isnan(rec[col])):
                rec[col] = math.nan
        rec["negated"] = bool(rec["negated"])
        rec["reciprocal"] = bool(rec["reciprocal"])
        rec["eff_goldstein"] = float(rec["eff_goldstein"])
        out[key].append(example_row(rec))
    return out


# --------------------------------------------------------------------------- timeline


def timeline_db(
    con: Any, freq: str = "month", since: dt.date | None = None, until: dt.date | None = None
) -> pd.DataFrame:
    """:func:`.dyads.timeline` of the events dated in [since, until]."""
    with_, params = _scoped(Scope(since, until, dated=True))
    cols = ["period", *QUAD_NAMES.values(), "net_cooperation"]
    frame = con.execute(
        with_
        + f"""SELECT {aggregate_select(["_period"])}, min(date) AS _lo, max(date) AS _hi
           FROM (SELECT *, {period_sql(freq)} AS _period FROM scored WHERE weight > 0)
           GROUP BY _period""",
        params,
    ).df()
    if frame.empty:
        return pd.DataFrame(columns=cols)
    lo, hi = pd.Timestamp(frame["_lo"].min()), pd.Timestamp(frame["_hi"].max())
    frame["_period"] = to_periods(frame["_period"], freq)
    by_period = rows_by_key(finish_aggregate(frame, ["_period"]))
    rows = []
    for period in period_range(lo, hi, freq):
        values = by_period.get(period) or empty_aggregate()
        rows.append({"period": period_label(period, freq), **{c: values[c] for c in cols[1:]}})
    return pd.DataFrame(rows, columns=cols)


def span_db(
    con: Any, since: dt.date | None = None, until: dt.date | None = None
) -> tuple[dt.date | None, dt.date | None]:
    """First and last date of the dyadic events dated in [since, until]."""
    with_, params = _scoped(Scope(since, until))
    first, last = con.execute(with_ + "SELECT min(date), max(date) FROM scored", params).fetchone()
    return first, last


# --------------------------------------------------------------------------- network


def network_db(
    con: Any,
    since: dt.date | None = None,
    until: dt.date | None = None,
    hub: str | None = None,
) -> Network:
    """:func:`.network.network` of the events dated in [since, until]."""
    with_, params = _scoped(Scope(since, until))
    frame = con.execute(
        with_
        + f"""SELECT {aggregate_select(["a", "b"])},
                 count(*) FILTER (WHERE source = a OR reciprocal) AS a_to_b,
                 count(*) FILTER (WHERE source = b OR reciprocal) AS b_to_a
           FROM scored GROUP BY a, b""",
        params,
    ).df()
    if frame.empty:
        edges = pd.DataFrame(columns=list(EDGE_COLUMNS))
    else:
        directed = frame.sort_values(["a", "b"], kind="stable").set_index(["a", "b"])[
            ["a_to_b", "b_to_a"]
        ]
        edges = finish_aggregate(frame, ["a", "b"]).join(directed).reset_index()
        edges["a"] = edges["a"].astype(str)
        edges["b"] = edges["b"].astype(str)
        edges = edges[list(EDGE_COLUMNS)]
    hub = hub.upper() if hub else None
    return Network(nodes_of(edges, hub), edges, hub)


# --------------------------------------------------------------------------- hedging


def hedging_db(
    con: Any,
    hub: str,
    start: dt.date | None = None,
    end: dt.date | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> pd.DataFrame:
    """:func:`.hedging.hedging` of the events dated in [since, until], over the window
    ``start``/``end`` (or the first and last dated event)."""
    hub = hub.upper()
    with_, params = _scoped(Scope(since, until, dated=True))
    first, last = con.execute(with_ + "SELECT min(date), max(date) FROM scored", params).fetchone()
    if first is None:
        return pd.DataFrame(columns=list(HEDGING_COLUMNS))
    lo = pd.Timestamp(start) if start else pd.Timestamp(first)
    hi = pd.Timestamp(end) if end else pd.Timestamp(last)
    mid = lo + (hi - lo) / 2
    # Each event once per participant, the hub's own side left out.
    view = """
        SELECT actor, partner = ? AS _hub, CAST(date AS TIMESTAMP) > ? AS _late, partner, date, score
        FROM (SELECT source AS actor, target AS partner, date, score FROM scored
              WHERE date >= ? AND date <= ?
              UNION ALL
              SELECT target, source, date, score FROM scored WHERE date >= ? AND date <= ?)
        WHERE actor <> ?"""
    bounds = [lo.date(), hi.date()]
    vparams = [*params, hub, mid.to_pydatetime(), *bounds, *bounds, hub]
    cells = con.execute(
        with_
        + f"""SELECT actor, _hub, _late, count(*) AS n, fsum(score) AS s
           FROM ({view}) GROUP BY ALL""",
        vparams,
    ).fetchall()
    monthly = con.execute(
        with_
        + f"""SELECT actor, _hub, {period_sql("month")} AS m, fsum(score) AS s
           FROM ({view}) GROUP BY ALL""",
        vparams,
    ).fetchall()
    late = con.execute(
        with_
        + f"""SELECT actor, partner, fsum(score) AS s FROM ({view})
           WHERE _late AND NOT _hub GROUP BY ALL""",
        vparams,
    ).fetchall()
    if not cells:
        return pd.DataFrame(columns=list(HEDGING_COLUMNS))
    sums: dict[str, dict[tuple[bool, bool], tuple[int, float]]] = {}
    for actor, is_hub, is_late, n, s in cells:
        sums.setdefault(str(actor), {})[(bool(is_hub), bool(is_late))] = (int(n), float(s))
    months: dict[tuple[str, bool], dict[pd.Period, float]] = {}
    for actor, is_hub, m, s in monthly:
        months.setdefault((str(actor), bool(is_hub)), {})[pd.Timestamp(m).to_period("M")] = float(s)
    partners: dict[str, dict[str, float]] = {}
    for actor, partner, s in late:
        partners.setdefault(str(actor), {})[str(partner)] = float(s)
    rows = [
        _hedging_row_db(actor, sums[actor], months, partners.get(actor, {}), lo, hi)
        for actor in sorted(sums)
    ]
    out = pd.DataFrame(rows, columns=list(HEDGING_COLUMNS))
    return out.sort_values(
        ["hedging", "actor"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def _hedging_row_db(
    actor: str,
    cells: dict[tuple[bool, bool], tuple[int, float]],
    months: dict[tuple[str, bool], dict[pd.Period, float]],
    partners: dict[str, float],
    lo: pd.Timestamp,
    hi: pd.Timestamp,
) -> dict[str, Any]:
    def cell(is_hub: bool, is_late: bool) -> tuple[int, float]:
        return cells.get((is_hub, is_late), (0, 0.0))

    hub_first = cell(True, False)[1]
    hub_second = cell(True, True)[1]
    others_first = cell(False, False)[1]
    others_second = cell(False, True)[1]
    hub_change = hub_second - hub_first
    others_change = others_second - others_first
    late = pd.Series(partners, dtype=float).sort_index()
    late = late[late > 0].sort_values(ascending=False).head(3)
    return {
        "actor": actor,
        "n_hub": cell(True, False)[0] + cell(True, True)[0],
        "n_others": cell(False, False)[0] + cell(False, True)[0],
        "hub_first": hub_first,
        "hub_second": hub_second,
        "hub_change": hub_change,
        "others_first": others_first,
        "others_second": others_second,
        "others_change": others_change,
        "hedging": others_change - hub_change,
        "is_hedging": bool(hub_change < 0 < others_change),
        "hub_slope_per_month": monthly_slope(months.get((actor, True), {}), lo, hi),
        "others_slope_per_month": monthly_slope(months.get((actor, False), {}), lo, hi),
        "partners": ", ".join(f"{p} ({v:+.1f})" for p, v in late.items()),
    }


# --------------------------------------------------------------------------- states


def states_in_db(con: Any, since: dt.date | None = None, until: dt.date | None = None) -> list[str]:
    """:func:`.trade.states_in` of the events dated in [since, until]: actors that look like
    states, most active first (ties in the order pandas' ``value_counts`` gives them)."""
    from .trade import looks_like_state

    with_, params = _scoped(Scope(since, until))
    # First appearance in the source column, then the target column, in the frame's order
    # (value_counts keeps that order among equal counts): a grouped min, no sort of the rows.
    key = "date IS NULL, coalesce(date, DATE '9999-12-31'), article_id, sentence_index, _rowid"
    rows = con.execute(
        with_
        + f"""SELECT actor, count(*) AS n, min(_first) AS _first FROM (
              SELECT source AS actor, (0, {key}) AS _first FROM scored
              UNION ALL
              SELECT target, (1, {key}) FROM scored)
           GROUP BY actor ORDER BY _first""",
        params,
    ).fetchall()
    counts = pd.Series({str(a): int(n) for a, n, _f in rows}, dtype="int64")
    counts = counts.sort_values(ascending=False, kind="stable")
    return [str(a) for a in counts.index if looks_like_state(str(a))]
