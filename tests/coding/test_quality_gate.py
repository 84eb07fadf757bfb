"""Quality gate: the coder on the shared dev gold sets must not fall below recorded floors.

Runs when the shared data is present (``MULTIPOLAR_SHARED``, default ``../shared`` next to
the repository); skipped otherwise. Floors live in ``tests/data/quality_floors.json`` and may
only rise: lowering one needs a history entry with a reason.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT

SHARED = Path(os.environ.get("MULTIPOLAR_SHARED", ROOT.parent / "shared"))
FLOORS: dict[str, Any] = json.loads((ROOT / "tests/data/quality_floors.json").read_text("utf-8"))
GOLD = {"plover": "gold/plover_gsr.jsonl", "petr": "gold/petr2_gsr_validation.jsonl"}

pytestmark = [pytest.mark.shared, pytest.mark.slow]


def _metric(result: dict[str, Any], name: str) -> float:
    if name == "tuple_f1":
        return float(result["tuple"]["f1"])
    return float(result[name.removesuffix("_max")])


def test_floors_never_lowered_silently() -> None:
    history = FLOORS["history"]
    assert history, "the floors file needs a history"
    assert history[-1]["floors"] == FLOORS["floors"], (
        "record the current floors as the last history entry"
    )
    for prev, cur in itertools.pairwise(history):
        for scheme, metrics in cur["floors"].items():
            for name, value in metrics.items():
                old = prev["floors"].get(scheme, {}).get(name)
                if old is None:
                    continue
                lowered = value > old if name.endswith("_max") else value < old
                assert not lowered or cur.get("reason", "").strip(), (
                    f"{scheme}.{name} lowered from {old} to {value} without a reason"
                )


@pytest.fixture(scope="module")
def coder() -> Any:
    from multipolar.coding.coder import Coder

    return Coder()


@pytest.mark.parametrize("scheme", sorted(GOLD))
def test_quality_floor(scheme: str, coder: Any) -> None:
    path = SHARED / GOLD[scheme]
    if not path.exists():
        pytest.skip(f"{path} not found (set MULTIPOLAR_SHARED)")
    from multipolar.coding.eval import evaluate, read_gold

    result = evaluate(read_gold(str(path)), coder)
    failures = []
    for name, floor in FLOORS["floors"][scheme].items():
        value = _metric(result, name)
        ok = value <= floor if name.endswith("_max") else value >= floor
        if not ok:
            failures.append(f"{name}={value:.3f} (floor {floor})")
    assert not failures, f"{scheme}: " + ", ".join(failures)
