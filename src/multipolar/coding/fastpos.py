"""Drop-in replacements for spaCy's ``attribute_ruler`` and rule ``lemmatizer``.

Both give exactly the annotations of the components they replace, only faster.

* The attribute ruler runs a :class:`spacy.matcher.Matcher` over 179 patterns on every Doc
  and then sets each match's attributes through a ``Span`` and a Python call per match:
  about a fifth of the parse time. Nearly all its patterns look at one token alone (its
  ``TAG``, ``LOWER``, ``DEP``, ``IS_SPACE``), so :class:`FastAttributeRuler` computes, once
  per class of token (which of the rules' tests its tag, lowercase form, dependency label and
  whitespace flag pass), which patterns match and the attributes they leave (later patterns
  override earlier ones, as in the ruler), caches that, and writes the whole Doc with one
  ``Doc.from_array``. The few patterns spanning several tokens ("gon na",
  "let 's", an expletive before "is", ...) are matched per Doc from the same cache, and their
  attributes are folded in the ruler's order.
* The lemmatizer's own cache is keyed on ``(orth, pos, morph)`` but reached through a Python
  ``Token`` (and a ``MorphAnalysis``) per token; :class:`FastLemmatizer` keys the same cache
  on the Doc's arrays and asks the original lemmatizer only on a miss.

:func:`install` swaps them in under the original names when the model's ruler only uses
what is reproduced here (plain values, ``IN``/``NOT_IN``/``REGEX`` on those four attributes,
no operators, no extension attributes) and its lemmatizer is a rule lemmatizer that does not
overwrite; otherwise it leaves the pipeline as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.strings import get_string_id

# What a pattern token may test.
_KEY_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE, "ORTH": ORTH}
_STRING_ATTRS = frozenset({"TAG", "LOWER", "DEP", "ORTH"})
# What a rule may set: token fields only (the ruler also writes through to the Lexeme, which
# has none of these, so setting them on the token alone is the same).
_OUT_ATTRS: list[int] = [POS, MORPH, LEMMA, TAG, DEP]
_OUT_COL = {a: i for i, a in enumerate(_OUT_ATTRS)}

# A test of one attribute value: (value, string store) -> bool.
Atom = Callable[[int, Any], bool]


class Unsupported(ValueError):
    """The ruler uses a pattern feature this module does not reproduce."""


def _atom(name: str, value: Any) -> Atom:
    """The Matcher's test of one attribute of one pattern token, on the attribute's value."""
    if isinstance(value, dict):
        if len(value) != 1 or name not in _STRING_ATTRS:
            raise Unsupported(f"{name}: {value!r}")
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN"):
            if not isinstance(arg, list) or not all(isinstance(v, str) for v in arg):
                raise Unsupported(f"{op} {arg!r}")
            ids = frozenset(get_string_id(v) for v in arg)
            if op == "IN":
                return lambda v, _s: v in ids
            return lambda v, _s: v not in ids
        if op == "REGEX" and isinstance(arg, str):
            rx = re.compile(arg)
            return lambda v, s: bool(rx.search(s[v]))
        raise Unsupported(f"{name}: {value!r}")
    if name in _STRING_ATTRS:
        if not isinstance(value, str):
            raise Unsupported(f"{name}: {value!r}")
        vid = get_string_id(value)
        return lambda v, _s: v == vid
    if not isinstance(value, bool):
        raise Unsupported(f"{name}: {value!r}")
    want = int(value)
    return lambda v, _s: v == want


def _atom_set(name: str, value: Any) -> tuple[frozenset[int], bool] | None:
    """The same test as ``_atom(name, value)`` as (values, negated): it holds when a value
    is in the set, or not in it when negated; None for a regular expression."""
    if isinstance(value, dict):
        ((op, arg),) = value.items()
        if op in ("IN", "NOT_IN"):
            return frozenset(get_string_id(v) for v in arg), op == "NOT_IN"
        return None
    if name in _STRING_ATTRS:
        return frozenset({get_string_id(value)}), False
    return frozenset({int(value)}), False


@dataclass(frozen=True, slots=True)
class _Window:
    """One multi-token pattern of a rule: its token tests and the token it sets."""

    rule: int
    tests: tuple[tuple[int, ...], ...]  # per token: the atoms that must all hold
    target: int  # offset of the token the rule sets, from the window's start


@dataclass(frozen=True, slots=True)
class _Entry:
    """What the cache holds for one distinct token class."""

    local: tuple[int, ...]  # single-token rules this token matches, in rule order
    out: tuple[tuple[int, int], ...]  # (output column, value) those rules leave
    steps: frozenset[tuple[int, int]]  # (window, position) tests this token passes
    starts: tuple[int, ...]  # windows whose first test this token passes


class FastAttributeRuler:
    """Sets exactly what a loaded ``AttributeRuler`` sets, from a cache (see module doc).

    A token is reduced to its class: per attribute the rules test, which of those tests its
    value passes (so "France" and "Germany" with the same tag and dependency share a class).
    The matching rules and the attributes they leave are cached per class.
    """

    def __init__(self, vocab: Any, name: str = "attribute_ruler") -> None:
        self.vocab = vocab
        self.name = name
        self._rules: list[tuple[tuple[int, int], ...]] = []
        self._cols: list[int] = []  # attribute ids tested, one key column each
        self._atoms: list[list[Atom]] = []  # per column
        self._atom_ref: list[tuple[int, int]] = []  # global atom id -> (column, index)
        self._singles: list[tuple[int, tuple[int, ...]]] = []  # (rule, atoms)
        self._windows: list[_Window] = []
        self._classes: list[dict[int, int]] = []  # per column: value -> class id
        self._class_bits: list[list[tuple[bool, ...]]] = []  # per column: class id -> results
        self._cache: dict[tuple[int, ...], _Entry] = {}
        self._loaded = False
        self.source: Any = None  # the ruler compiled, for readers of its rules (triggers)

    def load(self, ruler: Any) -> None:
        """Compile ``ruler`` (a loaded ``AttributeRuler``); raises :class:`Unsupported`."""
        rules: list[tuple[tuple[int, int], ...]] = []
        col_of: dict[str, int] = {}
        atoms: list[list[Atom]] = []
        atom_ref: list[tuple[int, int]] = []
        sets: list[list[tuple[frozenset[int], bool] | None]] = []

        def token_test(spec: dict[str, Any]) -> tuple[int, ...]:
            ids = []
            for name, value in spec.items():
                if name not in _KEY_ATTRS:
                    raise Unsupported(f"pattern attribute {name!r}")
                if name not in col_of:
                    col_of[name] = len(atoms)
                    atoms.append([])
                    sets.append([])
                c = col_of[name]
                ids.append(len(atom_ref))
                atom_ref.append((c, len(atoms[c])))
                atoms[c].append(_atom(name, value))
                sets[c].append(_atom_set(name, value))
            return tuple(ids)

        singles: list[tuple[int, tuple[int, ...]]] = []
        windows: list[_Window] = []
        for i, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices, strict=True)):
            if any(not isinstance(a, int) or a not in _OUT_COL for a in attrs):
                raise Unsupported(f"rule {i} sets {sorted(map(str, attrs))}")
            rules.append(tuple((_OUT_COL[a], int(v)) for a, v in attrs.items()))
            for pattern in ruler.matcher.get(str(i))[1]:
                if not pattern or any("OP" in spec for spec in pattern):
                    raise Unsupported(f"rule {i}: {pattern!r}")
                target = index if index >= 0 else len(pattern) + index
                if not 0 <= target < len(pattern):
                    raise Unsupported(f"rule {i}: index {index}")
                tests = tuple(token_test(spec) for spec in pattern)
                if len(tests) == 1:
                    singles.append((i, tests[0]))
                else:
                    windows.append(_Window(i, tests, target))
        self._rules, self._singles, self._windows = rules, singles, windows
        self._cols = [_KEY_ATTRS[name] for name in col_of]
        self._atoms, self._atom_ref = atoms, atom_ref
        # Per column, what _class needs to test a new value without calling every atom:
        # each atom's result for a value in none of the sets, the atoms a value flips, and
        # the regular expressions, which are called.
        self._defaults = [[bool(t and t[1]) for t in col] for col in sets]
        self._flips: list[dict[int, list[int]]] = []
        self._calls: list[list[tuple[int, Atom]]] = []
        for col, col_sets in zip(atoms, sets, strict=True):
            flips: dict[int, list[int]] = {}
            calls: list[tuple[int, Atom]] = []
            for k, t in enumerate(col_sets):
                if t is None:
                    calls.append((k, col[k]))
                    continue
                for v in t[0]:
                    flips.setdefault(v, []).append(k)
            self._flips.append(flips)
            self._calls.append(calls)
        self._classes = [{} for _ in atoms]
        self._class_bits = [[] for _ in atoms]
        self._cache = {}
        self._loaded = True
        self.source = ruler

    def _class(self, col: int, value: int) -> int:
        strings = self.vocab.strings
        results = self._defaults[col].copy()
        for k in self._flips[col].get(value, ()):
            results[k] = not results[k]
        for k, atom in self._calls[col]:
            results[k] = atom(value, strings)
        bits = tuple(results)
        known = self._class_bits[col]
        try:
            cid = known.index(bits)
        except ValueError:
            cid = len(known)
            known.append(bits)
        self._classes[col][value] = cid
        return cid

    def _entry(self, key: tuple[int, ...]) -> _Entry:
        bits = [self._class_bits[c][cid] for c, cid in enumerate(key)]
        holds = [bits[c][k] for c, k in self._atom_ref]
        local = tuple(sorted({r for r, test in self._singles if all(holds[a] for a in test)}))
        out: dict[int, int] = {}
        for r in local:
            out.update(self._rules[r])
        steps = frozenset(
            (w, j)
            for w, win in enumerate(self._windows)
            for j, test in enumerate(win.tests)
            if all(holds[a] for a in test)
        )
        starts = tuple(w for w, j in sorted(steps) if j == 0)
        entry = _Entry(local, tuple(sorted(out.items())), steps, starts)
        self._cache[key] = entry
        return entry

    def __call__(self, doc: Any) -> Any:
        if not self._loaded:
            raise RuntimeError("FastAttributeRuler used before load()")
        n = len(doc)
        if n == 0 or not self._cols:
            return doc
        arr = doc.to_array(self._cols)
        columns = []
        for c, classes in enumerate(self._classes):
            values = arr[:, c].tolist()
            ids = [classes.get(v) for v in values]
            for i, cid in enumerate(ids):
                if cid is None:
                    ids[i] = classes.get(values[i])
                    if ids[i] is None:
                        ids[i] = self._class(c, values[i])
            columns.append(ids)
        cache = self._cache
        entries = [cache.get(k) or self._entry(k) for k in zip(*columns, strict=True)]
        extra: dict[int, list[int]] = {}
        for s, e in enumerate(entries):
            for w in e.starts:
                win = self._windows[w]
                if s + len(win.tests) <= n and all(
                    (w, j) in entries[s + j].steps for j in range(1, len(win.tests))
                ):
                    extra.setdefault(s + win.target, []).append(win.rule)
        rows = doc.to_array(_OUT_ATTRS).tolist()
        for i, e in enumerate(entries):
            if i in extra:
                merged: dict[int, int] = {}
                for r in sorted(set(e.local).union(extra[i])):
                    merged.update(self._rules[r])
                pairs: tuple[tuple[int, int], ...] = tuple(merged.items())
            else:
                pairs = e.out
            row = rows[i]
            for c, v in pairs:
                row[c] = v
        doc.from_array(_OUT_ATTRS, np.array(rows, dtype=np.uint64))
        return doc


class FastLemmatizer:
    """The rule lemmatizer's lemmas from a cache keyed on the Doc's arrays (see module doc)."""

    def __init__(self, vocab: Any, name: str = "lemmatizer") -> None:
        self.vocab = vocab
        self.name = name
        self._lemmatize: Callable[[Any], list[str]] | None = None
        self._cache: dict[tuple[int, int, int], int] = {}

    def load(self, lemmatizer: Any) -> None:
        """Wrap ``lemmatizer`` (a loaded rule ``Lemmatizer``); raises :class:`Unsupported`."""
        if getattr(lemmatizer, "mode", None) != "rule" or getattr(lemmatizer, "overwrite", True):
            raise Unsupported("only a rule lemmatizer that does not overwrite")
        lemmatizer._validate_tables()
        # The rule lemmatizer asks ``form in index`` of a per-POS list of up to 57,000
        # words for every rule that fits a word it has not seen: a linear scan, most of a
        # cold cache's cost. A frozenset holds the same words and answers the same.
        index = lemmatizer.lookups.get_table("lemma_index", {})
        for key, words in list(index.items()):
            if isinstance(words, list):
                index[key] = frozenset(words)
        self._lemmatize = lemmatizer.lemmatize
        self._cache = {}

    def __call__(self, doc: Any) -> Any:
        if not len(doc):
            return doc
        lemmatize = self._lemmatize
        if lemmatize is None:
            raise RuntimeError("FastLemmatizer used before load()")
        cache, strings = self._cache, self.vocab.strings
        arr = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arr[:, 3].tolist()
        changed = False
        for i, (orth, pos, morph, lemma) in enumerate(arr.tolist()):
            if lemma:
                continue
            key = (orth, pos, morph)
            h = cache.get(key)
            if h is None:
                h = cache[key] = strings.add(lemmatize(doc[i])[0])
            lemmas[i] = h
            changed = True
        if changed:
            doc.from_array([LEMMA], np.array(lemmas, dtype=np.uint64))
        return doc


@Language.factory("multipolar_fast_attribute_ruler")
def _make_ruler(nlp: Language, name: str) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab, name)


@Language.factory("multipolar_fast_lemmatizer")
def _make_lemmatizer(nlp: Language, name: str) -> FastLemmatizer:
    return FastLemmatizer(nlp.vocab, name)


def install(nlp: Language) -> list[str]:
    """Swap the fast components in, in place and under the same names; returns which."""
    done: list[str] = []
    kinds: tuple[tuple[str, str, type[FastAttributeRuler] | type[FastLemmatizer]], ...] = (
        ("attribute_ruler", "multipolar_fast_attribute_ruler", FastAttributeRuler),
        ("lemmatizer", "multipolar_fast_lemmatizer", FastLemmatizer),
    )
    for name, factory, cls in kinds:
        if name not in nlp.pipe_names:
            continue
        original = nlp.get_pipe(name)
        try:
            cls(nlp.vocab, name).load(original)  # only to learn whether it is supported
        except Unsupported:
            continue
        new: Any = nlp.replace_pipe(name, factory)
        new.load(original)
        done.append(name)
    return done
