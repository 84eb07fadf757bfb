"""Build the event coder's data files from the shared dictionaries and ontology tables.

Writes, under ``src/multipolar/data/`` (committed, so the package works without ../shared):

* ``cameo_verbs.tsv`` -- the PETRARCH-2 CAMEO verb dictionary (CAMEO.verbpatterns.150430.txt,
  MIT, (c) 2015 Open Event Data Alliance) in a flat, tab-separated form:

  ``S  NAME  word word ...``          a synonym set (``&NAME`` in patterns)
  ``B  NAME  CODE``                   a verb block and its default CAMEO code
  ``V  lemma  CODE-or-empty  particle`` a verb of the last block ("+MEET_WITH" -> meet / with)
  ``P  CODE  pre-words  post-words``  a pattern of the last block; words are space-separated,
                                      ``=w`` must equal a token, ``w`` is a stem (prefix),
                                      ``&NAME`` is a synonym set

  PETRARCH's role markers (``+`` target, ``$`` source, ``^`` skip, ``%`` compound) are
  dropped: roles come from the dependency parse, the patterns only choose the code.
* ``cameo.tsv`` -- one row per CAMEO code from ``ontology/cameo_codes_merged.csv`` (labels and
  Goldstein from the GDELT CAMEO lookups, quad/pentaclass, PLOVER event/mode/context from
  CAMEO2PLOVER-2021.txt, CC BY-SA 4.0, openeventdata/PLOVER).

Usage: ``python scripts/build_verbs.py [--shared ../shared]``
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "multipolar" / "data"

# a block header; a few ("--- SEND   ###") have no default code: "---", not the previous
# block's (SEND would otherwise inherit DISRUPT's 160)
_BLOCK = re.compile(r"^---\s*(\S+)\s*(?:\[([^\]]*)\]\s*---|\s*$)")
_CODE = re.compile(r"\[([^\]]*)\]")
_IRREGULAR = re.compile(r"\{[^}]*\}")
_MARKERS = {"+", "$", "^", "%", "*"}


def _word_specs(chunk: str) -> list[str]:
    """Turn a run of PETRARCH pattern words into our word specs (lower case)."""
    out: list[str] = []
    for raw in chunk.split():
        if raw in _MARKERS:
            continue
        for part in raw.split("_"):
            part = part.strip("+$^%*").lower()
            if not part or part in _MARKERS:
                continue
            out.append(part)
        if raw.endswith("_") and out and not out[-1].startswith(("&", "=")):
            out[-1] = "=" + out[-1]
    # a synonym-set name keeps its case-free form; the runtime looks it up
    return [w if not w.startswith("&") else "&" + w[1:].upper() for w in out]


def _clean_code(code: str) -> str:
    code = code.strip()
    return "---" if code.startswith("---") else code.replace(" ", "")


def convert_verbs(src: Path) -> list[str]:
    lines = src.read_text(encoding="latin-1").splitlines()
    out: list[str] = []
    in_patterns = False
    synset: str | None = None
    words: list[str] = []

    def flush() -> None:
        nonlocal synset, words
        if synset and words:
            out.append("S\t" + synset + "\t" + " ".join(words))
        synset, words = None, []

    for line in lines:
        body = line.split("#", 1)[0].rstrip()
        if line.startswith("####### VERB PATTERNS"):
            flush()
            in_patterns = True
            continue
        if not body.strip():
            continue
        if not in_patterns:
            if body.startswith("&"):
                flush()
                synset = body[1:].strip().upper().strip("_")
            elif body.startswith("+") and synset:
                w = body[1:].strip().lower()
                exact = w.endswith("_")
                w = w.strip("_").replace("_", " ")
                if " " in w:
                    w = w.replace(" ", "_")  # a phrase: matched as consecutive tokens
                words.append(("=" if exact else "") + w)
            continue
        m = _BLOCK.match(body)
        if m:
            out.append(f"B\t{m.group(1)}\t{_clean_code(m.group(2) or '---')}")
            continue
        if body.startswith("-"):
            cm = _CODE.search(body)
            if not cm:
                continue
            code = _clean_code(cm.group(1))
            pat = body[1 : cm.start()].strip()
            if "*" not in pat:
                continue
            pre, post = pat.split("*", 1)
            out.append(
                "P\t"
                + code
                + "\t"
                + " ".join(_word_specs(pre))
                + "\t"
                + " ".join(_word_specs(post))
            )
            continue
        # a verb line: "SAY {SAYS SAID}", "+MEET_WITH {...}", "EXPRESS [0110]"
        cm = _CODE.search(body)
        code = _clean_code(cm.group(1)) if cm else ""
        verb = _IRREGULAR.sub("", _CODE.sub("", body)).strip()
        if not verb:
            continue
        verb = verb.split()[0].lstrip("+").lower()
        parts = [p for p in verb.split("_") if p]
        if not parts or not parts[0].isalpha():
            continue
        out.append(f"V\t{parts[0]}\t{code}\t{' '.join(parts[1:])}")
    return out


def convert_ontology(src: Path) -> list[str]:
    rows = []
    with src.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            rows.append(
                "\t".join(
                    [
                        r["cameo_code"],
                        r["root"],
                        r["label"],
                        r["goldstein"] or "",
                        r["gdelt_quadclass"],
                        r["phoenix_pentaclass"],
                        r["plover_event"],
                        r["plover_mode"],
                        r["plover_context"],
                    ]
                )
            )
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    verbs = convert_verbs(args.shared / "dictionaries/petrarch2/CAMEO.verbpatterns.150430.txt")
    header = [
        "# CAMEO verb patterns converted by scripts/build_verbs.py; do not edit by hand.",
        "# Source: openeventdata/petrarch2 CAMEO.verbpatterns.150430.txt",
        "# Licence: MIT, Copyright (c) 2015 Open Event Data Alliance (see NOTICE).",
    ]
    DATA.mkdir(parents=True, exist_ok=True)
    (DATA / "cameo_verbs.tsv").write_text("\n".join(header + verbs) + "\n", encoding="utf-8")
    onto = convert_ontology(args.shared / "ontology/cameo_codes_merged.csv")
    oheader = [
        "# CAMEO codes converted by scripts/build_verbs.py; do not edit by hand.",
        "# Labels and Goldstein scores: GDELT CAMEO lookups (CAMEO 1.1b3, open use).",
        "# PLOVER event/mode/context: CAMEO2PLOVER-2021.txt, openeventdata/PLOVER,",
        "#   CC BY-SA 4.0 (c) Philip Schrodt / Parus Analytics (see NOTICE).",
        "# Quad class: GDELT; pentaclass: Phoenix. Sub-codes missing from the PLOVER table",
        "#   inherit their root's event.",
        "# code\troot\tlabel\tgoldstein\tquad\tpentaclass\tplover\tplover_mode\tplover_context",
    ]
    (DATA / "cameo.tsv").write_text("\n".join(oheader + onto) + "\n", encoding="utf-8")
    print(f"wrote {len(verbs)} verb lines, {len(onto)} CAMEO codes to {DATA}")


if __name__ == "__main__":
    main()
