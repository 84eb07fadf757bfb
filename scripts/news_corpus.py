"""The hand-coded real-news corpus (issue 14): draw, hand out, merge, measure agreement.

The corpus lives in ``evaluation/news_corpus/`` as references only (corpus, article id,
character offsets, a SHA-1 prefix of the sentence) plus labels; the text stays in
``shared/`` (the publishers'). The coding guide is ``docs/annotation.md``.

    python scripts/news_corpus.py sample --n 3000            # items.jsonl (refs + split)
    python scripts/news_corpus.py batches --size 250 --out /tmp/nc   # text for the coders
    python scripts/news_corpus.py merge /tmp/nc/labels_*.jsonl       # labels.jsonl
    python scripts/news_corpus.py agree /tmp/nc/double_*.jsonl       # Cohen's kappa

Sampling: half the items are sentences drawn at random from all sentences (40-400
characters); half are sentences that name two or more distinct states or organisations the
packaged dictionary knows, at the article's date (where alignment events live). At most one
sentence per article per half. Never drawn: the articles of
``shared/holdout/excluded_articles.txt`` and those of ``evaluation/allsides_2013_2020.jsonl``
(its check halves stay blind). Items are split by article: train 70 %, dev 15 %, test 15 %.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import gzip
import hashlib
import json
import random
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "evaluation" / "news_corpus"
CORPORA = (
    "news/plaintext/allsides/intl_subset.jsonl.gz",
    "news/plaintext/allsides/recent_2018_2020.jsonl.gz",
)
REASONS = ("caption", "background", "opinion", "hypothetical", "domestic", "other")


def _excluded(shared: Path) -> set[str]:
    out = set()
    for line in (shared / "holdout" / "excluded_articles.txt").read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            out.add(line.strip())
    allsides = ROOT / "evaluation" / "allsides_2013_2020.jsonl"
    for line in allsides.read_text("utf-8").splitlines():
        if line.strip():
            out.add(json.loads(line)["ref"]["article"])
    return out


def _articles(shared: Path) -> list[tuple[str, dict[str, Any]]]:
    arts = []
    for corpus in CORPORA:
        with gzip.open(shared / corpus, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                arts.append((corpus, rec))
    return arts


def _split(article: str, seed: int) -> str:
    # Stable per article whatever else is drawn: a hash, not the draw order.
    h = int(hashlib.sha1(f"{seed}:{article}".encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    return "train" if h < 0.70 else "dev" if h < 0.85 else "test"


def sample(args: argparse.Namespace) -> None:
    from multipolar.actors.kb import ActorKB
    from multipolar.coding.coder import by_sentence
    from multipolar.dates import to_date
    from multipolar.text.segment import segment

    shared = args.shared
    excluded = _excluded(shared)
    rng = random.Random(args.seed)
    arts = [(c, a) for c, a in _articles(shared) if a["id"] not in excluded and a.get("text")]
    rng.shuffle(arts)
    kb = ActorKB.default()
    half = args.n // 2
    random_items: list[dict[str, Any]] = []
    multi_items: list[dict[str, Any]] = []
    for corpus, art in arts:
        if len(random_items) >= half and len(multi_items) >= args.n - half:
            break
        text = art["text"]
        sents = [s for s in segment(text) if 40 <= len(s.text) <= 400]
        if not sents:
            continue
        day = to_date(art.get("date"))
        picked = -1  # one article gives at most one sentence to each half, never the same
        if len(random_items) < half:
            s = rng.choice(sents)
            picked = s.start
            random_items.append(_item(corpus, art, s, "random"))
        if len(multi_items) < args.n - half:
            mentions = kb.mentions(text, day)
            per = by_sentence(mentions, sents)
            multi = [
                s
                for s, ms in zip(sents, per, strict=True)
                if len({m.code for m in ms if m.code}) >= 2 and s.start != picked
            ]
            if multi:
                multi_items.append(_item(corpus, art, rng.choice(multi), "multi"))
    items = random_items + multi_items
    rng.shuffle(items)
    for k, it in enumerate(items, 1):
        it["id"] = f"NC_{k:05d}"
        it["split"] = _split(it["ref"]["article"], args.seed)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with (OUT_DIR / "items.jsonl").open("w", encoding="utf-8") as fh:
        for it in items:
            fh.write(json.dumps({k: v for k, v in it.items() if k != "_text"}) + "\n")
    counts = collections.Counter((it["bucket"], it["split"]) for it in items)
    print(f"{len(items)} items -> {OUT_DIR / 'items.jsonl'}; {dict(sorted(counts.items()))}")


def _item(corpus: str, art: dict[str, Any], s: Any, bucket: str) -> dict[str, Any]:
    return {
        "id": "",
        "bucket": bucket,
        "split": "",
        "date": str(art.get("date") or "")[:10],
        "ref": {
            "corpus": corpus,
            "article": art["id"],
            "start": s.start,
            "end": s.end,
            "sha1": hashlib.sha1(s.text.encode("utf-8")).hexdigest()[:12],
        },
    }


def _resolve(shared: Path, items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Text, title and the two earlier sentences of each item, checked against its sha1."""
    from multipolar.text.segment import segment

    wanted = {it["ref"]["article"] for it in items}
    texts: dict[str, dict[str, Any]] = {}
    for _corpus, art in _articles(shared):
        if art["id"] in wanted:
            texts[art["id"]] = art
    out = {}
    for it in items:
        art = texts[it["ref"]["article"]]
        start, end = it["ref"]["start"], it["ref"]["end"]
        sent = art["text"][start:end]
        if not hashlib.sha1(sent.encode("utf-8")).hexdigest().startswith(it["ref"]["sha1"]):
            raise SystemExit(f"{it['id']}: the corpus text changed (sha1 mismatch)")
        before = [s.text for s in segment(art["text"][:start])][-2:]
        out[it["id"]] = {
            "id": it["id"],
            "date": it["date"],
            "title": art.get("title") or "",
            "context": " ".join(before),
            "text": sent,
        }
    return out


def batches(args: argparse.Namespace) -> None:
    items = [json.loads(x) for x in (OUT_DIR / "items.jsonl").read_text("utf-8").splitlines()]
    if args.ids:
        keep = set(Path(args.ids).read_text("utf-8").split())
        items = [it for it in items if it["id"] in keep]
    resolved = _resolve(args.shared, items)
    args.out.mkdir(parents=True, exist_ok=True)
    for b in range(0, len(items), args.size):
        chunk = items[b : b + args.size]
        path = args.out / f"{args.prefix}_{b // args.size + 1:02d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for it in chunk:
                fh.write(json.dumps(resolved[it["id"]], ensure_ascii=False) + "\n")
        print(f"{len(chunk)} items -> {path}")


def _read_labels(paths: list[Path]) -> dict[str, dict[str, Any]]:
    out: dict[str, dict[str, Any]] = {}
    for path in paths:
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SystemExit(f"{path}:{n}: not JSON ({exc.msg})") from None
            problem = _check(rec)
            if problem:
                raise SystemExit(f"{path}:{n}: {problem}")
            out[rec["id"]] = rec
    return out


def _check(rec: dict[str, Any]) -> str | None:
    if not isinstance(rec.get("events"), list):
        return "'events' must be a list"
    if not rec["events"] and rec.get("no_event") not in REASONS:
        return f"no events and no_event is {rec.get('no_event')!r}; use one of {REASONS}"
    for ev in rec["events"]:
        cameo = str(ev.get("cameo") or "")
        if not (cameo.isdigit() and 3 <= len(cameo) <= 4 and 1 <= int(cameo[:2]) <= 20):
            return f"event code {cameo!r} is not a CAMEO code"
        if ev.get("modality") not in (
            "asserted",
            "intended",
            "threatened",
            "hypothetical",
            "reported",
        ):
            return f"modality {ev.get('modality')!r} is not one of the five"
    return None


def _plover(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each event's PLOVER type from the project's CAMEO->PLOVER table, not the coder's
    memory of it (roots 01-02 have none); a coder's differing choice is kept beside it."""
    from multipolar.coding.ontology import Ontology

    onto = Ontology.default()
    out = []
    for ev in events:
        ev = dict(ev)
        table = onto.info(str(ev["cameo"])).plover
        if ev.get("plover") != table:
            ev["plover_coder"] = ev.get("plover")
        ev["plover"] = table
        out.append(ev)
    return out


def merge(args: argparse.Namespace) -> None:
    items = [json.loads(x) for x in (OUT_DIR / "items.jsonl").read_text("utf-8").splitlines()]
    labels = _read_labels(args.labels)
    out = []
    for it in items:
        lab = labels.get(it["id"])
        if lab is None:
            continue
        out.append(
            {
                "id": it["id"],
                "events": _plover(lab["events"]),
                "no_event": lab.get("no_event") if not lab["events"] else None,
                "coder": lab.get("coder", ""),
                "note": lab.get("note", ""),
            }
        )
    with (OUT_DIR / "labels.jsonl").open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    n_ev = sum(1 for r in out if r["events"])
    reasons = collections.Counter(r["no_event"] for r in out if not r["events"])
    print(
        f"{len(out)} of {len(items)} items labelled -> {OUT_DIR / 'labels.jsonl'}; "
        f"{n_ev} with events; no-event reasons {dict(reasons.most_common())}"
    )


def kappa(a: list[str], b: list[str]) -> float:
    """Cohen's kappa of two codings of the same items."""
    n = len(a)
    if n == 0:
        return float("nan")
    po = sum(x == y for x, y in zip(a, b, strict=True)) / n
    ca, cb = collections.Counter(a), collections.Counter(b)
    pe = sum(ca[k] * cb.get(k, 0) for k in ca) / (n * n)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def agree(args: argparse.Namespace) -> None:
    first = {r["id"]: r for r in _jsonl(OUT_DIR / "labels.jsonl")}
    second = _read_labels(args.second)
    ids = sorted(set(first) & set(second))
    ev_a = ["event" if first[i]["events"] else "none" for i in ids]
    ev_b = ["event" if second[i]["events"] else "none" for i in ids]
    both = [i for i in ids if first[i]["events"] and second[i]["events"]]
    root_a = [str(first[i]["events"][0]["cameo"])[:2] for i in both]
    root_b = [str(second[i]["events"][0]["cameo"])[:2] for i in both]
    result = {
        "date": dt.date.today().isoformat(),
        "double_coded": len(ids),
        "event_agreement": round(
            sum(x == y for x, y in zip(ev_a, ev_b, strict=True)) / len(ids), 3
        ),
        "event_kappa": round(kappa(ev_a, ev_b), 3),
        "root_items": len(both),
        "root_agreement": round(
            sum(x == y for x, y in zip(root_a, root_b, strict=True)) / max(1, len(both)), 3
        ),
        "root_kappa": round(kappa(root_a, root_b), 3),
    }
    (OUT_DIR / "agreement.json").write_text(json.dumps(result, indent=2) + "\n", "utf-8")
    print(json.dumps(result))


def _jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("sample", help="draw the items (references and splits)")
    p.add_argument("--n", type=int, default=3000)
    p.add_argument("--seed", type=int, default=2614)
    p.set_defaults(func=sample)
    p = sub.add_parser("batches", help="write the coders' batches (with text) outside the repo")
    p.add_argument("--size", type=int, default=250)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--prefix", default="batch")
    p.add_argument("--ids", help="a file of item ids to include (e.g. the double-coded share)")
    p.set_defaults(func=batches)
    p = sub.add_parser("merge", help="merge coders' label files into labels.jsonl")
    p.add_argument("labels", type=Path, nargs="+")
    p.set_defaults(func=merge)
    p = sub.add_parser("agree", help="Cohen's kappa of a second coding against labels.jsonl")
    p.add_argument("second", type=Path, nargs="+")
    p.set_defaults(func=agree)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    sys.exit(main())
