"""Actor knowledge: which state, organisation or leader a span of text names, at a date.

The knowledge base is data, not code: ``data/actors.json.gz`` (built from the shared reference
files by ``scripts/build_data.py``, every row tagged with its source) plus the hand-curated
dictionaries ``data/curated_*.yaml``, plus any user dictionaries passed to
:meth:`ActorKB.load`. Later dictionaries override earlier ones.

Dictionary files (YAML), all keys optional::

    names:                      # exact, case-sensitive surface forms
      - {name: Brussels, code: EU, kind: metonym, sector: GOV}
      - {name: Washington Post, code: null}   # null: not an actor; blocks "Washington" inside it
    leaders:                    # office spells; a name is resolved at the article's date
      - name: Mark Carney
        code: CAN               # ISO3 or organisation code
        role: head_of_government   # head_of_state | head_of_government | head_of_state_and_government
                                   # | foreign_minister | defence_minister | org_head | other
        start: 2025-03-14
        end: null               # null: in office (as of the file's date)
        seen: null              # optional: last date known in office when ``end`` is unknown
        aliases: [Carney]       # other surface forms (surname alone, transliterations)
        sector: GOV             # optional; default from role
        source: "where the fact comes from"
    orgs:
      - {code: QUAD, names: [Quad, Quadrilateral Security Dialogue]}
    memberships:
      - {org: NATO, members: [FIN], start: 2023-04-04, end: null}

Resolution rules worth knowing:

* Capitals are places (sector None), except where a curated entry marks them as metonyms.
  "Brussels" is coded EU: in news it nearly always stands for the EU institutions, and
  Belgium's government is rarely called "Brussels".
* A leader named while in office gets the country (or organisation) and the role's sector; a
  former leader gets the country with sector None; a name before its holder's first spell, or
  a person who only shares a leader's surname ("Hunter Biden"), stays a mention with code None.
* An unknown person after a title ("President Foo Bar") is a mention with code None, kind
  "leader"; nothing that looks like an actor is dropped silently.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..records import Mention
from .index import (
    USER_RANK,
    ActorIndex,
    Builder,
    Membership,
    Spell,
    add_dictionary,
    packaged,
    yaml_load,
)
from .mentions import MentionScanner
from .resolve import Resolver

__all__ = ["ActorKB", "Membership", "Spell", "lookup_report"]


class ActorKB:
    """States, organisations and leaders, resolved at a date. Build with :meth:`default`.

    A facade over three parts: the :class:`.index.ActorIndex` (the data and its indexes), the
    :class:`.resolve.Resolver` (which reading a span means at a date) and the
    :class:`.mentions.MentionScanner` (every mention in a text).
    """

    version: str

    def __init__(self, b: Builder, version: str) -> None:
        self.version = version
        self.index = ActorIndex(b)
        self.resolver = Resolver(self.index)
        self.scanner = MentionScanner(self.index, self.resolver)
        self.countries = self.index.countries
        self.orgs = self.index.orgs
        self.sources = self.index.sources

    # -- construction -------------------------------------------------------------------

    @classmethod
    @functools.cache
    def default(cls) -> ActorKB:
        """The packaged knowledge base (built once per process)."""
        b = packaged()
        return cls(b, b.version)

    @classmethod
    def load(cls, dictionaries: Sequence[Path] = ()) -> ActorKB:
        """Packaged data plus user dictionaries (YAML, see the module docstring), in order."""
        if not dictionaries:
            return cls.default()
        b = packaged()
        for i, path in enumerate(dictionaries):
            add_dictionary(b, yaml_load(Path(path)), f"user:{Path(path).name}", USER_RANK + i)
        names = "+".join(Path(p).stem for p in dictionaries)
        return cls(b, f"{b.version}+{names}")

    # -- queries ------------------------------------------------------------------------

    def has_actor(self, text: str) -> bool:
        """True when ``text`` holds any candidate actor name (a cheap prefilter)."""
        return self.scanner.has_actor(text)

    def mentions(self, text: str, date: dt.date | None = None) -> list[Mention]:
        """Non-overlapping, longest actor mentions in ``text``, resolved at ``date``.

        Parameters:
            text: the text to scan (an article, a sentence, a headline).
            date: the day the text speaks of, which decides who held an office; None reads
                it at the knowledge base's latest known day (its most recent office data).

        Returns the mentions sorted by start, none overlapping another; a name that looks
        like an actor but is not known stays a mention with code None.
        """
        day = date or self.index.ref_day
        return self.scanner.scan(text, day)

    def lookup(self, name: str, date: dt.date | None = None) -> list[Mention]:
        """Every reading of ``name`` at ``date``, best first, each with its reason.

        Parameters:
            name: a surface form ("Georgia", "Carney", "President Foo Bar"); outer
                whitespace is ignored.
            date: the day to resolve it at; None: the knowledge base's latest known day.

        Returns the readings of ``name`` as a whole (one "not an actor" row for a blocked
        name), then any other mentions found inside it, or one code-None row saying that no
        state, organisation or leader has that name.
        """
        day = date or self.index.ref_day
        name = name.strip()
        out: list[Mention] = []
        cands = self.index.cands_of(name)
        if cands:
            for c in cands:
                m = self.resolver.resolve(name, 0, len(name), c, day)
                if m is not None:
                    out.append(m)
                else:
                    out.append(
                        Mention(
                            0,
                            len(name),
                            name,
                            None,
                            None,
                            c.kind,
                            None,
                            f"{name!r} is listed as not an actor ({c.source})",
                        )
                    )
        found = self.mentions(name, date)
        for m in found:
            if not any(o.start == m.start and o.end == m.end and o.code == m.code for o in out):
                out.append(m)
        if not out:
            out.append(
                Mention(
                    0,
                    len(name),
                    name,
                    None,
                    None,
                    "name",
                    None,
                    "no state, organisation or leader of that name",
                )
            )
        return out

    def members(self, org: str, date: dt.date | None = None) -> list[str]:
        """Member codes of ``org`` at ``date`` (curated memberships)."""
        return self.index.members(org, date)

    def memberships(self, code: str, date: dt.date | None = None) -> list[str]:
        """Organisations ``code`` belongs to at ``date``."""
        return self.index.memberships(code, date)

    def spells(self, name: str) -> list[Spell]:
        """The office spells a surface form can refer to (for reports and debugging)."""
        return self.index.spells(name)

    def name_of(self, code: str) -> str:
        """The name of a state or organisation code; the code itself when it has none."""
        return self.index.name_of(code)


def lookup_report(kb: ActorKB, name: str, date: dt.date | None = None) -> list[dict[str, Any]]:
    """Rows for ``multipolar actors lookup``: every reading of ``name`` with its reason."""
    rows: list[dict[str, Any]] = []
    for m in kb.lookup(name, date):
        row: dict[str, Any] = {
            "text": m.text,
            "code": m.code,
            "name": kb.name_of(m.code) if m.code else None,
            "sector": m.sector,
            "kind": m.kind,
            "person": m.person,
            "reason": m.reason,
        }
        if m.code:
            row["member_of"] = kb.memberships(m.code, date)
        rows.append(row)
    for s in kb.spells(name.strip()):
        rows.append(
            {
                "text": name.strip(),
                "code": s.code,
                "name": kb.name_of(s.code),
                "sector": None,
                "kind": "spell",
                "person": s.person,
                "reason": f"{s.role.replace('_', ' ')} {s.start or '?'} – {s.end or 'open'}"
                + (f" (last seen {s.seen})" if s.seen and not s.end else "")
                + f" [{s.source}]",
            }
        )
    return rows
