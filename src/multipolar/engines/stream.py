"""Coding without a database: texts and JSONL record streams in, events out (``extract``).

``extract_jsonl`` turns a stream of records into one JSON line per input line, in input
order, coding over worker processes; ``code_documents`` codes a few documents in this
process. Neither touches a store.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import IO, Any, cast

from ..coding.coder import Coder, CoderConfig, Item
from ..records import Document, Rejection
from ..text.clean import clean
from .local import chunked, default_workers, parallel_map, worker_coder

# Records per task: a worker codes this many records, from reading their text to their
# JSON output lines, so the parent only writes; small enough that the two workers finish
# together at the end of a run.
JSONL_CHUNK = 32


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

    One pool of workers serves the whole stream (its caches stay warm), and each worker
    cleans, codes and encodes its records itself: the parent only reads and writes.
    """
    task = functools.partial(encode_records, config, default_date)
    for lines in parallel_map(
        task, chunked(items, JSONL_CHUNK), workers or default_workers(), config
    ):
        for line, rejection in lines:
            if rejection is not None and on_rejection is not None:
                on_rejection(rejection)
            yield line


def encode_records(
    config: CoderConfig, default_date: dt.date | None, records: Sequence[Document | Rejection]
) -> list[tuple[str, str | None]]:
    """Code ``records`` (runs in a worker) into their output lines, in order, each with the
    rejection message of a rejected line (None for a document)."""
    docs = [d for d in records if isinstance(d, Document)]
    coded = worker_coder(config).code_many(
        Item(clean(d.text), d.date or default_date, d.id) for d in docs
    )
    out: list[tuple[str, str | None]] = []
    for item in records:
        if isinstance(item, Rejection):
            message = item.message()
            out.append((json.dumps({"id": None, "error": message}) + "\n", message))
            continue
        events = next(coded).events
        out.append(
            (
                json.dumps(
                    {"id": item.id, "events": [e.to_dict() for e in events]},
                    ensure_ascii=False,
                )
                + "\n",
                None,
            )
        )
    return out


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
