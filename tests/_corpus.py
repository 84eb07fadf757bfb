"""Small corpora for the engine, Ray and export tests (written by the tests themselves)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from .conftest import SAMPLE, SHARED

INTL = SHARED / "news" / "plaintext" / "allsides" / "intl_subset.jsonl.gz"


def records(n: int) -> list[dict[str, Any]]:
    """The first ``n`` records of the AllSides international subset when present, else the
    sample corpus repeated with varied ids (and dates, so partitions differ)."""
    if INTL.exists():
        out = []
        with gzip.open(INTL, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                out.append({k: rec.get(k) for k in ("id", "date", "title", "text")})
                if len(out) >= n:
                    return out
        return out
    base = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines() if line.strip()]
    out = []
    for i in range(n):
        rec = dict(base[i % len(base)])
        rec["id"] = f"{rec['id']}-{i:04d}"
        rec["date"] = f"2025-{1 + i % 12:02d}-15"
        # Ingest drops exact duplicates, so each copy gets a line of its own.
        rec["text"] = f"{rec['text']}\n\nReport number {i}."
        out.append(rec)
    return out


def write_jsonl(path: Path, recs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
    return path


def ingest(db: Path, recs: list[dict[str, Any]], tmp: Path) -> None:
    from click.testing import CliRunner

    from multipolar.cli import cli

    src = write_jsonl(tmp / f"{db.stem}-in.jsonl", recs)
    result = CliRunner().invoke(cli, ["ingest", "-q", "--db", str(db), str(src)])
    assert result.exit_code == 0, result.output


def event_multiset(db: Path) -> list[tuple[Any, ...]]:
    """Every event row (all columns), sorted: equal lists mean identical events."""
    import duckdb

    from multipolar.records import EVENT_FIELDS

    cols = ", ".join(f'"{c}"' for c in EVENT_FIELDS)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(f"SELECT {cols} FROM events").fetchall()
    return sorted(rows, key=repr)


def quantity_multiset(db: Path) -> list[tuple[Any, ...]]:
    import duckdb

    from multipolar.records import QUANTITY_FIELDS

    cols = ", ".join(f'"{c}"' for c in QUANTITY_FIELDS)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(f"SELECT {cols} FROM quantities").fetchall()
    return sorted(rows, key=repr)
