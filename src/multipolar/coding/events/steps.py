"""The sentence-level steps of the event stage that hold no state: attaching actor mentions
to the parse, dropping predicates that report no act, and choosing among a sentence's events.

:meth:`multipolar.coding.events.coder.EventCoder.code_sentence` runs them in order; they
live apart so each step reads on its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from ...records import Event, Mention
from . import precision, roles
from .lexicon import PERSON_OBJECT_CODES, SUBJ, SUBJPASS, UNRESOLVED_KINDS
from .tree import (
    Actor,
    Pred,
    before_clause,
    clause_top,
    conditional,
    misparsed_main,
    natural_subject,
    root_of,
)

# -- what the steps of one sentence share --------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scope:
    """What each predicate of one sentence is coded against."""

    actors: list[Actor]
    carried: list[Mention]  # the previous sentence's main actors, for a leading "it"/"they"
    actor_tokens: set[int]  # the token indices of all actors
    n_preds: int  # how many predicates the sentence has
    scenario: bool  # whether the sentence opens with a scenario label ("Best case: ...")
    date: str | None  # the article's date


@dataclass(slots=True)
class Found:
    """What the predicates of one sentence yield, in the order they are coded."""

    events: list[Event] = field(default_factory=list)  # of the main clauses
    # of adjuncts, backdrops and nominal events: kept only when the main clauses have no dyad
    secondary: list[Event] = field(default_factory=list)
    # with a source the KB does not know: the first is kept only when nothing else is
    fallback: list[Event] = field(default_factory=list)
    # the first named source: what a leading "it"/"they" of the next sentence stands for
    salient: list[Mention] = field(default_factory=list)
    # the verb of each event (by id), to tell one act told twice
    verb_of: dict[int, Any] = field(default_factory=dict)


# -- attach --------------------------------------------------------------------------------


def attach(doc: Any, mentions: Sequence[Mention]) -> list[Actor]:
    """The actors of ``mentions`` attached to the parse ``doc``, each at the head token of
    its span; a mention of an ethnic people is placed in the state it lives in. Mentions with
    no code (unless they still name a party) or no span in the parse are left out."""
    attached = _attach_spans(doc, mentions)
    return [roles.ethnic_resident(a, attached) for a in attached]


def _attach_spans(doc: Any, mentions: Sequence[Mention]) -> list[Actor]:
    out: list[Actor] = []
    for m in mentions:
        if not m.code and m.kind not in UNRESOLVED_KINDS:
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        out.append(Actor(m, span.root, frozenset(range(span.start, span.end))))
    return out


def is_question(text: str) -> bool:
    """Whether sentence ``text`` is a question: it asks whether something happens, it reports
    no event."""
    return text.rstrip().rstrip("\"'”’").endswith("?")


# -- drop non-acts -------------------------------------------------------------------------


def no_act(p: Pred, n_preds: int, scenario: bool, date: str | None) -> bool:
    """Whether predicate ``p`` reports no act, whoever its parties are.

    ``n_preds`` is the number of the sentence's predicates, ``scenario`` whether the sentence
    opens with a scenario label, ``date`` the article's date.
    """
    if (
        before_clause(p.verb)
        or (n_preds > 1 and conditional(p.verb))
        or (p.modality == "hypothetical")
        or scenario
        or precision.unrealized(p.verb)
        or precision.ability_modal(p.verb)
        or (precision.habitual(p.verb) and root_of(p.code) < 14)
    ):
        return True  # what might, could or may happen has not happened
    if precision.background(p.verb, date):
        return True  # "the last time X expelled Y was in 2001": background, not news
    if (
        precision.negated(p.verb, p.code)
        or (p.reported_by is not None and precision.negated(p.reported_by, "010"))
        or precision.self_wish(p.verb, p.absorbed)
        or precision.no_act(p.verb, p.match.source)
    ):
        # "had no talks with X", "hasn't said who ...", "wants to know", "jihadis fighting
        # with X"
        return True
    # "an earthquake struck X", "the quake is blamed for ...": no actor
    return precision.non_agent_subject(p.verb) or (
        root_of(p.code) >= 14 and natural_subject(p.verb)
    )


def no_act_on_parties(
    p: Pred, sources: list[Actor], targets: list[Actor], actor_tokens: set[int]
) -> bool:
    """Whether predicate ``p`` reports no act given its parties: a description in a relative
    clause, a reading that needs a party as object with a thing there, or a weak reading or a
    mood with nobody acted on. ``actor_tokens`` are the token indices of all actors."""
    if (
        not targets
        and clause_top(p.verb).dep_ in ("relcl", "acl")
        and not misparsed_main(clause_top(p.verb))
        and p.reported_by is None
    ):
        # "Moscow, which has resisted a harder line": a relative clause with no other
        # party describes its head, it reports no event
        return True
    person_code = p.code in PERSON_OBJECT_CODES
    released = p.code == "0841"  # what is released is often named by a passive
    if (
        (
            not targets
            # a passive's agent may be read as both parties ("emails released by
            # the department"): the only target is then the source itself
            or (released and {t.mention for t in targets} <= {s.mention for s in sources})
        )
        and (p.match.source == "default" or person_code)
        and precision.thing_object(p.verb, actor_tokens, released)
    ):
        # a reading that needs a party as object with a thing there: "held $1.5
        # trillion in debt" is no detention, "manages a stockpile" no cooperation
        return True
    if not targets and precision.weak_reading(p.match.source, p.code):
        return True  # "Biden spoke in Ohio", "held a White House event": no one acted on
    # "China is eager to seal a deal": a mood, with nobody to deal with
    return not targets and precision.eager(p.absorbed, p.code)


# -- choose among the sentence's events ----------------------------------------------------


def chosen_events(found: Found) -> list[Event]:
    """The events a sentence reports: its main events; its secondary events too when those
    have no dyad; else its first fallback event."""
    events = found.events
    if not any(e.target and e.cameo_root != "01" for e in events):
        # no dyad in the main clause: "Norway, who visited Chile, praised the talks";
        # a bare statement gives way to what it is about: "issued a declaration demanding"
        events += found.secondary
    if not events:
        events = found.fallback[:1]
    return events


def main_actors(found: Found, actors: list[Actor]) -> list[Mention]:
    """The sentence's salient actor for the next sentence: the first named source, else the
    first actor that is a subject, else the first actor."""
    if found.salient:
        return found.salient
    subj = [a.mention for a in actors if a.head.dep_ in SUBJ or a.head.dep_ in SUBJPASS]
    return subj[:1] or [actors[0].mention]
