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
from multipolar.web.report import build_report
from tests.helpers import CAN_MEX_PACT, SAMPLE, USA_THREAT, build_db


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
