"""The mention scanner: every actor named in a text, as non-overlapping spans.

Passes, in order: the knowledge base's surface forms (longest first, each resolved at the
date), titles in front of persons ("President Foo Bar"), compounds of a state and a role or a
titled leader ("Canadian Prime Minister Mark Carney", "Japan's foreign ministry"),
administrations and governments ("the Bush administration"), US legislators by title or party
tag, then the outermost spans win and later surnames of persons named in full are added
(:func:`.corefer.repeated_names`).

A pass that asks which mentions a hit overlaps looks them up by position
(:class:`.spans.SpanIndex`) rather than walking all of them, so a long document (a 2,000,000
character part) costs time linear in its length.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from ..records import Mention, MentionKind
from .corefer import repeated_names
from .index import ActorIndex
from .resolve import Resolver
from .spans import SpanIndex
from .words import (
    ENVOY_TO,
    GOVT_RE,
    NAME_RE,
    NOT_NAME,
    OPEN_TITLE,
    PERSON_ROLES,
    ROLE_AFTER,
    ROLE_NOUNS,
    ROLE_OF_BEFORE,
    TITLE_RE,
    US_GROUP_RE,
    US_LEG_TITLE_RE,
    US_LEG_TRIGGERS,
    US_NAME_RE,
    US_PARTY_RE,
)

__all__ = ["MentionScanner"]


class MentionScanner:
    """Finds the actor mentions of a text: an index's names, resolved by a resolver."""

    def __init__(self, index: ActorIndex, resolver: Resolver) -> None:
        self.index = index
        self.resolver = resolver

    def has_actor(self, text: str) -> bool:
        """True when ``text`` holds any candidate actor name (a cheap prefilter)."""
        for end, surface in self.index.auto.iter(text):
            start = end - len(surface) + 1
            if _bounded(text, start, end + 1):
                return True
        return TITLE_RE.search(text) is not None

    def scan(self, text: str, day: dt.date) -> list[Mention]:
        """Non-overlapping, longest actor mentions in ``text``, resolved at ``day``."""
        base = self._base(text, day)
        base = self._titles(text, base, day)
        out = self._compounds(text, base)
        if GOVT_RE.search(text):
            out = self._governments(text, out, day)
        if any(word in text for word in US_LEG_TRIGGERS):
            out = self._us_legislators(text, out)
        return repeated_names(text, _outermost(out))

    def _base(self, text: str, day: dt.date) -> list[Mention]:
        hits: list[tuple[int, int, str]] = []
        for end, surface in self.index.auto.iter(text):
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
            m = self.resolver.resolve(text, start, end, self.index.cands_of(surface)[0], day)
            if m is not None:
                out.append(m)
        return out

    def _titles(self, text: str, base: list[Mention], day: dt.date) -> list[Mention]:
        """Attach a title to the leader after it; make unknown titled names code-None."""
        if not TITLE_RE.search(text):
            return base
        by_start = {m.start: i for i, m in enumerate(base)}
        spans = SpanIndex((m.start, m.end) for m in base)
        add: list[Mention] = []
        for t in TITLE_RE.finditer(text):
            name_at = t.end()
            i = by_start.get(name_at)
            if i is not None:
                m = base[i]
                if m.kind in {"leader", "name"} and m.person:
                    if m.code is None and OPEN_TITLE.fullmatch(t.group(1)):
                        found = self.resolver.titled_person(m.person, t.group(1), day)
                        if found is not None:
                            m = replace(m, code=found[0], sector=found[1], reason=found[2])
                            m = replace(m, kind="leader")
                    base[i] = replace(m, start=t.start(), text=text[t.start() : m.end])
                    spans.add(i, t.start(), m.end)
                continue
            if not OPEN_TITLE.fullmatch(t.group(1)):
                continue
            person = _person_at(NAME_RE, text, name_at)
            if person is None:
                continue
            end = name_at + len(person)
            if any(
                base[k].start < end and t.start() < base[k].end for k in spans.near(t.start(), end)
            ):
                continue  # the "name" is a known place or org ("President Obama's Washington")
            found = self.resolver.titled_person(person, t.group(1), day)
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

    def _governments(self, text: str, ms: list[Mention], day: dt.date) -> list[Mention]:
        """ "the Bush administration" -> the leader's state, GOV, one mention; "the
        government" / "the regime" alone -> a code-None GOV mention (a party, state unknown)."""
        add: list[Mention] = []
        starts = [m.start for m in ms]
        spans = SpanIndex((m.start, m.end) for m in ms)
        for g in GOVT_RE.finditer(text):
            lo, hi = g.start(), g.end()
            k = bisect.bisect_left(starts, hi)
            if k and ms[k - 1].end > lo:
                # A leader mention just before: "Trump administration" -> one GOV mention.
                for i in spans.near(g.start(1), g.start(1)) if g.group(1) else ():
                    m = ms[i]
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
                        spans.add(i, ms[i].start, ms[i].end)
                continue
            if g.group(1):
                found = self.resolver.titled_person(g.group(1), "President", day)
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
        """US legislators and caucuses named by title or party tag (see ``US_LEG_TITLE_RE``)."""
        add: list[Mention] = []

        def legislator(lo: int, hi: int, person: str | None, why: str) -> Mention:
            return Mention(lo, hi, text[lo:hi], "USA", "LEG", "leader", person, why)

        spans = SpanIndex((m.start, m.end) for m in ms)
        by_end: dict[int, list[int]] = {}
        for i, m in enumerate(ms):
            by_end.setdefault(m.end, []).append(i)
        absorbed: set[int] = set()
        for t in US_LEG_TITLE_RE.finditer(text):
            person = _person_at(US_NAME_RE, text, t.end())
            if person is None:
                continue
            end = t.end() + len(person)
            near = spans.near(t.start(), end)
            if any(ms[i].start < end and t.end() < ms[i].end and ms[i].code for i in near):
                continue  # the name is a person the KB knows: it keeps its own reading
            # the title's own words ("Senate" in "Senate Majority Leader X") and an unresolved
            # reading of the name ("shares the surname of ...") give way to the legislator
            inside = [i for i in near if t.start() <= ms[i].start and ms[i].end <= end]
            if any(ms[i].code not in (None, "USA") for i in inside):
                continue
            absorbed.update(inside)  # "Senate" in "Senate Majority Leader X" is the title
            title = text[t.start() : t.end()].strip()
            # a demonym right before the title, only white space between
            gap = t.start()
            while gap > 0 and text[gap - 1].isspace():
                gap -= 1
            demonym = min(
                (
                    i
                    for at in range(gap, t.start() + 1)
                    for i in by_end.get(at, ())
                    if ms[i].kind == "demonym" and ms[i].code
                ),
                default=None,
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
            add.append(
                legislator(t.start(), end, person, f"title {title!r}: a member of the US Congress")
            )
        if absorbed:
            ms = [m for i, m in enumerate(ms) if i not in absorbed]
        # the spans taken so far, ``ms`` and ``add``, filed by position for ``free``
        taken = [*ms, *add]
        spans = SpanIndex((m.start, m.end) for m in taken)

        def free(lo: int, hi: int) -> bool:
            return not any(taken[k].start < hi and lo < taken[k].end for k in spans.near(lo, hi))

        def take(m: Mention) -> None:
            add.append(m)
            taken.append(m)
            spans.add(len(taken) - 1, m.start, m.end)

        for t in US_PARTY_RE.finditer(text):
            nm = _name_before(text, t.start())
            if nm is None or nm.group(1).split()[0] in NOT_NAME:
                continue
            lo = nm.start(1)
            if free(lo, t.end()):
                take(
                    legislator(lo, t.end(), nm.group(1), "party tag (R-/D-state): a US legislator")
                )
        for g in US_GROUP_RE.finditer(text):
            if free(g.start(), g.end()):
                take(
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
                        else f"{nxt.person}: unknown office-holder of {self.index.name_of(m.code or '')}"
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
                r = ROLE_AFTER.match(text, m.end)
                if r is not None and (nxt is None or r.end() <= nxt.start):
                    role = r.group(1).lower()
                    end = r.end()
                    person = None
                    kind: MentionKind = "role"
                    if (
                        nxt is not None
                        and re.fullmatch(r"\s+", text[end : nxt.start])
                        and nxt.kind in {"leader", "name"}
                        and nxt.person
                        and role in PERSON_ROLES
                    ):
                        person = nxt.person
                        end = nxt.end
                        kind = "leader"
                        i += 1
                    code = m.code
                    why = f"{m.text} ({m.reason}) + role {role!r}"
                    if m.kind == "org" and role in ENVOY_TO:
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
                r2 = ROLE_OF_BEFORE.search(text, max(0, m.start - 40), m.start)
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


# up to three capitalised words that end right before a party tag: "Darrell Issa (R-Calif.)"
_NAME_BEFORE = re.compile(r"((?:[A-Z][a-zà-ÿ'’\-]+\s+){0,2}[A-Z][a-zà-ÿ'’\-]+)$")
# a character no word or gap of ``_NAME_BEFORE`` holds: no match reaches back across it
_NOT_IN_NAME = re.compile(r"[^A-Za-zà-ÿ'’\-\s]")


def _name_before(text: str, at: int) -> re.Match[str] | None:
    """``_NAME_BEFORE`` searched in ``text[:at]``, with the same match and offsets, but only
    over the last few hundred characters: a match cannot start before the last character
    that no name holds, so a window holding one such character gives the same answer."""
    width = 256
    while True:
        lo = max(0, at - width)
        if lo == 0 or _NOT_IN_NAME.search(text, lo, at):
            return _NAME_BEFORE.search(text, lo, at)
        width *= 4


def _person_at(name_re: re.Pattern[str], text: str, at: int) -> str | None:
    """The name after a title at ``at``, without trailing words that end a name ("Monday")."""
    nm = name_re.match(text, at)
    if nm is None:
        return None
    words = nm.group(0).split()
    while words and words[-1] in NOT_NAME:
        words.pop()
    if not words or words[0] in NOT_NAME:
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
