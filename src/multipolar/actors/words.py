"""The word lists and patterns of the actor stage, one home for each.

Role nouns and their sectors, the titles in front of a person's name, the words that are
never part of a name, the US legislators' titles and party tags, and the order of a surface's
readings by kind. Data only: this module imports nothing from the package, so the mention
scanner, the resolver and the event coder (``ROLE_NOUNS``) share one copy of each list.
"""

from __future__ import annotations

import re

__all__ = [
    "AFTER_OK",
    "BEFORE_OK",
    "ENVOY_TO",
    "GOVT_RE",
    "HEAD_TITLES",
    "KIND_RANK",
    "NAME_RE",
    "NAME_SOURCE_RANK",
    "NOT_GIVEN",
    "NOT_NAME",
    "OPEN_TITLE",
    "PERSON_ROLES",
    "ROLE_AFTER",
    "ROLE_NOUNS",
    "ROLE_OF_BEFORE",
    "ROLE_SECTOR",
    "TITLES_KNOWN",
    "TITLE_RE",
    "US_GROUP_RE",
    "US_LEG_TITLE_RE",
    "US_LEG_TRIGGERS",
    "US_NAME_RE",
    "US_PARTY_RE",
]

# The sector an office-holder's mention gets while in office, by role.
ROLE_SECTOR: dict[str, str | None] = {
    "head_of_state": "GOV",
    "head_of_government": "GOV",
    "head_of_state_and_government": "GOV",
    "foreign_minister": "GOV",
    "defence_minister": "MIL",
    "org_head": None,
    "other": "GOV",
}

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
ROLE_AFTER = re.compile(rf"(?:['’]s)?\s+({_ROLE_ALT})\b", re.IGNORECASE)
ROLE_OF_BEFORE = re.compile(rf"\b({_ROLE_ALT})\s+of\s+(?:the\s+)?$", re.IGNORECASE)

# Titles in front of a person's name. Unknown names after the first group become code-None
# leader mentions; the second group only extends known leaders ("King Charles", "Premier
# League" must not invent a leader).
_TITLES_OPEN = (
    "President|Prime Minister|Chancellor|Vice President|Vice-President|Foreign Minister|"
    "Defen[cs]e Minister|Defen[cs]e Secretary|Foreign Secretary|Secretary of State|"
    "Secretary-General|Secretary General|Emir|Sultan|Premier"
)
TITLES_KNOWN = "King|Queen|Crown Prince|Prince|Sheikh|Gen\\.|General|Mr\\.?|Mrs\\.?|Ms\\.?|Dr\\.?"
TITLE_RE = re.compile(rf"\b({_TITLES_OPEN}|{TITLES_KNOWN})\s+(?=[A-Z])")
OPEN_TITLE = re.compile(rf"(?:{_TITLES_OPEN})$")
NAME_RE = re.compile(
    r"(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.)(?:\s+(?:(?:de|da|van|von|der|bin|al|del|la)\s+)?"
    r"(?:(?:al|el|ad|as|ash|an|ar|az)-)?(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.)){0,3}"
)
# Titles that name a head of state or government: a bare surname after them is looked up
# among heads first ("President Bush", "Prime Minister Major").
HEAD_TITLES = frozenset(
    "President|Prime Minister|Chancellor|Premier|Emir|Sultan|King|Queen".split("|")
)
# Words that end a captured name: a capitalised weekday or month is not part of a person.
NOT_NAME = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December The A An And But Or Of In On "
    "At For To With By From As If When While After Before Said Says League Cup".split()
)
# Words that may precede a country name without making it part of a person's name.
BEFORE_OK = frozenset(
    "In On At To From With And Or Of For By Against About Between Including Like Than Via "
    "The A An As But Both Neighbouring Neighboring Visiting Northern Southern Eastern Western "
    "Central Allies Ally Said Says Told Urged Warned Hit Hits Joined Join If When While After "
    "Before During Since Until Unlike Into Onto Over Under Within Without Toward Towards".split()
)
# Capitalised words that start sentences or qualify a name without being a first name.
NOT_GIVEN = frozenset(
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


# roles that, after an organisation, name a state's envoy to it, not the organisation's own
# official ("UN envoy for Syria" is the UN's; "UN ambassador" a member state's)
ENVOY_TO = frozenset({"ambassador", "ambassadors"})
AFTER_OK = frozenset(
    "King Queen Crown Prime Foreign Defence Defense Armed River Valley And But Or On In At To "
    "For With By Of Has Had Is Was Will Would Said Says The A An Administration Government "
    "Tower Doctrine Era Years".split()
)


# "the Bush administration" (a leader's surname) or "the government" / "the regime" alone.
GOVT_RE = re.compile(
    r"\b(?:[Tt]he\s+)?(?:([A-Z][a-zà-ÿ'’\-]+)\s+)?(administration|government|regime|junta)\b"
)

# US legislators are the most frequent actors in US news that no office list holds. Their
# titles name the state and the sector even when the person is unknown: "Sen. X", "Rep. X",
# "House Speaker X", "X (R-Ky.)". A demonym in front ("Australian Senator X") names another
# state and wins: that pass runs first and this one skips overlaps. Other countries' senators
# without a demonym are read as US ones; a user dictionary can name them.
US_LEG_TITLE_RE = re.compile(
    r"\b(?:(?:Republican|Democratic|GOP)\s+)?"
    r"(?:Sen\.|Senator|Rep\.|Congressman|Congresswoman|"
    r"(?:House|Senate)\s+(?:Speaker|Majority\s+Leader|Minority\s+Leader|Majority\s+Whip|"
    r"Minority\s+Whip)|Senate\s+(?:Democratic|Republican)\s+Leader|"
    r"(?:House|Senate)\s+(?:[A-Z][a-z]+\s+){1,3}(?:Committee\s+)?(?:Chairman|Chairwoman|Chair))"
    r"\s+(?=[A-Z])"
)
# Names with inner capitals and hyphens ("McCain", "Ros-Lehtinen", "DeSantis")
US_NAME_RE = re.compile(
    r"(?:[A-Z][A-Za-zà-ÿ'’]+(?:-[A-Z][A-Za-zà-ÿ'’]+)?|[A-Z]\.)"
    r"(?:\s+(?:[A-Z][A-Za-zà-ÿ'’]+(?:-[A-Z][A-Za-zà-ÿ'’]+)?|[A-Z]\.)){0,3}"
)
# Every match of the three patterns holds one of these ("Republican" holds "Rep"), so a text
# without them skips the pass; a bare "-" would send nearly every article through it.
US_LEG_TRIGGERS = (
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
US_PARTY_RE = re.compile(r"\s*\((?:R|D|I)-[A-Z][A-Za-z.]{1,12}\)")
US_GROUP_RE = re.compile(
    r"\b(?:(?:House|Senate|congressional|Congressional)\s+(?:Democrats|Republicans)|"
    r"(?:Democratic|Republican|GOP)\s+(?:lawmakers|senators|legislators|congressmen|"
    r"leaders\s+in\s+Congress)|(?:House|Senate)\s+(?:Intelligence|Judiciary|Armed\s+Services|"
    r"Foreign\s+Relations|Foreign\s+Affairs|Homeland\s+Security|Oversight|Appropriations|"
    r"Finance|Ways\s+and\s+Means)\s+Committee)\b"
)


# Roles whose holder's name may follow the role ("Chinese foreign minister Wang Yi"): the
# compound of state, role and name is one leader mention.
PERSON_ROLES = frozenset(
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


# The order of one surface's readings, after curated and user rows (``index._cand_rank``):
# by kind, then the more careful source first.
KIND_RANK = {"block": 0, "country": 1, "demonym": 2, "capital": 3, "org": 4, "metonym": 5}
NAME_SOURCE_RANK = {"countryinfo": 1, "mledoze": 2, "phoenix": 3}
