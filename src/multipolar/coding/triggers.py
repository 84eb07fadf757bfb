"""Which candidate sentences can hold an event at all, decided from their tokens alone.

The event stage (:meth:`~multipolar.coding.events.coder.EventCoder.code_sentence`) emits an
event only from a predicate, and a token becomes a predicate only through one of these
look-ups (:func:`~multipolar.coding.events.predicates.candidate_codes`):

* its lemma (or, for a hyphenated verb, the word before the hyphen joined to it; or the
  lemma :data:`~multipolar.coding.events.lexicon.LEMMA_FIX` mends) is a verb of the
  dictionary;
* its lemma, or a child's, is an event noun (``VerbDict.nouns``; a compound key "air strike"
  needs the lemma "strike", a frame noun's modifier is itself a noun key);
* a child's lemma is an adjective of intent, or a child's or its own word form an adjective
  of stance.

Every one of those needs some token of the sentence whose lemma is one of a fixed set of
words (:attr:`Triggers.lemmas`) or whose form is a stance adjective. A token's lemma comes
from the rule lemmatizer (its form, lower-cased, or a form its rules or exceptions give for
some part of speech) or from the attribute ruler (fixed word forms). So the set of lemmas
a word form can possibly receive, whatever the tagger says, is known before parsing; a
sentence none of whose tokens can receive a trigger lemma yields no predicate, so no
event, and need not be parsed. The only other effect of coding a sentence is the salient
actor it leaves for the next one (a leading "it"/"they"), which :func:`parse_mask` keeps by
parsing a sentence whenever the one after it is parsed.

A question is never coded (``is_question``) and leaves no salient actor, so it is never
parsed either.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.attrs import LEMMA

from .events.lexicon import INTENT_ADJ, LEMMA_FIX, STANCE_ADJ
from .events.steps import is_question
from .verbs import VerbDict

# Parts of speech the lemmatizer's tables may be keyed on (Universal POS).
_UPOS = "adj adp adv aux cconj det intj noun num part pron propn punct sconj sym verb x".split()


class Unsupported(ValueError):
    """The pipeline sets lemmas in a way :class:`Triggers` cannot bound."""


def _parts(key: str) -> set[str]:
    """``key`` and every word and hyphen-suffix in it: what a token's lemma may be for the
    key to be looked up ("test-fire" is looked up from "fire" after "test -")."""
    out = {key}
    for word in key.split():
        out.add(word)
        pieces = word.split("-")
        out.update(pieces)
        out.update("-".join(pieces[i:]) for i in range(1, len(pieces)))
    return out


def trigger_lemmas(verbs: VerbDict) -> frozenset[str]:
    """Every lemma through which a token may become a predicate (see the module doc)."""
    lemmas: set[str] = set()
    for key in (*verbs.entries, *verbs.curated, *verbs.nouns):
        lemmas |= _parts(key.lower())
    lemmas |= set(LEMMA_FIX)
    lemmas |= set(INTENT_ADJ)
    lemmas |= set(STANCE_ADJ)
    return frozenset(lemmas)


class Triggers:
    """Decides per word form whether a token of it may receive a trigger lemma.

    Parameters:
        nlp: the loaded pipeline (its ``lemmatizer`` must be a rule lemmatizer, or the fast
            one wrapping it, and its ``attribute_ruler`` may set lemmas only for fixed forms).
        verbs: the verb dictionary the event stage reads.

    Raises :class:`Unsupported` when the pipeline's lemmas cannot be bounded.
    """

    def __init__(self, nlp: Any, verbs: VerbDict) -> None:
        self.lemmas = trigger_lemmas(verbs)
        self._forms: set[str] = {w.lower() for w in STANCE_ADJ}
        self._tables = _lemma_tables(nlp)
        self._forms |= _ruler_forms(nlp, self.lemmas)
        self._cache: dict[int, bool] = {}
        self.tokenizer = nlp.tokenizer

    def possible_lemmas(self, form: str) -> set[str]:
        """Every lemma the rule lemmatizer could give a token of ``form``, any tag."""
        low = form.lower()
        out = {low}
        for rules, exceptions in self._tables:
            for old, new in rules:
                if low.endswith(old):
                    out.add((low[: len(low) - len(old)] + new).lower())
            out.update(f.lower() for f in exceptions.get(low, ()))
        return out

    def _form_triggers(self, form: str) -> bool:
        low = form.lower()
        return low in self._forms or not self.lemmas.isdisjoint(self.possible_lemmas(low))

    def may_trigger(self, doc: Any) -> bool:
        """Whether some token of the tokenized ``doc`` may become a predicate."""
        cache = self._cache
        for tok in doc:
            hit = cache.get(tok.lower)
            if hit is None:
                hit = cache[tok.lower] = self._form_triggers(tok.lower_)
            if hit:
                return True
        return False


def _lemma_tables(nlp: Any) -> list[tuple[list[tuple[str, str]], dict[str, list[str]]]]:
    if "lemmatizer" not in nlp.pipe_names:
        return []
    lem = nlp.get_pipe("lemmatizer")
    original = getattr(getattr(lem, "_lemmatize", None), "__self__", lem)
    if getattr(original, "mode", None) != "rule" or not hasattr(original, "lookups"):
        raise Unsupported("not a rule lemmatizer")
    lookups = original.lookups
    rules_t = lookups.get_table("lemma_rules", {})
    exc_t = lookups.get_table("lemma_exc", {})
    out = []
    for pos in _UPOS:
        rules = rules_t.get(pos) or []
        exceptions = exc_t.get(pos) or {}
        if rules or exceptions:
            out.append(([(str(o), str(n)) for o, n in rules], dict(exceptions)))
    return out


def _ruler_forms(nlp: Any, lemmas: frozenset[str]) -> set[str]:
    """Word forms the attribute ruler may give a trigger lemma."""
    if "attribute_ruler" not in nlp.pipe_names:
        return set()
    ruler = nlp.get_pipe("attribute_ruler")
    original = getattr(ruler, "source", None) or ruler
    if not hasattr(original, "attrs"):
        raise Unsupported("unknown attribute ruler")
    strings = nlp.vocab.strings
    forms: set[str] = set()
    for i, (attrs, index) in enumerate(zip(original.attrs, original.indices, strict=True)):
        if LEMMA not in attrs or strings[attrs[LEMMA]].lower() not in lemmas:
            continue
        for pattern in original.matcher.get(str(i))[1]:
            spec = pattern[index]
            value = spec.get("LOWER", spec.get("ORTH"))
            if isinstance(value, str):
                forms.add(value.lower())
            elif isinstance(value, dict) and set(value) == {"IN"}:
                forms.update(v.lower() for v in value["IN"])
            else:
                raise Unsupported(f"rule {i} sets a trigger lemma on {spec!r}")
    return forms


def parse_mask(
    keys: Sequence[tuple[int, int]], texts: Sequence[str], docs: Iterable[Any], triggers: Triggers
) -> list[bool]:
    """Which candidate sentences to parse.

    Parameters:
        keys: (article, sentence index) of each candidate, in coding order.
        texts: each candidate's text.
        docs: each candidate tokenized (not parsed).
        triggers: the word-form test.

    A sentence is parsed when it is no question and either may hold a predicate or is
    followed, in its article, by a parsed sentence (whose leading "it"/"they" may stand for
    this sentence's salient actor).
    """
    may = [
        not is_question(text) and triggers.may_trigger(doc)
        for text, doc in zip(texts, docs, strict=True)
    ]
    mask = [False] * len(may)
    for j in range(len(may) - 1, -1, -1):
        if is_question(texts[j]):
            continue
        follows = (
            j + 1 < len(may)
            and mask[j + 1]
            and keys[j + 1][0] == keys[j][0]
            and keys[j + 1][1] == keys[j][1] + 1
        )
        mask[j] = may[j] or follows
    return mask
