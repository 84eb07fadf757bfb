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

import bisect
import datetime as dt
import functools
import gzip
import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from ..records import Mention
from .corefer import repeated_names

__all__ = ["ActorKB", "Membership", "Spell", "lookup_report"]

DATA_FILE = "actors.json.gz"
CURATED_FILES = ("curated_names.yaml", "curated_orgs.yaml", "curated_leaders.yaml")

ROLE_SECTOR: dict[str, str | None] = {
    "head_of_state": "GOV",
    "head_of_government": "GOV",
    "head_of_state_and_government": "GOV",
    "foreign_minister": "GOV",
    "defence_minister": "MIL",
    "org_head": None,
    "other": "GOV",
}

# Source precedence per name and code: a curated or user row for a person hides the coarser
# rows (REIGN months, Wikidata years) for the same surface form and code.
SOURCE_RANK = {"phoenix": 0, "reign": 1, "everypolitician": 2, "everypolitician_fm": 2, "wlc": 3}
CURATED_RANK = 10
USER_RANK = 20

# How long a spell with an unknown end (a scrape's "in office now") is still believed.
SEEN_GRACE = dt.timedelta(days=365)

# Role nouns that may follow a country, demonym or organisation ("Japan's foreign ministry",
# "the Canadian prime minister", "NATO forces"). Lower-case keys; matched case-insensitively.
ROLE_NOUNS: dict[str, str] = {
    "prime minister": "GOV",
    "premier": "GOV",
    "president": "GOV",
    "chancellor": "GOV",
    "vice president": "GOV",
    "vice-president": "GOV",
    "head of state": "GOV",
    "government": "GOV",
    "administration": "GOV",
    "cabinet": "GOV",
    "leader": "GOV",
    "leaders": "GOV",
    "leadership": "GOV",
    "king": "GOV",
    "queen": "GOV",
    "emir": "GOV",
    "sultan": "GOV",
    "crown prince": "GOV",
    "monarch": "GOV",
    "officials": "GOV",
    "official": "GOV",
    "authorities": "GOV",
    "ministry": "GOV",
    "ministries": "GOV",
    "minister": "GOV",
    "ministers": "GOV",
    "spokesman": "GOV",
    "spokeswoman": "GOV",
    "spokesperson": "GOV",
    "foreign minister": "GOV",
    "foreign ministers": "GOV",
    "foreign ministry": "GOV",
    "foreign office": "GOV",
    "foreign secretary": "GOV",
    "foreign affairs minister": "GOV",
    "secretary of state": "GOV",
    "state department": "GOV",
    "trade minister": "GOV",
    "trade representative": "GOV",
    "finance minister": "GOV",
    "finance ministry": "GOV",
    "economy minister": "GOV",
    "commerce ministry": "GOV",
    "commerce minister": "GOV",
    "trade ministry": "GOV",
    "diplomats": "GOV",
    "diplomat": "GOV",
    "ambassador": "GOV",
    "embassy": "GOV",
    "envoy": "GOV",
    "negotiators": "GOV",
    "negotiator": "GOV",
    "delegation": "GOV",
    "regime": "GOV",
    "state media": "GOV",
    "defence minister": "MIL",
    "defense minister": "MIL",
    "defence ministry": "MIL",
    "defense ministry": "MIL",
    "defence secretary": "MIL",
    "defense secretary": "MIL",
    "defence department": "MIL",
    "defense department": "MIL",
    "military": "MIL",
    "army": "MIL",
    "navy": "MIL",
    "air force": "MIL",
    "armed forces": "MIL",
    "troops": "MIL",
    "soldiers": "MIL",
    "forces": "MIL",
    "coast guard": "MIL",
    "warships": "MIL",
    "warship": "MIL",
    "fighter jets": "MIL",
    "generals": "MIL",
    "general": "MIL",
    "military officials": "MIL",
    "defence officials": "MIL",
    "defense officials": "MIL",
    "parliament": "LEG",
    "lawmakers": "LEG",
    "legislators": "LEG",
    "congress": "LEG",
    "senate": "LEG",
    "senators": "LEG",
    "mps": "LEG",
    "legislature": "LEG",
    "court": "JUD",
    "courts": "JUD",
    "supreme court": "JUD",
    "judges": "JUD",
    "police": "COP",
    "intelligence": "SPY",
    "spy agency": "SPY",
    "intelligence agency": "SPY",
    "opposition": "OPP",
    "rebels": "REB",
    "insurgents": "REB",
    "militants": "REB",
    "companies": "BUS",
    "company": "BUS",
    "firms": "BUS",
    "businesses": "BUS",
    "exporters": "BUS",
    "manufacturers": "BUS",
    "automakers": "BUS",
    "industry": "BUS",
    "banks": "BUS",
    "central bank": "BUS",
    "media": "MED",
    "press": "MED",
    "protesters": "CVL",
    "protestors": "CVL",
    "citizens": "CVL",
    "people": "CVL",
    "voters": "CVL",
    "workers": "LAB",
    "farmers": "AGR",
    "students": "EDU",
    "counterpart": "GOV",
    "counterparts": "GOV",
    # More group nouns, sectors as in Phoenix.agents.txt (MIT) where it has them.
    "junta": "GOV",
    "security forces": "COP",
    "security force": "COP",
    "policemen": "COP",
    "police officers": "COP",
    "riot police": "COP",
    "paramilitaries": "MIL",
    "paramilitary": "MIL",
    "special forces": "MIL",
    "commandos": "MIL",
    "marines": "MIL",
    "warplanes": "MIL",
    "jets": "MIL",
    "peacekeepers": "MIL",
    "peacekeeping troops": "MIL",
    "guerrillas": "REB",
    "guerrilla": "REB",
    "separatists": "REB",
    "fighters": "REB",
    "militia": "REB",
    "militias": "REB",
    "militiamen": "REB",
    "gunmen": "REB",
    "extremists": "RAD",
    "dissidents": "OPP",
    "activists": "OPP",
    "opposition parties": "OPP",
    "opposition leader": "OPP",
    "demonstrators": "CVL",
    "civilians": "CVL",
    "refugees": "REF",
    "migrants": "CVL",
    "immigrants": "CVL",
    "journalists": "MED",
    "prosecutors": "JUD",
    "judiciary": "JUD",
    "doctors": "HLH",
}
_ROLE_ALT = "|".join(sorted((re.escape(k) for k in ROLE_NOUNS), key=len, reverse=True))
_ROLE_AFTER = re.compile(rf"(?:['’]s)?\s+({_ROLE_ALT})\b", re.IGNORECASE)
_ROLE_OF_BEFORE = re.compile(rf"\b({_ROLE_ALT})\s+of\s+(?:the\s+)?$", re.IGNORECASE)

# Titles in front of a person's name. Unknown names after the first group become code-None
# leader mentions; the second group only extends known leaders ("King Charles", "Premier
# League" must not invent a leader).
_TITLES_OPEN = (
    "President|Prime Minister|Chancellor|Vice President|Vice-President|Foreign Minister|"
    "Defen[cs]e Minister|Defen[cs]e Secretary|Foreign Secretary|Secretary of State|"
    "Secretary-General|Secretary General|Emir|Sultan|Premier"
)
_TITLES_KNOWN = "King|Queen|Crown Prince|Prince|Sheikh|Gen\\.|General|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?"
_TITLE_RE = re.compile(rf"\b({_TITLES_OPEN}|{_TITLES_KNOWN})\s+(?=[A-Z])")
_OPEN_TITLE = re.compile(rf"(?:{_TITLES_OPEN})$")
_NAME_RE = re.compile(
    r"(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.)(?:\s+(?:(?:de|da|van|von|der|bin|al|del|la)\s+)?"
    r"(?:(?:al|el|ad|as|ash|an|ar|az)-)?(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.)){0,3}"
)
# Titles that name a head of state or government: a bare surname after them is looked up
# among heads first ("President Bush", "Prime Minister Major").
_HEAD_TITLES = frozenset(
    "President|Prime Minister|Chancellor|Premier|Emir|Sultan|King|Queen".split("|")
)
# Words that end a captured name: a capitalised weekday or month is not part of a person.
_NOT_NAME = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December The A An And But Or Of In On "
    "At For To With By From As If When While After Before Said Says League Cup".split()
)
# Words that may precede a country name without making it part of a person's name.
_BEFORE_OK = frozenset(
    "In On At To From With And Or Of For By Against About Between Including Like Than Via "
    "The A An As But Both Neighbouring Neighboring Visiting Northern Southern Eastern Western "
    "Central Allies Ally Said Says Told Urged Warned Hit Hits Joined Join If When While After "
    "Before During Since Until Unlike Into Onto Over Under Within Without Toward Towards".split()
)
# Capitalised words that start sentences or qualify a name without being a first name.
_NOT_GIVEN = frozenset(
    """Yet Though Although Former Some What How Despite Did Does Do Unless Many Because
    Sometimes Never House Senate Advertisement Even Still Now Then So While When Where Why Who
    Whom Whether Since After Before Under Over Only Also Both Either Neither Every Each All
    Most More Much Few Several Other Another Such This That These Those Here There Today
    Yesterday Tomorrow Last Next First Later Earlier Meanwhile However Instead Indeed Perhaps
    Maybe Certainly Clearly Once Just Not No Yes Let Pro Anti Team Candidate Sen Rep Gov Mr Mrs
    Ms Dr President Vice Secretary Minister Ex Republican Republicans Democrat Democrats
    Democratic Conservative Conservatives Liberal Liberals Labour Tory Tories Pres Nominee
    Speaker Leader Chairman Ambassador Administration Campaign Like Unlike Without With Against
    Within Upon Until Whereas Whatever Whenever Wherever Whoever Why Would Could Should Will Can
    Must May Might Shall Was Were Is Are Has Have Had Be Been Being It Its He She They We You I
    His Her Their Our Your My Mister Madam Sir Lady Lord Dame General Gen Col Lt Sgt Adm
    Prime Chancellor Premier Foreign Defense Defence Trade Finance Justice Judge Attorney
    Governor Mayor Senator Representative Congressman Congresswoman Official Officials Aide
    Aides Adviser Advisers Advisor Critics Supporters Voters Allies Fellow Young Old Elder Late
    Acting Interim Incoming Outgoing Sitting Embattled Beleaguered Populist Nationalist
    Socialist Communist Leftist Rightist Centrist Progressive Moderate Hardline Reformist
    Christian Muslim Jewish Catholic Protestant Evangelical Never Ever Again Thanks Dear Hi
    Hello Oh Well Okay OK Sure Yeah Wow Editor Note Update Updated Read Watch Listen Photo
    Image Video Caption Source Sources Reuters AP AFP Bloomberg CNN Fox NBC CBS ABC MSNBC
    """.split()
)


def _looks_like_given_name(word: str, cands: dict[str, Any], check_known: bool = True) -> bool:
    """Is ``word`` (just before a surname) plausibly a first name, as in "Hunter Biden"?"""
    if word in _NOT_GIVEN or word in _BEFORE_OK or word in _NOT_NAME or word.isupper():
        return False
    # "Turkey Erdogan" or "Trump Biden" are two actors side by side, not a first name.
    return not (check_known and word in cands)


# roles that, after an organisation, name a state's envoy to it, not the organisation's own
# official ("UN envoy for Syria" is the UN's; "UN ambassador" a member state's)
_ENVOY_TO = frozenset({"ambassador", "ambassadors"})
_AFTER_OK = frozenset(
    "King Queen Crown Prime Foreign Defence Defense Armed River Valley And But Or On In At To "
    "For With By Of Has Had Is Was Will Would Said Says The A An Administration Government "
    "Tower Doctrine Era Years".split()
)


# A bare surname from a bulk leader list stands for a former office-holder only this long
# after they left office.
LONG_GONE_DAYS = 10 * 365


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
    org: str
    member: str
    start: dt.date | None
    end: dt.date | None
    source: str

    def active(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class _Cand:
    """One reading of a surface form."""

    code: str | None
    kind: str
    sector: str | None
    source: str
    spells: tuple[Spell, ...] = ()  # for leader names


@dataclass(slots=True)
class _Builder:
    names: dict[str, list[_Cand]] = field(default_factory=dict)
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


def _date(v: Any) -> dt.date | None:
    """Dates in the data are ISO days, or bare years (Wikidata's precision)."""
    if v is None or v == "":
        return None
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    s = str(v)
    if len(s) == 4:
        return dt.date(int(s), 1, 1)
    if len(s) == 7:
        return dt.date(int(s[:4]), int(s[5:7]), 1)
    return dt.date.fromisoformat(s[:10])


def _end_date(v: Any) -> dt.date | None:
    # A bare end year only says the spell ended some time that year: keep it open to year end.
    if v is not None and len(str(v)) == 4 and not isinstance(v, dt.date):
        return dt.date(int(str(v)), 12, 31)
    return _date(v)


def _plain(s: str) -> str:
    if s.isascii():
        return s
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def _yaml_load(path: Path) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: an actor dictionary must be a mapping (names/leaders/orgs/...)")
    return data


def _add_dictionary(b: _Builder, data: dict[str, Any], origin: str, rank: int) -> None:
    """Merge one dictionary (curated or user) into ``b``; later calls win."""
    for row in data.get("orgs") or []:
        code = str(row["code"])
        b.orgs[code] = str(row.get("name") or code)
        for n in row.get("names") or []:
            b.names[str(n)] = [_Cand(code, "org", row.get("sector"), origin)]
    for row in data.get("names") or []:
        code = row.get("code")
        kind = str(row.get("kind") or ("block" if code is None else "name"))
        cand = _Cand(
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
            start=_date(row.get("start")),
            end=_end_date(row.get("end")),
            seen=_date(row.get("seen")),
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
                    _date(row.get("start")),
                    _date(row.get("end")),
                    str(row.get("source") or origin),
                )
            )


def _add_spell(b: _Builder, spell: Spell | list[Any], surfaces: Iterable[str]) -> None:
    key = (spell.person, spell.code) if isinstance(spell, Spell) else (spell[0], spell[1])
    b.person_spells.setdefault(key, []).append(spell)
    for surface in surfaces:
        b.surface_persons.setdefault(surface, set()).add(key)
        plain = _plain(surface)
        if plain != surface:
            b.surface_persons.setdefault(plain, set()).add(key)


def _surname_key(word: str) -> str:
    """ "al-Bashir" -> "bashir"; "Mitterrand" -> "mitterrand" (plain, lower-case)."""
    w = _plain(word.split()[-1] if word.split() else "").lower().strip(".'’")
    w = re.sub(r"^(?:al|el|ad|as|ash|an|ar|az)-", "", w)
    return w if len(w) >= 3 else ""


def _spell(x: Spell | list[Any]) -> Spell:
    """A packaged row ``[name, code, role, start, end, seen, source, ...]`` as a Spell."""
    if isinstance(x, Spell):
        return x
    name, code, role, start, end, seen, source = x[:7]
    return Spell(
        name,
        code,
        role,
        _date(start),
        _end_date(end),
        _date(seen),
        source,
        SOURCE_RANK.get(source, 1),
    )


def _packaged() -> _Builder:
    b = _Builder()
    pkg = resources.files("multipolar") / "data"
    raw = json.loads(gzip.decompress((pkg / DATA_FILE).read_bytes()))
    b.sources = raw["sources"]
    b.version = str(raw["version"])
    b.countries = dict(raw["countries"])
    for surface, code, kind, sector, source in raw["names"]:
        b.names.setdefault(surface, []).append(_Cand(code, kind, sector, source))
    latest = ""
    for row in raw["leaders"]:
        latest = max(latest, row[3] or "", row[5] or "")
        if row[8]:
            b.titled.append(_spell(row))  # "Bush": only after a title ("President Bush")
            continue
        _add_spell(b, row, [row[0], *row[7]])
    b.raw_latest = latest
    for fname in CURATED_FILES:
        res = pkg / fname
        if res.is_file():
            loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
            data = yaml.load(res.read_text(encoding="utf-8"), Loader=loader) or {}
            _add_dictionary(b, data, f"curated:{fname}", CURATED_RANK)
    return b


class ActorKB:
    """States, organisations and leaders, resolved at a date. Build with :meth:`default`."""

    version: str

    def __init__(self, b: _Builder, version: str) -> None:
        self.version = version
        self.countries = b.countries
        self.orgs = b.orgs
        self.sources = b.sources
        self._members = tuple(b.members)
        cands: dict[str, tuple[_Cand, ...]] = {
            s: tuple(sorted(c, key=_cand_rank)) for s, c in b.names.items()
        }
        # Leader surfaces get their readings on first use (``_cands_of``): most never occur.
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
        self._cands = cands
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
            dates.append(_date(b.raw_latest) or dt.date.min)
        self._ref_day = max(dates, default=dt.date.today())
        auto = ahocorasick.Automaton()
        for surface in cands:
            auto.add_word(surface, surface)
        auto.make_automaton()
        self._auto = auto

    # -- construction -------------------------------------------------------------------

    @classmethod
    @functools.cache
    def default(cls) -> ActorKB:
        """The packaged knowledge base (built once per process)."""
        b = _packaged()
        return cls(b, b.version)

    @classmethod
    def load(cls, dictionaries: Sequence[Path] = ()) -> ActorKB:
        """Packaged data plus user dictionaries (YAML, see the module docstring), in order."""
        if not dictionaries:
            return cls.default()
        b = _packaged()
        for i, path in enumerate(dictionaries):
            _add_dictionary(b, _yaml_load(Path(path)), f"user:{Path(path).name}", USER_RANK + i)
        names = "+".join(Path(p).stem for p in dictionaries)
        return cls(b, f"{b.version}+{names}")

    # -- queries ------------------------------------------------------------------------

    def _cands_of(self, surface: str) -> tuple[_Cand, ...]:
        """The readings of one surface; a leader's spells are materialised on first use."""
        c = self._cands.get(surface, ())
        if c or surface not in self._persons:
            return c
        keys = sorted(self._persons[surface])
        best = _best_spells([_spell(sp) for key in keys for sp in self._person_spells[key]])
        c = (_Cand(None, "leader", None, best[0].source, tuple(best)),)
        self._cands[surface] = c
        return c

    def has_actor(self, text: str) -> bool:
        """True when ``text`` holds any candidate actor name (a cheap prefilter)."""
        for end, surface in self._auto.iter(text):
            start = end - len(surface) + 1
            if _bounded(text, start, end + 1):
                return True
        return _TITLE_RE.search(text) is not None

    def mentions(self, text: str, date: dt.date | None = None) -> list[Mention]:
        """Non-overlapping, longest actor mentions in ``text``, resolved at ``date``."""
        day = date or self._ref_day
        base = self._base(text, day)
        base = self._titles(text, base, day)
        out = self._compounds(text, base)
        if _GOVT_RE.search(text):
            out = self._governments(text, out, day)
        if any(word in text for word in _US_LEG_TRIGGERS):
            out = self._us_legislators(text, out)
        return repeated_names(text, _outermost(out))

    def lookup(self, name: str, date: dt.date | None = None) -> list[Mention]:
        """Every reading of ``name`` at ``date``, best first, each with its reason."""
        day = date or self._ref_day
        name = name.strip()
        out: list[Mention] = []
        cands = self._cands_of(name)
        if cands:
            for c in cands:
                m = self._resolve(name, 0, len(name), c, day)
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
        day = date or self._ref_day
        return sorted({m.member for m in self._members if m.org == org and m.active(day)})

    def memberships(self, code: str, date: dt.date | None = None) -> list[str]:
        """Organisations ``code`` belongs to at ``date``."""
        day = date or self._ref_day
        return sorted({m.org for m in self._members if m.member == code and m.active(day)})

    def spells(self, name: str) -> list[Spell]:
        """The office spells a surface form can refer to (for reports and debugging)."""
        out: list[Spell] = []
        for c in self._cands_of(name):
            out.extend(c.spells)
        return out

    def name_of(self, code: str) -> str:
        return self.countries.get(code) or self.orgs.get(code) or code

    # -- internals ----------------------------------------------------------------------

    def _base(self, text: str, day: dt.date) -> list[Mention]:
        hits: list[tuple[int, int, str]] = []
        for end, surface in self._auto.iter(text):
            start = end - len(surface) + 1
            if _bounded(text, start, end + 1):
                hits.append((start, end + 1, surface))
        if not hits:
            return []
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        out: list[Mention] = []
        pos = 0
        for start, end, surface in hits:
            if start < pos:
                continue
            pos = end
            m = self._resolve(text, start, end, self._cands_of(surface)[0], day)
            if m is not None:
                out.append(m)
        return out

    def _resolve(self, text: str, start: int, end: int, c: _Cand, day: dt.date) -> Mention | None:
        surface = text[start:end]
        if c.kind == "block":
            return None
        if c.spells:
            return self._resolve_person(text, start, end, c.spells, day)
        if surface == "Congo":
            return _congo(text, start, end, day)
        rule = _CONTEXT.get(surface)
        if rule is not None:
            res = rule(text, start, end)
            if res is not None:
                code, kind, reason = res
                if kind == "drop":
                    return None
                sector = "GOV" if kind == "format" else None
                return Mention(start, end, surface, code or None, sector, kind, None, reason)
        if (
            c.kind == "place"
            and c.source == "phoenix"
            and " " not in surface
            and _person_first_or_last(text, start, end)
        ):
            return None  # a single-word place glued to a capitalised word is likely a person
        label = self.name_of(c.code) if c.code else "no code"
        return Mention(
            start, end, surface, c.code, c.sector, c.kind, None, f"{c.kind} of {label} ({c.source})"
        )

    def _resolve_person(
        self, text: str, start: int, end: int, spells: tuple[Spell, ...], day: dt.date
    ) -> Mention | None:
        surface = text[start:end]
        single = " " not in surface
        if single:
            before = text[max(0, start - 30) : start]
            if re.search(r"\bthe\s+$", before, re.IGNORECASE):
                return None  # "the Moon", "the Trump" is not the person
            # Same line only: a word that ends the previous paragraph is not a first name.
            prev = re.search(r"([A-Z][a-zà-ÿ\-]+)[ \t]+$", before)
            if (
                prev
                and _looks_like_given_name(prev.group(1), self._cands)
                and not _OPEN_TITLE.search(before.rstrip())
                and not re.search(rf"(?:{_TITLES_KNOWN})\s+$", before)
            ):
                other = f"{prev.group(1)} {surface}"
                first = start - len(prev.group(0))
                return Mention(
                    first,
                    end,
                    text[first:end],
                    None,
                    None,
                    "name",
                    other,
                    f"{other!r} shares the surname of "
                    f"{spells[0].person} but is not a known office-holder",
                )
            if max(sp.rank for sp in spells) < CURATED_RANK:
                nxt = _word_after(text, end)
                if (
                    nxt
                    and nxt not in _AFTER_OK
                    and text[end : end + 1] == " "
                    and _looks_like_given_name(surface, self._cands, check_known=False)
                ):
                    return None  # "Stephen Miller": a first name that a source lists as a leader
        chosen, status = _pick(spells, day)
        who = f"{chosen.person} ({chosen.role.replace('_', ' ')}, {chosen.code}, {chosen.source})"
        codes = {sp.code for sp in spells}
        if status != "in office" and len(codes) > 1:
            # Not in office anywhere at ``day`` and known in several states: only context
            # ("Kyrgyz Prime Minister ...", joined in ``_compounds``) can decide.
            return Mention(
                start,
                end,
                surface,
                None,
                None,
                "leader",
                chosen.person,
                f"ambiguous: {surface} held office in {', '.join(sorted(codes))}; none on {day}",
            )
        if status == "in office":
            sector = chosen.sector or ROLE_SECTOR.get(chosen.role, "GOV")
            return Mention(
                start,
                end,
                surface,
                chosen.code,
                sector,
                "leader",
                chosen.person,
                f"{who} in office on {day}",
            )
        if status == "unconfirmed":
            return Mention(
                start,
                end,
                surface,
                chosen.code,
                None,
                "leader",
                chosen.person,
                f"{who} last known in office {chosen.seen}; not confirmed on {day}",
            )
        if (
            status == "former"
            and " " not in surface
            and chosen.rank < CURATED_RANK
            and chosen.end is not None
            and (day - chosen.end).days > LONG_GONE_DAYS
            # an undated text is read at the KB's latest day: it may well be old news
            and day != self._ref_day
        ):
            # A bare surname decades after a listed leader left office is someone else in
            # news: "Perry" in 2018 is not Liberia's head of government until 1997, nor
            # "Papadopoulos" Greece's until 1973. Curated leaders keep their name.
            return None
        if status == "former":
            return Mention(
                start,
                end,
                surface,
                chosen.code,
                None,
                "leader",
                chosen.person,
                f"former: {who} left office {chosen.end}",
            )
        # Before a first known office the person is usually already a national figure
        # (candidate, minister, vice-president), so keep the country but claim no sector.
        return Mention(
            start,
            end,
            surface,
            chosen.code,
            None,
            "leader",
            chosen.person,
            f"not yet in office: {who} takes office {chosen.start}, after {day}",
        )

    def _titles(self, text: str, base: list[Mention], day: dt.date) -> list[Mention]:
        """Attach a title to the leader after it; make unknown titled names code-None."""
        if not _TITLE_RE.search(text):
            return base
        by_start = {m.start: i for i, m in enumerate(base)}
        add: list[Mention] = []
        for t in _TITLE_RE.finditer(text):
            name_at = t.end()
            i = by_start.get(name_at)
            if i is not None:
                m = base[i]
                if m.kind in {"leader", "name"} and m.person:
                    if m.code is None and _OPEN_TITLE.fullmatch(t.group(1)):
                        found = self._titled_person(m.person, t.group(1), day)
                        if found is not None:
                            m = replace(m, code=found[0], sector=found[1], reason=found[2])
                            m = replace(m, kind="leader")
                    base[i] = replace(m, start=t.start(), text=text[t.start() : m.end])
                continue
            if not _OPEN_TITLE.fullmatch(t.group(1)):
                continue
            person = _person_at(_NAME_RE, text, name_at)
            if person is None:
                continue
            end = name_at + len(person)
            if any(m.start < end and t.start() < m.end for m in base):
                continue  # the "name" is a known place or org ("President Obama's Washington")
            found = self._titled_person(person, t.group(1), day)
            code, sector, reason = found or (
                None,
                "GOV",
                f"title {t.group(1)!r} with a name not in the knowledge base",
            )
            add.append(
                Mention(
                    t.start(), end, text[t.start() : end], code, sector, "leader", person, reason
                )
            )
        if add:
            base = sorted([*base, *add], key=lambda m: m.start)
        return base

    def _titled_index(self) -> dict[str, list[Spell]]:
        """Surname (plain, lower-case) -> spells; built on first use."""
        if self._titled is None:
            idx: dict[str, list[Spell]] = {}
            for (person, _code), rows in self._person_spells.items():
                last = _surname_key(person)
                if last:
                    idx.setdefault(last, []).extend(_spell(r) for r in rows)
            for sp in self._titled_spells:
                idx.setdefault(_surname_key(sp.person), []).append(sp)
            self._titled = idx
        return self._titled

    def _fuzzy_index(self) -> dict[str, set[str]]:
        """One-deletion neighbourhood of surnames of 6+ letters, for wire-copy misspellings
        ("Mitterand", "Bouteflicka"); built on first use."""
        if self._fuzzy is None:
            fz: dict[str, set[str]] = {}
            for key in self._titled_index():
                if len(key) >= 6:
                    fz.setdefault(key, set()).add(key)
                    for k in range(len(key)):
                        fz.setdefault(key[:k] + key[k + 1 :], set()).add(key)
            self._fuzzy = fz
        return self._fuzzy

    def _titled_person(
        self, person: str, title: str, day: dt.date
    ) -> tuple[str | None, str | None, str] | None:
        """A titled name not known as a whole ("President Bush", "President Omar Hassan
        al-Bashir"): look its surname up among office-holders; one country decides."""
        idx = self._titled_index()
        words = person.split()
        spells: list[Spell] = []
        how = ""
        for w in reversed(words[1:] if len(words) > 1 else words):
            key = _surname_key(w)
            if key in idx:
                spells, how = idx[key], w
                break
        if not spells and len(words) >= 1:
            key = _surname_key(words[-1])
            if len(key) >= 6:
                near: set[str] = set()
                fz = self._fuzzy_index()
                near |= fz.get(key, set())
                for k in range(len(key)):
                    near |= fz.get(key[:k] + key[k + 1 :], set())
                if len(near) == 1:
                    (hit,) = near
                    spells, how = idx[hit], f"{words[-1]} (spelling of {hit})"
        if not spells:
            return None
        if title in _HEAD_TITLES:
            heads = [sp for sp in spells if sp.role.startswith("head")]
            spells = heads or spells
        spells = _best_spells(spells)
        chosen, status = _pick(spells, day)
        who = f"{chosen.person} ({chosen.code}, {chosen.source})"
        if status == "in office":
            sector = chosen.sector or ROLE_SECTOR.get(chosen.role, "GOV")
            return (chosen.code, sector, f"{title} {how}: {who} in office on {day}")
        codes = sorted({sp.code for sp in spells})
        if len(codes) > 1:
            return (None, "GOV", f"{title} {how}: former office-holder of {', '.join(codes)}")
        return (chosen.code, None, f"former/historic: {title} {how} = {who}")

    def _governments(self, text: str, ms: list[Mention], day: dt.date) -> list[Mention]:
        """ "the Bush administration" -> the leader's state, GOV, one mention; "the
        government" / "the regime" alone -> a code-None GOV mention (a party, state unknown)."""
        add: list[Mention] = []
        starts = [m.start for m in ms]
        for g in _GOVT_RE.finditer(text):
            lo, hi = g.start(), g.end()
            k = bisect.bisect_left(starts, hi)
            if k and ms[k - 1].end > lo:
                # A leader mention just before: "Trump administration" -> one GOV mention.
                for i, m in enumerate(ms):
                    if (
                        g.group(1)
                        and m.kind == "leader"
                        and m.start <= g.start(1) < m.end
                        and m.code
                        and m.end <= g.start(2)
                    ):
                        ms[i] = replace(
                            m,
                            start=min(lo, m.start),
                            end=hi,
                            text=text[min(lo, m.start) : hi],
                            sector="GOV",
                            kind="role",
                            reason=f"{m.reason} + {g.group(2).lower()!r}",
                        )
                continue
            if g.group(1):
                found = self._titled_person(g.group(1), "President", day)
                if found is None or found[0] is None:
                    continue
                code, _sector, reason = found
                add.append(
                    Mention(
                        lo,
                        hi,
                        text[lo:hi],
                        code,
                        "GOV",
                        "role",
                        None,
                        f"{reason} + {g.group(2).lower()!r}",
                    )
                )
            else:
                if g.group(0)[:4].lower() != "the " or re.match(r"\s+of\b", text[hi : hi + 5]):
                    continue  # "the government of X" is resolved with X
                add.append(
                    Mention(
                        lo,
                        hi,
                        text[lo:hi],
                        None,
                        "GOV",
                        "role",
                        None,
                        f"{g.group(0)!r}: a government, state not named here",
                    )
                )
        if add:
            ms = sorted([*ms, *add], key=lambda m: m.start)
        return ms

    def _us_legislators(self, text: str, ms: list[Mention]) -> list[Mention]:
        """US legislators and caucuses named by title or party tag (see ``_US_LEG_TITLE_RE``)."""
        add: list[Mention] = []

        def free(lo: int, hi: int) -> bool:
            return not any(m.start < hi and lo < m.end for m in [*ms, *add])

        def legislator(lo: int, hi: int, person: str | None, why: str) -> None:
            add.append(Mention(lo, hi, text[lo:hi], "USA", "LEG", "leader", person, why))

        absorbed: set[int] = set()
        for t in _US_LEG_TITLE_RE.finditer(text):
            person = _person_at(_US_NAME_RE, text, t.end())
            if person is None:
                continue
            end = t.end() + len(person)
            if any(m.start < end and t.end() < m.end and m.code for m in ms):
                continue  # the name is a person the KB knows: it keeps its own reading
            # the title's own words ("Senate" in "Senate Majority Leader X") and an unresolved
            # reading of the name ("shares the surname of ...") give way to the legislator
            inside = [i for i, m in enumerate(ms) if t.start() <= m.start and m.end <= end]
            if any(ms[i].code not in (None, "USA") for i in inside):
                continue
            absorbed.update(inside)  # "Senate" in "Senate Majority Leader X" is the title
            title = text[t.start() : t.end()].strip()
            demonym = next(
                (
                    i
                    for i, m in enumerate(ms)
                    if m.kind == "demonym"
                    and m.code
                    and m.end <= t.start()
                    and not text[m.end : t.start()].strip()
                ),
                None,
            )
            if demonym is not None:
                # "Philippine Sen. X", "Australian Senator X": the demonym names the state
                d = ms[demonym]
                absorbed.add(demonym)
                add.append(
                    Mention(
                        d.start,
                        end,
                        text[d.start : end],
                        d.code,
                        "LEG",
                        "leader",
                        person,
                        f"{d.text} + title {title!r}: a legislator of {d.code}",
                    )
                )
                continue
            legislator(t.start(), end, person, f"title {title!r}: a member of the US Congress")
        if absorbed:
            ms = [m for i, m in enumerate(ms) if i not in absorbed]
        for t in _US_PARTY_RE.finditer(text):
            nm = re.search(
                r"((?:[A-Z][a-zà-ÿ'’\-]+\s+){0,2}[A-Z][a-zà-ÿ'’\-]+)$", text[: t.start()]
            )
            if nm is None or nm.group(1).split()[0] in _NOT_NAME:
                continue
            lo = nm.start(1)
            if free(lo, t.end()):
                legislator(lo, t.end(), nm.group(1), "party tag (R-/D-state): a US legislator")
        for g in _US_GROUP_RE.finditer(text):
            if free(g.start(), g.end()):
                add.append(
                    Mention(
                        g.start(),
                        g.end(),
                        g.group(0),
                        "USA",
                        "LEG",
                        "role",
                        None,
                        "US Congress members or committee",
                    )
                )
        if not add:
            return ms
        return sorted([*ms, *add], key=lambda m: m.start)

    def _compounds(self, text: str, ms: list[Mention]) -> list[Mention]:
        """Merge "Canadian" + "Prime Minister Mark Carney" and "Japan's" + "foreign ministry"."""
        out: list[Mention] = []
        i = 0
        while i < len(ms):
            m = ms[i]
            nxt = ms[i + 1] if i + 1 < len(ms) else None
            if m.kind in {"country", "demonym", "org", "capital"}:
                # "Canadian Prime Minister Mark Carney": a state before a titled leader.
                gap = text[m.end : nxt.start] if nxt else ""
                if (
                    nxt is not None
                    and nxt.kind == "leader"
                    and re.fullmatch(r"(?:['’]s)?\s+", gap)
                    and nxt.text != nxt.person
                ):
                    # The adjective names the office's state: "British Defence Secretary
                    # Tom King" is not the King of some other country.
                    code = m.code or nxt.code
                    sector = nxt.sector or ("GOV" if nxt.code != code else None)
                    reason = (
                        f"{m.text} + {nxt.reason}"
                        if nxt.code
                        else f"{nxt.person}: unknown office-holder of {self.name_of(m.code or '')}"
                    )
                    out.append(
                        Mention(
                            m.start,
                            nxt.end,
                            text[m.start : nxt.end],
                            code,
                            sector,
                            "leader",
                            nxt.person,
                            reason,
                        )
                    )
                    i += 2
                    continue
                r = _ROLE_AFTER.match(text, m.end)
                if r is not None and (nxt is None or r.end() <= nxt.start):
                    role = r.group(1).lower()
                    end = r.end()
                    person = None
                    kind = "role"
                    if (
                        nxt is not None
                        and re.fullmatch(r"\s+", text[end : nxt.start])
                        and nxt.kind in {"leader", "name"}
                        and nxt.person
                        and role in _PERSON_ROLES
                    ):
                        person = nxt.person
                        end = nxt.end
                        kind = "leader"
                        i += 1
                    code = m.code
                    why = f"{m.text} ({m.reason}) + role {role!r}"
                    if m.kind == "org" and role in _ENVOY_TO:
                        # "U.N. ambassador Nikki Haley" is a state's ambassador to the UN
                        # (PETR codes her USAGOV); which state, the phrase does not say
                        code, why = None, f"{why}: an ambassador to {m.text}, state not named"
                    out.append(
                        Mention(
                            m.start,
                            end,
                            text[m.start : end],
                            code,
                            ROLE_NOUNS[role],
                            kind,
                            person,
                            why,
                        )
                    )
                    i += 1
                    continue
            if m.kind in {"country", "demonym", "org", "metonym", "capital"}:
                r2 = _ROLE_OF_BEFORE.search(text, max(0, m.start - 40), m.start)
                prev_end = out[-1].end if out else 0
                if r2 is not None and r2.start() >= prev_end:
                    role = r2.group(1).lower()
                    out.append(
                        Mention(
                            r2.start(),
                            m.end,
                            text[r2.start() : m.end],
                            m.code,
                            ROLE_NOUNS[role],
                            "role",
                            None,
                            f"role {role!r} of {m.text} ({m.reason})",
                        )
                    )
                    i += 1
                    continue
            out.append(m)
            i += 1
        return out


# "the Bush administration" (a leader's surname) or "the government" / "the regime" alone.
_GOVT_RE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:([A-Z][a-zà-ÿ'’\-]+)\s+)?(administration|government|regime|junta)\b"
)

# US legislators are the most frequent actors in US news that no office list holds. Their
# titles name the state and the sector even when the person is unknown: "Sen. X", "Rep. X",
# "House Speaker X", "X (R-Ky.)". A demonym in front ("Australian Senator X") names another
# state and wins: that pass runs first and this one skips overlaps. Other countries' senators
# without a demonym are read as US ones; a user dictionary can name them.
_US_LEG_TITLE_RE = re.compile(
    r"\b(?:(?:Republican|Democratic|GOP)\s+)?"
    r"(?:Sen\.|Senator|Rep\.|Congressman|Congresswoman|"
    r"(?:House|Senate)\s+(?:Speaker|Majority\s+Leader|Minority\s+Leader|Majority\s+Whip|"
    r"Minority\s+Whip)|Senate\s+(?:Democratic|Republican)\s+Leader|"
    r"(?:House|Senate)\s+(?:[A-Z][a-z]+\s+){1,3}(?:Committee\s+)?(?:Chairman|Chairwoman|Chair))"
    r"\s+(?=[A-Z])"
)
# Names with inner capitals and hyphens ("McCain", "Ros-Lehtinen", "DeSantis")
_US_NAME_RE = re.compile(
    r"(?:[A-Z][A-Za-zà-ÿ'’]+(?:-[A-Z][A-Za-zà-ÿ'’]+)?|[A-Z]\.)"
    r"(?:\s+(?:[A-Z][A-Za-zà-ÿ'’]+(?:-[A-Z][A-Za-zà-ÿ'’]+)?|[A-Z]\.)){0,3}"
)
# Every match of the three patterns holds one of these ("Republican" holds "Rep"), so a text
# without them skips the pass; a bare "-" would send nearly every article through it.
_US_LEG_TRIGGERS = (
    "Sen",
    "Rep",
    "House",
    "Congress",
    "congressional",
    "Democratic",
    "GOP",
    "(R-",
    "(D-",
    "(I-",
)
_US_PARTY_RE = re.compile(r"\s*\((?:R|D|I)-[A-Z][A-Za-z.]{1,12}\)")
_US_GROUP_RE = re.compile(
    r"\b(?:(?:House|Senate|congressional|Congressional)\s+(?:Democrats|Republicans)|"
    r"(?:Democratic|Republican|GOP)\s+(?:lawmakers|senators|legislators|congressmen|"
    r"leaders\s+in\s+Congress)|(?:House|Senate)\s+(?:Intelligence|Judiciary|Armed\s+Services|"
    r"Foreign\s+Relations|Foreign\s+Affairs|Homeland\s+Security|Oversight|Appropriations|"
    r"Finance|Ways\s+and\s+Means)\s+Committee)\b"
)


_PERSON_ROLES = frozenset(
    {
        "prime minister",
        "premier",
        "president",
        "chancellor",
        "vice president",
        "vice-president",
        "king",
        "queen",
        "emir",
        "sultan",
        "crown prince",
        "foreign minister",
        "foreign secretary",
        "secretary of state",
        "defence minister",
        "defense minister",
        "defence secretary",
        "defense secretary",
        "trade minister",
        "finance minister",
        "minister",
        "leader",
        "ambassador",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "economy minister",
        "commerce minister",
        "foreign affairs minister",
        "trade representative",
        "general",
    }
)


_KIND_RANK = {"block": 0, "country": 1, "demonym": 2, "capital": 3, "org": 4, "metonym": 5}
_SOURCE_RANK = {"countryinfo": 1, "mledoze": 2, "phoenix": 3}


def _cand_rank(c: _Cand) -> tuple[int, int]:
    """Order the readings of one surface: curated and user rows first, then by kind, then the
    more careful source (countryinfo's "American" is the USA, mledoze's also Northern Marianas)."""
    src = 0 if c.source.startswith(("curated:", "user:")) else _SOURCE_RANK.get(c.source, 4)
    return (src, _KIND_RANK.get(c.kind, 6))


def _bounded(text: str, start: int, end: int) -> bool:
    """The span is a whole word (or words): no letter or digit glued to either side."""
    if start > 0:
        c = text[start - 1]
        if c.isalnum() or c == "_":
            return False
    if end < len(text):
        c = text[end]
        if c.isalnum() or c == "_":
            return False
        # "U.S." ends in a dot; "US-led" is fine, "Mali-based" too.
    return True


def _best_spells(spells: Iterable[Spell]) -> list[Spell]:
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


_STATUS_ORDER = {"in office": 0, "unconfirmed": 1, "former": 2, "future": 3}


def _pick(spells: Sequence[Spell], day: dt.date) -> tuple[Spell, str]:
    """The spell that best explains a name at ``day``: in office > unconfirmed > former."""

    def key(s: Spell) -> tuple[int, int, float]:
        st = s.status(day)
        if st == "former":
            recency = -((day - (s.end or day)).days)
        elif st == "future":
            recency = -(((s.start or day) - day).days)
        else:
            recency = (s.start or dt.date.min).toordinal()
        # Heads before ministers when a surname fits both, then the most relevant date.
        role_rank = 0 if s.role.startswith("head") else 1
        return (_STATUS_ORDER[st], role_rank, -recency)

    best = min(spells, key=key)
    return best, best.status(day)


def _person_at(name_re: re.Pattern[str], text: str, at: int) -> str | None:
    """The name after a title at ``at``, without trailing words that end a name ("Monday")."""
    nm = name_re.match(text, at)
    if nm is None:
        return None
    words = nm.group(0).split()
    while words and words[-1] in _NOT_NAME:
        words.pop()
    if not words or words[0] in _NOT_NAME:
        return None
    return " ".join(words)


def _outermost(mentions: list[Mention]) -> list[Mention]:
    """Drop mentions that overlap an earlier-starting (or, at the same start, longer) one.

    The title and compound passes widen a mention over its neighbours ("Secretary of State"
    + "Mike Pompeo"); whatever they leave overlapping is the narrower reading.
    """
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    out: list[Mention] = []
    for m in ordered:
        if not out or m.start >= out[-1].end:
            out.append(m)
    return out


# -- context rules for ambiguous names -------------------------------------------------------
# Each rule sees the whole text and the span; it returns (code, kind, reason), ("", "drop", "")
# to drop the span, or None to keep the default reading.

_Rule = Any


def _word_before(text: str, start: int) -> str:
    m = re.search(r"([A-Z][\w'’\-\.]*)\s+$", text[max(0, start - 30) : start])
    return m.group(1) if m else ""


def _word_after(text: str, end: int) -> str:
    m = re.match(r"\s+([A-Z][\w'’\-]*)", text[end : end + 30])
    return m.group(1) if m else ""


def _person_first_or_last(text: str, start: int, end: int) -> bool:
    """A capitalised word glued before or after: "Michael Jordan", "Chad Wolf"."""
    m = re.search(r"([A-Z][a-zà-ÿ\-]+)[ \t]+$", text[max(0, start - 30) : start])
    if m and _looks_like_given_name(m.group(1), {}, check_known=False):
        return True
    a = re.match(r"[ \t]+([A-Z][a-zà-ÿ\-]+)", text[end : end + 30])
    return a is not None and a.group(1) not in _AFTER_OK and a.group(1) not in _NOT_GIVEN


def _georgia(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    before = text[max(0, start - 40) : start]
    after = text[end : end + 40]
    if (
        re.search(r"(Atlanta|Savannah|Augusta|Macon|Athens|Columbus),\s*$", before)
        or re.search(
            r"(Gov\.|Governor|governor of|state of|State of|University of|"
            r"Northern District of|Southern District of|Sen\.|Senator)\s+$",
            before,
        )
        or re.match(
            r"(?:['’]s)?\s+(governor|Governor|Gov\.|state|State|Senate|senator|"
            r"Republicans?|Democrats?|voters|Tech|Bulldogs|primary|runoff|"
            r"legislature|General Assembly|Secretary of State|election|Supreme Court|"
            r"Power|Peach)\b",
            after,
        )
        or re.match(r",\s*(?:U\.S\.|USA|United States)", after)
        or re.search(
            r"\b(?:Alabama|Florida|South Carolina|Tennessee|North Carolina|Texas|"
            r"Arizona|Michigan|Wisconsin|Pennsylvania|Ohio),?\s+(?:and|or)\s+$",
            before,
        )
        or re.match(
            r",?\s+(?:and|or)\s+(?:Alabama|Florida|South Carolina|Arizona|Michigan|"
            r"Pennsylvania|Wisconsin|Texas|Ohio|North Carolina)\b",
            after,
        )
    ):
        return ("USA", "place", "Georgia the US state (context)")
    return None


def _jordan(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    if _person_first_or_last(text, start, end):
        return ("", "drop", "a person's name")
    return None


def _niger(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    if re.match(r"\s+(Delta|State|delta)\b", text[end : end + 10]):
        return ("NGA", "place", "the Niger Delta / Niger State are in Nigeria")
    return _jordan(text, start, end)


def _turkey(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    if re.match(
        r"\s+(dinner|sandwich(?:es)?|day|Day|meat|pardon|legs?|breast|burgers?|"
        r"Trot|vultures?|hunting|farm|farms|feathers)\b",
        text[end : end + 20],
    ) or re.search(r"(Thanksgiving|Christmas|roast|wild)\s+$", text[max(0, start - 15) : start]):
        return ("", "drop", "the bird")
    return None


def _washington(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    after = text[end : end + 20]
    if re.match(
        r"\s+(Post|Times|Examiner|Nationals|Redskins|Wizards|Capitals|Commanders|"
        r"Monument|Square|Mystics|Huskies|Free Beacon|Journal|Institute)\b",
        after,
    ):
        return ("", "drop", "a named organisation, not the government")
    if re.match(r"\s+(state|State)\b", after) or re.search(
        r"\bstate of\s+$", text[max(0, start - 12) : start]
    ):
        return ("USA", "place", "Washington State")
    if _word_before(text, start) in {"George", "Denzel", "Kerry", "Martha", "Booker", "T."}:
        return ("", "drop", "a person's name")
    return None


# The Democratic Republic of the Congo was Zaire until 1997-05-17: before that "Congo" alone
# was the Republic of the Congo (Brazzaville). With no date the current reading (COD) is kept.
_ZAIRE_RENAMED = dt.date(1997, 5, 17)


def _congo(text: str, start: int, end: int, day: dt.date | None) -> Mention:
    before = text[max(0, start - 40) : start]
    after = text[end : end + 20]
    if re.search(r"(?:Democratic Republic of(?: the)?|DR|D\.R\.)\s+$", before) or re.match(
        r"(?:-Kinshasa| \(Kinshasa\))", after
    ):
        return Mention(start, end, "Congo", "COD", None, "country", None, "Congo-Kinshasa")
    if re.search(r"Republic of(?: the)?\s+$", before) or re.match(
        r"(?:-Brazzaville| \(Brazzaville\))", after
    ):
        return Mention(start, end, "Congo", "COG", None, "country", None, "Congo-Brazzaville")
    if day is not None and day < _ZAIRE_RENAMED:
        return Mention(
            start,
            end,
            "Congo",
            "COG",
            None,
            "country",
            None,
            f"Congo before {_ZAIRE_RENAMED} (the DRC was Zaire): Republic of the Congo",
        )
    return Mention(
        start,
        end,
        "Congo",
        "COD",
        None,
        "country",
        None,
        "Congo: ambiguous; the DRC in current news (no date: assumed current)",
    )


def _chad(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    if _person_first_or_last(text, start, end):
        return ("", "drop", "a person's first name")
    return None


_TWO_PLUS_TWO = (
    "a 2+2 dialogue: the foreign and defence ministers of two states meeting together; "
    "the states are the ones named with it"
)


def _ministerial_format(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    # A "2+2" names a meeting format of two governments, not a state of its own: it stays an
    # actor mention (kind "format", code None) so it is never dropped silently, and the
    # event coder takes the parties from the states named beside it.
    return ("", "format", _TWO_PLUS_TWO)


# Gazetteer capitals whose names are far more often people, universities or towns in
# English-language news: each stands for its state only in a text that names the state.
_NAME_LIKE_CAPITALS = {
    "Hamilton": r"Bermuda",
    "Douglas": r"Isle of Man|Manx",
    "Georgetown": r"Guyana",
    "Stanley": r"Falkland",
    "Victoria": r"Seychell",
    "Kingston": r"Jamaica",
    "Plymouth": r"Montserrat",
    "Jamestown": r"Saint Helena|St\.? Helena",
    "Nassau": r"Bahamas",
    "Kingstown": r"Saint Vincent|St\.? Vincent",
}


def _name_like_capital(text: str, start: int, end: int) -> tuple[str, str, str] | None:
    state = _NAME_LIKE_CAPITALS[text[start:end]]
    if re.search(state, text):
        return None
    return ("", "drop", "a capital's name, in a text that never names its state")


_CONTEXT: dict[str, _Rule] = {
    **dict.fromkeys(_NAME_LIKE_CAPITALS, _name_like_capital),
    "2+2": _ministerial_format,
    "two-plus-two": _ministerial_format,
    "Georgia": _georgia,
    "Jordan": _jordan,
    "Chad": _chad,
    "Niger": _niger,
    "Turkey": _turkey,
    "Washington": _washington,
}


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
