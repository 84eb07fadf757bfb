"""Scoring a coder against gold event records (PLOVER GSR, PETRARCH-2 validation set).

The scoring rules are those of ``shared/gold/README.md``:

* category: the current PLOVER category (PLOVER GSR) or the CAMEO root (PETR), taken from
  the coder's most confident event of the sentence (PLOVER scoring ignores CAMEO 01/02,
  which PLOVER drops);
* actors by country: PETR codes by their first 3 characters, IGO codes mapped to the
  organisation codes multipolar emits, ``---`` unknown and never matching; a PLOVER ``IGO``
  matches any organisation;
* event tuples (source, type, target): a multiset match per sentence, micro-averaged; a
  reciprocal pair is unordered, and the PETR convention of spelling it out as A->B plus B->A
  is folded into one pair;
* false events: the share of ``no_events`` sentences on which anything was predicted.

How codes are read is data: ``data/eval_codes.json``.
"""

from __future__ import annotations

import datetime as dt
import functools
import gzip
import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from ..dates import to_date
from ..records import Coded, Event


class _CoderLike(Protocol):
    def code(
        self, text: str, date: dt.date | None = None, article_id: str | None = None
    ) -> Coded: ...


class _SentenceCoder(Protocol):
    def sentence_code(self, text: str, date: dt.date | None = None) -> str | None: ...


class _Unknown:
    """An actor the gold data does not name: equal to nothing, itself included."""

    def __eq__(self, other: object) -> bool:
        return False

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return "?"


UNKNOWN: Any = _Unknown()
NONE_LABEL = "NONE"


@functools.cache
def _codes() -> dict[str, Any]:
    text = resources.files("multipolar").joinpath("data", "eval_codes.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _is_org(code: str) -> bool:
    c = _codes()
    return code in c["org_codes"] or len(code) != 3 or not code.isalpha()


def gold_country(code: str | None, scheme: str) -> Any:
    """The comparable actor of a gold code, or UNKNOWN (never matches) or None (no actor)."""
    c = _codes()
    if code is None or not code.strip():
        return None
    code = code.strip().upper()
    if scheme == "petr":
        if code.startswith("IGO"):
            for n in range(len(code), 2, -1):
                hit = c["petr_org_prefixes"].get(code[:n])
                if hit:
                    return hit
            return c["generic_org"]
        head = code[:3]
        if head in c["exact_group_prefixes"] and len(code) > 3 and code.isalpha():
            return code  # a named transnational group ("IMGMUSISI") matches only itself
        if head in c["unknown_codes"] or not head.isalpha():
            return UNKNOWN
        return c["code_aliases"].get(head, head)
    if code in c["unknown_codes"]:
        return UNKNOWN
    return c["code_aliases"].get(code, code)


def pred_country(code: str | None) -> str | None:
    return code.upper() if code else None


def _same(gold: Any, pred: Any) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold == _codes()["generic_org"]:
        return isinstance(pred, str) and _is_org(pred)
    return bool(gold == pred)


@dataclass(frozen=True, slots=True)
class Tuple3:
    """(source, type, target); reciprocal tuples compare as unordered pairs."""

    source: Any
    kind: str
    target: Any
    reciprocal: bool = False

    def matches(self, other: Tuple3) -> bool:
        """``self`` is gold, ``other`` predicted."""
        if self.kind != other.kind:
            return False
        direct = _same(self.source, other.source) and _same(self.target, other.target)
        if direct:
            return True
        if self.reciprocal or other.reciprocal:
            return _same(self.source, other.target) and _same(self.target, other.source)
        return False

    def show(self) -> str:
        arrow = "<->" if self.reciprocal else "->"
        return f"{self.source} {arrow} {self.target}: {self.kind}"


def match_count(gold: Sequence[Tuple3], pred: Sequence[Tuple3]) -> int:
    """Greedy one-to-one matching; exact-orientation matches are taken first."""
    used: set[int] = set()
    n = 0
    for strict in (True, False):
        for p in pred:
            if id(p) in used:
                continue
            for k, g in enumerate(gold):
                if k in used:
                    continue
                ok = (
                    g.matches(p)
                    if not strict
                    else (
                        g.kind == p.kind and _same(g.source, p.source) and _same(g.target, p.target)
                    )
                )
                if ok:
                    used.add(k)
                    used.add(id(p))
                    n += 1
                    break
    return n


# -- reading gold records ------------------------------------------------------------------
def scheme_of(records: Sequence[dict[str, Any]]) -> str:
    return "plover" if records and "plover" in records[0] else "petr"


def _actors(field: Any) -> list[dict[str, Any]]:
    # PLOVER GSR quirks: a target may be a bare string (a context value) or contain blanks
    if not isinstance(field, list):
        return []
    return [a for a in field if isinstance(a, dict) and str(a.get("code", "")).strip()]


def gold_tuples(rec: dict[str, Any], scheme: str) -> list[Tuple3]:
    if scheme == "plover":
        kind = _codes()["plover_2016_to_current"].get(rec["plover"], rec["plover"])
        srcs = [gold_country(a["code"], "plover") for a in _actors(rec["source"])]
        tgts = [gold_country(a["code"], "plover") for a in _actors(rec["target"])]
        if rec.get("reciprocal"):
            uniq = _dedupe_codes(srcs + tgts)
            if len(uniq) >= 2:
                return [Tuple3(a, kind, b, True) for i, a in enumerate(uniq) for b in uniq[i + 1 :]]
            tgts = []
            srcs = uniq
        return [Tuple3(s, kind, t) for s in srcs or [UNKNOWN] for t in tgts or [None]]
    out: list[Tuple3] = []
    raw = [
        (gold_country(e.get("source"), "petr"), e["root"], gold_country(e.get("target"), "petr"))
        for e in rec.get("events", [])
    ]
    done: set[int] = set()
    for i, (s, r, t) in enumerate(raw):
        if i in done:
            continue
        rec_pair = next(
            (
                j
                for j in range(i + 1, len(raw))
                if j not in done and raw[j][1] == r and _same(raw[j][0], t) and _same(raw[j][2], s)
            ),
            None,
        )
        if rec_pair is not None:
            done.add(rec_pair)
            out.append(Tuple3(s, r, t, True))
        else:
            out.append(Tuple3(s, r, t))
    return out


_CODE_KEYS = ("cameo", "eventcode", "event_code", "code", "CAMEO", "EventCode")
_TEXT_KEYS = ("text", "sentence", "Text", "Sentence")
_LABEL_KEYS = ("pentaclass", "penta", "label", "PentaClass")


def _actor_code(value: Any) -> str | None:
    """A gold actor as one code: lists keep their first entry, dicts their ``code``."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("code")
    return str(value).strip() if value not in (None, "") else None


def normalise_record(rec: dict[str, Any]) -> dict[str, Any]:
    """Read the spellings other CAMEO gold files use into the PETR JSONL shape.

    ``eventcode``/``code`` for ``cameo``, a root taken from the code when missing, actors as
    lists or ``{"code"}`` objects, ``sentence`` for ``text``, and sentences labelled only
    with a Phoenix pentaclass (``pentaclass``/``label`` 0-4). PLOVER records pass unchanged.
    """
    if "plover" in rec:
        return rec
    out = dict(rec)
    if "text" not in out:
        for key in _TEXT_KEYS[1:]:
            if key in rec:
                out["text"] = rec[key]
                break
    events = []
    for e in rec.get("events") or []:
        if not isinstance(e, dict):
            continue
        code = next((str(e[k]).strip() for k in _CODE_KEYS if e.get(k) not in (None, "")), "")
        root = str(e.get("root") or code[:2]).strip()
        if not root:
            continue
        events.append(
            {
                **e,
                "cameo": code or root,
                "root": root.zfill(2),
                "source": _actor_code(e.get("source")),
                "target": _actor_code(e.get("target")),
            }
        )
    out["events"] = events
    label = next((rec[k] for k in _LABEL_KEYS if rec.get(k) not in (None, "")), None)
    if not events and label is not None and str(label).strip() in {"0", "1", "2", "3", "4"}:
        out["pentaclass"] = str(label).strip()
    elif "no_events" not in rec:
        out["no_events"] = "events" in rec and not events
    return out


def _dedupe_codes(codes: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for c in codes:
        if c is UNKNOWN or not any(_same(c, o) for o in out):
            out.append(c)
    return out


def pred_tuples(events: Sequence[Event], scheme: str) -> list[Tuple3]:
    out = []
    for e in events:
        kind = e.plover if scheme == "plover" else e.cameo_root
        if not kind:
            continue
        out.append(Tuple3(pred_country(e.source), kind, pred_country(e.target), e.reciprocal))
    return out


def top_event(events: Sequence[Event], scheme: str) -> Event | None:
    cands = [e for e in events if (e.plover if scheme == "plover" else e.cameo_root)]
    if not cands:
        return None
    return max(cands, key=lambda e: e.confidence)  # max keeps the first of equals


# -- metrics ----------------------------------------------------------------------------------
def macro_f1(
    gold: Sequence[str], pred: Sequence[str], labels: Iterable[str] | None = None
) -> float:
    labs = sorted(set(gold) - {NONE_LABEL}) if labels is None else sorted(labels)
    if not labs:
        return 0.0
    total = 0.0
    for lab in labs:
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p == lab)
        fp = sum(1 for g, p in zip(gold, pred, strict=True) if g != lab and p == lab)
        fn = sum(1 for g, p in zip(gold, pred, strict=True) if g == lab and p != lab)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(labs)


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(f, 4),
        "tp": tp,
        "predicted": n_pred,
        "gold": n_gold,
    }


def _pentaclass(root: str) -> str:
    r = int(root)
    return str(0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4)


# puts the coded sentence in a paragraph of its own, so no segmenter joins it to the context
_BREAK = "\n\n"


def code_in_context(coder: _CoderLike, rec: dict[str, Any]) -> list[Event]:
    """The events of a gold sentence. A sentence taken from an article (a ``ref``) is coded
    after the article's earlier text, as ``multipolar code`` reads it: "he", "the ministry" and
    a surname on their own may name someone the article introduced before."""
    context = str(rec.get("context") or "").rstrip()
    if not context:
        return coder.code(rec["text"], to_date(rec.get("date"))).events
    offset = len(context) + len(_BREAK)
    coded = coder.code(context + _BREAK + rec["text"], to_date(rec.get("date")))
    return [e for e in coded.events if e.start >= offset]


def sentence_class(coder: _CoderLike, rec: dict[str, Any], top: Event | None) -> str:
    """The pentaclass of a gold sentence: its top event's; with no event, that of the
    sentence's main act whoever its parties are (a pentaclass labels a sentence, and "Police
    fired tear gas" is material conflict though the KB places no one); else none."""
    if top is not None:
        return _pentaclass(top.cameo_root)
    if not hasattr(coder, "sentence_code"):
        return NONE_LABEL
    sentence_coder: _SentenceCoder = coder  # type: ignore[assignment]
    code = sentence_coder.sentence_code(rec["text"], to_date(rec.get("date")))
    return _pentaclass(code[:2]) if code else NONE_LABEL


def evaluate(records: Sequence[dict[str, Any]], coder: _CoderLike) -> dict[str, Any]:
    """Code every gold sentence with ``coder`` and score it; returns a JSON-able dict."""
    records = [normalise_record(r) for r in records]
    records = [r for r in records if str(r.get("text", "")).strip()]
    scheme = scheme_of(records)
    trusted = set(_codes()["trusted_petr_categories"])
    gold_lab: list[str] = []
    pred_lab: list[str] = []
    src_hits = src_n = tgt_hits = tgt_n = 0
    tp = n_pred = n_gold = 0
    no_event_n = no_event_fp = 0
    root_hits = root_n = trusted_hits = trusted_n = 0
    pent_gold: list[str] = []
    pent_pred: list[str] = []
    unplaced = 0  # sentences given a class with no event, from their main act alone
    errors: list[dict[str, Any]] = []
    for rec in records:
        events = code_in_context(coder, rec)
        gold = gold_tuples(rec, scheme)
        pred = pred_tuples(events, scheme)
        if scheme == "petr" and rec.get("no_events"):
            no_event_n += 1
            no_event_fp += bool(pred)
            n_pred += len(pred)
            if pred:
                errors.append(_error(rec, [], pred, "event on a no-event sentence"))
            continue
        if not gold:
            label = rec.get("pentaclass")
            if scheme == "petr" and label is not None:
                # a sentence labelled with its pentaclass only: no actors, no tuple to match
                top = top_event(events, scheme)
                pent_gold.append(str(label))
                pent_pred.append(sentence_class(coder, rec, top))
                unplaced += top is None and pent_pred[-1] != NONE_LABEL
                if pent_pred[-1] != str(label):
                    why = f"pentaclass {label} expected, {pent_pred[-1]} given"
                    errors.append(_error(rec, [], pred, why))
            continue
        hit = match_count(gold, pred)
        tp += hit
        n_pred += len(pred)
        n_gold += len(gold)
        top = top_event(events, scheme)
        top_kind = (top.plover if scheme == "plover" else top.cameo_root) if top else None
        glabel = gold[0].kind
        gold_lab.append(glabel)
        pred_lab.append(top_kind or NONE_LABEL)
        if scheme == "petr":
            ok = top_kind is not None and top_kind in {g.kind for g in gold}
            root_n += 1
            root_hits += ok
            if rec.get("category") in trusted:
                trusted_n += 1
                trusted_hits += ok
            pent_gold.append(_pentaclass(glabel))
            pent_pred.append(sentence_class(coder, rec, top))
            unplaced += top is None and pent_pred[-1] != NONE_LABEL
        gsrc = [g.source for g in gold] + [g.target for g in gold if g.reciprocal]
        gtgt = [g.target for g in gold if g.target is not None]
        gtgt += [g.source for g in gold if g.reciprocal]
        if any(s is not None for s in gsrc):
            src_n += 1
            src_hits += top is not None and any(_same(s, pred_country(top.source)) for s in gsrc)
        if gtgt:
            tgt_n += 1
            tgt_hits += top is not None and any(_same(t, pred_country(top.target)) for t in gtgt)
        if hit < max(len(gold), len(pred)) or glabel != (top_kind or NONE_LABEL):
            errors.append(_error(rec, gold, pred, "" if hit else "no tuple matched"))
    result: dict[str, Any] = {
        "scheme": scheme,
        "records": len(records),
        "scored": len(gold_lab),
        "tuple": _prf(tp, n_pred, n_gold),
        "source_country_accuracy": round(src_hits / src_n, 4) if src_n else None,
        "target_country_accuracy": round(tgt_hits / tgt_n, 4) if tgt_n else None,
        "confusion": _confusion(gold_lab, pred_lab),
        "errors": errors,
    }
    acc = (
        sum(g == p for g, p in zip(gold_lab, pred_lab, strict=True)) / len(gold_lab)
        if gold_lab
        else 0.0
    )
    if scheme == "plover":
        result["plover_accuracy"] = round(acc, 4)
        result["plover_macro_f1"] = round(macro_f1(gold_lab, pred_lab), 4)
    else:
        result["cameo_root_accuracy"] = round(root_hits / root_n, 4) if root_n else None
        result["cameo_root_accuracy_trusted"] = (
            round(trusted_hits / trusted_n, 4) if trusted_n else None
        )
        result["trusted_categories"] = sorted(trusted)
        result["pentaclass_macro_f1"] = round(macro_f1(pent_gold, pent_pred), 4)
        result["pentaclass_records"] = len(pent_gold)
        result["pentaclass_without_event"] = unplaced
        result["no_event_records"] = no_event_n
        result["false_event_rate"] = round(no_event_fp / no_event_n, 4) if no_event_n else None
    return result


def _error(
    rec: dict[str, Any], gold: Sequence[Tuple3], pred: Sequence[Tuple3], why: str
) -> dict[str, Any]:
    return {
        "id": rec.get("id"),
        "text": rec.get("text"),
        "gold": [g.show() for g in gold],
        "predicted": [p.show() for p in pred],
        "note": why,
    }


def _confusion(gold: Sequence[str], pred: Sequence[str]) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for (g, p), n in sorted(Counter(zip(gold, pred, strict=True)).items()):
        out.setdefault(g, {})[p] = n
    return out


def format_table(result: dict[str, Any], errors: bool = False) -> str:
    """A plain-text report of :func:`evaluate`'s result."""
    lines = [
        f"scheme: {result['scheme']}   records: {result['records']}   scored: {result['scored']}"
    ]
    metrics = [
        ("PLOVER category accuracy", result.get("plover_accuracy")),
        ("PLOVER category macro-F1", result.get("plover_macro_f1")),
        ("CAMEO root accuracy (all)", result.get("cameo_root_accuracy")),
        (
            "CAMEO root accuracy (" + "+".join(result.get("trusted_categories", [])) + ")",
            result.get("cameo_root_accuracy_trusted"),
        ),
        (
            f"pentaclass macro-F1 ({result.get('pentaclass_records', 0)} sentences, "
            f"{result.get('pentaclass_without_event', 0)} classed without an event)",
            result.get("pentaclass_macro_f1"),
        ),
        ("source country accuracy", result.get("source_country_accuracy")),
        ("target country accuracy", result.get("target_country_accuracy")),
        ("tuple precision", result["tuple"]["precision"]),
        ("tuple recall", result["tuple"]["recall"]),
        ("tuple F1", result["tuple"]["f1"]),
        ("false-event rate (no-event sentences)", result.get("false_event_rate")),
    ]
    width = max(len(k) for k, _ in metrics)
    for k, v in metrics:
        if v is not None and not (k.startswith("CAMEO root accuracy (") and k.endswith("()")):
            lines.append(f"{k:<{width}}  {v:.3f}")
    t = result["tuple"]
    lines.append(
        f"{'tuples (tp / predicted / gold)':<{width}}  {t['tp']} / {t['predicted']} / {t['gold']}"
    )
    conf = result["confusion"]
    cols = sorted({p for row in conf.values() for p in row})
    if conf:
        lines.append("")
        lines.append("confusion (rows gold, columns predicted)")
        short = [c[:6] for c in cols]
        lines.append(f"{'':<11}" + "".join(f"{c:>7}" for c in short))
        for g in sorted(conf):
            lines.append(f"{g[:10]:<11}" + "".join(f"{conf[g].get(c, 0) or '.':>7}" for c in cols))
    if errors:
        lines.append("")
        lines.append(f"errors ({len(result['errors'])})")
        for e in result["errors"]:
            lines.append(f"- {e['id']}: {e['text']}")
            lines.append(f"    gold: {'; '.join(e['gold']) or '(none)'}")
            lines.append(
                f"    pred: {'; '.join(e['predicted']) or '(none)'}"
                + (f"   [{e['note']}]" if e["note"] else "")
            )
    return "\n".join(lines)


class GoldError(ValueError):
    """A gold file that cannot be read; the message names the file and line."""


def read_gold(
    path: str, shared: str | os.PathLike[str] | None = None, category: str | None = None
) -> list[dict[str, Any]]:
    """Read a gold JSONL file; records that point into ``shared/`` get their text from there.

    A record may carry ``ref`` (corpus path under ``shared/``, article id, character offsets
    and a SHA-1 prefix of the sentence) instead of ``text``: third-party news text stays in
    ``shared/`` and only the coding lives in the repository. ``category`` keeps only the
    records of that category (e.g. ``GOLD`` or ``ALLSIDES_CHECK``).
    """
    records: list[tuple[int, dict[str, Any]]] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise GoldError(f"{path} line {n}: not JSON ({exc.msg})") from None
            if not isinstance(rec, dict):
                raise GoldError(f"{path} line {n}: a record must be a JSON object")
            records.append((n, rec))
    if category is not None:
        records = [(n, r) for n, r in records if r.get("category") == category]
    needs = [(n, r) for n, r in records if "text" not in r and "ref" in r]
    if needs:
        _resolve_refs(path, needs, _shared_dir(path, shared))
    return [r for _, r in records]


def _shared_dir(path: str, shared: str | os.PathLike[str] | None) -> Path:
    candidates = [shared, os.environ.get("MULTIPOLAR_SHARED")]
    gold_dir = Path(path).resolve().parent
    candidates += [Path.cwd().parent / "shared", gold_dir.parent.parent / "shared"]
    for c in candidates:
        if c and (Path(c) / "news").is_dir():
            return Path(c)
    raise GoldError(
        f"{path}: its records point into the shared data folder, which was not found; "
        "pass --shared DIR or set MULTIPOLAR_SHARED"
    )


def _resolve_refs(path: str, needs: list[tuple[int, dict[str, Any]]], shared: Path) -> None:
    by_corpus: dict[str, set[str]] = {}
    for n, rec in needs:
        ref = rec["ref"]
        if not isinstance(ref, dict) or not {"corpus", "article", "start", "end"} <= set(ref):
            raise GoldError(f"{path} line {n}: ref needs corpus, article, start and end")
        by_corpus.setdefault(ref["corpus"], set()).add(ref["article"])
    texts: dict[tuple[str, str], str] = {}
    for corpus, ids in by_corpus.items():
        file = shared / corpus
        if not file.is_file():
            raise GoldError(f"{path}: corpus {corpus} is not in {shared}")
        opener = gzip.open if file.suffix == ".gz" else open
        with opener(file, "rt", encoding="utf-8") as fh:
            for line in fh:
                art = json.loads(line)
                if art.get("id") in ids:
                    texts[(corpus, art["id"])] = art.get("text") or ""
    for n, rec in needs:
        ref = rec["ref"]
        body = texts.get((ref["corpus"], ref["article"]))
        if body is None:
            raise GoldError(f"{path} line {n}: article {ref['article']} not in {ref['corpus']}")
        text = body[int(ref["start"]) : int(ref["end"])]
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        if ref.get("sha1") and not digest.startswith(str(ref["sha1"])):
            raise GoldError(
                f"{path} line {n}: the text at {ref['article']}[{ref['start']}:{ref['end']}] "
                f"differs from the coded sentence (sha1 {digest[:12]} != {ref['sha1']}); "
                "the corpus in shared/ has changed"
            )
        rec["text"] = text
        rec["context"] = body[: int(ref["start"])]
