"""Cost against document length: is one long document coded in time linear in its length?

Builds single documents of 100k, 400k, 1.6M and 2M characters from the AllSides corpus
(``$MULTIPOLAR_SHARED/news/plaintext/allsides/recent_2018_2020.jsonl.gz``) in two ways:

* ``repeated``: one article repeated until the length is reached (the same names over and
  over: the worst case for passes that rescan mentions);
* ``distinct``: consecutive distinct articles joined by blank lines.

Each document is coded in a fresh process through the public API (``Coder.code``), timed
after the parser and the actor knowledge are loaded and warmed on a short text, so the fixed
start-up (about 5 s) does not flatter the large sizes. The time per character is compared
from the smallest to the largest (a linear pipeline keeps the ratio near 1; the target is
within 1.5x).

``--reliability`` then runs the inputs ``docs/limits.md`` promises to handle: a 30 MB text
file beside a malformed JSONL file and a binary file, through ``ingest`` and ``code``.

    python bench/length.py                      # length series, both kinds
    python bench/length.py --reliability        # also the 30 MB case (a few minutes)
    python bench/length.py --sizes 100000 400000 --kinds repeated
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import resource
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import BIN, CORPUS, REPO, machine, measure

SIZES = (100_000, 400_000, 1_600_000, 2_000_000)

CODE_ONE = r"""
import datetime as dt, json, sys, time
from multipolar import Coder
coder = Coder()
coder.code("Canada and Mexico signed a trade pact in Ottawa.", dt.date(2019, 6, 1))
text = open(sys.argv[1], encoding="utf-8").read()
t, c = time.perf_counter(), time.process_time()
coded = coder.code(text, dt.date(2019, 6, 1))
wall, cpu = time.perf_counter() - t, time.process_time() - c
print(json.dumps({"code_s": wall, "cpu_s": cpu, "events": len(coded.events)}))
"""


def articles(shared: Path, n: int = 2000) -> list[str]:
    path = shared / CORPUS
    if not path.exists():
        raise SystemExit(f"{path}: corpus not found; set MULTIPOLAR_SHARED to the shared folder")
    out: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            text = str(json.loads(line).get("text") or "")
            if len(text) > 2000:
                out.append(text)
            if len(out) >= n:
                break
    return out


def document(texts: list[str], size: int, kind: str) -> str:
    parts: list[str] = []
    total = 0
    k = 0
    while total < size:
        t = texts[0] if kind == "repeated" else texts[k % len(texts)]
        parts.append(t)
        total += len(t) + 2
        k += 1
    return "\n\n".join(parts)[:size]


def length_series(
    texts: list[str], sizes: list[int], kinds: list[str], tmp: Path
) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    for kind in kinds:
        for size in sizes:
            path = tmp / f"{kind}_{size}.txt"
            path.write_text(document(texts, size, kind), encoding="utf-8")
            wall, rss, _pss, out, _err = measure(
                [sys.executable, "-c", CODE_ONE, str(path)], stdout=None
            )
            info = json.loads(out.strip().splitlines()[-1])
            rows.append(
                {
                    "kind": kind,
                    "chars": size,
                    "code_s": round(info["code_s"], 2),
                    "us_per_char": round(info["code_s"] / size * 1e6, 2),
                    "cpu_s": round(info["cpu_s"], 2),
                    "cpu_us_per_char": round(info["cpu_s"] / size * 1e6, 2),
                    "events": info["events"],
                    "wall_s": round(wall, 1),
                    "peak_rss_mb": round(rss),
                }
            )
            print(json.dumps(rows[-1]), flush=True)
    return rows


def reliability(texts: list[str], tmp: Path, workers: int) -> dict[str, object]:
    mp = str(BIN / "multipolar")
    inputs = tmp / "inputs"
    inputs.mkdir()
    big = inputs / "transcript_30mb.txt"
    with open(big, "w", encoding="utf-8") as fh:
        written, k = 0, 0
        while written < 30 * 1024 * 1024:
            t = texts[k % len(texts)]
            fh.write(t + "\n\n")
            written += len(t.encode("utf-8")) + 2
            k += 1
    (inputs / "broken.jsonl").write_text('{"id": "a", "text": "ok text"\nnot json\n[1, 2]\n')
    (inputs / "blob.txt").write_bytes(bytes(range(256)) * 64)
    db = tmp / "reliability.duckdb"
    c0 = _children_cpu()
    w_i, rss_i, _p, _o, err_i = measure([mp, "ingest", "--db", str(db), str(inputs)])
    c1 = _children_cpu()
    w_c, rss_c, _p, _o, err_c = measure([mp, "code", "--db", str(db), "--workers", str(workers)])
    c2 = _children_cpu()
    row = {
        "input_mb": round(big.stat().st_size / 2**20, 1),
        "ingest_s": round(w_i, 1),
        "code_s": round(w_c, 1),
        "total_s": round(w_i + w_c, 1),
        "ingest_cpu_s": round(c1 - c0, 1),
        "code_cpu_s": round(c2 - c1, 1),
        "peak_rss_mb": round(max(rss_i, rss_c)),
        "code_summary": err_c.strip().splitlines()[-1] if err_c.strip() else "",
        "rejected": [ln for ln in err_i.splitlines() if ln.startswith("rejected")],
    }
    print(json.dumps(row), flush=True)
    return row


def _children_cpu() -> float:
    # CPU seconds (user + system) of finished child processes and theirs: on a shared
    # machine the wall clock also counts other people's work
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def write_results(
    rows: list[dict[str, object]], rel: dict[str, object] | None, out: Path, cmd: str
) -> None:
    lines = [
        "",
        "## Length series: one document, growing",
        "",
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC; machine: {machine()}",
        f"- command: `{cmd}`; load average before: {os.getloadavg()[0]:.2f}",
        "",
        "| kind | characters | coding s | µs per character | CPU s | CPU µs per character "
        "| events | process wall s | peak RSS MB |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['kind']} | {r['chars']:,} | {r['code_s']} | {r['us_per_char']} | "
            f"{r['cpu_s']} | {r['cpu_us_per_char']} | {r['events']} | {r['wall_s']} | {r['peak_rss_mb']} |"
        )
    for kind in sorted({str(r["kind"]) for r in rows}):
        ks = [r for r in rows if r["kind"] == kind]
        if len(ks) > 1:
            first, last = ks[0], ks[-1]
            ratio = float(last["us_per_char"]) / float(first["us_per_char"])  # type: ignore[arg-type]
            cpu = float(last["cpu_us_per_char"]) / float(first["cpu_us_per_char"])  # type: ignore[arg-type]
            lines.append(
                f"\n{kind}: time per character at {last['chars']:,} is {ratio:.2f}x "
                f"that at {first['chars']:,} (CPU time: {cpu:.2f}x; target: within 1.5x)."
            )
    if rel:
        lines += [
            "",
            "## Reliability inputs: 30 MB text beside malformed and binary files",
            "",
            f"- ingest {rel['ingest_s']} s, code {rel['code_s']} s, total {rel['total_s']} s "
            f"(target: under 300 s); CPU s: ingest {rel['ingest_cpu_s']}, code "
            f"{rel['code_cpu_s']}; peak RSS {rel['peak_rss_mb']} MB",
            f"- {rel['code_summary']}",
        ]
        lines += [f"- {r}" for r in rel["rejected"]]  # type: ignore[attr-defined]
    with open(out, "a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    ap.add_argument("--kinds", nargs="+", default=["repeated", "distinct"])
    ap.add_argument("--reliability", action="store_true", help="also the 30 MB ingest+code case")
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--out", default=str(REPO / "bench" / "RESULTS.md"))
    args = ap.parse_args()
    shared = Path(os.environ.get("MULTIPOLAR_SHARED", REPO.parent / "shared"))
    texts = articles(shared)
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        rows = length_series(texts, args.sizes, args.kinds, tmp)
        rel = reliability(texts, tmp, args.workers) if args.reliability else None
    write_results(rows, rel, Path(args.out), "python bench/length.py " + " ".join(sys.argv[1:]))


if __name__ == "__main__":
    main()
