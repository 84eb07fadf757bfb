"""The alignment network: actors as nodes, pairs as edges weighted by net cooperation, and a
fixed-seed layout to draw it."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from .aggregates import aggregate_by
from .events import QUAD_NAMES, as_scored, in_window, records


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


EDGE_COLUMNS = (
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
    scored = in_window(as_scored(events), since, until)
    if scored.empty:
        edges = pd.DataFrame(columns=list(EDGE_COLUMNS))
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
        edges = edges[list(EDGE_COLUMNS)]
    hub = hub.upper() if hub else None
    return Network(nodes_of(edges, hub), edges, hub)


def nodes_of(edges: pd.DataFrame, hub: str | None) -> pd.DataFrame:
    """The actors of ``edges`` with their events, partners and net cooperation (and, with a
    hub, that with the hub and with the rest), most active first."""
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
