"""Precision rules of the event stage: what a parse says did *not* happen, or happened to no
party. Each is a short walk over the spaCy tree; :mod:`multipolar.coding.events.coder` asks them before it
emits an event.

News sentences name states and leaders in many clauses that report no event between them:

* **Unrealised clauses**: the complement of "avoid/refrain from", of "allow/enable" (the
  permission may be an event, what it permits has not happened), a plan stated with "the idea
  is to ...", a "when" clause of a habitual or hypothetical "would", a belief about what will
  or will not happen ("believes X is not going to ...") and the body of a scenario label
  ("Best case: ...").
* **Background**: an act dated by an explicit year two or more years before the article
  ("the last time X did Y was in 2001").
* **Things, not parties**: verbs whose CAMEO reading needs a party as object read a thing
  ("held $1.5 trillion in debt" is no detention, "manages a stockpile" no cooperation).
* **Subjects that are no party**: natural events ("the earthquake is blamed for ..."), wars
  and spans of time ("the conflict has killed ...", "the new year kicked off ...").
* **Descriptions**: an actor named inside a relative clause of the subject ("X, who was the
  administration's envoy, told ...") describes the subject; it is not the one who acts. So
  does a participle of any noun but a document's ("jihadis fighting with X"; "a statement
  condemning X" does report the condemnation).
* **Denials, questions, abilities**: "had no talks with X", "did not condemn X" (CAMEO codes
  what happened; a denial it names, "did not agree", is a rejection and stays), "unclear
  whether X backed Y", "believes X can strike", "were able to kill", "reluctant to criticize".
* **Inferences, abilities, weak readings**: "it is clear that X did Y" judges what X did
  rather than reporting it; "X can strike Y" says what X is able to do; a verb's dictionary
  default with nobody acted on ("spoke in Ohio", "held an event") is too weak to be an event.
* **No act of its own**: a wish for one's own uncoded act ("want to know"), a participle of
  attribution ("speaking on condition of anonymity", "citing officials"), and the bare
  "X died", whose subject undergoes it.

Everything that depends on words is a small frozen set in
:mod:`multipolar.coding.events.lexicon`.
"""

from __future__ import annotations

import re
from typing import Any

from .lexicon import (
    ABILITY,
    ASKED,
    ATTRIBUTION,
    AVOID,
    DESIRE,
    DOCUMENT_NOUNS,
    EVIDENT,
    HABITUAL_ADVERBS,
    HYPOTHETICAL_AUX,
    NATURAL,
    NON_AGENT_NOUNS,
    OPINION,
    PERMIT,
    PERSON_NOUNS,
    POSSIBILITY_AUX,
    PREDICTION_AUX,
    RELATIVE,
    SCENARIO_NOUNS,
    SELF_WISH,
    UNDERGO,
    WHEN_MARKS,
)
from .roles import group_sector
from .tree import is_negated

_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)$")
# years this far before the article's are background
BACKGROUND_YEARS = 2


def unrealized(verb: Any) -> bool:
    """Whether ``verb`` sits in a clause that says its act has not happened: avoided,
    only permitted, planned ("the idea is to ..."), habitual or hypothetical ("when ..., she
    would ..."), or a belief about the future ("believes X is not going to ...")."""
    t = verb
    for _ in range(8):
        head = t.head
        if head.i == t.i:
            return False
        hl = head.lemma_.lower()
        if t.dep_ in ("xcomp", "ccomp", "pcomp", "prep") and hl in AVOID:
            return True  # "avoids signing", "refrained from attacking"
        if t.dep_ in ("xcomp", "ccomp") and hl in PERMIT:
            return True  # "allows X to carry out ...": permitted, not done
        if (
            t.dep_ in ("xcomp", "ccomp")
            and hl == "be"
            and head.pos_ == "AUX"
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children)
        ):
            return True  # "the idea is to make X ...", "the plan is to ..."
        if (
            t.dep_ == "advcl"
            and any(c.lower_ in WHEN_MARKS and c.dep_ in ("advmod", "mark") for c in t.children)
            and any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in head.children)
        ):
            return True  # "when staff asked, she would share ...": a habit, not one act
        if t.dep_ == "ccomp" and hl in OPINION and (_prediction(t) or _possible(t)):
            return True  # "believes X is not going to contain Y", "believes it can kill"
        if t.dep_ in ("ccomp", "advcl", "xcomp", "pcomp") and any(
            c.dep_ == "mark" and c.lower_ == "whether" for c in t.children
        ):
            return True  # "it is unclear whether X supported Y": a question, not a report
        if t.dep_ in ("ccomp", "advcl") and _evident_frame(head):
            return True  # "it's clear that X deployed ...": a judgment, not a report
        if t.dep_ == "xcomp" and head.pos_ == "ADJ" and hl in ABILITY:
            return True  # "were able to kill", "have been leery to criticize"
        if t.dep_ not in ("xcomp", "ccomp", "conj", "pcomp", "prep", "advcl"):
            return False
        t = head
    return False


def _evident_frame(head: Any) -> bool:
    """ "it is clear (to them)", "it's obvious": an "it" subject with an adjective of
    inference as the predicate."""
    return any(c.dep_ == "acomp" and c.lemma_.lower() in EVIDENT for c in head.children) and any(
        c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children
    )


def habitual(verb: Any) -> bool:
    """ "The EU always seeks consensus", "has agreed to freeze it many times already": a
    habit or a pattern over time is no one act on a day. (Force reported as routine, "soldiers
    routinely beat detainees", is reported abuse, which CAMEO codes; the caller decides.)"""
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in HABITUAL_ADVERBS:
            return True
        if (
            c.dep_ in ("npadvmod", "advmod", "dobj")
            and c.lemma_.lower() == "time"
            and any(g.lower_ == "many" for g in c.children)
        ):
            return True
    return False


def ability_modal(verb: Any) -> bool:
    """ "X can strike Y", "they can already see": what a party is able to do is not what it
    did. A denial ("cannot accept") is left to the refusal readings."""
    return any(c.dep_ == "aux" and c.lower_ == "can" for c in verb.children) and not any(
        c.dep_ == "neg" for c in verb.children
    )


def weak_reading(source: str, code: str) -> bool:
    """A verb's dictionary default (no pattern, no curated line) is too weak a reading to stand
    with nobody on the receiving end: "Biden spoke in Ohio", "held a White House event", "led
    the questioning" report no event. A demand (10) is the default's own sense ("Tehran
    wants the fleets gone")."""
    return source == "default" and not code.startswith("10")


def _prediction(clause: Any) -> bool:
    """A clause about the future: "will", "would", "is (not) going to"."""
    for c in clause.children:
        if c.dep_ == "aux" and c.lower_ in PREDICTION_AUX:
            return True
    return clause.lemma_.lower() == "go" and any(
        c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in clause.children
    )


def _possible(clause: Any) -> bool:
    """A clause of what can or may be: "it can kill", "they might strike"."""
    return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUX for c in clause.children)


def scenario_label(doc: Any) -> bool:
    """A sentence opened by a scenario label ("Best case: ...", "Worst-case scenario: ..."):
    what follows is imagined."""
    for t in doc[:5]:
        if t.text == ":":
            return any(w.lemma_.lower() in SCENARIO_NOUNS and w.pos_ == "NOUN" for w in doc[: t.i])
    return False


def _year_of(tok: Any) -> int | None:
    """The year a date phrase names: "2001", "March 2001", "March 5, 2001"."""
    if _YEAR.match(tok.text):
        return int(tok.text)
    for c in tok.children:
        if c.dep_ in ("nummod", "npadvmod", "appos") and _YEAR.match(c.text):
            return int(c.text)
    return None


def event_year(verb: Any) -> int | None:
    """The year an explicit date on ``verb``'s clause, or on a clause it describes, gives
    it: "in 2001, X expelled ...", "the last time X expelled ... was in 2001". "Since 2001"
    says something lasts until now and gives none."""
    t = verb
    for _ in range(6):
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "during", "on"):
                for g in c.children:
                    if g.dep_ == "pobj":
                        y = _year_of(g)
                        if y is not None:
                            return y
            elif c.dep_ == "npadvmod" and c.i != verb.i:
                y = _year_of(c)
                if y is not None:
                    return y
        # a date on the clause the verb describes: up through a relative clause to its
        # noun, and from that noun to the copula it is the subject of
        if t.dep_ in ("relcl", "acl", "conj", "xcomp", "advcl") or (
            t.dep_ in ("nsubj", "attr") and t.head.pos_ == "AUX"
        ):
            if t.head.i == t.i:
                return None
            t = t.head
            continue
        return None
    return None


def background(verb: Any, date: str | None) -> bool:
    """An act dated years before the article: background, not news."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return False
    year = event_year(verb)
    return year is not None and year <= int(date[:4]) - BACKGROUND_YEARS


def non_agent_subject(verb: Any) -> bool:
    """A subject that is no party: a natural event, a war as such or a span of time ("the
    earthquake is blamed", "the conflict has killed", "the new year kicked off")."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in NON_AGENT_NOUNS:
            return c.dep_ == "nsubj" or c.lemma_.lower() in NATURAL
        if c.dep_ == "agent" and any(
            g.dep_ == "pobj" and g.lemma_.lower() in NATURAL for g in c.children
        ):
            return True
    return False


def party_noun(tok: Any) -> bool:
    if tok.pos_ in ("PRON", "PROPN"):
        return True  # "detained him", an unknown name: may well be a party
    if tok.lemma_.lower() in PERSON_NOUNS or tok.lower_ in PERSON_NOUNS:
        return True
    return group_sector(tok) is not None


def _patients(verb: Any, passive: bool) -> list[Any]:
    """What ``verb`` acts on: its object; with ``passive``, also the subject of its passive
    ("the memo was released"), or the noun a passive participle or relative clause describes
    ("emails released by the department", "the letter that Grassley released")."""
    if not passive:
        return [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    out = [c for c in verb.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
    out = [verb.head if c.lower_ in RELATIVE and verb.dep_ == "relcl" else c for c in out]
    if not out and verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        out = [verb.head]
    return out


def thing_object(verb: Any, actor_tokens: set[int], passive: bool = False) -> bool:
    """Whether ``verb``'s direct object is a thing: neither an actor nor a person or group
    ("held $1.5 trillion", "manages a stockpile", "salutes a helicopter"). With ``passive``,
    what a passive acts on counts too ("emails released by the department")."""
    for c in _patients(verb, passive):
        # an actor that only modifies the thing does not make it a party: "a U.S. Border
        # Patrol helicopter", "X's assets"
        if c.i in actor_tokens or party_noun(c):
            return False
        for g in c.children:  # "dozens of people", "members of the group"
            if (
                g.dep_ == "prep"
                and g.lower_ == "of"
                and any(
                    o.i in actor_tokens or party_noun(o) for o in g.children if o.dep_ == "pobj"
                )
            ):
                return False
        return c.pos_ in ("NOUN", "NUM", "SYM")
    return False


def description_tokens(subj: Any) -> set[int]:
    """The tokens of relative clauses inside a subject phrase ("X, who was
    the administration's envoy, ..."): an actor named there describes the subject, it is not
    the one who acts."""
    out: set[int] = set()
    for t in subj.subtree:
        # not a participle ("a report released in X", "a group based in X"): that says
        # where the subject comes from, which is who it is
        if t.i != subj.i and t.dep_ == "relcl" and t.pos_ in ("VERB", "AUX"):
            out.update(x.i for x in t.subtree)
    return out


def group_subject(verb: Any) -> bool:
    """Whether ``verb``'s subject is a common noun for people or a group ("insurgents",
    "security forces"): a party even when the KB does not name it."""
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            return c.pos_ == "NOUN" and party_noun(c)
    return False


def negated(verb: Any, code: str) -> bool:
    """Whether the act of ``verb`` itself is denied ("had no discussions with X", "did not
    mention X"): CAMEO codes what happened. A denial CAMEO names is an event: "did not agree"
    and "refused to meet" are rejections (12), "declined to comment" a statement (011). Only
    the verb's own negation counts (the predicate's flag also holds a negated complement:
    "insisted that Iran should not get X" is a demand that was made)."""
    if code[:2] == "12" or code == "011":
        return False
    return is_negated(verb)


def self_wish(verb: Any, absorbed: Any | None) -> bool:
    """A wish for one's own act whose act has no code ("they want to know ...", "he wants to
    hand X money", "will need to be vigilant"): no demand, for nobody else is to act."""
    if absorbed is not None or verb.lemma_.lower() not in SELF_WISH:
        return False
    if any(c.dep_ in ("dobj", "obj", "nsubj") and c.i > verb.i for c in verb.children):
        return False  # "wants X to leave", "wants sanctions lifted": a demand on X
    return any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        for c in verb.children
    )


def no_act(verb: Any, source: str) -> bool:
    """Verbs in positions that report no act of their own: a participle of attribution
    ("speaking on condition of anonymity", "citing officials"), a participle that describes
    a noun ("jihadis fighting with X": who they are, not what happened), and the bare
    dictionary reading of a verb whose subject undergoes it ("1,000 people died")."""
    lemma = verb.lemma_.lower()
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and lemma in ATTRIBUTION:
        return True
    if lemma in ASKED and verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children):
        # "Asked about the deal, the ambassador said ...", "was asked if ...": a reporter's
        # question put to the subject, who appeals to no one
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() not in DOCUMENT_NOUNS:
        return True
    return source == "default" and lemma in UNDERGO


def eager(absorbed: Any | None, code: str) -> bool:
    """An intent (03) read from an adjective of desire ("is keen to show progress", "eager to
    seal a deal"): with no party named to cooperate with, a mood, not an expressed intent."""
    return (
        code[:2] == "03"
        and absorbed is not None
        and absorbed.dep_ == "xcomp"
        and absorbed.head.pos_ == "ADJ"
        and absorbed.head.lemma_.lower() in DESIRE
    )
