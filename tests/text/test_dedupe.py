"""Near-duplicate flagging: the MinHash stage itself, ingest, the v1 → v2 migration and the CLI.

The texts are made up here (a seeded generator over a small news vocabulary), long enough
(~300 words) that one edited sentence leaves most word 5-grams intact.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from multipolar.ingestion.ingest import ingest
from multipolar.records import Coded
from multipolar.store import database as _store
from multipolar.text import dedupe as _dedupe
from multipolar.text.clean import normalise_for_hash
from tests.helpers import make_event

_VOCAB = (
    "Canada Mexico Japan Australia Poland Korea Philippines Brazil India Germany France "
    "minister ministers president officials government trade tariff tariffs exports imports "
    "agreement pact deal talks summit defence security cooperation ties partners partnership "
    "signed agreed announced said warned threatened plans expects discussed rejected welcomed "
    "billion million percent share market markets growth economy energy steel autos grain "
    "on in at with for from over after before during against between across toward the a "
    "new major key first second last next week month year Monday Tuesday Friday capital "
    "border ports supply chains investment investors currency central bank rates inflation"
).split()


def article(seed: int, sentences: int = 16) -> str:
    """A made-up news article: ``sentences`` sentences of 14-24 words, one per line."""
    rnd = random.Random(seed)
    lines = []
    for _ in range(sentences):
        words = [rnd.choice(_VOCAB) for _ in range(rnd.randint(14, 24))]
        lines.append(" ".join(words).capitalize() + ".")
    return "\n".join(lines)


def _replace_line(text: str, index: int, new: str) -> str:
    lines = text.split("\n")
    lines[index] = new
    return "\n".join(lines)


BASE = article(1)
SHORT = "Canada and Mexico signed a new trade pact on Monday in Ottawa, officials said."


# (name, first text, second text, flagged?)
CASES = [
    (
        "one changed sentence",
        BASE,
        _replace_line(BASE, 7, "Officials declined to comment on the talks late on Friday."),
        True,
    ),
    ("other headline", "Canada, Mexico sign pact\n" + BASE, "Allies draw closer\n" + BASE, True),
    (
        "trailing boilerplate",
        BASE,
        BASE + "\nReporting by staff; editing by the desk. Sign up for our daily newsletter.",
        True,
    ),
    ("other quote marks", BASE + '\n"We agreed," he said.', BASE + "\n“We agreed,” he said.", True),
    ("unrelated", BASE, article(2), False),
    (
        "half rewritten",
        BASE,
        "\n".join(BASE.split("\n")[:8] + article(3).split("\n")[8:]),
        False,
    ),
    ("short texts", SHORT, SHORT.replace("Monday", "Tuesday"), False),
    ("short identical but for punctuation", SHORT, SHORT.replace(",", ";"), False),
]
IDS = [c[0] for c in CASES]


@pytest.mark.parametrize(("name", "first", "second", "flagged"), CASES, ids=IDS)
def test_find_near_duplicates(name: str, first: str, second: str, flagged: bool) -> None:
    found = _dedupe.find_near_duplicates([("a", first), ("b", second)])
    assert ("b" in found) is flagged, name
    if flagged:
        assert found["b"].id == "a" and _dedupe.DEFAULT_THRESHOLD <= found["b"].similarity <= 1.0
    assert "a" not in found  # the first of a pair is never the flagged one


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        ("", False),
        (SHORT, False),
        (" ".join(["word"] * (_dedupe.MIN_WORDS - 1)), False),
        (" ".join(f"w{i}" for i in range(_dedupe.MIN_WORDS)), True),
        (BASE, True),
    ],
    ids=["empty", "sentence", "just under the minimum", "at the minimum", "article"],
)
def test_short_texts_get_no_signature(text: str, signed: bool) -> None:
    assert (_dedupe.signature(text) is not None) is signed


def test_similarity_estimates_jaccard() -> None:
    sig = _dedupe.signature(BASE)
    assert sig is not None
    assert sig.similarity(sig) == 1.0
    other = _dedupe.signature(article(2))
    assert other is not None and sig.similarity(other) < 0.2
    assert len(sig.band_keys) == _dedupe.BANDS and len(set(sig.band_keys)) == _dedupe.BANDS


def test_signature_bytes_round_trip() -> None:
    sig = _dedupe.signature(BASE)
    assert sig is not None
    back = _dedupe.Signature.from_bytes(sig.to_bytes())
    assert back.similarity(sig) == 1.0 and back.band_keys == sig.band_keys
    with pytest.raises(ValueError, match="bytes"):
        _dedupe.Signature.from_bytes(b"\x00" * 10)


def test_signature_is_the_same_in_another_process() -> None:
    # Stored signatures are compared in later runs: nothing may depend on Python's salted hash.
    code = (
        "import sys; from multipolar.text.dedupe import signature; "
        "print(signature(sys.stdin.read()).to_bytes().hex())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], input=BASE, capture_output=True, text=True, env=env
    )
    sig = _dedupe.signature(BASE)
    assert sig is not None and out.stdout.strip() == sig.to_bytes().hex()


def test_words_ignore_punctuation_and_case() -> None:
    a = _dedupe.word_hashes(normalise_for_hash("“Trade,” said Canada's minister — on Monday."))
    b = _dedupe.word_hashes(normalise_for_hash('"trade" said canada\'s  minister - on monday'))
    assert a.tolist() == b.tolist() and len(a) == 7


def test_threshold_is_checked() -> None:
    with pytest.raises(ValueError, match="threshold"):
        _dedupe.NearDuplicateIndex(threshold=0.0)


# --- ingest ----------------------------------------------------------------------------------


VARIANT = _replace_line(BASE, 3, "The minister said the talks would go on next week in Ottawa.")


def _jsonl(path: Path, records: list[tuple[str, str]]) -> str:
    path.write_text(
        "".join(json.dumps({"id": i, "text": t, "date": "2025-03-01"}) + "\n" for i, t in records),
        encoding="utf-8",
    )
    return str(path)


def _flags(db: Path) -> dict[str, str | None]:
    with _store.opened(db, read_only=True) as con:
        return dict(con.execute("SELECT id, near_dup_of FROM articles").fetchall())


@pytest.mark.parametrize("batch_size", [1, 200], ids=["one per batch", "one batch"])
def test_ingest_flags_but_keeps_near_duplicates(db: Path, tmp_path: Path, batch_size: int) -> None:
    src = _jsonl(
        tmp_path / "a.jsonl",
        [("orig", BASE), ("copy", VARIANT), ("other", article(5)), ("short", SHORT)],
    )
    report = ingest([src], db, batch_size=batch_size)
    assert report.added == 4 and report.near_duplicates == 1 and report.duplicates == 0
    assert _flags(db) == {"orig": None, "copy": "orig", "other": None, "short": None}
    with _store.opened(db, read_only=True) as con:
        (reason,) = con.execute(
            "SELECT reason FROM ingest_log WHERE status = 'near_duplicate' AND article_id = 'copy'"
        ).fetchone()
        assert _store.stats(con)["near_duplicates"] == 1
    assert re.fullmatch(
        r"near-duplicate of orig \(estimated similarity (0\.[89]\d|1\.00)\)", reason
    )


def test_reingest_is_still_a_no_op(db: Path, tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "a.jsonl", [("orig", BASE), ("copy", VARIANT)])
    ingest([src], db)
    again = ingest([src], db)
    assert (again.added, again.duplicates, again.near_duplicates) == (0, 2, 0)
    with _store.opened(db, read_only=True) as con:
        assert con.execute("SELECT count(*) FROM article_lsh").fetchone()[0] == 2 * _dedupe.BANDS
        log = con.execute("SELECT count(*) FROM ingest_log WHERE status = 'near_duplicate'")
        assert log.fetchone()[0] == 1


@pytest.mark.parametrize(
    ("second", "flag"),
    [(VARIANT, "orig"), (article(6), None), (SHORT, None)],
    ids=["variant", "unrelated", "short"],
)
def test_flagged_across_two_ingest_runs(
    db: Path, tmp_path: Path, second: str, flag: str | None
) -> None:
    ingest([_jsonl(tmp_path / "1.jsonl", [("orig", BASE)])], db)
    report = ingest([_jsonl(tmp_path / "2.jsonl", [("later", second)])], db)
    assert report.added == 1 and report.near_duplicates == (flag is not None)
    assert _flags(db)["later"] == flag


def test_threshold_one_flags_only_near_identical(db: Path, tmp_path: Path) -> None:
    src = _jsonl(tmp_path / "a.jsonl", [("orig", BASE), ("copy", VARIANT)])
    assert ingest([src], db, near_dup_threshold=1.0).near_duplicates == 0
    with pytest.raises(ValueError, match="near_dup_threshold"):
        ingest([src], db, near_dup_threshold=1.5)


# --- schema migration ------------------------------------------------------------------------


def _make_v1(db: Path, articles: list[tuple[str, str]]) -> None:
    """A database as version 1 of multipolar wrote it."""
    import duckdb

    con = duckdb.connect(str(db))
    for stmt in _store.MIGRATIONS[1]:
        assert isinstance(stmt, str)
        con.execute(stmt)
    con.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    for n, (aid, text) in enumerate(articles):
        con.execute(
            "INSERT INTO articles (id, content_hash, origin, text, n_chars, date)"
            " VALUES (?, ?, ?, ?, ?, DATE '2025-01-01' + ?::INTEGER)",
            [aid, _store.content_hash(normalise_for_hash(text)), "old.jsonl", text, len(text), n],
        )
    con.execute(
        "INSERT INTO ingest_log (origin, status, reason, article_id) VALUES (?, ?, ?, ?)",
        ["old.jsonl", "rejected", "empty file", None],
    )
    con.close()


def test_v1_database_upgrades_in_place(db: Path, tmp_path: Path) -> None:
    _make_v1(db, [("orig", BASE), ("copy", VARIANT), ("other", article(7)), ("short", SHORT)])
    # Read-only access does not migrate; it still answers, with no near-duplicates known.
    with _store.opened(db, read_only=True) as con:
        assert _store.schema_version(con) == 1
        assert _store.stats(con)["near_duplicates"] == 0
        _store.query_events(con, _store.EventFilter(skip_near_duplicates=True))
    with _store.opened(db) as con:
        assert _store.schema_version(con) == 2
        s = _store.stats(con)
        rows = con.execute("SELECT id, text, minhash IS NOT NULL FROM articles").fetchall()
    assert s["articles"] == 4 and s["rejected"] == 1 and s["near_duplicates"] == 1
    texts = {r[0]: r[1] for r in rows}
    assert texts["orig"] == BASE and texts["short"] == SHORT
    assert {r[0]: r[2] for r in rows} == {"orig": True, "copy": True, "other": True, "short": False}
    assert _flags(db)["copy"] == "orig"
    # Later ingests compare with the backfilled articles of the old database.
    third = _replace_line(BASE, 11, "A spokesman said the border would stay open for trade.")
    report = ingest([_jsonl(tmp_path / "new.jsonl", [("third", third), ("orig", BASE)])], db)
    assert (report.added, report.duplicates, report.near_duplicates) == (1, 1, 1)
    assert _flags(db)["third"] == "orig"


def test_migration_failure_leaves_v1_untouched(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _make_v1(db, [("orig", BASE)])

    def broken(con: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setitem(_store.MIGRATIONS, 2, [*_store.MIGRATIONS[2][:1], broken])
    with pytest.raises(RuntimeError, match="disk full"):
        _store.connect(db)
    with _store.opened(db, read_only=True) as con:
        assert _store.schema_version(con) == 1
        cols = {r[0] for r in con.execute("DESCRIBE articles").fetchall()}
    assert "near_dup_of" not in cols


# --- CLI -------------------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def dup_db(tmp_path: Path) -> str:
    """A database with an article, its near-duplicate and an unrelated one, each with events."""
    db = str(tmp_path / "d.duckdb")
    src = _jsonl(tmp_path / "a.jsonl", [("orig", BASE), ("copy", VARIANT), ("other", article(8))])
    code, _, err = run("ingest", "--db", db, src)
    assert code == 0 and "3 added, 0 duplicates skipped, 1 near-duplicates flagged" in err
    with _store.opened(db) as con:
        _store.save_coded(
            con,
            [
                (aid, Coded(events=[make_event(aid, 0), make_event(aid, 1)], quantities=[]))
                for aid in ("orig", "copy", "other")
            ],
            "t@0",
        )
    return db


def test_stats_counts_near_duplicates(dup_db: str) -> None:
    code, out, _ = run("stats", "--db", dup_db, "--format", "json")
    s = json.loads(out)
    assert code == 0 and s["near_duplicates"] == 1 and s["articles"] == 3
    assert s["schema_version"] == _store.SCHEMA_VERSION == 2
    code, out, _ = run("stats", "--db", dup_db, "--format", "table")
    assert code == 0 and "near_duplicates" in out


@pytest.mark.parametrize(
    ("extra", "articles"),
    [
        ((), {"orig", "copy", "other"}),
        (("--skip-near-duplicates",), {"orig", "other"}),
        (("--skip-near-duplicates", "--actor", "CAN"), {"orig", "other"}),
        (("--skip-near-duplicates", "--limit", "1"), {"orig"}),
    ],
    ids=["all", "skip", "skip with a filter", "skip with a limit"],
)
def test_events_skip_near_duplicates(
    dup_db: str, extra: tuple[str, ...], articles: set[str]
) -> None:
    code, out, _ = run("events", "--db", dup_db, "--format", "jsonl", *extra)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and {r["article_id"] for r in rows} == articles


def test_ingest_threshold_option(tmp_path: Path) -> None:
    db = str(tmp_path / "t.duckdb")
    src = _jsonl(tmp_path / "a.jsonl", [("orig", BASE), ("copy", VARIANT)])
    code, _, err = run("ingest", "--db", db, "--near-dup-threshold", "1", src)
    assert code == 0 and "0 near-duplicates flagged" in err
    code, _, err = run("ingest", "--db", db, "--near-dup-threshold", "0", src)
    assert code == 2 and "--near-dup-threshold" in err
