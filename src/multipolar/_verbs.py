"""The verb dictionary: lemma -> CAMEO code, refined by the words around the verb.

Two tables, both under ``data/``:

* ``cameo_verbs.tsv`` -- the PETRARCH-2 CAMEO verb patterns (MIT), converted by
  ``scripts/build_verbs.py``. Verbs come in blocks sharing a default code and a list of
  patterns (words before/after the verb that select a more specific code).
* ``verbs_curated.tsv`` -- the project's own table, written by hand for modern news usage:
  ``lemma  code  [words]`` where ``words`` (stems, all required, any order, after the verb)
  select that code. It takes precedence over PETRARCH for the lemmas it lists.

Matching is by stem (``w`` matches any token starting with ``w``; ``=w`` only ``w``), as in
TABARI/PETRARCH. A pattern is tried only when its rarest word is among the sentence's token
stems, which the caller computes once per sentence (:func:`stem_keys`), so per-verb work is
a few dictionary look-ups.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources

NO_EVENT = "---"

# An alternative is a phrase: a tuple of word tests; a word test is ("=", w) or ("^", stem).
Word = tuple[str, str]
Alternative = tuple[Word, ...]
Element = tuple[Alternative, ...]

_MIN_STEM = 4  # shorter pattern words are matched exactly: "to" must not match "Tokyo"


@dataclass(frozen=True, slots=True)
class Pattern:
    code: str
    pre: tuple[Element, ...]
    post: tuple[Element, ...]
    anchor: str  # a key that must be in the sentence's stem keys for the pattern to match
    size: int
    order: int  # position in the source file: earlier wins ties


@dataclass(slots=True)
class Block:
    name: str
    code: str
    patterns: dict[str, list[Pattern]] = field(default_factory=dict)  # anchor -> patterns


@dataclass(frozen=True, slots=True)
class VerbEntry:
    lemma: str
    code: str
    particle: tuple[str, ...]
    block: int


@dataclass(frozen=True, slots=True)
class Match:
    code: str
    source: str  # "curated" | "pattern" | "default"
    size: int  # words matched besides the verb


def stem_keys(words: Iterable[str]) -> set[str]:
    """All lookup keys of a sentence: each word, "=word", and each prefix of >= 4 letters."""
    keys: set[str] = set()
    for w in words:
        keys.add("=" + w)
        for n in range(_MIN_STEM, len(w) + 1):
            keys.add(w[:n])
    return keys


def _word(spec: str) -> Word:
    if spec.startswith("="):
        return ("=", spec[1:])
    if len(spec) < _MIN_STEM:
        return ("=", spec)
    return ("^", spec)


def _key(w: Word) -> str:
    return "=" + w[1] if w[0] == "=" else w[1]


def _word_ok(w: Word, token: str) -> bool:
    return token == w[1] if w[0] == "=" else token.startswith(w[1])


def _match_seq(elements: Sequence[Element], tokens: Sequence[str]) -> bool:
    """True when the elements occur in order (not necessarily adjacent) among ``tokens``."""
    pos = 0
    n = len(tokens)
    for el in elements:
        found = -1
        i = pos
        while i < n and found < 0:
            for alt in el:
                k = len(alt)
                if i + k <= n and all(_word_ok(alt[j], tokens[i + j]) for j in range(k)):
                    found = i + k
                    break
            i += 1
        if found < 0:
            return False
        pos = found
    return True


class VerbDict:
    """Verb lemma -> CAMEO code, with PETRARCH patterns and the curated table."""

    def __init__(self, verbs_text: str, curated_text: str = "") -> None:
        self.blocks: list[Block] = []
        self.entries: dict[str, list[VerbEntry]] = {}
        self.curated: dict[str, list[tuple[str, tuple[Word, ...]]]] = {}
        self.nouns: dict[str, str] = {}  # event nouns: "talks" -> 040 (after a light verb)
        self._synsets: dict[str, tuple[Alternative, ...]] = {}
        self._load_petrarch(verbs_text)
        self._load_curated(curated_text)

    @classmethod
    @functools.cache
    def default(cls) -> VerbDict:
        data = resources.files("multipolar").joinpath("data")
        return cls(
            data.joinpath("cameo_verbs.tsv").read_text("utf-8"),
            data.joinpath("verbs_curated.tsv").read_text("utf-8"),
        )

    # -- loading -------------------------------------------------------------------------
    def _element(self, spec: str) -> Element:
        if spec.startswith("&"):
            return self._synsets.get(spec[1:], ((("=", spec[1:].lower()),),))
        return ((_word(spec),),)

    def _load_petrarch(self, text: str) -> None:
        order = 0
        for line in text.splitlines():
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            kind = parts[0]
            if kind == "S":
                alts = tuple(tuple(_word(w) for w in a.split("_")) for a in parts[2].split())
                self._synsets[parts[1]] = alts
            elif kind == "B":
                self.blocks.append(Block(parts[1], parts[2]))
            elif kind == "V" and self.blocks:
                lemma, code, particle = parts[1], parts[2], parts[3] if len(parts) > 3 else ""
                entry = VerbEntry(lemma, code, tuple(particle.split()), len(self.blocks) - 1)
                self.entries.setdefault(lemma, []).append(entry)
            elif kind == "P" and self.blocks:
                pre = tuple(self._element(s) for s in parts[2].split())
                post = tuple(self._element(s) for s in parts[3].split()) if len(parts) > 3 else ()
                anchor = self._anchor(pre + post)
                if anchor is None:
                    continue
                order += 1
                pat = Pattern(parts[1], pre, post, anchor, len(pre) + len(post), order)
                self.blocks[-1].patterns.setdefault(anchor, []).append(pat)

    @staticmethod
    def _anchor(elements: Sequence[Element]) -> str | None:
        # the longest single-word, non-synonym element is the most selective
        best: str | None = None
        for el in elements:
            if len(el) == 1 and len(el[0]) == 1:
                k = _key(el[0][0])
                if best is None or len(k) > len(best):
                    best = k
        if best is None and elements:
            return ""  # only synonym sets: always tried
        return best

    def _load_curated(self, text: str) -> None:
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            lemma, code = parts[0].strip(), parts[1].strip()
            if lemma.startswith("@"):
                self.nouns[lemma[1:]] = code
                continue
            words = tuple(_word(w) for w in parts[2].split()) if len(parts) > 2 else ()
            self.curated.setdefault(lemma, []).append((code, words))
        # more specific rules first
        for rules in self.curated.values():
            rules.sort(key=lambda r: -len(r[1]))

    # -- lookup --------------------------------------------------------------------------
    def known(self, lemma: str) -> bool:
        return lemma in self.entries or lemma in self.curated

    def code(
        self,
        lemma: str,
        pre: Sequence[str],
        post: Sequence[str],
        keys: set[str],
        post_keys: set[str] | None = None,
    ) -> Match | None:
        """The CAMEO code of verb ``lemma`` given the words before/after it.

        ``keys`` are :func:`stem_keys` of the whole sentence; ``post_keys`` those of ``post``
        (the curated rules look at the verb's own phrase only).
        """
        pk = post_keys if post_keys is not None else stem_keys(post)
        curated = self.curated.get(lemma)
        default: str | None = None
        if curated:
            for code, words in curated:
                if not words:
                    default = code
                elif all(_key(w) in pk for w in words):
                    return Match(code, "curated", len(words))
        best: Pattern | None = None
        entry_code: str | None = None
        for entry in self.entries.get(lemma, ()):
            if entry.particle and not (post and post[0] == entry.particle[0]):
                continue
            block = self.blocks[entry.block]
            if entry_code is None or entry.particle:
                entry_code = entry.code or block.code
            for anchor, pats in block.patterns.items():
                if anchor and anchor not in keys:
                    continue
                for p in pats:
                    if best is not None and (p.size < best.size or (p.size == best.size and p.order > best.order)):
                        continue
                    if _match_seq(p.post, post) and (not p.pre or _match_seq(p.pre, pre)):
                        best = p
        if best is not None and default is None:
            return Match(best.code, "pattern", best.size)
        if default is not None:
            return Match(default, "curated", 0)
        if entry_code is not None:
            return Match(entry_code, "default", 0)
        return None
