"""Gold records that point into a news corpus under ``shared/`` instead of holding text."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from multipolar.coding.eval import GoldError, read_gold

CORPUS = "news/plaintext/mini.jsonl.gz"
ARTICLE = "The summit ended late. Japan and Australia signed a defence pact on Monday. More later."


def _sha(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    root = tmp_path / "shared"
    (root / "news" / "plaintext").mkdir(parents=True)
    with gzip.open(root / CORPUS, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "art1", "text": ARTICLE}) + "\n")
        fh.write(json.dumps({"id": "art2", "text": "Nothing here."}) + "\n")
    return root


def _ref(start: int, end: int, sha: str | None = None, article: str = "art1") -> dict[str, Any]:
    text = ARTICLE[start:end]
    return {
        "corpus": CORPUS,
        "article": article,
        "start": start,
        "end": end,
        "sha1": sha or _sha(text),
    }


def _gold(tmp_path: Path, records: list[dict[str, Any]]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


SENT = (23, 75)  # "Japan and Australia signed a defence pact on Monday."


def _record(**extra: Any) -> dict[str, Any]:
    rec: dict[str, Any] = {
        "id": "R1",
        "category": "NEWS_TUNE",
        "date": "20230105",
        "ref": _ref(*SENT),
        "events": [{"cameo": "057", "root": "05", "source": "JPN", "target": "AUS"}],
        "no_events": False,
    }
    rec.update(extra)
    return rec


def test_ref_resolves_to_the_sentence(tmp_path: Path, shared: Path) -> None:
    assert ARTICLE[SENT[0] : SENT[1]].startswith("Japan and Australia")
    (rec,) = read_gold(str(_gold(tmp_path, [_record()])), shared=shared)
    assert rec["text"] == ARTICLE[SENT[0] : SENT[1]]


def test_category_filter(tmp_path: Path, shared: Path) -> None:
    recs = [_record(), _record(id="R2", category="NEWS_CHECK")]
    path = str(_gold(tmp_path, recs))
    assert [r["id"] for r in read_gold(path, shared=shared, category="NEWS_CHECK")] == ["R2"]
    assert len(read_gold(path, shared=shared)) == 2


@pytest.mark.parametrize(
    ("record", "message"),
    [
        (_record(ref=_ref(*SENT, sha="000000000000")), "differs from the coded sentence"),
        (_record(ref=_ref(*SENT, article="nope")), "article nope not in"),
        (_record(ref={"corpus": CORPUS}), "ref needs corpus, article, start and end"),
        (_record(ref={**_ref(*SENT), "corpus": "news/missing.jsonl.gz"}), "is not in"),
    ],
)
def test_bad_refs_name_the_file_and_line(
    tmp_path: Path, shared: Path, record: dict[str, Any], message: str
) -> None:
    path = _gold(tmp_path, [record])
    with pytest.raises(GoldError, match=message) as exc:
        read_gold(str(path), shared=shared)
    assert str(path) in str(exc.value)


def test_not_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"id": "ok", "text": "x"}\n{broken\n', encoding="utf-8")
    with pytest.raises(GoldError, match=r"line 2: not JSON"):
        read_gold(str(path))


@pytest.fixture
def unplaced_gold(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A gold file with a reference, where no shared folder can be found: no environment
    variable, and none beside the working directory or the file."""
    monkeypatch.delenv("MULTIPOLAR_SHARED", raising=False)
    monkeypatch.chdir(tmp_path)
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    path = deep / "gold.jsonl"
    path.write_text(json.dumps(_record()) + "\n", encoding="utf-8")
    return path


def test_missing_shared_folder_says_how_to_fix(tmp_path: Path, unplaced_gold: Path) -> None:
    with pytest.raises(GoldError, match="--shared DIR or set MULTIPOLAR_SHARED"):
        read_gold(str(unplaced_gold), shared=tmp_path / "nowhere")


def test_cli_eval_with_refs(tmp_path: Path, shared: Path) -> None:
    path = _gold(tmp_path, [_record()])
    out = CliRunner().invoke(cli, ["eval", str(path), "--shared", str(shared), "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["records"] == 1 and data["scheme"] == "petr"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--category", "NOPE"], "no records of category NOPE"),
        (["--shared", "/nonexistent-dir"], "--shared DIR or set MULTIPOLAR_SHARED"),
    ],
)
def test_cli_eval_errors(unplaced_gold: Path, args: list[str], message: str) -> None:
    out = CliRunner().invoke(cli, ["eval", str(unplaced_gold), *args])
    assert out.exit_code == 1
    assert message in out.output


def test_sentence_from_an_article_is_coded_after_its_context(shared: Path, tmp_path: Path) -> None:
    from multipolar.coding.eval import code_in_context
    from multipolar.records import Coded
    from tests.helpers import ev

    (rec,) = read_gold(str(_gold(tmp_path, [_record()])), shared=shared)
    assert rec["context"] == ARTICLE[: SENT[0]]
    seen: list[str] = []

    class Recorder:
        def code(self, text: str, date: Any = None, article_id: Any = None) -> Coded:
            seen.append(text)
            # one event in the context, one in the sentence: only the second is the sentence's
            before, inside = ev("JPN", "057", "AUS"), ev("JPN", "057", "AUS")
            before.sentence, inside.sentence = "x", "y"
            inside.start = text.index("Japan")
            return Coded(events=[before, inside])

    events = code_in_context(Recorder(), rec)
    assert seen and seen[0].startswith("The summit ended late.")
    assert seen[0].endswith(ARTICLE[SENT[0] : SENT[1]])
    assert [e.sentence for e in events] == ["y"]
