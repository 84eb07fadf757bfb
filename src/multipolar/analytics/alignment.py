"""Alignment analytics over coded events: dyad series, the alignment network, hedging, trade.

Pure functions over pandas DataFrames shaped like the ``events`` and ``quantities`` tables
(see DESIGN.md, "Event record"); no I/O. Every view starts from :func:`score_events`, so
the rules about what an event is worth live in one place:

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
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, cast

import numpy as np
import pandas as pd

Freq = Literal["week", "month", "quarter", "year"]
FREQS: tuple[str, ...] = ("week", "month", "quarter", "year")
_PERIOD_CODES: dict[str, str] = {"week": "W-SUN", "month": "M", "quarter": "Q", "year": "Y"}

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
_THREAT_GOLDSTEIN_BY_ROOT: dict[str, float] = {
    "16": -5.8,
    "17": -5.8,
    "18": -7.0,
    "19": -7.0,
    "20": -7.0,
}
_THREAT_GOLDSTEIN_DEFAULT = -4.4


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
    return _THREAT_GOLDSTEIN_BY_ROOT.get(root, _THREAT_GOLDSTEIN_DEFAULT)


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


def _scored(events: pd.DataFrame) -> pd.DataFrame:
    """Score once: the views accept either raw events or the output of :func:`score_events`,
    so the report can score a large frame once and reuse it for every figure."""
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


# --------------------------------------------------------------------------- aggregates


_AGG_COLUMNS = (
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
    return out[list(_AGG_COLUMNS)]


def _empty_aggregate() -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(_AGG_COLUMNS, 0)
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


def period_index(ts: pd.Series, freq: str) -> pd.Series:
    if freq not in _PERIOD_CODES:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    periods: pd.Series = ts.dt.to_period(_PERIOD_CODES[freq])
    return periods


def period_label(period: pd.Period, freq: str) -> str:
    """Week → its Monday (2025-03-17); month 2025-03; quarter 2025Q1; year 2025."""
    if freq == "week":
        return str(period.start_time.date())
    return str(period)


def _period_range(start: pd.Timestamp, end: pd.Timestamp, freq: str) -> pd.PeriodIndex:
    return pd.period_range(start=start, end=end, freq=_PERIOD_CODES[freq])


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
    pair = dyad_events(_scored(events), a, b)
    pair = pair.loc[pair["ts"].notna()]
    lo = pd.Timestamp(start) if start else (pair["ts"].min() if len(pair) else None)
    hi = pd.Timestamp(end) if end else (pair["ts"].max() if len(pair) else None)
    if lo is None or hi is None or lo > hi:
        return pd.DataFrame(columns=list(_series_columns()))
    pair = pair.loc[(pair["ts"] >= lo) & (pair["ts"] < hi + pd.Timedelta(days=1))]
    pair = pair.assign(
        _period=period_index(pair["ts"], freq),
        _a_to_b=((pair["source"] == a) | pair["reciprocal"]).astype(int),
        _b_to_a=((pair["source"] == b) | pair["reciprocal"]).astype(int),
    )
    agg = aggregate_by(pair, ["_period"])
    directed = pair.groupby("_period", observed=True)[["_a_to_b", "_b_to_a"]].sum()
    plover = plover_by(pair, ["_period"])
    by_period = _rows_by_key(agg)
    rows: list[dict[str, Any]] = []
    for period in _period_range(lo, hi, freq):
        row: dict[str, Any] = {
            "period": period_label(period, freq),
            "start": str(period.start_time.date()),
            "end": str(period.end_time.date()),
            "a": a,
            "b": b,
            "a_to_b": int(directed["_a_to_b"].get(period, 0)),
            "b_to_a": int(directed["_b_to_a"].get(period, 0)),
        }
        row.update(by_period.get(period) or _empty_aggregate())
        row["plover"] = plover.get(period, {})
        rows.append(row)
    return pd.DataFrame(rows, columns=list(_series_columns()))


def _rows_by_key(agg: pd.DataFrame) -> dict[Any, dict[str, Any]]:
    return {k: _plain_row(v) for k, v in agg.to_dict("index").items()}


def _plain_row(row: dict[Any, Any]) -> dict[str, Any]:
    ints = {"n_events", "reciprocal", "negated", *QUAD_NAMES.values()}
    return {str(k): int(v) if k in ints else float(v) for k, v in row.items()}


def _series_columns() -> tuple[str, ...]:
    return ("period", "start", "end", "a", "b", "a_to_b", "b_to_a", *_AGG_COLUMNS, "plover")


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


def top_dyads(
    events: pd.DataFrame, n: int = 10, since: dt.date | None = None, until: dt.date | None = None
) -> pd.DataFrame:
    """The n most active pairs, with their aggregates and monthly trend."""
    scored = in_window(_scored(events), since, until)
    agg = (
        aggregate_by(scored, ["a", "b"])
        if len(scored)
        else pd.DataFrame(columns=list(_AGG_COLUMNS))
    )
    agg = agg.sort_values("n_events", ascending=False, kind="stable").head(n)
    plover = plover_by(scored, ["a", "b"])
    rows: list[dict[str, Any]] = []
    for key, values in _rows_by_key(agg).items():
        a, b = cast(tuple[str, str], key)
        group = scored.loc[(scored["a"] == a) & (scored["b"] == b)]
        row: dict[str, Any] = {"a": str(a), "b": str(b), **values}
        row["slope_per_month"] = slope_per_month(group["ts"], group["score"])
        row["plover"] = plover.get((a, b), {})
        rows.append(row)
    cols = ["a", "b", *_AGG_COLUMNS, "slope_per_month", "plover"]
    out = pd.DataFrame(rows, columns=cols)
    if out.empty:
        return out
    out = out.sort_values(["n_events", "a", "b"], ascending=[False, True, True], kind="stable")
    return out.head(n).reset_index(drop=True)


def example_sentences(events: pd.DataFrame, a: str, b: str, n: int = 5) -> list[dict[str, Any]]:
    """Up to n source sentences for the pair, strongest (|score|) first, ties by date."""
    pair = dyad_events(_scored(events), a, b)
    if pair.empty:
        return []
    pair = pair.assign(_strength=pair["score"].abs())
    pair = pair.sort_values(["_strength", "ts"], ascending=[False, True], kind="stable")
    pair = (
        pair.drop_duplicates(subset=["article_id", "sentence_index"])
        if "article_id" in pair
        else pair
    )
    cols = [
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
    ]
    return [_example(r) for r in pair.head(n)[[c for c in cols if c in pair]].to_dict("records")]


def _example(row: dict[Any, Any]) -> dict[str, Any]:
    out = {str(k): v for k, v in row.items()}
    out["plover"] = out.pop("eff_plover", None) or None
    out["goldstein"] = out.pop("eff_goldstein", None)
    return out


# --------------------------------------------------------------------------- network


@dataclass(frozen=True, slots=True)
class Network:
    """Actors as nodes, pairs as undirected edges weighted by net cooperation."""

    nodes: pd.DataFrame  # actor, n_events, degree, net_cooperation [, with_hub, with_others]
    edges: pd.DataFrame  # a, b, n_events, a_to_b, b_to_a, ..., net_cooperation
    hub: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "hub": self.hub,
            "nodes": self.nodes.to_dict("records"),
            "edges": self.edges.to_dict("records"),
        }


_EDGE_COLUMNS = (
    "a",
    "b",
    "n_events",
    "a_to_b",
    "b_to_a",
    "reciprocal",
    "negated",
    *QUAD_NAMES.values(),
    "mean_goldstein",
    "coop_share",
    "cooperation",
    "conflict",
    "net_cooperation",
)


def network(
    events: pd.DataFrame,
    since: dt.date | None = None,
    until: dt.date | None = None,
    hub: str | None = None,
) -> Network:
    """The alignment network over a window; with a hub, each node's net cooperation with the
    hub and with everyone else."""
    scored = in_window(_scored(events), since, until)
    if scored.empty:
        edges = pd.DataFrame(columns=list(_EDGE_COLUMNS))
    else:
        agg = aggregate_by(scored, ["a", "b"])
        directed = (
            scored.assign(
                a_to_b=((scored["source"] == scored["a"]) | scored["reciprocal"]).astype(int),
                b_to_a=((scored["source"] == scored["b"]) | scored["reciprocal"]).astype(int),
            )
            .groupby(["a", "b"], sort=True)[["a_to_b", "b_to_a"]]
            .sum()
        )
        edges = agg.join(directed).reset_index()
        edges["a"] = edges["a"].astype(str)
        edges["b"] = edges["b"].astype(str)
        edges = edges[list(_EDGE_COLUMNS)]
    hub = hub.upper() if hub else None
    return Network(_nodes(edges, hub), edges, hub)


def _nodes(edges: pd.DataFrame, hub: str | None) -> pd.DataFrame:
    ends = pd.concat(
        [
            edges[["a", "b", "n_events", "net_cooperation"]].rename(
                columns={"a": "actor", "b": "partner"}
            ),
            edges[["b", "a", "n_events", "net_cooperation"]].rename(
                columns={"b": "actor", "a": "partner"}
            ),
        ],
        ignore_index=True,
    )
    cols = ["actor", "n_events", "degree", "net_cooperation"] + (
        ["with_hub", "with_others"] if hub else []
    )
    if ends.empty:
        return pd.DataFrame(columns=cols)
    grouped = ends.groupby("actor", sort=True)
    nodes = pd.DataFrame(
        {
            "actor": grouped.size().index.astype(str),
            "n_events": grouped["n_events"].sum().to_numpy(dtype=int),
            "degree": grouped.size().to_numpy(dtype=int),
            "net_cooperation": grouped["net_cooperation"].sum().to_numpy(dtype=float),
        }
    )
    if hub:
        to_hub = ends.loc[ends["partner"] == hub].groupby("actor")["net_cooperation"].sum()
        others = ends.loc[ends["partner"] != hub].groupby("actor")["net_cooperation"].sum()
        nodes["with_hub"] = nodes["actor"].map(to_hub).fillna(0.0).astype(float)
        nodes["with_others"] = nodes["actor"].map(others).fillna(0.0).astype(float)
    return nodes.sort_values(
        ["n_events", "actor"], ascending=[False, True], kind="stable"
    ).reset_index(drop=True)[cols]


def to_networkx(net: Network) -> Any:
    """The network as a networkx Graph (node and edge attributes from the frames)."""
    import networkx as nx

    graph = nx.Graph(hub=net.hub or "")
    for node in records(net.nodes):
        graph.add_node(
            str(node["actor"]), **{k: _plain(v) for k, v in node.items() if k != "actor"}
        )
    for edge in records(net.edges):
        graph.add_edge(
            str(edge["a"]),
            str(edge["b"]),
            **{k: _plain(v) for k, v in edge.items() if k not in ("a", "b")},
        )
    return graph


def _plain(value: Any) -> Any:
    """Python scalars for GraphML (which has no NaN and no numpy types)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return 0.0
    return value


def layout(net: Network, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Spring layout with a fixed seed, so the same data always gives the same picture.

    Connected groups are laid out one by one and packed side by side: a spring layout of a
    disconnected graph flings small groups to the far corners and leaves the page empty.
    """
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(str(a) for a in net.nodes["actor"])
    for edge in net.edges.to_dict("records"):
        # Strong ties (either sign) pull together; the layout wants positive weights.
        graph.add_edge(
            str(edge["a"]), str(edge["b"]), weight=1.0 + math.log1p(float(edge["n_events"]))
        )
    groups = sorted(
        (sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0])
    )
    if not groups:
        return {}
    biggest = len(groups[0])
    pos: dict[str, tuple[float, float]] = {}
    x_offset, column_y, column_width = 0.0, 0.0, 0.0
    for i, group in enumerate(groups):
        radius = max(0.15, math.sqrt(len(group) / biggest))
        sub = (
            nx.spring_layout(graph.subgraph(group), seed=seed, weight="weight", scale=radius)
            if len(group) > 1
            else {group[0]: np.zeros(2)}
        )
        if i == 0:
            centre = (0.0, 0.0)
            x_offset = 1.0 + 0.2
        else:
            # Smaller groups stack in columns to the right of the biggest one.
            if column_y + 2 * radius > 2.0:
                x_offset += column_width + 0.2
                column_y, column_width = 0.0, 0.0
            centre = (x_offset + radius, 1.0 - column_y - radius)
            column_y += 2 * radius + 0.15
            column_width = max(column_width, 2 * radius)
        for node, xy in sub.items():
            pos[str(node)] = (float(xy[0]) + centre[0], float(xy[1]) + centre[1])
    return pos


# --------------------------------------------------------------------------- hedging


_HEDGING_COLUMNS = (
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
    scored = _scored(events)
    scored = scored.loc[scored["ts"].notna()]
    if scored.empty:
        return pd.DataFrame(columns=list(_HEDGING_COLUMNS))
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
    out = pd.DataFrame(rows, columns=list(_HEDGING_COLUMNS))
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


# --------------------------------------------------------------------------- summary


def timeline(events: pd.DataFrame, freq: str = "month") -> pd.DataFrame:
    """Events per period and quad class, over all dyadic events (for the overview plot)."""
    scored = _scored(events)
    scored = scored.loc[scored["ts"].notna() & (scored["weight"] > 0)]
    cols = ["period", *QUAD_NAMES.values(), "net_cooperation"]
    if scored.empty:
        return pd.DataFrame(columns=cols)
    by_period = _rows_by_key(
        aggregate_by(scored.assign(_period=period_index(scored["ts"], freq)), ["_period"])
    )
    rows = []
    for period in _period_range(scored["ts"].min(), scored["ts"].max(), freq):
        values = by_period.get(period) or _empty_aggregate()
        rows.append({"period": period_label(period, freq), **{c: values[c] for c in cols[1:]}})
    return pd.DataFrame(rows, columns=cols)


def summary(events: pd.DataFrame) -> dict[str, Any]:
    """Headline numbers for the report."""
    scored = _scored(events)
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


# --------------------------------------------------------------------------- trade


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
    scored = _scored(events)
    counts = pd.concat([scored["source"], scored["target"]]).value_counts()
    return [str(a) for a in counts.index if _looks_like_state(str(a))]


# Organisation codes that are three capital letters like ISO3, so need naming.
_THREE_LETTER_ORGS = frozenset(
    {"WTO", "IMF", "OAS", "SCO", "GCC", "CIS", "WHO", "ILO", "FAO", "ICC", "ICJ", "BIS"}
)


def _looks_like_state(code: str) -> bool:
    return len(code) == 3 and code.isalpha() and code.isupper() and code not in _THREE_LETTER_ORGS


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Frame rows as dicts with str keys (for JSON and templates)."""
    return [
        {str(k): v for k, v in r.items()} for r in cast(list[dict[Any, Any]], df.to_dict("records"))
    ]
