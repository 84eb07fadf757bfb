"""Assigning parties: the source and target actors of a composed predicate.

The source is the grammatical subject (the agent of a passive), the target the object or
the object of a preposition, with the refinements of :mod:`multipolar.coding.events.roles`
(places are no parties, receiving turns the roles round, violence in a place, ...). A
leading "it"/"they" stands for an actor named earlier in the sentence or, failing that, the
previous sentence's main actor.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ...records import Mention
from . import precision, roles
from .lexicon import (
    ANAPHORA,
    PERSONAL,
    PRONOUNS,
    RECEIVE,
    SETTING_PREPS,
    STREET_ROOTS,
    SUBJ,
    SUBJPASS,
    SYMMETRIC_ROOTS,
    VIOLENT_ROOTS,
)
from .tree import (
    Actor,
    Pred,
    agent_of,
    child_rank,
    comma_cosubjects,
    distance,
    group_under,
    is_state,
    own_sorties,
    place_actor,
    root_of,
    subject_of,
    subject_tok,
    topic_modifier,
    unknown_actor,
)


class Parties(NamedTuple):
    """The parties of one predicate."""

    named: list[Actor]  # the source as the sentence names it, before any place stands in
    sources: list[Actor]
    targets: list[Actor]


def find_parties(p: Pred, actors: list[Actor], carried: list[Mention]) -> Parties:
    """The source and target actors of predicate ``p`` among ``actors``; ``carried`` are the
    previous sentence's main actors, for a leading "it"/"they"."""
    named, passive_target = source(p, actors, carried)
    sources = named
    if not named and root_of(p.code) in STREET_ROOTS:
        # "Demonstrators in Baghdad blocked roads": the place stands for the actor
        sources = place_actor(p.verb, actors)
    targets = target(p, actors, sources, passive_target)
    if root_of(p.code) in VIOLENT_ROOTS:
        sources, targets = roles.violent_roles(p.verb, actors, sources, targets)
    return Parties(named, sources, targets)


def unknown_source(p: Pred, targets: list[Actor], actors: list[Actor]) -> list[Actor] | None:
    """The source of an event whose doer the KB does not know ("Amnesty International
    accused X"), acting on ``targets``: an unknown actor, or the targets' own state's when
    the reading is domestic. None when such an event is not kept: in a description, on a
    dictionary default with no group as subject, for what did not happen, or with no
    subject at all."""
    if not (
        p.verb.dep_ not in ("acl", "relcl", "amod", "pcomp")
        # a dictionary default is too weak a reading to stand without a known
        # doer, unless a group acts ("They include queries related to X")
        and (p.match.source != "default" or precision.group_subject(p.verb))
        and roles.actual(p.verb, p.modality)
        and any(c.dep_ in SUBJ or c.dep_ in SUBJPASS for c in p.verb.children)
    ):
        return None
    unknown = [unknown_actor(p.verb)]
    head = subject_tok(p.verb)
    if head is None or head.lower_ not in PERSONAL:
        # "he threatened tariffs on Mexico": a pronoun stands for someone
        # named before, not for unplaced locals of the target's state; the
        # head word decides, as "He's" brings its clitic into the subtree
        unknown = roles.domestic_source(unknown, targets, actors, root_of(p.code))
    return unknown


def source(p: Pred, actors: list[Actor], carried: list[Mention]) -> tuple[list[Actor], list[Actor]]:
    """(sources, passive target) of predicate ``p``: the actors of its subject (or of the
    passive's agent), and for a passive the actors of its subject, who are acted on.
    ``carried`` stands in for a leading "it"/"they" that nothing earlier names."""
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
    giver = roles.from_party(verb) if verb.lemma_.lower() in RECEIVE else None
    if giver is not None and subj is not None and not passive:
        # "X received assurances from Y": Y gives, X gets
        g = group_under(giver, actors, ())
        if g:
            return g, group_under(subj, actors, ())
    if passive:
        passive_target = group_under(subj, actors, ()) if subj is not None else []
        subj = _passive_doer(p, passive_target)
    if subj is None:
        return [], passive_target
    # an actor buried deep in the subject ("80 per cent of Canada's exports") is not it
    # nor one named in a relative clause of it ("X, who was Y's envoy, said"): a description
    described = precision.description_tokens(subj)
    group = [a for a in group_under(subj, actors, described) if distance(a.head, subj) <= 4]
    group = [a for a in group if not setting_of_thing(a, subj)]
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


def _passive_doer(p: Pred, passive_target: list[Actor]) -> Any | None:
    """The token that does the act of passive predicate ``p``: its agent ("by X"), else the
    reporter of a need or pact with no one named ("X said measures were needed ...")."""
    verb = p.verb
    agent = agent_of(verb)
    subj = agent
    if agent is None and not passive_target and p.reported_by is not None and root_of(p.code) == 10:
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
    return subj


def setting_of_thing(actor: Actor, subj: Any) -> bool:
    """ "any deal in Geneva would hurt Iran": a place where a thing is set does not do what
    the thing does; "officials in Beijing said" is another matter (people of the place)."""
    if actor.mention.kind not in ("place", "capital") or actor.head.i == subj.i:
        return False
    if precision.party_noun(subj):
        return False
    t = actor.head
    while t.i != subj.i and t.head.i != t.i:
        if t.dep_ == "pobj" and t.head.lower_ in SETTING_PREPS:
            return True
        t = t.head
    return False


def target(
    p: Pred, actors: list[Actor], sources: list[Actor], passive_target: list[Actor]
) -> list[Actor]:
    """The target actors of predicate ``p`` with ``sources``: the passive's subject, the
    party ``p`` names as its target, else the best-ranked object or prepositional object
    that is no mere place, else a party addressed through a clause or a fallback."""
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
    verbs = [p.verb]
    if p.absorbed is not None and p.absorbed is not p.verb:
        verbs.append(p.absorbed)
    root = root_of(p.code)
    best, best_place = _best_slot(verbs, root, actors, sources, src_codes, excluded)
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


def _best_slot(
    verbs: list[Any],
    root: int,
    actors: list[Actor],
    sources: list[Actor],
    src_codes: set[str | None],
    excluded: set[int],
) -> tuple[list[Actor], bool]:
    """(actors, whether they are only a place) of the best-ranked target slot among the
    children of ``verbs``: objects and prepositional objects, ranked by relation and
    preposition; an unresolved name or a place ranks below any party named."""
    best: list[Actor] = []
    best_rank = (99, 99)
    best_place = False
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
    return best, best_place
