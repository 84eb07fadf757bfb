"""``multipolar report``: one self-contained HTML file that shows the shift.

Reading happens in :func:`load_report_data` (the edge); :func:`render_report` is a pure
function from frames to HTML. The plotly library is inlined once in ``<head>``, so the file
opens offline and fetches nothing. Every figure leads back to sentences: the dyad sections list
example sentences, and the evidence appendix (linked from the network, the tables and the
hedging plot) keeps up to :data:`EVIDENCE_PER_DYAD` sentences for every pair shown.

The page, its sections, CSS and JS are files in ``templates/`` (``report*.html``,
``report.css``, ``report.js``, read by :mod:`.markup`); this module decides what goes in them
and builds the figures, tables and rows.
"""

from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from .. import __version__, analytics, store
from ..analytics import indb
from . import markup

EVIDENCE_PER_DYAD = 20
EVIDENCE_DYADS = 60
NETWORK_EDGES = 150
QUANTITY_ROWS = 500
# Tables another module may load into the DB (``multipolar kb load``); only these names are
# ever formatted into SQL.
OPTIONAL_TABLES = ("trade_dyadic", "macro", "trade_facts")

_COOP = "#1a9850"
_CONFLICT = "#d73027"
_NEUTRAL = "#888888"
# Red (hostile) to green (cooperative), pale at zero; spelled out because plotly.js names differ.
_DIVERGING = [[0.0, _CONFLICT], [0.5, "#ffffbf"], [1.0, _COOP]]


# --------------------------------------------------------------------------- reading (edge)


@dataclass(slots=True)
class ReportData:
    """What the page shows, read and aggregated inside DuckDB (see :func:`load_report_data`)."""

    stats: dict[str, Any]
    summary: dict[str, Any]
    quantities: pd.DataFrame
    hub: str
    freq: str = "month"
    timeline: pd.DataFrame = field(default_factory=pd.DataFrame)
    top_dyads: pd.DataFrame = field(default_factory=pd.DataFrame)
    network: analytics.Network | None = None
    hedging: pd.DataFrame = field(default_factory=pd.DataFrame)
    series: dict[tuple[str, str], pd.DataFrame] = field(default_factory=dict)
    examples: dict[tuple[str, str], list[dict[str, Any]]] = field(default_factory=dict)
    states: list[str] = field(default_factory=list)
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)


def optional_table(con: Any, name: str) -> pd.DataFrame | None:
    """A reference table if it has been loaded, else None."""
    if name not in OPTIONAL_TABLES:
        raise ValueError(f"not an optional table: {name}")
    found = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()[0]
    if not found:
        return None
    frame: pd.DataFrame = con.execute(f'SELECT * FROM "{name}"').df()
    return frame


def load_report_data(
    con: Any,
    hub: str = analytics.DEFAULT_HUB,
    top: int = 6,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> ReportData:
    """Every figure and table of the report over the events dated in [since, until].

    DuckDB filters and aggregates; pandas gets the aggregated rows and the sentences shown
    (at most :data:`EVIDENCE_PER_DYAD` for each pair of the appendix), never the events table.
    """
    hub = hub.upper()
    tables = {name: t for name in OPTIONAL_TABLES if (t := optional_table(con, name)) is not None}
    data = ReportData(
        store.stats(con), indb.summary_db(con, since, until), store.query_quantities(con), hub
    )
    data.tables = tables
    data.freq = choose_freq(*indb.span_db(con, since, until))
    data.top_dyads = indb.top_dyads_db(con, max(top, 15), since, until)
    data.network = indb.network_db(con, since, until, hub)
    data.hedging = indb.hedging_db(con, hub, since=since, until=until)
    data.states = indb.states_in_db(con, since, until)
    if data.summary["dyadic_events"]:
        data.timeline = indb.timeline_db(con, data.freq, since, until)
    shown = [(str(r["a"]), str(r["b"])) for r in data.top_dyads.head(top).to_dict("records")]
    data.series = {
        (a, b): indb.dyad_series_db(con, a, b, data.freq, since=since, until=until)
        for a, b in shown
    }
    pairs = list(dict.fromkeys([*shown, *_evidence_pairs(data.network, hub)]))
    data.examples = indb.example_sentences_db(con, pairs, EVIDENCE_PER_DYAD, since, until)
    return data


def build_report(
    db: str,
    hub: str = analytics.DEFAULT_HUB,
    top: int = 6,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> str:
    with store.opened(db, read_only=True) as con:
        data = load_report_data(indb.limit_memory(con), hub, top, since, until)
    return render_report(data, hub=hub, top=top)


# --------------------------------------------------------------------------- helpers


def _e(value: Any) -> str:
    """HTML-escaped text; missing values are empty."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return html.escape(str(value), quote=True)


def _num(value: Any, digits: int = 1, signed: bool = False) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, int | bool) and not isinstance(value, float):
        return str(int(value))
    return f"{float(value):+.{digits}f}" if signed else f"{float(value):.{digits}f}"


def _pct(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{100 * float(value):.0f}%"


def dyad_anchor(a: str, b: str) -> str:
    lo, hi = sorted((a, b))
    return f"dyad-{lo}-{hi}"


def _dyad_link(a: str, b: str) -> str:
    return f'<a href="#{_e(dyad_anchor(a, b))}">{_e(a)}–{_e(b)}</a>'


def _wrap(text: str, width: int = 70) -> str:
    """Hover text wrapped with <br> (plotly does not wrap); the text is escaped first."""
    words, lines, line = html.escape(text).split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    if line:
        lines.append(line)
    return "<br>".join(lines)


def choose_freq(first: Any, last: Any) -> str:
    """A period that gives a readable number of bars between the first and the last event
    date (None when there are none)."""
    if first is None or last is None:
        return "month"
    days = (pd.Timestamp(last) - pd.Timestamp(first)).days
    if days <= 120:
        return "week"
    return "month" if days <= 3 * 366 else "quarter"


def _figure_html(fig: Any, div_id: str) -> str:
    import plotly.io as pio

    return str(
        pio.to_html(
            fig,
            include_plotlyjs=False,
            full_html=False,
            div_id=div_id,
            config={"displaylogo": False, "responsive": True},
        )
    )


# --------------------------------------------------------------------------- figures


def timeline_figure(tl: pd.DataFrame) -> Any:
    """Events per period: cooperation stacked up, conflict stacked down, net line on top."""
    import plotly.graph_objects as go
    from plotly.subplots import make_subplots

    fig = make_subplots(specs=[[{"secondary_y": True}]])
    shades = {
        "verbal_coop": "#91cf60",
        "material_coop": _COOP,
        "verbal_conflict": "#fc8d59",
        "material_conflict": _CONFLICT,
    }
    for col, colour in shades.items():
        sign = -1 if "conflict" in col else 1
        fig.add_trace(
            go.Bar(
                x=tl["period"],
                y=sign * tl[col],
                name=col.replace("_", " "),
                marker_color=colour,
                customdata=tl[col],
                hovertemplate="%{x}: %{customdata} " + col.replace("_", " ") + "<extra></extra>",
            ),
            secondary_y=False,
        )
    fig.add_trace(
        go.Scatter(
            x=tl["period"],
            y=tl["net_cooperation"],
            name="net cooperation",
            mode="lines+markers",
            line={"color": "#333", "width": 2},
        ),
        secondary_y=True,
    )
    fig.update_layout(
        barmode="relative",
        template="plotly_white",
        height=360,
        margin={"l": 50, "r": 50, "t": 30, "b": 40},
        legend={"orientation": "h", "y": -0.2},
    )
    # Both axes symmetric around 0 so the net line's zero sits on the bars' zero.
    up = float((tl["verbal_coop"] + tl["material_coop"]).max()) if len(tl) else 1.0
    down = float((tl["verbal_conflict"] + tl["material_conflict"]).max()) if len(tl) else 1.0
    bars = max(1.0, up, down) * 1.1
    line = max(1.0, float(tl["net_cooperation"].abs().max()) if len(tl) else 1.0) * 1.1
    fig.update_yaxes(title_text="events (conflict below 0)", secondary_y=False, range=[-bars, bars])
    fig.update_yaxes(
        title_text="net cooperation", secondary_y=True, showgrid=False, range=[-line, line]
    )
    return fig


def network_figure(
    net: analytics.Network,
    pos: dict[str, tuple[float, float]],
    examples: dict[tuple[str, str], str],
) -> Any:
    """Actors placed by a seeded spring layout; edges green (cooperative) or red (hostile),
    thicker with more events; hover an edge's midpoint for an example sentence, click it to
    jump to its evidence."""
    import plotly.graph_objects as go

    fig = go.Figure()
    edges = net.edges.sort_values("n_events", ascending=False, kind="stable").head(NETWORK_EDGES)
    max_n = max(1, int(edges["n_events"].max())) if len(edges) else 1
    mid_x, mid_y, mid_text, mid_anchor, mid_colour = [], [], [], [], []
    for edge in edges.to_dict("records"):
        a, b = str(edge["a"]), str(edge["b"])
        if a not in pos or b not in pos:
            continue
        net_coop = float(edge["net_cooperation"])
        colour = _COOP if net_coop > 0 else _CONFLICT if net_coop < 0 else _NEUTRAL
        width = 1 + 7 * math.sqrt(int(edge["n_events"]) / max_n)
        (x0, y0), (x1, y1) = pos[a], pos[b]
        fig.add_trace(
            go.Scatter(
                x=[x0, x1],
                y=[y0, y1],
                mode="lines",
                hoverinfo="skip",
                line={"color": colour, "width": width},
                opacity=0.6,
                showlegend=False,
            )
        )
        mid_x.append((x0 + x1) / 2)
        mid_y.append((y0 + y1) / 2)
        mid_anchor.append(dyad_anchor(a, b))
        mid_colour.append(colour)
        mid_text.append(
            f"<b>{a}–{b}</b>: {edge['n_events']} events, net cooperation {net_coop:+.1f}<br>"
            f"coop {int(edge['verbal_coop']) + int(edge['material_coop'])}, conflict "
            f"{int(edge['verbal_conflict']) + int(edge['material_conflict'])}<br>"
            f"<i>{_wrap(examples.get((min(a, b), max(a, b)), ''))}</i><br>(click for all sentences)"
        )
    fig.add_trace(
        go.Scatter(
            x=mid_x,
            y=mid_y,
            mode="markers",
            hovertext=mid_text,
            hoverinfo="text",
            customdata=mid_anchor,
            marker={"size": 9, "color": mid_colour, "opacity": 0.5},
            showlegend=False,
            name="edges",
        )
    )
    nodes = net.nodes
    colour_col = "with_hub" if net.hub and "with_hub" in nodes else "net_cooperation"
    values = nodes[colour_col].astype(float) if len(nodes) else pd.Series(dtype=float)
    bound = max(1.0, float(values.abs().max())) if len(values) else 1.0
    hover = [
        f"<b>{r['actor']}</b>: {r['n_events']} events with {r['degree']} partners<br>"
        f"net cooperation {float(r['net_cooperation']):+.1f}"
        + (
            f"<br>with {net.hub} {float(r['with_hub']):+.1f}, with others {float(r['with_others']):+.1f}"
            if net.hub
            else ""
        )
        for r in nodes.to_dict("records")
    ]
    fig.add_trace(
        go.Scatter(
            x=[pos.get(str(a), (0.0, 0.0))[0] for a in nodes["actor"]],
            y=[pos.get(str(a), (0.0, 0.0))[1] for a in nodes["actor"]],
            mode="markers+text",
            text=list(nodes["actor"].astype(str)),
            textposition="top center",
            hovertext=hover,
            hoverinfo="text",
            showlegend=False,
            name="actors",
            marker={
                "size": [12 + 4 * math.sqrt(float(n)) for n in nodes["n_events"]],
                "color": values,
                "colorscale": _DIVERGING,
                "cmin": -bound,
                "cmax": bound,
                "line": {
                    "width": [3 if str(a) == net.hub else 1 for a in nodes["actor"]],
                    "color": "#222",
                },
                "colorbar": {
                    "title": {
                        "text": f"net coop.<br>with {net.hub}"
                        if net.hub and colour_col == "with_hub"
                        else "net coop."
                    },
                    "thickness": 12,
                },
            },
        )
    )
    fig.update_layout(
        template="plotly_white",
        height=620,
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        xaxis={"visible": False},
        yaxis={"visible": False, "scaleanchor": "x"},
        hovermode="closest",
    )
    return fig


def dyad_figure(series: pd.DataFrame, title: str) -> Any:
    """A pair over time: cooperation up, conflict down (weighted Goldstein), net as a line."""
    import plotly.graph_objects as go

    fig = go.Figure()
    counts = series["n_events"].astype(int)
    fig.add_trace(
        go.Bar(
            x=series["period"],
            y=series["cooperation"],
            name="cooperation",
            marker_color=_COOP,
            customdata=counts,
            hovertemplate="%{x}: cooperation %{y:.1f} (%{customdata} events)<extra></extra>",
        )
    )
    fig.add_trace(
        go.Bar(
            x=series["period"],
            y=-series["conflict"],
            name="conflict",
            marker_color=_CONFLICT,
            customdata=counts,
            hovertemplate="%{x}: conflict %{y:.1f} (%{customdata} events)<extra></extra>",
        )
    )
    fig.add_trace(
        go.Scatter(
            x=series["period"],
            y=series["net_cooperation"],
            name="net cooperation",
            mode="lines+markers",
            line={"color": "#333"},
        )
    )
    fig.update_layout(
        title={"text": title, "x": 0.01},
        barmode="relative",
        template="plotly_white",
        height=300,
        margin={"l": 50, "r": 20, "t": 40, "b": 40},
        legend={"orientation": "h", "y": -0.25},
        yaxis={"title": {"text": "Goldstein-weighted"}},
    )
    return fig


def hedging_figure(hedge: pd.DataFrame, hub: str) -> Any:
    """Each actor by change with the hub (x) and with others (y); the upper-left quadrant is
    hedging: closer to others while relations with the hub sour."""
    import plotly.graph_objects as go

    fig = go.Figure()
    if len(hedge):
        span = max(1.0, float(hedge[["hub_change", "others_change"]].abs().to_numpy().max()))
        fig.add_shape(
            type="rect",
            x0=-span * 1.15,
            x1=0,
            y0=0,
            y1=span * 1.15,
            fillcolor="rgba(255,170,0,0.12)",
            line={"width": 0},
            layer="below",
        )
        fig.add_annotation(
            x=-span,
            y=span * 1.08,
            text="hedging",
            showarrow=False,
            xanchor="left",
            font={"color": "#b36b00"},
        )
        # Actors with no events with the hub all sit on x = 0; unlabelled, their names would pile up.
        labels = [
            str(a) if n > 0 else "" for a, n in zip(hedge["actor"], hedge["n_hub"], strict=True)
        ]
        fig.add_trace(
            go.Scatter(
                x=hedge["hub_change"],
                y=hedge["others_change"],
                mode="markers+text",
                text=labels,
                textposition="top center",
                customdata=[dyad_anchor(str(a), hub) for a in hedge["actor"]],
                hovertext=[
                    f"<b>{r['actor']}</b><br>with {hub}: {r['hub_first']:+.1f} → {r['hub_second']:+.1f} "
                    f"({r['n_hub']} events)<br>with others: {r['others_first']:+.1f} → {r['others_second']:+.1f} "
                    f"({r['n_others']} events)<br>closest: {_e(r['partners']) or '–'}"
                    for r in hedge.to_dict("records")
                ],
                hoverinfo="text",
                showlegend=False,
                marker={
                    "size": [
                        10 + 2 * math.sqrt(float(h + o))
                        for h, o in zip(hedge["n_hub"], hedge["n_others"], strict=True)
                    ],
                    "color": [
                        "#e08214" if h else "#5e81ac" if n > 0 else "#c0c6cf"
                        for h, n in zip(hedge["is_hedging"], hedge["n_hub"], strict=True)
                    ],
                },
            )
        )
    fig.add_hline(y=0, line={"color": "#999", "width": 1})
    fig.add_vline(x=0, line={"color": "#999", "width": 1})
    fig.update_layout(
        template="plotly_white",
        height=460,
        margin={"l": 60, "r": 20, "t": 30, "b": 50},
        xaxis={"title": {"text": f"change in net cooperation with {hub} (2nd half − 1st)"}},
        yaxis={"title": {"text": "change with everyone else"}},
    )
    return fig


# --------------------------------------------------------------------------- tables


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], cls: str = "") -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{cls}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _sentence_rows(examples: Sequence[dict[str, Any]]) -> list[list[str]]:
    rows = []
    for x in examples:
        flags = " ".join(
            f
            for f, on in (("negated", x.get("negated")), ("reciprocal", x.get("reciprocal")))
            if on
        )
        modality = x.get("modality") if x.get("modality") not in (None, "asserted") else ""
        rows.append(
            [
                _e(x.get("date")),
                f"{_e(x.get('source'))} → {_e(x.get('target'))}",
                _e(x.get("plover") or x.get("cameo")),
                _num(x.get("goldstein"), 1, signed=True),
                _e(" ".join(filter(None, [str(modality or ""), flags]))),
                f'<span class="sentence">{_e(x.get("sentence"))}</span>',
            ]
        )
    return rows


_SENTENCE_HEADERS = ("date", "who", "type", "Goldstein", "notes", "sentence")


def _top_dyads_table(top: pd.DataFrame) -> str:
    rows = [
        [
            _dyad_link(str(r["a"]), str(r["b"])),
            str(r["n_events"]),
            str(int(r["verbal_coop"]) + int(r["material_coop"])),
            str(int(r["verbal_conflict"]) + int(r["material_conflict"])),
            _num(r["mean_goldstein"], 1, signed=True),
            _pct(r["coop_share"]),
            _num(r["net_cooperation"], 1, signed=True),
            _num(r["slope_per_month"], 2, signed=True),
            _e(", ".join(f"{k} {v}" for k, v in list(r["plover"].items())[:4])),
        ]
        for r in top.to_dict("records")
    ]
    return _table(
        (
            "dyad",
            "events",
            "coop",
            "conflict",
            "mean Goldstein",
            "coop share",
            "net cooperation",
            "trend / month",
            "main types",
        ),
        rows,
        "num",
    )


def _hedging_table(hedge: pd.DataFrame, hub: str) -> str:
    rows = [
        [
            _e(r["actor"]),
            _dyad_link(str(r["actor"]), hub),
            f"{r['hub_first']:+.1f} → {r['hub_second']:+.1f}",
            f"{r['others_first']:+.1f} → {r['others_second']:+.1f}",
            _num(r["hedging"], 1, signed=True),
            "yes" if r["is_hedging"] else "",
            _num(r["hub_slope_per_month"], 2, signed=True),
            _num(r["others_slope_per_month"], 2, signed=True),
            _e(r["partners"]),
            f"{r['n_hub']} / {r['n_others']}",
        ]
        for r in hedge.to_dict("records")
    ]
    return _table(
        (
            "actor",
            f"with {hub}",
            f"with {hub} (1st → 2nd half)",
            "with others (1st → 2nd half)",
            "hedging score",
            "hedging?",
            f"{hub} trend / month",
            "others trend / month",
            "drew closer to",
            f"events {hub} / others",
        ),
        rows,
        "num",
    )


def _quantities_table(q: pd.DataFrame) -> str:
    if q.empty:
        return "<p class=note>No trade figures found in the news yet.</p>"
    rows = [
        [
            _e(r.get("date")),
            _e(r.get("kind")),
            _e(r.get("subject")),
            _e(r.get("partner")),
            _e(_fmt_value(r.get("value"))),
            _e(r.get("unit")),
            _e(_fmt_value(r.get("usd_value"))),
            _e(_year(r.get("year"))),
            f'<span class="sentence">{_e(r.get("text"))}</span>',
        ]
        for r in q.head(QUANTITY_ROWS).to_dict("records")
    ]
    more = f"<p class=note>First {QUANTITY_ROWS} of {len(q)}.</p>" if len(q) > QUANTITY_ROWS else ""
    return (
        _table(("date", "kind", "subject", "partner", "value", "unit", "USD", "year", "text"), rows)
        + more
    )


def _fmt_value(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    v = float(value)
    if abs(v) >= 1e9:
        return f"{v / 1e9:,.1f}\u00a0bn"
    if abs(v) >= 1e6:
        return f"{v / 1e6:,.1f}\u00a0m"
    return f"{v:,.4g}"


def _year(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return str(int(value))


def _trade_table(trade: pd.DataFrame) -> str:
    if trade.empty:
        return "<p class=note>No trade dependence figures yet (none in the news; load reference tables with <code>multipolar kb load</code>).</p>"
    rows = [
        [
            _e(r["subject"]),
            _e(r["partner"]),
            _e(r["kind"]),
            _e(_fmt_value(r["value"])),
            _e(r["unit"]),
            _e(_year(r["year"])),
            _e(r["origin"]),
            f'<span class="sentence">{_e(r["text"])}</span>',
        ]
        for r in trade.to_dict("records")
    ]
    return _table(("subject", "partner", "kind", "value", "unit", "year", "from", "evidence"), rows)


# --------------------------------------------------------------------------- page


def render_report(
    data: ReportData,
    hub: str = analytics.DEFAULT_HUB,
    top: int = 6,
    generated: dt.datetime | None = None,
) -> str:
    """The whole report page as one HTML string (plotly inlined)."""
    from plotly.offline import get_plotlyjs

    hub = hub.upper()
    summ = data.summary
    freq = data.freq
    top_df = data.top_dyads
    net = data.network if data.network is not None else analytics.network(pd.DataFrame(), hub=hub)
    pos = analytics.layout(net)
    evidence_pairs = _evidence_pairs(net, hub)
    examples = {pair: _first_sentence(data.examples, *pair) for pair in evidence_pairs}
    hedge = data.hedging
    trade = analytics.trade_dependence(
        data.quantities,
        data.tables.get("trade_dyadic"),
        data.tables.get("macro"),
        hub,
        data.states[:30],
        data.tables.get("trade_facts"),
    )
    generated = generated or dt.datetime.now().replace(microsecond=0)

    if summ["dyadic_events"] == 0:
        body = markup.read("report_no_events.html")
    else:
        tl = data.timeline
        body = markup.fill(
            "report_analysis.html",
            freq=_e(freq),
            hub=_e(hub),
            timeline_figure=_figure_html(timeline_figure(tl), "fig-timeline"),
            network_figure=_figure_html(network_figure(net, pos, examples), "fig-network"),
            dyads=_dyads_section(data, top_df, top, freq),
            hedging_figure=_figure_html(hedging_figure(hedge, hub), "fig-hedging"),
            hedging_table=_hedging_table(hedge, hub)
            if len(hedge)
            else "<p class=note>No actors with events.</p>",
        )
    page = markup.fill(
        "report.html",
        title_first=_e(summ["first_date"]),
        title_last=_e(summ["last_date"]),
        css=markup.read("report.css"),
        plotlyjs=get_plotlyjs(),
        dyadic_events=_e(summ["dyadic_events"]),
        actors=_e(summ["actors"]),
        first_date=_e(summ["first_date"] or "–"),
        last_date=_e(summ["last_date"] or "–"),
        hub=_e(hub),
        generated=_e(generated.isoformat(sep=" ")),
        version=_e(__version__),
        summary=_summary_section(data.stats, summ),
        body=body,
        trade_table=_trade_table(trade),
        quantities_table=_quantities_table(data.quantities),
        evidence=_evidence_section(data.examples, evidence_pairs),
        js=markup.read("report.js"),
    )
    # The template file ends with a newline like any text file; the report never did.
    return page.removesuffix("\n")


def _summary_section(stats: dict[str, Any], summ: dict[str, Any]) -> str:
    cards = [
        ("articles", stats.get("articles")),
        ("coded", stats.get("coded")),
        ("events", stats.get("events")),
        ("between two actors", summ["dyadic_events"]),
        ("actors", summ["actors"]),
        ("dyads", summ["dyads"]),
        ("threats", summ["threats"]),
        ("negated", summ["negated"]),
        ("trade figures", stats.get("quantities")),
        ("rejected inputs", stats.get("rejected")),
    ]
    body = "".join(f"<div class=card><b>{_e(v)}</b><span>{_e(k)}</span></div>" for k, v in cards)
    return f"<section id=summary><h2>Summary</h2><div class=cards>{body}</div></section>"


def _dyads_section(data: ReportData, top_df: pd.DataFrame, top: int, freq: str) -> str:
    parts = ["<section id=dyads><h2>Most active dyads</h2>", _top_dyads_table(top_df)]
    for i, r in enumerate(top_df.head(top).to_dict("records")):
        a, b = str(r["a"]), str(r["b"])
        series = data.series[(a, b)]
        examples = _examples(data.examples, a, b, 5)
        parts += [
            f"<h3>{_e(a)}–{_e(b)}: {r['n_events']} events, net cooperation {float(r['net_cooperation']):+.1f}</h3>",
            _figure_html(dyad_figure(series, f"{a}–{b} ({freq})"), f"fig-dyad-{i}"),
            "<p class=note>Strongest sentences (all of them under "
            f"{_dyad_link(a, b)} in the evidence):</p>",
            _table(_SENTENCE_HEADERS, _sentence_rows(examples)),
        ]
    parts.append("</section>")
    return "".join(parts)


def _evidence_pairs(net: analytics.Network, hub: str) -> list[tuple[str, str]]:
    """Pairs whose sentences the appendix keeps: the busiest, plus every pair with the hub."""
    edges = net.edges.sort_values("n_events", ascending=False, kind="stable")
    busiest = [(str(a), str(b)) for a, b in zip(edges["a"], edges["b"], strict=True)][
        :EVIDENCE_DYADS
    ]
    with_hub = [
        (str(a), str(b)) for a, b in zip(edges["a"], edges["b"], strict=True) if hub in (a, b)
    ]
    return list(dict.fromkeys([*busiest, *with_hub]))


def _examples(
    examples: dict[tuple[str, str], list[dict[str, Any]]], a: str, b: str, n: int
) -> list[dict[str, Any]]:
    """The pair's n strongest sentences (the appendix keeps the first EVIDENCE_PER_DYAD)."""
    return examples.get((min(a, b), max(a, b)), [])[:n]


def _first_sentence(examples: dict[tuple[str, str], list[dict[str, Any]]], a: str, b: str) -> str:
    found = _examples(examples, a, b, 1)
    return str(found[0]["sentence"] or "") if found else ""


def _evidence_section(
    evidence: dict[tuple[str, str], list[dict[str, Any]]], pairs: Sequence[tuple[str, str]]
) -> str:
    parts = []
    for a, b in pairs:
        examples = _examples(evidence, a, b, EVIDENCE_PER_DYAD)
        if not examples:
            continue
        parts.append(
            f"<details id='{_e(dyad_anchor(a, b))}'><summary>{_e(a)}–{_e(b)} "
            f"({len(examples)} sentences shown)</summary>"
            + _table(_SENTENCE_HEADERS, _sentence_rows(examples))
            + "</details>"
        )
    return markup.fill(
        "report_evidence.html", per_dyad=str(EVIDENCE_PER_DYAD), pairs="".join(parts)
    )
