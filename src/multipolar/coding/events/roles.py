"""Role helpers for the event stage: who is source and who is target of a coded predicate.

:mod:`multipolar.coding.events.parties` finds a predicate's grammatical subject and objects;
the conventions here refine that first guess. Each is a walk of a few tokens over the spaCy tree:

* **Places are not parties** ("blocked streets in Hong Kong", "met in Zurich"): an actor that
  is only the place where something happened is never taken from a prepositional phrase as
  the target, except for
* **violence in a place** (CAMEO convention): when a material-conflict event (coerce,
  assault, fight, mass violence) names no victim, the population of the place where it
  happened is the target ("Israeli tanks shelled positions in Gaza" -> ISR->PSE); when it
  names no perpetrator, the attacker is read off the instrument ("killed in Israeli tank
  shelling") or, failing that, the place ("a roadside bomb near an Iraqi town killed two US
  soldiers" -> IRQ->USA).
* **Stative passives** ("Israel is opposed to ...", "Vietnam is committed to ...") have
  their subject as the doer, not the one done to.
* **Receiving** ("X received assurances from Y") turns the roles round: Y gives, X gets.
* **Conditions of a threat** ("threatened to ... unless Y withdraws") address Y.
* **Coordinated modifiers** ("Hungarian and Romanian officials") name two parties.

Everything that depends on words is a small frozen set in
:mod:`multipolar.coding.events.lexicon`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from ...records import Modality
from .lexicon import (
    ADJUNCT_DEPS,
    BORDER_NOUNS,
    COMPLAIN,
    DOMESTIC_PLACE_ROOTS,
    EXTRA_PARTY_NOUNS,
    HYPOTHETICAL_AUX,
    LEAVE,
    LOC_PREPS,
    MUTUAL,
    PLACE_KINDS,
    PLACE_NOUNS,
    RECEIVE,
    SPEECH_NOUNS,
    STANCE_PREFIXES,
    STATE_KINDS,
    STATIVE_PASSIVE,
    THREAT_CONDITION_MARKS,
    THREAT_VERBS,
    TRANSFER_NOUNS,
    VIOLENT_ROOTS,
    WISH_VERBS,
)


def locative(head: Any, top: Any | None = None) -> Any | None:
    """The locative preposition that makes the token ``head`` a place, or None.

    ``head`` is a place when it is (a modifier of) the object of "in/near/..." directly, or
    through "of" after a place noun ("in the east of the Gaza Strip", "outside the Iraqi
    city of Basra"). The walk stops at ``top``.
    """
    t = head
    for _ in range(8):
        if top is not None and t.i == top.i:
            return None
        dep = t.dep_
        if dep in ("compound", "amod", "nmod", "poss", "appos", "conj", "flat"):
            h = t.head
            if dep != "conj" and h.pos_ != "PROPN" and h.lemma_.lower() not in PLACE_NOUNS:
                return None  # "in Israeli tank shelling": a modifier of a thing, not a place
            t = h
            continue
        if dep == "pobj":
            prep = t.head
            word = prep.lower_
            if word in LOC_PREPS:
                return prep
            if word == "of" and prep.head.lemma_.lower() in PLACE_NOUNS:
                t = prep.head
                continue
        return None
    return None


def is_locative(head: Any, top: Any | None = None) -> bool:
    return locative(head, top) is not None


def place_under(tokens: Iterable[Any], actors: list[Any], state: bool = True) -> list[Any]:
    """Actors named as the place of an event under the preps in ``tokens``' children.

    Looks at the locative phrases of each token and, one level down, of its object nouns
    ("fired shells at targets in Jericho", "shelling in the Gaza Strip").
    """
    hosts: list[Any] = []
    for tok in tokens:
        if tok is None:
            continue
        hosts.append(tok)
        for c in tok.children:
            if c.dep_ in ("dobj", "obj", "advcl", "xcomp"):
                hosts.append(c)
            elif c.dep_ == "prep" and c.lower_ not in LOC_PREPS:
                hosts.extend(g for g in c.children if g.dep_ == "pobj")
    for host in hosts:
        for c in host.children:
            if c.dep_ != "prep" or c.lower_ not in LOC_PREPS:
                continue
            sub = {t.i for t in c.subtree}
            found = [
                a
                for a in actors
                if a.head.i in sub
                and is_locative(a.head, c)
                and (not state or _is_state(a.mention.code))
                and not border_side(a.head)
            ]
            if found:
                found.sort(key=lambda a: a.head.i)
                return found[:1]
    return []


def border_side(head: Any) -> bool:
    """ "on the Thai border": a border names a side, the place may lie on the other. Not
    "closed the Georgian border", where the border is what is acted on."""
    b = head.head
    return bool(
        head.dep_ in ("amod", "compound")
        and b.lemma_.lower() in BORDER_NOUNS
        and b.dep_ == "pobj"
        and b.head.lower_ in LOC_PREPS | {"on", "at", "to", "from"}
    )


def instrument_actor(verb: Any, actors: list[Any]) -> list[Any]:
    """The party behind the means of a passive attack: "killed in Israeli tank shelling".

    Only a modifier of the prepositional object counts; the object itself is a place
    ("killed in Gaza").
    """
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ not in ("in", "by", "from", "under", "during", "amid"):
            continue
        for o in c.children:
            if o.dep_ != "pobj":
                continue
            for a in actors:
                h = a.head
                if (
                    h.head.i == o.i
                    and h.dep_ in ("amod", "compound", "poss", "nmod")
                    and a.mention.code
                ):
                    return [a]
    return []


def stative_passive(verb: Any) -> bool:
    """ "is opposed to", "is committed to": the subject holds the attitude."""
    return verb.lemma_.lower() in STATIVE_PASSIVE and not any(
        c.dep_ == "agent" for c in verb.children
    )


def from_party(verb: Any) -> Any | None:
    """The object of "from" on the verb or its direct object: "received aid from X"."""
    hosts = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "obj")]
    for h in hosts:
        for c in h.children:
            if c.dep_ == "prep" and c.lower_ == "from":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
    return None


def receiver(tok: Any, verb: Any) -> bool:
    """Whether ``tok`` is in the subject of "X received assurances from Y": X is the party
    that gets what Y gives, as much a party as an object, even of the same state ("Georgian
    demonstrators received ministers from the Georgian government" is GEO -> GEO)."""
    if verb.lemma_.lower() not in RECEIVE or from_party(verb) is None:
        return False
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and tok.i in {t.i for t in c.subtree}
        for c in verb.children
    )


def condition_subject(verbs: Iterable[Any]) -> Any | None:
    """The subject of an "if/unless" clause on a threat: the party the threat is aimed at."""
    seen: set[int] = set()
    for v in verbs:
        for host in (v, v.head):
            if host.i in seen:
                continue
            seen.add(host.i)
            for c in host.children:
                if c.dep_ == "advcl" and any(
                    m.dep_ == "mark" and m.lower_ in THREAT_CONDITION_MARKS for m in c.children
                ):
                    for s in c.children:
                        if s.dep_ in ("nsubj", "nsubjpass"):
                            return s
    return None


def conjoined_modifiers(first: Any, candidates: Iterable[Any]) -> list[Any]:
    """Actors coordinated with a modifier inside ``first``'s span: "Hungarian and Romanian
    officials" is one mention "Romanian officials" plus "Hungarian" conjoined with it."""
    out: list[Any] = []
    span = first.tokens
    for a in candidates:
        h = a.head
        if (
            h.dep_ in ("amod", "compound", "nmod")
            and any(c.dep_ == "conj" and c.i in span for c in h.children)
        ) or (h.dep_ == "conj" and h.head.i in span and h.head.i != first.head.i):
            out.append(a)
    return out


def _is_state(code: str | None) -> bool:
    return bool(code) and len(code or "") == 3 and (code or "").isalpha() and (code or "").isupper()


def mutual(root: str, verb: Any, absorbed: Any | None) -> bool:
    """Whether coordinated subjects with no other party act on each other: by the kind of
    act (talks, agreements), by the verb ("clashed"), or because the sentence says so ("A and
    B accused each other")."""
    if root in ("03", "04", "05", "06") or each_other(verb):
        return True
    lemmas = {verb.lemma_.lower()} | ({absorbed.lemma_.lower()} if absorbed is not None else set())
    return bool(lemmas & MUTUAL)


def each_other(verb: Any) -> bool:
    """ "accused each other", "traded blame with one another": the reciprocal pronoun as an
    object of the verb or of its preposition."""
    for c in verb.children:
        objs = [c] if c.dep_ in ("dobj", "obj") else []
        if c.dep_ == "prep":
            objs = [g for g in c.children if g.dep_ == "pobj"]
        for o in objs:
            left = o.doc[o.i - 1].lower_ if o.i > 0 else ""
            if (o.lower_, left) in (("other", "each"), ("another", "one")):
                return True
    return False


def adjust_rank(
    verb: Any, c: Any, root: int, rank: tuple[int, int] | None
) -> tuple[int, int] | None:
    """The rank of a child of ``verb`` as the target slot, corrected for the verb's frame."""
    if rank is None or c.dep_ != "prep":
        return rank
    word = c.lower_
    lemma = verb.lemma_.lower()
    if word == "from" and lemma in LEAVE:
        return (1, 0)  # "withdrew from X to Y": X is the one left
    if root == 11 and word == "to" and lemma in COMPLAIN:
        return (1, 5)  # "complained to the UN over X's raids": the UN only hears it
    return rank


def fallback_target(
    verbs: list[Any], root: int, actors: list[Any], excluded: set[int], group_under: Any
) -> list[Any]:
    """A target when the verb's own slots name none.

    * threats: the subject of the condition ("... unless Y withdraws");
    * protests: the object of the purpose clause ("to show disapproval of Y");
    * material conflict: the place where it happened.
    """
    if root == 13:
        s = condition_subject(verbs)
        if s is not None:
            g: list[Any] = group_under(s, actors, excluded)
            if g:
                return g
    if root in (10, 14):
        # the object of the purpose clause: "rallied to show disapproval of Y", "measures
        # were needed to remove Y's forces"
        for v in verbs:
            for c in v.children:
                if c.dep_ in ("advcl", "xcomp") and any(
                    a.lower_ == "to" for a in c.children if a.dep_ == "aux"
                ):
                    for o in c.children:
                        tops = (
                            [o]
                            if o.dep_ in ("dobj", "obj")
                            else (
                                [g for g in o.children if g.dep_ == "pobj"]
                                if o.dep_ == "prep"
                                else []
                            )
                        )
                        for top in tops:
                            g = [
                                a
                                for a in group_under(top, actors, excluded)
                                if not is_locative(a.head, top)
                            ]
                            if g:
                                return g
    if root in VIOLENT_ROOTS or root == 13:
        # for a threat, only the threatened act's own place: "to impose a curfew in X"
        hosts = [v for v in verbs if v.lemma_.lower() not in THREAT_VERBS] if root == 13 else verbs
        return [a for a in place_under(hosts, actors) if a.head.i not in excluded]
    return []


def violent_roles(
    verb: Any, actors: list[Any], sources: list[Any], targets: list[Any]
) -> tuple[list[Any], list[Any]]:
    """CAMEO's conventions for violence: the instrument names the attacker ("killed in
    Israeli shelling"), the place the victims when none are named, and the place the
    attacker when only the victims are named."""
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if passive and not any(a.mention.code for a in sources):
        inst = instrument_actor(verb, actors)
        if inst:
            sources = inst
            targets = [t for t in targets if t.mention.code != inst[0].mention.code]
    if sources and any(a.mention.code for a in sources) and not targets:
        targets = place_under([verb], actors)
    elif not sources and targets:
        # "a roadside bombing near X killed ...": the place of the attack may hang on it
        things = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        place = place_under([verb, *things], actors)
        if place and (passive or _subject_unnamed(verb)):
            sources = place
    return sources, targets


def _subject_unnamed(verb: Any) -> bool:
    """A subject that is a thing, not a party: "a roadside bomb killed ..."."""
    return any(c.dep_ == "nsubj" and c.pos_ == "NOUN" for c in verb.children)


def stance_modifier(head: Any, tokens: frozenset[int]) -> bool:
    """ "an anti-Syria journalist", "pro-Russia rebels": the name says what someone stands
    for or against, not who they are."""
    doc = head.doc
    first = min(tokens) if tokens else head.i
    if first >= 2 and doc[first - 1].text == "-" and doc[first - 2].lower_ in STANCE_PREFIXES:
        return True
    low: str = doc[first].lower_
    return low.startswith(("anti-", "pro-"))


def one_sided_fallback(events: list[Any]) -> list[Any]:
    """Events without a target only when the sentence has no event with one, and then only
    the most confident (the first of equals): a dyadic coder's one-sided events are mostly
    fragments of a dyad it could not complete."""
    dyads = [e for e in events if e.target]
    if dyads:
        return dyads
    if not events:
        return []
    return [max(events, key=lambda e: e.confidence)]


def speech_clause(tok: Any) -> bool:
    """ "saying ..." in "X issued a statement saying ...": the clause is X's own words."""
    return bool(
        tok.dep_ == "acl"
        and tok.tag_ == "VBG"
        and tok.head.lemma_.lower() in SPEECH_NOUNS
        and tok.head.dep_ in ("dobj", "obj")
        and tok.head.head.i != tok.head.i
    )


def actual(verb: Any, modality: Modality) -> bool:
    """Whether a predicate states something that happened (or is plainly announced), as
    opposed to a wish, a possibility or background in a relative clause."""
    if modality not in ("asserted", "reported", "intended", "threatened"):
        return False
    t = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX for c in t.children):
            return False
        if speech_clause(t):
            # "issued a statement saying it condemns ...": what the statement says is said
            t = t.head.head
            continue
        if t.dep_ in ("relcl", "acl"):
            return False
        if t.head.i == t.i:
            return True
        if t.dep_ in ("ccomp", "xcomp") and t.head.lemma_.lower() in WISH_VERBS:
            return False
        if t.dep_ not in ("xcomp", "ccomp", "conj"):
            return True
        t = t.head
    return True


def resident_group(subj: Any, group: list[Any], actors: list[Any]) -> list[Any]:
    """ "Ethnic Albanians in southern Serbia", "the Kurds of Turkey": a people named by a
    demonym is coded by the state it lives in when the subject says where."""
    if not group or not all(a.mention.kind == "demonym" and a.head.i == subj.i for a in group):
        return group
    for c in subj.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of", "from"):
            sub = {t.i for t in c.subtree}
            place = [
                a
                for a in actors
                if a.head.i in sub and a.mention.kind != "demonym" and _is_state(a.mention.code)
            ]
            if place:
                return place[:1]
    return group


def ethnic_resident(actor: Any, actors: list[Any]) -> Any:
    """ "Ethnic Albanians demonstrated in Serbia", "if ethnic Russians in Ukraine need
    protection": "ethnic" names a people, not the state of its name; CAMEO codes such people
    by the state they live in, when the sentence says where: on the noun itself ("in
    Ukraine"), else the one state the sentence places its events in. Otherwise the actor is
    returned as it is."""
    m = actor.mention
    if m.kind != "demonym":
        return actor
    h = actor.head
    noun = h.head if h.dep_ in ("amod", "compound") and h.head.pos_ in ("NOUN", "PROPN") else h
    if not any(c.dep_ == "amod" and c.lower_ == "ethnic" for c in (*h.children, *noun.children)):
        return actor
    homes: list[str] = []
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "of"):
            sub = {t.i for t in c.subtree}
            homes += [
                a.mention.code
                for a in actors
                if a.head.i in sub and a.mention.kind != "demonym" and _is_state(a.mention.code)
            ]
    if not homes:
        placed = {
            a.mention.code
            for a in actors
            if a.mention.kind in ("country", "capital", "place")
            and _is_state(a.mention.code)
            and is_locative(a.head)
        }
        homes = list(placed) if len(placed) == 1 else []
    if not homes or homes[0] == m.code:
        return actor
    return replace(actor, mention=replace(m, code=homes[0], sector="CVL", reason="ethnic resident"))


# -- domestic dyads ----------------------------------------------------------------------------
def _noun_sector(noun: Any) -> str | None:
    from ...actors.words import ROLE_NOUNS

    words = [noun.lower_, noun.lemma_.lower()]
    comps = [c.lower_ for c in noun.children if c.dep_ in ("compound", "amod") and c.i < noun.i]
    for comp in comps:
        for w in words:
            hit = ROLE_NOUNS.get(comp + " " + w)
            if hit:
                return hit
    for w in words:
        hit = ROLE_NOUNS.get(w) or EXTRA_PARTY_NOUNS.get(w)
        if hit:
            return hit
    for comp in comps:
        hit = ROLE_NOUNS.get(comp) or EXTRA_PARTY_NOUNS.get(comp)
        if hit:
            return hit
    return None


def group_sector(noun: Any) -> str | None:
    """The part of a state a group noun names ("protesters" CVL, "rebels" REB), looking
    through a quantity ("dozens of protesters"); None for anything else."""
    sector = _noun_sector(noun)
    if sector is None:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "of":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return _noun_sector(g)
    return sector


def party_sector(actor: Any) -> str:
    """Which part of its state an actor is: the mention's sector; else the group it names
    ("rebels in X", "X's opposition groups", "the Kurds of X"); else the people of a place
    where something happened ("imposed a curfew in X"); else the state itself ("GOV") for a
    state, leader or capital, and the name for anything else."""
    m = actor.mention
    if m.sector:
        return str(m.sector)
    h = actor.head
    host = None
    if h.dep_ in ("amod", "compound", "poss", "nmod") and h.head.pos_ in ("NOUN", "PROPN"):
        host = h.head
    elif (
        h.dep_ == "pobj"
        and h.head.lower_ in ("in", "of", "from")
        and h.head.head.pos_ in ("NOUN", "PROPN")
    ):
        host = h.head.head
    if host is not None and host.i not in actor.tokens:
        sector = _noun_sector(host)
        if sector:
            return sector
        if host.lemma_.lower() in PLACE_NOUNS:
            return "CVL"
        if h.dep_ == "pobj" and not is_locative(h):
            return "GRP"  # "the Albanians of X": a group of X's, not its government
    if m.kind in STATE_KINDS and is_locative(h):
        return "CVL"
    if m.kind in STATE_KINDS or m.kind in ("leader", "role"):
        return "GOV"
    return "NAME:" + str(m.text).lower()


def own_place(source: Any, target: Any, root: int) -> bool:
    """A target that is only where the source acted in its own state ("declared a ceasefire in
    south X"), for an event that is no act on the people there."""
    return (
        root not in DOMESTIC_PLACE_ROOTS
        and source.mention.code == target.mention.code
        and target.mention.kind in PLACE_KINDS
        and is_locative(target.head)
        and party_sector(target) == "CVL"  # not "forces in X": a group there is a party
    )


def same_party(a: Any, b: Any) -> bool:
    """Two mentions of one party: the same code and the same part of the state. "Rebels in
    X dismissed an appeal from X's president" is a domestic dyad (CAMEO codes XREB -> XGOV);
    "Sarkozy ... the French presidency" names one party twice."""
    if a.mention.code != b.mention.code:
        return False
    return party_sector(a) == party_sector(b)


def addressed_party(
    verbs: list[Any], root: int, actors: list[Any], excluded: set[int], group_under: Any
) -> list[Any]:
    """The party a demand, warning or threat is addressed to through a clause: the subject of
    "demanded that X ..." or of "... unless X withdraws"; [] when there is none."""
    if root in (1, 2, 10, 11, 12, 13):
        for v in verbs:
            for c in v.children:
                if c.dep_ == "ccomp":
                    s = _subject_of(c)
                    if s is not None:
                        g: list[Any] = group_under(s, actors, excluded)
                        if g:
                            return g
    if root == 13:
        s = condition_subject(verbs)
        if s is not None:
            g = group_under(s, actors, excluded)
            if g:
                return g
    return []


def _subject_of(verb: Any) -> Any | None:
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
            return c
    return None


def adjunct(verb: Any) -> bool:
    """A clause that only adds to another: a purpose ("met X to discuss Y"), a circumstance
    ("..., killing two and arresting 12"), a description ("a resolution that aims to ...").
    An adverbial clause with a subject of its own ("..., while X and Y pursue ties") is an
    event of its own."""
    t = verb
    for _ in range(6):
        if t.dep_ in ADJUNCT_DEPS:
            return t.dep_ != "advcl" or not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in t.children
            )
        if t.dep_ not in ("xcomp", "conj") or t.head.i == t.i:
            return False
        t = t.head
    return False


def domestic_source(
    sources: list[Any], targets: list[Any], actors: list[Any], root: int
) -> list[Any]:
    """A source the KB cannot place ("Ibo traditional elders", "President Dos Sontas")
    acting on a state in a sentence that names no other state is that state's own: CAMEO
    codes such domestic events X -> X. Not for violence: who attacks is not told by who is
    hit. Sources with a code are returned as they are."""
    if not sources or root in VIOLENT_ROOTS or any(s.mention.code for s in sources):
        return sources
    codes = {a.mention.code for a in actors if a.mention.code}
    tcodes = {t.mention.code for t in targets if t.mention.code}
    if len(codes) != 1 or tcodes != codes:
        return sources
    code = next(iter(codes))
    return _implied(sources, code) if _is_state(code) else sources


def domestic_target(
    sources: list[Any], targets: list[Any], actors: list[Any], root: int
) -> list[Any]:
    """The mirror of :func:`domestic_source`: a titled person or office the KB cannot place
    ("dismissed an appeal from President Laurent Gbago") acted on by a state's own party,
    in a sentence that names no other actor, is of that state (X -> X). Targets with a
    code are returned as they are."""
    if not targets or any(t.mention.code for t in targets):
        return targets
    scodes = {s.mention.code for s in sources}
    # a place named in passing ("detain five Benghazi suspects") is no party to the event
    codes = {a.mention.code for a in actors if a.mention.code and a.mention.kind != "place"}
    if len(scodes) != 1 or scodes != codes:
        return targets
    code = next(iter(codes))
    return _implied(targets, code) if _is_state(code) else targets


def _implied(parties: list[Any], code: str) -> list[Any]:
    """``parties`` placed in state ``code`` by a domestic reading."""
    return [
        replace(p, mention=replace(p.mention, code=code, kind="implied", reason="domestic"))
        for p in parties
    ]


def predicative_objects(prep: Any) -> list[Any]:
    """The object of "denounced as a crime X's raid": the parser hangs it on the label
    ("crime") as an apposition, so the "as" phrase holds the thing denounced."""
    if prep.dep_ != "prep" or prep.lower_ != "as":
        return []
    return [a for g in prep.children if g.dep_ == "pobj" for a in g.children if a.dep_ == "appos"]


MAX_PREP_HOPS = 3


def prep_hops(tok: Any, top: Any) -> int:
    """How many prepositional phrases lie between ``tok`` and ``top``: a party buried
    under several ("an investigation of arms sales to X") is only a topic."""
    n, t = 0, tok
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ == "prep":
            n += 1
        t = t.head
    return n


def transfer_topic(tok: Any) -> bool:
    """True for the recipient of a transfer that is only what a phrase is about:
    "an inquiry into arms sales to X" (but not "condemned arms sales to X")."""
    while tok.dep_ in ("conj", "appos") and tok.head.i != tok.i:
        tok = tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.lower_ != "to":
        return False
    noun = prep.head
    return noun.lemma_.lower() in TRANSFER_NOUNS and noun.dep_ in ("pobj", "pcomp")
