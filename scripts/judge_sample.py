"""Draw coded events at random for judging by hand (issue 14's event-precision target).

    python scripts/judge_sample.py draw --db intl.duckdb --n 200 --out /tmp/judge
    python scripts/judge_sample.py score /tmp/judge/verdicts.jsonl

``draw`` picks ``--n`` events uniformly from the database's events (never from the articles
in ``shared/holdout/excluded_articles.txt``) and writes, outside the repository, what a judge
needs: the article's date and title, the sentence and the two before it, and the event
(parties, CAMEO code and label, PLOVER type, date). The repository keeps only
``evaluation/precision/sample.jsonl``: event keys (article, sentence index, parties, code).

A judge who did not write the coder's rules gives each event one verdict: ``right`` (the
parties, a defensible CAMEO root, an act at about the article's date), ``partly`` (one of
those wrong) or ``wrong``; ``score`` counts them.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "evaluation" / "precision"


def draw(args: argparse.Namespace) -> None:
    from multipolar.coding.ontology import Ontology
    from multipolar.text.segment import segment

    excluded = {
        x.strip()
        for x in (args.shared / "holdout" / "excluded_articles.txt").read_text("utf-8").splitlines()
        if x.strip() and not x.startswith("#")
    }
    con = duckdb.connect(str(args.db), read_only=True)
    rows = con.execute(
        "SELECT e.article_id, e.sentence_index, e.start, e.sentence, e.date, e.source,"
        " e.target, e.cameo, e.plover, e.coder, a.title, a.date, a.text"
        " FROM events e JOIN articles a ON a.id = e.article_id"
        " ORDER BY e.article_id, e.sentence_index, e.cameo, e.source, e.target"
    ).fetchall()
    rows = [r for r in rows if r[0].split("#")[0] not in excluded]
    rng = random.Random(args.seed)
    picked = rng.sample(rows, args.n)
    onto = Ontology.default()
    args.out.mkdir(parents=True, exist_ok=True)
    keys, items = [], []
    for k, r in enumerate(picked, 1):
        aid, idx, start, sent, date, src, tgt, cameo, plover, coder, title, adate, text = r
        before = [s.text for s in segment(text[:start])][-2:]
        jid = f"PJ_{k:03d}"
        keys.append(
            {
                "id": jid,
                "article": aid,
                "sentence_index": idx,
                "source": src,
                "target": tgt,
                "cameo": cameo,
                "coder": coder,
            }
        )
        items.append(
            {
                "id": jid,
                "article_date": str(adate),
                "title": title,
                "context": " ".join(before),
                "sentence": sent,
                "event": {
                    "source": src,
                    "target": tgt,
                    "cameo": cameo,
                    "label": onto.info(cameo).label,
                    "plover": plover,
                    "date": str(date),
                },
            }
        )
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "sample.jsonl").write_text("".join(json.dumps(k) + "\n" for k in keys), "utf-8")
    (args.out / "to_judge.jsonl").write_text(
        "".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), "utf-8"
    )
    print(f"{len(items)} of {len(rows)} events -> {args.out / 'to_judge.jsonl'}")


def score(args: argparse.Namespace) -> None:
    verdicts = [json.loads(x) for x in args.verdicts.read_text("utf-8").splitlines() if x.strip()]
    c = collections.Counter(v["verdict"] for v in verdicts)
    n = len(verdicts)
    print(
        json.dumps(
            {
                "judged": n,
                "right": c["right"],
                "partly": c["partly"],
                "wrong": c["wrong"],
                "precision": round(c["right"] / n, 3) if n else None,
            }
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("draw")
    p.add_argument("--db", type=Path, required=True)
    p.add_argument("--n", type=int, default=200)
    p.add_argument("--seed", type=int, default=1207)
    p.add_argument("--out", type=Path, required=True)
    p.set_defaults(func=draw)
    p = sub.add_parser("score")
    p.add_argument("verdicts", type=Path)
    p.set_defaults(func=score)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
