"""Every command is documented: a docstring, a --help that works, and an entry in docs/cli.md."""

from __future__ import annotations

import sys

import click
import pytest
from click.testing import CliRunner

from multipolar.cli import cli
from tests.helpers import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from gen_cli_docs import commands, render

ALL = list(commands(cli))


@pytest.mark.parametrize(("path", "cmd"), ALL, ids=[" ".join(p) for p, _ in ALL])
def test_command_has_docstring_and_help(path: tuple[str, ...], cmd: click.Command) -> None:
    assert cmd.help and len(cmd.help.strip()) > 20, f"multipolar {' '.join(path)} needs a docstring"
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0


@pytest.mark.parametrize(("path", "cmd"), ALL, ids=[" ".join(p) for p, _ in ALL])
def test_every_option_has_help(path: tuple[str, ...], cmd: click.Command) -> None:
    for param in cmd.params:
        if isinstance(param, click.Option):
            assert param.help, f"multipolar {' '.join(path)} {param.opts[0]} has no help text"


def test_cli_reference_is_current() -> None:
    doc = ROOT / "docs" / "cli.md"
    assert doc.exists() and doc.read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run .venv/bin/python scripts/gen_cli_docs.py"
    )


@pytest.mark.parametrize("name", ["ingest", "code", "events", "stats", "extract", "eval"])
def test_readme_mentions_core_commands(name: str) -> None:
    assert f"multipolar {name}" in (ROOT / "README.md").read_text(encoding="utf-8")
