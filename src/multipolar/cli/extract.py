"""The extract command: code a text or a JSONL stream without a database."""

from __future__ import annotations

import datetime as dt
import sys

import click

from .options import (
    DATE,
    EVENT_TABLE_COLUMNS,
    QUANTITY_TABLE_COLUMNS,
    coder_config,
    dictionary_option,
    fail,
    format_option,
    one_sided_option,
)


@click.command()
@click.argument("path", required=False)
@click.option(
    "--jsonl",
    "jsonl_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help="Read records {id, text, date?} per line; print {id, events} per line, in order.",
)
@click.option(
    "--date",
    type=DATE,
    default=None,
    help="Date of the text (and default for records without one).",
)
@format_option("jsonl", "table", "json", default="jsonl")
@click.option(
    "--quantities",
    "show_quantities",
    is_flag=True,
    help="Also print the quantities found (table format).",
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    default=None,
    help="Worker processes for --jsonl [default: all cores].",
)
@dictionary_option
@one_sided_option
def extract(
    path: str | None,
    jsonl_path: str | None,
    date: dt.date | None,
    fmt: str,
    show_quantities: bool,
    workers: int | None,
    dictionaries: tuple[str, ...],
    one_sided_disapproval: bool,
) -> None:
    """Code a text file (or - for stdin) without a database and print its events.

    With --jsonl FILE, each input line {"id", "text", "date"?} gives one output line
    {"id": ..., "events": [...]}, in input order; a bad line gives {"id": null, "error": ...}.
    """
    from ..coding.coder import Coder
    from ..ingestion.read import ReadLimits, read_inputs, read_jsonl_stream
    from ..records import EVENT_FIELDS, Document
    from ..store.output import write_records

    if (path is None) == (jsonl_path is None):
        fail("give either PATH (a text file or -) or --jsonl FILE", 2)
    coder = Coder(coder_config(dictionaries, one_sided_disapproval))
    if jsonl_path is not None:
        from ..engines.stream import extract_jsonl, open_jsonl

        def rejected(message: str) -> None:
            click.echo(f"Error: {message}", err=True)

        out = sys.stdout
        if jsonl_path == "-":
            # Records from stdin are coded with the default number of workers.
            stdin_items = read_jsonl_stream(sys.stdin.buffer, "<stdin>", ReadLimits())
            for line in extract_jsonl(stdin_items, coder.config, date, on_rejection=rejected):
                out.write(line)
            return
        with open_jsonl(jsonl_path) as stream:
            file_items = read_jsonl_stream(stream, jsonl_path, ReadLimits())
            for line in extract_jsonl(file_items, coder.config, date, workers, rejected):
                out.write(line)
        return
    assert path is not None
    stdin = sys.stdin.buffer if path == "-" else None
    from ..engines.stream import code_documents

    items = list(read_inputs([path], stdin=stdin))
    docs = [d for d in items if isinstance(d, Document)]
    for item in items:
        if not isinstance(item, Document):
            click.echo(f"Error: {item.message()}", err=True)
    if not docs:
        sys.exit(1)
    all_events, all_q = code_documents(coder, docs, date)
    write_records(all_events, fmt, None, EVENT_TABLE_COLUMNS, list(EVENT_FIELDS))
    if show_quantities and fmt == "table":
        click.echo("\nQuantities")
        write_records(all_q, "table", None, QUANTITY_TABLE_COLUMNS)
