"""Scale series: the views of a coded database when its events table grows to millions of rows.

Copies a coded database (``--db``, e.g. the AllSides international subset after ``ingest`` and
``code``), grows the copy's ``events`` table inside DuckDB to each size of ``--sizes`` by
repeating the coded events with new article ids (``<id>~<k>``; the views never join
``articles``, so the articles are not copied), then times, as subprocesses with the peak RSS of
the process tree (``measure`` from ``bench/run.py``):

* ``multipolar dyads A B``, ``network``, ``hedging``, ``events --dyad A B --limit 200``;
* ``multipolar report`` (the whole HTML file);
* a dashboard page load: ``/`` and the API calls the page makes when it opens (stats, actors,
  events, network, hedging, and a dyad), through FastAPI's TestClient in one process.

It appends a "Scale series" table to ``bench/RESULTS.md``.

    python bench/scale.py --db intl.duckdb                        # 1M, 5M and 20M events
    python bench/scale.py --db intl.duckdb --sizes 1000000,5000000
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import CORPUS, measure

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

PAGE = r"""
import json, sys, time
from fastapi.testclient import TestClient
from multipolar.web.serve import create_app
client = TestClient(create_app(sys.argv[1]))
a, b = sys.argv[2], sys.argv[3]
urls = ["/", "/static/plotly.min.js", "/api/stats", "/api/actors", "/api/events?limit=200",
        "/api/network", "/api/hedging?hub=USA", f"/api/dyads?a={a}&b={b}&freq=month"]
times = {}
for url in urls:
    t = time.perf_counter()
    r = client.get(url)
    r.raise_for_status()
    times[url] = time.perf_counter() - t
print(json.dumps(times))
"""


INPROC = r"""
import json, sys, time
from multipolar import store
from multipolar.analytics import indb
from multipolar.web.report import load_report_data
con = store.connect(sys.argv[1], read_only=True)
con.execute("SET enable_progress_bar = false")
a, b = sys.argv[2], sys.argv[3]
calls = {
    f"dyads {a} {b}": lambda: indb.dyad_series_db(con, a, b),
    "network": lambda: indb.network_db(con),
    "hedging": lambda: indb.hedging_db(con, "USA"),
    f"events --dyad {a} {b} --limit 200": lambda: store.query_events(
        con, store.EventFilter(dyad=(a, b), limit=200)
    ),
    "report": lambda: load_report_data(con, "USA", 6),
}
times = {}
for name, call in calls.items():
    t = time.perf_counter()
    call()
    times[name] = time.perf_counter() - t
print(json.dumps(times))
"""


def grow(con: object, target: int) -> int:
    """Add copies of the original events (those without ``~`` in their article id) until the
    table holds ``target`` rows; returns the row count."""
    execute = con.execute  # type: ignore[attr-defined]
    n = execute("SELECT count(*) FROM events").fetchone()[0]
    base = execute("SELECT count(*) FROM events WHERE NOT contains(article_id, '~')").fetchone()[0]
    copy = execute(
        "SELECT coalesce(max(CAST(split_part(article_id, '~', 2) AS INTEGER)), 0) FROM events"
        " WHERE contains(article_id, '~')"
    ).fetchone()[0]
    if n < target:
        # All the copies in one statement: copy k of the base events gets ids "<id>~k".
        need = target - n
        copies = -(-need // base)
        execute(
            "INSERT INTO events SELECT e.* REPLACE (e.article_id || '~' || CAST(r.k AS VARCHAR)"
            " AS article_id) FROM (SELECT * FROM events WHERE NOT contains(article_id, '~')) e,"
            " range(?, ?) r(k) LIMIT ?",
            [copy + 1, copy + 1 + copies, need],
        )
        n += need
    execute("CHECKPOINT")
    return int(n)


def bench(db: Path, a: str, b: str) -> list[tuple[str, float, float, str]]:
    mp = str(BIN / "multipolar")
    rows: list[tuple[str, float, float, str]] = []
    wall, rss, _pss, _o, _e = measure([mp, "--version"])
    rows.append(("start-up: multipolar --version", wall, rss, ""))
    _w, _r, _p, inproc_json, _e = measure(
        [sys.executable, "-c", INPROC, str(db), a, b], stdout=None
    )
    inproc = json.loads(inproc_json.strip().splitlines()[-1])
    for name, cmd in (
        (f"dyads {a} {b}", [mp, "dyads", a, b, "--db", str(db)]),
        ("network", [mp, "network", "--db", str(db)]),
        ("hedging", [mp, "hedging", "--db", str(db)]),
        (
            f"events --dyad {a} {b} --limit 200",
            [mp, "events", "--dyad", a, b, "--limit", "200", "--db", str(db)],
        ),
    ):
        wall, rss, _pss, _o, _e = measure(cmd)
        rows.append((name, wall, rss, f"in-process {inproc[name]:.2f} s"))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.html"
        wall, rss, _pss, _o, _e = measure([mp, "report", "--db", str(db), "--out", str(out)])
        size = out.stat().st_size / 1e6
        note = f"in-process (DuckDB part) {inproc['report']:.2f} s; {size:.1f} MB of HTML"
        rows.append(("report", wall, rss, note))
    wall, rss, _pss, out_json, _e = measure(
        [sys.executable, "-c", PAGE, str(db), a, b], stdout=None
    )
    times = json.loads(out_json.strip().splitlines()[-1])
    calls = ", ".join(f"{u.split('?')[0]} {s:.2f}" for u, s in times.items())
    rows.append(
        (
            "dashboard page load (sum of requests)",
            sum(times.values()),
            rss,
            f"process {wall:.1f} s incl. start-up; {calls}",
        )
    )
    return rows


def _coded_sample(work: Path, n: int = 1000) -> Path:
    """The first ``n`` articles of the benchmark corpus, ingested and coded."""
    shared = Path(os.environ.get("MULTIPOLAR_SHARED", REPO.parent / "shared"))
    src = work / "sample.jsonl"
    with gzip.open(shared / CORPUS, "rt", encoding="utf-8") as fh, src.open("w") as out:
        for k, line in enumerate(fh):
            if k >= n:
                break
            out.write(line)
    db = work / "sample.duckdb"
    mp = str(BIN / "multipolar")
    subprocess.run([mp, "ingest", "-q", "--db", str(db), str(src)], check=True)
    subprocess.run([mp, "code", "--db", str(db)], check=True)
    return db


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--db",
        default=None,
        help="A coded database to copy (left as it is) [default: the first 1,000 articles of"
        " the benchmark corpus, ingested and coded first].",
    )
    ap.add_argument("--sizes", default="1000000,5000000,20000000")
    ap.add_argument("--dyad", nargs=2, default=("USA", "CHN"), metavar=("A", "B"))
    ap.add_argument("--work", default=None, help="Folder for the grown copy [default: a temp dir].")
    ap.add_argument("--out", default=str(REPO / "bench" / "RESULTS.md"))
    args = ap.parse_args()
    import duckdb

    sizes = [int(s) for s in args.sizes.split(",")]
    work = Path(args.work or tempfile.mkdtemp(prefix="multipolar-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / "scale.duckdb"
    if args.db is None:
        args.db = str(_coded_sample(work))
    shutil.copyfile(args.db, db)
    load_before = os.getloadavg()[0]
    results: list[tuple[int, list[tuple[str, float, float, str]], float, float]] = []
    for size in sizes:
        con = duckdb.connect(str(db))
        n = grow(con, size)
        con.close()
        mb = db.stat().st_size / 1e6
        print(f"{n} events ({mb:.0f} MB)", file=sys.stderr, flush=True)
        rows = bench(db, *args.dyad)
        for name, wall, rss, note in rows:
            print(f"  {name}: {wall:.2f} s, {rss:.0f} MB {note}", file=sys.stderr, flush=True)
        results.append((n, rows, mb, os.getloadavg()[0]))
    write(Path(args.out), args, results, load_before)
    if not args.work:
        shutil.rmtree(work)


def write(
    out: Path,
    args: argparse.Namespace,
    results: list[tuple[int, list[tuple[str, float, float, str]], float, float]],
    load_before: float,
) -> None:
    lines = [
        "",
        "## Scale series: the views at 1M, 5M and 20M events",
        "",
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- machine: nproc {os.cpu_count()}, Python {platform.python_version()}",
        f"- command: `python bench/scale.py --db {Path(args.db).name} --sizes {args.sizes}`",
        "- data: the coded database's events repeated with new article ids until the table"
        " holds N rows (DuckDB file size in the table)",
        f"- load average before: {load_before:.2f} (other work on the machine slows every row)",
        "- wall s is the whole process (Python start-up included); RSS is the peak over the"
        " process tree; the page load is the sum of the requests made one after the other",
        "",
        "| events | DB MB | view | wall s | peak RSS MB | note |",
        "|---:|---:|---|---:|---:|---|",
    ]
    for n, rows, mb, _load in results:
        for name, wall, rss, note in rows:
            lines.append(f"| {n:,} | {mb:.0f} | {name} | {wall:.2f} | {rss:.0f} | {note} |")
    with out.open("a", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
