"""Trade dependence from the news and the reference tables, and which actors are states."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from .events import DEFAULT_HUB, as_scored, records

_TRADE_COLUMNS = ("subject", "partner", "kind", "value", "unit", "year", "origin", "text")
_SHARE_KINDS = ("export_share", "import_share", "trade_value", "tariff_rate")


def trade_dependence(
    quantities: pd.DataFrame,
    trade_dyadic: pd.DataFrame | None = None,
    macro: pd.DataFrame | None = None,
    hub: str | None = DEFAULT_HUB,
    states: Iterable[str] = (),
    trade_facts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """What the news and the reference tables say about who depends on whom for trade.

    From the news (``quantities``): the latest stated export/import share, trade value and
    tariff rate per (subject, partner, kind). From ``trade_dyadic`` (a, b, year,
    flow_a_to_b_usd, flow_b_to_a_usd) and ``macro`` (iso3, year, exports_usd): for each of
    ``states``, the share of its exports that went to the hub in the latest year on record.
    ``trade_facts`` (curated recent figures: kind, subject, partner, value, unit, year,
    citation) are listed as they are. Any of the reference tables may be None (not loaded).
    """
    rows = _news_trade(quantities)
    if trade_facts is not None:
        rows += _curated_trade(trade_facts)
    if trade_dyadic is not None and hub:
        rows += _reference_trade(trade_dyadic, macro, hub.upper(), [s.upper() for s in states])
    return pd.DataFrame(rows, columns=list(_TRADE_COLUMNS))


def _curated_trade(facts: pd.DataFrame) -> list[dict[str, Any]]:
    needed = {"kind", "subject", "partner", "value", "unit", "year"}
    if facts.empty or not needed <= set(facts.columns):
        return []
    return [
        {
            "subject": r["subject"],
            "partner": r["partner"],
            "kind": r["kind"],
            "value": float(r["value"]),
            "unit": r["unit"],
            "year": _int_or_none(r["year"]),
            "origin": str(r.get("source") or "trade_facts"),
            "text": str(r.get("citation") or ""),
        }
        for r in facts.sort_values(
            ["subject", "partner", "kind"], kind="stable", na_position="last"
        ).to_dict("records")
    ]


def _news_trade(quantities: pd.DataFrame) -> list[dict[str, Any]]:
    if quantities.empty or "kind" not in quantities:
        return []
    q = quantities.loc[quantities["kind"].isin(_SHARE_KINDS) & quantities["subject"].notna()].copy()
    if q.empty:
        return []
    order = [c for c in ("date", "article_id", "sentence_index", "start") if c in q]
    q = q.sort_values(order, kind="stable", na_position="first") if order else q
    q["partner"] = q["partner"].astype(object).where(q["partner"].notna(), None)
    latest = q.groupby(["subject", "partner", "kind"], dropna=False, sort=True).tail(1)
    out: list[dict[str, Any]] = []
    for r in records(latest):
        usd = r.get("usd_value")
        # Money is shown in USD when the text or a known rate gave it; shares stay percent.
        in_usd = isinstance(usd, int | float) and not math.isnan(usd) and r.get("unit") != "percent"
        out.append(
            {
                "subject": r["subject"],
                "partner": r["partner"],
                "kind": r["kind"],
                "value": float(usd) if in_usd and usd is not None else float(r["value"]),
                "unit": "USD" if in_usd else r.get("unit"),
                "year": _int_or_none(r.get("year")) or _year_of(r.get("date")),
                "origin": f"news {r.get('article_id')}",
                "text": r.get("text") or "",
            }
        )
    return out


def _reference_trade(
    trade: pd.DataFrame, macro: pd.DataFrame | None, hub: str, states: Sequence[str]
) -> list[dict[str, Any]]:
    needed = {"a", "b", "year", "flow_a_to_b_usd", "flow_b_to_a_usd"}
    if trade.empty or not needed <= set(trade.columns):
        return []
    trade = trade.assign(source=trade.get("source", "trade_dyadic"))
    cols = ["exporter", "importer", "year", "usd", "source"]
    directed = pd.concat(
        [
            trade[["a", "b", "year", "flow_a_to_b_usd", "source"]].set_axis(cols, axis=1),
            trade[["b", "a", "year", "flow_b_to_a_usd", "source"]].set_axis(cols, axis=1),
        ],
        ignore_index=True,
    )
    wanted = set(states) - {hub}
    directed = directed.loc[directed["exporter"].isin(wanted)]
    out: list[dict[str, Any]] = []
    # One row per state and source: COW and a user's BACI import cover different years.
    for (state, source), mine in directed.groupby(["exporter", "source"], sort=True):
        to_hub = mine.loc[mine["importer"] == hub]
        if to_hub.empty:
            continue
        year = int(to_hub["year"].max())
        exports_to_hub = float(to_hub.loc[to_hub["year"] == year, "usd"].sum())
        total = _total_exports(macro, str(state), year)
        basis = "of total goods exports (macro)"
        if total is None:
            total = float(mine.loc[mine["year"] == year, "usd"].sum())
            basis = "of exports to all partners in trade_dyadic"
        if total > 0:
            out.append(
                {
                    "subject": str(state),
                    "partner": hub,
                    "kind": "export_share",
                    "value": round(100.0 * exports_to_hub / total, 1),
                    "unit": "percent",
                    "year": year,
                    "origin": f"{source} ({basis})",
                    "text": f"{state} exports to {hub} in {year}: US${exports_to_hub / 1e9:,.1f} bn",
                }
            )
    return out


def _total_exports(macro: pd.DataFrame | None, state: str, year: int) -> float | None:
    if macro is None or macro.empty or not {"iso3", "year", "exports_usd"} <= set(macro.columns):
        return None
    hit = macro.loc[(macro["iso3"] == state) & (macro["year"] == year), "exports_usd"].dropna()
    return float(hit.iloc[0]) if len(hit) else None


def _int_or_none(value: Any) -> int | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _year_of(date: Any) -> int | None:
    if isinstance(date, str) and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def states_in(events: pd.DataFrame) -> list[str]:
    """Actors that look like states (ISO3 codes), most active first."""
    scored = as_scored(events)
    counts = pd.concat([scored["source"], scored["target"]]).value_counts()
    return [str(a) for a in counts.index if looks_like_state(str(a))]


# Organisation codes that are three capital letters like ISO3, so need naming.
_THREE_LETTER_ORGS = frozenset(
    {"WTO", "IMF", "OAS", "SCO", "GCC", "CIS", "WHO", "ILO", "FAO", "ICC", "ICJ", "BIS"}
)


def looks_like_state(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and code.isupper() and code not in _THREE_LETTER_ORGS
