"""The verb dictionary: lemma -> CAMEO code, refined by the words around the verb.

Two tables, both under ``data/``:

* ``cameo_verbs.tsv`` -- the PETRARCH-2 CAMEO verb patterns (MIT), converted by
  ``scripts/build_verbs.py``. Verbs come in blocks sharing a default code and a list of
  patterns (words before/after the verb that select a more specific code).
* ``verbs_curated.tsv`` -- the project's own table, written by hand for modern news usage:
  ``lemma  code  [words]`` where ``words`` (stems, all required, any order, after the verb)
  select that code; ``+w`` must be the verb's next word (a particle: "called on Iran to ..."
  appeals, "called Iran on Monday" does not). It takes precedence over PETRARCH for the lemmas it lists.

Matching is by stem (``w`` matches any token starting with ``w``; ``=w`` only ``w``), as in
TABARI/PETRARCH. A pattern is tried only when its rarest word (its *anchor*) is among the
sentence's token stems, which the caller computes once per sentence (:func:`stem_keys`), and
among the stems of the verb's own words. The words before and after the verb are indexed once
per verb (:class:`Index`: token -> positions, stem -> positions), the candidate patterns are
tried from the best (most words, then earliest in the file) down and the first that matches
wins, so per-verb work is a few dictionary look-ups and a handful of pattern tests.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources

NO_EVENT = "---"

# An alternative is a phrase: a tuple of word tests; a word test is ("=", w) or ("^", stem).
Word = tuple[str, str]
Alternative = tuple[Word, ...]
Element = tuple[Alternative, ...]

_MIN_STEM = 4  # shorter pattern words are matched exactly: "to" must not match "Tokyo"
_CACHE_WORDS = 1 << 16  # words whose stem keys are remembered


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


@functools.lru_cache(maxsize=_CACHE_WORDS)
def _prefixes(w: str) -> tuple[str, ...]:
    """The prefixes of ``w`` that a stem pattern word can be: those of >= 4 letters."""
    return tuple(w[:n] for n in range(_MIN_STEM, len(w) + 1))


@functools.lru_cache(maxsize=_CACHE_WORDS)
def _word_keys(w: str) -> tuple[str, ...]:
    return ("=" + w, *_prefixes(w))


def stem_keys(words: Iterable[str]) -> set[str]:
    """All lookup keys of a sentence: each word, "=word", and each prefix of >= 4 letters."""
    keys: set[str] = set()
    for w in words:
        keys.update(_word_keys(w))
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


def match_seq(elements: Sequence[Element], tokens: Sequence[str]) -> bool:
    """True when the elements occur in order (not necessarily adjacent) among ``tokens``.

    Each element takes its earliest start (at one start, its first alternative that fits) and
    the next element is looked for after it. The reference definition: :class:`Index` gives
    the same answers faster and is what :meth:`VerbDict.code` uses.
    """
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


class Index:
    """The words on one side of a verb, indexed for :func:`match_seq`'s semantics.

    ``exact`` maps a token to its positions, ``stem`` a prefix of >= 4 letters to the
    positions of the tokens it starts (both ascending). A ``("=", w)`` word matches at the
    positions ``exact[w]``, a ``("^", s)`` word (``len(s) >= 4``, see :func:`_word`) at
    ``stem[s]``.
    """

    __slots__ = ("exact", "n", "stem", "tokens")

    def __init__(self, tokens: Sequence[str]) -> None:
        self.tokens = tokens
        self.n = len(tokens)
        exact: dict[str, list[int]] = {}
        stem: dict[str, list[int]] = {}
        for i, t in enumerate(tokens):
            lst = exact.get(t)
            if lst is None:
                exact[t] = [i]
            else:
                lst.append(i)
            for p in _prefixes(t):
                lst = stem.get(p)
                if lst is None:
                    stem[p] = [i]
                else:
                    lst.append(i)
        self.exact = exact
        self.stem = stem

    def _end(self, el: Element, pos: int) -> int:
        """Where ``el`` ends at its earliest start >= ``pos`` (first alternative wins a tie);
        -1 when it does not occur."""
        n = self.n
        best_i = n
        best_end = -1
        for alt in el:
            w0 = alt[0]
            lst = (self.exact if w0[0] == "=" else self.stem).get(w0[1])
            if lst is None:
                continue
            k = len(alt)
            j = bisect_left(lst, pos)
            m = len(lst)
            while j < m:
                i = lst[j]
                if i >= best_i or i + k > n:
                    break
                if k == 1 or _rest_ok(alt, self.tokens, i):
                    best_i = i
                    best_end = i + k
                    break
                j += 1
        return best_end

    def match(self, elements: Sequence[Element]) -> bool:
        """Same as ``match_seq(elements, tokens)``."""
        pos = 0
        for el in elements:
            pos = self._end(el, pos)
            if pos < 0:
                return False
        return True


def _rest_ok(alt: Alternative, tokens: Sequence[str], i: int) -> bool:
    for j in range(1, len(alt)):
        kind, w = alt[j]
        t = tokens[i + j]
        if not (t == w if kind == "=" else t.startswith(w)):
            return False
    return True


def _regular(elements: Sequence[Element]) -> bool:
    """Whether :class:`Index` can match ``elements``: no empty alternative, stems >= 4."""
    return all(
        alt and all(w[0] == "=" or len(w[1]) >= _MIN_STEM for w in alt)
        for el in elements
        for alt in el
    )


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
                if not _regular(pre + post):  # cannot happen: _word makes short words exact
                    raise ValueError(f"pattern with a short stem or an empty phrase: {line!r}")
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
            words = tuple(
                ("+", w[1:]) if w.startswith("+") else _word(w)
                for w in (parts[2].split() if len(parts) > 2 else ())
            )
            self.curated.setdefault(lemma, []).append((code, words))
        # more specific rules first
        for rules in self.curated.values():
            rules.sort(key=lambda r: -len(r[1]))

    # -- lookup --------------------------------------------------------------------------
    def known(self, lemma: str) -> bool:
        return lemma in self.entries or lemma in self.curated

    def has_word_rules(self, lemma: str) -> bool:
        """Whether a curated rule of ``lemma`` looks at the verb's words: only then does
        :meth:`code` read ``post_keys``."""
        return any(words for _code, words in self.curated.get(lemma, ()))

    def code(
        self,
        lemma: str,
        pre: Sequence[str],
        post: Sequence[str],
        keys: set[str] | None = None,
        post_keys: set[str] | None = None,
    ) -> Match | None:
        """The CAMEO code of verb ``lemma`` given the words before/after it.

        ``keys`` are :func:`stem_keys` of the whole sentence: a pattern is tried only when its
        anchor is among them. ``None`` leaves that test out; the answer is the same whenever
        ``keys`` covers ``pre`` and ``post`` (a pattern needs its anchor among the verb's own
        words anyway). ``post_keys`` are those of ``post`` and its lemmas (the curated rules
        look at the verb's own phrase only); ``None`` stands for ``stem_keys(post)``.
        """
        curated = self.curated.get(lemma)
        default: str | None = None
        if curated:
            pk = post_keys
            for code, words in curated:
                if not words:
                    default = code
                    continue
                if pk is None:
                    pk = stem_keys(post)
                if all(
                    (bool(post) and post[0] == w[1]) if w[0] == "+" else _key(w) in pk
                    for w in words
                ):
                    return Match(code, "curated", len(words))
        entry_code: str | None = None
        blocks: list[int] = []
        for entry in self.entries.get(lemma, ()):
            if entry.particle and not (post and post[0] == entry.particle[0]):
                continue
            if entry_code is None or entry.particle:
                entry_code = entry.code or self.blocks[entry.block].code
            if entry.block not in blocks:
                blocks.append(entry.block)
        best = self._best(blocks, pre, post, keys) if blocks and default is None else None
        if best is not None:
            return Match(best.code, "pattern", best.size)
        if default is not None:
            return Match(default, "curated", 0)
        if entry_code is not None:
            return Match(entry_code, "default", 0)
        return None

    def _best(
        self,
        blocks: Sequence[int],
        pre: Sequence[str],
        post: Sequence[str],
        keys: set[str] | None,
    ) -> Pattern | None:
        """The pattern of ``blocks`` with the most words (then the earliest) that matches.

        A pattern is a candidate when its anchor is in ``keys`` (or it has none); a pattern
        matches only if its anchor word is among ``pre``/``post``, so the candidates are looked
        up by the stem keys of those words.
        """
        local = stem_keys(post)
        for w in pre:
            local.update(_word_keys(w))
        cands: list[Pattern] = []
        for b in blocks:
            by_anchor = self.blocks[b].patterns
            always = by_anchor.get("")
            if always:
                cands.extend(always)
            if len(by_anchor) < len(local):
                for anchor, pats in by_anchor.items():
                    if anchor and anchor in local and (keys is None or anchor in keys):
                        cands.extend(pats)
            else:
                for k in local:
                    found = by_anchor.get(k)
                    if found is not None and (keys is None or k in keys):
                        cands.extend(found)
        if not cands:
            return None
        if len(cands) > 1:
            cands.sort(key=_rank)
        post_ix = Index(post)
        pre_ix: Index | None = None
        for p in cands:
            if not post_ix.match(p.post):
                continue
            if p.pre:
                if pre_ix is None:
                    pre_ix = Index(pre)
                if not pre_ix.match(p.pre):
                    continue
            return p
        return None


def _rank(p: Pattern) -> tuple[int, int]:
    return (-p.size, p.order)
