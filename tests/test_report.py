"""The HTML report on a database built here: sample articles plus synthetic coded events.

``build_db`` is shared with ``test_serve.py`` and ``test_analytics.py``: it ingests
``examples/sample_news.jsonl`` and attaches hand-made events (no NLP model needed), telling the
seed story: Canada and Mexico draw together while the US threatens tariffs.
"""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from plotly.offline import get_plotlyjs

from multipolar.cli import cli
from multipolar.ingestion.ingest import ingest
from multipolar.records import Coded, Event, Quantity
from multipolar.store import database as _store
from multipolar.web.report import build_report

from .conftest import SAMPLE

CAN_MEX_PACT = "Canada and Mexico signed a landmark trade and security pact in Mexico City."
USA_THREAT = "The United States threatened to impose 25% tariffs on Canadian steel."
NO_DEAL = "Trump and Putin left the summit with no deal."
XSS = "Officials said <script>alert(1)</script> was not a plan."

# (article, date, source, target, cameo, root, quad, goldstein, plover, reciprocal, negated, modality, sentence)
_EVENTS: list[tuple[str, str, str, str, str, str, int, float, str, bool, bool, str, str]] = [
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
    ) in enumerate(_EVENTS):
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
    with _store.opened(path) as con:
        _store.save_coded(con, list(by_article.items()), "test@0")
    return path


def test_report_has_plots_sentences_and_no_external_fetch(tmp_path: Path) -> None:
    page = build_report(str(build_db(tmp_path / "r.duckdb")), hub="USA", top=4)
    # plotly is inlined once; every figure is a plotly div
    assert page.count("Plotly.newPlot") >= 5
    for div in ("fig-timeline", "fig-network", "fig-hedging", "fig-dyad-0"):
        assert f'id="{div}"' in page
    # nothing is fetched when the file is opened
    assert not re.search(r"<script[^>]+src=", page)
    assert get_plotlyjs() in page
    # (the plotly library itself names a CDN for map outlines, which no figure here uses)
    assert "https://" not in page.replace(get_plotlyjs(), "")
    # the sentences behind the figures are in the page, escaped
    assert CAN_MEX_PACT in page
    assert "Washington imposed tariffs on Canadian aluminium." in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page
    # evidence anchors for the pairs, linked from the tables
    assert "id='dyad-CAN-MEX'" in page and 'href="#dyad-CAN-MEX"' in page
    # hedging: Canada soured with the US while drawing closer to Mexico
    hedging = page[page.index("id=hedging") : page.index("id=trade")]
    assert "CAN" in hedging and "MEX (+" in hedging
    # trade figures from the news, with their text
    assert "75 per cent of Canada" in page


def test_report_command_writes_file(tmp_path: Path) -> None:
    db = build_db(tmp_path / "r.duckdb")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and text.rstrip().endswith("</html>")
    assert USA_THREAT in text


def test_report_on_empty_database(tmp_path: Path) -> None:
    db = tmp_path / "empty.duckdb"
    ingest([str(SAMPLE)], db)
    page = build_report(str(db))
    assert "No events yet" in page
    assert "fig-network" not in page


def test_report_missing_database_fails_cleanly(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["report", "--db", str(tmp_path / "nope.duckdb"), "--out", str(tmp_path / "x.html")]
    )
    assert result.exit_code == 1
    assert "no such database" in result.output
