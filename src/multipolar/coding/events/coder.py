"""The event stage: a dependency parse plus actor mentions -> CAMEO/PLOVER events.

How a sentence is coded (:meth:`EventCoder.code_sentence`), step by step:

1. **Attach** (:mod:`~multipolar.coding.events.steps`): each actor mention is attached to
   the parse (the head token of its span).
2. **Find predicates** (:mod:`~multipolar.coding.events.predicates`): every verb the
   dictionary knows (:mod:`multipolar.coding.verbs`) is a candidate predicate; its code
   comes from the verb and the words of its phrase (PETRARCH patterns, curated rules).
3. **Compose** (:mod:`~multipolar.coding.events.compose`): verbs that govern another verb
   compose with it instead of standing alone: "agreed to provide aid" is an intent to give
   aid (033), "threatened to attack" a threat of force (138), "refused to meet" a rejection
   (125, negated), "urged X to talk" an appeal to X (026), "said X must ..." a demand; a
   reporting verb ("said", "announced") gives way to the event it reports.
4. **Drop non-acts** (:mod:`~multipolar.coding.events.steps`, with the rules of
   :mod:`~multipolar.coding.events.precision`): what might happen, what is denied, wished
   or only described is no event.
5. **Assign parties** (:mod:`~multipolar.coding.events.parties`): the source is the
   grammatical subject (the agent of a passive), the target the object or the object of a
   preposition; coordinated subjects with no other party act together and give one
   reciprocal event per pair.
6. **Emit** (:mod:`~multipolar.coding.events.emit`): negation, modality and the ontology
   fields (quad, pentaclass, Goldstein, PLOVER) are filled in last; then the sentence's
   events are chosen and deduplicated.

Everything that depends on words is data (``data/verbs_curated.tsv``,
``data/cameo_verbs.tsv``) or a small frozen set in :mod:`multipolar.coding.events.lexicon`;
per-sentence work is a walk over the tree (helpers in :mod:`multipolar.coding.events.tree`)
with dictionary look-ups.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...records import Event, Mention, Sentence
from ..ontology import Ontology
from ..verbs import VerbDict
from . import precision, roles
from .compose import compose_predicates
from .emit import dedupe, emit
from .lexicon import BARE_STATEMENTS, PERSON_OBJECT_CODES
from .parties import find_parties, unknown_source
from .predicates import candidate_codes
from .senses import critical_report
from .steps import (
    Found,
    Scope,
    attach,
    chosen_events,
    is_question,
    main_actors,
    no_act,
    no_act_on_parties,
)
from .tree import Pred, backdrop, clause_top, depth, nominal_event, one_act, root_of

VERSION = "0.2.0"


class EventCoder:
    """Codes one parsed sentence at a time; holds the dictionaries, no per-text state
    except the last sentence's salient actor (for a leading "it"/"they").

    ``ontology`` gives each CAMEO code its fields (the default ontology when None);
    ``one_sided_disapproval`` keeps disapproval events (CAMEO 11) that name no target.
    """

    version: str = VERSION

    def __init__(
        self, ontology: Ontology | None = None, one_sided_disapproval: bool = False
    ) -> None:
        self.ontology = ontology or Ontology.default()
        self.one_sided_disapproval = one_sided_disapproval
        self.verbs = VerbDict.default()
        # (index, main actors) of the last sentence coded: a leading "it"/"they" of the
        # next sentence may stand for them
        self._prev: tuple[int, list[Mention]] = (-10, [])

    # -- entry point -----------------------------------------------------------------------

    def reset(self) -> None:
        """Forget the previous sentence's actors; call at each new article."""
        self._prev = (-10, [])

    def code_sentence(
        self, sentence: Sentence, doc: Any, mentions: Sequence[Mention], date: str | None
    ) -> list[Event]:
        """The events of ``sentence``, parsed as ``doc``, with the actor ``mentions`` found in
        it, in an article of ``date`` (ISO date or None).

        The steps: attach the mentions to the parse; find the candidate predicates and
        compose them; for each predicate drop it if it reports no act, else assign its
        parties and emit its events; then choose among the sentence's events and dedupe
        them. The sentence's main actor is remembered for the next sentence.
        """
        actors = attach(doc, mentions)
        prev_index, prev_salient = self._prev
        if is_question(sentence.text):
            # a question asks whether something happens; it reports no event
            self._prev = (sentence.index, [])
            return []
        carried = prev_salient if sentence.index == prev_index + 1 else []
        if not any(a.mention.code for a in actors):
            self._prev = (sentence.index, [])
            return []
        preds = self._predicates(doc)
        scope = Scope(
            actors=actors,
            carried=carried,
            actor_tokens={i for a in actors for i in a.tokens},
            n_preds=len(preds),
            scenario=precision.scenario_label(doc),
            date=date,
        )
        found = Found()
        for p in preds:
            self._code_predicate(p, scope, found)
        events = chosen_events(found)
        self._prev = (sentence.index, main_actors(found, actors))
        return self._final(events, found.verb_of)

    def _predicates(self, doc: Any) -> list[Pred]:
        """Steps 2 and 3: the candidate predicates of ``doc``, composed."""
        words = [t.lower_ for t in doc]
        codes = candidate_codes(doc, words, self.verbs)
        return compose_predicates(doc, codes, self.verbs)

    def _code_predicate(self, p: Pred, scope: Scope, found: Found) -> None:
        """Steps 4 to 6 for predicate ``p``: drop it if it reports no act, else assign its
        parties and add its events to ``found`` (main, secondary or fallback events)."""
        if no_act(p, scope.n_preds, scope.scenario, scope.date):
            return
        named, sources, targets = find_parties(p, scope.actors, scope.carried)
        if named:
            found.salient = found.salient or [a.mention for a in named]
        if no_act_on_parties(p, sources, targets, scope.actor_tokens):
            return
        root = root_of(p.code)
        if not sources and targets and root >= 3:
            # a party the KB does not know ("Amnesty International accused X"): the event
            # is kept with an unknown source, unless the sentence has a better one
            unknown = unknown_source(p, targets, scope.actors)
            if unknown is not None:
                found.fallback.extend(emit(p, unknown, targets, scope.date, self.ontology))
            return
        if not targets and not roles.actual(p.verb, p.modality):
            return  # a one-sided event only when it happened: not "might want", "who resisted"
        sources = roles.domestic_source(sources, targets, scope.actors, root)
        targets = roles.domestic_target(sources, targets, scope.actors, root)
        emitted = emit(p, sources, targets, scope.date, self.ontology)
        found.verb_of.update((id(e), p.verb) for e in emitted)
        if (
            roles.adjunct(p.verb) or backdrop(p.verb) or nominal_event(p.verb)
        ) and p.reported_by is None:
            # "met X to discuss Y", "..., killing two": the purpose or circumstance
            # of the main event, coded only when the main clause has none
            found.secondary.extend(emitted)
        else:
            found.events.extend(emitted)

    def _final(self, events: list[Event], verb_of: dict[int, Any]) -> list[Event]:
        """The sentence's ``events`` with one act told twice kept once, deduplicated, and
        without one-sided disapproval unless asked for."""
        out = dedupe(one_act(events, verb_of))
        if not self.one_sided_disapproval:
            # Disapproval (CAMEO 11: criticise, accuse, complain) is aimed at someone; with
            # no party named as its target it is half an event, as in PETRARCH's dyadic
            # coding: "France condemned as unacceptable allegations ...". The sentence keeps
            # its class (``sentence_code``).
            out = [e for e in out if e.target is not None or e.cameo_root != "11"]
        return out

    def sentence_code(self, doc: Any, date: str | None = None) -> str | None:
        """The CAMEO code of a parsed sentence's main act, whoever its parties are; None when
        the sentence reports no act.

        A sentence-level label (a Phoenix pentaclass) has a class even where the KB places
        nobody ("Police fired tear gas at protesters"); an event needs its parties, so this
        reading never becomes one. The main clause outranks adjuncts, relative clauses and
        scene-setting "as" clauses; a curated or pattern reading outranks a verb's default
        (a default stands only if it is a statement or a demand); then the act nearest the
        root wins. A bare "said" frames what it reports, so it gives
        the statement it is (010) only when it reports no act.
        """
        if is_question(doc.text):
            return None
        preds = self._predicates(doc)
        scenario = precision.scenario_label(doc)
        best: tuple[tuple[bool, bool, bool, bool, int, int], str] | None = None
        for p in preds:
            if no_act(p, len(preds), scenario, date) or precision.eager(p.absorbed, p.code):
                continue
            if precision.weak_reading(p.match.source, p.code) and p.code not in BARE_STATEMENTS:
                # a default with no party known to act on ("the stadium holds 40,000
                # people") is as weak here as in an event; a bare "said" still states
                continue
            if p.code in PERSON_OBJECT_CODES and precision.thing_object(
                p.verb, set(), passive=p.code == "0841"
            ):
                continue  # "held $1.5 trillion in debt" detains nobody
            rank = _main_act_rank(p)
            code = "111" if p.code in BARE_STATEMENTS and critical_report(p.verb) else p.code
            if best is None or rank < best[0]:
                best = (rank, code)
        return best[1] if best else None


def _main_act_rank(p: Pred) -> tuple[bool, bool, bool, bool, int, int]:
    """How far predicate ``p`` is from being a sentence's main act (lower is nearer): a bare
    statement, a minor clause, what did not happen, a dictionary default, depth, position."""
    minor = (
        roles.adjunct(p.verb)
        or backdrop(p.verb)
        or nominal_event(p.verb)
        or (clause_top(p.verb).dep_ in ("relcl", "acl") and p.reported_by is None)
    )
    return (
        p.code in BARE_STATEMENTS,  # "X said Y attacked Z" is about the attack
        minor,
        not roles.actual(p.verb, p.modality),
        p.match.source == "default",
        depth(p.verb),
        p.verb.i,
    )
