"""Benchmark of the event stage alone: ``EventCoder.code_sentence`` on already-parsed sentences.

The first run builds a fixed set of candidate sentences from the AllSides international subset
(``$MULTIPOLAR_SHARED/news/plaintext/allsides/intl_subset.jsonl.gz``): articles are cleaned and
segmented, actor mentions are found with ``ActorKB.default()``, the sentences with a coded
mention (the ones the coder parses) are kept, up to ``--sentences``, and parsed with
``load_nlp()``. The Docs (a spaCy DocBin) and the mentions are cached under ``--cache``, so later
runs time the same parses. The timed loop then calls ``code_sentence`` on every sentence, as
``Coder._finish`` does (a reset of the carried actor at each article), ``--repeat`` times, and
reports the best rate.

    python bench/event_stage.py                                # build cache if needed, time
    python bench/event_stage.py --dump /tmp/events_after.jsonl # also write every event
    python bench/event_stage.py --profile                      # cProfile of one pass

Without the shared folder it prints a note and exits 0.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import datetime as dt
import gzip
import json
import os
import pstats
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
CORPUS = "news/plaintext/allsides/intl_subset.jsonl.gz"

Job = tuple[int, Any, list[Any], str | None]  # article number, Sentence, mentions, date


def _build(shared: Path, n: int, cache: Path) -> None:
    from spacy.tokens import DocBin

    from multipolar.actors.kb import ActorKB
    from multipolar.coding.coder import relative
    from multipolar.coding.nlp import load_nlp
    from multipolar.text.clean import clean
    from multipolar.text.segment import segment

    kb = ActorKB.default()
    rows: list[dict[str, Any]] = []
    texts: list[str] = []
    with gzip.open(shared / CORPUS, "rt", encoding="utf-8") as fh:
        for art, line in enumerate(fh):
            if len(texts) >= n:
                break
            rec = json.loads(line)
            text = clean(str(rec.get("text") or ""))
            date_s = rec.get("date") or None
            date = dt.date.fromisoformat(date_s) if date_s else None
            mentions = kb.mentions(text, date)
            for sent in segment(text):
                rel = relative(mentions, sent)
                if not any(m.code for m in rel):
                    continue
                rows.append(
                    {
                        "article": art,
                        "sentence": dataclasses.asdict(sent),
                        "mentions": [dataclasses.asdict(m) for m in rel],
                        "date": date.isoformat() if date else None,
                    }
                )
                texts.append(sent.text)
                if len(texts) >= n:
                    break
    nlp = load_nlp()
    db = DocBin(store_user_data=False)
    for doc in nlp.pipe(texts, batch_size=256):
        db.add(doc)
    cache.mkdir(parents=True, exist_ok=True)
    db.to_disk(cache / "docs.spacy")
    with open(cache / "jobs.jsonl", "w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r) + "\n")


def _load(cache: Path) -> tuple[list[Job], list[Any]]:
    from spacy.tokens import DocBin

    from multipolar.coding.nlp import load_nlp
    from multipolar.records import Mention, Sentence

    nlp = load_nlp()
    docs = list(DocBin().from_disk(cache / "docs.spacy").get_docs(nlp.vocab))
    jobs: list[Job] = []
    with open(cache / "jobs.jsonl", encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            jobs.append(
                (
                    r["article"],
                    Sentence(**r["sentence"]),
                    [Mention(**m) for m in r["mentions"]],
                    r["date"],
                )
            )
    assert len(jobs) == len(docs), (len(jobs), len(docs))
    return jobs, docs


def _pass(coder: Any, jobs: list[Job], docs: list[Any]) -> list[tuple[int, Any]]:
    out: list[tuple[int, Any]] = []
    last = -1
    for k, ((art, sent, rel, date), doc) in enumerate(zip(jobs, docs, strict=True)):
        if art != last:
            coder._prev = (-10, [])
            last = art
        for ev in coder.code_sentence(sent, doc, rel, date):
            out.append((k, ev))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sentences", type=int, default=3000)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/multipolar_event_stage"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--dump", type=Path, help="write every event as a JSON line")
    ap.add_argument("--profile", action="store_true", help="cProfile one pass")
    ap.add_argument("--rebuild", action="store_true", help="parse again even if cached")
    args = ap.parse_args(argv)

    shared = Path(os.environ.get("MULTIPOLAR_SHARED", REPO.parent / "shared"))
    cache = args.cache / str(args.sentences)
    if args.rebuild or not (cache / "docs.spacy").exists():
        if not (shared / CORPUS).exists():
            print(f"skipped: {shared / CORPUS} not found (set MULTIPOLAR_SHARED)")
            return 0
        t = time.perf_counter()
        _build(shared, args.sentences, cache)
        print(f"built {cache} in {time.perf_counter() - t:.1f} s", file=sys.stderr)

    from multipolar.coding.events.coder import EventCoder

    jobs, docs = _load(cache)
    coder = EventCoder()
    _pass(coder, jobs[:50], docs[:50])  # warm caches (dictionaries, lazy tables)

    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        _pass(coder, jobs, docs)
        prof.disable()
        stats = pstats.Stats(prof, stream=sys.stdout)
        stats.sort_stats("tottime").print_stats(15)
        stats.sort_stats("cumulative").print_stats(25)

    best = float("inf")
    events: list[tuple[int, Any]] = []
    for _ in range(args.repeat):
        t = time.perf_counter()
        events = _pass(coder, jobs, docs)
        best = min(best, time.perf_counter() - t)
    rate = len(docs) / best
    print(
        json.dumps(
            {
                "sentences": len(docs),
                "events": len(events),
                "best_s": round(best, 3),
                "sentences_per_s": round(rate, 1),
            }
        )
    )
    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as out:
            for k, ev in events:
                out.write(json.dumps({"job": k, **ev.to_dict()}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
