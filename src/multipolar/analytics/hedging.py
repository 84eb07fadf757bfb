"""Hedging: who draws closer to others while relations with a hub sour."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd

from .aggregates import slope_per_month
from .events import DEFAULT_HUB, as_scored

HEDGING_COLUMNS = (
    "actor",
    "n_hub",
    "n_others",
    "hub_first",
    "hub_second",
    "hub_change",
    "others_first",
    "others_second",
    "others_change",
    "hedging",
    "is_hedging",
    "hub_slope_per_month",
    "others_slope_per_month",
    "partners",
)


def _actor_view(scored: pd.DataFrame) -> pd.DataFrame:
    """Each event once per participant: columns actor, partner, ts, score."""
    cols = ["ts", "score"]
    return pd.concat(
        [
            scored[["source", "target", *cols]].rename(
                columns={"source": "actor", "target": "partner"}
            ),
            scored[["target", "source", *cols]].rename(
                columns={"target": "actor", "source": "partner"}
            ),
        ],
        ignore_index=True,
    )


def hedging(
    events: pd.DataFrame,
    hub: str = DEFAULT_HUB,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> pd.DataFrame:
    """For each actor, net cooperation with the hub and with everyone else, in the first and
    the second half of the window, and how fast each moves (slope per month).

    ``hedging`` = change with others − change with the hub: positive when an actor draws
    closer to others while relations with the hub sour. ``is_hedging`` marks the clear case
    (hub change < 0 and others change > 0). ``partners`` names the others it drew closest to in
    the second half. Sorted by ``hedging``, highest first.
    """
    hub = hub.upper()
    scored = as_scored(events)
    scored = scored.loc[scored["ts"].notna()]
    if scored.empty:
        return pd.DataFrame(columns=list(HEDGING_COLUMNS))
    lo = pd.Timestamp(start) if start else scored["ts"].min()
    hi = pd.Timestamp(end) if end else scored["ts"].max()
    scored = scored.loc[(scored["ts"] >= lo) & (scored["ts"] <= hi)]
    view = _actor_view(scored)
    view = view.loc[view["actor"] != hub]
    mid = lo + (hi - lo) / 2
    second = view["ts"] > mid
    with_hub = view["partner"] == hub
    rows = [
        _hedging_row(str(actor), group, second.loc[group.index], with_hub.loc[group.index], lo, hi)
        for actor, group in view.groupby("actor", sort=True)
    ]
    out = pd.DataFrame(rows, columns=list(HEDGING_COLUMNS))
    return out.sort_values(
        ["hedging", "actor"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)


def _hedging_row(
    actor: str,
    group: pd.DataFrame,
    second: pd.Series,
    with_hub: pd.Series,
    lo: pd.Timestamp,
    hi: pd.Timestamp,
) -> dict[str, Any]:
    score = group["score"]
    hub_first = float(score[with_hub & ~second].sum())
    hub_second = float(score[with_hub & second].sum())
    others_first = float(score[~with_hub & ~second].sum())
    others_second = float(score[~with_hub & second].sum())
    hub_change = hub_second - hub_first
    others_change = others_second - others_first
    late = group.loc[~with_hub & second].groupby("partner")["score"].sum()
    late = late[late > 0].sort_values(ascending=False).head(3)
    return {
        "actor": actor,
        "n_hub": int(with_hub.sum()),
        "n_others": int((~with_hub).sum()),
        "hub_first": hub_first,
        "hub_second": hub_second,
        "hub_change": hub_change,
        "others_first": others_first,
        "others_second": others_second,
        "others_change": others_change,
        "hedging": others_change - hub_change,
        "is_hedging": bool(hub_change < 0 < others_change),
        "hub_slope_per_month": slope_per_month(group.loc[with_hub, "ts"], score[with_hub], lo, hi),
        "others_slope_per_month": slope_per_month(
            group.loc[~with_hub, "ts"], score[~with_hub], lo, hi
        ),
        "partners": ", ".join(f"{p} ({v:+.1f})" for p, v in late.items()),
    }
