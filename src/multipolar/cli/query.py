"""Commands that read the coded database: events, quantities, stats."""

from __future__ import annotations

import datetime as dt
import json

import click

from .options import (
    DATE,
    EVENT_TABLE_COLUMNS,
    QUANTITY_TABLE_COLUMNS,
    db_option,
    emit,
    fail,
    format_option,
    open_read,
    output_option,
)


@click.command()
@db_option
@click.option(
    "--actor", default=None, help="Events with this actor as source or target (ISO3 or org code)."
)
@click.option(
    "--dyad", nargs=2, default=None, metavar="A B", help="Events between A and B, either direction."
)
@click.option(
    "--type", "type_", default=None, help="PLOVER type (AGREE), CAMEO code (0311) or root (03)."
)
@click.option("--since", type=DATE, default=None, help="From this date on.")
@click.option("--until", type=DATE, default=None, help="Up to this date.")
@click.option("--limit", type=click.IntRange(1), default=None, help="At most this many events.")
@click.option(
    "--skip-near-duplicates",
    is_flag=True,
    help="Leave out events of articles flagged at ingest as near-duplicates of an earlier "
    "one, so a republished story counts once.",
)
@format_option("table", "csv", "jsonl", "json", "parquet")
@output_option
def events(
    db: str,
    actor: str | None,
    dyad: tuple[str, str] | None,
    type_: str | None,
    since: dt.date | None,
    until: dt.date | None,
    limit: int | None,
    skip_near_duplicates: bool,
    fmt: str,
    output: str | None,
) -> None:
    """List coded events, filtered by actor, dyad, type and dates."""
    from .. import store

    if fmt == "parquet" and not output:
        fail("--format parquet writes a file: add --output events.parquet", 2)
    con = open_read(db)
    try:
        df = store.query_events(
            con,
            store.EventFilter(
                actor,
                (dyad[0], dyad[1]) if dyad else None,
                type_,
                since,
                until,
                limit,
                skip_near_duplicates=skip_near_duplicates,
            ),
        )
    finally:
        con.close()
    rows = df.to_dict("records")
    emit(rows, fmt, output, EVENT_TABLE_COLUMNS, list(df.columns))


@click.command()
@db_option
@click.option(
    "--kind", default=None, help="Only this kind (trade_value, export_share, tariff_rate, ...)."
)
@click.option("--actor", default=None, help="Quantities about this state, as subject or partner.")
@format_option("table", "csv", "jsonl", "json", "parquet")
@output_option
def quantities(db: str, kind: str | None, actor: str | None, fmt: str, output: str | None) -> None:
    """List trade values, export shares, tariff rates and other figures found in the news."""
    from .. import store

    if fmt == "parquet" and not output:
        fail("--format parquet writes a file: add --output quantities.parquet", 2)
    con = open_read(db)
    try:
        df = store.query_quantities(con, kind, actor)
    finally:
        con.close()
    emit(df.to_dict("records"), fmt, output, QUANTITY_TABLE_COLUMNS, list(df.columns))


@click.command()
@db_option
@format_option("json", "table", default="json")
def stats(db: str, fmt: str) -> None:
    """Counts of articles, events, rejected inputs and more."""
    from .. import store

    con = open_read(db)
    try:
        result = store.stats(con)
    finally:
        con.close()
    if fmt == "json":
        click.echo(json.dumps(result, indent=2))
    else:
        width = max(map(len, result))
        for k, v in result.items():
            click.echo(f"{k.ljust(width)}  {v}")
