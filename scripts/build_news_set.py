"""Merge hand codings of drawn AllSides sentences into ``evaluation/allsides_2013_2020.jsonl``.

Input: the draw written by ``scripts/sample_news_set.py`` (with text, outside the repository)
and one or more coding files of ``{"id", "events", "no_events", "note"}`` lines. Output: the
repository's gold file, which keeps each sentence only as a reference into ``shared/`` (the
text is the publishers'). The first half of the draw is the tuning half (``ALLSIDES_TUNE``),
the second the check half (``ALLSIDES_CHECK``) that nobody tunes against.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--drawn", type=Path, required=True)
    ap.add_argument("--coded", type=Path, nargs="+", required=True)
    ap.add_argument("--out", type=Path, default=Path("evaluation/allsides_2013_2020.jsonl"))
    args = ap.parse_args()
    drawn = [json.loads(x) for x in args.drawn.read_text("utf-8").splitlines() if x.strip()]
    coded: dict[str, dict[str, object]] = {}
    for path in args.coded:
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path} line {n}: not JSON ({exc.msg})") from None
                coded[rec["id"]] = rec
    half = len(drawn) // 2
    with args.out.open("w", encoding="utf-8") as fh:
        for k, d in enumerate(drawn):
            c = coded.get(d["id"])
            if c is None:
                raise SystemExit(f"{d['id']}: not coded in {', '.join(map(str, args.coded))}")
            events = c["events"]
            assert isinstance(events, list)
            rec = {
                "id": d["id"],
                "category": "ALLSIDES_TUNE" if k < half else "ALLSIDES_CHECK",
                "date": d["date"].replace("-", ""),
                "ref": d["ref"],
                "events": events,
                "no_events": not events,
                "note": c.get("note", ""),
            }
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"{len(drawn)} records -> {args.out}")


if __name__ == "__main__":
    main()
