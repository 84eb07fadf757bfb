"""CLI tests through click's runner: each command of the core path, its output formats and errors."""

from __future__ import annotations

import csv
import gzip
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from tests.helpers import SAMPLE


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def coded_db(tmp_path: Path) -> str:
    db = str(tmp_path / "c.duckdb")
    assert run("ingest", "--db", db, str(SAMPLE))[0] == 0
    assert run("code", "--db", db, "--workers", "1")[0] == 0
    return db


def test_help_lists_core_commands() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for name in ("ingest", "code", "events", "stats", "extract", "quantities"):
        assert name in out


def test_ingest_reports_counts_and_is_idempotent(tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    code, _, err = run("ingest", "--db", db, str(SAMPLE))
    assert code == 0 and "6 added" in err
    code, _, err = run("ingest", "--db", db, str(SAMPLE))
    assert code == 0 and "0 added, 6 duplicates" in err


def test_ingest_nothing_usable_exits_1(tmp_path: Path) -> None:
    empty = tmp_path / "e.txt"
    empty.write_text("")
    code, _, err = run("ingest", "--db", str(tmp_path / "x.duckdb"), str(empty))
    assert code == 1 and f"{empty}: empty file" in err


def test_ingest_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    code, _, _ = run(
        "ingest",
        "--db",
        db,
        "-",
        "--date",
        "2025-01-02",
        input="Japan and Australia signed a defence pact.",
    )
    assert code == 0
    code, out, _ = run("stats", "--db", db, "--format", "json")
    assert json.loads(out)["articles"] == 1


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("ingest", "--db", "x.duckdb", "a.txt", "--date", "June 1"), "YYYY-MM-DD"),
        (("events", "--format", "xml"), "Invalid value for '--format'"),
        (("code", "--workers", "0"), "--workers"),
        (("extract",), "either PATH"),
    ],
)
def test_usage_errors_exit_2(args: tuple[str, ...], fragment: str) -> None:
    code, out, err = run(*args)
    assert code == 2 and fragment in out + err


def test_events_on_missing_db_says_how_to_fix(tmp_path: Path) -> None:
    code, _, err = run("events", "--db", str(tmp_path / "none.duckdb"))
    assert code == 1 and "multipolar ingest" in err


def test_stats_json(coded_db: str) -> None:
    code, out, _ = run("stats", "--db", coded_db, "--format", "json")
    s = json.loads(out)
    assert code == 0 and s["articles"] == 6 and s["events"] > 0 and s["rejected"] == 0


@pytest.mark.parametrize("fmt", ["table", "csv", "jsonl", "json"])
def test_events_formats(coded_db: str, fmt: str) -> None:
    code, out, _ = run("events", "--db", coded_db, "--format", fmt)
    assert code == 0 and out.strip()
    if fmt == "jsonl":
        first = json.loads(out.splitlines()[0])
        assert list(first)[:2] == ["article_id", "sentence_index"]
        assert first["sentence"] in Path(SAMPLE).read_text()
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert rows and "cameo" in rows[0]
    elif fmt == "json":
        assert isinstance(json.loads(out), list)


def test_events_parquet_needs_output(coded_db: str, tmp_path: Path) -> None:
    assert run("events", "--db", coded_db, "--format", "parquet")[0] == 2
    out = tmp_path / "e.parquet"
    assert run("events", "--db", coded_db, "--format", "parquet", "-o", str(out))[0] == 0
    import pyarrow.parquet as pq

    assert pq.read_table(out).num_rows > 0


def test_events_filters(coded_db: str) -> None:
    _, out, _ = run("events", "--db", coded_db, "--dyad", "CAN", "MEX", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all({r["source"], r["target"]} == {"CAN", "MEX"} for r in rows)
    _, out, _ = run(
        "events",
        "--db",
        coded_db,
        "--since",
        "2025-06-01",
        "--until",
        "2025-06-30",
        "--format",
        "jsonl",
    )
    assert all("2025-06" in json.loads(line)["date"] for line in out.splitlines())


def test_code_twice_adds_nothing(coded_db: str) -> None:
    before = json.loads(run("stats", "--db", coded_db)[1])["events"]
    code, _, err = run("code", "--db", coded_db, "--workers", "1")
    assert code == 0 and "nothing to code" in err
    assert json.loads(run("stats", "--db", coded_db)[1])["events"] == before


def test_quantities_command(coded_db: str) -> None:
    code, out, _ = run("quantities", "--db", coded_db, "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and any(r["kind"] == "export_share" and r["subject"] == "CAN" for r in rows)


def test_extract_text_file(tmp_path: Path) -> None:
    p = tmp_path / "s.txt"
    p.write_text("Canada and Mexico agreed to deepen trade ties.\n\nAdvertisement")
    code, out, _ = run("extract", str(p), "--date", "2025-09-18", "--format", "jsonl")
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and rows
    assert rows[0]["article_id"] is None and rows[0]["date"] == "2025-09-18"
    assert {rows[0]["source"], rows[0]["target"]} == {"CAN", "MEX"}


@pytest.mark.parametrize(("flags", "n"), [((), 0), (("--one-sided-disapproval",), 1)])
def test_extract_one_sided_disapproval(tmp_path: Path, flags: tuple[str, ...], n: int) -> None:
    p = tmp_path / "s.txt"
    p.write_text("The Foreign Ministry of France condemned the attack.")
    code, out, _ = run("extract", str(p), "--date", "2025-09-18", *flags)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == n
    assert all(r["source"] == "FRA" and r["target"] is None for r in rows)


def test_extract_jsonl_keeps_order_and_reports_bad_lines(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl"
    p.write_text(
        '{"id": "b", "text": "Japan and Australia signed a defence pact.", "date": "2025-01-01"}\n'
        "not json\n"
        '{"id": "a", "text": "Nothing happened today."}\n'
    )
    code, out, err = run("extract", "--jsonl", str(p), "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [x["id"] for x in lines] == ["b", None, "a"]
    assert lines[0]["events"] and lines[2]["events"] == []
    assert "line" in lines[1]["error"] or ":2" in lines[1]["error"]
    assert f"{p}:2" in err


def test_extract_stdin_table() -> None:
    code, out, _ = run(
        "extract", "-", "--format", "table", input="Japan and Australia signed a defence pact."
    )
    assert code == 0 and "JPN" in out and "AUS" in out


def test_extract_jsonl_reads_gzip(tmp_path: Path) -> None:
    p = tmp_path / "in.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write('{"id": "g", "text": "Japan and Australia signed a defence pact."}\n')
    code, out, _ = run("extract", "--jsonl", str(p), "--workers", "1", "--date", "2025-01-01")
    (line,) = [json.loads(x) for x in out.splitlines()]
    assert code == 0 and line["id"] == "g" and line["events"][0]["date"] == "2025-01-01"


def test_help_imports_no_heavy_library() -> None:
    # The commands import the library when they run, so --help and usage errors stay fast.
    code = (
        "import sys\n"
        "from multipolar.cli import cli\n"
        "cli.main(['--help'], standalone_mode=False)\n"
        "heavy = {'spacy', 'ray', 'fastapi', 'pandas', 'duckdb', 'networkx'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert proc.stdout.strip().splitlines()[-1] == "[]"
