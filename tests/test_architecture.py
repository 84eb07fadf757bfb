"""The package's layering, as docs/architecture.md draws it: each subpackage imports only the
layers below it, no module outgrows a reader, and no class does three jobs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.helpers import ROOT

PKG = ROOT / "src" / "multipolar"

# What each top-level part may import from the package (besides itself).
ALLOWED: dict[str, set[str]] = {
    "records": set(),
    "dates": set(),
    "text": {"records"},
    "actors": {"records", "dates"},
    "reference": {"records", "dates"},
    "store": {"records", "dates", "text"},
    "coding": {"records", "dates", "text", "actors"},
    "ingestion": {"records", "dates", "text", "store"},
    "engines": {"records", "dates", "text", "store", "coding"},
    "analytics": {"records", "dates", "store"},
    "web": {"records", "dates", "store", "analytics", "__version__"},
}
MAX_MODULE_LINES = 800
MAX_CLASS_LINES = 400


def _modules() -> list[Path]:
    return sorted(PKG.rglob("*.py"))


def _part(path: Path) -> str:
    rel = path.relative_to(PKG).with_suffix("").parts
    return rel[0] if rel[0] != "__init__" else "(root)"


def _imported_parts(path: Path) -> set[str]:
    pkg = list(path.relative_to(PKG.parent).with_suffix("").parts)
    pkg = pkg[:-1]  # the package the module lives in (for __init__, itself)
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level > 0:
            base = pkg[: len(pkg) - (node.level - 1)]
            target = base + (node.module.split(".") if node.module else [])
            if len(target) > 1:
                out.add(target[1])
            else:  # from .. import x, y: the names are the parts
                out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("multipolar."):
            out.add(node.module.split(".")[1])  # type: ignore[union-attr]
    return out


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PKG)))
def test_imports_follow_the_layers(path: Path) -> None:
    part = _part(path)
    if part not in ALLOWED:
        return  # the root and cli/ may import anything
    wrong = _imported_parts(path) - ALLOWED[part] - {part}
    assert not wrong, f"{part} may not import {sorted(wrong)} (see docs/architecture.md)"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PKG)))
def test_no_module_outgrows_a_reader(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{lines} lines: split it by job"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PKG)))
def test_no_class_does_three_jobs(path: Path) -> None:
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ClassDef):
            size = (node.end_lineno or node.lineno) - node.lineno + 1
            assert size <= MAX_CLASS_LINES, f"class {node.name}: {size} lines"


def test_layers_name_every_part() -> None:
    parts = {_part(p) for p in _modules()} - {"(root)", "cli", "__init__"}
    assert parts <= set(ALLOWED), sorted(parts - set(ALLOWED))
