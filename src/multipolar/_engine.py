"""The local engine: code every uncoded article in a DB, over worker processes.

The parent process is the only one that touches the database: it reads a window of uncoded
articles, hands batches to workers (each holding its own coder and parser), and commits each
batch's events with the articles' "coded" mark in one transaction. A run killed at any point
therefore resumes where the last commit left off, with nothing doubled and nothing lost.
"""

from __future__ import annotations

import datetime as dt
import functools
import multiprocessing as mp
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from . import _store
from ._coder import Coder, CoderConfig, Item
from ._types import Coded

ArticleRow = tuple[str, str, dt.date | None]


@dataclass(slots=True)
class CodeReport:
    articles: int = 0
    events: int = 0
    quantities: int = 0
    sentences: int = 0
    parsed: int = 0


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


@functools.cache
def _worker_coder(config: CoderConfig) -> Coder:
    # One coder per worker process, built on its first batch and reused for the rest.
    return Coder(config)


def code_batch(config: CoderConfig, rows: Sequence[ArticleRow]) -> list[tuple[str, Coded]]:
    """Code a batch of articles (runs in a worker, or inline with one worker)."""
    coder = _worker_coder(config)
    items = [Item(text, date, aid) for aid, text, date in rows]
    return [(row[0], coded) for row, coded in zip(rows, coder.code_many(items), strict=True)]


def _batches(rows: list[ArticleRow], size: int) -> list[list[ArticleRow]]:
    return [rows[i : i + size] for i in range(0, len(rows), size)]


def _windows(db: str | os.PathLike[str], window: int) -> Iterator[list[ArticleRow]]:
    after: str | None = None
    while True:
        with _store.opened(db) as con:
            rows = _store.uncoded(con, window, after)
        if not rows:
            return
        after = rows[-1][0]
        yield rows


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

    def commit(results: list[tuple[str, Coded]]) -> None:
        with _store.opened(db) as con:
            _store.save_coded(con, results, coder_name)
        for _aid, coded in results:
            report.articles += 1
            report.events += len(coded.events)
            report.quantities += len(coded.quantities)
            report.sentences += coded.sentences
            report.parsed += coded.parsed
        if on_progress:
            on_progress(len(results))

    window = batch_articles * max(1, workers) * 4
    if workers == 1:
        for rows in _windows(db, window):
            for batch in _batches(rows, batch_articles):
                commit(code_batch(config, batch))
        return report

    ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    with ctx.Pool(workers) as pool:
        for rows in _windows(db, window):
            task = functools.partial(code_batch, config)
            for results in pool.imap(task, _batches(rows, batch_articles)):
                commit(results)
    return report
