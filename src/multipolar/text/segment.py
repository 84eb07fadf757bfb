"""Sentence segmentation with character offsets.

A rule-based splitter rather than the parser's: it runs on every sentence of every article,
while the parser only sees the few that name an actor, so it has to be cheap. Offsets always
index the text given, so ``text[s.start:s.end] == s.text`` holds for every sentence.
"""

from __future__ import annotations

import re

from ..records import Sentence

# Abbreviations after which a period does not end a sentence (lower-cased, without the dot).
_ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr prof gen col lt maj capt cmdr adm sgt rep sen gov pres sec amb st mt ft
    jr sr co corp inc ltd no vs etc al approx dept univ est fig rev hon messrs
    jan feb mar apr jun jul aug sep sept oct nov dec
    u.s u.k u.n e.u u.s.a p.m a.m
    """.split()
)

# A candidate boundary: terminal punctuation, optional closing quotes/brackets, then space.
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+)")
_NEWLINE = re.compile(r"\n+")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
_NEXT_START = re.compile(r"\s+([\"'“‘(\[]*)(\S)")


def _ends_sentence(text: str, dot_start: int, end: int) -> bool:
    if text[dot_start] != ".":
        return True
    # Only the word just before the dot matters; searching from 0 would make this quadratic.
    m = _WORD_BEFORE.search(text, max(0, dot_start - 64), dot_start)
    word = m.group(1).lower() if m else ""
    if word.rstrip(".") in _ABBREVIATIONS:
        return False
    # Initials such as "J." in "John F. Kennedy".
    if len(word) == 1 and word.isalpha():
        return False
    nxt = _NEXT_START.match(text, end)
    # A sentence starts with a capital letter, a digit or an opening quote.
    return not (nxt and nxt.group(2).islower())


def _split_block(text: str, start: int, end: int, max_chars: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        if _ends_sentence(text, m.start(), m.end()):
            spans.append((cursor, m.end()))
            cursor = m.end()
    spans.append((cursor, end))
    out: list[tuple[int, int]] = []
    for s, e in spans:
        # Trim whitespace so offsets point at the sentence itself.
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e <= s:
            continue
        # Over-long "sentences" (tables, run-on scraped lists) are cut at the limit so that
        # no single span can stall the parser; the cut pieces keep exact offsets.
        while e - s > max_chars:
            cut = text.rfind(" ", s, s + max_chars)
            cut = cut if cut > s else s + max_chars
            piece_end = cut
            while piece_end > s and text[piece_end - 1].isspace():  # runs of spaces before the cut
                piece_end -= 1
            if piece_end > s:
                out.append((s, piece_end))
            s = cut
            while s < e and text[s].isspace():
                s += 1
        if e > s:
            out.append((s, e))
    return out


def segment(text: str, max_chars: int = 2000) -> list[Sentence]:
    """Split ``text`` into sentences; a line break always ends a sentence."""
    sentences: list[Sentence] = []
    pos = 0
    blocks: list[tuple[int, int]] = []
    for m in _NEWLINE.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    for b_start, b_end in blocks:
        for s, e in _split_block(text, b_start, b_end, max_chars):
            sentences.append(Sentence(len(sentences), s, e, text[s:e]))
    return sentences
