"""Ingest: read → clean → dedupe → store, in batches committed one at a time."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO

from . import _store
from ._clean import clean, normalise_for_hash
from ._lang import detect_language
from ._read import ReadLimits, read_inputs
from ._types import Document, Rejection

SUPPORTED_LANGUAGES = ("en",)
# A batch is also committed once it holds this much text, so that a batch of very long
# articles (parts of a split 30 MB file) cannot hold batch_size x max_chars in memory.
MAX_BATCH_CHARS = 8_000_000


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    messages: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {"added": self.added, "duplicates": self.duplicates, "rejected": self.rejected}


LogRow = tuple[str, int | None, str, str, str | None]


def _article_id(doc: Document, digest: str) -> str:
    return doc.id if doc.id else f"a{digest[:16]}"


def ingest(
    paths: Iterable[str],
    db: str | os.PathLike[str],
    date: dt.date | None = None,
    limits: ReadLimits | None = None,
    batch_size: int = 200,
    stdin: IO[bytes] | None = None,
    on_message: Callable[[str, str], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> IngestReport:
    """Ingest files, folders or stdin into ``db``; re-ingesting the same texts is a no-op.

    ``date`` is used for documents whose record or page metadata carries none.
    """
    report = IngestReport()
    batch: list[Document | Rejection] = []
    chars = 0

    def flush() -> None:
        nonlocal chars
        if batch:
            _write(batch, db, date, report, on_message)
            if on_progress:
                on_progress(len(batch))
            batch.clear()
            chars = 0

    for item in read_inputs(paths, limits, stdin=stdin):
        batch.append(item)
        chars += len(item.text) if isinstance(item, Document) else 0
        if len(batch) >= batch_size or chars >= MAX_BATCH_CHARS:
            flush()
    flush()
    return report


def _write(
    items: list[Document | Rejection],
    db: str | os.PathLike[str],
    default_date: dt.date | None,
    report: IngestReport,
    on_message: Callable[[str, str], None] | None,
) -> None:
    log: list[LogRow] = []

    def say(
        origin: str, line: int | None, status: str, reason: str, aid: str | None = None
    ) -> None:
        log.append((origin, line, status, reason, aid))
        if on_message and status != "duplicate":
            where = f"{origin}:{line}" if line is not None else origin
            on_message(status, f"{where}: {reason}")

    prepared: list[tuple[Document, str, str, str, str | None]] = []
    for item in items:
        if isinstance(item, Rejection):
            report.rejected += 1
            say(item.origin, item.line, "rejected", item.reason)
            continue
        text = clean(item.text)
        if not text.strip():
            report.rejected += 1
            say(item.origin, None, "rejected", "no text left after removing page debris")
            continue
        lang = detect_language(text)
        if lang is not None and lang not in SUPPORTED_LANGUAGES:
            report.rejected += 1
            say(
                item.origin,
                None,
                "rejected",
                f"language {lang!r} is not supported (only English is coded)",
            )
            continue
        digest = _store.content_hash(normalise_for_hash(text))
        prepared.append((item, text, digest, _article_id(item, digest), lang))

    with _store.opened(db) as con:
        known_hashes = _store.existing_hashes(con, [p[2] for p in prepared])
        known_ids = _store.existing_ids(con, [p[3] for p in prepared])
        seen: set[str] = set()
        articles: list[_store.NewArticle] = []
        for doc, text, digest, aid, lang in prepared:
            if digest in known_hashes or digest in seen:
                report.duplicates += 1
                say(
                    doc.origin,
                    None,
                    "duplicate",
                    "same text already ingested",
                    known_hashes.get(digest, aid),
                )
                continue
            if aid in known_ids:
                # Same id, different text: keep both, the new one under its content id.
                aid = f"{aid}~{digest[:8]}"
            seen.add(digest)
            known_ids.add(aid)
            for note in doc.notes:
                say(doc.origin, None, "note", note, aid)
            articles.append(
                _store.NewArticle(
                    id=aid,
                    content_hash=digest,
                    origin=doc.origin,
                    text=text,
                    title=doc.title,
                    url=doc.url,
                    source=doc.source,
                    date=doc.date or default_date,
                    lang=lang,
                )
            )
        _store.insert_articles(con, articles, log)
        report.added += len(articles)
