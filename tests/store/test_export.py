"""Parquet: export -> load round trip, idempotent load, and code-parquet without a database."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from multipolar.engines.local import code_db
from multipolar.engines.shards import NULL_PARTITION, ParquetError, code_parquet, prepare_out
from tests.helpers import event_multiset, ingest_records, quantity_multiset, records

N = 16


@pytest.fixture(scope="module")
def coded(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, object]]]:
    tmp = tmp_path_factory.mktemp("coded")
    recs = records(N)
    db = tmp / "src.duckdb"
    ingest_records(db, recs, tmp)
    code_db(db, workers=1)
    return db, recs


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_export_is_hive_partitioned(
    tmp_path: Path, coded: tuple[Path, list[dict[str, object]]]
) -> None:
    db, _ = coded
    out = tmp_path / "out"
    _run("export", "--db", str(db), "--out", str(out), "--format", "parquet")
    parts = {p.relative_to(out / "events").parts[:2] for p in (out / "events").rglob("*.parquet")}
    assert parts
    for year, month in parts:
        assert year.startswith("year=") and month.startswith("month=")
        # Undated articles go to the Hive/DuckDB null partition; dated ones are zero-padded.
        assert month == f"month={NULL_PARTITION}" or len(month) == len("month=09")
    assert any(month != f"month={NULL_PARTITION}" for _y, month in parts)


@pytest.mark.parametrize("loads", [1, 2])
def test_export_load_round_trip(
    tmp_path: Path, coded: tuple[Path, list[dict[str, object]]], loads: int
) -> None:
    db, recs = coded
    out = tmp_path / "out"
    _run("export", "--db", str(db), "--out", str(out))
    target = tmp_path / "target.duckdb"
    ingest_records(target, recs, tmp_path)
    for _ in range(loads):  # a second load must change nothing
        _run("load", "--db", str(target), str(out))
    assert event_multiset(target) == event_multiset(db)
    assert quantity_multiset(target) == quantity_multiset(db)
    # Loaded articles count as coded, so `code` has nothing left to do.
    assert code_db(target, workers=1).articles == 0


def test_code_parquet_matches_the_database_path(
    tmp_path: Path, coded: tuple[Path, list[dict[str, object]]]
) -> None:
    db, recs = coded
    shards = tmp_path / "shards"
    shards.mkdir()
    half = len(recs) // 2
    for k, part in enumerate((recs[:half], recs[half:])):
        # Ingest cleans texts; the shards hold what the database holds, as a pipeline would.
        import duckdb

        with duckdb.connect(str(db), read_only=True) as con:
            rows = con.execute(
                "SELECT id, text, date FROM articles WHERE id IN (SELECT unnest(?))",
                [[r["id"] for r in part]],
            ).fetchall()
        table = pa.table(
            {"id": [r[0] for r in rows], "text": [r[1] for r in rows], "date": [r[2] for r in rows]}
        )
        pq.write_table(table, shards / f"shard-{k}.parquet")
    out = tmp_path / "events"
    report = code_parquet(str(shards), out, workers=2, batch_articles=5)
    assert report.articles == len(recs)
    target = tmp_path / "t.duckdb"
    _run("load", "--db", str(target), str(out))
    assert event_multiset(target) == event_multiset(db)
    assert quantity_multiset(target) == quantity_multiset(db)


@pytest.mark.parametrize(("overwrite", "ok"), [(False, False), (True, True)])
def test_out_folder_is_never_mixed(tmp_path: Path, overwrite: bool, ok: bool) -> None:
    (tmp_path / "events").mkdir()
    (tmp_path / "events" / "old.parquet").write_bytes(b"")
    if ok:
        prepare_out(tmp_path, overwrite)
        assert not (tmp_path / "events").exists()
    else:
        with pytest.raises(ParquetError, match="--overwrite"):
            prepare_out(tmp_path, overwrite)


def test_load_rejects_a_folder_without_parquet(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["load", "--db", str(tmp_path / "x.duckdb"), str(tmp_path)])
    assert result.exit_code == 1
    assert "no events/" in result.output
