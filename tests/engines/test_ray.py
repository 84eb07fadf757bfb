"""The Ray engine gives the local engine's events; without Ray it says how to install it.

One local Ray session serves the module (starting Ray costs seconds).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from multipolar.engines.local import code_db
from tests.helpers import event_multiset, ingest_records, quantity_multiset, records

N = 100


def test_missing_ray_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # makes `import ray` fail
    db = tmp_path / "x.duckdb"
    ingest_records(db, records(2), tmp_path)
    result = CliRunner().invoke(cli, ["code", "--db", str(db), "--engine", "ray"])
    assert result.exit_code == 1
    assert "pip install 'multipolar[ray]'" in result.output


@pytest.fixture(scope="module")
def ray_local() -> Iterator[Any]:
    pytest.importorskip("ray")
    from multipolar.engines.ray import ray_session

    with ray_session(None, 2) as ray:
        yield ray


@pytest.mark.slow
@pytest.mark.timeout(400)
def test_ray_engine_matches_local_engine(tmp_path: Path, ray_local: Any) -> None:
    from multipolar.engines.ray import code_db_ray

    recs = records(N)
    local, remote = tmp_path / "local.duckdb", tmp_path / "ray.duckdb"
    ingest_records(local, recs, tmp_path)
    ingest_records(remote, recs, tmp_path)
    a = code_db(local, workers=2)
    b = code_db_ray(remote, workers=2, batch_articles=16)
    assert (b.articles, b.events, b.quantities) == (a.articles, a.events, a.quantities)
    assert event_multiset(remote) == event_multiset(local)
    assert quantity_multiset(remote) == quantity_multiset(local)
    assert code_db_ray(remote, workers=2).articles == 0  # resumable: nothing left


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_code_parquet_on_ray_matches_local(tmp_path: Path, ray_local: Any) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    from multipolar.engines.ray import code_parquet_ray
    from multipolar.engines.shards import code_parquet

    recs = records(24)
    shards = tmp_path / "shards"
    shards.mkdir()
    for k in range(2):
        part = recs[k::2]
        pq.write_table(
            pa.table(
                {
                    "id": [r["id"] for r in part],
                    "text": [r["text"] for r in part],
                    "date": [r["date"] for r in part],
                }
            ),
            shards / f"s{k}.parquet",
        )
    code_parquet(str(shards), tmp_path / "local", workers=1)
    code_parquet_ray(str(shards / "*.parquet"), tmp_path / "ray", workers=2, batch_articles=8)
    dbs = []
    for name in ("local", "ray"):
        db = tmp_path / f"{name}.duckdb"
        result = CliRunner().invoke(cli, ["load", "--db", str(db), str(tmp_path / name)])
        assert result.exit_code == 0, result.output
        dbs.append(db)
    assert event_multiset(dbs[0]) == event_multiset(dbs[1])
