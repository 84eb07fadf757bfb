"""The event stage: a dependency parse plus actor mentions -> CAMEO/PLOVER events.

How a sentence is coded:

1. Each actor mention is attached to the parse (the head token of its span).
2. Every verb the dictionary knows (:mod:`multipolar.coding.verbs`) is a candidate predicate; its
   code comes from the verb and the words of its phrase (PETRARCH patterns, curated rules).
3. Verbs that govern another verb compose with it instead of standing alone: "agreed to
   provide aid" is an intent to give aid (033), "threatened to attack" a threat of force
   (138), "refused to meet" a rejection (125, negated), "urged X to talk" an appeal to X
   (026), "said X must ..." a demand; a reporting verb ("said", "announced") gives way to the
   event it reports.
4. The source is the grammatical subject (the agent of a passive), the target the object or
   the object of a preposition; coordinated subjects with no other party act together and
   give one reciprocal event per pair.
5. Negation, modality and the ontology fields (quad, pentaclass, Goldstein, PLOVER) are
   filled in last.

Everything that depends on words is data (``data/verbs_curated.tsv``,
``data/cameo_verbs.tsv``) or a small frozen set in :mod:`multipolar.coding.events.lexicon`; per-sentence
work is a walk over the tree (helpers in :mod:`multipolar.coding.events.tree`) with dictionary look-ups.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...records import Event, Mention, Sentence
from ..ontology import Ontology
from ..verbs import NO_EVENT, Match, VerbDict, stem_keys
from . import precision, roles
from .lexicon import (
    ANAPHORA,
    APPEAL,
    ASPECT,
    BARE_STATEMENTS,
    CRITICAL,
    CROWD,
    DEMAND,
    DEMAND_NOUNS,
    DISMISS,
    ENACT,
    FIRST_PERSON,
    FRAME_NOUNS,
    FUTURE_AUX,
    HONOUR,
    HYPOTHETICAL_AUX,
    INTENT,
    INTENT_ADJ,
    JOINT,
    LIGHT,
    MEDIUM_NOUNS,
    MUST_AUX,
    NOUN_DEPS,
    NOUN_DEPS_OCCUR,
    OCCUR,
    OWN,
    OWN_CLAUSE,
    PERSONAL,
    PLAN,
    POST_NOUNS,
    PREPARE,
    PRONOUNS,
    REFUSE,
    REPORT,
    SHOUT,
    SLUR,
    SPAN_NOUNS,
    STANCE_ADJ,
    STREET_ROOTS,
    SUBJ,
    SUBJPASS,
    SYMMETRIC_ROOTS,
    THREAT,
    UNRESOLVED_KINDS,
    WANT,
    WARN,
    WEAPONS,
    WISH,
)
from .tree import (
    Actor,
    Pred,
    agent_of,
    backdrop,
    before_clause,
    child_rank,
    clause_top,
    comma_cosubjects,
    conditional,
    depth,
    direct_object,
    distance,
    group_under,
    is_negated,
    is_state,
    lemma_of,
    misparsed_main,
    modality_of,
    natural_subject,
    nominal_event,
    object_of,
    one_act,
    own_group,
    own_sorties,
    place_actor,
    root_of,
    shouted_order,
    strike_on_party,
    subject_of,
    subject_tok,
    topic_modifier,
    uniq,
    unknown_actor,
    via_with,
    wants_no_event,
    warning_is_statement,
)

VERSION = "0.2.0"


def _naming_call(tok: Any, match: Match) -> Match | None:
    """ "called the probe a witch hunt" names its object (an object predicate, or spaCy's
    second object); it is no phone call. Only a telling name makes an event of it."""
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


def _compose_intent(inner: str, verb_lemma: str) -> tuple[str, str]:
    """(code, modality) for "agree/plan/want to <inner>"."""
    r = root_of(inner)
    if r >= 10:
        # intending harm is a threat in CAMEO: "plans to impose restrictions"
        return ("138" if r in (15, 18, 19, 20) else ("1312" if r == 16 else "130")), "threatened"
    table = {4: "036", 5: "032", 6: "031", 7: "033", 8: "035", 9: "030", 3: inner}
    code = table.get(r, "030")
    if r == 6 and inner in ("061", "062", "063", "064"):
        code = "031" + {"061": "1", "062": "2", "063": "3", "064": "4"}[inner]
    if r == 7 and inner in ("071", "072", "073", "074"):
        code = "033" + {"071": "1", "072": "2", "073": "3", "074": "4"}[inner]
    if r == 8:
        code = {"081": "0351", "085": "0354", "084": "0353", "0841": "0353", "087": "0356"}.get(
            inner, "035"
        )
    if r == 4 and inner in ("045",):
        code = "039"
    if inner.startswith("057"):
        code = "030"
    return code, "intended"


def _compose_threat(inner: str) -> str:
    r = root_of(inner)
    if r in (15, 18, 19, 20):
        return "138"
    if r == 16:
        return "1312" if inner.startswith("163") else "131"
    if r == 17:
        return "137"
    if r == 14:
        return "133"
    if r == 12 or r == 13:
        return inner if r == 13 else "130"
    if r == 8 or r == 7 or r == 4:
        return "131"  # threatening to withdraw/stop something the target gets
    return "130"


def _compose_future(code: str, negated: bool, modality: str) -> tuple[str, str]:
    """(code, modality) for an act announced with "will"/"shall" (CAMEO codes the promise,
    not the act): cooperation becomes intent (03x), dissent, force and restrictions a threat
    (13x): "will boycott the vote" threatens dissent (133)."""
    r = root_of(code)
    if 4 <= r <= 9:
        return (_compose_refuse(code), modality) if negated else _compose_intent(code, "will")
    if r >= 14 and not negated:
        return _compose_threat(code), "threatened"
    return code, modality


def _dismissed_person(verb: Any) -> bool:
    """Whether "fire"/"sack" takes a person out of a post ("fired the FBI director") rather
    than firing a weapon: a person or post as object, nothing fired at or on."""
    if any(c.dep_ == "prep" and c.lower_ in ("at", "on", "upon", "into") for c in verb.children):
        return False
    for c in verb.children:
        if c.dep_ in ("dobj", "obj"):
            # the parser names no entities here; a proper name fired is a person ("fired
            # Comey"), weapons are common nouns ("fired two missiles")
            return c.pos_ == "PROPN" or c.lemma_.lower() in POST_NOUNS
    return False


def _verbal_attack(verb: Any) -> bool:
    """Whether "attack" is done with words: for a stated reason ("over the shutdown") or in a
    medium of speech ("in a series of tweets", "on Twitter"). The parser may hang the phrase
    on the object ("attacked Uganda's leader over the deal")."""
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


def _denies_own_act(verb: Any) -> bool:
    """Whether "deny" has the denier's own act as its complement: "denied meddling",
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


def _subjunctive(clause: Any, verb: Any) -> bool:
    """Whether ``clause`` is a bare-verb "that" clause of ``verb`` with a subject of its own:
    "insisted that Uganda pay" (a mandate), not "insisted that Uganda pays" (a claim)."""
    return (
        clause.dep_ == "ccomp"
        and clause.head.i == verb.i
        and clause.tag_ == "VB"
        and any(c.dep_ == "nsubj" for c in clause.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    )


def _must_demand(tok: Any, match: Match) -> Pred | None:
    """ "said X must <verb the dictionary lacks>" is still a demand on X; so is "insisted that
    X pay", whose bare verb (a subjunctive) carries the "must"."""
    for c in tok.children:
        aux = {a.lower_ for a in c.children if a.dep_ == "aux"}
        if tok.lemma_.lower() == "insist" and not aux and _subjunctive(c, tok):
            aux = {"must"}
        if c.dep_ == "ccomp" and aux & MUST_AUX:
            cs = subject_tok(c)
            if cs is not None and cs.lower_ not in ("we", "i"):
                # "should" advises (an appeal), "must" demands
                code = "100" if "must" in aux else "020"
                return Pred(tok, code, match, False, "asserted", target_tok=cs, absorbed=c)
    return None


def _demand_noun_verb(tok: Any) -> Any | None:
    """The verb whose object is a demand noun governing clause ``tok`` ("its demand that X
    ease ..."), or None."""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in tok.children):
        return None
    if (
        tok.dep_ == "ccomp"
        and tok.head.pos_ == "VERB"
        and any(
            c.dep_ in ("dobj", "obj")
            and c.pos_ == "NOUN"
            and c.lemma_.lower() in DEMAND_NOUNS
            and c.i < tok.i
            for c in tok.head.children
        )
    ):
        return tok.head  # the clause hung on the verb: "reiterated its demand today that X"
    if tok.dep_ not in ("acl", "ccomp") or tok.head.lemma_.lower() not in DEMAND_NOUNS:
        return None
    if tok.head.pos_ not in ("NOUN", "PROPN"):
        return None  # the verb "demanding that X ..." is no demand noun: its own subject demands
    t = tok.head
    for _ in range(3):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            return t
    return None


def _compose_refuse(inner: str) -> str:
    r = root_of(inner)
    # "declined to comment" is a statement of its own (011), not a rejection
    return {
        1: "011",
        3: "121",
        4: "125",
        5: "120",
        6: "121",
        7: "122",
        8: "124",
        9: "120",
        10: "120",
    }.get(r, "120")


def _absorbed(inner: Pred, code: str, match: Match, negated: bool, modality: str) -> Pred:
    """The governing verb's event told through its complement ("refused to meet X",
    "threatened to strike X"): the complement's verb and target, the governor's code."""
    return Pred(
        inner.verb,
        code,
        match,
        negated,
        modality,
        absorbed=inner.verb,
        target_tok=inner.target_tok,
    )


def _compose_appeal(inner: str) -> str:
    r = root_of(inner)
    return {3: "020", 4: "026", 5: "022", 6: "021", 7: "023", 8: "025", 9: "020"}.get(r, "020")


def _compose_demand(inner: str) -> str:
    r = root_of(inner)
    return {4: "106", 6: "101", 7: "102", 8: "105"}.get(r, "100")


def _verbal_protest(verb: Any) -> bool:
    """ "China protested the visit", "a rights group protested": one party objecting, not a
    crowd in the street ("thousands protested", "students protested the fees")."""
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.tag_ in ("NNS", "NNPS", "CD") or subj.lemma_.lower() in CROWD:
        return False
    return subj.lemma_.lower() not in _PEOPLE


_PEOPLE = frozenset("people thousand hundred dozen".split())


def _setting_of_thing(actor: Any, subj: Any) -> bool:
    """ "any deal in Geneva would hurt Iran": a place where a thing is set does not do what
    the thing does; "officials in Beijing said" is another matter (people of the place)."""
    if actor.mention.kind not in ("place", "capital") or actor.head.i == subj.i:
        return False
    if precision.party_noun(subj):
        return False
    t = actor.head
    while t.i != subj.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ in _SETTING_PREPS:
            return True
        t = t.head
    return False


_SETTING_PREPS = frozenset("in at near inside outside across around".split())


def _critical_report(verb: Any) -> bool:
    """Whether a reporting verb reports a judgment against someone: its reported clause holds
    a word of negative judgment, not denied ("was not a failure") and not about the speaker
    ("we failed")."""
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


def _no_act(p: Pred, n_preds: int, scenario: bool, date: str | None) -> bool:
    """Whether predicate ``p`` reports no act, whoever its parties are."""
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


class EventCoder:
    """Codes one parsed sentence at a time; holds the dictionaries, no per-text state
    except the last sentence's salient actor (for a leading "it"/"they")."""

    version: str = VERSION

    def __init__(
        self, ontology: Ontology | None = None, one_sided_disapproval: bool = False
    ) -> None:
        self.ontology = ontology or Ontology.default()
        self.one_sided_disapproval = one_sided_disapproval
        self.verbs = VerbDict.default()
        self._prev: tuple[int, list[Mention]] = (-10, [])

    # -- entry point --------------------------------------------------------------------

    def reset(self) -> None:
        """Forget the previous sentence's actors; call at each new article."""
        self._prev = (-10, [])

    def code_sentence(
        self, sentence: Sentence, doc: Any, mentions: Sequence[Mention], date: str | None
    ) -> list[Event]:
        actors = self._attach(doc, mentions)
        actors = [roles.ethnic_resident(a, actors) for a in actors]
        prev_index, prev_salient = self._prev
        if sentence.text.rstrip().rstrip("\"'”’").endswith("?"):
            # a question asks whether something happens; it reports no event
            self._prev = (sentence.index, [])
            return []
        carried = prev_salient if sentence.index == prev_index + 1 else []
        if not any(a.mention.code for a in actors):
            self._prev = (sentence.index, [])
            return []
        tok_actor: dict[int, Actor] = {}
        for a in actors:
            for i in a.tokens:
                tok_actor[i] = a
        words = [t.lower_ for t in doc]
        preds = self._predicates(doc, words)
        events: list[Event] = []
        fallback: list[Event] = []
        secondary: list[Event] = []
        salient: list[Mention] = []
        verb_of: dict[int, Any] = {}
        scenario = precision.scenario_label(doc)
        for p in preds:
            if _no_act(p, len(preds), scenario, date):
                continue
            src_actors, passive_target = self._source(p, actors, tok_actor, carried)
            if src_actors:
                salient = salient or [a.mention for a in src_actors]
            elif root_of(p.code) in STREET_ROOTS:
                # "Demonstrators in Baghdad blocked roads": the place stands for the actor
                src_actors = place_actor(p.verb, actors)
            tgt_actors = self._target(p, actors, src_actors, passive_target)
            if root_of(p.code) in roles.VIOLENT_ROOTS:
                src_actors, tgt_actors = roles.violent_roles(p.verb, actors, src_actors, tgt_actors)
            if (
                not tgt_actors
                and clause_top(p.verb).dep_ in ("relcl", "acl")
                and not misparsed_main(clause_top(p.verb))
                and p.reported_by is None
            ):
                # "Moscow, which has resisted a harder line": a relative clause with no other
                # party describes its head, it reports no event
                continue
            person_code = p.code in precision.PERSON_OBJECT_CODES
            released = p.code == "0841"  # what is released is often named by a passive
            if (
                (
                    not tgt_actors
                    # a passive's agent may be read as both parties ("emails released by
                    # the department"): the only target is then the source itself
                    or (
                        released
                        and {t.mention for t in tgt_actors} <= {s.mention for s in src_actors}
                    )
                )
                and (p.match.source == "default" or person_code)
                and precision.thing_object(p.verb, set(tok_actor), released)
            ):
                # a reading that needs a party as object with a thing there: "held $1.5
                # trillion in debt" is no detention, "manages a stockpile" no cooperation
                continue
            if not tgt_actors and precision.weak_reading(p.match.source, p.code):
                continue  # "Biden spoke in Ohio", "held a White House event": no one acted on
            if not tgt_actors and precision.eager(p.absorbed, p.code):
                continue  # "China is eager to seal a deal": a mood, with nobody to deal with
            if not src_actors and tgt_actors and root_of(p.code) >= 3:
                # a party the KB does not know ("Amnesty International accused X"): the event
                # is kept with an unknown source, unless the sentence has a better one
                if (
                    p.verb.dep_ not in ("acl", "relcl", "amod", "pcomp")
                    # a dictionary default is too weak a reading to stand without a known
                    # doer, unless a group acts ("They include queries related to X")
                    and (p.match.source != "default" or precision.group_subject(p.verb))
                    and roles.actual(p.verb, p.modality)
                    and any(c.dep_ in SUBJ or c.dep_ in SUBJPASS for c in p.verb.children)
                ):
                    unknown = [unknown_actor(p.verb)]
                    head = subject_tok(p.verb)
                    if head is None or head.lower_ not in PERSONAL:
                        # "he threatened tariffs on Mexico": a pronoun stands for someone
                        # named before, not for unplaced locals of the target's state; the
                        # head word decides, as "He's" brings its clitic into the subtree
                        unknown = roles.domestic_source(
                            unknown, tgt_actors, actors, root_of(p.code)
                        )
                    fallback.extend(self._emit(p, unknown, tgt_actors, date))
                continue
            if tgt_actors or roles.actual(p.verb, p.modality):
                # a one-sided event only when it happened: not "might want", "who resisted"
                src_actors = roles.domestic_source(src_actors, tgt_actors, actors, root_of(p.code))
                tgt_actors = roles.domestic_target(src_actors, tgt_actors, actors, root_of(p.code))
                emitted = self._emit(p, src_actors, tgt_actors, date)
                verb_of.update((id(e), p.verb) for e in emitted)
                if (
                    roles.adjunct(p.verb) or backdrop(p.verb) or nominal_event(p.verb)
                ) and p.reported_by is None:
                    # "met X to discuss Y", "..., killing two": the purpose or circumstance
                    # of the main event, coded only when the main clause has none
                    secondary.extend(emitted)
                else:
                    events.extend(emitted)
        if not any(e.target and e.cameo_root != "01" for e in events):
            # no dyad in the main clause: "Norway, who visited Chile, praised the talks";
            # a bare statement gives way to what it is about: "issued a declaration demanding"
            events += secondary
        if not events:
            events = fallback[:1]
        if not salient:
            subj = [a.mention for a in actors if a.head.dep_ in SUBJ or a.head.dep_ in SUBJPASS]
            salient = subj[:1] or [actors[0].mention]
        self._prev = (sentence.index, salient)
        out = self._dedupe(one_act(events, verb_of))
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
        if doc.text.rstrip().rstrip("\"'”’").endswith("?"):
            return None
        words = [t.lower_ for t in doc]
        preds = self._predicates(doc, words)
        scenario = precision.scenario_label(doc)
        best: tuple[tuple[bool, bool, bool, bool, int, int], str] | None = None
        for p in preds:
            if _no_act(p, len(preds), scenario, date) or precision.eager(p.absorbed, p.code):
                continue
            if precision.weak_reading(p.match.source, p.code) and p.code not in BARE_STATEMENTS:
                # a default with no party known to act on ("the stadium holds 40,000
                # people") is as weak here as in an event; a bare "said" still states
                continue
            if p.code in precision.PERSON_OBJECT_CODES and precision.thing_object(
                p.verb, set(), passive=p.code == "0841"
            ):
                continue  # "held $1.5 trillion in debt" detains nobody
            minor = (
                roles.adjunct(p.verb)
                or backdrop(p.verb)
                or nominal_event(p.verb)
                or (clause_top(p.verb).dep_ in ("relcl", "acl") and p.reported_by is None)
            )
            rank = (
                p.code in BARE_STATEMENTS,  # "X said Y attacked Z" is about the attack
                minor,
                not roles.actual(p.verb, p.modality),
                p.match.source == "default",
                depth(p.verb),
                p.verb.i,
            )
            code = "111" if p.code in BARE_STATEMENTS and _critical_report(p.verb) else p.code
            if best is None or rank < best[0]:
                best = (rank, code)
        return best[1] if best else None

    # -- actors -------------------------------------------------------------------------
    @staticmethod
    def _attach(doc: Any, mentions: Sequence[Mention]) -> list[Actor]:
        out: list[Actor] = []
        for m in mentions:
            if not m.code and m.kind not in UNRESOLVED_KINDS:
                continue
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or len(span) == 0:
                continue
            out.append(Actor(m, span.root, frozenset(range(span.start, span.end))))
        return out

    # -- predicates ---------------------------------------------------------------------
    def _code_verb(self, tok: Any, words: list[str]) -> Match | None:
        lemma = lemma_of(tok)
        if tok.i >= 2 and words[tok.i - 1] == "-":
            # hyphenated verbs split by the tokenizer: "test-fired", "co-hosted"
            joined = words[tok.i - 2] + "-" + lemma
            if self.verbs.known(joined):
                lemma = joined
        if not self.verbs.known(lemma):
            return None
        # the verb's own phrase stops at a nested clause with its own subject
        cut = [
            c
            for c in tok.subtree
            if c.i > tok.i
            and c.dep_ in OWN_CLAUSE
            and (c.dep_ == "advcl" or any(g.dep_ in SUBJ for g in c.children))
        ]
        skip = {t.i for c in cut for t in c.subtree}
        sub = [t for t in tok.subtree if t.i > tok.i and t.dep_ != "punct" and t.i not in skip]
        post = [words[t.i] for t in sub]
        left = tok.left_edge.i
        pre = words[left : tok.i]
        # the verb's words are a subset of the sentence's, so the sentence's stem keys would
        # select no other pattern (VerbDict.code); the lemmas matter to curated rules only
        post_keys = (
            stem_keys(post + [t.lemma_.lower() for t in sub])
            if self.verbs.has_word_rules(lemma)
            else None
        )
        return self.verbs.code(lemma, pre, post, None, post_keys)

    def _code_noun_object(self, tok: Any) -> Match | None:
        deps = NOUN_DEPS_OCCUR if tok.lemma_.lower() in OCCUR else NOUN_DEPS
        for c in tok.children:
            if c.dep_ in deps:
                code = self._event_noun(c)
                if code is not None:
                    return Match(code, "curated", 1)
        return None

    def _event_noun(self, n: Any) -> str | None:
        """The code of an event noun: "air strike" before "strike"; a frame noun takes its
        modifier's ("mediation mission", "peace effort")."""
        nouns = self.verbs.nouns
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

    def _predicates(self, doc: Any, words: list[str]) -> list[Pred]:
        codes: dict[int, Match] = {}
        for tok in doc:
            if tok.pos_ == "VERB" or (tok.pos_ in ("NOUN", "PROPN") and tok.dep_ == "ROOT"):
                m = self._code_verb(tok, words)
                lemma = lemma_of(tok)
                if lemma == "call" and m is not None and m.code in ("041", "020"):
                    m = _naming_call(tok, m)
                if (
                    m is not None
                    and m.code == NO_EVENT
                    and any(c.dep_ == "nsubjpass" for c in tok.children)
                ):
                    # "an agreement was reached with X": the passive puts the pact before a
                    # verb that reads as nothing; only a pact, not "peacekeepers were shipped"
                    nm = self._code_noun_object(tok)
                    if nm is not None and nm.code[:2] in SYMMETRIC_ROOTS:
                        m = nm
                if m is None or lemma in LIGHT or lemma in OCCUR:
                    nm = self._code_noun_object(tok)
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
                if m is not None:
                    codes[tok.i] = m
            elif nominal_event(tok):
                code = self.verbs.nouns.get(tok.lemma_.lower())
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
        preds: list[Pred] = []
        absorbed: set[int] = set()
        # outermost verbs first so that a governing verb absorbs its complement
        order = sorted(codes, key=lambda i: depth(doc[i]))
        for i in order:
            if i in absorbed:
                continue
            tok = doc[i]
            match = codes[i]
            pred = self._compose(tok, match, codes, absorbed)
            if pred is None:
                continue
            preds.append(pred)
        protests = {p.verb.i for p in preds if root_of(p.code) == 14}
        if protests:
            # "rallied to demand X's resignation": the demand is what the protest is for
            preds = [
                p
                for p in preds
                if not (
                    root_of(p.code) == 10
                    and p.verb.dep_ in ("advcl", "xcomp")
                    and p.verb.head.i in protests
                )
            ]
        return preds

    def _complement(self, tok: Any, codes: dict[int, Match]) -> Any | None:
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") and c.i in codes:
                return c
            if c.dep_ == "acomp" and c.lemma_.lower() in INTENT_ADJ:
                for cc in c.children:
                    if cc.dep_ == "xcomp" and cc.i in codes:
                        return cc
        for c in tok.children:
            # "threatened sanctions" has no verb; "called for talks" keeps the noun phrase
            if c.dep_ in ("xcomp", "ccomp"):
                for cc in c.children:
                    if cc.dep_ in ("xcomp", "ccomp") and cc.i in codes:
                        return cc
        return None

    def _compose(
        self, tok: Any, match: Match, codes: dict[int, Match], absorbed: set[int]
    ) -> Pred | None:
        lemma = tok.lemma_.lower()
        negated = is_negated(tok)
        modality = modality_of(tok)
        order = shouted_order(tok) if lemma in SHOUT else None
        if order is not None:
            # "snapped at him to delete the pictures": an order to the one shouted at
            addressee, act = order
            absorbed.add(act.i)
            return Pred(tok, "100", match, negated, modality, target_tok=addressee, absorbed=act)
        inner_tok = self._complement(tok, codes)
        is_adj_intent = any(
            c.dep_ == "acomp" and c.lemma_.lower() in INTENT_ADJ for c in tok.children
        )
        if inner_tok is not None:
            inner = self._compose(inner_tok, codes[inner_tok.i], codes, absorbed)
            absorbed.add(inner_tok.i)
            if inner is None:
                if lemma in REPORT or match.code.startswith("01"):
                    return _must_demand(tok, match)
                if wants_no_event(tok, lemma, match):
                    return None  # "aimed to show ...": see wants_no_event
                return self._simple(tok, match, negated, modality)
            icode = inner.code
            dep = inner_tok.dep_
            obj = object_of(tok)
            if lemma in REPORT and dep in ("ccomp", "xcomp"):
                aux = {
                    c.lower_ for v in (inner_tok, inner.verb) for c in v.children if c.dep_ == "aux"
                }
                if lemma == "insist" and not aux and _subjunctive(inner_tok, tok):
                    aux = {"must"}  # "insisted that X pay": the subjunctive demands
                subj = subject_tok(inner.verb)
                same = subj is None or subj.lower_ in PRONOUNS
                if aux & MUST_AUX and not (subj is not None and subj.lower_ in ("we", "i")):
                    # "X said Y must ..." is a demand by X on Y; "Y should ..." advises, an
                    # appeal (CAMEO 02), unless a "must" is there too
                    return Pred(
                        tok,
                        _compose_appeal(icode) if "must" not in aux else _compose_demand(icode),
                        match,
                        inner.negated,
                        "asserted",
                        target_tok=subj,
                        absorbed=inner.verb,
                    )
                if same and inner.negated and 3 <= root_of(icode) <= 8:
                    # "X said it would not provide aid": a refusal
                    return Pred(
                        inner.verb,
                        _compose_refuse(icode),
                        inner.match,
                        True,
                        "asserted",
                        reported_by=tok,
                        target_tok=inner.target_tok,
                    )
                if (
                    aux & (FUTURE_AUX | HYPOTHETICAL_AUX)
                    and not inner.negated
                    and root_of(icode) not in (1, 2, 13, 14)
                ):
                    code, mod = _compose_intent(icode, lemma)
                    return Pred(
                        inner.verb,
                        code,
                        inner.match,
                        inner.negated,
                        mod,
                        reported_by=tok,
                        target_tok=inner.target_tok,
                    )
                inner.reported_by = tok
                if not same and inner.modality == "asserted":
                    inner.modality = "reported"
                return inner
            if lemma in THREAT:
                return _absorbed(
                    inner, _compose_threat(icode), match, negated or inner.negated, "threatened"
                )
            if lemma in PREPARE and root_of(icode) >= 18 and not negated:
                # "the army prepared to resume shelling": readying force is a show of it
                return _absorbed(inner, "150", match, False, modality)
            if lemma in REFUSE:
                return _absorbed(inner, _compose_refuse(icode), match, True, modality)
            if (lemma in APPEAL or lemma in WANT) and obj is not None and dep == "xcomp":
                return Pred(
                    tok,
                    _compose_appeal(icode),
                    match,
                    negated,
                    modality,
                    target_tok=obj,
                    absorbed=inner.verb,
                )
            if (lemma in DEMAND or lemma in APPEAL) and obj is None and dep == "ccomp":
                # "demanded that Iran release ...": a demand addressed to the clause's subject
                make = _compose_demand if lemma in DEMAND else _compose_appeal
                return Pred(
                    tok,
                    make(icode),
                    match,
                    negated,
                    modality,
                    target_tok=subject_tok(inner_tok),
                    absorbed=inner.verb,
                )
            if lemma in DEMAND and obj is not None:
                return Pred(
                    tok,
                    _compose_demand(icode),
                    match,
                    negated,
                    modality,
                    target_tok=obj,
                    absorbed=inner.verb,
                )
            if (lemma in WISH or tok.lower_ in WISH) and dep == "ccomp":
                # "hoped (that) X would be indicted": a wish about others, not an act
                return None
            if lemma in WANT and tok.dep_ == "advcl" and tok.tag_ == "VBG":
                # "..., seeking to mend ties": a motive given in passing, not an act
                return None
            if lemma in INTENT or lemma in WANT or is_adj_intent or tok.pos_ == "AUX":
                if root_of(icode) >= 14 and lemma not in PLAN and not is_adj_intent:
                    # "pledged to expel": the commitment is coded as the act itself
                    inner.modality = "intended"
                    return inner
                if negated or inner.negated:
                    return _absorbed(inner, _compose_refuse(icode), match, True, modality)
                code, mod = _compose_intent(icode, lemma)
                if modality == "hypothetical":
                    mod = modality  # "might want to", "could agree to"
                return _absorbed(inner, code, match, False, mod)
            if lemma in ENACT and (negated or inner.negated) and 3 <= root_of(icode) <= 9:
                # "voted not to extend the mission": the body refuses it
                return _absorbed(inner, _compose_refuse(icode), match, True, modality)
            if lemma in ASPECT or lemma in ENACT or match.code == NO_EVENT:
                inner.negated = inner.negated or negated
                return inner
            if dep == "xcomp":
                # a verb of its own with a purpose clause: keep the governing verb's event
                return self._simple(tok, match, negated, modality)
            if root_of(match.code) in (1, 11, 12) and dep == "ccomp":
                # "alleged that X helped ...": the allegation is the event, X its target
                pred = self._simple(tok, match, negated, modality)
                if pred is not None:
                    pred.target_tok = subject_tok(inner_tok)
                return pred
            absorbed.discard(inner_tok.i)
        if wants_no_event(tok, lemma, match):
            return None
        if lemma in REPORT or match.code.startswith("01"):
            demand = _must_demand(tok, match)
            if demand is not None:
                return demand
        demander = _demand_noun_verb(tok)
        if demander is not None and not match.code.startswith(("01", "02", "10")):
            # "reiterated its demand that Israel ease ...": a demand by the speaker on Israel
            return Pred(
                demander,
                _compose_demand(match.code),
                match,
                negated,
                "asserted",
                target_tok=subject_tok(tok),
                absorbed=tok,
            )
        return self._simple(tok, match, negated, modality)

    def _simple(self, tok: Any, match: Match, negated: bool, modality: str) -> Pred | None:
        if match.code == NO_EVENT or not match.code[:2].isdigit():
            return None
        code = match.code.split(":")[0]
        lemma = tok.lemma_.lower()
        if root_of(code) in (18, 19):
            code = self._refine_violence(tok, code)
        if lemma == "protest" and code.startswith("14") and _verbal_protest(tok):
            code = "114"  # "China protested the visit": an official complaint, no crowd
        if lemma in WARN and code == "130" and warning_is_statement(tok):
            code = "010"
        elif lemma in THREAT and not code.startswith("13"):
            code = "130"
        if code.startswith("13"):
            modality = "threatened"
        elif code.startswith("03") and modality == "asserted":
            modality = "intended"
        if root_of(code) in (18, 19) and lemma in DISMISS and _dismissed_person(tok):
            return None  # "Trump fired FBI Director James Comey": a job lost, no force
        if lemma == "attack" and root_of(code) in (18, 19) and _verbal_attack(tok):
            code = "111"  # "attacked Trump over the shutdown", "attacked the media in tweets"
        if lemma == "deny" and code == "120" and _denies_own_act(tok):
            code = "016"  # "denied that it had sheltered militants": no rejection of anyone
        if negated and root_of(code) in (3, 4, 5, 6, 7, 8) and lemma in INTENT:
            # "did not agree" is a rejection, still marked negated
            code = "120"
        elif modality == "intended" and lemma not in REPORT:
            # "will provide aid" is a promise (033), "will not" a refusal, "will impose" a threat
            code, modality = _compose_future(code, negated, modality)
        return Pred(tok, code, match, negated, modality)

    def _refine_violence(self, tok: Any, code: str) -> str:
        """Force by a crowd is a riot (145); an attack whose doer, weapon or name is a bombing,
        a suicide attack or a massacre is assault (18x) or mass violence (20x), not
        conventional military force (19): "a suicide bomber attacked", "detonated a car bomb",
        "killed dozens in a massacre"."""
        nouns = [c for c in tok.children if c.dep_ in SUBJ or c.dep_ in ("dobj", "obj")]
        nouns += [
            g
            for c in tok.children
            if c.dep_ in ("prep", "agent") and c.lower_ in ("in", "by", "with")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        for n in nouns:
            if (
                n.dep_ in SUBJ
                and n.lemma_.lower() in CROWD
                and not any(o.lemma_.lower() in WEAPONS for o in nouns)
            ):
                return "145"
            found = self._event_noun(n)
            if found is not None and root_of(found) in (18, 20):
                return found
        return code

    # -- roles --------------------------------------------------------------------------
    def _source(
        self,
        p: Pred,
        actors: list[Actor],
        tok_actor: dict[int, Actor],
        carried: list[Mention],
    ) -> tuple[list[Actor], list[Actor]]:
        verb = p.verb
        subj, passive = subject_of(verb)
        # the reporter speaks for a pronoun subject: "X said it would ..."
        if (subj is None or subj.lower_ in PRONOUNS) and p.reported_by is not None:
            rs, _ = subject_of(p.reported_by)
            if rs is not None and (subj is None or rs.lower_ not in PRONOUNS):
                subj = rs
        passive_target: list[Actor] = []
        if passive and roles.stative_passive(verb):
            passive = False  # "Israel is opposed to ...": the subject holds the attitude
        giver = roles.from_party(verb) if verb.lemma_.lower() in roles.RECEIVE else None
        if giver is not None and subj is not None and not passive:
            # "X received assurances from Y": Y gives, X gets
            g = group_under(giver, actors, ())
            if g:
                return g, group_under(subj, actors, ())
        if passive:
            passive_target = group_under(subj, actors, ()) if subj is not None else []
            agent = agent_of(verb)
            subj = agent
            if (
                agent is None
                and not passive_target
                and p.reported_by is not None
                and root_of(p.code) == 10
            ):
                # "X told parliament that urgent measures were needed to ...": a need stated
                # with no one named to meet it is X's demand
                subj = subject_tok(p.reported_by)
            elif (
                agent is None
                and not passive_target
                and p.reported_by is not None
                and p.code[:2] in SYMMETRIC_ROOTS
                and any(
                    c.dep_ == "prep" and c.lower_ == "with"
                    for h in (verb, *(g for g in verb.children if g.dep_ == "nsubjpass"))
                    for c in h.children
                )
            ):
                # "X said an agreement had been reached with Y": a pact with Y that its own
                # party announces was made by that party
                subj = subject_tok(p.reported_by)
        if subj is None:
            return [], passive_target
        # an actor buried deep in the subject ("80 per cent of Canada's exports") is not it
        # nor one named in a relative clause of it ("X, who was Y's envoy, said"): a description
        described = precision.description_tokens(subj)
        group = [a for a in group_under(subj, actors, described) if distance(a.head, subj) <= 4]
        group = [a for a in group if not _setting_of_thing(a, subj)]
        group = roles.resident_group(subj, group, actors)
        if not passive:
            # a headline's comma list: "Trump, Putin leave summit" (the first is mis-attached)
            for c in comma_cosubjects(verb, subj):
                group += [a for a in group_under(c, actors, ()) if a not in group]
        if not group and subj.lower_ in ANAPHORA:
            # "it"/"they": the nearest actor that is a subject earlier in this sentence,
            # else the previous sentence's main actor
            before = [
                a
                for a in actors
                if a.head.i < subj.i
                and (a.head.dep_ in SUBJ or a.head.head.dep_ in SUBJ)
                # "it" is no person: "Trump salutes a helicopter as it flies over ..."
                and not (subj.lower_ == "it" and a.mention.kind == "leader")
            ]
            if before:
                last = max(before, key=lambda a: a.head.i)
                return [a for a in before if a.head.i == last.head.i], passive_target
            if carried and not any(a.head.i < subj.i for a in actors):
                return [Actor(m, subj, frozenset()) for m in carried], passive_target
        if not group and p.reported_by is not None and own_sorties(p, subj):
            # "fighters and bombers conducted four airstrikes, the Pentagon said": a military
            # reports its own sorties; the reporting state flew them
            rs = subject_tok(p.reported_by)
            if rs is not None:
                rg = [a for a in group_under(rs, actors, ()) if is_state(a.mention.code)]
                if rg:
                    return rg, passive_target
        return group, passive_target

    def _target(
        self, p: Pred, actors: list[Actor], sources: list[Actor], passive_target: list[Actor]
    ) -> list[Actor]:
        if passive_target:
            return passive_target
        src_codes = {a.mention.code for a in sources}
        excluded: set[int] = set()
        for s in sources:
            excluded |= {t.i for t in s.head.subtree} if s.head.dep_ in SUBJ else set(s.tokens)
        subj = subject_tok(p.verb)
        if subj is not None:
            excluded |= {t.i for t in subj.subtree}
        if p.verb.i in excluded:
            # the verb is a relative clause of its subject: "Carney, who met Sheinbaum"
            excluded -= {t.i for t in p.verb.subtree}
        if p.target_tok is not None:
            g = group_under(p.target_tok, actors, excluded)
            if g:
                return g
        best: list[Actor] = []
        best_rank = (99, 99)
        best_place = False
        verbs = [p.verb]
        if p.absorbed is not None and p.absorbed is not p.verb:
            verbs.append(p.absorbed)
        root = root_of(p.code)
        for v in verbs:
            for c in v.children:
                rank = roles.adjust_rank(v, c, root, child_rank(c))
                as_objs = roles.predicative_objects(c)
                if as_objs:
                    rank = (0, 1)
                if rank is None:
                    continue
                if as_objs:
                    objs = as_objs
                elif c.dep_ == "prep":
                    objs = [g for g in c.children if g.dep_ in ("pobj", "pcomp")]
                else:
                    objs = [c]
                for o in objs:
                    g = group_under(o, actors, excluded)
                    g = [
                        a
                        for a in g
                        if not topic_modifier(a)
                        and not roles.border_side(a.head)
                        and roles.prep_hops(a.head, o) <= roles.MAX_PREP_HOPS
                        and not roles.transfer_topic(a.head)
                    ]
                    g = [
                        a
                        for a in g
                        if a.mention.code not in src_codes
                        or not any(
                            roles.same_party(s, a) or roles.own_place(s, a, root) for s in sources
                        )
                    ] or [a for a in g if a.mention.kind not in ("country", "demonym")]
                    r = rank
                    place = False
                    if g and not any(a.mention.code for a in g):
                        r = (r[0] + 5, r[1])  # an unresolved name: anyone named beats it
                    elif g and all(roles.is_locative(a.head, v) for a in g):
                        r = (r[0] + 4, r[1])  # a place: only when no party is named
                        place = True
                    if g and r < best_rank:
                        best, best_rank, best_place = g, r, place
        if best and best_place:
            # the party a demand or threat is addressed to beats the place it is about:
            # "threatened to ban voting in X if Y ran"
            addressed = roles.addressed_party(verbs, root, actors, excluded, group_under)
            if addressed:
                return addressed
            if (root == 4 and not p.code.startswith(("042", "043"))) or p.code.startswith("036"):
                return []  # "talks in Oslo", "to meet in Vienna": the venue is no party
        if not best and root_of(p.code) in (1, 2, 10, 11, 12, 13):
            # "demanded that X cancel ...", "warned that X would ...": X is addressed
            for v in verbs:
                for c in v.children:
                    if c.dep_ == "ccomp":
                        cs = subject_tok(c)
                        if cs is not None:
                            g = group_under(cs, actors, excluded)
                            if g:
                                return g
        if not best:
            best = roles.fallback_target(verbs, root, actors, excluded, group_under)
        return best

    # -- output -------------------------------------------------------------------------
    def _emit(
        self, p: Pred, sources: list[Actor], targets: list[Actor], date: str | None
    ) -> list[Event]:
        if not sources:
            return []
        code = p.code
        root = code[:2]
        # a bare statement with nobody addressed says nothing about alignment; a statement of
        # a kind CAMEO names (declined comment, optimism, responsibility, sympathy) is an event
        if root in ("01",) and not targets and code in BARE_STATEMENTS:
            return []
        if code in BARE_STATEMENTS and targets and _critical_report(p.verb):
            code, root = "111", "11"  # "said Obama had squandered a great opportunity"
        src = uniq(sources)
        src_tokens = {s.head.i for s in src}
        tgt = [t for t in uniq(targets) if t.head.i not in src_tokens]
        # the same state on both sides only when the sides differ ("Sudan's government ... in
        # Sudan"), never two names of one party ("Sarkozy ... the French presidency")
        tgt = [
            t
            for t in tgt
            if not any(
                s.mention.code == t.mention.code
                and (
                    roles.same_party(s, t)
                    or len(src) > 1
                    or (
                        root in SYMMETRIC_ROOTS
                        and not direct_object(t, p)
                        and not roles.receiver(t.head, p.verb)
                    )
                )
                for s in src
            )
        ]
        if not any(s.mention.code for s in src) and not any(t.mention.code for t in tgt):
            return []
        if (
            len(src) >= 2
            and root in SYMMETRIC_ROOTS
            and not any(via_with(t) or direct_object(t, p) for t in tgt)
        ):
            # "A and B held talks on C": C is the topic, A and B the parties; but "A, B and C
            # recognised D" is an act of each on D
            tgt = []
        if len(src) == 1 and len(tgt) > 1:
            tgt = [t for t in tgt if t.mention.code != src[0].mention.code] or tgt[:1]
        info = self.ontology.info(code)
        conf = 0.5 + (0.2 if p.match.source != "default" else 0.0) + (0.1 if tgt else 0.0)
        if p.modality == "reported":
            conf -= 0.1
        if root in ("01", "02"):
            conf -= 0.15
        symmetric = root in SYMMETRIC_ROOTS and ":" in p.match.code
        with_ok = root in SYMMETRIC_ROOTS
        events: list[Event] = []

        def make(s: Actor, t: Actor | None, reciprocal: bool) -> Event:
            return Event(
                sentence_index=0,
                start=0,
                end=0,
                sentence="",
                date=date,
                source=s.mention.code,
                target=t.mention.code if t else None,
                cameo=code,
                cameo_root=info.root,
                quad=info.quad,
                pentaclass=info.pentaclass,
                goldstein=info.goldstein,
                plover=info.plover,
                plover_mode=info.plover_mode,
                plover_context=list(info.plover_context),
                source_sector=s.mention.sector,
                target_sector=t.mention.sector if t else None,
                source_text=s.mention.text,
                target_text=t.mention.text if t else "",
                reciprocal=reciprocal,
                negated=p.negated,
                modality=p.modality,
                confidence=round(min(max(conf, 0.05), 0.95), 2),
            )

        if len(src) >= 2 and not tgt and roles.mutual(root, p.verb, p.absorbed):
            # "A and B agreed/met/clashed": they act on each other; otherwise each acts alone
            for i, a in enumerate(src):
                for b in src[i + 1 :]:
                    if a.mention.code != b.mention.code:
                        events.append(make(a, b, True))
            return events
        for s in src:
            if not tgt and root == "14" and is_state(s.mention.code):
                # a protest with no one named protests against its own government
                own = Mention(s.mention.start, s.mention.end, "", s.mention.code, "GOV", "implied")
                events.append(make(s, Actor(own, s.head, frozenset()), False))
                continue
            sector = own_group(p) if not tgt and root >= "11" and is_state(s.mention.code) else None
            if sector is not None and sector != "REF":  # "will not accept refugees": no dyad
                # "X's police arrested dozens of protesters": a group of X's own is X's
                own = Mention(s.mention.start, s.mention.end, "", s.mention.code, sector, "implied")
                events.append(make(s, Actor(own, s.head, frozenset()), False))
                continue
            if not tgt:
                events.append(make(s, None, False))
            for t in tgt:
                events.append(make(s, t, symmetric or (with_ok and via_with(t))))
        return events

    @staticmethod
    def _dedupe(events: list[Event]) -> list[Event]:
        best: dict[tuple[str | None, str | None, str, bool], Event] = {}
        for e in events:
            pair = (
                tuple(sorted((e.source or "", e.target or "")))
                if e.reciprocal
                else (e.source, e.target)
            )
            k = (pair[0], pair[1], e.cameo_root, e.reciprocal)
            if k not in best or e.confidence > best[k].confidence:
                best[k] = e
        kept = list(best.values())
        # an event without a target repeats one with a target from the same source
        with_target = {(e.source, e.cameo_root) for e in kept if e.target}
        kept = [e for e in kept if e.target or (e.source, e.cameo_root) not in with_target]
        # an event with no one on the receiving end is a fallback: only when the sentence
        # has no dyad, and then only the most confident one
        kept = roles.one_sided_fallback(kept)
        # statements are noise next to a substantive event of the same sentence
        if any(e.cameo_root not in ("01",) for e in kept):
            kept = [e for e in kept if e.cameo_root != "01"]
        return kept
