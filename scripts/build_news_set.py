"""Merge hand codings of drawn AllSides sentences into ``evaluation/allsides_2013_2020.jsonl``.

Input: the draw written by ``scripts/sample_news_set.py`` (with text, outside the repository)
and one or more coding files of ``{"id", "events", "no_events", "note"}`` lines. Output: the
repository's gold file, which keeps each sentence only as a reference into ``shared/`` (the
text is the publishers'). Records whose number is in ``--check-range`` form the check half
(``ALLSIDES_CHECK``) that nobody tunes against; the others are the tuning half
(``ALLSIDES_TUNE``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--drawn", type=Path, nargs="+", required=True)
    ap.add_argument("--coded", type=Path, nargs="+", required=True)
    ap.add_argument("--out", type=Path, default=Path("evaluation/allsides_2013_2020.jsonl"))
    ap.add_argument(
        "--check-range", type=int, nargs=2, default=(161, 320), metavar=("FIRST", "LAST")
    )
    args = ap.parse_args()
    drawn = [
        json.loads(x)
        for path in args.drawn
        for x in path.read_text("utf-8").splitlines()
        if x.strip()
    ]
    first, last = args.check_range
    coded: dict[str, dict[str, object]] = {}
    for path in args.coded:
        for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise SystemExit(f"{path} line {n}: not JSON ({exc.msg})") from None
                coded[rec["id"]] = rec
    with args.out.open("w", encoding="utf-8") as fh:
        for d in drawn:
            c = coded.get(d["id"])
            if c is None:
                raise SystemExit(f"{d['id']}: not coded in {', '.join(map(str, args.coded))}")
            events = c["events"]
            assert isinstance(events, list)
            rec = {
                "id": d["id"],
                "category": (
                    "ALLSIDES_CHECK" if first <= int(d["id"][3:]) <= last else "ALLSIDES_TUNE"
                ),
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
