"""What several test modules share: paths, small corpora written by the tests themselves,
hand-made events and databases, and a stub coder. Fixtures are in ``conftest.py``; no test
module imports from another."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from pathlib import Path
from typing import Any

import pytest

from multipolar import store
from multipolar.coding.ontology import Ontology
from multipolar.ingestion.ingest import ingest
from multipolar.records import Coded, Event, Quantity

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"


SHARED = Path(os.environ.get("MULTIPOLAR_SHARED", ROOT.parent / "shared"))


SAMPLE = ROOT / "examples" / "sample_news.jsonl"


def shared_path(*parts: str) -> Path:
    """A path in ../shared; the calling test is skipped when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} not available (set MULTIPOLAR_SHARED)")
    return path


def coded_triples(text: str, date: str) -> set[tuple[str | None, str | None, str]]:
    """(source, target, CAMEO root) of every event the default coder finds in ``text``."""
    from multipolar import extract

    return {(e.source, e.target, e.cameo_root) for e in extract(text, date)}


def summary(evs: list[Event]) -> set[tuple[str | None, str, str | None]]:
    """(source, CAMEO root, target) of each event; a reciprocal pair in sorted order."""
    out = set()
    for e in evs:
        s, t = e.source, e.target
        if e.reciprocal and s and t:
            s, t = sorted((s, t))
        out.add((s, e.cameo_root, t))
    return out


def make_event(article_id: str, sentence_index: int = 0, **fields: Any) -> Event:
    """A CAN→MEX consultation (036) for store and query tests; ``fields`` override."""
    values: dict[str, Any] = {
        "sentence_index": sentence_index,
        "start": 0,
        "end": 5,
        "sentence": "x",
        "date": "2025-01-01",
        "source": "CAN",
        "target": "MEX",
        "cameo": "036",
        "cameo_root": "03",
        "quad": 1,
        "pentaclass": 1,
        "goldstein": 4.0,
        "plover": "CONSULT",
        "plover_mode": None,
        "plover_context": ["diplomatic"],
        "article_id": article_id,
        "coder": "t@0",
    }
    values.update(fields)
    return Event(**values)


INTL = SHARED / "news" / "plaintext" / "allsides" / "intl_subset.jsonl.gz"


def records(n: int) -> list[dict[str, Any]]:
    """The first ``n`` records of the AllSides international subset when present, else the
    sample corpus repeated with varied ids (and dates, so partitions differ)."""
    if INTL.exists():
        out = []
        with gzip.open(INTL, "rt", encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                out.append({k: rec.get(k) for k in ("id", "date", "title", "text")})
                if len(out) >= n:
                    return out
        return out
    base = [json.loads(line) for line in SAMPLE.read_text("utf-8").splitlines() if line.strip()]
    out = []
    for i in range(n):
        rec = dict(base[i % len(base)])
        rec["id"] = f"{rec['id']}-{i:04d}"
        rec["date"] = f"2025-{1 + i % 12:02d}-15"
        # Ingest drops exact duplicates, so each copy gets a line of its own.
        rec["text"] = f"{rec['text']}\n\nReport number {i}."
        out.append(rec)
    return out


def write_jsonl(path: Path, recs: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), "utf-8")
    return path


def ingest_records(db: Path, recs: list[dict[str, Any]], tmp: Path) -> None:
    from click.testing import CliRunner

    from multipolar.cli import cli

    src = write_jsonl(tmp / f"{db.stem}-in.jsonl", recs)
    result = CliRunner().invoke(cli, ["ingest", "-q", "--db", str(db), str(src)])
    assert result.exit_code == 0, result.output


def event_multiset(db: Path) -> list[tuple[Any, ...]]:
    """Every event row (all columns), sorted: equal lists mean identical events."""
    import duckdb

    from multipolar.records import EVENT_FIELDS

    cols = ", ".join(f'"{c}"' for c in EVENT_FIELDS)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(f"SELECT {cols} FROM events").fetchall()
    return sorted(rows, key=repr)


def quantity_multiset(db: Path) -> list[tuple[Any, ...]]:
    import duckdb

    from multipolar.records import QUANTITY_FIELDS

    cols = ", ".join(f'"{c}"' for c in QUANTITY_FIELDS)
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(f"SELECT {cols} FROM quantities").fetchall()
    return sorted(rows, key=repr)


CAN_MEX_PACT = "Canada and Mexico signed a landmark trade and security pact in Mexico City."


USA_THREAT = "The United States threatened to impose 25% tariffs on Canadian steel."


NO_DEAL = "Trump and Putin left the summit with no deal."


XSS = "Officials said <script>alert(1)</script> was not a plan."


# (article, date, source, target, cameo, root, quad, goldstein, plover, reciprocal, negated, modality, sentence)
REPORT_EVENTS: list[tuple[str, str, str, str, str, str, int, float, str, bool, bool, str, str]] = [
    (
        "sample-001",
        "2025-01-15",
        "USA",
        "CAN",
        "036",
        "03",
        1,
        4.0,
        "CONSULT",
        False,
        False,
        "asserted",
        "The US president met the Canadian prime minister in Washington to discuss trade.",
    ),
    (
        "sample-001",
        "2025-02-10",
        "USA",
        "CAN",
        "057",
        "05",
        1,
        8.0,
        "AGREE",
        True,
        False,
        "asserted",
        "Washington and Ottawa agreed to extend their border security arrangement.",
    ),
    (
        "sample-001",
        "2025-03-20",
        "CAN",
        "MEX",
        "036",
        "03",
        1,
        4.0,
        "CONSULT",
        True,
        False,
        "asserted",
        "Canada and Mexico agreed on Thursday to deepen trade and security cooperation.",
    ),
    (
        "sample-002",
        "2025-04-03",
        "USA",
        "JPN",
        "163",
        "16",
        4,
        -8.0,
        "SANCTION",
        False,
        False,
        "threatened",
        "The United States threatened to impose 25% tariffs on steel from Japan.",
    ),
    (
        "sample-002",
        "2025-04-03",
        "JPN",
        "USA",
        "111",
        "11",
        3,
        -2.0,
        "DISAPPROVE",
        False,
        False,
        "asserted",
        "Tokyo criticised the decision and urged Washington to negotiate.",
    ),
    (
        "sample-003",
        "2025-06-11",
        "JPN",
        "AUS",
        "057",
        "05",
        1,
        8.0,
        "AGREE",
        True,
        False,
        "asserted",
        "Japan and Australia signed a new defence cooperation agreement in Canberra on Wednesday.",
    ),
    (
        "sample-003",
        "2025-06-11",
        "CHN",
        "JPN",
        "112",
        "11",
        3,
        -2.0,
        "DISAPPROVE",
        False,
        False,
        "asserted",
        "China condemned the pact.",
    ),
    (
        "sample-004",
        "2025-08-16",
        "USA",
        "RUS",
        "057",
        "05",
        1,
        8.0,
        "AGREE",
        True,
        True,
        "asserted",
        NO_DEAL,
    ),
    (
        "sample-004",
        "2025-08-20",
        "USA",
        "CAN",
        "163",
        "16",
        4,
        -8.0,
        "SANCTION",
        False,
        False,
        "threatened",
        USA_THREAT,
    ),
    (
        "sample-004",
        "2025-09-02",
        "USA",
        "CAN",
        "172",
        "17",
        4,
        -5.0,
        "COERCE",
        False,
        False,
        "asserted",
        "Washington imposed tariffs on Canadian aluminium.",
    ),
    (
        "sample-005",
        "2025-10-02",
        "POL",
        "KOR",
        "061",
        "06",
        2,
        6.4,
        "COOPERATE",
        True,
        False,
        "asserted",
        "Poland and South Korea signed a deal for more K2 tanks.",
    ),
    (
        "sample-005",
        "2025-10-15",
        "CAN",
        "MEX",
        "057",
        "05",
        1,
        8.0,
        "AGREE",
        True,
        False,
        "asserted",
        CAN_MEX_PACT,
    ),
    (
        "sample-006",
        "2025-11-05",
        "EU",
        "PHL",
        "036",
        "03",
        1,
        4.0,
        "CONSULT",
        True,
        False,
        "asserted",
        "The European Union and the Philippines opened talks on a free trade agreement.",
    ),
    (
        "sample-006",
        "2025-11-20",
        "CAN",
        "MEX",
        "061",
        "06",
        2,
        6.4,
        "COOPERATE",
        True,
        False,
        "intended",
        "Canada and Mexico will hold joint naval exercises next year.",
    ),
    (
        "sample-006",
        "2025-12-01",
        "CAN",
        "PHL",
        "036",
        "03",
        1,
        4.0,
        "CONSULT",
        False,
        False,
        "asserted",
        XSS,
    ),
]


def build_db(path: Path) -> Path:
    """A small database: the six sample articles, coded with the synthetic events above."""
    report = ingest([str(SAMPLE)], path)
    assert report.added == 6
    by_article: dict[str, Coded] = {}
    for i, (
        aid,
        date,
        src,
        tgt,
        cameo,
        root,
        quad,
        g,
        plover,
        recip,
        neg,
        modality,
        sentence,
    ) in enumerate(REPORT_EVENTS):
        coded = by_article.setdefault(aid, Coded(sentences=10, parsed=5))
        coded.events.append(
            Event(
                sentence_index=i,
                start=0,
                end=len(sentence),
                sentence=sentence,
                date=date,
                source=src,
                target=tgt,
                cameo=cameo,
                cameo_root=root,
                quad=quad,
                pentaclass=1 if quad <= 2 else 3,
                goldstein=g,
                plover=plover,
                plover_mode=None,
                plover_context=[],
                reciprocal=recip,
                negated=neg,
                modality=modality,
                confidence=0.9,
                coder="test@0",
                article_id=aid,
            )
        )
    by_article["sample-001"].quantities.append(
        Quantity(
            sentence_index=3,
            start=0,
            end=60,
            kind="export_share",
            subject="CAN",
            partner="USA",
            value=75.0,
            unit="percent",
            text="About 75 per cent of Canada's exports go to the United States",
            article_id="sample-001",
        )
    )
    with store.opened(path) as con:
        store.save_coded(con, list(by_article.items()), "test@0")
    return path


def ev(
    src: str | None, cameo: str, tgt: str | None, reciprocal: bool = False, conf: float = 0.5
) -> Event:
    info = Ontology.default().info(cameo)
    return Event(
        0,
        0,
        0,
        "",
        None,
        src,
        tgt,
        cameo,
        info.root,
        info.quad,
        info.pentaclass,
        info.goldstein,
        info.plover,
        info.plover_mode,
        reciprocal=reciprocal,
        confidence=conf,
    )


class StubCoder:
    def __init__(self, answers: dict[str, list[Event]]) -> None:
        self.answers = answers

    def code(self, text: str, date: dt.date | None = None, article_id: str | None = None) -> Coded:
        return Coded(events=list(self.answers.get(text, [])))
