"""The Ray engine: the same coder over Ray Data, on one machine or a cluster.

Two entry points:

* :func:`code_db_ray` codes a DuckDB file. The parent reads uncoded articles a window at a
  time, Ray Data maps them over a pool of coder actors (one per CPU, each holding a parser),
  and the parent writes each batch of results in one transaction, exactly as the local
  engine does; so a killed run resumes, and the events are the same as the local engine's.
* :func:`code_parquet_ray` is the multi-node path: Parquet article shards on storage every
  node can read are coded by the actors, which write partitioned Parquet events themselves
  (:func:`multipolar.engines.shards.write_coded`); no database is involved.

Ray is an optional extra, imported only here.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from ..coding.coder import Coder, CoderConfig
from ..dates import to_date
from ..records import Coded, CodeReport, Event, Quantity
from .local import commit_batch, default_workers, uncoded_batches
from .shards import prepare_out, shard_files

INSTALL = "pip install 'multipolar[ray]'"

# Articles per Ray Data execution when coding a DB. Each execution starts its own actor pool
# (a parser load per actor), so windows are large; the parent still commits per batch.
WINDOW = 20_000


class RayMissingError(RuntimeError):
    """Ray is not installed."""


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # the [data] part of the extra
    except ImportError as exc:
        raise RayMissingError(f"the Ray engine needs Ray; run: {INSTALL}") from exc
    return ray


@contextmanager
def ray_session(address: str | None, workers: int) -> Iterator[Any]:
    """Connect to ``address``, or start a quiet local Ray on loopback; shut down what we start."""
    ray = _import_ray()
    started = False
    if not ray.is_initialized():
        os.environ.setdefault("RAY_DEDUP_LOGS", "0")
        kwargs: dict[str, Any] = {
            "include_dashboard": False,
            "log_to_driver": False,
            "logging_level": logging.ERROR,
        }
        if address:
            ray.init(address=address, **kwargs)
        else:
            ray.init(address="local", num_cpus=workers, **kwargs)
        started = True
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    ctx.verbose_stats_logs = False
    for name in ("ray", "ray.data"):
        logging.getLogger(name).setLevel(logging.ERROR)
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


def _cluster_cpus(ray: Any, address: str | None, workers: int | None) -> int:
    if workers:
        return workers
    if address:
        return max(1, int(ray.cluster_resources().get("CPU", 1)))
    return default_workers()


# -- coding a DuckDB file ------------------------------------------------------------------


def _coded_to_json(coded: Coded) -> str:
    return json.dumps(
        {
            "events": [e.to_dict() for e in coded.events],
            "quantities": [q.to_dict() for q in coded.quantities],
            "sentences": coded.sentences,
            "parsed": coded.parsed,
        },
        ensure_ascii=False,
    )


def _coded_from_json(text: str) -> Coded:
    d = json.loads(text)
    return Coded(
        events=[Event(**e) for e in d["events"]],
        quantities=[Quantity(**q) for q in d["quantities"]],
        sentences=int(d["sentences"]),
        parsed=int(d["parsed"]),
    )


class CoderActor:
    """A Ray Data callable class: one per actor, holding one coder (parser loaded once)."""

    def __init__(self, config: CoderConfig) -> None:
        from .local import warm_coder

        self.config = config
        warm_coder(config)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from .local import code_batch

        rows = [
            (str(i), str(t), to_date(d))
            for i, t, d in zip(batch["id"], batch["text"], batch["date"], strict=True)
        ]
        results = code_batch(self.config, rows)
        return {"id": [aid for aid, _ in results], "coded": [_coded_to_json(c) for _, c in results]}


def code_db_ray(
    db: str | os.PathLike[str],
    address: str | None = None,
    workers: int | None = None,
    batch_articles: int = 32,
    config: CoderConfig | None = None,
    on_progress: Callable[[int], None] | None = None,
) -> CodeReport:
    """Code all uncoded articles of ``db`` on Ray; returns what was added."""
    config = config or CoderConfig()
    report = CodeReport()
    coder_name = Coder.label()
    with ray_session(address, workers or default_workers()) as ray:
        n = _cluster_cpus(ray, address, workers)
        window: list[dict[str, Any]] = []

        def run(items: list[dict[str, Any]]) -> None:
            ds = ray.data.from_items(
                items, override_num_blocks=max(n, len(items) // max(batch_articles, 1))
            )
            out = ds.map_batches(
                CoderActor,
                fn_constructor_args=(config,),
                batch_size=batch_articles,
                concurrency=n,
                num_cpus=1,
                batch_format="numpy",
            )
            for batch in out.iter_batches(batch_size=batch_articles, batch_format="numpy"):
                results = [
                    (str(a), _coded_from_json(str(c)))
                    for a, c in zip(batch["id"], batch["coded"], strict=True)
                ]
                commit_batch(db, results, coder_name, report)
                if on_progress:
                    on_progress(len(results))

        for rows in uncoded_batches(db, batch_articles, WINDOW):
            window += [{"id": a, "text": t, "date": d.isoformat() if d else ""} for a, t, d in rows]
            if len(window) >= WINDOW:
                run(window)
                window = []
        if window:
            run(window)
    return report


# -- coding Parquet shards (the multi-node path) -------------------------------------------


class ShardWriterActor:
    """Codes whole shard files, batch by batch, and writes their Parquet files itself.

    Each task is a file path rather than rows: the article texts never pass through the
    driver or the object store, only the counts come back (and Ray Data's own Parquet reader,
    which resolves paths through fsspec, is not needed).
    """

    def __init__(self, config: CoderConfig, out: str, batch_articles: int) -> None:
        from .local import warm_coder

        self.config = config
        self.out = out
        self.batch_articles = batch_articles
        warm_coder(config)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[int]]:
        from .shards import article_batches, code_and_write

        total = CodeReport()
        for path in batch["path"]:
            for rows in article_batches([str(path)], self.batch_articles):
                total.merge(code_and_write(self.config, self.out, rows))
        return {k: [int(getattr(total, k))] for k in _REPORT_FIELDS}


_REPORT_FIELDS = ("articles", "events", "quantities", "sentences", "parsed", "files")


def code_parquet_ray(
    input_spec: str,
    out: str | os.PathLike[str],
    address: str | None = None,
    workers: int | None = None,
    batch_articles: int = 32,
    config: CoderConfig | None = None,
    overwrite: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> CodeReport:
    """Code Parquet article shards on Ray into partitioned Parquet events under ``out``.

    On a cluster, ``input_spec`` and ``out`` must be paths every node sees (shared storage).
    Files are the unit of work, so give at least as many shards as CPUs.
    """
    config = config or CoderConfig()
    files = shard_files(input_spec)
    prepare_out(out, overwrite)
    total = CodeReport()
    with ray_session(address, workers or default_workers()) as ray:
        n = _cluster_cpus(ray, address, workers)
        ds = ray.data.from_items([{"path": f} for f in files], override_num_blocks=len(files))
        stats = ds.map_batches(
            ShardWriterActor,
            fn_constructor_args=(config, os.fspath(out), batch_articles),
            batch_size=1,
            concurrency=min(n, len(files)),
            num_cpus=1,
            batch_format="numpy",
        )
        for row in stats.iter_rows():
            r = CodeReport(**{k: int(row[k]) for k in _REPORT_FIELDS})
            total.merge(r)
            if on_progress:
                on_progress(r.articles)
    return total
