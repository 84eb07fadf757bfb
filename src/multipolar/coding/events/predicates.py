"""Finding predicates: which tokens of a parse the verb dictionary gives a code.

Every verb the dictionary knows is a candidate; its code comes from the verb and the words of
its own phrase (PETRARCH patterns, curated rules). A light verb ("held talks") or a verb that
only says an event goes on ("fighting erupted") takes the code of its event noun, a nominal
event ("Abe's trip to Washington") the code of the noun, and a copula with an adjective of
intent or attitude ("is ready to", "is concerned") a code of its own. How candidates combine
is :mod:`multipolar.coding.events.compose`'s job.
"""

from __future__ import annotations

import functools
from typing import Any

from ..verbs import NO_EVENT, Match, VerbDict, stem_keys
from .lexicon import (
    DEMAND_NOUNS,
    FRAME_NOUNS,
    INTENT_ADJ,
    JOINT,
    LIGHT,
    NOUN_DEPS,
    NOUN_DEPS_OCCUR,
    OCCUR,
    OWN_CLAUSE,
    STANCE_ADJ,
    SUBJ,
    SYMMETRIC_ROOTS,
)
from .senses import naming_call
from .tree import lemma_of, nominal_event, strike_on_party


@functools.cache
def _may_predicate() -> frozenset[int]:
    """The part-of-speech ids a candidate predicate may have (a proper noun only at the
    root); spaCy is imported on first use, as everywhere in the coder."""
    from spacy.parts_of_speech import AUX, NOUN, PROPN, VERB

    return frozenset({int(VERB), int(AUX), int(NOUN), int(PROPN)})


def candidate_codes(doc: Any, words: list[str], verbs: VerbDict) -> dict[int, Match]:
    """The reading of each token of ``doc`` that may be a predicate, by token index.

    ``words`` are the lower-cased token texts of ``doc``; ``verbs`` is the dictionary.
    """
    codes: dict[int, Match] = {}
    # Only verbs, auxiliaries, nouns and a proper noun at the root pass any test below;
    # reading the tags from one array spares a Python token for every other word.
    may = _may_predicate()
    pos = doc.to_array(["POS"]).ravel().tolist() if len(doc) else []
    for i, p in enumerate(pos):
        if p not in may:
            continue
        tok = doc[i]
        if tok.pos_ == "VERB" or (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "ROOT"):
            m = _verb_reading(tok, words, verbs)
            if m is not None:
                codes[tok.i] = m
        elif nominal_event(tok):
            code = verbs.nouns.get(tok.lemma_.lower())
            if code is not None:
                codes[tok.i] = Match(code, "curated", 1)
        elif tok.pos_ == "AUX" and any(
            c.dep_ == "acomp" and c.lemma_.lower() in INTENT_ADJ for c in tok.children
        ):
            codes[tok.i] = Match("030", "curated", 1)
        elif tok.pos_ == "AUX":
            stance = next(
                (
                    STANCE_ADJ[c.lower_]
                    for c in tok.children
                    if c.dep_ == "acomp" and c.lower_ in STANCE_ADJ
                ),
                None,
            )
            if stance is not None:
                codes[tok.i] = Match(stance, "curated", 1)
    return codes


def _verb_reading(tok: Any, words: list[str], verbs: VerbDict) -> Match | None:
    """The reading of verb ``tok``: its dictionary code, overruled by a telling name ("called
    X a Y"), by the pact a passive puts before it, or by the event noun of a light verb."""
    m = code_verb(tok, words, verbs)
    lemma = lemma_of(tok)
    if lemma == "call" and m is not None and m.code in ("041", "020"):
        m = naming_call(tok, m)
    if m is not None and m.code == NO_EVENT and any(c.dep_ == "nsubjpass" for c in tok.children):
        # "an agreement was reached with X": the passive puts the pact before a
        # verb that reads as nothing; only a pact, not "peacekeepers were shipped"
        nm = code_noun_object(tok, verbs)
        if nm is not None and nm.code[:2] in SYMMETRIC_ROOTS:
            m = nm
    if m is None or lemma in LIGHT or lemma in OCCUR:
        nm = code_noun_object(tok, verbs)
        # the event noun of a light verb outranks PETRARCH's guesses for the verb,
        # and the curated rules, which look at every word of its phrase: "launched an
        # investigation into the attack" is an investigation
        if nm is not None and (
            m is None
            or m.source != "curated"
            or m.code == NO_EVENT
            or m.code.startswith("01")  # "announced sanctions", "issued a warning"
            or lemma in LIGHT
        ):
            m = nm
    if m is None and tok.tag_ == "VBN" and tok.lower_ in STANCE_ADJ:
        m = Match(STANCE_ADJ[tok.lower_], "curated", 1)  # "it is concerned"
    return m


def code_verb(tok: Any, words: list[str], verbs: VerbDict) -> Match | None:
    """The dictionary's reading of verb ``tok`` and the words of its own phrase; None when the
    dictionary does not know the verb."""
    lemma = lemma_of(tok)
    if tok.i >= 2 and words[tok.i - 1] == "-":
        # hyphenated verbs split by the tokenizer: "test-fired", "co-hosted"
        joined = words[tok.i - 2] + "-" + lemma
        if verbs.known(joined):
            lemma = joined
    if not verbs.known(lemma):
        return None
    # the verb's own phrase stops at a nested clause with its own subject
    tree = list(tok.subtree)  # walked twice below; one walk makes each Python token once
    cut = [
        c
        for c in tree
        if c.i > tok.i
        and c.dep_ in OWN_CLAUSE
        and (c.dep_ == "advcl" or any(g.dep_ in SUBJ for g in c.children))
    ]
    skip = {t.i for c in cut for t in c.subtree}
    sub = [t for t in tree if t.i > tok.i and t.dep_ != "punct" and t.i not in skip]
    post = [words[t.i] for t in sub]
    left = tok.left_edge.i
    pre = words[left : tok.i]
    # the verb's words are a subset of the sentence's, so the sentence's stem keys would
    # select no other pattern (VerbDict.code); the lemmas matter to curated rules only
    post_keys = (
        stem_keys(post + [t.lemma_.lower() for t in sub]) if verbs.has_word_rules(lemma) else None
    )
    return verbs.code(lemma, pre, post, None, post_keys)


def code_noun_object(tok: Any, verbs: VerbDict) -> Match | None:
    """The reading of the event noun that is the object (or passive subject) of ``tok``:
    "held talks", "an agreement was reached"; None when there is none."""
    deps = NOUN_DEPS_OCCUR if tok.lemma_.lower() in OCCUR else NOUN_DEPS
    for c in tok.children:
        if c.dep_ in deps:
            code = event_noun(c, verbs)
            if code is not None:
                return Match(code, "curated", 1)
    return None


def event_noun(n: Any, verbs: VerbDict) -> str | None:
    """The code of event noun ``n``: "air strike" before "strike"; a frame noun takes its
    modifier's ("mediation mission", "peace effort"). None when ``n`` names no event."""
    nouns = verbs.nouns
    lemma = n.lemma_.lower()
    comp = ""
    for c in n.children:
        # the nearest modifier: "air strike", "cyber attack", "humanitarian aid"
        if c.dep_ in ("compound", "amod") and c.i < n.i:
            comp = c.lemma_.lower()
    if comp:
        code = nouns.get(comp + " " + lemma)
        if code is not None:
            return code
    code = nouns.get(lemma)
    if (
        code == "041"
        and lemma in DEMAND_NOUNS
        and any(
            c.dep_ in ("acl", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("for", "on"))
            for c in n.children
        )
    ):
        return None  # "renewed its call for a ceasefire" is an appeal, not a phone call
    if code is None and comp and lemma in FRAME_NOUNS:
        code = nouns.get(comp)
    if code == "150" and any(
        c.lower_ in JOINT or (c.dep_ == "prep" and c.lower_ == "with")
        for c in (*n.children, *(n.head.children if n.dep_ in NOUN_DEPS else ()))
    ):
        code = "062"  # "joint exercises", "drills with Japan" are military cooperation
    if code == "143" and lemma == "strike" and strike_on_party(n):
        code = "190"  # "carried out strikes on Idlib" is force, not a labour strike
    return code
