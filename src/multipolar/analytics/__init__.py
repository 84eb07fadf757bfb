"""Alignment measures over coded events: dyad series, networks, hedging, trade dependence.

Pure functions over pandas DataFrames, by job:

* :mod:`.events`: scoring (what an event is worth), the time window, headline numbers.
* :mod:`.aggregates`: the numbers per group and per period, the monthly trend.
* :mod:`.dyads`: one pair over time, the most active pairs, their sentences, the timeline.
* :mod:`.network`: the alignment network and its layout.
* :mod:`.hedging`: who draws closer to others while relations with a hub sour.
* :mod:`.trade`: trade dependence from the news and the reference tables.
"""

from .aggregates import format_counts, slope_per_month
from .dyads import dyad_series, example_sentences, timeline, top_dyads
from .events import DEFAULT_HUB, records, score_events, summary
from .hedging import hedging
from .network import Network, layout, network, to_networkx
from .trade import states_in, trade_dependence

__all__ = [
    "DEFAULT_HUB",
    "Network",
    "dyad_series",
    "example_sentences",
    "format_counts",
    "hedging",
    "layout",
    "network",
    "records",
    "score_events",
    "slope_per_month",
    "states_in",
    "summary",
    "timeline",
    "to_networkx",
    "top_dyads",
    "trade_dependence",
]
