"""What the commands share: option decorators, the date type, and output and error helpers.

Shared decorators keep ``--db``, ``--format``, ``--dictionary`` and friends the same on every
command. Nothing here imports the library at module level: the helpers that need it import it
when called, so ``multipolar --help`` stays fast.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

if TYPE_CHECKING:
    from ..coding.coder import CoderConfig

F = TypeVar("F", bound=Callable[..., Any])

EVENT_TABLE_COLUMNS = ("date", "source", "plover", "cameo", "target", "modality", "sentence")
QUANTITY_TABLE_COLUMNS = ("kind", "subject", "partner", "value", "unit", "usd_value", "text")


class DateType(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    """A YYYY-MM-DD date option; anything else is a usage error that shows the format."""

    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        """The date of ``value`` (a date passes through); fails with an example otherwise."""
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            self.fail(
                f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2025-06-30", param, ctx
            )


DATE = DateType()


def db_option(f: F) -> F:
    """--db: the DuckDB file, also from $MULTIPOLAR_DB."""
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        default="multipolar.duckdb",
        show_default=True,
        envvar="MULTIPOLAR_DB",
        help="DuckDB file (env MULTIPOLAR_DB).",
    )(f)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
    """--format (passed to the command as ``fmt``), one of ``choices``."""

    def deco(f: F) -> F:
        return click.option(
            "--format",
            "fmt",
            type=click.Choice(choices),
            default=default,
            show_default=True,
            help="Output format.",
        )(f)

    return deco


def output_option(f: F) -> F:
    """-o/--output: a file to write instead of stdout."""
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False),
        default=None,
        help="Write to this file instead of stdout.",
    )(f)


def dictionary_option(f: F) -> F:
    """--dictionary (repeatable, passed as ``dictionaries``): extra actor dictionaries."""
    return click.option(
        "--dictionary",
        "dictionaries",
        type=click.Path(exists=True, dir_okay=False),
        multiple=True,
        help="Extra actor dictionary (YAML) that extends or overrides the built-in one; repeatable.",
    )(f)


def one_sided_option(f: F) -> F:
    """--one-sided-disapproval: keep target-less criticisms as events."""
    return click.option(
        "--one-sided-disapproval",
        is_flag=True,
        help="Keep criticisms, accusations and complaints that name no target party "
        "('Iran condemned the attack'); by default they are no event, as in PETRARCH.",
    )(f)


def engine_options(f: F) -> F:
    """--engine and --address, shared by the commands that run the coder."""
    f = click.option(
        "--address",
        default=None,
        help="Ray cluster address (with --engine ray); default: start Ray locally.",
    )(f)
    return click.option(
        "--engine",
        type=click.Choice(["local", "ray"]),
        default="local",
        show_default=True,
        help="Where to run the coder.",
    )(f)


def coder_config(
    dictionaries: tuple[str, ...], one_sided_disapproval: bool, **more: Any
) -> CoderConfig:
    """The CoderConfig of --dictionary and --one-sided-disapproval (plus ``more``), shared by
    the commands that run the coder; imported here, not at the top, to keep every command fast
    to start."""
    from ..coding.coder import CoderConfig

    return CoderConfig(
        dictionaries=tuple(Path(d) for d in dictionaries),
        one_sided_disapproval=one_sided_disapproval,
        **more,
    )


def fail(message: str, code: int = 1) -> None:
    """Print ``Error: message`` to stderr and exit with ``code`` (1: failed, 2: usage)."""
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def progress_bar(total: int | None, label: str, enabled: bool) -> Any:
    """A tqdm bar on stderr counting articles (hidden unless ``enabled``)."""
    from tqdm import tqdm

    return tqdm(
        total=total, desc=label, unit="art", disable=not enabled, file=sys.stderr, leave=False
    )


def open_read(db: str) -> Any:
    """A read-only connection to ``db``; a store error ends the command with its message."""
    from .. import store

    try:
        return store.connect(db, read_only=True)
    except store.StoreError as exc:
        fail(str(exc))


def emit(
    rows: list[dict[str, Any]],
    fmt: str,
    output: str | None,
    table_cols: tuple[str, ...],
    cols: list[str],
) -> None:
    """Write ``rows`` in ``fmt`` to ``output`` (a file; parquet needs one) or to stdout.

    ``table_cols`` are the columns a table shows; ``cols`` all columns, for the other formats.
    """
    from ..store.output import write_records

    if output and fmt != "parquet":
        with open(output, "w", encoding="utf-8", newline="") as fh:
            write_records(rows, fmt, fh, table_cols, cols)
    else:
        write_records(rows, fmt, None, table_cols, cols, parquet_path=output)


def write_text(text: str, output: str | None) -> None:
    """Write a whole document to ``output``, or to stdout without an added newline."""
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
