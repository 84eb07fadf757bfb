"""Views over the coded events: dyads, network, hedging, report, serve.

The measures are in the analytics package, the HTML report and the dashboard in the web
package; these commands pick the events and print what comes back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from .options import (
    DATE,
    db_option,
    emit,
    fail,
    format_option,
    open_read,
    output_option,
    write_text,
)

DYAD_TABLE_COLUMNS = (
    "period",
    "n_events",
    "a_to_b",
    "b_to_a",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "mean_goldstein",
    "coop_share",
    "net_cooperation",
    "plover",
)
EDGE_TABLE_COLUMNS = (
    "a",
    "b",
    "n_events",
    "a_to_b",
    "b_to_a",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "mean_goldstein",
    "net_cooperation",
)
HEDGING_TABLE_COLUMNS = (
    "actor",
    "n_hub",
    "n_others",
    "hub_first",
    "hub_second",
    "others_first",
    "others_second",
    "hedging",
    "is_hedging",
    "hub_slope_per_month",
    "others_slope_per_month",
    "partners",
)


@contextmanager
def _reading(db: str) -> Iterator[Any]:
    """The database open read-only; the views filter and aggregate inside it."""
    from ..analytics.indb import limit_memory

    con = open_read(db)
    try:
        yield limit_memory(con)
    finally:
        con.close()


@click.command()
@db_option
@click.argument("a")
@click.argument("b")
@click.option(
    "--freq",
    type=click.Choice(["week", "month", "quarter", "year"]),
    default="month",
    show_default=True,
    help="Length of each period.",
)
@click.option(
    "--since",
    type=DATE,
    default=None,
    help="First period starts here [default: first event of the pair].",
)
@click.option(
    "--until",
    type=DATE,
    default=None,
    help="Last period ends here [default: last event of the pair].",
)
@format_option("table", "json", "csv")
@output_option
def dyads(
    db: str,
    a: str,
    b: str,
    freq: str,
    since: dt.date | None,
    until: dt.date | None,
    fmt: str,
    output: str | None,
) -> None:
    """How relations between A and B move over time, one row per period.

    A and B are ISO3 or organisation codes (CAN MEX, USA EU). Each row counts the pair's events
    by quad class (verbal/material cooperation/conflict) and PLOVER type, gives the mean
    Goldstein score, the cooperation share and net cooperation (cooperation minus conflict,
    Goldstein-weighted). a_to_b/b_to_a count directions; a reciprocal event ("A and B agreed")
    counts in both. Negated events ("no deal") count as negated only; threats count as threats;
    intended and hypothetical events count half and a quarter. Empty periods are listed as zeros.
    """
    from ..analytics.export import rounded
    from ..analytics.indb import dyad_series_db

    with _reading(db) as con:
        df = dyad_series_db(con, a, b, freq, since, until, since, until)
    if df.empty:
        click.echo(f"no events between {a.upper()} and {b.upper()}", err=True)
    emit(rounded(df.to_dict("records"), fmt), fmt, output, DYAD_TABLE_COLUMNS, list(df.columns))


@click.command()
@db_option
@click.option("--since", type=DATE, default=None, help="Events from this date on.")
@click.option("--until", type=DATE, default=None, help="Events up to this date.")
@click.option(
    "--hub",
    default=None,
    help="Also give each actor's net cooperation with this actor (e.g. USA) and with the rest.",
)
@format_option("table", "json", "graphml")
@output_option
def network(
    db: str,
    since: dt.date | None,
    until: dt.date | None,
    hub: str | None,
    fmt: str,
    output: str | None,
) -> None:
    """The alignment network: who deals with whom, and how friendly it is.

    Nodes are actors; an edge joins two actors with events between them in the window, weighted
    by net cooperation (Goldstein-weighted cooperation minus conflict) and carrying the event
    counts. Table output lists the edges (and, with --hub, the actors); json gives
    {"hub", "nodes", "edges"}; graphml opens in Gephi, Cytoscape or networkx.
    """
    from ..analytics.export import network_graphml, network_json, rounded
    from ..analytics.indb import network_db

    with _reading(db) as con:
        net = network_db(con, since, until, hub)
    if fmt == "graphml":
        write_text(network_graphml(net), output)
        return
    if fmt == "json":
        write_text(network_json(net, since, until), output)
        return
    edges = net.edges.sort_values(
        ["n_events", "a", "b"], ascending=[False, True, True], kind="stable"
    )
    emit(
        rounded(edges.to_dict("records"), fmt),
        "table",
        output,
        EDGE_TABLE_COLUMNS,
        list(edges.columns),
    )
    if hub and not output:
        click.echo(f"\nActors (net cooperation with {net.hub} and with the rest)")
        emit(
            rounded(net.nodes.to_dict("records"), fmt),
            "table",
            None,
            tuple(net.nodes.columns),
            list(net.nodes.columns),
        )


@click.command()
@db_option
@click.option(
    "--hub", default="USA", show_default=True, help="The power others may be hedging against."
)
@click.option("--since", type=DATE, default=None, help="Window start [default: first event].")
@click.option("--until", type=DATE, default=None, help="Window end [default: last event].")
@format_option("table", "json", "csv")
@output_option
def hedging(
    db: str, hub: str, since: dt.date | None, until: dt.date | None, fmt: str, output: str | None
) -> None:
    """Who is hedging against the hub, with whom, and how fast.

    For every actor: net cooperation with the hub and with everyone else in the first and the
    second half of the window; hedging = change with others − change with the hub (high when an
    actor draws closer to others while relations with the hub sour); slopes per month of both;
    and the partners it drew closest to.
    """
    from ..analytics.export import rounded
    from ..analytics.indb import hedging_db

    with _reading(db) as con:
        df = hedging_db(con, hub, since, until, since, until)
    emit(rounded(df.to_dict("records"), fmt), fmt, output, HEDGING_TABLE_COLUMNS, list(df.columns))


@click.command()
@db_option
@click.option(
    "--out", "out", type=click.Path(dir_okay=False), required=True, help="HTML file to write."
)
@click.option(
    "--hub", default="USA", show_default=True, help="Hub for the hedging section and node colours."
)
@click.option(
    "--top",
    type=click.IntRange(1, 50),
    default=6,
    show_default=True,
    help="Dyads with their own plot.",
)
@click.option("--since", type=DATE, default=None, help="Only events from this date on.")
@click.option("--until", type=DATE, default=None, help="Only events up to this date.")
def report(
    db: str, out: str, hub: str, top: int, since: dt.date | None, until: dt.date | None
) -> None:
    """Write one self-contained HTML report (opens offline; nothing is fetched).

    It shows summary counts, a timeline of cooperation and conflict, the alignment network, the
    most active dyads with their series and strongest sentences, hedging against the hub, trade
    dependence and every trade figure found, and an evidence appendix with the sentences behind
    each pair (the network and tables link to it).
    """
    from .. import store
    from ..web.report import build_report

    try:
        page = build_report(db, hub=hub, top=top, since=since, until=until)
    except store.StoreError as exc:
        fail(str(exc))
    Path(out).write_text(page, encoding="utf-8")
    click.echo(f"wrote {out} ({len(page.encode('utf-8')) / 1e6:.1f} MB)", err=True)


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on.",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a non-loopback --host; the dashboard has no login, so anyone who can reach it reads the data.",
)
def serve(db: str, host: str, port: int, allow_remote: bool) -> None:
    """A local dashboard in the browser: filters, events with their sentences, and plots.

    Opens the database read-only for each request, so `multipolar code` can keep writing to it
    meanwhile. JSON API: /api/stats, /api/events, /api/dyads, /api/network, /api/hedging
    (see /docs). Listens on 127.0.0.1 only unless --host and --allow-remote say otherwise.
    """
    from ..web.serve import is_loopback, run

    if not is_loopback(host) and not allow_remote:
        fail(
            f"--host {host} would expose the dashboard (no login) beyond this machine; "
            "add --allow-remote if that is intended",
            2,
        )
    if not is_loopback(host):
        click.echo(
            f"Warning: serving on {host}: anyone who can reach this port can read the database",
            err=True,
        )
    con = open_read(db)  # fail now, with a clear message, rather than on the first request
    con.close()
    click.echo(f"multipolar dashboard on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    run(db, host, port)
