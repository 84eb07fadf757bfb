"""Coded events scored once for every view: the rules about what an event is worth.

Pure functions over pandas DataFrames shaped like the ``events`` table (see DESIGN.md, "Event
record"); no I/O. Every view starts from :func:`score_events`, so the rules live in one place:

* An event between A and B is one interaction of the pair, whichever way it points. A
  *reciprocal* event ("A and B agreed") counts as A→B **and** B→A in directed counts.
* A *negated* event ("no deal", "refused to meet") did not happen: it is counted in
  ``negated`` but carries no weight (``NEGATED_WEIGHT``).
* A *threatened* event ("threatened to impose tariffs") is a threat, not the act: it is
  scored as CAMEO 13 (THREATEN, verbal conflict) whatever the verb was.
* *Intended* and *hypothetical* events are down-weighted; they may never happen.
* Net cooperation is the sum of weight × Goldstein score (cooperation positive, conflict
  negative), so one military clash outweighs a handful of friendly statements.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

import numpy as np
import pandas as pd

DEFAULT_HUB = "USA"

# Threats and wishes are cheaper than deeds; reports by third parties are taken at face value
# because most news is reported speech.
MODALITY_WEIGHT: dict[str, float] = {
    "asserted": 1.0,
    "reported": 1.0,
    "threatened": 1.0,
    "intended": 0.5,
    "hypothetical": 0.25,
}
NEGATED_WEIGHT = 0.0

QUAD_NAMES: dict[int, str] = {
    1: "verbal_coop",
    2: "material_coop",
    3: "verbal_conflict",
    4: "material_conflict",
}

# Goldstein scores of the CAMEO 13 codes a threat maps to (GDELT CAMEO lookups): a threat of
# force (roots 18-20) is 138 (-7.0), a threat of sanctions/reduced ties (16-17) is 131 (-5.8),
# anything else the generic 130 (-4.4).
THREAT_GOLDSTEIN_BY_ROOT: dict[str, float] = {
    "16": -5.8,
    "17": -5.8,
    "18": -7.0,
    "19": -7.0,
    "20": -7.0,
}
THREAT_GOLDSTEIN_DEFAULT = -4.4


# --------------------------------------------------------------------------- scoring


def _bool_col(df: pd.DataFrame, name: str) -> pd.Series:
    if name not in df:
        return pd.Series(False, index=df.index, dtype=bool)
    return df[name].fillna(False).astype(bool)


def _str_col(df: pd.DataFrame, name: str, default: str = "") -> pd.Series:
    if name not in df:
        return pd.Series(default, index=df.index, dtype=object)
    return df[name].astype(object).where(df[name].notna(), default).astype(str)


def _threat_goldstein(root: str) -> float:
    return THREAT_GOLDSTEIN_BY_ROOT.get(root, THREAT_GOLDSTEIN_DEFAULT)


def score_events(events: pd.DataFrame) -> pd.DataFrame:
    """Dyadic events with the columns every view needs.

    Keeps events with both a source and a target that differ, and adds: ``ts`` (datetime or
    NaT), ``a``/``b`` (the pair in sorted order), ``eff_quad``/``eff_goldstein``/``eff_plover``
    (after the threat rule), ``weight`` (modality and negation) and ``score`` (weight ×
    effective Goldstein).
    """
    if events.empty:
        return _empty_scored(events)
    src = events["source"]
    tgt = events["target"]
    df = events.loc[src.notna() & tgt.notna() & (src != tgt)].copy()
    if df.empty:
        return _empty_scored(events)
    df["source"] = df["source"].astype(str)
    df["target"] = df["target"].astype(str)
    negated = _bool_col(df, "negated")
    modality = _str_col(df, "modality", "asserted").str.lower()
    root = _str_col(df, "cameo_root")
    threatened = modality.eq("threatened") & ~root.eq("13")
    goldstein = pd.to_numeric(df["goldstein"], errors="coerce").fillna(0.0).astype(float)
    quad = pd.to_numeric(df["quad"], errors="coerce").fillna(0).astype(int)
    df["eff_goldstein"] = goldstein.where(~threatened, root.map(_threat_goldstein))
    df["eff_quad"] = quad.where(~threatened, 3)
    df["eff_plover"] = _str_col(df, "plover").where(~threatened, "THREATEN")
    df["negated"] = negated
    df["reciprocal"] = _bool_col(df, "reciprocal")
    df["weight"] = (
        modality.map(MODALITY_WEIGHT).fillna(1.0).astype(float).where(~negated, NEGATED_WEIGHT)
    )
    df["score"] = df["weight"] * df["eff_goldstein"]
    df["ts"] = pd.to_datetime(df["date"], errors="coerce")
    first = (df["source"] <= df["target"]).to_numpy()
    df["a"] = np.where(first, df["source"], df["target"])
    df["b"] = np.where(first, df["target"], df["source"])
    return df


_SCORED_MARKS = frozenset(
    {"score", "weight", "eff_quad", "eff_goldstein", "eff_plover", "ts", "a", "b"}
)


def as_scored(events: pd.DataFrame) -> pd.DataFrame:
    """``events`` scored by :func:`score_events`, or as they are if already scored.

    Score once: the views accept either raw events or the output of :func:`score_events`, so
    the report can score a large frame once and reuse it for every figure.
    """
    return events if set(events.columns) >= _SCORED_MARKS else score_events(events)


def _empty_scored(events: pd.DataFrame) -> pd.DataFrame:
    extra = ["eff_goldstein", "eff_quad", "eff_plover", "weight", "score", "ts", "a", "b"]
    cols = list(
        dict.fromkeys([*events.columns, "source", "target", "negated", "reciprocal", *extra])
    )
    df = pd.DataFrame({c: pd.Series(dtype=object) for c in cols})
    df["ts"] = pd.Series(dtype="datetime64[ns]")
    for c in ("eff_goldstein", "weight", "score"):
        df[c] = pd.Series(dtype=float)
    df["eff_quad"] = pd.Series(dtype=int)
    return df


def in_window(scored: pd.DataFrame, since: dt.date | None, until: dt.date | None) -> pd.DataFrame:
    """Events dated inside [since, until]; undated events only when no bound is given."""
    if since is None and until is None:
        return scored
    keep = scored["ts"].notna()
    if since is not None:
        keep &= scored["ts"] >= pd.Timestamp(since)
    if until is not None:
        keep &= scored["ts"] <= pd.Timestamp(until)
    return scored.loc[keep]


# --------------------------------------------------------------------------- summary


def summary(events: pd.DataFrame) -> dict[str, Any]:
    """Headline numbers for the report."""
    scored = as_scored(events)
    actors = set(scored["source"]) | set(scored["target"])
    dates = scored["ts"].dropna()
    return {
        "events": len(events),
        "dyadic_events": len(scored),
        "actors": len(actors),
        "dyads": int(scored[["a", "b"]].drop_duplicates().shape[0]),
        "negated": int(scored["negated"].sum()),
        "threats": int((scored["eff_plover"] == "THREATEN").sum()),
        "first_date": str(dates.min().date()) if len(dates) else None,
        "last_date": str(dates.max().date()) if len(dates) else None,
    }


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Frame rows as dicts with str keys (for JSON and templates)."""
    return [
        {str(k): v for k, v in r.items()} for r in cast(list[dict[Any, Any]], df.to_dict("records"))
    ]
