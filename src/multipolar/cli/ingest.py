"""Commands that fill a database or a Parquet folder: ingest, code, code-parquet, export, load.

Each parses its options, makes one library call, and reports counts on stderr.
"""

from __future__ import annotations

import datetime as dt
import sys

import click

from .options import (
    DATE,
    coder_config,
    db_option,
    dictionary_option,
    engine_options,
    fail,
    one_sided_option,
    progress_bar,
)


@click.command()
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
    bar = progress_bar(None, "ingest", sys.stderr.isatty() and not quiet)

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


@click.command()
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

    config = coder_config(
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
    bar = progress_bar(todo, "code", sys.stderr.isatty())
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


@click.command("code-parquet")
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

    config = coder_config(dictionaries, one_sided_disapproval)
    bar = progress_bar(None, "code", sys.stderr.isatty())
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


@click.command("export")
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


@click.command("load")
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
