"""The actor knowledge base's data: office spells, memberships, names, and their indexes.

Loads the packaged ``data/actors.json.gz``, the curated dictionaries and any user dictionaries
(format in :mod:`multipolar.actors.kb`) into a :class:`Builder`, and turns it into an
:class:`ActorIndex`: every surface form with its readings, the Aho-Corasick automaton that
finds them in a text, the surname indexes for titled names, and the memberships. It answers
"what can this name be"; which reading a text means at a date is :mod:`.resolve`'s job.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from ..dates import to_date
from ..records import MENTION_KINDS, MentionKind
from .words import KIND_RANK, NAME_SOURCE_RANK

__all__ = [
    "CURATED_RANK",
    "USER_RANK",
    "ActorIndex",
    "Builder",
    "Cand",
    "Membership",
    "Spell",
    "add_dictionary",
    "best_spells",
    "packaged",
    "surname_key",
    "to_spell",
    "yaml_load",
]

DATA_FILE = "actors.json.gz"
CURATED_FILES = ("curated_names.yaml", "curated_orgs.yaml", "curated_leaders.yaml")

# Source precedence per name and code: a curated or user row for a person hides the coarser
# rows (REIGN months, Wikidata years) for the same surface form and code.
SOURCE_RANK = {"phoenix": 0, "reign": 1, "everypolitician": 2, "everypolitician_fm": 2, "wlc": 3}
CURATED_RANK = 10
USER_RANK = 20

# How long a spell with an unknown end (a scrape's "in office now") is still believed.
SEEN_GRACE = dt.timedelta(days=365)


@dataclass(frozen=True, slots=True)
class Spell:
    """One person's time in one office, with where the fact comes from."""

    person: str
    code: str
    role: str
    start: dt.date | None
    end: dt.date | None  # first day out of office; None: no end known
    seen: dt.date | None  # last day known in office when ``end`` is None (a scrape's date)
    source: str
    rank: int
    sector: str | None = None

    def status(self, day: dt.date) -> str:
        """One of "in office", "former", "future", "unconfirmed"."""
        if self.start is not None and day < self.start:
            return "future"
        if self.end is not None:
            return "in office" if day < self.end else "former"
        if self.seen is not None and day > self.seen + SEEN_GRACE:
            return "unconfirmed"
        return "in office"


@dataclass(frozen=True, slots=True)
class Membership:
    """A state's membership of an organisation, from ``start`` to the day before ``end``."""

    org: str
    member: str
    start: dt.date | None
    end: dt.date | None
    source: str

    def active(self, day: dt.date) -> bool:
        """Is the membership in force on ``day``?"""
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class Cand:
    """One reading of a surface form."""

    code: str | None
    kind: MentionKind
    sector: str | None
    source: str
    spells: tuple[Spell, ...] = ()  # for leader names


@dataclass(slots=True)
class Builder:
    """The knowledge base being loaded: packaged rows, then dictionaries merged over them."""

    names: dict[str, list[Cand]] = field(default_factory=dict)
    # A person's spells are shared by all of that person's surface forms, so an alias given
    # on one row ("Crown Prince Mohammed bin Salman") also finds the person's other offices.
    # Packaged rows stay raw lists until a text names the person (fast load).
    person_spells: dict[tuple[str, str], list[Spell | list[Any]]] = field(default_factory=dict)
    surface_persons: dict[str, set[tuple[str, str]]] = field(default_factory=dict)
    members: list[Membership] = field(default_factory=list)
    countries: dict[str, str] = field(default_factory=dict)
    orgs: dict[str, str] = field(default_factory=dict)
    sources: dict[str, Any] = field(default_factory=dict)
    titled: list[Spell] = field(default_factory=list)  # surnames usable only after a title
    version: str = ""
    raw_latest: str = ""  # the latest start or seen date among the packaged leader rows


def _end_date(v: Any) -> dt.date | None:
    # A bare end year only says the spell ended some time that year: keep it open to year end.
    if v is not None and len(str(v)) == 4 and not isinstance(v, dt.date):
        return dt.date(int(str(v)), 12, 31)
    return to_date(v, partial=True, strict=True)


def _plain(s: str) -> str:
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def yaml_load(path: Path) -> dict[str, Any]:
    """One user dictionary file (YAML mapping; an empty file is an empty dictionary)."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: an actor dictionary must be a mapping (names/leaders/orgs/...)")
    return data


def _kind(value: Any, row: dict[str, Any], origin: str) -> MentionKind:
    if value not in MENTION_KINDS:
        raise ValueError(
            f"{origin}: name {row.get('name')!r} has kind {value!r}; use one of "
            "country, demonym, capital, metonym, org, place, group, or leave it out"
        )
    return value  # type: ignore[no-any-return]


def add_dictionary(b: Builder, data: dict[str, Any], origin: str, rank: int) -> None:
    """Merge one dictionary (curated or user) into ``b``; later calls win."""
    for row in data.get("orgs") or []:
        code = str(row["code"])
        b.orgs[code] = str(row.get("name") or code)
        for n in row.get("names") or []:
            b.names[str(n)] = [Cand(code, "org", row.get("sector"), origin)]
    for row in data.get("names") or []:
        code = row.get("code")
        kind = _kind(row.get("kind") or ("block" if code is None else "name"), row, origin)
        cand = Cand(
            None if code is None else str(code),
            kind,
            row.get("sector"),
            str(row.get("source") or origin),
        )
        b.names[str(row["name"])] = [cand]
    for row in data.get("leaders") or []:
        spell = Spell(
            person=str(row["name"]),
            code=str(row["code"]),
            role=str(row.get("role") or "other"),
            start=to_date(row.get("start"), partial=True, strict=True),
            end=_end_date(row.get("end")),
            seen=to_date(row.get("seen"), partial=True, strict=True),
            source=str(row.get("source") or origin),
            rank=rank,
            sector=row.get("sector"),
        )
        _add_spell(b, spell, [spell.person, *(str(a) for a in row.get("aliases") or [])])
    for row in data.get("memberships") or []:
        members = row.get("members") or [row["member"]]
        for m in members:
            b.members = [x for x in b.members if not (x.org == row["org"] and x.member == m)]
            b.members.append(
                Membership(
                    str(row["org"]),
                    str(m),
                    to_date(row.get("start"), partial=True, strict=True),
                    to_date(row.get("end"), partial=True, strict=True),
                    str(row.get("source") or origin),
                )
            )


def _add_spell(b: Builder, spell: Spell | list[Any], surfaces: Iterable[str]) -> None:
    key = (spell.person, spell.code) if isinstance(spell, Spell) else (spell[0], spell[1])
    b.person_spells.setdefault(key, []).append(spell)
    for surface in surfaces:
        b.surface_persons.setdefault(surface, set()).add(key)
        plain = _plain(surface)
        if plain != surface:
            b.surface_persons.setdefault(plain, set()).add(key)


def surname_key(word: str) -> str:
    """ "al-Bashir" -> "bashir"; "Mitterrand" -> "mitterrand" (plain, lower-case)."""
    w = _plain(word.split()[-1] if word.split() else "").lower().strip(".'’")
    w = re.sub(r"^(?:al|el|ad|as|ash|an|ar|az)-", "", w)
    return w if len(w) >= 3 else ""


def to_spell(x: Spell | list[Any]) -> Spell:
    """A packaged row ``[name, code, role, start, end, seen, source, ...]`` as a Spell."""
    if isinstance(x, Spell):
        return x
    name, code, role, start, end, seen, source = x[:7]
    return Spell(
        name,
        code,
        role,
        to_date(start, partial=True, strict=True),
        _end_date(end),
        to_date(seen, partial=True, strict=True),
        source,
        SOURCE_RANK.get(source, 1),
    )


def packaged() -> Builder:
    """The packaged data and the curated dictionaries, ready for user dictionaries on top."""
    b = Builder()
    pkg = resources.files("multipolar") / "data"
    raw = json.loads(gzip.decompress((pkg / DATA_FILE).read_bytes()))
    b.sources = raw["sources"]
    b.version = str(raw["version"])
    b.countries = dict(raw["countries"])
    for surface, code, kind, sector, source in raw["names"]:
        b.names.setdefault(surface, []).append(Cand(code, kind, sector, source))
    latest = ""
    for row in raw["leaders"]:
        latest = max(latest, row[3] or "", row[5] or "")
        if row[8]:
            b.titled.append(to_spell(row))  # "Bush": only after a title ("President Bush")
            continue
        _add_spell(b, row, [row[0], *row[7]])
    b.raw_latest = latest
    for fname in CURATED_FILES:
        res = pkg / fname
        if res.is_file():
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            data = yaml.load(res.read_text(encoding="utf-8"), Loader=loader) or {}
            add_dictionary(b, data, f"curated:{fname}", CURATED_RANK)
    return b


def _cand_rank(c: Cand) -> tuple[int, int]:
    """Order the readings of one surface: curated and user rows first, then by kind, then the
    more careful source (countryinfo's "American" is the USA, mledoze's also Northern Marianas)."""
    src = 0 if c.source.startswith(("curated:", "user:")) else NAME_SOURCE_RANK.get(c.source, 4)
    return (src, KIND_RANK.get(c.kind, 6))


def best_spells(spells: Iterable[Spell]) -> list[Spell]:
    """Per code, keep only the spells from the highest-ranked source that has any."""
    top: dict[str, int] = {}
    for s in spells:
        top[s.code] = max(top.get(s.code, 0), s.rank)
    best = [s for s in spells if s.rank == top[s.code]]
    # Deduplicate (a surface may list the same spell twice via name and plain-ASCII form).
    seen: set[tuple[str, str, str, dt.date | None]] = set()
    out: list[Spell] = []
    for s in best:
        key = (s.person, s.code, s.role, s.start)
        if key not in seen:
            seen.add(key)
            out.append(s)
    out.sort(key=lambda s: s.start or dt.date.min, reverse=True)
    return out


class ActorIndex:
    """The readings of every surface form, the office spells behind them, and memberships."""

    def __init__(self, b: Builder) -> None:
        self.countries = b.countries
        self.orgs = b.orgs
        self.sources = b.sources
        self._members = tuple(b.members)
        cands: dict[str, tuple[Cand, ...]] = {
            s: tuple(sorted(c, key=_cand_rank)) for s, c in b.names.items()
        }
        # Leader surfaces get their readings on first use (``cands_of``): most never occur.
        self._persons: dict[str, set[tuple[str, str]]] = {}
        for surface, persons in b.surface_persons.items():
            # A leader name shadows a place of the same spelling only if that place is a
            # weak (Phoenix province/city, gazetteer capital) reading: "Georgia" stays a
            # country, and a curated "Paris" stays France's capital, not Colombia's head of
            # government in 1957-58.
            prev = cands.get(surface, ())
            if prev and any(
                c.kind in {"country", "demonym", "org", "block"} or c.source.startswith("curated")
                for c in prev
            ):
                continue
            cands[surface] = ()
            self._persons[surface] = persons
        self._person_spells = b.person_spells
        self.cands = cands
        self._titled_spells = tuple(b.titled)
        self._titled: dict[str, list[Spell]] | None = None
        self._fuzzy: dict[str, set[str]] | None = None
        dates = [
            d
            for s in b.person_spells.values()
            for sp in s
            if isinstance(sp, Spell)
            for d in (sp.start, sp.seen)
            if d
        ]
        if b.raw_latest:
            dates.append(to_date(b.raw_latest, partial=True, strict=True) or dt.date.min)
        self.ref_day = max(dates, default=dt.date.today())
        auto = ahocorasick.Automaton()
        for surface in cands:
            auto.add_word(surface, surface)
        auto.make_automaton()
        self.auto = auto

    # -- queries ------------------------------------------------------------------------

    def cands_of(self, surface: str) -> tuple[Cand, ...]:
        """The readings of one surface; a leader's spells are materialised on first use."""
        c = self.cands.get(surface, ())
        if c or surface not in self._persons:
            return c
        keys = sorted(self._persons[surface])
        best = best_spells([to_spell(sp) for key in keys for sp in self._person_spells[key]])
        c = (Cand(None, "leader", None, best[0].source, tuple(best)),)
        self.cands[surface] = c
        return c

    def members(self, org: str, date: dt.date | None = None) -> list[str]:
        """Member codes of ``org`` at ``date`` (curated memberships)."""
        day = date or self.ref_day
        return sorted({m.member for m in self._members if m.org == org and m.active(day)})

    def memberships(self, code: str, date: dt.date | None = None) -> list[str]:
        """Organisations ``code`` belongs to at ``date``."""
        day = date or self.ref_day
        return sorted({m.org for m in self._members if m.member == code and m.active(day)})

    def spells(self, name: str) -> list[Spell]:
        """The office spells a surface form can refer to (for reports and debugging)."""
        out: list[Spell] = []
        for c in self.cands_of(name):
            out.extend(c.spells)
        return out

    def name_of(self, code: str) -> str:
        """The name of a state or organisation code; the code itself when it has none."""
        return self.countries.get(code) or self.orgs.get(code) or code

    # -- surname indexes for titled names ("President Bush") ----------------------------

    def titled_index(self) -> dict[str, list[Spell]]:
        """Surname (plain, lower-case) -> spells; built on first use."""
        if self._titled is None:
            idx: dict[str, list[Spell]] = {}
            for (person, _code), rows in self._person_spells.items():
                last = surname_key(person)
                if last:
                    idx.setdefault(last, []).extend(to_spell(r) for r in rows)
            for sp in self._titled_spells:
                idx.setdefault(surname_key(sp.person), []).append(sp)
            self._titled = idx
        return self._titled

    def fuzzy_index(self) -> dict[str, set[str]]:
        """One-deletion neighbourhood of surnames of 6+ letters, for wire-copy misspellings
        ("Mitterand", "Bouteflicka"); built on first use."""
        if self._fuzzy is None:
            fz: dict[str, set[str]] = {}
            for key in self.titled_index():
                if len(key) >= 6:
                    fz.setdefault(key, set()).add(key)
                    for k in range(len(key)):
                        fz.setdefault(key[:k] + key[k + 1 :], set()).add(key)
            self._fuzzy = fz
        return self._fuzzy
