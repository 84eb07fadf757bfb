"""The scoring rules of :mod:`.events` as SQL, so that views filter and aggregate inside DuckDB.

:func:`scored_sql` is :func:`.events.score_events` written as one ``SELECT`` over the
``events`` table: the same rules (dyadic events only, the threat rule, modality and negation
weights, the pair in sorted order), built from the same tables (``MODALITY_WEIGHT``, the threat
Goldstein scores), with the window, pair, actor and hub filters in its ``WHERE`` clause.
:func:`aggregate_sql` is :func:`.aggregates.aggregate_by` as a ``GROUP BY``. Only aggregated
rows, or a bounded page of rows, reach pandas.

Sums of scores use DuckDB's ``fsum`` (compensated summation), as pandas' grouped sums do, so
that the totals come out as pandas computes them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from .aggregates import AGG_COLUMNS, FREQS
from .events import (
    MODALITY_WEIGHT,
    NEGATED_WEIGHT,
    QUAD_NAMES,
    THREAT_GOLDSTEIN_BY_ROOT,
    THREAT_GOLDSTEIN_DEFAULT,
)

# Period starts as DuckDB truncates them; date_trunc('week') gives the Monday, as the pandas
# W-SUN period (Monday to Sunday) does.
_TRUNC: dict[str, str] = {f: f for f in FREQS}


def _lit(value: float) -> str:
    # repr of a float round-trips, and DuckDB reads a decimal literal cast to DOUBLE to the
    # same nearest double as Python does.
    return f"CAST({value!r} AS DOUBLE)"


def _str_lit(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _weight_sql() -> str:
    cases = " ".join(f"WHEN {_str_lit(k)} THEN {_lit(v)}" for k, v in MODALITY_WEIGHT.items())
    return f"CASE WHEN negated THEN {_lit(NEGATED_WEIGHT)} ELSE CASE _modality {cases} ELSE {_lit(1.0)} END END"


def _threat_goldstein_sql() -> str:
    cases = " ".join(
        f"WHEN {_str_lit(root)} THEN {_lit(g)}" for root, g in THREAT_GOLDSTEIN_BY_ROOT.items()
    )
    return f"CASE _root {cases} ELSE {_lit(THREAT_GOLDSTEIN_DEFAULT)} END"


@dataclass(frozen=True, slots=True)
class Scope:
    """Which events a view reads: a date window, one pair, one actor, and dated events only.

    ``since``/``until`` bound the event date (inclusive), as ``multipolar events --since``
    does; with neither, undated events are kept unless ``dated`` is set.
    """

    since: dt.date | None = None
    until: dt.date | None = None
    pair: tuple[str, str] | None = None
    actor: str | None = None
    pairs: tuple[tuple[str, str], ...] | None = None
    dated: bool = False


# Columns the scored relation carries. ``_pos`` is the order `query_events` lists events in
# (date, article, sentence, then storage order); views use it to break ties as the pandas code
# did on that frame.
_BASE = """
SELECT rowid AS _rowid, article_id, sentence_index, date, source, target, cameo, plover,
       modality, sentence,
       coalesce(negated, false) AS negated,
       coalesce(reciprocal, false) AS reciprocal,
       lower(coalesce(modality, 'asserted')) AS _modality,
       coalesce(cameo_root, '') AS _root,
       CASE WHEN goldstein IS NULL OR isnan(goldstein) THEN CAST(0.0 AS DOUBLE)
            ELSE goldstein END AS _goldstein,
       coalesce(quad, 0) AS _quad,
       coalesce(plover, '') AS _plover
FROM events
WHERE source IS NOT NULL AND target IS NOT NULL AND source <> target
"""


def scored_sql(scope: Scope) -> tuple[str, list[Any]]:
    """A ``SELECT`` of the scored events in ``scope`` and its parameters.

    Columns: the event's own (article_id, sentence_index, date, source, target, cameo, plover,
    modality, sentence), ``negated``/``reciprocal`` as booleans, ``eff_goldstein``,
    ``eff_quad``, ``eff_plover``, ``weight``, ``score``, ``a``/``b`` (the pair in sorted order)
    and ``_rowid`` (storage order, the last tie-break).
    """
    where: list[str] = []
    params: list[Any] = []
    if scope.since is not None:
        where.append("date >= ?")
        params.append(scope.since)
    if scope.until is not None:
        where.append("date <= ?")
        params.append(scope.until)
    if scope.dated:
        where.append("date IS NOT NULL")
    if scope.pair is not None:
        a, b = scope.pair
        where.append("((source = ? AND target = ?) OR (source = ? AND target = ?))")
        params += [a, b, b, a]
    if scope.actor is not None:
        where.append("(source = ? OR target = ?)")
        params += [scope.actor, scope.actor]
    if scope.pairs is not None:
        # Equalities on the stored columns rather than on least()/greatest(): DuckDB checks
        # them while it scans.
        either = "((source = ? AND target = ?) OR (source = ? AND target = ?))"
        where.append("(" + (" OR ".join(either for _ in scope.pairs) or "FALSE") + ")")
        for a, b in scope.pairs:
            params += [a, b, b, a]
    base = _BASE + "".join(f" AND {w}" for w in where)
    sql = f"""
SELECT *,
       {_weight_sql()} AS weight,
       {_weight_sql()} * eff_goldstein AS score
FROM (
  SELECT *,
         CASE WHEN _threat THEN {_threat_goldstein_sql()} ELSE _goldstein END AS eff_goldstein,
         CASE WHEN _threat THEN 3 ELSE _quad END AS eff_quad,
         CASE WHEN _threat THEN 'THREATEN' ELSE _plover END AS eff_plover,
         least(source, target) AS a, greatest(source, target) AS b
  FROM (SELECT *, _modality = 'threatened' AND _root <> '13' AS _threat FROM ({base}))
) AS s0
"""
    return sql, params


def period_sql(freq: str, column: str = "date") -> str:
    """The first day of ``column``'s calendar period as a DATE (weeks start on Monday)."""
    if freq not in _TRUNC:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    return f"CAST(date_trunc('{_TRUNC[freq]}', {column}) AS DATE)"


_PERIOD_CODES: dict[str, str] = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}


def to_periods(starts: Sequence[Any], freq: str) -> list[pd.Period]:
    """The pandas periods that begin on ``starts`` (dates from :func:`period_sql`)."""
    return [pd.Timestamp(s).to_period(_PERIOD_CODES[freq]) for s in starts]


def aggregate_select(keys: Sequence[str]) -> str:
    """The ``SELECT`` list of :func:`.aggregates.aggregate_by` over a scored relation, with
    ``keys`` first; group by the keys."""
    counted = "weight > 0"
    quads = ", ".join(
        f"count(*) FILTER (WHERE {counted} AND eff_quad = {q}) AS {name}"
        for q, name in QUAD_NAMES.items()
    )
    return f"""
{", ".join(keys)}{", " if keys else ""}
count(*) AS n_events,
CAST(count(*) FILTER (WHERE reciprocal) AS BIGINT) AS reciprocal,
CAST(count(*) FILTER (WHERE negated) AS BIGINT) AS negated,
{quads},
fsum(eff_goldstein) FILTER (WHERE {counted})
  / NULLIF(count(*) FILTER (WHERE {counted}), 0) AS mean_goldstein,
coalesce(fsum(weight) FILTER (WHERE {counted} AND eff_quad IN (1, 2)), 0.0) AS _coop_w,
coalesce(fsum(weight) FILTER (WHERE {counted} AND eff_quad IN (3, 4)), 0.0) AS _conf_w,
coalesce(fsum(score) FILTER (WHERE {counted} AND score > 0), 0.0) AS cooperation,
coalesce(fsum(-score) FILTER (WHERE {counted} AND score < 0), 0.0) AS conflict
"""


def finish_aggregate(frame: pd.DataFrame, keys: Sequence[str]) -> pd.DataFrame:
    """An :func:`aggregate_select` result as :func:`.aggregates.aggregate_by` returns it:
    indexed by the keys, sorted, with ``coop_share`` and ``net_cooperation``."""
    out = frame.sort_values(list(keys), kind="stable").set_index(list(keys))
    total = out["_coop_w"] + out["_conf_w"]
    out["coop_share"] = (out["_coop_w"] / total).where(total > 0)
    out["net_cooperation"] = out["cooperation"] - out["conflict"]
    return out[list(AGG_COLUMNS)]
