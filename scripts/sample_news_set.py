"""Draw sentences from the AllSides corpus in ``shared/`` for hand coding.

The drawn sentences become ``evaluation/allsides_2013_2020.jsonl`` once coded. Only references
(article id, character offsets, a SHA-1 of the sentence) go into the repository: the text is
the publishers' and stays in ``shared/``. ``multipolar eval`` resolves the references.

Most draws (85 %) are sentences naming at least one actor the packaged dictionary knows; the
rest are any sentence of 40-320 characters, so that sentences with actors we do not know and
no-event sentences are represented too.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import random
from pathlib import Path

from multipolar.actors.kb import ActorKB
from multipolar.text.segment import segment

CORPUS = "news/plaintext/allsides/intl_subset.jsonl.gz"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--n", type=int, default=320)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument(
        "--exclude",
        type=Path,
        nargs="*",
        default=[],
        help="earlier draws or gold files whose articles must not be drawn again",
    )
    ap.add_argument("--first-id", type=int, default=1, help="number of the first AS_ id")
    args = ap.parse_args()
    used: set[str] = set()
    for path in args.exclude:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                used.add(json.loads(line)["ref"]["article"])
    rng = random.Random(args.seed)
    kb = ActorKB.default()
    with gzip.open(args.shared / CORPUS, "rt", encoding="utf-8") as fh:
        arts = [json.loads(line) for line in fh]
    arts = [
        a for a in arts if "2013" <= str(a.get("date", ""))[:4] <= "2020" and a["id"] not in used
    ]
    rng.shuffle(arts)
    out = []
    for art in arts:
        if len(out) >= args.n:
            break
        sents = [
            s for s in segment(art["text"]) if 40 <= len(s.text) <= 320 and not s.text.isupper()
        ]
        if not sents:
            continue
        if rng.random() < 0.85:
            sents = [s for s in sents if kb.has_actor(s.text)]
            if not sents:
                continue
        s = rng.choice(sents)
        out.append(
            {
                "id": f"AS_{len(out) + args.first_id:03d}",
                "date": art["date"],
                "ref": {
                    "corpus": CORPUS,
                    "article": art["id"],
                    "start": s.start,
                    "end": s.end,
                    "sha1": hashlib.sha1(s.text.encode()).hexdigest()[:12],
                },
                "title": art.get("title", ""),
                "text": s.text,
            }
        )
    with args.out.open("w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(out)} sentences -> {args.out}")


if __name__ == "__main__":
    main()
