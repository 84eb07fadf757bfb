"""Which sense of an ambiguous verb a sentence uses.

News prose gives several verbs of PETRARCH's dictionary a sense the dictionary does not
mean: "fired the FBI director" uses no weapon, "attacked the media in tweets" no force,
"called the probe a witch hunt" makes no phone call. Each check here is a short walk over
the verb's children; :mod:`multipolar.coding.events.predicates` and
:mod:`multipolar.coding.events.compose` ask them when they read a verb's code, and
:mod:`multipolar.coding.events.emit` when a bare statement turns out to be a criticism.
"""

from __future__ import annotations

from typing import Any

from ..verbs import Match
from .lexicon import (
    CRITICAL,
    CROWD,
    CROWD_COUNT_NOUNS,
    FIRST_PERSON,
    HONOUR,
    MEDIUM_NOUNS,
    OWN,
    POST_NOUNS,
    REPORT,
    SLUR,
    SPAN_NOUNS,
)
from .tree import is_negated


def naming_call(tok: Any, match: Match) -> Match | None:
    """The reading of "call" ``tok`` when it names its object: "called the probe a witch hunt"
    names it (an object predicate, or spaCy's second object); it is no phone call. Only a
    telling name makes an event of it (a slur criticises, an honour praises); ``match`` is
    returned when nothing is named, None when the name tells nothing."""
    objs = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    named = [c for c in tok.children if c.dep_ == "oprd"] or objs[1:]
    if not named:
        return match
    words = {t.lemma_.lower() for t in named[0].subtree} | {t.lower_ for t in named[0].subtree}
    if words & SLUR:
        return Match("111", "curated", 1)
    if words & HONOUR:
        return Match("051", "curated", 1)
    return None


def dismissed_person(verb: Any) -> bool:
    """Whether "fire"/"sack" ``verb`` takes a person out of a post ("fired the FBI director")
    rather than firing a weapon: a person or post as object, nothing fired at or on."""
    if any(c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "into") for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            # the parser names no entities here; a proper name fired is a person ("fired
            # Comey"), weapons are common nouns ("fired two missiles")
            return c.pos_ == "PROPN" or c.lemma_.lower() in POST_NOUNS
    return False


def verbal_attack(verb: Any) -> bool:
    """Whether "attack" ``verb`` is done with words: for a stated reason ("over the shutdown")
    or in a medium of speech ("in a series of tweets", "on Twitter"). The parser may hang the
    phrase on the object ("attacked Uganda's leader over the deal")."""
    held = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    for c in [*verb.children, *(g for o in held for g in o.children)]:
        if c.dep_ != "prep":
            continue
        objs = [g for g in c.children if g.dep_ == "pobj"]
        if (
            c.lower_ == "over"
            and objs
            and objs[0].pos_ == "NOUN"
            and objs[0].lemma_.lower() not in SPAN_NOUNS
        ):
            return True  # a reason, not a time or a place: "over the shutdown"
        if c.lower_ in ("in", "on", "via", "during") and any(
            t.lemma_.lower() in MEDIUM_NOUNS or t.lower_ in MEDIUM_NOUNS
            for o in objs
            for t in o.subtree
        ):
            return True
    return False


def denies_own_act(verb: Any) -> bool:
    """Whether "deny" ``verb`` has the denier's own act as its complement: "denied meddling",
    "denied that it had sheltered militants", "denied that its troops crossed". CAMEO
    codes that as a denial of responsibility (016); "denied Ukraine's request" rejects."""
    for c in verb.children:
        if not (c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "dobj" and c.tag_ == "VBG")):
            continue
        subj = next((g for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None or subj.lower_ in OWN:
            return True
        if any(g.dep_ == "poss" and g.lower_ in OWN for g in subj.children):
            return True
    return False


def verbal_protest(verb: Any) -> bool:
    """Whether "protest" ``verb`` is one party objecting ("China protested the visit", "a
    rights group protested"), not a crowd in the street ("thousands protested", "students
    protested the fees")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ in ("NNS", "NNPS", "CD") or subj.lemma_.lower() in CROWD:
        return False
    return subj.lemma_.lower() not in CROWD_COUNT_NOUNS


def critical_report(verb: Any) -> bool:
    """Whether reporting verb ``verb`` reports a judgment against someone: its reported clause
    holds a word of negative judgment, not denied ("was not a failure") and not about the
    speaker ("we failed")."""
    if verb.lemma_.lower() not in REPORT:
        return False
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "parataxis", "xcomp"):
            continue
        if any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in FIRST_PERSON for c in clause.children
        ):
            return False
        for t in clause.subtree:
            if t.lemma_.lower() in CRITICAL and not is_negated(t) and not is_negated(t.head):
                return True
    return False
