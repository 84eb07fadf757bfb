"""The local engine: code every uncoded article in a DB, over worker processes.

The parent process is the only one that touches the database: it reads a window of uncoded
articles, hands batches to workers (each holding its own coder and parser), and commits each
batch's events with the articles' "coded" mark in one transaction. A run killed at any point
therefore resumes where the last commit left off, with nothing doubled and nothing lost.

Speed on few cores comes from three things here (the prefilter in the coder does the rest):
the parser is loaded once in the parent and the workers are forked from it, so they share
its memory copy-on-write and start at once; batches are fed lazily but always a few ahead,
so no worker waits at a window boundary; and the parent only writes, in whole batches.
"""

from __future__ import annotations

import datetime as dt
import functools
import gc
import multiprocessing as mp
import os
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from .. import store
from ..coding.coder import Coder, CoderConfig, Item
from ..records import Coded, CodeReport

ArticleRow = tuple[str, str, dt.date | None]
T = TypeVar("T")
R = TypeVar("R")

# Batches in flight per worker: enough that a worker never waits for the parent's commit,
# few enough that memory stays flat however large the database is.
_AHEAD = 3


def default_workers() -> int:
    return max(
        1,
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1),
    )


@functools.cache
def worker_coder(config: CoderConfig) -> Coder:
    """The process's coder for ``config``: one per process, reused for every batch; forked
    workers inherit the parent's."""
    return Coder(config)


def warm_coder(config: CoderConfig) -> Coder:
    """Build the process's coder with its parser loaded, so forked children share it."""
    coder = worker_coder(config)
    coder.code("France and Germany signed an agreement.")  # loads the parser and its caches
    return coder


def code_batch(config: CoderConfig, rows: Sequence[ArticleRow]) -> list[tuple[str, Coded]]:
    """Code a batch of articles (runs in a worker, or inline with one worker)."""
    coder = worker_coder(config)
    items = [Item(text, date, aid) for aid, text, date in rows]
    return [(row[0], coded) for row, coded in zip(rows, coder.code_many(items), strict=True)]


def _code_items(config: CoderConfig, items: Sequence[Item]) -> list[Coded]:
    return list(worker_coder(config).code_many(items))


def _context() -> Any:
    methods = mp.get_all_start_methods()
    return mp.get_context("fork") if "fork" in methods else mp.get_context("spawn")


def parallel_map(
    func: Callable[[T], R], tasks: Iterable[T], workers: int, config: CoderConfig
) -> Iterator[R]:
    """``func`` over ``tasks`` on ``workers`` forked processes, results in task order.

    The parent's coder is built before forking so every worker shares the loaded parser.
    Tasks are drawn from the iterable only a few per worker ahead of the results consumed,
    so a database or file of any size streams through in constant memory.
    """
    if workers <= 1:
        for task in tasks:
            yield func(task)
        return
    ctx = _context()
    if ctx.get_start_method() == "fork":
        warm_coder(config)
        # Objects that exist now are never collected in the children, so the collector does
        # not touch (and thereby copy) the pages the parent's model lives in.
        gc.freeze()
    slots = threading.BoundedSemaphore(workers * _AHEAD)
    stop = threading.Event()

    def feed() -> Iterator[T]:
        # Runs in the pool's task-handler thread; blocks until the consumer frees a slot.
        for task in tasks:
            while not slots.acquire(timeout=0.2):
                if stop.is_set():
                    return
            if stop.is_set():
                return
            yield task

    try:
        with ctx.Pool(workers) as pool:
            for result in pool.imap(func, feed()):
                yield result
                slots.release()
    finally:
        stop.set()
        gc.unfreeze()


def code_items(
    items: Iterable[Item],
    config: CoderConfig | None = None,
    workers: int | None = None,
    chunk: int = 32,
) -> Iterator[Coded]:
    """Code items in order over worker processes (what ``extract --jsonl`` uses)."""
    config = config or CoderConfig()
    workers = workers or default_workers()
    task = functools.partial(_code_items, config)
    for coded_chunk in parallel_map(task, chunked(items, chunk), workers, config):
        yield from coded_chunk


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _windows(db: str | os.PathLike[str], window: int) -> Iterator[list[ArticleRow]]:
    after: str | None = None
    while True:
        # Same open mode as the commits: DuckDB refuses a second connection to a file in one
        # process with a different configuration, and the feeder thread reads while the
        # main thread writes.
        with store.opened(db) as con:
            rows = store.uncoded(con, window, after)
        if not rows:
            return
        after = rows[-1][0]
        yield rows


# A batch closes at this much text too: ingest splits a long document into parts of up to
# 2,000,000 characters, and 32 such parts in one batch would leave every other worker idle
# (a 30 MB transcript coded on one core). Events do not depend on how articles are batched.
MAX_BATCH_CHARS = 2_000_000


def batched_by_size(
    rows: Iterable[ArticleRow], batch_articles: int, max_chars: int = MAX_BATCH_CHARS
) -> Iterator[list[ArticleRow]]:
    """Consecutive batches of at most ``batch_articles`` articles, each closed as soon as its
    text reaches ``max_chars`` characters (a longer article is a batch of its own)."""
    batch: list[ArticleRow] = []
    chars = 0
    for row in rows:
        batch.append(row)
        chars += len(row[1])
        if len(batch) >= batch_articles or chars >= max_chars:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def uncoded_batches(
    db: str | os.PathLike[str], batch_articles: int, window: int
) -> Iterator[list[ArticleRow]]:
    """Every uncoded article of ``db`` in id order, in batches, read a window at a time."""
    for rows in _windows(db, window):
        yield from batched_by_size(rows, batch_articles)


def commit_batch(
    db: str | os.PathLike[str],
    results: Sequence[tuple[str, Coded]],
    coder_name: str,
    report: CodeReport,
) -> None:
    """Write one batch and mark its articles coded, atomically; count it in ``report``."""
    with store.opened(db) as con:
        store.save_coded(con, results, coder_name)
    for _aid, coded in results:
        report.add(coded)


def code_db(
    db: str | os.PathLike[str],
    workers: int | None = None,
    batch_articles: int = 32,
    config: CoderConfig | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> CodeReport:
    """Code all uncoded articles of ``db``; returns what was added."""
    config = config or CoderConfig()
    workers = workers or default_workers()
    report = CodeReport()
    coder_name = Coder.label()
    window = max(batch_articles * workers * 8, 512)
    task = functools.partial(code_batch, config)
    for results in parallel_map(task, uncoded_batches(db, batch_articles, window), workers, config):
        commit_batch(db, results, coder_name, report)
        if on_progress:
            on_progress(len(results))
    return report
