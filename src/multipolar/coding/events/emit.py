"""Emitting events: the event records of a predicate and its parties, and the choice among
the events of one sentence.

A predicate with several sources gives one event per source and target; coordinated
subjects with no other party act together and give one reciprocal event per pair. The
ontology fields (quad, pentaclass, Goldstein, PLOVER) come from the CAMEO code.
"""

from __future__ import annotations

from ...records import Event, Mention
from ..ontology import Ontology
from . import roles
from .lexicon import BARE_STATEMENTS, SYMMETRIC_ROOTS
from .senses import critical_report
from .tree import Actor, Pred, direct_object, is_state, own_group, uniq, via_with


def emit(
    p: Pred,
    sources: list[Actor],
    targets: list[Actor],
    date: str | None,
    ontology: Ontology,
) -> list[Event]:
    """The events of predicate ``p`` done by ``sources`` to ``targets`` on ``date``, with the
    fields ``ontology`` gives the code; [] when nobody known takes part or a bare statement
    addresses no one."""
    if not sources:
        return []
    code = p.code
    root = code[:2]
    # a bare statement with nobody addressed says nothing about alignment; a statement of
    # a kind CAMEO names (declined comment, optimism, responsibility, sympathy) is an event
    if root in ("01",) and not targets and code in BARE_STATEMENTS:
        return []
    if code in BARE_STATEMENTS and targets and critical_report(p.verb):
        code, root = "111", "11"  # "said Obama had squandered a great opportunity"
    src = uniq(sources)
    tgt = _other_side(p, src, targets, root)
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
    info = ontology.info(code)
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


def _other_side(p: Pred, src: list[Actor], targets: list[Actor], root: str) -> list[Actor]:
    """The targets of ``p`` that are not among its sources ``src``: the same state on both
    sides only when the sides differ ("Sudan's government ... in Sudan"), never two names
    of one party ("Sarkozy ... the French presidency")."""
    src_tokens = {s.head.i for s in src}
    tgt = [t for t in uniq(targets) if t.head.i not in src_tokens]
    return [
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


def dedupe(events: list[Event]) -> list[Event]:
    """One event per dyad, root and direction (the most confident); a one-sided event only
    when it repeats no dyad and the sentence has no dyad; statements only when the sentence
    has nothing more substantive."""
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
