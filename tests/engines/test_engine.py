"""The local engine: same events whatever the workers and batches, order kept, resumable."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from multipolar.coding.coder import Coder, CoderConfig, Item
from multipolar.engines.local import code_db, code_items, parallel_map
from tests.helpers import event_multiset, ingest_records, quantity_multiset, records

N = 24


@pytest.fixture(scope="module")
def corpus() -> list[dict[str, object]]:
    return records(N)


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory, corpus: list[dict[str, object]]) -> Path:
    tmp = tmp_path_factory.mktemp("ref")
    db = tmp / "ref.duckdb"
    ingest_records(db, corpus, tmp)
    report = code_db(db, workers=1, batch_articles=N)
    assert report.articles == N
    return db


@pytest.mark.parametrize(
    ("workers", "batch"),
    [
        (1, 1),  # one article per batch: nothing carries over between articles
        (2, 3),  # batches interleave over two forked workers
        (2, 32),  # one batch holds everything
    ],
)
def test_same_events_for_any_workers_and_batches(
    tmp_path: Path, corpus: list[dict[str, object]], reference: Path, workers: int, batch: int
) -> None:
    db = tmp_path / "x.duckdb"
    ingest_records(db, corpus, tmp_path)
    report = code_db(db, workers=workers, batch_articles=batch)
    assert report.articles == N
    assert event_multiset(db) == event_multiset(reference)
    assert quantity_multiset(db) == quantity_multiset(reference)


def test_rerun_codes_nothing_new(reference: Path) -> None:
    before = event_multiset(reference)
    report = code_db(reference, workers=2)
    assert report.articles == 0
    assert event_multiset(reference) == before


@pytest.mark.parametrize("workers", [1, 2])
def test_code_items_keeps_order_and_matches_the_coder(
    corpus: list[dict[str, object]], workers: int
) -> None:
    from multipolar.text.clean import clean

    items = [Item(clean(str(r["text"])), _date(r.get("date")), str(r["id"])) for r in corpus]
    expected = [[e.to_dict() for e in c.events] for c in Coder().code_many(items)]
    got = [
        [e.to_dict() for e in c.events]
        for c in code_items(items, CoderConfig(), workers=workers, chunk=5)
    ]
    assert got == expected


def _date(value: object) -> dt.date | None:
    return dt.date.fromisoformat(str(value)[:10]) if value else None


def _square(x: int) -> int:
    return x * x


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_parallel_map_streams_in_order(workers: int) -> None:
    # More tasks than the look-ahead window: the feeder must block and resume correctly.
    assert list(parallel_map(_square, iter(range(50)), workers, CoderConfig())) == [
        x * x for x in range(50)
    ]
