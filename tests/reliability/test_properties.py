"""Property-based tests: every stage from bytes to events takes any input without raising.

Hypothesis explores the odd corners (lone surrogates are excluded: they cannot come out of a
decoder), with example counts kept modest so that the suite stays fast.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from multipolar.ingestion.read import (
    ReadLimits,
    byte_parts,
    decode,
    read_html,
    read_jsonl_stream,
    read_stdin,
    read_text,
    split_text,
)
from multipolar.records import Document, Rejection
from multipolar.text.clean import clean, normalise_for_hash
from multipolar.text.lang import detect_language
from multipolar.text.segment import segment

FAST = settings(max_examples=200, deadline=None)
SLOW = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text that looks like news often enough to reach the actor matcher, parser and event coder.
FRAGMENTS = [
    "Canada",
    "Mexico",
    "the United States",
    "Japan",
    "China's",
    "NATO",
    "the EU",
    "Trudeau",
    " signed ",
    " agreed ",
    " threatened ",
    " did not ",
    " tariffs on ",
    " with ",
    " and ",
    " 80% of exports",
    " $5 billion",
    " percent",
    ". ",
    "! ",
    "? ",
    "\n",
    "\n\n",
    "Mr. ",
    "U.S.",
    '"',
    "“",
    "”",
    "(",
    ")",
    "…",
    "\u00a0",
    "\u200b",
    "\t",
    "Advertisement",
    "é",
]
news_text = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=60).map("".join)
any_text = st.text() | news_text


def _squash(text: str) -> str:
    # The cleaner normalises spacing (zero-width spaces included), so compare without it.
    return "".join(ch for ch in normalise_for_hash(text) if not ch.isspace() and ch != "\u200b")


@FAST
@given(any_text)
def test_clean_keeps_publishers_words(text: str) -> None:
    out = clean(text)
    assert "\r" not in out and out == out.strip()
    source = _squash(text)
    for paragraph in out.split("\n\n") if out else []:
        assert paragraph and paragraph == paragraph.strip()
        # Every kept line is the publisher's, give or take spacing and a debris prefix.
        assert _squash(paragraph) in source


@FAST
@given(any_text, st.integers(min_value=5, max_value=3000))
def test_segment_offsets_index_the_text(text: str, max_chars: int) -> None:
    sentences = segment(text, max_chars)
    previous_end = 0
    for i, s in enumerate(sentences):
        assert s.index == i
        assert previous_end <= s.start < s.end <= len(text)
        assert text[s.start : s.end] == s.text
        assert s.text == s.text.strip() and len(s.text) <= max_chars
        previous_end = s.end


@FAST
@given(any_text)
def test_detect_language_never_raises(text: str) -> None:
    lang = detect_language(text)
    assert lang is None or (isinstance(lang, str) and 2 <= len(lang) <= 3)


@FAST
@given(st.binary())
def test_decode_never_raises(data: bytes) -> None:
    text, notes = decode(data)
    assert isinstance(text, str) and all(isinstance(n, str) for n in notes)


@FAST
@given(st.text())
def test_decode_is_exact_on_utf8(text: str) -> None:
    assert decode(text.encode("utf-8")) == (text, ())


@FAST
@given(any_text, st.integers(min_value=1, max_value=200))
def test_split_text_loses_nothing(text: str, max_chars: int) -> None:
    parts = split_text(text, max_chars)
    assert all(0 < len(p) <= max_chars and p.strip() for p in parts)
    assert "".join("".join(parts).split()) == "".join(text.split())


@FAST
@given(
    st.text().map(lambda s: s.encode("utf-8", "replace")), st.integers(min_value=4, max_value=64)
)
def test_byte_parts_keep_every_byte_and_character(data: bytes, size: int) -> None:
    parts = list(byte_parts(io.BytesIO(data), size))
    assert b"".join(parts) == data
    assert all(len(p) <= size for p in parts)
    for p in parts:
        p.decode("utf-8")  # never a character cut in two


def _items_ok(items: list[Document | Rejection]) -> None:
    for item in items:
        assert isinstance(item, Document | Rejection)
        if isinstance(item, Rejection):
            assert item.reason and "\n" not in item.reason
        else:
            assert item.text.strip()


@FAST
@given(
    st.lists(
        st.binary(max_size=80)
        | st.builds(
            lambda d: json.dumps(d).encode(),
            st.dictionaries(
                st.sampled_from(["id", "text", "date", "title"]),
                st.text() | st.integers() | st.none(),
            ),
        )
    ).map(b"\n".join)
)
def test_jsonl_reader_never_raises(data: bytes) -> None:
    _items_ok(
        list(
            read_jsonl_stream(
                io.BytesIO(data), "f.jsonl", ReadLimits(max_line_bytes=64, max_text_chars=1000)
            )
        )
    )


@FAST
@given(st.binary() | any_text.map(str.encode))
def test_text_and_stdin_readers_never_raise(data: bytes) -> None:
    _items_ok([read_text(data, "f.txt", ReadLimits())])
    _items_ok(list(read_stdin(io.BytesIO(data), ReadLimits(max_text_chars=1000))))


html_text = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<script>",
            "</script>",
            "<html>",
            "<body>",
            "<!--",
            "-->",
            "<br/>",
            "&amp;",
            "<",
            ">",
            "<meta charset='x'>",
        ]
    )
    | news_text,
    max_size=40,
).map("".join)


@SLOW
@given(html_text | st.text(max_size=200))
def test_html_reader_never_raises(html: str) -> None:
    _items_ok(list(read_html(html.encode("utf-8", "replace"), "f.html", ReadLimits())))


@pytest.fixture(scope="module")
def coder() -> Any:
    coder_mod = pytest.importorskip("multipolar.coding.coder")
    return coder_mod.default_coder()


@SLOW
@given(text=any_text)
def test_coder_never_raises_and_offsets_hold(coder: Any, text: str) -> None:
    coded = coder.code(clean(text))
    cleaned = clean(text)
    for e in coded.events:
        assert 0 <= e.start < e.end <= len(cleaned)
        assert cleaned[e.start : e.end] == e.sentence
        json.dumps(e.to_dict())
    for q in coded.quantities:
        assert 0 <= q.start <= q.end <= len(cleaned)
        json.dumps(q.to_dict())


@SLOW
@given(text=st.text())
def test_coder_on_raw_unicode(coder: Any, text: str) -> None:
    coded = coder.code(text)
    for e in coded.events:
        assert text[e.start : e.end] == e.sentence
    json.dumps([e.to_dict() for e in coded.events] + [q.to_dict() for q in coded.quantities])
