"""Security properties: loopback by default, values never spliced into SQL, no unsafe loaders."""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from multipolar.ingestion.ingest import ingest
from multipolar.records import Coded
from multipolar.store import database as _store
from tests.helpers import ROOT, SAMPLE, make_event

SRC = ROOT / "src" / "multipolar"


def _serve_module() -> Any:
    return pytest.importorskip("multipolar.web.serve", reason="serve is not built yet")


def test_serve_binds_loopback_by_default(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serve = _serve_module()
    assert inspect.signature(serve.run).parameters["host"].default in (
        "127.0.0.1",
        "localhost",
        "::1",
    )
    ingest([str(SAMPLE)], db)
    calls: list[tuple[Any, ...]] = []
    monkeypatch.setattr(serve, "run", lambda *a, **k: calls.append((*a, *k.values())))
    result = CliRunner().invoke(cli, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert calls and calls[0][1] in ("127.0.0.1", "localhost", "::1")


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.168.1.10"])
def test_serve_refuses_remote_host_unless_told(
    db: Path, monkeypatch: pytest.MonkeyPatch, host: str
) -> None:
    serve = _serve_module()
    ingest([str(SAMPLE)], db)
    monkeypatch.setattr(serve, "run", lambda *a, **k: None)
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", host])
    assert result.exit_code == 2
    assert (
        CliRunner()
        .invoke(cli, ["serve", "--db", str(db), "--host", host, "--allow-remote"])
        .exit_code
        == 0
    )


@pytest.mark.parametrize(
    "url",
    [
        "/../../etc/passwd",
        "/static/../../../etc/passwd",
        "/static/..%2f..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/etc/passwd",
    ],
)
def test_serve_does_not_serve_files_by_path(db: Path, url: str) -> None:
    serve = _serve_module()
    testclient = pytest.importorskip("fastapi.testclient")
    ingest([str(SAMPLE)], db)
    client = testclient.TestClient(serve.create_app(str(db)))
    response = client.get(url)
    assert response.status_code in (400, 404, 405) and "root:" not in response.text


HOSTILE = [
    "CAN' OR '1'='1",
    "x'); DROP TABLE events; --",
    '"; DELETE FROM articles; --',
    "CAN\x00",
    "%",
    "_",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_query_values_are_parameters(db: Path, value: str) -> None:
    ingest([str(SAMPLE)], db)
    ev = make_event("sample-001", end=1, plover_context=[], coder="")
    with _store.opened(db) as con:
        _store.save_coded(con, [("sample-001", Coded(events=[ev]))], "t@0")
        for flt in (
            _store.EventFilter(actor=value),
            _store.EventFilter(dyad=(value, value)),
            _store.EventFilter(type=value),
        ):
            assert len(_store.query_events(con, flt)) == 0
        assert len(_store.query_quantities(con, kind=value, actor=value)) == 0
        assert _store.stats(con)["events"] == 1 and _store.stats(con)["articles"] == 6


def _calls(tree: ast.AST) -> list[tuple[str, ast.Call]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            f = node.func
            name = (
                f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
            )
            out.append((name, node))
    return out


@pytest.mark.parametrize("path", sorted(SRC.glob("*.py")), ids=lambda p: p.name)
def test_no_unsafe_deserialisation_or_shell(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [a.name for a in node.names] + (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
            )
            assert not {"pickle", "cPickle", "dill", "marshal", "shelve"} & set(names), (
                f"{path.name}:{node.lineno}"
            )
    for name, call in _calls(tree):
        where = f"{path.name}:{call.lineno}"
        assert name not in ("eval", "exec", "system", "popen"), where
        if name in ("Popen", "run", "call", "check_output"):
            assert not any(k.arg == "shell" for k in call.keywords), where
        if (
            name == "load"
            and isinstance(call.func, ast.Attribute)
            and getattr(call.func.value, "id", "") == "yaml"
        ):
            loader = next((k.value for k in call.keywords if k.arg == "Loader"), None)
            assert loader is not None, f"{where}: yaml.load without a safe Loader"
            assert "Unsafe" not in ast.unparse(loader) and "FullLoader" not in ast.unparse(
                loader
            ), where


def test_ingest_log_origins_are_as_given_and_json_safe(tmp_path: Path, db: Path) -> None:
    # Odd file names (spaces, quotes, non-ASCII, newline-free) travel as data, not as SQL.
    p = tmp_path / 'it\'s a "weird" naïve; DROP TABLE articles.txt'
    p.write_text("Canada and Mexico agreed to deepen trade ties on Thursday, officials said.")
    assert ingest([str(p)], db).added == 1
    with _store.opened(db, read_only=True) as con:
        assert con.execute("SELECT origin FROM articles").fetchone()[0] == str(p)
        json.dumps(_store.stats(con))
