"""Events as Parquet: export from a DB, load into a DB, and code Parquet shards without one.

The layout is the same whoever writes it (``export``, ``code-parquet`` on one machine or on a
Ray cluster), so ``load`` and DuckDB queries read any of them::

    OUT/events/year=2025/month=09/*.parquet       the event records
    OUT/quantities/year=2025/month=09/*.parquet   the quantity records
    OUT/articles/year=2025/month=09/*.parquet     one row per coded article (id, counts)

Partitions are hive-style on the article's date; undated rows go to DuckDB's and Hive's
``__HIVE_DEFAULT_PARTITION__``. A quantity record has its own ``year`` (the year a figure
refers to), which would clash with the partition key, so in Parquet that field is called
``quantity_year``; ``load`` maps it back.

The ``articles`` manifest is what makes ``load`` idempotent and complete: every article in it
has its earlier events and quantities replaced, including articles that yielded none.
"""

from __future__ import annotations

import datetime as dt
import glob
import hashlib
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import store
from ..coding.coder import Coder, CoderConfig
from ..dates import to_date
from ..records import EVENT_FIELDS, QUANTITY_FIELDS, Coded, CodeReport

TABLES = ("events", "quantities", "articles")
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"

EVENT_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()), ("sentence_index", pa.int32()), ("start", pa.int32()),
        ("end", pa.int32()), ("sentence", pa.string()), ("date", pa.date32()),
        ("source", pa.string()), ("target", pa.string()), ("source_sector", pa.string()),
        ("target_sector", pa.string()), ("source_text", pa.string()), ("target_text", pa.string()),
        ("cameo", pa.string()), ("cameo_root", pa.string()), ("quad", pa.int32()),
        ("pentaclass", pa.int32()), ("goldstein", pa.float64()), ("plover", pa.string()),
        ("plover_mode", pa.string()), ("plover_context", pa.list_(pa.string())),
        ("reciprocal", pa.bool_()), ("negated", pa.bool_()), ("modality", pa.string()),
        ("confidence", pa.float64()), ("coder", pa.string()),
    ]
)  # fmt: skip
QUANTITY_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()), ("sentence_index", pa.int32()), ("start", pa.int32()),
        ("end", pa.int32()), ("kind", pa.string()), ("subject", pa.string()),
        ("partner", pa.string()), ("value", pa.float64()), ("unit", pa.string()),
        ("usd_value", pa.float64()), ("quantity_year", pa.int32()), ("text", pa.string()),
        ("date", pa.date32()),
    ]
)  # fmt: skip
ARTICLE_SCHEMA = pa.schema(
    [
        ("article_id", pa.string()), ("date", pa.date32()), ("coder", pa.string()),
        ("n_sentences", pa.int32()), ("n_parsed", pa.int32()), ("n_events", pa.int32()),
        ("n_quantities", pa.int32()),
    ]
)  # fmt: skip
assert [f for f in EVENT_SCHEMA.names] == list(EVENT_FIELDS)
assert set(QUANTITY_SCHEMA.names) - {"quantity_year", "date"} == set(QUANTITY_FIELDS) - {"year"}


class ParquetError(RuntimeError):
    """Inputs or outputs cannot be used; the message says what to do."""


# -- writing coded batches ---------------------------------------------------------------


def _partition(date: dt.date | None) -> tuple[str, str]:
    return (f"{date.year:04d}", f"{date.month:02d}") if date else (NULL_PARTITION, NULL_PARTITION)


def batch_key(ids: Sequence[str]) -> str:
    """A file name stem that is the same whenever the same articles are coded together."""
    h = hashlib.sha1(usedforsecurity=False)
    for aid in ids:
        h.update(aid.encode("utf-8", "surrogatepass") + b"\0")
    return h.hexdigest()[:20]


def write_coded(
    out: str | os.PathLike[str],
    results: Sequence[tuple[str, dt.date | None, Coded]],
    coder_name: str,
    key: str | None = None,
) -> int:
    """Write one batch of coded articles under ``out``; returns the number of files written.

    Each (table, partition) gets one file named after the batch, so writing the same batch
    twice replaces rather than doubles it; files are written under a temporary name and
    renamed, so a reader never sees half a file.
    """
    key = key or batch_key([aid for aid, _d, _c in results])
    rows: dict[tuple[str, tuple[str, str]], list[dict[str, Any]]] = {}
    for aid, date, coded in results:
        part = _partition(date)
        for e in coded.events:
            d = e.to_dict()
            d["date"] = to_date(d["date"])
            rows.setdefault(("events", _partition(d["date"] or date)), []).append(d)
        for q in coded.quantities:
            d = q.to_dict()
            d["quantity_year"] = d.pop("year")
            d["date"] = date
            rows.setdefault(("quantities", part), []).append(d)
        rows.setdefault(("articles", part), []).append(
            {
                "article_id": aid, "date": date, "coder": coder_name,
                "n_sentences": coded.sentences, "n_parsed": coded.parsed,
                "n_events": len(coded.events), "n_quantities": len(coded.quantities),
            }
        )  # fmt: skip
    schemas = {"events": EVENT_SCHEMA, "quantities": QUANTITY_SCHEMA, "articles": ARTICLE_SCHEMA}
    for (table, (year, month)), recs in rows.items():
        folder = Path(out) / table / f"year={year}" / f"month={month}"
        folder.mkdir(parents=True, exist_ok=True)
        final = folder / f"part-{key}.parquet"
        tmp = folder / f".part-{key}.parquet.tmp"
        pq.write_table(pa.Table.from_pylist(recs, schema=schemas[table]), tmp)
        os.replace(tmp, final)
    return len(rows)


# -- reading article shards --------------------------------------------------------------


def shard_files(spec: str) -> list[str]:
    """The Parquet files named by a folder (searched recursively), a glob or one file."""
    p = Path(spec)
    if p.is_dir():
        files = sorted(str(f) for f in p.rglob("*.parquet") if not f.name.startswith("."))
    else:
        files = sorted(glob.glob(spec, recursive=True))
    if not files:
        raise ParquetError(f"{spec}: no Parquet files; give a folder of *.parquet shards or a glob")
    return files


def article_batches(
    files: Sequence[str], size: int
) -> Iterator[list[tuple[str, str, dt.date | None]]]:
    for path in files:
        pf = pq.ParquetFile(path)
        names = set(pf.schema_arrow.names)
        missing = {"id", "text"} - names
        if missing:
            raise ParquetError(
                f"{path}: no column {', '.join(sorted(missing))}; shards need id, text and date"
            )
        cols = ["id", "text"] + (["date"] if "date" in names else [])
        for rb in pf.iter_batches(batch_size=size, columns=cols):
            d = rb.to_pydict()
            dates = d.get("date") or [None] * rb.num_rows
            yield [
                (str(i), t or "", to_date(da))
                for i, t, da in zip(d["id"], d["text"], dates, strict=True)
                if i is not None
            ]


def prepare_out(out: str | os.PathLike[str], overwrite: bool) -> None:
    """Refuse to mix two runs' files in one folder unless told to replace them."""
    path = Path(out)
    if path.exists() and any(path.iterdir()):
        if not overwrite:
            raise ParquetError(
                f"{path}: folder is not empty; choose a new --out or add --overwrite"
            )
        for table in TABLES:
            shutil.rmtree(path / table, ignore_errors=True)
    path.mkdir(parents=True, exist_ok=True)


def code_and_write(
    config: CoderConfig, out: str, rows: Sequence[tuple[str, str, dt.date | None]]
) -> CodeReport:
    from .local import code_batch

    coded = code_batch(config, rows)
    report = CodeReport()
    report.files = write_coded(
        out, [(aid, row[2], c) for (aid, c), row in zip(coded, rows, strict=True)], Coder.label()
    )
    for _aid, c in coded:
        report.add(c)
    return report


def code_parquet(
    input_spec: str,
    out: str | os.PathLike[str],
    workers: int | None = None,
    batch_articles: int = 32,
    config: CoderConfig | None = None,
    overwrite: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> CodeReport:
    """Code Parquet article shards into partitioned Parquet events, on this machine."""
    import functools

    from .local import default_workers, parallel_map

    config = config or CoderConfig()
    workers = workers or default_workers()
    files = shard_files(input_spec)
    prepare_out(out, overwrite)
    total = CodeReport()
    task = functools.partial(code_and_write, config, str(out))
    for r in parallel_map(task, article_batches(files, batch_articles), workers, config):
        total.merge(r)
        if on_progress:
            on_progress(r.articles)
    return total


# -- DuckDB <-> Parquet ------------------------------------------------------------------


def _sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def export_db(
    db: str | os.PathLike[str], out: str | os.PathLike[str], overwrite: bool = False
) -> dict[str, int]:
    """Write a DB's events, quantities and coded-article manifest as partitioned Parquet."""
    prepare_out(out, overwrite)
    base = Path(out)
    ev_cols = ", ".join(f'e."{c}"' for c in EVENT_FIELDS)
    q_cols = ", ".join(
        f'q."{c}"' if c != "year" else 'q."year" AS quantity_year' for c in QUANTITY_FIELDS
    )
    part = "strftime({d}, '%Y') AS year, strftime({d}, '%m') AS month"
    queries = {
        # An event's own date may differ from its article's (a date in the text); it
        # partitions by its own, as write_coded does.
        "events": f"SELECT {ev_cols}, {part.format(d='e.date')} FROM events e",
        "quantities": f"SELECT {q_cols}, a.date AS date, {part.format(d='a.date')}"
        " FROM quantities q LEFT JOIN articles a ON a.id = q.article_id",
        "articles": "SELECT id AS article_id, date, coder, n_sentences, n_parsed,"
        " (SELECT count(*) FROM events e WHERE e.article_id = a.id)::INTEGER AS n_events,"
        " (SELECT count(*) FROM quantities q WHERE q.article_id = a.id)::INTEGER AS n_quantities,"
        f" {part.format(d='a.date')} FROM articles a WHERE coded_at IS NOT NULL",
    }
    counts: dict[str, int] = {}
    with store.opened(db, read_only=True) as con:
        for table, sql in queries.items():
            n = int(con.execute(f"SELECT count(*) FROM ({sql})").fetchone()[0])
            counts[table] = n
            if n == 0:
                continue
            con.execute(
                f"COPY ({sql}) TO '{_sql_path(base / table)}'"
                " (FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE, FILENAME_PATTERN 'part-{i}')"
            )
    return counts


def _read(base: Path, table: str) -> str | None:
    files = [f for f in (base / table).rglob("*.parquet") if not f.name.startswith(".")]
    if not files:
        return None
    # The partition keys are derived from the date and are dropped: reading without hive
    # partitioning keeps a quantity's own year out of the way.
    return f"read_parquet('{_sql_path(base / table)}/**/*.parquet', hive_partitioning = false, union_by_name = true)"


def load_dir(db: str | os.PathLike[str], src: str | os.PathLike[str]) -> dict[str, int]:
    """Load a folder written by ``export`` or ``code-parquet`` into ``db``, in one transaction.

    Every article named in the folder has its events and quantities replaced, so loading the
    same folder twice leaves the DB as loading it once. Articles that exist in the DB are
    marked coded with the counts from the manifest.
    """
    base = Path(src)
    if not base.is_dir():
        raise ParquetError(
            f"{base}: no such folder; give a folder written by multipolar export or code-parquet"
        )
    sources = {t: _read(base, t) for t in TABLES}
    if not any(sources.values()):
        raise ParquetError(f"{base}: no events/, quantities/ or articles/ Parquet files in it")
    ev_cols = ", ".join(f'"{c}"' for c in EVENT_FIELDS)
    q_cols = ", ".join(f'"{c}"' for c in QUANTITY_FIELDS)
    q_select = ", ".join(
        f'"{c}"' if c != "year" else "quantity_year AS year" for c in QUANTITY_FIELDS
    )
    counts = {t: 0 for t in TABLES}
    with store.opened(db) as con:
        con.execute("BEGIN TRANSACTION")
        try:
            id_sql = " UNION ".join(f"SELECT article_id FROM {s}" for s in sources.values() if s)
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE _load_ids AS SELECT DISTINCT article_id FROM ({id_sql})"
            )
            con.execute("DELETE FROM events WHERE article_id IN (SELECT article_id FROM _load_ids)")
            con.execute(
                "DELETE FROM quantities WHERE article_id IN (SELECT article_id FROM _load_ids)"
            )
            if sources["events"]:
                con.execute(
                    f"INSERT INTO events ({ev_cols}) SELECT {ev_cols} FROM {sources['events']}"
                )
                counts["events"] = int(
                    con.execute(f"SELECT count(*) FROM {sources['events']}").fetchone()[0]
                )
            if sources["quantities"]:
                con.execute(
                    f"INSERT INTO quantities ({q_cols}) SELECT {q_select} FROM {sources['quantities']}"
                )
                counts["quantities"] = int(
                    con.execute(f"SELECT count(*) FROM {sources['quantities']}").fetchone()[0]
                )
            if sources["articles"]:
                counts["articles"] = int(
                    con.execute(
                        f"UPDATE articles SET coded_at = current_timestamp, coder = m.coder,"
                        f" n_sentences = m.n_sentences, n_parsed = m.n_parsed"
                        f" FROM {sources['articles']} m WHERE articles.id = m.article_id"
                    ).fetchone()[0]
                )
            con.execute("DROP TABLE _load_ids")
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return counts
