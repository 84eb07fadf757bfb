"""Crash safety and concurrent use of one database file, with real processes.

A run of ``ingest`` or ``code`` killed with SIGKILL at any moment, then run again, must leave
the same articles, events and quantities as one clean run: nothing doubled, nothing lost, and
the file must open after every kill. Readers (``stats``, ``events``) must succeed while
``code`` writes.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.helpers import ROOT, SHARED

BIN = ROOT / ".venv" / "bin" / "multipolar"
CORPUS_SIZE = 300
ALLSIDES = SHARED / "news" / "plaintext" / "allsides" / "intl_subset.jsonl.gz"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals"),
]


def _mp(*args: str | Path | int) -> list[str]:
    exe = str(BIN) if BIN.exists() else "multipolar"
    return [exe, *map(str, args)]


def _synthetic(n: int) -> list[dict[str, Any]]:
    # Enough variety for events and quantities when ../shared is absent.
    pairs = [
        ("Canada", "Mexico"),
        ("Japan", "Australia"),
        ("Poland", "South Korea"),
        ("France", "Germany"),
    ]
    verbs = ["signed a trade agreement with", "criticized", "met with", "threatened tariffs on"]
    out = []
    for i in range(n):
        a, b = pairs[i % len(pairs)]
        v = verbs[(i // len(pairs)) % len(verbs)]
        text = (
            f"{a} {v} {b} on Monday, officials said in dispatch {i}. "
            f"About {40 + i % 50} percent of {a}'s exports go to {b}, worth ${i + 1} billion a year."
        )
        out.append(
            {"id": f"syn-{i:04d}", "date": f"20{15 + i % 5}-0{1 + i % 9}-1{i % 9}", "text": text}
        )
    return out


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The first 300 AllSides records when ../shared is present, else a synthetic corpus."""
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    if ALLSIDES.exists():
        with (
            gzip.open(ALLSIDES, "rt", encoding="utf-8") as fh,
            path.open("w", encoding="utf-8") as out,
        ):
            for _, line in zip(range(CORPUS_SIZE), fh, strict=False):
                out.write(line)
    else:
        path.write_text("".join(json.dumps(r) + "\n" for r in _synthetic(CORPUS_SIZE)))
    return path


def _run(args: list[str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(args, capture_output=True, text=True, timeout=timeout, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def _has_schema(db: Path) -> bool:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'articles'"
        ).fetchone()
    return bool(row and row[0])


def _state(db: Path) -> dict[str, Any]:
    """Everything a rerun must reproduce; opening read-only also proves the file opens."""
    with duckdb.connect(str(db), read_only=True) as con:
        articles = sorted(
            con.execute("SELECT id, content_hash, coded_at IS NOT NULL FROM articles").fetchall()
        )
        events = Counter(
            con.execute(
                "SELECT article_id, sentence_index, source, target, cameo FROM events"
            ).fetchall()
        )
        quantities = Counter(
            con.execute(
                "SELECT article_id, sentence_index, start, kind, subject, partner, value, unit FROM quantities"
            ).fetchall()
        )
    return {"articles": articles, "events": events, "quantities": quantities}


def _kill_after(args: list[str], delay: float) -> bool:
    """Start a command in its own process group and SIGKILL the whole group after ``delay``.

    Returns True when it was killed, False when it finished first.
    """
    proc = subprocess.Popen(
        args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        proc.wait(timeout=delay)
        return False
    except subprocess.TimeoutExpired:
        # The group, so that worker processes die with their parent as in a machine crash.
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return True


@dataclass
class CleanRun:
    db: Path
    state: dict[str, Any]
    code_seconds: float
    reads: list[tuple[list[str], int, str]]
    events_seen: list[int]


@pytest.fixture(scope="module")
def clean_run(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> CleanRun:
    """One uninterrupted ingest + code, with readers polling the file all the while.

    The readers cannot change what is written, so this run serves both as the reference for
    the crash test and as the concurrency test (which saves a second full coding run).
    """
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    _run(_mp("ingest", "-q", "--db", db, "--batch-size", 25, corpus))
    readers = [
        _mp("stats", "--db", db, "--format", "json"),
        _mp("events", "--db", db, "--format", "jsonl", "--limit", "50"),
        _mp("quantities", "--db", db, "--format", "csv"),
    ]
    reads: list[tuple[list[str], int, str]] = []
    events_seen: list[int] = []
    t0 = time.monotonic()
    writer = subprocess.Popen(
        _mp("code", "--db", db, "--workers", 2, "--batch-size", 8),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        while writer.poll() is None:
            args = readers[len(reads) % len(readers)]
            proc = subprocess.run(args, capture_output=True, text=True, timeout=120, check=False)
            reads.append((args, proc.returncode, proc.stderr[-500:]))
            if args is readers[0] and proc.returncode == 0:
                events_seen.append(json.loads(proc.stdout)["events"])
    finally:
        _, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err[-2000:]
    return CleanRun(db, _state(db), time.monotonic() - t0, reads, events_seen)


def test_readers_succeed_while_code_writes(clean_run: CleanRun) -> None:
    failures = [r for r in clean_run.reads if r[1] != 0]
    assert not failures, failures[:3]
    assert len(clean_run.reads) >= 3
    # Readers saw the data grow while it was written, never shrink.
    assert clean_run.events_seen == sorted(clean_run.events_seen)
    assert len(set(clean_run.events_seen)) > 1, "no read fell between two commits"


def test_sigkill_then_rerun_equals_clean_run(
    corpus: Path, clean_run: CleanRun, tmp_path: Path
) -> None:
    rng = random.Random(6)
    expected = clean_run.state
    assert expected["events"] and all(coded for *_, coded in expected["articles"])

    crashed = tmp_path / "crashed.duckdb"
    ingest = _mp("ingest", "-q", "--db", crashed, "--batch-size", 25, corpus)
    kills = 0
    for _ in range(4):
        kills += _kill_after(ingest, rng.uniform(0.05, 0.6))
        if crashed.exists() and _has_schema(crashed):
            # A kill before the schema's first commit leaves a file with no tables (a slow
            # start on a loaded machine); after it, the file opens and reads whole.
            _state(crashed)
    _run(ingest)
    code = _mp("code", "--db", crashed, "--workers", 2, "--batch-size", 8)
    for _ in range(3):
        # Spread over the run, the model load included.
        kills += _kill_after(code, rng.uniform(0.15, 0.45) * clean_run.code_seconds)
        partial = _state(crashed)
        # Committed batches are whole: no article has events unless it is marked coded.
        coded = {aid for aid, _, done in partial["articles"] if done}
        assert {e[0] for e in partial["events"]} <= coded
    _run(code)
    assert kills >= 3, "the runs finished before they could be killed; raise the delays"
    got = _state(crashed)
    assert got["articles"] == expected["articles"]
    for table in ("events", "quantities"):
        extra = list((got[table] - expected[table]).items())[:5]
        lost = list((expected[table] - got[table]).items())[:5]
        assert not extra and not lost, f"{table}: extra {extra}, lost {lost}"
