"""The numbers shown for any set of scored events, per group and per period.

Counts by quad class, mean Goldstein, cooperation share and net cooperation
(:func:`aggregate_by`), PLOVER type counts (:func:`plover_by`), calendar periods and the
monthly trend (:func:`slope_per_month`).
"""

from __future__ import annotations

import math
from typing import Any, Literal, cast

import numpy as np
import pandas as pd

from .events import QUAD_NAMES

# --------------------------------------------------------------------------- aggregates


AGG_COLUMNS = (
    "n_events",
    "reciprocal",
    "negated",
    *QUAD_NAMES.values(),
    "mean_goldstein",
    "coop_share",
    "cooperation",
    "conflict",
    "net_cooperation",
)


def aggregate_by(scored: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The numbers shown for any set of events, per group of ``keys`` (vectorised: one pass
    instead of one filter per pair or period)."""
    counted = scored["weight"] > 0
    quad = scored["eff_quad"]
    parts = {
        "n_events": pd.Series(1, index=scored.index),
        "reciprocal": scored["reciprocal"].astype(int),
        "negated": scored["negated"].astype(int),
        **{name: (counted & (quad == q)).astype(int) for q, name in QUAD_NAMES.items()},
        "_g": scored["eff_goldstein"].where(counted),
        "_coop_w": scored["weight"].where(counted & quad.isin([1, 2]), 0.0),
        "_conf_w": scored["weight"].where(counted & quad.isin([3, 4]), 0.0),
        "cooperation": scored["score"].where(counted, 0.0).clip(lower=0),
        "conflict": (-scored["score"].where(counted, 0.0)).clip(lower=0),
    }
    frame = pd.DataFrame(parts)
    for k in keys:
        frame[k] = scored[k]
    grouped = frame.groupby(keys, sort=True, observed=True)
    out = grouped[[c for c in parts if c != "_g"]].sum()
    out["mean_goldstein"] = grouped["_g"].mean()
    total = out["_coop_w"] + out["_conf_w"]
    out["coop_share"] = (out["_coop_w"] / total).where(total > 0)
    out["net_cooperation"] = out["cooperation"] - out["conflict"]
    return out[list(AGG_COLUMNS)]


def empty_aggregate() -> dict[str, Any]:
    """The :data:`AGG_COLUMNS` row of a group with no events: zero counts, NaN means."""
    row: dict[str, Any] = dict.fromkeys(AGG_COLUMNS, 0)
    row.update(
        {
            "mean_goldstein": math.nan,
            "coop_share": math.nan,
            "cooperation": 0.0,
            "conflict": 0.0,
            "net_cooperation": 0.0,
        }
    )
    return row


def rows_by_key(agg: pd.DataFrame) -> dict[Any, dict[str, Any]]:
    """The rows of an :func:`aggregate_by` frame by group key, as plain ints and floats.

    Parameters:
        agg: a frame returned by :func:`aggregate_by`.
    """
    return {k: _plain_row(v) for k, v in agg.to_dict("index").items()}


def _plain_row(row: dict[Any, Any]) -> dict[str, Any]:
    ints = {"n_events", "reciprocal", "negated", *QUAD_NAMES.values()}
    return {str(k): int(v) if k in ints else float(v) for k, v in row.items()}


def plover_by(scored: pd.DataFrame, keys: list[str]) -> dict[Any, dict[str, int]]:
    """PLOVER type counts (counted events only) per group, most frequent first."""
    counted = scored.loc[(scored["weight"] > 0) & (scored["eff_plover"] != "")]
    out: dict[Any, dict[str, int]] = {}
    if counted.empty:
        return out
    sizes = counted.groupby([*keys, "eff_plover"], sort=True, observed=True).size()
    for idx, n in sizes.items():
        parts = cast(tuple[Any, ...], idx)
        key = parts[0] if len(keys) == 1 else tuple(parts[:-1])
        out.setdefault(key, {})[str(parts[-1])] = int(n)
    return {k: dict(sorted(v.items(), key=lambda kv: (-kv[1], kv[0]))) for k, v in out.items()}


def format_counts(counts: dict[str, int]) -> str:
    """``{"AGREE": 3, "CONSULT": 1}`` as ``AGREE=3;CONSULT=1`` for tables and CSV."""
    return ";".join(f"{k}={v}" for k, v in counts.items())


# --------------------------------------------------------------------------- periods


Freq = Literal["week", "month", "quarter", "year"]
FREQS: tuple[str, ...] = ("week", "month", "quarter", "year")
# pandas period codes; W-SUN is the week that ends on Sunday, i.e. starts on Monday.
_PERIOD_CODES: dict[str, str] = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}


def period_index(ts: pd.Series, freq: str) -> pd.Series:
    """The calendar period of each timestamp; weeks run Monday to Sunday.

    Parameters:
        ts: datetimes.
        freq: one of :data:`FREQS`; anything else raises ``ValueError``.
    """
    if freq not in _PERIOD_CODES:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    periods: pd.Series = ts.dt.to_period(_PERIOD_CODES[freq])
    return periods


def period_label(period: pd.Period, freq: str) -> str:
    """Week → its Monday (2025-03-17); month 2025-03; quarter 2025Q1; year 2025."""
    if freq == "week":
        return str(period.start_time.date())
    return str(period)


def period_range(start: pd.Timestamp, end: pd.Timestamp, freq: str) -> pd.PeriodIndex:
    """Every period of ``freq`` from the one holding ``start`` to the one holding ``end``."""
    return pd.period_range(start=start, end=end, freq=_PERIOD_CODES[freq])


def slope_per_month(
    ts: pd.Series,
    score: pd.Series,
    start: pd.Timestamp | None = None,
    end: pd.Timestamp | None = None,
) -> float:
    """Least-squares slope of monthly net cooperation (change per month); NaN under 2 months."""
    mask = ts.notna()
    ts, score = ts[mask], score[mask]
    if ts.empty and (start is None or end is None):
        return math.nan
    lo = start if start is not None else ts.min()
    hi = end if end is not None else ts.max()
    months = pd.period_range(start=lo, end=hi, freq="M")
    if len(months) < 2:
        return math.nan
    monthly = score.groupby(ts.dt.to_period("M")).sum().reindex(months, fill_value=0.0)
    x = np.arange(len(months), dtype=float)
    y = monthly.to_numpy(dtype=float)
    return float(np.polyfit(x, y, 1)[0])
