"""Coding without a database: texts and JSONL record streams in, events out (``extract``).

``extract_jsonl`` turns a stream of records into one JSON line per input line, in input
order, coding over worker processes; ``code_documents`` codes a few documents in this
process. Neither touches a store.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, cast

from ..coding.coder import Coder, CoderConfig, Item
from ..records import Document, Rejection
from ..text.clean import clean
from .local import chunked, code_items

# Records per chunk: chunks keep memory flat on large files; they are large so that the
# worker processes (code_items) rarely wait at a chunk's end.
JSONL_CHUNK = 2048


def open_jsonl(path: str) -> IO[bytes]:
    """Open a JSONL file for binary reading, decompressing it when its name ends in ``.gz``."""
    if path.endswith(".gz"):
        # A GzipFile reads like any binary file; typeshed does not call it an IO[bytes].
        return cast("IO[bytes]", gzip.open(path, "rb"))
    return open(path, "rb")


def extract_jsonl(
    items: Iterable[Document | Rejection],
    config: CoderConfig,
    default_date: dt.date | None,
    workers: int | None = None,
    on_rejection: Callable[[str], None] | None = None,
) -> Iterator[str]:
    """Code a record stream into output lines, one per input record, in input order.

    Parameters:
        items: the records as read (``read_jsonl_stream``): documents and rejected lines.
        config: the coder's configuration, for the worker processes.
        default_date: the date of records that carry none.
        workers: worker processes (default: all cores).
        on_rejection: called with a rejected line's message before its output line.

    Yields ``{"id": ..., "events": [...]}`` for a document and ``{"id": null, "error": ...}``
    for a rejected line, each JSON-encoded with a final newline.
    """
    for chunk in chunked(items, JSONL_CHUNK):
        docs = [d for d in chunk if isinstance(d, Document)]
        results = iter(
            code_items(
                [Item(clean(d.text), d.date or default_date, d.id) for d in docs],
                config,
                workers,
            )
        )
        for item in chunk:
            if isinstance(item, Rejection):
                if on_rejection is not None:
                    on_rejection(item.message())
                yield json.dumps({"id": None, "error": item.message()}) + "\n"
                continue
            coded = next(results)
            yield (
                json.dumps(
                    {"id": item.id, "events": [e.to_dict() for e in coded.events]},
                    ensure_ascii=False,
                )
                + "\n"
            )


def code_documents(
    coder: Coder, docs: Sequence[Document], default_date: dt.date | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Code documents in this process and gather what they hold.

    Parameters:
        coder: the coder to use.
        docs: the documents, cleaned here before coding.
        default_date: the date of documents that carry none.

    Returns the events and the quantities of all documents, as dicts, in document order.
    """
    all_events: list[dict[str, Any]] = []
    all_q: list[dict[str, Any]] = []
    for coded, doc in zip(
        coder.code_many(Item(clean(d.text), d.date or default_date, None) for d in docs),
        docs,
        strict=True,
    ):
        del doc
        all_events += [e.to_dict() for e in coded.events]
        all_q += [q.to_dict() for q in coded.quantities]
    return all_events, all_q
