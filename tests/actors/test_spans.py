"""The indexes that keep the mention passes linear give the answers of a full scan."""

from __future__ import annotations

import random
import re

from multipolar.actors.mentions import _name_before
from multipolar.actors.spans import SpanIndex


def test_near_holds_every_overlapping_span() -> None:
    rng = random.Random(7)
    spans = []
    for _ in range(400):
        start = rng.randrange(0, 5000)
        spans.append((start, start + rng.choice([0, 1, 5, 30, 64, 200])))
    index = SpanIndex(spans)
    for _ in range(400):
        lo = rng.randrange(0, 5200)
        hi = lo + rng.choice([0, 1, 10, 70, 300])
        near = set(index.near(lo, hi))
        overlapping = {k for k, (s, e) in enumerate(spans) if s < hi and lo < e}
        assert overlapping <= near


def test_a_span_added_again_is_found_where_it_grew() -> None:
    index = SpanIndex([(1000, 1010)])
    assert index.near(0, 10) == []
    index.add(0, 0, 1010)  # the mention widened to the left
    assert index.near(0, 10) == [0]


_FULL = re.compile(r"((?:[A-Z][a-zà-ÿ'’\-]+\s+){0,2}[A-Z][a-zà-ÿ'’\-]+)$")


def test_name_before_matches_a_search_of_the_whole_prefix() -> None:
    rng = random.Random(3)
    words = ["Darrell", "Issa", "said", "the", "Rep.", "O'Brien", "and", "\n", ",", "  "]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 400)))
        at = rng.randrange(0, len(text) + 1)
        full = _FULL.search(text[:at])
        got = _name_before(text, at)
        assert (got and (got.start(1), got.group(1))) == (full and (full.start(1), full.group(1)))
    # a long run of name characters, no barrier in the window: the whole prefix is read
    text = "Xx " + "a" * 2000 + " Darrell Issa"
    got, full = _name_before(text, len(text)), _FULL.search(text)
    assert got is not None and full is not None and got.span(1) == full.span(1)
