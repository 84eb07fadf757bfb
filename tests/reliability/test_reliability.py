"""Reliability of ``multipolar ingest`` on messy input, through the command line.

Each bad input must cost only itself: a one-line reason naming the file (and line) on stderr
and in ``ingest_log``, and the good inputs of the same run are kept.
"""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from tests.helpers import ROOT, shared_path

GOOD = (
    "Canada and Mexico agreed on Thursday to deepen their trade ties, the foreign ministers "
    "of both countries said after talks in Ottawa. The deal covers autos and energy."
)
FRENCH = (
    "Le président de la République a rencontré les représentants de l'Union européenne pour "
    "discuter de la situation économique et des relations commerciales avec les pays voisins. "
) * 3
BIN = ROOT / ".venv" / "bin" / "multipolar"


def _deep_html(levels: int) -> str:
    return (
        "<html><body>"
        + "<div>" * levels
        + f"<p>{GOOD.replace('Canada', 'Chile')}</p>"
        + "</div>" * levels
        + "</body></html>"
    )


def _truncated_gz() -> bytes:
    raw = b"".join(
        b'{"id": "g%d", "text": "Poland and South Korea signed arms deal number %d."}\n' % (i, i)
        for i in range(3000)
    )
    data = gzip.compress(raw)
    return data[: len(data) // 2]


# name, content, expected status in ingest_log ("rejected" or "note"), words of the reason
BAD_INPUTS: list[tuple[str, bytes, str, str]] = [
    ("empty.txt", b"", "rejected", "empty file"),
    ("blank.txt", b" \n\t\r\n  ", "rejected", "whitespace-only"),
    ("blank.html", b"\n\n", "rejected", "whitespace-only"),
    ("binary.txt", bytes(range(256)) * 40, "rejected", "binary"),
    ("nul.html", b"<html>\x00\x00\x00" * 100, "rejected", "binary"),
    ("badutf8.txt", GOOD.encode() + " café ".encode() + b"\xff\xfe", "note", "invalid UTF-8"),
    ("latin1.txt", (GOOD + " Montréal, Québec.").encode("latin-1"), "note", "Latin-1"),
    (
        "script.html",
        b"<html><head><script>var a=1;</script></head><body><script>go()</script></body></html>",
        "rejected",
        "no article text",
    ),
    ("french.txt", FRENCH.encode(), "rejected", "language 'fr'"),
    (
        "debris.txt",
        b"Advertisement\n\nRead more\n\nSign up for our newsletter\n",
        "rejected",
        "no text left",
    ),
    ("cut.jsonl.gz", _truncated_gz(), "rejected", "ends early or is corrupt"),
    ("notgz.jsonl.gz", b"this is not gzip at all", "rejected", "corrupt"),
    ("deep.html", _deep_html(20_000).encode(), "note", "flattened"),
]


def _ingest(runner: CliRunner, db: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(cli, ["ingest", "--db", str(db), *args], catch_exceptions=False)
    return result.exit_code, result.stderr


def _log(db: Path) -> list[tuple[str, int | None, str, str]]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("SELECT origin, line, status, reason FROM ingest_log").fetchall()


def _articles(db: Path) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return int(con.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]


@pytest.mark.parametrize(
    ("name", "content", "status", "reason"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS]
)
def test_bad_input_costs_only_itself(
    tmp_path: Path, db: Path, name: str, content: bytes, status: str, reason: str
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, err = _ingest(CliRunner(), db, str(bad), str(good))
    assert code == 0
    # One line on stderr names the file and gives the reason.
    lines = [ln for ln in err.splitlines() if str(bad) in ln]
    assert lines and any(reason in ln for ln in lines), err
    assert any(o.startswith(str(bad)) and s == status and reason in r for o, _, s, r in _log(db))
    with duckdb.connect(str(db), read_only=True) as con:
        origins = {r[0] for r in con.execute("SELECT origin FROM articles").fetchall()}
    assert str(good) in origins


def test_jsonl_bad_lines_named_with_line_numbers(tmp_path: Path, db: Path) -> None:
    p = tmp_path / "mixed.jsonl"
    p.write_bytes(
        b'{"id": "a", "text": "' + GOOD.encode() + b'"}\n'
        b"{broken\n"
        b'{"id": "c"}\n'
        b'{"id": "d", "text": "   "}\n'
        b"[1, 2, 3]\n"
        b'"just a string"\n'
        + b"[" * 100_000
        + b"\n"
        + b'{"id": "h", "text": "'
        + GOOD.replace("Canada", "Japan").encode()
        + b'"}\n'
    )
    code, err = _ingest(CliRunner(), db, str(p))
    assert code == 0
    rejected = {line: reason for o, line, s, reason in _log(db) if s == "rejected"}
    assert set(rejected) == {2, 3, 4, 5, 6, 7}
    assert all(f"{p}:{n}:" in err for n in rejected)
    assert _articles(db) == 2


def test_long_jsonl_line_is_skipped_without_holding_it(tmp_path: Path, db: Path) -> None:
    p = tmp_path / "long.jsonl"
    p.write_text(
        json.dumps({"id": "x", "text": "word " * 200_000})
        + "\n"
        + json.dumps({"id": "y", "text": GOOD})
        + "\n"
    )
    from multipolar.ingestion.ingest import ingest
    from multipolar.ingestion.read import ReadLimits

    report = ingest([str(p)], db, limits=ReadLimits(max_line_bytes=100_000))
    assert (report.added, report.rejected) == (1, 1)
    assert any(line == 1 and "longer than" in r for _, line, _, r in _log(db))


@pytest.mark.parametrize(
    ("args", "inputs", "expected"),
    [
        (["--date", "2025-13-01"], ["good.txt"], 2),  # bad date: usage error
        ([], [], 2),  # no path
        (["--batch-size", "0"], ["good.txt"], 2),
        ([], ["empty.txt"], 1),  # nothing usable
        ([], ["missing.txt"], 1),
        ([], ["empty.txt", "good.txt"], 0),
    ],
)
def test_exit_codes(
    tmp_path: Path, db: Path, args: list[str], inputs: list[str], expected: int
) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "empty.txt").write_text("")
    code, _ = _ingest(CliRunner(), db, *args, *[str(tmp_path / i) for i in inputs])
    assert code == expected


def test_rerun_of_same_input_succeeds_as_a_no_op(tmp_path: Path, db: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    runner = CliRunner()
    assert _ingest(runner, db, str(tmp_path / "good.txt"))[0] == 0
    code, err = _ingest(runner, db, str(tmp_path / "good.txt"))
    assert code == 0 and "0 added, 1 duplicates" in err
    assert _articles(db) == 1


def test_unusable_db_file_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    bad_db = tmp_path / "not.duckdb"
    bad_db.write_bytes(b"this is not a database" * 100)
    code, err = _ingest(CliRunner(), bad_db, str(tmp_path / "good.txt"))
    assert code == 1 and err.startswith("Error: ") and "Traceback" not in err


def test_stdin_text_and_jsonl(db: Path) -> None:
    runner = CliRunner()
    r = runner.invoke(cli, ["ingest", "--db", str(db), "-"], input=GOOD.encode())
    assert r.exit_code == 0
    recs = "\n".join(json.dumps({"id": f"s{i}", "text": f"{GOOD} Item {i}."}) for i in range(3))
    r = runner.invoke(cli, ["ingest", "--db", str(db), "-"], input=recs.encode())
    assert r.exit_code == 0 and _articles(db) == 4


def _peak_rss_kib(args: list[str]) -> tuple[int, str]:
    """Run ``multipolar`` in a child and return its peak RSS (KiB) from the kernel.

    VmHWM, not getrusage's ru_maxrss: ru_maxrss survives exec, so a child forked from a big
    test process (spaCy and Ray loaded) would report the parent's size as its own peak.
    """
    code = (
        "import re, sys\n"
        "from multipolar.cli import cli\n"
        "try:\n"
        "    cli.main(sys.argv[1:], standalone_mode=False)\n"
        "finally:\n"
        "    hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())\n"
        "    print('PEAK', hwm.group(1) if hwm else 0, file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    peak = [ln for ln in proc.stderr.splitlines() if ln.startswith("PEAK")]
    assert proc.returncode == 0 and peak, proc.stderr[-2000:]
    return int(peak[0].split()[1]), proc.stderr


@pytest.mark.slow
def test_30mb_text_is_split_with_bounded_memory(tmp_path: Path, db: Path) -> None:
    paragraph = (GOOD + " ") * 6 + "\n\n"
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as fh:
        written = 0
        n = 0
        while written < 30 * 1024 * 1024:
            # Numbered so that no two parts are duplicates of each other.
            chunk = f"Dispatch {n}. {paragraph}"
            fh.write(chunk)
            written += len(chunk)
            n += 1
    peak, err = _peak_rss_kib(["ingest", "--db", str(db), str(big)])
    with duckdb.connect(str(db), read_only=True) as con:
        parts = con.execute("SELECT origin, n_chars FROM articles ORDER BY origin").fetchall()
    assert len(parts) == 16 and all(
        o.startswith(f"{big}#part") and c <= 2_000_000 for o, c in parts
    )
    assert "part 1 of a text longer than" in err
    # The file is 30 MiB; holding it whole (bytes + str + cleaned copy) would show up here.
    # Measured ~210 MiB, most of it DuckDB's checkpoint of the articles table (docs/limits.md).
    assert peak < 400 * 1024, f"peak RSS {peak // 1024} MiB"


def test_deep_html_does_not_crash_the_process(tmp_path: Path, db: Path) -> None:
    # A child process, so that a crash in C code (a stack overflow in the parser) would show
    # up as a failed test rather than killing the test run.
    deep = tmp_path / "deep.html"
    deep.write_text(_deep_html(20_000))
    (tmp_path / "good.txt").write_text(GOOD.replace("Canada", "Japan"))
    proc = subprocess.run(
        [str(BIN), "ingest", "--db", str(db), str(deep), str(tmp_path / "good.txt")],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "nested 20,00" in proc.stderr and "flattened" in proc.stderr
    assert _articles(db) == 2


# Real pages listed in ../shared/news/EDGE_CASES.tsv: (path, expectation)
SHARED_PAGES: list[tuple[str, Callable[[str, str | None], bool]]] = [
    ("html/newspaper4k/html/cnn_test_nlp.html", lambda status, lang: status == "added"),
    ("html/newspaper4k/html/cnn_002.html", lambda status, lang: status == "added"),
    ("html/newspaper4k/html/google_meta_refresh.html", lambda status, lang: status == "rejected"),
    (
        "html/newspaper4k/html/chinese_article.html",
        lambda status, lang: status == "rejected" and lang == "zh",
    ),
    (
        "html/newspaper4k/html/japanese_article.html",
        lambda status, lang: status == "rejected" and lang == "ja",
    ),
    (
        "html/newspaper4k/html/arabic_article.html",
        lambda status, lang: status == "rejected" and lang == "ar",
    ),
    (
        "html/newspaper4k/html/spanish_article.html",
        lambda status, lang: status == "rejected" and lang == "es",
    ),
    (
        "html/mozilla_readability/test-pages/lemonde-1/source.html",
        lambda status, lang: status == "rejected" and lang == "fr",
    ),
    (
        "html/mozilla_readability/test-pages/heise/source.html",
        lambda status, lang: status == "rejected" and lang == "de",
    ),
]


@pytest.mark.shared
@pytest.mark.parametrize(
    ("rel", "ok"),
    SHARED_PAGES,
    ids=[p[0].split("/")[-2] + "/" + p[0].split("/")[-1] for p in SHARED_PAGES],
)
def test_real_edge_case_pages(db: Path, rel: str, ok: Callable[[str, str | None], bool]) -> None:
    page = shared_path("news", rel)
    code, err = _ingest(CliRunner(), db, str(page))
    log = [(s, r) for o, _, s, r in _log(db) if o.startswith(str(page))]
    if _articles(db):
        status, lang = "added", None
    else:
        assert code == 1 and log, err
        status, reason = log[-1]
        lang = reason.split("'")[1] if "language '" in reason else None
    assert ok(status, lang), (status, log)


@pytest.mark.shared
def test_every_shared_page_is_handled(db: Path) -> None:
    """All ~250 real pages in one run: each is added or rejected with a reason, none crashes."""
    root = shared_path("news", "html")
    pages = sorted(str(p) for p in root.rglob("*.html"))
    code, _err = _ingest(CliRunner(), db, "-q", *pages)
    assert code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        added = {r[0] for r in con.execute("SELECT origin FROM articles").fetchall()}
        logged = {r[0] for r in con.execute("SELECT origin FROM ingest_log").fetchall()}
    missing = [p for p in pages if not any(o == p or o.startswith(p + "#") for o in added | logged)]
    assert not missing, missing[:5]


@pytest.mark.slow
def test_over_long_sentence_is_cut_and_coded(tmp_path: Path) -> None:
    # A run-on "sentence" of 11k characters (a scraped table) must neither stall the parser
    # nor crash: the segmenter cuts it into pieces with exact offsets.
    p = tmp_path / "runon.txt"
    p.write_text(
        "Canada and Mexico signed a deal with " + "the United States and Japan " * 400 + "today."
    )
    result = CliRunner().invoke(
        cli, ["extract", str(p), "--date", "2025-01-01", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    text = p.read_text()
    assert all(
        len(e["sentence"]) <= 2000 and text[e["start"] : e["end"]] == e["sentence"] for e in events
    )
