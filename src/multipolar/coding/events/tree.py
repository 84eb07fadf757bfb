"""Dependency-tree helpers of the event stage: pure functions over spaCy tokens that find a
predicate's subject, agent and objects, its negation and modality, and place or group the
actors attached to the parse, plus the small records (:class:`Actor`, :class:`Pred`)
they pass around.

They hold no state and never call back into the other steps of the stage
(:mod:`~multipolar.coding.events.predicates`, :mod:`~multipolar.coding.events.compose`,
:mod:`~multipolar.coding.events.parties`, :class:`~multipolar.coding.events.coder.EventCoder`);
this module must import none of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ...records import Event, Mention, Modality
from ..verbs import Match
from . import roles
from .lexicon import (
    AIRCRAFT,
    APPEAL,
    CHAIN_DEPS,
    CLAUSE,
    CONDITION_MARKS,
    DEMAND,
    FIRST_PERSON,
    FUTURE_AUX,
    HOSTILE,
    HYPOTHETICAL_AUX,
    LEMMA_FIX,
    LIGHT,
    NATURAL,
    NOMINAL,
    OBJ,
    PREP_RANK,
    PROSPECTIVE,
    QUOTES,
    RELATIONAL,
    RELATIVE,
    REPORT,
    REPORTED_ADV,
    REPRISAL,
    SPEECH_NOUNS,
    STRIKE_TARGETS,
    SUBJ,
    SUBJPASS,
    TOPIC_NOUNS,
    VIOLENCE,
    WANT,
    WEEKDAYS,
)


@dataclass(slots=True)
class Actor:
    mention: Mention
    head: Any  # spaCy Token
    tokens: frozenset[int]


@dataclass(slots=True)
class Pred:
    """A coded predicate before roles are filled."""

    verb: Any  # the token whose subject/object give the roles
    code: str
    match: Match
    negated: bool
    modality: Modality
    target_tok: Any | None = None  # the object of an appeal: "urged X to ..."
    absorbed: Any | None = None  # the complement verb now part of this event
    reported_by: Any | None = None


def root_of(code: str) -> int:
    return int(code[:2]) if code[:2].isdigit() else 0


def clause_top(tok: Any) -> Any:
    """The head of the clause ``tok`` completes: "taking" in "which resisted taking ..." ->
    "resisted"."""
    for _ in range(4):
        if tok.dep_ != "xcomp" or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def one_act(events: list[Event], verb_of: dict[int, Any]) -> list[Event]:
    """One act of violence told twice keeps its most specific code: "bombers killed 23 when
    they blew themselves up" is one suicide bombing (1831), not also a fight (19). Two violent
    events are one act when they have the same sides and one's predicate elaborates the
    other's (same clause, adverbial or participial clause, apposition), not a reported one."""
    violent = [e for e in events if root_of(e.cameo) in VIOLENCE and id(e) in verb_of]
    drop: set[int] = set()
    for a in violent:
        for b in violent:
            if a is b or id(a) in drop or id(b) in drop:
                continue
            if (a.source, a.target, a.reciprocal) != (b.source, b.target, b.reciprocal):
                continue
            if _specificity(a.cameo) >= _specificity(b.cameo) and _elaborates(
                verb_of[id(a)], verb_of[id(b)]
            ):
                drop.add(id(b))
    return [e for e in events if id(e) not in drop]


def backdrop(verb: Any) -> bool:
    """An "as" clause sets the scene of the main event: "eased measures ... as authorities
    in Croatia cracked down", "announced ... as street battles raged"; not "so long as",
    "as much as" (a condition, a concession)."""
    t = clause_top(verb)
    for _ in range(3):
        if t.dep_ == "advcl":
            return t.head.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "mark" and c.lower_ == "as" and c.i == t.left_edge.i for c in t.children
            )
        if t.dep_ != "conj" or t.head.i == t.i:
            return False
        t = t.head
    return False


def _specificity(code: str) -> tuple[int, int, bool]:
    """Mass violence and assault name an act more precisely than fighting (19); a sub-code
    more precisely than its root."""
    return ({20: 2, 18: 1}.get(root_of(code), 0), len(code), not code.endswith("0"))


def _elaborates(a: Any, b: Any) -> bool:
    """Whether predicates ``a`` and ``b`` tell one act: the same word, or one inside the
    other's clause without a reported (ccomp) or run-on (parataxis) clause between."""
    if a.i == b.i:
        return True
    for lo, hi in ((a, b), (b, a)):
        t = lo
        for _ in range(8):
            if t.dep_ in ("ccomp", "parataxis") or t.head.i == t.i:
                break
            t = t.head
            if t.i == hi.i:
                return True
    return False


def wants_no_event(tok: Any, lemma: str, match: Match) -> bool:
    """ "aimed to show that ...": wanting to do what is no event is none. The dictionary's
    default for such a verb reads another sense ("aimed missiles at", 190); a demand
    ("wants sanctions lifted", 10) or an appeal keeps its reading."""
    return (
        lemma in WANT
        and match.source == "default"
        and root_of(match.code) not in (1, 2, 10)
        and any(
            c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
            for c in tok.children
        )
    )


def lemma_of(tok: Any) -> str:
    """The verb's lemma, mended where the rule lemmatizer misreads it ("staged" -> "stag")."""
    lemma: str = tok.lemma_.lower()
    return LEMMA_FIX.get(lemma, lemma) if tok.pos_ == "VERB" else lemma


def before_clause(tok: Any) -> bool:
    """True for a clause that has not happened yet: "... before X heads to Y"."""
    t = tok
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("before", "until") for c in t.children):
            return True
        if t.dep_ not in ("conj", "xcomp", "advcl") or t.head.i == t.i:
            return False
        t = t.head
    return False


def comma_cosubjects(verb: Any, subj: Any) -> list[Any]:
    """Names listed before the subject with only a comma between: "Trump, Putin leave ..."."""
    out: list[Any] = []
    doc = verb.doc
    for c in verb.children:
        if (
            c.i < subj.i
            and c.dep_ in ("advcl", "npadvmod", "dep", "nsubj", "appos", "nmod", "compound")
            and c.pos_ == "PROPN"
            and c.right_edge.i + 1 < len(doc)
            and doc[c.right_edge.i + 1].lower_ == ","
            and c.right_edge.i + 2 == subj.left_edge.i
            and c.left_edge.i == 0
        ):
            out.append(c)
    return out


def topic_modifier(a: Actor) -> bool:
    """True for an actor that only qualifies a topic noun: "the Ukraine war summit"."""
    h = a.head
    if h.dep_ not in ("compound", "amod", "nmod", "poss"):
        return False
    if h.head.lemma_.lower() in TOPIC_NOUNS and h.head.dep_ in ("compound", "nmod", "amod"):
        return True
    # flat compounds: "Ukraine war summit" gives both words to "summit"
    doc = h.doc
    return any(
        doc[i].dep_ == "compound"
        and doc[i].head.i == h.head.i
        and doc[i].lemma_.lower() in TOPIC_NOUNS
        for i in range(h.i + 1, h.head.i)
    )


def unknown_actor(verb: Any) -> Actor:
    subj = subject_tok(verb)
    text = " ".join(t.text for t in subj.subtree) if subj is not None else ""
    start = subj.left_edge.idx if subj is not None else verb.idx
    return Actor(Mention(start, start + len(text), text, None, None, "unknown"), verb, frozenset())


def place_actor(verb: Any, actors: list[Actor]) -> list[Actor]:
    """The state named by "in X" on the verb or its subject, standing for unnamed locals."""
    subj = subject_tok(verb)
    for host in (subj, verb, object_of(verb)):
        if host is None:
            continue
        for c in host.children:
            if c.dep_ == "prep" and c.lower_ in ("in", "throughout", "across"):
                for o in c.children:
                    if o.dep_ == "pobj":
                        g = [
                            a
                            for a in group_under(o, actors, ())
                            if is_state(a.mention.code) and roles.is_locative(a.head, c)
                        ]
                        if g:
                            return g[:1]
    return []


def conditional(tok: Any) -> bool:
    """A clause that states a condition or a future point: "unless Baghdad accepts"."""
    return tok.dep_ in ("advcl", "ccomp") and any(
        c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in tok.children
    )


def depth(tok: Any) -> int:
    d = 0
    while tok.head.i != tok.i and d < 100:
        tok = tok.head
        d += 1
    return d


def subject_tok(verb: Any) -> Any | None:
    s, _ = subject_of(verb)
    return s


def subject_of(verb: Any) -> tuple[Any | None, bool]:
    """The subject of ``verb`` and whether it is passive, looking up control/conj chains."""
    if nominal_event(verb):
        return next(c for c in verb.children if c.dep_ == "poss"), False
    tok = verb
    # reached through an infinitive ("Obama is scheduled to attend"): the passive is the
    # governing verb's, the subject does the complement's act
    controlled = False
    for _ in range(6):
        if _noun_purpose(tok):
            tok, controlled = tok.head, True
            continue
        for c in tok.children:
            if c.dep_ in SUBJ or c.dep_ in SUBJPASS:
                if c.lower_ in RELATIVE and tok.dep_ in ("relcl", "acl") and tok.head.i != tok.i:
                    # "Carney, who met Sheinbaum": the relative pronoun stands for its head
                    return tok.head, c.dep_ in SUBJPASS and not controlled
                return c, c.dep_ in SUBJPASS and not controlled
        if (
            tok.dep_ == "acl"
            and tok.tag_ == "VBG"
            and tok.head.lemma_.lower() in SPEECH_NOUNS
            and tok.head.dep_ in ("dobj", "obj")
            and tok.head.head.i != tok.head.i
        ):
            # "X issued a declaration demanding ...": the issuer demands
            tok = tok.head.head
            continue
        if tok.dep_ == "relcl" or (tok.dep_ == "acl" and tok.tag_ in ("VBN", "VBG")):
            return tok.head, tok.tag_ == "VBN"
        if misparsed_main(tok):
            return tok.head, False
        if tok.dep_ in ("xcomp", "conj", "acomp", "advcl") and tok.head.i != tok.i:
            if tok.dep_ == "xcomp":
                obj = object_of(tok.head)
                if obj is not None and tok.head.lemma_.lower() in APPEAL | DEMAND:
                    return obj, False
                controlled = True
            tok = tok.head
            continue
        break
    return None, False


def strike_on_party(n: Any) -> bool:
    """ "strikes against X", "strikes on Idlib": a strike aimed at a party or a place is an
    attack; a labour strike is "on Monday", "over pay", "by workers"."""
    for c in n.children:
        if c.dep_ != "prep" or c.lower_ not in ("on", "against"):
            continue
        for g in c.children:
            if g.dep_ != "pobj" or g.lower_ in WEEKDAYS:
                continue
            if g.pos_ == "PROPN" or g.lemma_.lower() in STRIKE_TARGETS:
                return True
    return False


def shouted_order(tok: Any) -> tuple[Any, Any] | None:
    """(addressee, ordered act) of "shouted at X to <act>", else None."""
    at = next(
        (
            g
            for c in tok.children
            if c.dep_ == "prep" and c.lower_ == "at"
            for g in c.children
            if g.dep_ == "pobj"
        ),
        None,
    )
    if at is None:
        return None
    for c in tok.children:
        if (
            c.dep_ in ("xcomp", "advcl")
            and c.i > at.i
            and c.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
        ):
            return at, c
    return None


def own_sorties(p: Pred, subj: Any) -> bool:
    """Unnamed aircraft or warships that carry out strikes ("a mix of fighters and bombers
    conducted airstrikes"): no party is named and nothing marks them as someone's enemy."""
    if root_of(p.code) not in (15, 18, 19, 20) or lemma_of(p.verb) not in LIGHT | {"fly"}:
        return False
    words = {t.lemma_.lower() for t in subj.subtree}
    return bool(words & AIRCRAFT) and not words & HOSTILE


def nominal_event(tok: Any) -> bool:
    """ "Abe's trip to Washington": an event noun whose possessor is its doer, outside a
    light verb's object (those are coded through the verb: "began his visit")."""
    word = tok.lower_ if tok.lower_ == "talks" else tok.lemma_.lower()
    return (
        tok.pos_ == "NOUN"
        and word in NOMINAL
        and tok.dep_ not in ("dobj", "obj", "ROOT", "compound")
        and any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in tok.children)
    )


def _prospective(tok: Any) -> bool:
    """A nominal event still to come: "Xi's planned visit", "before/ahead of Abe's trip"."""
    if any(c.dep_ == "amod" and c.lower_ in PROSPECTIVE for c in tok.children):
        return True
    if tok.dep_ != "pobj":
        return False
    prep = tok.head
    return bool(prep.lower_ == "before" or (prep.lower_ == "of" and prep.head.lower_ == "ahead"))


def _noun_purpose(tok: Any) -> bool:
    """ "Britain will make a case to escalate the war": the parser reads "a case" as the
    subject of "to escalate", but a to-infinitive takes a subject only after "for"; the noun
    is the light verb's object and the light verb's subject acts."""
    head = tok.head
    if tok.dep_ != "ccomp" or head.i == tok.i or lemma_of(head) not in LIGHT:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "for" for c in tok.children):
        return False
    return any(
        c.dep_ == "nsubj" and c.pos_ == "NOUN" and head.i < c.left_edge.i and c.i < tok.i
        for c in tok.children
    )


def misparsed_main(tok: Any) -> bool:
    """ "Netanyahu, who is ..., called on X to ...": a past-tense verb hung on a root noun as
    its modifier is the sentence's main verb that the parser missed."""
    return (
        tok.dep_ == "acl"
        and tok.tag_ == "VBD"
        and tok.head.dep_ == "ROOT"
        and tok.head.pos_ in ("NOUN", "PROPN")
        and not any(c.dep_ in SUBJ or c.dep_ in SUBJPASS for c in tok.children)
    )


def agent_of(verb: Any) -> Any | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    # "was dismissed as a sham and a violation of law by Ukraine": the parser hangs the
    # agent on the last noun of a prepositional chain; no clause may lie in between
    for t in verb.subtree:
        if t.i <= verb.i or t.lower_ != "by" or t.dep_ not in ("prep", "agent"):
            continue
        h = t.head
        while h.i != verb.i and h.dep_ in CHAIN_DEPS and h.pos_ in ("NOUN", "PROPN", "ADP"):
            h = h.head
        if h.i == verb.i:
            return next((g for g in t.children if g.dep_ == "pobj"), None)
    return None


def object_of(verb: Any) -> Any | None:
    for c in verb.children:
        if c.dep_ in ("dobj", "dative", "obj"):
            return c
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ in ("on", "upon"):
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None


def child_rank(c: Any) -> tuple[int, int] | None:
    if c.dep_ in OBJ:
        return (0, 0)
    if c.dep_ == "prep":
        r = PREP_RANK.get(c.lower_)
        return None if r is None else (1, r)
    if c.dep_ in ("npadvmod", "advmod") and c.pos_ in ("PROPN", "NOUN"):
        return (3, 0)
    if c.dep_ in ("xcomp",):
        return (2, 0)
    return None


def group_under(top: Any, actors: list[Actor], excluded: Iterable[int]) -> list[Actor]:
    """The actor(s) a phrase names: the shallowest actor under ``top`` and its conjuncts."""
    ex = set(excluded)
    sub = {t.i for t in top.subtree} - ex
    inside = [
        a
        for a in actors
        if a.head.i in sub
        and not roles.stance_modifier(a.head, a.tokens)
        and not (a.head.dep_ == "poss" and a.head.head.lemma_.lower() in RELATIONAL)
    ]
    if not inside:
        return []

    def dist(a: Actor) -> int:
        d, t = 0, a.head
        while t.i != top.i and d < 50:
            # a clause inside the phrase ("the rebels who attacked X") is far away
            d += 5 if t.dep_ in CLAUSE else 1
            t = t.head
        return d

    inside.sort(key=dist)
    first = inside[0]
    group = [first]
    base = dist(first)
    extra = roles.conjoined_modifiers(first, inside[1:])
    for a in inside[1:]:
        if (
            a in extra
            or _conjoined(first.head, a.head)
            or (
                dist(a) == base
                and a.head.head.i == first.head.head.i
                and a.head.dep_ == first.head.dep_
            )
        ):
            group.append(a)
    return group


def distance(tok: Any, top: Any) -> int:
    d = 0
    while tok.i != top.i and d < 50 and tok.head.i != tok.i:
        d += 0 if tok.dep_ in ("conj", "appos", "compound", "cc") else 1
        tok = tok.head
    return d


def _conjoined(a: Any, b: Any) -> bool:
    """True when ``b`` is reached from ``a`` (or vice versa) through conj/appos links."""
    for x, y in ((a, b), (b, a)):
        t = y
        for _ in range(8):
            if t.dep_ not in ("conj", "appos") or t.head.i == t.i:
                break
            t = t.head
            if t.i == x.i:
                return True
    # both conjuncts of a third head: "Senior Hungarian and Romanian officials"
    return bool(a.head.i == b.head.i and (a.dep_ == "conj" or b.dep_ == "conj"))


def via_with(t: Actor) -> bool:
    tok = t.head
    for _ in range(6):
        if tok.dep_ == "pobj" and tok.head.lower_ in ("with", "between"):
            return True
        if tok.head.i == tok.i or tok.dep_ in CLAUSE:
            return False
        tok = tok.head
    return False


def natural_subject(verb: Any) -> bool:
    """A subject (or passive agent) that is a natural event or an accident: "floods in X"."""
    subj, passive = subject_of(verb)
    if passive:
        subj = agent_of(verb)
    return subj is not None and subj.lemma_.lower() in NATURAL


def own_group(p: Pred) -> str | None:
    """The sector of an unnamed group the predicate acts on ("arrested protesters"), or None."""
    for v in (p.verb, p.absorbed):
        obj = object_of(v) if v is not None else None
        if obj is not None and obj.pos_ == "NOUN":
            if any(
                t.lower_ in ("anti", "pro") or t.lower_.startswith(("anti-", "pro-"))
                for t in obj.subtree
            ):
                return None  # "the anti-X protesters" are for or against someone, of anyone
            return roles.group_sector(obj)
    return None


def direct_object(t: Actor, p: Pred) -> bool:
    """True when ``t`` is (a conjunct or "of"-owner of) the direct object of the predicate:
    "recognised X", "praised the people of X"."""
    verbs = {p.verb.i} | ({p.absorbed.i} if p.absorbed is not None else set())
    tok = t.head
    for _ in range(6):
        if tok.dep_ in ("dobj", "obj", "dative"):
            return bool(tok.head.i in verbs)
        if tok.head.i == tok.i or tok.dep_ in CLAUSE:
            return False
        if tok.dep_ == "pobj" and tok.head.lower_ != "of":
            return False
        tok = tok.head
    return False


def warning_is_statement(tok: Any) -> bool:
    """Whether warning ``tok`` only says something: its clause ("warned that ...", a quoted
    "...," warned X) names no act the dictionary codes (else the threat was composed from it)
    and holds out no reprisal, nor does the warner say what it will do ("we will ...")."""
    # a quotation before the verb is often parsed as an adverbial clause of it
    quoted = any(c.i < tok.i and c.text in QUOTES for c in tok.children)
    clause = next(
        (c for c in tok.children if c.dep_ == "ccomp" or (quoted and c.dep_ == "advcl")), None
    )
    if clause is None:
        return False
    if any(t.lemma_.lower() in REPRISAL for t in clause.subtree):
        return False
    # "our knife will strike ...", "we will respond": the warner's own future act, wherever
    # the parser put the quotation
    words = {t.lower_ for t in tok.sent}
    return not (words & FIRST_PERSON and words & (FUTURE_AUX | {"would"}))


def is_negated(tok: Any) -> bool:
    for c in tok.children:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ == "never"):
            return True
        if c.dep_ in ("dobj", "nsubjpass") and any(
            g.dep_ == "det" and g.lower_ == "no" for g in c.children
        ):
            return True
    return False


def modality_of(tok: Any) -> Modality:
    if nominal_event(tok):
        return "intended" if _prospective(tok) else "asserted"
    aux = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
    adv = {c.lower_ for c in tok.children if c.dep_ == "advmod"}
    if adv & REPORTED_ADV:
        return "reported"
    for c in tok.children:
        if c.dep_ == "mark" and c.lower_ in ("if", "unless"):
            return "hypothetical"
    if aux & HYPOTHETICAL_AUX:
        if (
            aux & HYPOTHETICAL_AUX == {"would"}
            and tok.dep_ == "ccomp"
            and tok.head.tag_ == "VBD"
            and tok.head.lemma_.lower() in REPORT
        ):
            return "intended"  # "said it would boycott": reported speech's "will"
        return "hypothetical"
    if aux & FUTURE_AUX:
        return "intended"
    return "asserted"


def is_state(code: str | None) -> bool:
    return bool(code) and len(code or "") == 3 and (code or "").isalpha() and (code or "").isupper()


def uniq(actors: list[Actor]) -> list[Actor]:
    seen: set[str | None] = set()
    out = []
    for a in actors:
        if a.mention.code not in seen:
            seen.add(a.mention.code)
            out.append(a)
    return out
