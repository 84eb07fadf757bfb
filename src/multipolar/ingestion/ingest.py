"""Ingest: read → clean → dedupe → store, in batches committed one at a time.

Dedupe has two levels: an exact copy (same normalised text) is skipped, so re-ingesting is a
no-op; a near-duplicate (MinHash similarity ≥ the threshold to an earlier article, in this
batch or stored by an earlier run) is kept but flagged with ``near_dup_of``, so nothing is
lost and analyses can still count a republished story once.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import IO

from .. import store
from ..records import Document, Rejection
from ..text.clean import clean, normalise_for_hash
from ..text.dedupe import DEFAULT_THRESHOLD, Signature, signature
from ..text.lang import detect_language
from .read import ReadLimits, read_inputs

SUPPORTED_LANGUAGES = ("en",)
# A batch is also committed once it holds this much text, so that a batch of very long
# articles (parts of a split 30 MB file) cannot hold batch_size x max_chars in memory.
MAX_BATCH_CHARS = 8_000_000


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    near_duplicates: int = 0  # added, but flagged as nearly repeating an earlier article
    messages: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, int]:
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "rejected": self.rejected,
            "near_duplicates": self.near_duplicates,
        }


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
    near_dup_threshold: float = DEFAULT_THRESHOLD,
) -> IngestReport:
    """Ingest files, folders or stdin into ``db``; re-ingesting the same texts is a no-op.

    ``date`` is used for documents whose record or page metadata carries none. Articles whose
    estimated similarity to an earlier one reaches ``near_dup_threshold`` are flagged.
    """
    if not 0.0 < near_dup_threshold <= 1.0:
        raise ValueError(f"near_dup_threshold must be in (0, 1], got {near_dup_threshold}")
    report = IngestReport()
    batch: list[Document | Rejection] = []
    chars = 0

    def flush() -> None:
        nonlocal chars
        if batch:
            _write(batch, db, date, report, on_message, near_dup_threshold)
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
    near_dup_threshold: float = DEFAULT_THRESHOLD,
) -> None:
    log: list[LogRow] = []

    def say(
        origin: str, line: int | None, status: str, reason: str, aid: str | None = None
    ) -> None:
        log.append((origin, line, status, reason, aid))
        # Duplicates and near-duplicates are routine on wire news: counted in the summary,
        # kept in ingest_log, not printed one by one.
        if on_message and status not in ("duplicate", "near_duplicate"):
            where = f"{origin}:{line}" if line is not None else origin
            on_message(status, f"{where}: {reason}")

    prepared: list[tuple[Document, str, str, str, str | None, str]] = []
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
        normalised = normalise_for_hash(text)
        digest = store.content_hash(normalised)
        prepared.append((item, text, digest, _article_id(item, digest), lang, normalised))

    with store.opened(db) as con:
        known_hashes = store.existing_hashes(con, [p[2] for p in prepared])
        known_ids = store.existing_ids(con, [p[3] for p in prepared])
        # Only texts that will be stored are signed, so re-ingesting stays cheap.
        signatures: dict[str, Signature | None] = {}
        for p in prepared:
            if p[2] not in known_hashes and p[2] not in signatures:
                signatures[p[2]] = signature(p[5], normalised=True)
        index = store.near_duplicate_index(
            con, [sig for sig in signatures.values() if sig is not None], near_dup_threshold
        )
        seen: set[str] = set()
        articles: list[store.NewArticle] = []
        for doc, text, digest, aid, lang, _normalised in prepared:
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
            sig = signatures[digest]
            match = index.check_and_add(aid, sig) if sig is not None else None
            if match is not None:
                report.near_duplicates += 1
                say(doc.origin, None, "near_duplicate", store.near_duplicate_reason(match), aid)
            articles.append(
                store.NewArticle(
                    id=aid,
                    content_hash=digest,
                    origin=doc.origin,
                    text=text,
                    title=doc.title,
                    url=doc.url,
                    source=doc.source,
                    date=doc.date or default_date,
                    lang=lang,
                    near_dup_of=match.id if match else None,
                    minhash=sig.to_bytes() if sig is not None else None,
                    bands=sig.band_keys if sig is not None else (),
                )
            )
        store.insert_articles(con, articles, log)
        report.added += len(articles)
