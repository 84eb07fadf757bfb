"""Alignment measures over coded events: dyad series, networks, hedging."""

from .alignment import (
    DEFAULT_HUB,
    Network,
    dyad_series,
    example_sentences,
    hedging,
    layout,
    network,
    records,
    score_events,
    states_in,
    summary,
    timeline,
    top_dyads,
    trade_dependence,
)

__all__ = [
    "DEFAULT_HUB",
    "Network",
    "dyad_series",
    "example_sentences",
    "hedging",
    "layout",
    "network",
    "records",
    "score_events",
    "states_in",
    "summary",
    "timeline",
    "top_dyads",
    "trade_dependence",
]
