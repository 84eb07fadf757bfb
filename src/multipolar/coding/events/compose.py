"""Composing predicates: a verb that governs another verb's clause combines with it.

"agreed to provide aid" is an intent to give aid (033), "threatened to attack" a threat of
force (138), "refused to meet" a rejection (125, negated), "urged X to talk" an appeal to X
(026), "said X must ..." a demand; a reporting verb ("said", "announced") gives way to the
event it reports.

:func:`compose` reads one candidate: it finds the candidate's complement, composes that
first, then :func:`classify` names the governing verb's class (testing the classes in a
fixed order: the first that fits wins) and :data:`GOVERNORS` maps the class to the handler
that builds the composed predicate. A governor of no class stands alone (:func:`simple`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ...records import Modality
from ..verbs import NO_EVENT, Match, VerbDict
from .lexicon import (
    APPEAL,
    ASPECT,
    CROWD,
    DEMAND,
    DEMAND_NOUNS,
    DISMISS,
    ENACT,
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    INTENT,
    INTENT_ADJ,
    MUST_AUX,
    PLAN,
    PREPARE,
    PRONOUNS,
    REFUSE,
    REPORT,
    SHOUT,
    SUBJ,
    THREAT_VERBS,
    WANT,
    WARN,
    WEAPONS,
    WISH_WORD_FORMS,
)
from .predicates import event_noun
from .senses import denies_own_act, dismissed_person, verbal_attack, verbal_protest
from .tree import (
    Pred,
    depth,
    is_negated,
    modality_of,
    object_of,
    root_of,
    shouted_order,
    subject_tok,
    wants_no_event,
    warning_is_statement,
)


def compose_predicates(doc: Any, codes: dict[int, Match], verbs: VerbDict) -> list[Pred]:
    """The predicates of ``doc`` from its candidate readings ``codes`` (by token index).

    Outermost verbs come first so that a governing verb absorbs its complement, which then
    is no predicate of its own; a demand that is what a protest is for gives way to the
    protest.
    """
    preds: list[Pred] = []
    absorbed: set[int] = set()
    order = sorted(codes, key=lambda i: depth(doc[i]))
    for i in order:
        if i in absorbed:
            continue
        pred = compose(doc[i], codes[i], codes, absorbed, verbs)
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


def compose(
    tok: Any, match: Match, codes: dict[int, Match], absorbed: set[int], verbs: VerbDict
) -> Pred | None:
    """The predicate of candidate ``tok`` read as ``match``, composed with its complement.

    ``codes`` holds every candidate's reading; the complements this composition takes in are
    added to ``absorbed`` (a complement left to stand alone is taken out again). None when
    ``tok`` reports no event.
    """
    lemma = tok.lemma_.lower()
    negated = is_negated(tok)
    modality = modality_of(tok)
    order = shouted_order(tok) if lemma in SHOUT else None
    if order is not None:
        # "snapped at him to delete the pictures": an order to the one shouted at
        addressee, act = order
        absorbed.add(act.i)
        return Pred(tok, "100", match, negated, modality, target_tok=addressee, absorbed=act)
    inner_tok = complement(tok, codes)
    if inner_tok is not None:
        inner = compose(inner_tok, codes[inner_tok.i], codes, absorbed, verbs)
        absorbed.add(inner_tok.i)
        if inner is None:
            return _over_no_event(tok, match, lemma, negated, modality, verbs)
        frame = Frame(
            tok=tok,
            match=match,
            lemma=lemma,
            negated=negated,
            modality=modality,
            inner_tok=inner_tok,
            inner=inner,
            icode=inner.code,
            dep=inner_tok.dep_,
            obj=object_of(tok),
            adj_intent=any(
                c.dep_ == "acomp" and c.lemma_.lower() in INTENT_ADJ for c in tok.children
            ),
            verbs=verbs,
        )
        kind = classify(frame)
        if kind is not None:
            return GOVERNORS[kind](frame)
        absorbed.discard(inner_tok.i)
    return _alone(tok, match, lemma, negated, modality, verbs)


def complement(tok: Any, codes: dict[int, Match]) -> Any | None:
    """The candidate ``tok`` governs: its clausal complement ("agreed to provide"), through
    an adjective of intent ("is ready to send"), or one clause further down ("called for
    ... to talk"); None when it governs none."""
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


# -- the governing verb's class ------------------------------------------------------------


@dataclass(slots=True)
class Frame:
    """A governing verb and the composed event of its complement, as the handlers see them."""

    tok: Any  # the governing verb
    match: Match  # its own reading
    lemma: str
    negated: bool
    modality: Modality
    inner_tok: Any  # the complement as found under the governor
    inner: Pred  # the complement's composed event
    icode: str  # its code
    dep: str  # how the complement hangs on the governor: "xcomp" or "ccomp"
    obj: Any | None  # the governor's object: "urged X to ..."
    adj_intent: bool  # an adjective of intent: "is ready to ..."
    verbs: VerbDict


def classify(f: Frame) -> str | None:
    """The class of the governing verb in ``f``, a key of :data:`GOVERNORS`; None when the
    governor stands alone. The classes are tested in this order and the first that fits
    wins: a verb may belong to several word lists ("appeal" is an appeal and a demand)."""
    lemma, dep, obj = f.lemma, f.dep, f.obj
    if lemma in REPORT and dep in ("ccomp", "xcomp"):
        return "report"
    if lemma in THREAT_VERBS:
        return "threat"
    if lemma in PREPARE and root_of(f.icode) >= 18 and not f.negated:
        return "prepare"
    if lemma in REFUSE:
        return "refuse"
    if (lemma in APPEAL or lemma in WANT) and obj is not None and dep == "xcomp":
        return "appeal"
    if (lemma in DEMAND or lemma in APPEAL) and obj is None and dep == "ccomp":
        return "demand_clause"
    if lemma in DEMAND and obj is not None:
        return "demand"
    if (lemma in WISH_WORD_FORMS or f.tok.lower_ in WISH_WORD_FORMS) and dep == "ccomp":
        return "wish"
    if lemma in WANT and f.tok.dep_ == "advcl" and f.tok.tag_ == "VBG":
        return "motive"
    if lemma in INTENT or lemma in WANT or f.adj_intent or f.tok.pos_ == "AUX":
        return "intent"
    if lemma in ENACT and (f.negated or f.inner.negated) and 3 <= root_of(f.icode) <= 9:
        return "enact_refusal"
    if lemma in ASPECT or lemma in ENACT or f.match.code == NO_EVENT:
        return "aspect"
    if dep == "xcomp":
        return "purpose"
    if root_of(f.match.code) in (1, 11, 12) and dep == "ccomp":
        return "allegation"
    return None


def _report(f: Frame) -> Pred | None:
    """ "X said (that) ...": the reported event, told by X; "X said Y must ..." is a demand
    by X on Y, "Y should ..." an appeal, "it would not ..." a refusal, "it will ..." an
    intent."""
    inner, icode = f.inner, f.icode
    aux = {c.lower_ for v in (f.inner_tok, inner.verb) for c in v.children if c.dep_ == "aux"}
    if f.lemma == "insist" and not aux and subjunctive(f.inner_tok, f.tok):
        aux = {"must"}  # "insisted that X pay": the subjunctive demands
    subj = subject_tok(inner.verb)
    same = subj is None or subj.lower_ in PRONOUNS
    if aux & MUST_AUX and not (subj is not None and subj.lower_ in ("we", "i")):
        # "X said Y must ..." is a demand by X on Y; "Y should ..." advises, an
        # appeal (CAMEO 02), unless a "must" is there too
        return Pred(
            f.tok,
            compose_appeal(icode) if "must" not in aux else compose_demand(icode),
            f.match,
            inner.negated,
            "asserted",
            target_tok=subj,
            absorbed=inner.verb,
        )
    if same and inner.negated and 3 <= root_of(icode) <= 8:
        # "X said it would not provide aid": a refusal
        return Pred(
            inner.verb,
            compose_refuse(icode),
            inner.match,
            True,
            "asserted",
            reported_by=f.tok,
            target_tok=inner.target_tok,
        )
    if (
        aux & (FUTURE_AUX | HYPOTHETICAL_AUX)
        and not inner.negated
        and root_of(icode) not in (1, 2, 13, 14)
    ):
        code, mod = compose_intent(icode, f.lemma)
        return Pred(
            inner.verb,
            code,
            inner.match,
            inner.negated,
            mod,
            reported_by=f.tok,
            target_tok=inner.target_tok,
        )
    inner.reported_by = f.tok
    if not same and inner.modality == "asserted":
        inner.modality = "reported"
    return inner


def _threat(f: Frame) -> Pred | None:
    """ "threatened to strike X": a threat of the act threatened."""
    return absorbed_pred(
        f.inner,
        compose_threat(f.icode),
        f.match,
        f.negated or f.inner.negated,
        "threatened",
    )


def _prepare(f: Frame) -> Pred | None:
    """ "the army prepared to resume shelling": readying force is a show of it (150)."""
    return absorbed_pred(f.inner, "150", f.match, False, f.modality)


def _refusal(f: Frame) -> Pred | None:
    """ "refused to meet X", "voted not to extend the mission": a rejection of the act."""
    return absorbed_pred(f.inner, compose_refuse(f.icode), f.match, True, f.modality)


def _appeal(f: Frame) -> Pred | None:
    """ "urged X to talk": an appeal to X."""
    return Pred(
        f.tok,
        compose_appeal(f.icode),
        f.match,
        f.negated,
        f.modality,
        target_tok=f.obj,
        absorbed=f.inner.verb,
    )


def _demand_clause(f: Frame) -> Pred | None:
    """ "demanded that Iran release ...": a demand (or an appeal) addressed to the clause's
    subject."""
    make = compose_demand if f.lemma in DEMAND else compose_appeal
    return Pred(
        f.tok,
        make(f.icode),
        f.match,
        f.negated,
        f.modality,
        target_tok=subject_tok(f.inner_tok),
        absorbed=f.inner.verb,
    )


def _demand(f: Frame) -> Pred | None:
    """ "ordered X to withdraw": a demand on X."""
    return Pred(
        f.tok,
        compose_demand(f.icode),
        f.match,
        f.negated,
        f.modality,
        target_tok=f.obj,
        absorbed=f.inner.verb,
    )


def _no_event(f: Frame) -> Pred | None:
    """ "hoped (that) X would be indicted" (a wish about others), "..., seeking to mend ties"
    (a motive given in passing): no act."""
    return None


def _intent(f: Frame) -> Pred | None:
    """ "agreed to provide aid" is an intent (03x), "did not agree to" a refusal; a
    commitment to conflict ("pledged to expel") is coded as the act itself."""
    inner = f.inner
    if root_of(f.icode) >= 14 and f.lemma not in PLAN and not f.adj_intent:
        # "pledged to expel": the commitment is coded as the act itself
        inner.modality = "intended"
        return inner
    if f.negated or inner.negated:
        return absorbed_pred(inner, compose_refuse(f.icode), f.match, True, f.modality)
    code, mod = compose_intent(f.icode, f.lemma)
    if f.modality == "hypothetical":
        mod = f.modality  # "might want to", "could agree to"
    return absorbed_pred(inner, code, f.match, False, mod)


def _aspect(f: Frame) -> Pred | None:
    """ "began to withdraw", "voted to authorize force": the complement is the event."""
    f.inner.negated = f.inner.negated or f.negated
    return f.inner


def _purpose(f: Frame) -> Pred | None:
    """A verb of its own with a purpose clause: the governing verb's event."""
    return simple(f.tok, f.match, f.negated, f.modality, f.verbs)


def _allegation(f: Frame) -> Pred | None:
    """ "alleged that X helped ...": the allegation is the event, X its target."""
    pred = simple(f.tok, f.match, f.negated, f.modality, f.verbs)
    if pred is not None:
        pred.target_tok = subject_tok(f.inner_tok)
    return pred


# the handler of each class :func:`classify` names
GOVERNORS: dict[str, Callable[[Frame], Pred | None]] = {
    "report": _report,
    "threat": _threat,
    "prepare": _prepare,
    "refuse": _refusal,
    "appeal": _appeal,
    "demand_clause": _demand_clause,
    "demand": _demand,
    "wish": _no_event,
    "motive": _no_event,
    "intent": _intent,
    "enact_refusal": _refusal,
    "aspect": _aspect,
    "purpose": _purpose,
    "allegation": _allegation,
}


# -- a governor without a composed complement ----------------------------------------------


def _over_no_event(
    tok: Any, match: Match, lemma: str, negated: bool, modality: Modality, verbs: VerbDict
) -> Pred | None:
    """A governor whose complement reports no event: a reporting verb may still demand ("said
    X must ..."), anything else is read on its own."""
    if lemma in REPORT or match.code.startswith("01"):
        return must_demand(tok, match)
    if wants_no_event(tok, lemma, match):
        return None  # "aimed to show ...": see wants_no_event
    return simple(tok, match, negated, modality, verbs)


def _alone(
    tok: Any, match: Match, lemma: str, negated: bool, modality: Modality, verbs: VerbDict
) -> Pred | None:
    """A candidate with no complement to compose with (or one that stands apart from it)."""
    if wants_no_event(tok, lemma, match):
        return None
    if lemma in REPORT or match.code.startswith("01"):
        demand = must_demand(tok, match)
        if demand is not None:
            return demand
    demander = demand_noun_verb(tok)
    if demander is not None and not match.code.startswith(("01", "02", "10")):
        # "reiterated its demand that Israel ease ...": a demand by the speaker on Israel
        return Pred(
            demander,
            compose_demand(match.code),
            match,
            negated,
            "asserted",
            target_tok=subject_tok(tok),
            absorbed=tok,
        )
    return simple(tok, match, negated, modality, verbs)


def simple(
    tok: Any, match: Match, negated: bool, modality: Modality, verbs: VerbDict
) -> Pred | None:
    """The predicate of ``tok`` read as ``match`` on its own, with the verb's sense checked
    ("fired the director", "attacked over the shutdown") and a promise or threat made of an
    act announced with "will"; None when the reading is no event."""
    if match.code == NO_EVENT or not match.code[:2].isdigit():
        return None
    code = match.code.split(":")[0]
    lemma = tok.lemma_.lower()
    if root_of(code) in (18, 19):
        code = refine_violence(tok, code, verbs)
    if lemma == "protest" and code.startswith("14") and verbal_protest(tok):
        code = "114"  # "China protested the visit": an official complaint, no crowd
    if lemma in WARN and code == "130" and warning_is_statement(tok):
        code = "010"
    elif lemma in THREAT_VERBS and not code.startswith("13"):
        code = "130"
    if code.startswith("13"):
        modality = "threatened"
    elif code.startswith("03") and modality == "asserted":
        modality = "intended"
    if root_of(code) in (18, 19) and lemma in DISMISS and dismissed_person(tok):
        return None  # "Trump fired FBI Director James Comey": a job lost, no force
    if lemma == "attack" and root_of(code) in (18, 19) and verbal_attack(tok):
        code = "111"  # "attacked Trump over the shutdown", "attacked the media in tweets"
    if lemma == "deny" and code == "120" and denies_own_act(tok):
        code = "016"  # "denied that it had sheltered militants": no rejection of anyone
    if negated and root_of(code) in (3, 4, 5, 6, 7, 8) and lemma in INTENT:
        # "did not agree" is a rejection, still marked negated
        code = "120"
    elif modality == "intended" and lemma not in REPORT:
        # "will provide aid" is a promise (033), "will not" a refusal, "will impose" a threat
        code, modality = compose_future(code, negated, modality)
    return Pred(tok, code, match, negated, modality)


def refine_violence(tok: Any, code: str, verbs: VerbDict) -> str:
    """Force by a crowd is a riot (145); an attack whose doer, weapon or name is a bombing,
    a suicide attack or a massacre is assault (18x) or mass violence (20x), not
    conventional military force (19): "a suicide bomber attacked", "detonated a car bomb",
    "killed dozens in a massacre". ``code`` is returned when none of that applies."""
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
        found = event_noun(n, verbs)
        if found is not None and root_of(found) in (18, 20):
            return found
    return code


# -- demands told through a clause ---------------------------------------------------------


def subjunctive(clause: Any, verb: Any) -> bool:
    """Whether ``clause`` is a bare-verb "that" clause of ``verb`` with a subject of its own:
    "insisted that Uganda pay" (a mandate), not "insisted that Uganda pays" (a claim)."""
    return (
        clause.dep_ == "ccomp"
        and clause.head.i == verb.i
        and clause.tag_ == "VB"
        and any(c.dep_ == "nsubj" for c in clause.children)
        and not any(c.dep_ in ("aux", "auxpass") for c in clause.children)
    )


def must_demand(tok: Any, match: Match) -> Pred | None:
    """ "said X must <verb the dictionary lacks>" is still a demand on X; so is "insisted that
    X pay", whose bare verb (a subjunctive) carries the "must". None when ``tok`` reports
    no such clause."""
    for c in tok.children:
        aux = {a.lower_ for a in c.children if a.dep_ == "aux"}
        if tok.lemma_.lower() == "insist" and not aux and subjunctive(c, tok):
            aux = {"must"}
        if c.dep_ == "ccomp" and aux & MUST_AUX:
            cs = subject_tok(c)
            if cs is not None and cs.lower_ not in ("we", "i"):
                # "should" advises (an appeal), "must" demands
                code = "100" if "must" in aux else "020"
                return Pred(tok, code, match, False, "asserted", target_tok=cs, absorbed=c)
    return None


def demand_noun_verb(tok: Any) -> Any | None:
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


def absorbed_pred(inner: Pred, code: str, match: Match, negated: bool, modality: Modality) -> Pred:
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


# -- the code of a composed event ----------------------------------------------------------


def compose_intent(inner: str, verb_lemma: str) -> tuple[str, Modality]:
    """(code, modality) for "agree/plan/want to <inner>", ``inner`` the complement's code."""
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


def compose_threat(inner: str) -> str:
    """The code of a threat to do ``inner``: of force (138), of sanctions (131x), ..."""
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


def compose_future(code: str, negated: bool, modality: Modality) -> tuple[str, Modality]:
    """(code, modality) for an act announced with "will"/"shall" (CAMEO codes the promise,
    not the act): cooperation becomes intent (03x), dissent, force and restrictions a threat
    (13x): "will boycott the vote" threatens dissent (133)."""
    r = root_of(code)
    if 4 <= r <= 9:
        return (compose_refuse(code), modality) if negated else compose_intent(code, "will")
    if r >= 14 and not negated:
        return compose_threat(code), "threatened"
    return code, modality


def compose_refuse(inner: str) -> str:
    """The code of a refusal to do ``inner``: a rejection of its kind (12x)."""
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


def compose_appeal(inner: str) -> str:
    """The code of an appeal to do ``inner`` (02x)."""
    r = root_of(inner)
    return {3: "020", 4: "026", 5: "022", 6: "021", 7: "023", 8: "025", 9: "020"}.get(r, "020")


def compose_demand(inner: str) -> str:
    """The code of a demand to do ``inner`` (10x)."""
    r = root_of(inner)
    return {4: "106", 6: "101", 7: "102", 8: "105"}.get(r, "100")
