"""Commands over the reference data: actors lookup, kb load, trade import."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import click

from .options import DATE, db_option, dictionary_option, fail, format_option


@click.group()
def actors() -> None:
    """Inspect the actor knowledge base (states, organisations, leaders)."""


@actors.command("lookup")
@click.argument("name")
@click.option(
    "--date", type=DATE, default=None, help="Resolve as of this date [default: latest data]."
)
@dictionary_option
@format_option("table", "json")
def actors_lookup(name: str, date: dt.date | None, dictionaries: tuple[str, ...], fmt: str) -> None:
    """Show every reading of NAME at --date, with the reason and the office spells behind it."""
    from ..actors.kb import ActorKB, lookup_report

    try:
        kb = ActorKB.load([Path(d) for d in dictionaries])
    except (OSError, ValueError, KeyError) as exc:
        fail(f"cannot load actor dictionary: {exc}", 2)
        return
    rows = lookup_report(kb, name, date)
    if fmt == "json":
        click.echo(
            json.dumps(
                {"version": kb.version, "date": str(date) if date else None, "readings": rows},
                ensure_ascii=False,
                indent=2,
            )
        )
        return
    click.echo(f"{name!r} at {date or 'latest'} ({kb.version})")
    for r in rows:
        code = r["code"] or "-"
        extra = f" [{r['sector']}]" if r["sector"] else ""
        who = f" {r['person']}" if r["person"] and r["kind"] != "spell" else ""
        click.echo(f"  {r['kind']:<8} {code:<6}{extra}{who}: {r['reason']}")


@click.group()
def kb() -> None:
    """Reference data shipped with multipolar: alliances, trade, macro totals, agreements."""


@kb.command("load")
@db_option
def kb_load(db: str) -> None:
    """Load ATOP alliances, COW trade, WDI/IMF totals and the curated tables into DB."""
    from ..reference.kb import load_kb
    from ..store.database import StoreError, connect

    try:
        con = connect(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        counts = load_kb(con)
    finally:
        con.close()
    for table, n in counts.items():
        click.echo(f"{table}\t{n}")


@click.group()
def trade() -> None:
    """Bilateral trade data that users download themselves (BACI, IMF DOTS)."""


@trade.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["auto", "baci", "dots"]),
    default="auto",
    show_default=True,
    help="File layout; auto reads it from the header.",
)
@click.option(
    "--country-codes",
    type=click.Path(exists=True, dir_okay=False),
    default=None,
    help="BACI's country_codes_V*.csv, for codes the built-in ISO numeric table lacks.",
)
def trade_import(file: str, db: str, fmt: str, country_codes: str | None) -> None:
    """Read a BACI or IMF DOTS CSV into the trade_dyadic table of DB; bad rows are reported."""
    from ..reference.kb import import_trade
    from ..store.database import StoreError, connect

    try:
        con = connect(db)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    try:
        n, rejected = import_trade(con, file, fmt, country_codes)  # type: ignore[arg-type]
    except (ValueError, OSError, UnicodeDecodeError) as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    finally:
        con.close()
    for r in rejected:
        click.echo(f"Error: {r.message()}", err=True)
    click.echo(f"{file}: {n} dyad-years imported, {len(rejected)} rows rejected")
    if n == 0:
        sys.exit(1)
