"""Later mentions of a person the text named in full before.

News names a person once in full ("Rep. Darrell Issa (R-Calif.)", "Russian opposition leader
Alexei Navalny") and by surname afterwards ("Mr. Issa said", "Navalny was detained"). The
knowledge base knows heads of state and ministers by surname, but not every legislator,
spokesman or dissident, so without this pass those later sentences have no actor.

Stage: needs the text and its resolved mentions; adds surname mentions after the first full
one, and widens a role, or an institution and a role, to the name right after it
("opposition leader Alexei Navalny", "Kremlin spokesman Dmitry Peskov"). A later surname that
the knowledge base read as a country ("Jordan said" after "Rep. Jim Jordan") becomes the
person unless a preposition makes it a place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from ..records import Mention
from .spans import SpanIndex

# a capitalised name of two to four words after a role: "Alexei Navalny", "Jen Psaki"
_NAME_WORD = r"(?:[A-Z][a-zà-ÿ]*(?:['’\-][A-Za-zà-ÿ][a-zà-ÿ]*)*)"  # "O'Brien", "Al-Assad"
_NAME_AFTER = re.compile(
    rf"[ \t]+((?:{_NAME_WORD}|[A-Z]\.)(?:[ \t]+(?:(?:al|el|bin|van|von|de)[ \-])?"
    rf"{_NAME_WORD}){{1,3}})"
)
# words that end a name or are not one: "officials Tuesday", "spokesman Said" is rare
_NOT_NAME = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December The This That These Those "
    "And But In On At For With As He She They It We".split()
)
# role heads held by one person at a time, so the name after one is its holder's
_ONE_HOLDER = frozenset(
    "leader envoy spokesman spokeswoman spokesperson representative ambassador general "
    "minister president chairman chairwoman chair secretary official commander chief adviser "
    "advisor negotiator diplomat lawmaker senator congressman congresswoman judge prosecutor "
    "governor mayor premier chancellor director activist dissident dictator king queen "
    "prince emir sheikh ruler head aide counsel deputy legislator mp staff".split()
)
# words of an organisation's or a headline's name, never of a person's
_BODY_WORDS = frozenset(
    "Network Unit Council Party Navy Army Agency News Ministry Committee Department Office "
    "Says Said Most Of Force Forces Guard Command Group Front Movement Union Association "
    "Bank Fund Institute Center Centre University Times Post Journal Press Service".split()
)
_SUFFIX = frozenset({"Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"})
_HONORIFIC = r"(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t]+)?"


def _surname(person: str) -> str | None:
    words = [w for w in person.replace(",", " ").split() if w not in _SUFFIX]
    if len(words) < 2:
        return None  # a single name is its own lookup, the knowledge base's business
    last = words[-1]
    return last if len(last) >= 3 and re.fullmatch(_NAME_WORD, last) else None


def _named_role(text: str, m: Mention) -> Mention | None:
    """A role with the holder's name right after it, widened over the name: "opposition
    leader Alexei Navalny", and an institution followed by a role and a name, "Kremlin
    spokesman Dmitry Peskov", "White House press secretary Josh Earnest"."""
    if m.code is None or m.kind not in _NAMED_KINDS:
        return None
    # role words between the mention and the name: "press secretary", "Chief of Staff"
    role_words: list[str] = []
    ends: list[int] = []
    for w in _WORD.finditer(text, m.end):
        if w.start() != (ends[-1] if ends else m.end) or len(role_words) == 4:
            break
        if w.group(1).lower() not in _ROLE_VOCAB:
            break
        role_words.append(w.group(1))
        ends.append(w.end())
    while role_words and role_words[-1].lower() not in _ONE_HOLDER:
        role_words.pop()  # "White House chief" ends at "chief", not at a following "of"
        ends.pop()
    at = ends[-1] if ends else m.end
    head = (role_words or m.text.split())[-1].lower()
    if head not in _ONE_HOLDER or (m.kind != "role" and not role_words):
        return None  # "Chinese officials Li and Wang", "of the American": no one person
    found = _NAME_AFTER.match(text, at)
    if found is None:
        return None
    words = found.group(1).split()
    while words and words[-1] in _NOT_NAME:
        words.pop()
    if len(words) < 2 or any(w in _NOT_NAME or w in _BODY_WORDS for w in words):
        return None  # "opposition Shaam News Network", "Navy Ship Salvage Unit": a body
    words[-1] = re.sub(r"['’]s?$", "", words[-1])  # "spokesman X Y's remarks"
    name = " ".join(words)
    end = found.start(1) + len(name)
    return replace(
        m,
        end=end,
        text=text[m.start : end],
        sector=m.sector or "GOV",
        kind="role",
        person=name,
        reason=f"{m.reason}; {' '.join(role_words) or 'role'} {name}",
    )


_NAMED_KINDS = frozenset({"role", "metonym", "org", "demonym"})
_WORD = re.compile(r"[ \t]+([A-Za-z][a-z\-]*)")
# words of a one-person title after an institution: "press secretary", "Chief of Staff",
# "national security adviser"
_ROLE_VOCAB = _ONE_HOLDER | frozenset(
    "press chief of staff national security foreign policy senior top deputy assistant "
    "acting communications principal economic trade defense defence legal special "
    "presidential state interior justice finance health foreign".split()
)


def _may_swallow(m: Mention, named: Mention, inside: Sequence[Mention]) -> bool:
    """Whether a role's name may take in the mentions inside it ("Victoria" of "spokeswoman
    Victoria Nuland"): only places and names of the same state, wholly inside, never another
    leader or organisation."""
    return all(
        o.end <= named.end and (o.kind in ("capital", "place") or o.code == m.code) for o in inside
    )


def repeated_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` plus a mention for each later bare surname ("Issa", "Mr. Issa") of a
    person named in full earlier, with that person's code. Two people of one surname with
    different codes make the surname ambiguous; it is then left alone."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out: list[Mention] = []
    skip: set[int] = set()
    for k, m in enumerate(ordered):
        if k in skip:
            continue
        named = _named_role(text, m)
        if named is None:
            out.append(m)
            continue
        # ``ordered`` is by start, so the mentions inside are the run right after ``m``
        stop = k + 1
        while stop < len(ordered) and ordered[stop].start < named.end:
            stop += 1
        inside = ordered[k + 1 : stop]
        if not _may_swallow(m, named, inside):
            out.append(m)
            continue
        skip.update(k + 1 + j for j in range(len(inside)))
        out.append(named)
    first: dict[str, Mention] = {}
    clash: set[str] = set()
    for m in out:
        person = m.person or _titled_name(m)
        if m.code is None or not person or m.kind not in ("leader", "role", "metonym"):
            continue
        if person.split()[0] not in m.text:
            continue  # a bare "Carney" the KB guessed is no one this text introduced
        if not m.person:
            m = replace(m, person=person)
        sur = _surname(person)
        if sur is None:
            continue
        seen = first.setdefault(sur, m)
        if (seen.code, seen.sector) != (m.code, m.sector):
            clash.add(sur)
    for sur in clash:
        del first[sur]
    if not first:
        return out
    # a surname is not the person when another capitalised word is glued to it: "Hillary
    # Clinton" after "Bill Clinton", "Clinton Foundation", "Trump Tower"
    pattern = re.compile(
        rf"(?<![\w'’\-.]){_HONORIFIC}"
        rf"({'|'.join(re.escape(s) for s in sorted(first))})"
        r"(?![\w\-])(?!['’]?[ \t]+[A-Z][a-z])"
    )
    add: list[Mention] = []
    drop: set[int] = set()
    spans = SpanIndex((m.start, m.end) for m in out)
    for hit in pattern.finditer(text):
        sur = hit.group(1)
        src = first[sur]
        if (
            hit.start() < src.end
            or (hit.start() == hit.start(1) and _given_name_before(text, hit.start()))
            or (sur in _MONTHS and _date_use(text, hit.start(), hit.end()))
        ):
            continue
        over = [
            k
            for k in spans.near(hit.start(), hit.end())
            if out[k].start < hit.end() and hit.start() < out[k].end
        ]
        if any(not _same_person(out[k], sur, text) for k in over):
            continue  # a known actor or someone else's title
        drop.update(over)  # "Senator Graham", which the KB titled but could not place
        add.append(
            Mention(
                hit.start(),
                hit.end(),
                hit.group(0),
                src.code,
                src.sector,
                "leader",
                src.person,
                f"{sur!r}: {src.person} ({src.code}), named earlier in the text",
            )
        )
    if not add:
        return out
    kept = [m for k, m in enumerate(out) if k not in drop]
    return sorted([*kept, *add], key=lambda m: m.start)


def _titled_name(m: Mention) -> str | None:
    """The name that ends a dictionary phrase with a title in it ("White House Press
    Secretary Jay Carney"): the words after the last one-person role word."""
    words = m.text.split()
    for k in range(len(words) - 2, 0, -1):
        if words[k].lower() in _ONE_HOLDER:
            name = words[k + 1 :]
            if 2 <= len(name) <= 4 and all(re.fullmatch(_NAME_WORD, w) for w in name):
                return " ".join(name)
            return None
    return None


def _same_person(m: Mention, sur: str, text: str) -> bool:
    """Whether mention ``m``, which a later bare surname overlaps, reads better as the person:
    a title the KB could not place ("Senator Graham"), an office-holder the KB guessed from
    the bare surname, or a country that is the surname ("Jordan said" after "Rep. Jim
    Jordan"), unless a preposition makes it a place."""
    if m.code is None:
        return _surname(m.person or "") == sur
    if m.kind == "leader" and m.text == sur and m.reason.startswith(_OUT_OF_OFFICE):
        # a bare surname the KB could only match to someone out of office at the date
        # ("Carney" in 2013 as Canada's future prime minister) is the person this text named
        # in full ("Jay Carney"); an office-holder in office keeps the surname ("Trump")
        return True
    if m.kind != "country" or m.text != sur:
        return False
    before = re.search(r"(\w+)[ \t]+$", text[max(0, m.start - 15) : m.start])
    return before is None or before.group(1).lower() not in _PLACE_WORDS


_OUT_OF_OFFICE = ("not yet in office", "former")
_PLACE_WORDS = frozenset(
    "in to from with of into at across about against between for and or visit visited "
    "visiting neighbouring neighboring".split()
)


def _given_name_before(text: str, at: int) -> bool:
    """A capitalised word right before the surname makes it another person's full name
    ("Hillary Clinton" after "Bill Clinton"); a title ("Sen.", "President") or a word that
    opens a clause ("But Issa said") does not."""
    m = re.search(r"([A-Z][\w'’\-]*\.?)[ \t]+$", text[max(0, at - 30) : at])
    if m is None:
        return False
    word = m.group(1)
    return not word.endswith(".") and word not in _OPENERS


_OPENERS = frozenset(
    "But And When As The Then Yet So While If Although After Before Since Meanwhile Still "
    "President Senator Congressman Congresswoman Representative Governor Minister Secretary "
    "Chairman Chairwoman Speaker Leader General Ambassador Judge Mayor Premier Chancellor "
    "Prime Foreign Defense Defence Sir Lord Lady Dame King Queen Prince".split()
)


_MONTHS = frozenset("March May June August".split())


def _date_use(text: str, start: int, end: int) -> bool:
    """ "in May", "May 5", "since May": a month, not Mrs May."""
    if re.match(r"[ \t]*,?[ \t]*\d", text[end : end + 4]):
        return True
    before = re.search(r"(\w+)[ \t]+$", text[max(0, start - 15) : start])
    return (
        before is not None
        and before.group(1).lower()
        in ("in on of since until by from last next early late this mid through till").split()
    )
