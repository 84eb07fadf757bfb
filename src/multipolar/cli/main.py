"""The ``multipolar`` command line (click).

Every command has a docstring (its ``--help``) and a test; shared option decorators keep the
``--db`` and ``--format`` options the same everywhere. Errors are one line saying what to do.
Exit codes: 0 success (also when some inputs were rejected), 1 nothing could be done, 2 usage.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .. import __version__

if TYPE_CHECKING:
    from ..coding.coder import CoderConfig

F = TypeVar("F", bound=Callable[..., Any])

EVENT_TABLE_COLUMNS = ("date", "source", "plover", "cameo", "target", "modality", "sentence")
QUANTITY_TABLE_COLUMNS = ("kind", "subject", "partner", "value", "unit", "usd_value", "text")


class DateType(click.ParamType):  # type: ignore[type-arg,unused-ignore]
    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
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
    return click.option(
        "--db",
        type=click.Path(dir_okay=False),
        default="multipolar.duckdb",
        show_default=True,
        envvar="MULTIPOLAR_DB",
        help="DuckDB file (env MULTIPOLAR_DB).",
    )(f)


def format_option(*choices: str, default: str = "table") -> Callable[[F], F]:
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
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False),
        default=None,
        help="Write to this file instead of stdout.",
    )(f)


def dictionary_option(f: F) -> F:
    return click.option(
        "--dictionary",
        "dictionaries",
        type=click.Path(exists=True, dir_okay=False),
        multiple=True,
        help="Extra actor dictionary (YAML) that extends or overrides the built-in one; repeatable.",
    )(f)


def one_sided_option(f: F) -> F:
    return click.option(
        "--one-sided-disapproval",
        is_flag=True,
        help="Keep criticisms, accusations and complaints that name no target party "
        "('Iran condemned the attack'); by default they are no event, as in PETRARCH.",
    )(f)


def _coder_config(
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


def fail(message: str, code: int = 1) -> None:
    click.echo(f"Error: {message}", err=True)
    sys.exit(code)


def _progress_bar(total: int | None, label: str, enabled: bool) -> Any:
    from tqdm import tqdm

    return tqdm(
        total=total, desc=label, unit="art", disable=not enabled, file=sys.stderr, leave=False
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="multipolar")
def cli() -> None:
    """multipolar: news in, coded events about how states align out.

    \b
    Typical use:
      multipolar ingest --db news.duckdb articles/        # txt, html, jsonl(.gz), or - for stdin
      multipolar code --db news.duckdb                    # code every new article
      multipolar events --db news.duckdb --dyad CAN MEX   # query events
      multipolar extract story.txt --date 2025-06-01      # code one text, no database
    """


@cli.command()
@db_option
@click.argument("paths", nargs=-1, required=True)
@click.option("--date", type=DATE, default=None, help="Publication date for texts that carry none.")
@click.option(
    "--batch-size",
    type=click.IntRange(1),
    default=200,
    show_default=True,
    help="Articles per commit.",
)
@click.option(
    "--max-file-mb",
    type=click.FloatRange(0.001),
    default=64.0,
    show_default=True,
    help="Skip larger files.",
)
@click.option(
    "--max-chars",
    type=click.IntRange(1000),
    default=2_000_000,
    show_default=True,
    help="Split longer texts into parts of at most this size (noted).",
)
@click.option(
    "--max-line-mb",
    type=click.FloatRange(0.001),
    default=16.0,
    show_default=True,
    help="Reject longer JSONL lines.",
)
@click.option(
    "--near-dup-threshold",
    type=click.FloatRange(0.0, 1.0, min_open=True),
    default=0.8,
    show_default=True,
    help="Flag an article as a near-duplicate when its estimated word 5-gram Jaccard "
    "similarity to an earlier one reaches this.",
)
@click.option("-q", "--quiet", is_flag=True, help="Do not print rejected inputs.")
def ingest(
    db: str,
    paths: tuple[str, ...],
    date: dt.date | None,
    batch_size: int,
    max_file_mb: float,
    max_chars: int,
    max_line_mb: float,
    near_dup_threshold: float,
    quiet: bool,
) -> None:
    """Read news into the database: .txt, .html/.htm, .jsonl/.jsonl.gz files, folders, or - (stdin).

    Page debris is removed and exact duplicates are skipped, so ingesting the same files twice
    changes nothing. Near-duplicates (a story republished with small edits: another headline,
    a changed sentence, added boilerplate) are kept but flagged with the id of the earlier
    article they repeat, also across runs; texts under 30 words are never flagged. Each
    rejected file or line is printed with its reason and kept in the ingest_log table. JSONL
    records have the fields id, text and optionally title, url, date and source.
    """
    from ..ingestion.ingest import ingest as run_ingest
    from ..ingestion.read import ReadLimits

    limits = ReadLimits(
        max_file_bytes=int(max_file_mb * 1024 * 1024),
        max_text_chars=max_chars,
        max_line_bytes=int(max_line_mb * 1024 * 1024),
    )
    bar = _progress_bar(None, "ingest", sys.stderr.isatty() and not quiet)

    def message(status: str, line: str) -> None:
        if not quiet:
            bar.write(f"{status}: {line}", file=sys.stderr)

    stdin = sys.stdin.buffer if "-" in paths else None
    from ..store.database import StoreError

    try:
        report = run_ingest(
            paths,
            db,
            date,
            limits,
            batch_size,
            stdin=stdin,
            on_message=message,
            on_progress=bar.update,
            near_dup_threshold=near_dup_threshold,
        )
    except StoreError as exc:
        # Batches already committed stay; rerunning skips them as duplicates.
        fail(str(exc))
    finally:
        bar.close()
    click.echo(
        f"{report.added} added, {report.duplicates} duplicates skipped, "
        f"{report.near_duplicates} near-duplicates flagged, {report.rejected} rejected",
        err=True,
    )
    # Exit 1 only when nothing usable was found; all-duplicates (a rerun) is a success.
    if report.added == 0 and report.duplicates == 0:
        sys.exit(1)


@cli.command()
@db_option
@click.option(
    "--workers", type=click.IntRange(1), default=None, help="Worker processes [default: all cores]."
)
@engine_options
@click.option(
    "--batch-size",
    type=click.IntRange(1),
    default=32,
    show_default=True,
    help="Articles per committed batch.",
)
@dictionary_option
@one_sided_option
@click.option(
    "--max-sentence-chars",
    type=click.IntRange(50),
    # CoderConfig's default, written out: importing the coder here would slow every command
    # (a test checks that the two agree).
    default=2000,
    show_default=True,
    help="Cut longer sentences (tables, run-on lists) into pieces of at most this many "
    "characters before parsing; lower it to bound the parser's time per sentence.",
)
def code(
    db: str,
    workers: int | None,
    engine: str,
    address: str | None,
    batch_size: int,
    dictionaries: tuple[str, ...],
    one_sided_disapproval: bool,
    max_sentence_chars: int,
) -> None:
    """Code every article in the database that is not coded yet.

    Batches are committed atomically: a killed run can simply be started again and resumes
    without duplicates or losses.
    """
    from .. import store
    from ..engines.local import code_db

    config = _coder_config(
        dictionaries, one_sided_disapproval, max_sentence_chars=max_sentence_chars
    )
    try:
        with store.opened(db, read_only=True) as con:
            todo = store.count_uncoded(con)
    except store.StoreError as exc:
        fail(str(exc))
    if todo == 0:
        click.echo("nothing to code: every article is coded already", err=True)
        return
    bar = _progress_bar(todo, "code", sys.stderr.isatty())
    try:
        if engine == "ray":
            from ..engines.ray import RayMissingError, code_db_ray

            try:
                report = code_db_ray(
                    db,
                    address=address,
                    workers=workers,
                    batch_articles=batch_size,
                    config=config,
                    on_progress=bar.update,
                )
            except RayMissingError as exc:
                fail(str(exc))
        else:
            report = code_db(
                db,
                workers=workers,
                batch_articles=batch_size,
                config=config,
                on_progress=bar.update,
            )
    finally:
        bar.close()
    click.echo(
        f"coded {report.articles} articles: {report.events} events, {report.quantities} quantities "
        f"({report.parsed} of {report.sentences} sentences parsed)",
        err=True,
    )


def _open_read(db: str) -> Any:
    from .. import store

    try:
        return store.connect(db, read_only=True)
    except store.StoreError as exc:
        fail(str(exc))


@cli.command()
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
    con = _open_read(db)
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
    _emit(rows, fmt, output, EVENT_TABLE_COLUMNS, list(df.columns))


@cli.command()
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
    con = _open_read(db)
    try:
        df = store.query_quantities(con, kind, actor)
    finally:
        con.close()
    _emit(df.to_dict("records"), fmt, output, QUANTITY_TABLE_COLUMNS, list(df.columns))


def _emit(
    rows: list[dict[str, Any]],
    fmt: str,
    output: str | None,
    table_cols: tuple[str, ...],
    cols: list[str],
) -> None:
    from ..store.output import write_records

    if output and fmt != "parquet":
        with open(output, "w", encoding="utf-8", newline="") as fh:
            write_records(rows, fmt, fh, table_cols, cols)
    else:
        write_records(rows, fmt, None, table_cols, cols, parquet_path=output)


@cli.command()
@db_option
@format_option("json", "table", default="json")
def stats(db: str, fmt: str) -> None:
    """Counts of articles, events, rejected inputs and more."""
    from .. import store

    con = _open_read(db)
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


@cli.command()
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
    from ..coding.coder import Coder, Item
    from ..ingestion.read import ReadLimits, read_inputs, read_jsonl_stream
    from ..records import EVENT_FIELDS, Document
    from ..store.output import write_records

    if (path is None) == (jsonl_path is None):
        fail("give either PATH (a text file or -) or --jsonl FILE", 2)
    coder = Coder(_coder_config(dictionaries, one_sided_disapproval))
    if jsonl_path is not None:
        if jsonl_path == "-":
            _extract_jsonl(
                coder, read_jsonl_stream(sys.stdin.buffer, "<stdin>", ReadLimits()), date
            )
            return
        import gzip

        opener: Any = gzip.open if jsonl_path.endswith(".gz") else open
        with opener(jsonl_path, "rb") as stream:
            _extract_jsonl(
                coder, read_jsonl_stream(stream, jsonl_path, ReadLimits()), date, workers
            )
        return
    assert path is not None
    stdin = sys.stdin.buffer if path == "-" else None
    from ..text.clean import clean

    items = list(read_inputs([path], stdin=stdin))
    docs = [d for d in items if isinstance(d, Document)]
    for item in items:
        if not isinstance(item, Document):
            click.echo(f"Error: {item.message()}", err=True)
    if not docs:
        sys.exit(1)
    all_events: list[dict[str, Any]] = []
    all_q: list[dict[str, Any]] = []
    for coded, doc in zip(
        coder.code_many(Item(clean(d.text), d.date or date, None) for d in docs), docs, strict=True
    ):
        del doc
        all_events += [e.to_dict() for e in coded.events]
        all_q += [q.to_dict() for q in coded.quantities]
    write_records(all_events, fmt, None, EVENT_TABLE_COLUMNS, list(EVENT_FIELDS))
    if show_quantities and fmt == "table":
        click.echo("\nQuantities")
        write_records(all_q, "table", None, QUANTITY_TABLE_COLUMNS)


def _extract_jsonl(
    coder: Any, items: Any, default_date: dt.date | None, workers: int | None = None
) -> None:
    from ..coding.coder import Item
    from ..engines.local import chunked, code_items
    from ..records import Document, Rejection
    from ..text.clean import clean

    # Chunks keep memory flat on large files; they are large so that the worker processes
    # (code_items) rarely wait at a chunk's end.
    out = sys.stdout
    for chunk in chunked(items, 2048):
        docs = [d for d in chunk if isinstance(d, Document)]
        results = iter(
            code_items(
                [Item(clean(d.text), d.date or default_date, d.id) for d in docs],
                coder.config,
                workers,
            )
        )
        for item in chunk:
            if isinstance(item, Rejection):
                click.echo(f"Error: {item.message()}", err=True)
                out.write(json.dumps({"id": None, "error": item.message()}) + "\n")
                continue
            coded = next(results)
            out.write(
                json.dumps(
                    {"id": item.id, "events": [e.to_dict() for e in coded.events]},
                    ensure_ascii=False,
                )
                + "\n"
            )


@cli.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@format_option("table", "json")
@click.option(
    "--errors",
    "show_errors",
    is_flag=True,
    help="List each miss with its sentence, gold and prediction.",
)
@click.option(
    "--category",
    default=None,
    metavar="NAME",
    help="Score only records of this category (GOLD, AFP, ALLSIDES_CHECK, ...).",
)
@click.option(
    "--shared",
    type=click.Path(file_okay=False),
    default=None,
    envvar="MULTIPOLAR_SHARED",
    help="The shared data folder, for gold records that point into its news corpora "
    "[default: $MULTIPOLAR_SHARED, else ../shared].",
)
def eval_(gold: str, fmt: str, show_errors: bool, category: str | None, shared: str | None) -> None:
    """Score the coder against a gold file (PLOVER GSR or PETRARCH-2 validation JSONL).

    Prints category accuracy and macro-F1 (PLOVER), CAMEO root accuracy and pentaclass
    macro-F1 (PETR), actor country accuracy, event-tuple precision/recall/F1 and the
    false-event rate on sentences coded as having no event. Records may hold their sentence
    as ``text`` or as a ``ref`` into a news corpus under the shared folder; a referenced
    sentence is coded after its article's earlier text, as ``code`` reads it. A pentaclass
    labels a sentence: with no event whose parties are known, the sentence takes the class
    of its main act.
    """
    from ..coding.coder import Coder
    from ..coding.eval import GoldError, evaluate, format_table, read_gold

    try:
        records = read_gold(gold, shared=shared, category=category)
    except GoldError as exc:
        raise click.ClickException(str(exc)) from exc
    if not records:
        raise click.ClickException(
            f"{gold}: no records"
            + (f" of category {category}" if category else "")
            + "; give a JSONL file with one gold record a line"
        )
    result = evaluate(records, Coder())
    if fmt == "json":
        if not show_errors:
            result = {k: v for k, v in result.items() if k != "errors"}
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(result, errors=show_errors))


# --- kb / trade (alliances and trade data for the analytics; see _kb.py) -------------------


@cli.group()
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


@cli.group()
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


# --------------------------------------------------------------------------- analytics
# dyads, network, hedging, report, serve: views over the coded events (_analytics, _report, _serve).

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


def _rounded(rows: list[dict[Any, Any]], fmt: str) -> list[dict[str, Any]]:
    """Floats to 3 decimals; count dicts flattened for table/CSV (JSON keeps them as objects)."""
    from ..analytics.alignment import format_counts

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


def _load_events(db: str, since: dt.date | None = None, until: dt.date | None = None) -> Any:
    from .. import store

    con = _open_read(db)
    try:
        return store.query_events(con, store.EventFilter(since=since, until=until))
    finally:
        con.close()


@cli.command()
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
    from ..analytics.alignment import dyad_series

    df = dyad_series(_load_events(db, since, until), a, b, freq, since, until)
    if df.empty:
        click.echo(f"no events between {a.upper()} and {b.upper()}", err=True)
    _emit(_rounded(df.to_dict("records"), fmt), fmt, output, DYAD_TABLE_COLUMNS, list(df.columns))


@cli.command()
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
    from ..analytics.alignment import network as build_network
    from ..analytics.alignment import to_networkx

    net = build_network(_load_events(db, since, until), since, until, hub)
    if fmt == "graphml":
        import networkx as nx

        text = "\n".join(nx.generate_graphml(to_networkx(net))) + "\n"
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            click.echo(text, nl=False)
        return
    if fmt == "json":
        from ..store.output import jsonable

        doc = {
            "hub": net.hub,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
            "nodes": [jsonable(r) for r in _rounded(net.nodes.to_dict("records"), fmt)],
            "edges": [jsonable(r) for r in _rounded(net.edges.to_dict("records"), fmt)],
        }
        text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
        if output:
            Path(output).write_text(text, encoding="utf-8")
        else:
            click.echo(text, nl=False)
        return
    edges = net.edges.sort_values(
        ["n_events", "a", "b"], ascending=[False, True, True], kind="stable"
    )
    _emit(
        _rounded(edges.to_dict("records"), fmt),
        "table",
        output,
        EDGE_TABLE_COLUMNS,
        list(edges.columns),
    )
    if hub and not output:
        click.echo(f"\nActors (net cooperation with {net.hub} and with the rest)")
        _emit(
            _rounded(net.nodes.to_dict("records"), fmt),
            "table",
            None,
            tuple(net.nodes.columns),
            list(net.nodes.columns),
        )


@cli.command()
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
    from ..analytics.alignment import hedging as build_hedging

    df = build_hedging(_load_events(db, since, until), hub, since, until)
    _emit(
        _rounded(df.to_dict("records"), fmt), fmt, output, HEDGING_TABLE_COLUMNS, list(df.columns)
    )


@cli.command()
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


@cli.command()
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
    con = _open_read(db)  # fail now, with a clear message, rather than on the first request
    con.close()
    click.echo(f"multipolar dashboard on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    run(db, host, port)


@cli.group()
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


@cli.command("export")
@db_option
@click.option(
    "--out", "out", type=click.Path(file_okay=False), required=True, help="Folder to write."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["parquet"]),
    default="parquet",
    show_default=True,
    help="Output format.",
)
@click.option("--overwrite", is_flag=True, help="Replace what an earlier export left in --out.")
def export_(db: str, out: str, fmt: str, overwrite: bool) -> None:
    """Write events and quantities as Parquet partitioned by year/month (year=2025/month=09/).

    Query the folder with DuckDB (read_parquet('OUT/events/**/*.parquet', hive_partitioning=true))
    or load it into another database with: multipolar load --db OTHER.duckdb OUT
    """
    from .. import store
    from ..engines.shards import ParquetError, export_db

    del fmt  # one format for now; the option keeps the command line stable when more come
    try:
        counts = export_db(db, out, overwrite=overwrite)
    except (ParquetError, store.StoreError) as exc:
        fail(str(exc))
    click.echo(
        f"exported {counts['events']} events, {counts['quantities']} quantities, "
        f"{counts['articles']} coded articles to {out}",
        err=True,
    )


@cli.command("load")
@db_option
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
def load_(db: str, folder: str) -> None:
    """Load a folder written by export or code-parquet into the database.

    Loading is idempotent: each article's events and quantities are replaced, never doubled.
    """
    from .. import store
    from ..engines.shards import ParquetError, load_dir

    try:
        counts = load_dir(db, folder)
    except (ParquetError, store.StoreError) as exc:
        fail(str(exc))
    click.echo(
        f"loaded {counts['events']} events, {counts['quantities']} quantities; "
        f"{counts['articles']} articles of this database marked coded",
        err=True,
    )


@cli.command("code-parquet")
@click.option(
    "--input",
    "input_spec",
    required=True,
    help="Folder or glob of Parquet article shards (columns id, text, date).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False),
    required=True,
    help="Folder for the partitioned Parquet events.",
)
@engine_options
@click.option(
    "--workers",
    type=click.IntRange(1),
    default=None,
    help="Worker processes or Ray actors [default: all CPUs].",
)
@click.option(
    "--batch-size",
    type=click.IntRange(1),
    default=32,
    show_default=True,
    help="Articles per batch.",
)
@click.option("--overwrite", is_flag=True, help="Replace what an earlier run left in --out.")
@dictionary_option
@one_sided_option
def code_parquet(
    input_spec: str,
    out: str,
    engine: str,
    address: str | None,
    workers: int | None,
    batch_size: int,
    overwrite: bool,
    dictionaries: tuple[str, ...],
    one_sided_disapproval: bool,
) -> None:
    """Code Parquet article shards into Parquet events, without a database (the multi-node path).

    With --engine ray --address ADDR, --input and --out must be on storage every node sees.
    Load the result with: multipolar load --db news.duckdb OUT
    """
    from ..engines.shards import ParquetError
    from ..engines.shards import code_parquet as run_local

    config = _coder_config(dictionaries, one_sided_disapproval)
    bar = _progress_bar(None, "code", sys.stderr.isatty())
    try:
        if engine == "ray":
            from ..engines.ray import RayMissingError, code_parquet_ray

            try:
                report = code_parquet_ray(
                    input_spec, out, address, workers, batch_size, config, overwrite, bar.update
                )
            except RayMissingError as exc:
                fail(str(exc))
        else:
            report = run_local(input_spec, out, workers, batch_size, config, overwrite, bar.update)
    except ParquetError as exc:
        fail(str(exc))
    finally:
        bar.close()
    click.echo(
        f"coded {report.articles} articles: {report.events} events, {report.quantities} quantities "
        f"({report.parsed} of {report.sentences} sentences parsed) into {out}",
        err=True,
    )
