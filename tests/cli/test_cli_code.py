"""`multipolar code --max-sentence-chars`: the option reaches the coder's config and takes effect."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from multipolar.coding.coder import CoderConfig
from multipolar.engines import local as _engine
from multipolar.records import CodeReport
from multipolar.store import database as _store


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# One 'sentence' of ~2,000 characters without a full stop (a run-on list), then a short one.
_GOODS = ("steel", "grain", "cars", "timber", "oil", "copper", "coffee", "fish")
_PLACES = ("northern", "southern", "eastern", "western", "coastal")
LONG = "Canada and Mexico agreed to cut tariffs on goods that include " + ", ".join(
    f"{g} from the {p} provinces and their ports" for p in _PLACES for g in _GOODS
)
TEXT = LONG + "\n\nJapan and Australia signed a defence pact."


@pytest.fixture
def one_article(tmp_path: Path) -> str:
    db = str(tmp_path / "c.duckdb")
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert run("ingest", "--db", db, str(src), "--date", "2025-01-02")[0] == 0
    return db


@pytest.mark.parametrize(
    ("args", "expected"),
    [((), CoderConfig().max_sentence_chars), (("--max-sentence-chars", "300"), 300)],
    ids=["default", "given"],
)
def test_option_reaches_the_coder_config(
    one_article: str, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], expected: int
) -> None:
    seen: list[CoderConfig] = []

    def fake_code_db(db: str, **kwargs: Any) -> CodeReport:
        seen.append(kwargs["config"])
        return CodeReport()

    monkeypatch.setattr(_engine, "code_db", fake_code_db)
    code, _, _ = run("code", "--db", one_article, "--workers", "1", *args)
    assert code == 0 and len(seen) == 1
    assert seen[0].max_sentence_chars == expected


def test_shorter_limit_cuts_long_sentences(one_article: str) -> None:
    code, _, _ = run("code", "--db", one_article, "--workers", "1", "--max-sentence-chars", "200")
    assert code == 0
    with _store.opened(one_article, read_only=True) as con:
        (n_sentences,) = con.execute("SELECT n_sentences FROM articles").fetchone()
    # The ~2,000-character span is cut into at least ten pieces, plus the short sentence.
    assert n_sentences >= 11
    _, out, _ = run("events", "--db", one_article, "--format", "jsonl")
    assert all(len(json.loads(line)["sentence"]) <= 200 for line in out.splitlines())


@pytest.mark.parametrize("value", ["0", "49", "many"])
def test_bad_values_are_usage_errors(one_article: str, value: str) -> None:
    code, out, err = run("code", "--db", one_article, "--max-sentence-chars", value)
    assert code == 2 and "--max-sentence-chars" in out + err


def test_default_is_the_coders() -> None:
    cmd = cli.commands["code"]
    opt = next(p for p in cmd.params if p.name == "max_sentence_chars")
    assert isinstance(opt, click.Option)
    assert opt.default == CoderConfig().max_sentence_chars and opt.show_default
    assert opt.help and "characters" in opt.help
