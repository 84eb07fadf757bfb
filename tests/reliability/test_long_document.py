"""A long document (a transcript, a report) goes through ``ingest`` and ``code`` end to end.

docs/limits.md promises texts up to 2,000,000 characters per part; the passes over a
document's mentions and sentences must not cost its length squared. How long it takes is
measured by ``bench/length.py``, not here: this test only checks that a 1 MB document
finishes and that its events point at their sentences.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import duckdb

import multipolar

STATES = [
    ("Canada", "Mexico", "Ottawa"),
    ("Japan", "South Korea", "Tokyo"),
    ("France", "Germany", "Paris"),
    ("India", "Pakistan", "New Delhi"),
    ("Brazil", "Argentina", "Brasilia"),
    ("Egypt", "Israel", "Cairo"),
    ("Kenya", "Ethiopia", "Nairobi"),
    ("Russia", "Ukraine", "Moscow"),
]
ACTOR_SENTENCES = [
    "{a} and {b} signed a trade agreement in {city} on day {i}.",
    "{a} accused {b} of violating the ceasefire, officials in {city} said on day {i}.",
    "The foreign minister of {a} met her counterpart from {b} in {city} for talks ({i}).",
    "Sen. John Hadley (R-Texas) said on day {i} that {a} should impose sanctions on {b}.",
    "{a} threatened to cut aid to {b} after the vote in {city}, report {i} said.",
    "Later, Hadley praised {b} for its restraint, and {a} welcomed the statement ({i}).",
]
FILLER = (
    "Markets were calm and the weather stayed mild in the region during session {i}, "
    "according to the minutes of the meeting, which ran for several hours without a break."
)


def _document(size: int) -> str:
    """Paragraphs of distinct sentences: one in three names states, titles or party tags."""
    parts: list[str] = []
    total = 0
    states = itertools.cycle(STATES)
    for i in itertools.count():
        a, b, city = next(states)
        para = " ".join(
            [
                ACTOR_SENTENCES[i % len(ACTOR_SENTENCES)].format(a=a, b=b, city=city, i=i),
                FILLER.format(i=i),
                FILLER.format(i=f"{i}b"),
            ]
        )
        parts.append(para)
        total += len(para) + 2
        if total >= size:
            return "\n\n".join(parts)
    raise AssertionError("unreachable")


def test_one_megabyte_document_is_ingested_and_coded(tmp_path: Path) -> None:
    text = _document(1_000_000)
    src = tmp_path / "transcript.txt"
    src.write_text(text, encoding="utf-8")
    db = tmp_path / "long.duckdb"

    report = multipolar.ingest([str(src)], db)
    assert report.added == 1  # under the 2,000,000-character part size: one article
    coded = multipolar.code(db, workers=1)
    assert coded.articles == 1

    with duckdb.connect(str(db), read_only=True) as con:
        row = con.execute("SELECT text, n_chars, coded_at FROM articles").fetchone()
        assert row is not None
        stored, n_chars, coded_at = row
        events = con.execute(
            'SELECT sentence_index, start, "end", sentence, source, target FROM events'
        ).fetchall()
    assert n_chars >= 1_000_000 and coded_at is not None
    assert len(events) > 100  # every paragraph names two states; many are coded
    for index, start, end, sentence, _source, _target in events:
        assert stored[start:end] == sentence, (index, start, end)
    # events come from the whole document, not from its first part only
    assert max(start for _i, start, *_rest in events) > 0.9 * len(stored)
