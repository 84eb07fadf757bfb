"""Analytics results written out: rows rounded for display, the network as GraphML or JSON.

What ``multipolar dyads``, ``network`` and ``hedging`` print; the measures themselves are
in the other modules of the package.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from ..store.output import jsonable
from .aggregates import format_counts
from .network import Network, to_networkx


def rounded(rows: list[dict[Any, Any]], fmt: str) -> list[dict[str, Any]]:
    """Floats to 3 decimals; count dicts flattened for table/CSV (JSON keeps them as objects).

    Parameters:
        rows: result rows, e.g. a frame's ``to_dict("records")``.
        fmt: the output format; only ``"json"`` keeps count dicts as they are.

    Returns new rows with string keys; ``rows`` is left as it is.
    """
    out = []
    for row in rows:
        new: dict[str, Any] = {}
        for k, v in row.items():
            if isinstance(v, float):
                v = round(v, 3)
            elif isinstance(v, dict) and fmt != "json":
                v = format_counts(v)
            new[str(k)] = v
        out.append(new)
    return out


def network_graphml(net: Network) -> str:
    """The network as a GraphML document (for Gephi, Cytoscape or networkx), newline-ended."""
    # networkx only here: the other outputs do without it.
    import networkx as nx

    return "\n".join(nx.generate_graphml(to_networkx(net))) + "\n"


def network_json(net: Network, since: dt.date | None, until: dt.date | None) -> str:
    """The network as a JSON document ``{"hub", "since", "until", "nodes", "edges"}``.

    Parameters:
        net: the network.
        since, until: the window it was built over, recorded as ISO dates (or null).

    Floats are rounded to 3 decimals and missing values are null; the text is newline-ended.
    """
    doc = {
        "hub": net.hub,
        "since": since.isoformat() if since else None,
        "until": until.isoformat() if until else None,
        "nodes": [jsonable(r) for r in rounded(net.nodes.to_dict("records"), "json")],
        "edges": [jsonable(r) for r in rounded(net.edges.to_dict("records"), "json")],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
