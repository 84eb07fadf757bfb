"""A short libFuzzer run of the readers (tests/fuzz/fuzz_readers.py) on every test run."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import ROOT

FUZZ_SECONDS = 20
SEEDS = {
    "html": b"\x00<html><head><title>T</title></head><body><article><p>Canada and Mexico agreed.</p></article></body></html>",
    "jsonl": b'\x01{"id": "1", "text": "Japan met Australia.", "date": "2025-01-01"}\n{bad\n',
    "text": b"\x02Advertisement\n\nPoland signed a deal with South Korea.\n",
    "stdin": b'\x03{"id": "2", "text": "\xff\xfe caf\xe9"}\n',
}


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("atheris") is None,
    reason="atheris not installed (pip install atheris)",
)
def test_fuzz_readers(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, data in SEEDS.items():
        (corpus / name).write_bytes(data)
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests" / "fuzz" / "fuzz_readers.py"),
            f"-max_total_time={FUZZ_SECONDS}",
            "-rss_limit_mb=2048",
            "-timeout=30",
            f"-artifact_prefix={tmp_path}/",
            str(corpus),
        ],
        capture_output=True,
        text=True,
        timeout=FUZZ_SECONDS * 6,
        check=False,
    )
    crashes = (
        sorted(tmp_path.glob("crash-*"))
        + sorted(tmp_path.glob("timeout-*"))
        + sorted(tmp_path.glob("oom-*"))
    )
    assert proc.returncode == 0 and not crashes, proc.stderr[-4000:]
