from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from multipolar.ingestion.ingest import ingest
from multipolar.records import Coded, Event, Quantity
from multipolar.store import database as _store
from tests.helpers import SAMPLE, make_event


def _event(aid: str, idx: int) -> Event:
    return make_event(aid, idx)


def test_schema_created_and_versioned(db: Path) -> None:
    with _store.opened(db) as con:
        assert _store.schema_version(con) == _store.SCHEMA_VERSION
        tables = {
            r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
        }
    assert {"articles", "events", "quantities", "ingest_log", "meta"} <= tables


def test_migrate_is_idempotent(db: Path) -> None:
    for _ in range(3):
        with _store.opened(db) as con:
            _store.migrate(con)
    with _store.opened(db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM meta").fetchone()[0] == 1


def test_newer_schema_refused(db: Path) -> None:
    with _store.opened(db) as con:
        con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(_store.StoreError, match="newer"):
        _store.connect(db)


def test_read_only_missing_db_says_how_to_create(tmp_path: Path) -> None:
    with pytest.raises(_store.StoreError, match="multipolar ingest"):
        _store.connect(tmp_path / "none.duckdb", read_only=True)


def test_ingest_is_idempotent(db: Path) -> None:
    first = ingest([str(SAMPLE)], db)
    second = ingest([str(SAMPLE)], db)
    assert first.added == 6 and first.rejected == 0
    assert second.added == 0 and second.duplicates == 6
    with _store.opened(db, read_only=True) as con:
        s = _store.stats(con)
    assert s["articles"] == 6 and s["duplicates"] == 6


def test_ingest_cleans_and_keeps_metadata(db: Path) -> None:
    ingest([str(SAMPLE)], db)
    with _store.opened(db, read_only=True) as con:
        text, date, title = con.execute(
            "SELECT text, date, title FROM articles WHERE id = 'sample-001'"
        ).fetchone()
    assert "Advertisement" not in text
    assert str(date) == "2025-03-20" and title.startswith("Ottawa")


def test_ingest_logs_rejections_and_goes_on(db: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Canada and Mexico agreed to cooperate.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    report = ingest([str(empty), str(good), str(tmp_path / "missing.txt")], db)
    assert report.added == 1 and report.rejected == 2
    with _store.opened(db, read_only=True) as con:
        rows = con.execute("SELECT origin, status FROM ingest_log ORDER BY origin").fetchall()
    assert (str(empty), "rejected") in rows


def test_default_date_only_fills_missing(db: Path, tmp_path: Path) -> None:
    import datetime as dt

    p = tmp_path / "a.txt"
    p.write_text("Japan and Australia signed a pact.")
    ingest([str(p), str(SAMPLE)], db, date=dt.date(2024, 1, 1))
    with _store.opened(db, read_only=True) as con:
        dates = dict(con.execute("SELECT origin, CAST(date AS VARCHAR) FROM articles").fetchall())
    assert dates[str(p)] == "2024-01-01"
    assert "2025-03-20" in dates.values()


def test_save_coded_is_atomic_and_replaces(db: Path) -> None:
    ingest([str(SAMPLE)], db)
    coded = Coded(
        events=[_event("sample-001", 0), _event("sample-001", 1)],
        quantities=[
            Quantity(
                sentence_index=0,
                start=0,
                end=3,
                kind="export_share",
                subject="CAN",
                partner="USA",
                value=75.0,
                unit="percent",
                article_id="sample-001",
            )
        ],
    )
    with _store.opened(db) as con:
        _store.save_coded(con, [("sample-001", coded)], "t@0")
        _store.save_coded(con, [("sample-001", coded)], "t@0")
        assert con.execute("SELECT count(*) FROM events").fetchone()[0] == 2
        assert con.execute("SELECT count(*) FROM quantities").fetchone()[0] == 1
        assert _store.count_uncoded(con) == 5
        bad = Coded(events=[_event("sample-002", 0)])
        bad.events[0].quad = "not a number"  # type: ignore[assignment]
        with pytest.raises(duckdb.Error):
            _store.save_coded(con, [("sample-002", bad)], "t@0")
        assert _store.count_uncoded(con) == 5
        assert (
            con.execute("SELECT count(*) FROM events WHERE article_id = 'sample-002'").fetchone()[0]
            == 0
        )


@pytest.mark.parametrize(
    ("flt", "n"),
    [
        (_store.EventFilter(), 2),
        (_store.EventFilter(actor="can"), 2),
        (_store.EventFilter(actor="JPN"), 0),
        (_store.EventFilter(dyad=("MEX", "CAN")), 2),
        (_store.EventFilter(type="CONSULT"), 2),
        (_store.EventFilter(type="03"), 2),
        (_store.EventFilter(type="3"), 2),
        (_store.EventFilter(type="036"), 2),
        (_store.EventFilter(type="ASSAULT"), 0),
        (_store.EventFilter(limit=1), 1),
    ],
)
def test_query_events_filters(db: Path, flt: _store.EventFilter, n: int) -> None:
    ingest([str(SAMPLE)], db)
    with _store.opened(db) as con:
        _store.save_coded(
            con,
            [("sample-001", Coded(events=[_event("sample-001", 0), _event("sample-001", 1)]))],
            "t@0",
        )
        assert len(_store.query_events(con, flt)) == n


def test_since_until(db: Path) -> None:
    import datetime as dt

    ingest([str(SAMPLE)], db)
    with _store.opened(db) as con:
        _store.save_coded(con, [("sample-001", Coded(events=[_event("sample-001", 0)]))], "t@0")
        assert len(_store.query_events(con, _store.EventFilter(since=dt.date(2025, 1, 1)))) == 1
        assert len(_store.query_events(con, _store.EventFilter(until=dt.date(2024, 12, 31)))) == 0
