"""The CAMEO ontology: labels, Goldstein scores, quad/pentaclass and the PLOVER mapping.

The table is ``data/cameo.tsv``, built by ``scripts/build_verbs.py`` from the shared
ontology files (GDELT CAMEO lookups; CAMEO2PLOVER-2021, CC BY-SA 4.0). Roots 01 and 02 have
no PLOVER event on purpose: PLOVER drops statements and appeals.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

_DATA_FILE = "cameo.tsv"


@dataclass(frozen=True, slots=True)
class CameoInfo:
    code: str
    root: str
    label: str
    goldstein: float
    quad: int
    pentaclass: int
    plover: str | None
    plover_mode: str | None
    plover_context: tuple[str, ...]


def _pentaclass(root: int) -> int:
    # Phoenix pentaclass by root: 0 statements/appeals, 1 verbal coop, 2 material coop,
    # 3 verbal conflict, 4 material conflict
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 else 4


def _quad(root: int) -> int:
    if root <= 5:
        return 1
    if root <= 9:
        return 2
    return 3 if root <= 14 else 4


class Ontology:
    """Lookup of CAMEO codes; unknown sub-codes fall back to their nearest known parent."""

    def __init__(self, rows: dict[str, CameoInfo]) -> None:
        self._rows = rows

    @classmethod
    @functools.cache
    def default(cls) -> Ontology:
        text = resources.files("multipolar").joinpath("data", _DATA_FILE).read_text("utf-8")
        return cls(parse_table(text))

    def __contains__(self, code: object) -> bool:
        return code in self._rows

    def codes(self) -> list[str]:
        return sorted(self._rows)

    def info(self, cameo: str) -> CameoInfo:
        """Describe ``cameo``; a code not in the table borrows from its parent code or root."""
        hit = self._rows.get(cameo)
        if hit is not None:
            return hit
        if len(cameo) < 2 or not cameo[:2].isdigit() or not 1 <= int(cameo[:2]) <= 20:
            raise KeyError(f"not a CAMEO code: {cameo!r}")
        for n in range(len(cameo) - 1, 1, -1):
            parent = self._rows.get(cameo[:n])
            if parent is not None:
                return CameoInfo(
                    cameo,
                    parent.root,
                    parent.label,
                    parent.goldstein,
                    parent.quad,
                    parent.pentaclass,
                    parent.plover,
                    parent.plover_mode,
                    parent.plover_context,
                )
        root = int(cameo[:2])
        return CameoInfo(cameo, cameo[:2], "", 0.0, _quad(root), _pentaclass(root), None, None, ())


def parse_table(text: str) -> dict[str, CameoInfo]:
    rows: dict[str, CameoInfo] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        code, root, label, gold, quad, penta, plover, mode, context = (line.split("\t") + [""] * 9)[
            :9
        ]
        rows[code] = CameoInfo(
            code=code,
            root=root,
            label=label,
            goldstein=float(gold) if gold else 0.0,
            quad=int(quad),
            pentaclass=int(penta),
            plover=plover or None,
            plover_mode=mode or None,
            plover_context=tuple(c for c in context.replace(",", ";").split(";") if c),
        )
    # codes the table lacks a Goldstein value for (1213, 1214) inherit their parent's
    for code, info in list(rows.items()):
        if not info.goldstein and len(code) == 4 and code[:3] in rows:
            parent = rows[code[:3]]
            rows[code] = CameoInfo(
                info.code,
                info.root,
                info.label,
                parent.goldstein,
                info.quad,
                info.pentaclass,
                info.plover,
                info.plover_mode,
                info.plover_context,
            )
    return rows
