"""The DuckDB store: schema, migrations, atomic batch writes and filtered reads.

Concurrency rule (DuckDB allows one writing process per file): writers (``ingest``, ``code``)
open the file for one batch, commit and close it again, so readers (``events``, ``stats``,
``report``, ``serve``) get in between batches. Every open retries while another process holds
the lock. All SQL takes values as parameters; only fixed identifiers are ever formatted in.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from ..records import EVENT_FIELDS, QUANTITY_FIELDS, Coded

if TYPE_CHECKING:
    from ..text.dedupe import Match, NearDuplicateIndex, Signature

SCHEMA_VERSION = 2
DEFAULT_DB = "multipolar.duckdb"
LOCK_TIMEOUT_S = 60.0

# A migration step is SQL, or a function of the connection for what SQL cannot do alone.
Migration = str | Callable[[Any], None]

MIGRATIONS: dict[int, list[Migration]] = {
    1: [
        """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS articles (
            id VARCHAR PRIMARY KEY,
            content_hash VARCHAR UNIQUE NOT NULL,
            origin VARCHAR,
            title VARCHAR,
            url VARCHAR,
            source VARCHAR,
            date DATE,
            lang VARCHAR,
            text VARCHAR NOT NULL,
            n_chars INTEGER,
            ingested_at TIMESTAMP DEFAULT current_timestamp,
            coded_at TIMESTAMP,
            coder VARCHAR,
            n_sentences INTEGER,
            n_parsed INTEGER
        )""",
        """CREATE TABLE IF NOT EXISTS events (
            article_id VARCHAR NOT NULL,
            sentence_index INTEGER NOT NULL,
            start INTEGER, "end" INTEGER,
            sentence VARCHAR,
            date DATE,
            source VARCHAR, target VARCHAR,
            source_sector VARCHAR, target_sector VARCHAR,
            source_text VARCHAR, target_text VARCHAR,
            cameo VARCHAR, cameo_root VARCHAR,
            quad INTEGER, pentaclass INTEGER, goldstein DOUBLE,
            plover VARCHAR, plover_mode VARCHAR, plover_context VARCHAR[],
            reciprocal BOOLEAN, negated BOOLEAN, modality VARCHAR,
            confidence DOUBLE, coder VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS quantities (
            article_id VARCHAR NOT NULL,
            sentence_index INTEGER, start INTEGER, "end" INTEGER,
            kind VARCHAR, subject VARCHAR, partner VARCHAR,
            value DOUBLE, unit VARCHAR, usd_value DOUBLE, year INTEGER, text VARCHAR
        )""",
        """CREATE TABLE IF NOT EXISTS ingest_log (
            logged_at TIMESTAMP DEFAULT current_timestamp,
            origin VARCHAR, line INTEGER, status VARCHAR, reason VARCHAR, article_id VARCHAR
        )""",
        """CREATE INDEX IF NOT EXISTS events_article ON events (article_id)""",
        """CREATE INDEX IF NOT EXISTS quantities_article ON quantities (article_id)""",
    ],
    # 2: near-duplicate flags. near_dup_of is the id of an earlier article this one nearly
    # repeats; minhash its MinHash signature (NULL for texts too short to sign); article_lsh
    # holds one row per LSH band so that a new article finds its candidates with one join
    # instead of comparing with every stored signature.
    2: [
        """ALTER TABLE articles ADD COLUMN IF NOT EXISTS near_dup_of VARCHAR""",
        """ALTER TABLE articles ADD COLUMN IF NOT EXISTS minhash BLOB""",
        """CREATE TABLE IF NOT EXISTS article_lsh (bucket BIGINT NOT NULL, article_id VARCHAR NOT NULL)""",
        lambda con: _backfill_near_duplicates(con),
    ],
}

# Articles read per step when signing the articles of a version-1 database.
_BACKFILL_CHUNK = 1000


class StoreError(RuntimeError):
    """The database cannot be used; the message says why and what to do."""


def content_hash(normalised_text: str) -> str:
    return hashlib.sha256(normalised_text.encode("utf-8")).hexdigest()


def _is_lock_error(exc: Exception) -> bool:
    msg = str(exc).lower()
    return "lock" in msg or "conflicting" in msg or "being used" in msg


def connect(
    path: str | os.PathLike[str], read_only: bool = False, timeout: float = LOCK_TIMEOUT_S
) -> Any:
    """Open the file, retrying while another process writes; migrate when opened for writing."""
    path = Path(path)
    if read_only and not path.exists():
        raise StoreError(
            f"{path}: no such database; create one with: multipolar ingest --db {path} FILES"
        )
    deadline = time.monotonic() + timeout
    delay = 0.05
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.Error as exc:
            if _is_lock_error(exc) and time.monotonic() < deadline:
                time.sleep(delay)
                delay = min(delay * 2, 1.0)
                continue
            raise StoreError(f"{path}: cannot open database ({exc})") from exc
    if not read_only:
        migrate(con)
    return con


def schema_version(con: Any) -> int:
    try:
        row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except duckdb.CatalogException:
        return 0
    return int(row[0]) if row else 0


def migrate(con: Any) -> None:
    """Bring the schema to :data:`SCHEMA_VERSION`, one recorded step at a time."""
    current = schema_version(con)
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"database schema {current} is newer than this multipolar ({SCHEMA_VERSION}); upgrade multipolar"
        )
    for version in range(current + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            for step in MIGRATIONS[version]:
                if isinstance(step, str):
                    con.execute(step)
                else:
                    step(con)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise


def has_near_duplicates(con: Any) -> bool:
    """Whether the schema has the near-duplicate columns (a read-only v1 file has not)."""
    return schema_version(con) >= 2


def _backfill_near_duplicates(con: Any) -> None:
    """Sign the articles of a version-1 database and flag near-duplicates among them.

    Runs inside the migration's transaction, oldest article first, a chunk at a time, and
    uses the stored bands as its index, exactly as ingest does, so memory stays bounded.
    """
    from ..text.clean import normalise_for_hash
    from ..text.dedupe import signature

    ids = [r[0] for r in con.execute("SELECT id FROM articles ORDER BY ingested_at, id").fetchall()]
    for start in range(0, len(ids), _BACKFILL_CHUNK):
        chunk = ids[start : start + _BACKFILL_CHUNK]
        rows = {
            r[0]: (r[1], r[2])
            for r in con.execute(
                "SELECT id, origin, text FROM articles WHERE id IN (SELECT unnest(?))", [chunk]
            ).fetchall()
        }
        signed = [
            (aid, signature(normalise_for_hash(rows[aid][1]), normalised=True)) for aid in chunk
        ]
        index = near_duplicate_index(con, [sig for _, sig in signed if sig is not None])
        updates: list[tuple[str, bytes, str | None]] = []
        bands: list[tuple[int, str]] = []
        log: list[tuple[str, int | None, str, str, str | None]] = []
        for aid, sig in signed:
            if sig is None:
                continue
            match = index.check_and_add(aid, sig)
            updates.append((aid, sig.to_bytes(), match.id if match else None))
            bands += [(key, aid) for key in sig.band_keys]
            if match:
                log.append(
                    (rows[aid][0], None, "near_duplicate", near_duplicate_reason(match), aid)
                )
        if updates:
            con.execute(
                "UPDATE articles SET minhash = u.minhash, near_dup_of = u.near_dup_of FROM"
                " (SELECT unnest(?::VARCHAR[]) AS id, unnest(?::BLOB[]) AS minhash,"
                " unnest(?::VARCHAR[]) AS near_dup_of) u WHERE articles.id = u.id",
                [[u[0] for u in updates], [u[1] for u in updates], [u[2] for u in updates]],
            )
        _insert_bands(con, bands)
        _insert_log(con, log)


def near_duplicate_reason(match: Match) -> str:
    """The ingest_log reason of a flagged article: what it resembles, and how closely."""
    return f"near-duplicate of {match.id} (estimated similarity {match.similarity:.2f})"


def near_duplicate_index(
    con: Any, signatures: Sequence[Signature], threshold: float | None = None
) -> NearDuplicateIndex:
    """An LSH index seeded with the stored articles that share a band with ``signatures``.

    Only those few stored signatures are read, so the cost per batch does not grow with the
    number of candidates that could not match.
    """
    from ..text.dedupe import DEFAULT_THRESHOLD, NearDuplicateIndex, Signature

    index = NearDuplicateIndex(DEFAULT_THRESHOLD if threshold is None else threshold)
    keys = sorted({key for sig in signatures for key in sig.band_keys})
    if not keys:
        return index
    rows = con.execute(
        "SELECT l.bucket, l.article_id, a.minhash FROM article_lsh l"
        " JOIN articles a ON a.id = l.article_id"
        " WHERE l.bucket IN (SELECT unnest(?::BIGINT[])) AND a.minhash IS NOT NULL"
        " ORDER BY a.ingested_at, a.id",
        [keys],
    ).fetchall()
    parsed: dict[str, Signature] = {}
    for bucket, aid, blob in rows:
        sig = parsed.get(aid)
        if sig is None:
            sig = parsed[aid] = Signature.from_bytes(bytes(blob))
        index.add_bucket(int(bucket), aid, sig)
    return index


def _insert_bands(con: Any, bands: Sequence[tuple[int, str]]) -> None:
    # Two list parameters unnested in one statement: far faster than executemany per row.
    if bands:
        con.execute(
            "INSERT INTO article_lsh SELECT unnest(?::BIGINT[]), unnest(?::VARCHAR[])",
            [[b[0] for b in bands], [b[1] for b in bands]],
        )


def _insert_log(con: Any, log: Sequence[tuple[str, int | None, str, str, str | None]]) -> None:
    if log:
        con.executemany(
            "INSERT INTO ingest_log (origin, line, status, reason, article_id) VALUES (?, ?, ?, ?, ?)",
            [list(row) for row in log],
        )


@contextmanager
def opened(path: str | os.PathLike[str], read_only: bool = False) -> Iterator[Any]:
    con = connect(path, read_only=read_only)
    try:
        yield con
    finally:
        con.close()


@dataclass(frozen=True, slots=True)
class NewArticle:
    id: str
    content_hash: str
    origin: str
    text: str
    title: str | None
    url: str | None
    source: str | None
    date: dt.date | None
    lang: str | None
    near_dup_of: str | None = None
    minhash: bytes | None = None  # the MinHash signature; None for texts too short to sign
    bands: tuple[int, ...] = ()  # its LSH band keys


def existing_hashes(con: Any, hashes: Sequence[str]) -> dict[str, str]:
    if not hashes:
        return {}
    rows = con.execute(
        "SELECT content_hash, id FROM articles WHERE content_hash IN (SELECT unnest(?))",
        [list(hashes)],
    ).fetchall()
    return {h: i for h, i in rows}


def existing_ids(con: Any, ids: Sequence[str]) -> set[str]:
    if not ids:
        return set()
    rows = con.execute(
        "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [list(ids)]
    ).fetchall()
    return {r[0] for r in rows}


def insert_articles(
    con: Any,
    articles: Sequence[NewArticle],
    log: Sequence[tuple[str, int | None, str, str, str | None]],
) -> None:
    """Insert one batch of articles, their LSH bands and log lines in one transaction."""
    con.execute("BEGIN TRANSACTION")
    try:
        if articles:
            con.executemany(
                "INSERT INTO articles (id, content_hash, origin, title, url, source, date, lang,"
                " text, n_chars, near_dup_of, minhash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    [
                        a.id,
                        a.content_hash,
                        a.origin,
                        a.title,
                        a.url,
                        a.source,
                        a.date,
                        a.lang,
                        a.text,
                        len(a.text),
                        a.near_dup_of,
                        a.minhash,
                    ]
                    for a in articles
                ],
            )
            _insert_bands(con, [(key, a.id) for a in articles for key in a.bands])
        _insert_log(con, log)
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def uncoded(
    con: Any, limit: int, after: str | None = None
) -> list[tuple[str, str, dt.date | None]]:
    """The next articles in id order that no coder has finished."""
    return [
        (r[0], r[1], r[2])
        for r in con.execute(
            "SELECT id, text, date FROM articles WHERE coded_at IS NULL AND id > ? ORDER BY id LIMIT ?",
            [after or "", limit],
        ).fetchall()
    ]


def count_uncoded(con: Any) -> int:
    return int(con.execute("SELECT count(*) FROM articles WHERE coded_at IS NULL").fetchone()[0])


def _frame(rows: list[dict[str, Any]], columns: Sequence[str]) -> Any:
    import pandas as pd

    return pd.DataFrame(rows, columns=list(columns))


def save_coded(con: Any, batch: Sequence[tuple[str, Coded]], coder: str) -> None:
    """Write the events and quantities of a batch of articles and mark them coded, atomically.

    Earlier rows of these articles are deleted first, so a batch that was written but not
    marked (impossible inside one transaction, but cheap insurance) never doubles.
    """
    ids = [aid for aid, _ in batch]
    events = [e.to_dict() for _, c in batch for e in c.events]
    quantities = [q.to_dict() for _, c in batch for q in c.quantities]
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM events WHERE article_id IN (SELECT unnest(?))", [ids])
        con.execute("DELETE FROM quantities WHERE article_id IN (SELECT unnest(?))", [ids])
        if events:
            ev_df = _frame(events, EVENT_FIELDS)
            con.register("_ev_batch", ev_df)
            cols = ", ".join(f'"{c}"' for c in EVENT_FIELDS)
            con.execute(f"INSERT INTO events ({cols}) SELECT {cols} FROM _ev_batch")
            con.unregister("_ev_batch")
        if quantities:
            q_cols = [c for c in QUANTITY_FIELDS]
            q_df = _frame(quantities, q_cols)
            con.register("_q_batch", q_df)
            cols = ", ".join(f'"{c}"' for c in q_cols)
            con.execute(f"INSERT INTO quantities ({cols}) SELECT {cols} FROM _q_batch")
            con.unregister("_q_batch")
        con.executemany(
            "UPDATE articles SET coded_at = current_timestamp, coder = ?, n_sentences = ?, n_parsed = ? WHERE id = ?",
            [[coder, c.sentences, c.parsed, aid] for aid, c in batch],
        )
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


@dataclass(frozen=True, slots=True)
class EventFilter:
    actor: str | None = None
    dyad: tuple[str, str] | None = None
    type: str | None = None  # PLOVER type, CAMEO code or CAMEO root
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None
    # Leave out events of articles flagged as near-duplicates of an earlier one, so that a
    # story republished with small edits is counted once.
    skip_near_duplicates: bool = False


def query_events(con: Any, f: EventFilter) -> Any:
    """Events matching the filter as a pandas DataFrame, oldest first."""
    where: list[str] = []
    params: list[Any] = []
    if f.actor:
        where.append("(source = ? OR target = ?)")
        params += [f.actor.upper(), f.actor.upper()]
    if f.dyad:
        a, b = f.dyad[0].upper(), f.dyad[1].upper()
        where.append("((source = ? AND target = ?) OR (source = ? AND target = ?))")
        params += [a, b, b, a]
    if f.type:
        t = f.type.upper()
        where.append(
            "(upper(plover) = ? OR cameo = ? OR cameo_root = ? OR cameo_root = lpad(?, 2, '0'))"
        )
        params += [t, t, t, t]
    if f.since:
        where.append("date >= ?")
        params.append(f.since)
    if f.until:
        where.append("date <= ?")
        params.append(f.until)
    if f.skip_near_duplicates and has_near_duplicates(con):
        where.append("article_id NOT IN (SELECT id FROM articles WHERE near_dup_of IS NOT NULL)")
    sql = "SELECT " + ", ".join(f'"{c}"' for c in EVENT_FIELDS) + " FROM events"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY date NULLS LAST, article_id, sentence_index"
    if f.limit:
        sql += " LIMIT ?"
        params.append(f.limit)
    df = con.execute(sql, params).df()
    if "date" in df:
        df["date"] = df["date"].astype(str).where(df["date"].notna(), None)
    return df


def query_quantities(con: Any, kind: str | None = None, actor: str | None = None) -> Any:
    """Quantities as a pandas DataFrame, with the article date, in text order."""
    sql = (
        'SELECT q.article_id, CAST(a.date AS VARCHAR) AS date, q.sentence_index, q.start, q."end", q.kind,'
        " q.subject, q.partner, q.value, q.unit, q.usd_value, q.year, q.text"
        " FROM quantities q LEFT JOIN articles a ON a.id = q.article_id WHERE TRUE"
    )
    params: list[Any] = []
    if kind:
        sql += " AND q.kind = ?"
        params.append(kind)
    if actor:
        sql += " AND (q.subject = ? OR q.partner = ?)"
        params += [actor.upper(), actor.upper()]
    sql += " ORDER BY a.date NULLS LAST, q.article_id, q.sentence_index, q.start"
    return con.execute(sql, params).df()


def stats(con: Any) -> dict[str, Any]:
    def one(sql: str) -> Any:
        return con.execute(sql).fetchone()[0]

    return {
        "articles": int(one("SELECT count(*) FROM articles")),
        "events": int(one("SELECT count(*) FROM events")),
        "rejected": int(one("SELECT count(*) FROM ingest_log WHERE status = 'rejected'")),
        "duplicates": int(one("SELECT count(*) FROM ingest_log WHERE status = 'duplicate'")),
        # Kept articles flagged as nearly repeating an earlier one (0 on a read-only v1 file).
        "near_duplicates": int(
            one("SELECT count(*) FROM articles WHERE near_dup_of IS NOT NULL")
            if has_near_duplicates(con)
            else 0
        ),
        "coded": int(one("SELECT count(*) FROM articles WHERE coded_at IS NOT NULL")),
        "uncoded": int(one("SELECT count(*) FROM articles WHERE coded_at IS NULL")),
        "quantities": int(one("SELECT count(*) FROM quantities")),
        "first_date": _iso(one("SELECT min(date) FROM articles")),
        "last_date": _iso(one("SELECT max(date) FROM articles")),
        "schema_version": schema_version(con),
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def to_json_value(value: Any) -> Any:
    """JSON-safe form of values read back from DuckDB/pandas."""
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if hasattr(value, "tolist"):
        return value.tolist()
    return value


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, default=to_json_value)
