"""Which actor a candidate name means in its text at a date: the resolver.

A surface form found by the mention scanner may have several readings (:class:`.index.Cand`).
The resolver picks one for its context: a leader's name by the office spell that fits the
date (in office, unconfirmed, former, not yet), a bare surname only when it is not someone
else's first and last name, a titled surname ("President Bush") among office-holders, and
ambiguous place names ("Georgia", "Jordan", "Congo", "Washington") by the words around them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from ..records import Mention
from .index import CURATED_RANK, ActorIndex, Cand, Spell, best_spells, surname_key
from .words import (
    AFTER_OK,
    BEFORE_OK,
    HEAD_TITLES,
    NOT_GIVEN,
    NOT_NAME,
    OPEN_TITLE,
    ROLE_SECTOR,
    TITLES_KNOWN,
)

__all__ = ["Resolver"]

# A bare surname from a bulk leader list stands for a former office-holder only this long
# after they left office.
LONG_GONE_DAYS = 10 * 365


def _looks_like_given_name(word: str, cands: dict[str, Any], check_known: bool = True) -> bool:
    """Is ``word`` (just before a surname) plausibly a first name, as in "Hunter Biden"?"""
    if word in NOT_GIVEN or word in BEFORE_OK or word in NOT_NAME or word.isupper():
        return False
    # "Turkey Erdogan" or "Trump Biden" are two actors side by side, not a first name.
    return not (check_known and word in cands)


class Resolver:
    """Resolves one candidate span of a text at a date, against an :class:`ActorIndex`."""

    def __init__(self, index: ActorIndex) -> None:
        self.index = index

    def resolve(self, text: str, start: int, end: int, c: Cand, day: dt.date) -> Mention | None:
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
        label = self.index.name_of(c.code) if c.code else "no code"
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
                and _looks_like_given_name(prev.group(1), self.index.cands)
                and not OPEN_TITLE.search(before.rstrip())
                and not re.search(rf"(?:{TITLES_KNOWN})\s+$", before)
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
                    and nxt not in AFTER_OK
                    and text[end : end + 1] == " "
                    and _looks_like_given_name(surface, self.index.cands, check_known=False)
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
            and day != self.index.ref_day
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

    def titled_person(
        self, person: str, title: str, day: dt.date
    ) -> tuple[str | None, str | None, str] | None:
        """A titled name not known as a whole ("President Bush", "President Omar Hassan
        al-Bashir"): look its surname up among office-holders; one country decides."""
        idx = self.index.titled_index()
        words = person.split()
        spells: list[Spell] = []
        how = ""
        for w in reversed(words[1:] if len(words) > 1 else words):
            key = surname_key(w)
            if key in idx:
                spells, how = idx[key], w
                break
        if not spells and len(words) >= 1:
            key = surname_key(words[-1])
            if len(key) >= 6:
                near: set[str] = set()
                fz = self.index.fuzzy_index()
                near |= fz.get(key, set())
                for k in range(len(key)):
                    near |= fz.get(key[:k] + key[k + 1 :], set())
                if len(near) == 1:
                    (hit,) = near
                    spells, how = idx[hit], f"{words[-1]} (spelling of {hit})"
        if not spells:
            return None
        if title in HEAD_TITLES:
            heads = [sp for sp in spells if sp.role.startswith("head")]
            spells = heads or spells
        spells = best_spells(spells)
        chosen, status = _pick(spells, day)
        who = f"{chosen.person} ({chosen.code}, {chosen.source})"
        if status == "in office":
            sector = chosen.sector or ROLE_SECTOR.get(chosen.role, "GOV")
            return (chosen.code, sector, f"{title} {how}: {who} in office on {day}")
        codes = sorted({sp.code for sp in spells})
        if len(codes) > 1:
            return (None, "GOV", f"{title} {how}: former office-holder of {', '.join(codes)}")
        return (chosen.code, None, f"former/historic: {title} {how} = {who}")


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
    return a is not None and a.group(1) not in AFTER_OK and a.group(1) not in NOT_GIVEN


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
    if _names_state(text, state):
        return None
    return ("", "drop", "a capital's name, in a text that never names its state")


# Whether the text names a state, remembered for the last text: a long text that says
# "Victoria" a thousand times and never "Seychelles" is read through once, not a thousand times.
_NAMED_STATES: tuple[str, dict[str, bool]] = ("", {})


def _names_state(text: str, state: str) -> bool:
    global _NAMED_STATES
    last, seen = _NAMED_STATES  # one read, so a thread coding another text cannot mix them
    if last is not text:
        seen = {}
        _NAMED_STATES = (text, seen)
    if state not in seen:
        seen[state] = re.search(state, text) is not None
    return seen[state]


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
