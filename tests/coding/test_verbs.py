"""The verb dictionary: the indexed matcher and candidate selection against the plain
definitions (the scan of :func:`match_seq` over every pattern of the verb's blocks)."""

from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from multipolar.coding.verbs import (
    Element,
    Index,
    Match,
    Pattern,
    VerbDict,
    match_seq,
    stem_keys,
)


def _reference(
    v: VerbDict,
    lemma: str,
    pre: Sequence[str],
    post: Sequence[str],
    keys: set[str],
    post_keys: set[str] | None = None,
) -> Match | None:
    """VerbDict.code as first written: every pattern of the blocks whose anchor is in keys."""
    pk = post_keys if post_keys is not None else stem_keys(post)
    default: str | None = None
    for code, words in v.curated.get(lemma, ()):
        if not words:
            default = code
        elif all(
            (bool(post) and post[0] == w[1])  # "+w": the verb's next word
            if w[0] == "+"
            else ("=" + w[1] if w[0] == "=" else w[1]) in pk
            for w in words
        ):
            return Match(code, "curated", len(words))
    best: Pattern | None = None
    entry_code: str | None = None
    for entry in v.entries.get(lemma, ()):
        if entry.particle and not (post and post[0] == entry.particle[0]):
            continue
        block = v.blocks[entry.block]
        if entry_code is None or entry.particle:
            entry_code = entry.code or block.code
        for anchor, pats in block.patterns.items():
            if anchor and anchor not in keys:
                continue
            for p in pats:
                if best is not None and (
                    p.size < best.size or (p.size == best.size and p.order > best.order)
                ):
                    continue
                if match_seq(p.post, post) and (not p.pre or match_seq(p.pre, pre)):
                    best = p
    if best is not None and default is None:
        return Match(best.code, "pattern", best.size)
    if default is not None:
        return Match(default, "curated", 0)
    if entry_code is not None:
        return Match(entry_code, "default", 0)
    return None


@pytest.fixture(scope="module")
def verbs() -> VerbDict:
    return VerbDict.default()


def _words(v: VerbDict) -> list[str]:
    """Pattern words (and longer words they stem) plus filler."""
    out: set[str] = {"the", "a", "to", "of", "on", "tokyo", "with", "and", "said", "x"}
    for b in v.blocks[:: max(1, len(v.blocks) // 60)]:
        for pats in b.patterns.values():
            for p in pats[:3]:
                for el in p.pre + p.post:
                    for alt in el[:2]:
                        for kind, w in alt:
                            out.add(w)
                            if kind == "^":
                                out.add(w + "ed")
    return sorted(out)


def test_index_matches_like_the_scan() -> None:
    rng = random.Random(7)
    vocab = ["to", "tokyo", "talk", "talks", "talked", "peace", "peaceful", "deal", "=x", "on"]
    tests = [("=", "to"), ("=", "talks"), ("^", "talk"), ("^", "peace"), ("=", "deal"),
             ("=", "on"), ("=", "=x"), ("^", "tokyo")]  # fmt: skip
    for _ in range(3000):
        tokens = [rng.choice(vocab) for _ in range(rng.randrange(0, 9))]
        elements: list[Element] = []
        for _ in range(rng.randrange(1, 4)):
            el = tuple(
                tuple(rng.choice(tests) for _ in range(rng.randrange(1, 3)))
                for _ in range(rng.randrange(1, 4))
            )
            elements.append(el)
        assert Index(tokens).match(elements) == match_seq(elements, tokens), (elements, tokens)


def test_code_matches_the_reference(verbs: VerbDict) -> None:
    rng = random.Random(11)
    words = _words(verbs)
    lemmas = sorted(set(verbs.entries) | set(verbs.curated))
    for _ in range(4000):
        lemma = rng.choice(lemmas)
        pre = [rng.choice(words) for _ in range(rng.randrange(0, 5))]
        post = [rng.choice(words) for _ in range(rng.randrange(0, 12))]
        entries = verbs.entries.get(lemma, ())
        if post and entries and entries[-1].particle and rng.random() < 0.5:
            post[0] = entries[-1].particle[0]
        extra = [rng.choice(words) for _ in range(rng.randrange(0, 10))]
        keys = stem_keys(pre + post + extra)
        expected = _reference(verbs, lemma, pre, post, keys)
        assert verbs.code(lemma, pre, post, keys) == expected, (lemma, pre, post)
        # the sentence's keys cover the verb's words: leaving them out changes nothing
        assert verbs.code(lemma, pre, post) == expected, (lemma, pre, post)
        # keys that miss the verb's words still filter as before
        narrow = stem_keys(extra)
        assert verbs.code(lemma, pre, post, narrow) == _reference(
            verbs, lemma, pre, post, narrow
        ), (lemma, pre, post, extra)


def test_curated_rules_read_post_keys(verbs: VerbDict) -> None:
    worded = [lem for lem, rules in verbs.curated.items() if any(w for _c, w in rules)]
    assert worded
    for lemma in worded:
        assert verbs.has_word_rules(lemma)
        for code, words in verbs.curated[lemma]:
            if words:
                pk = {"=" + w[1] if w[0] == "=" else w[1] for w in words}
                post = [w[1] for w in words if w[0] == "+"][:1]  # a particle comes next
                assert verbs.code(lemma, [], post, set(), pk) == _reference(
                    verbs, lemma, [], post, set(), pk
                )
                assert verbs.code(lemma, [], post, set(), pk) is not None
                _ = code
    plain = [lem for lem in verbs.entries if lem not in verbs.curated]
    assert plain and not verbs.has_word_rules(plain[0])


def test_stem_keys() -> None:
    assert stem_keys(["talks", "to"]) == {"=talks", "talk", "talks", "=to"}
    assert stem_keys([]) == set()


def test_short_stems_are_exact() -> None:
    text = "S\tX\tfoo_bar =baz\nB\tTALK\t040\nV\ttalk\t\nP\t043\t\tto\nP\t042\t\t&X\n"
    v = VerbDict(text)
    assert v.code("talk", [], ["tokyo"], stem_keys(["tokyo"])) == Match("040", "default", 0)
    assert v.code("talk", [], ["to"]) == Match("043", "pattern", 1)
    assert v.code("talk", [], ["foo", "bar"]) == Match("042", "pattern", 1)
    assert v.code("talk", [], ["foo", "x", "bar"]) == Match("040", "default", 0)
    assert v.code("talk", [], ["baz"]) == Match("042", "pattern", 1)
