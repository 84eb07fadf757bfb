"""The quantities stage: money and percentages that a sentence states about states' trade.

``extract_quantities`` runs on every sentence of every article, so it is built as a cascade:
a single regular-expression pre-check throws out sentences that cannot hold an amount (no
digit, no currency sign, no scale word), then the amount patterns, and only for the few
sentences that hold an amount the slower work of deciding what it measures and whom it is about.

Deciding whom an amount is about uses the actor mentions the coder already found, and the
small words that tie them to the amount: a possessive ("Canada's exports"), a preposition
("trade *with* the US", "tariffs *on* Canadian goods", "exports go *to* the United States"),
"between A and B", or a hyphenated pair ("US-China trade"). Lists joined by "and" or commas
share the role of their first member, so "80 per cent of Canada's and Mexico's exports go to
the United States" gives two records, one per exporter.

Amounts that no state is tied to and that carry no trade word are dropped: a stray number in
a news sentence is far more often a date, a death toll or a poll than a fact about trade.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..records import Mention, Quantity, Sentence

__all__ = ["extract_quantities"]

# Cheap gate: every amount we can read contains a digit, a currency sign or a scale word.
# One C-level scan per sentence; most news sentences fail it and cost nothing more.
_PRECHECK = re.compile(r"[0-9$€£¥₹₩]|illion", re.IGNORECASE)

_SCALES: dict[str, float] = {
    "trillion": 1e12, "tn": 1e12, "trn": 1e12,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9,
    "million": 1e6, "mn": 1e6, "mln": 1e6, "m": 1e6,
    "thousand": 1e3, "k": 1e3,
    "crore": 1e7, "lakh": 1e5,
}  # fmt: skip

_WORD_NUMBERS: dict[str, float] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}  # fmt: skip

# Prefix markers, longest first so that "US$" is not read as "$".
_PREFIX_CURRENCY: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "US $": "USD",
    "CA$": "CAD", "C$": "CAD", "CAD": "CAD", "Can$": "CAD",
    "AU$": "AUD", "A$": "AUD", "AUD": "AUD",
    "NZ$": "NZD", "NZD": "NZD", "HK$": "HKD", "HKD": "HKD", "S$": "SGD", "SGD": "SGD",
    "NT$": "TWD", "TWD": "TWD", "R$": "BRL", "BRL": "BRL",
    "MX$": "MXN", "Mex$": "MXN", "MXN": "MXN",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "CNY": "CNY", "RMB": "CNY", "KRW": "KRW", "₩": "KRW", "INR": "INR", "Rs.": "INR",
    "Rs": "INR", "₹": "INR", "CHF": "CHF", "RUB": "RUB", "₽": "RUB", "PLN": "PLN",
    "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "ZAR": "ZAR", "TRY": "TRY", "SAR": "SAR",
    "AED": "AED", "PHP": "PHP", "₱": "PHP", "IDR": "IDR", "VND": "VND", "THB": "THB",
    "$": "USD",  # a bare dollar sign in English-language news is the US dollar by default
}  # fmt: skip

# Suffix words. Entries marked ambiguous ("pounds", "won", ...) are ordinary English words
# too, so they only count after a scale word ("5 trillion won", not "the party 2 won").
_SUFFIX_CURRENCY: dict[str, str] = {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD",
    "canadian dollars": "CAD", "australian dollars": "AUD", "new zealand dollars": "NZD",
    "hong kong dollars": "HKD", "singapore dollars": "SGD", "taiwan dollars": "TWD",
    "new taiwan dollars": "TWD", "dollars": "USD", "dollar": "USD",
    "euros": "EUR", "euro": "EUR", "pounds sterling": "GBP", "sterling": "GBP",
    "pounds": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "pesos": "MXN",
    "won": "KRW", "rupees": "INR", "roubles": "RUB", "rubles": "RUB", "zloty": "PLN",
    "zlotys": "PLN", "lira": "TRY", "rand": "ZAR", "reais": "BRL", "riyals": "SAR",
    "dirhams": "AED", "francs": "CHF", "swiss francs": "CHF",
}  # fmt: skip
_SUFFIX_CODES = ("USD", "CAD", "EUR", "GBP", "JPY", "CNY", "RMB", "MXN", "AUD", "KRW", "INR")
_AMBIGUOUS_SUFFIX = frozenset({"pounds", "won", "lira", "rand", "francs", "dollar", "euro"})


def _alt(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = (
    r"(?:\s?(?P<scale>trillion|billion|million|thousand|crore|lakh|trn|tn|bln|bn|mln|mn|b|m|k)\b)"
)
_WORDNUM = _alt(list(_WORD_NUMBERS))

# "C$924.4 billion", "$3.5bn", "USD 5bn", "€50m"
_MONEY_PREFIX = re.compile(
    rf"(?<![A-Za-z0-9])(?P<cur>{_alt(list(_PREFIX_CURRENCY))})\s?(?P<num>{_NUM}){_SCALE}?"
)
# "5 billion dollars", "1.2 trillion yen", "a billion euros", "5bn USD"
_MONEY_SUFFIX = re.compile(
    rf"(?<![\w$€£¥.,])(?:(?P<num>{_NUM})|(?P<word>{_WORDNUM}))(?![\d,.]\d){_SCALE}?\s+"
    rf"(?P<cur>{_alt(list(_SUFFIX_CURRENCY))}|{_alt(_SUFFIX_CODES)})\b",
    re.IGNORECASE,
)
# "80%", "80 per cent", "80 percent", "80pc"; "percentage points" is left out on purpose:
# it is a change in a rate, not a rate.
_PERCENT = re.compile(
    rf"(?<![\w.,])(?P<num>{_NUM})(?:\s?%|\s?(?:per\s?cent|percent|pct|pc)\b(?!age))",
    re.IGNORECASE,
)
# A conversion right after an amount belongs to it: "C$924.4 billion (US$667.6 billion)".
_CONVERSION = re.compile(
    r"\s*\(\s*(?:(?:about|around|approximately|approx\.?|roughly|some|nearly|almost|or|c\.|~)\s*)?"
)
_YEAR = re.compile(
    r"(?<![\w$€£¥.,])(?:FY\s?)?(?P<year>(?:19[5-9]|20[0-9])\d)(?![\w%]|\s?(?:per\s?cent|percent)\b)"
)
_RELATIVE_YEAR = re.compile(r"\b(?P<which>last|this|next|previous|past)\s+year\b", re.IGNORECASE)

# A change is not a level: "exports fell 20%" is not a 20% export share.
_CHANGE_BEFORE = re.compile(
    r"\b(?:rose|rise[sn]?|rising|fell|fall(?:s|en|ing)?|drop(?:s|ped)?|declin(?:e|ed|es|ing)|"
    r"gr[eo]w(?:s|n|ing)?|increas(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|jump(?:ed|s)?|"
    r"surg(?:e|ed|es)|plung(?:e|ed|es)|slump(?:ed|s)?|climb(?:ed|s)?|gain(?:ed|s)?|"
    r"shr[ai]nk(?:s)?|shrunk|expand(?:ed|s)?|contract(?:ed|s)?|up|down|by|cut|slashed|"
    r"raised|lowered|reduced|boost(?:ed)?)\s+"
    r"(?:(?:about|around|nearly|almost|more than|over|some|roughly|just|only|a further|another)\s+)*$",
    re.IGNORECASE,
)
_CHANGE_AFTER = re.compile(
    r"^\s*(?:-|\s)?(?:increase|rise|jump|drop|fall|decline|growth|cut|reduction|decrease|surge|plunge|gain|contraction)\b",
    re.IGNORECASE,
)

# What a percentage measures. Tariff words win over trade words: "25% tariffs on Canadian
# exports" is a tariff rate, not an export share.
_TARIFF = re.compile(r"\b(?:tariffs?|dut(?:y|ies)|levy|levies)\b", re.IGNORECASE)
_OF_GDP = re.compile(
    r"\bof\s+(?:(?:its|their|the|[\w.’']+['’]s?)\s+)?(?:\w+\s+)?(?:GDP|gross domestic product|economic output|national income)\b",
    re.IGNORECASE,
)
_DEFENCE = re.compile(r"\b(?:defen[cs]e|military|armed forces)\b", re.IGNORECASE)

_PERCENT_KEYWORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"\bexport(?:s|ed|er|ers|ing)?\b|\bsales? abroad\b|\bshipments\b", re.IGNORECASE
        ),
        "export",
    ),
    (re.compile(r"\bimport(?:s|ed|er|ers|ing)?\b|\bpurchases\b", re.IGNORECASE), "import"),
    (re.compile(r"\btrade\b|\btrading\b|\bcommerce\b", re.IGNORECASE), "trade"),
)
_MONEY_KEYWORDS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?:trade\s+)?(?:surplus|deficit|imbalance)\b", re.IGNORECASE), "trade_balance"),
    (re.compile(r"\btrade\b|\btrading\b|\bcommerce\b", re.IGNORECASE), "trade_value"),
    (
        re.compile(r"\bexport(?:s|ed|er|ers|ing)?\b|\bshipments?\b|\bshipped\b", re.IGNORECASE),
        "export_value",
    ),
    (re.compile(r"\bimport(?:s|ed|er|ers|ing)?\b", re.IGNORECASE), "import_value"),
    (re.compile(r"\binvest(?:s|ed|ing|ment|ments|or|ors)?\b|\bFDI\b", re.IGNORECASE), "investment"),
    (re.compile(r"\baid\b|\bassistance\b|\bgrants?\b|\bdonat\w*", re.IGNORECASE), "aid"),
    (re.compile(r"\bloans?\b|\blend\w*|\bcredit lines?\b", re.IGNORECASE), "loan"),
    (
        re.compile(
            r"\barms\b|\bweapons\b|\btanks\b|\bhowitzers\b|\bfighter jets?\b|\bmissiles\b|\bwarships?\b|\bsubmarines?\b",
            re.IGNORECASE,
        ),
        "arms_deal",
    ),
    (
        re.compile(r"\b(?:defen[cs]e|military)\s+(?:budget|spending|expenditure)\b", re.IGNORECASE),
        "defence_spending",
    ),
    (re.compile(r"\bGDP\b|\bgross domestic product\b", re.IGNORECASE), "gdp"),
    (
        re.compile(r"\btariffs?\b|\bdut(?:y|ies)\b|\blev(?:y|ies)\b", re.IGNORECASE),
        "tariffed_trade",
    ),
)
# Kinds that are trade facts even when no state is named in the sentence.
_TRADE_KINDS = frozenset({
    "trade_value", "trade_balance", "export_value", "import_value", "tariffed_trade",
    "export_share", "import_share", "trade_share", "tariff_rate",
    "export_change", "import_change", "trade_change", "tariff_change",
})  # fmt: skip

# Mention codes of organisations that are not parties to trade the way a state is. The EU is
# kept: it sets tariffs and is reported as one trading partner.
_NON_STATE_CODES = frozenset({"WTO", "IMF", "OAS", "SCO", "UNO", "IGO", "NGO", "OPEC", "NATO"})

# How far (in characters) a word saying what an amount measures may stand from it; further
# away it is usually about another clause ("Boeing's stock fell 4% ... Trump's tariffs").
_KEYWORD_REACH = 80
_TARIFF_REACH = 50  # tariff words override trade words, so they must stand closer

# Sums below this with no word saying what they are are prices or fees, not state-level facts.
_MIN_UNNAMED_AMOUNT = 1e6

_PARTNER_PREPS = frozenset(
    {"to", "with", "from", "on", "into", "for", "against", "toward", "towards"}
)
_AGENT_PREPS = frozenset({"by"})
_BEFORE_MENTION = re.compile(
    r"(?:^|\b)(?P<word>between|to|with|from|on|into|in|for|against|towards?|by|of|and|or|&)"
    r"\s+(?:(?:the|its|their|all|both|mainland)\s+)*$|(?P<comma>,)\s*(?:(?:and|or)\s+)?(?:the\s+)?$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?:['’]s\b|['’](?!\w))")
_HYPHEN_PAIR = re.compile(r"^\s?[-–—/]\s?$")


@dataclass(slots=True)
class _Amount:
    start: int
    end: int
    value: float
    unit: str
    usd_value: float | None = None


@dataclass(slots=True)
class _Role:
    """A state mention and how the words around it tie it to an amount."""

    start: int
    end: int
    code: str
    cue: str  # possessive | of-possessive | between | pair-first | pair-second | <preposition> | actor
    group: int = 0  # mentions joined by "and"/"," share a group and a role


@dataclass(slots=True)
class _Draft:
    amount: _Amount
    kind: str | None
    subjects: list[str] = field(default_factory=list)
    partners: list[str] = field(default_factory=list)
    year: int | None = None


def _number(text: str) -> float:
    return float(text.replace(",", ""))


def _scaled(m: re.Match[str]) -> float:
    num = m.group("num")
    base = _number(num) if num else _WORD_NUMBERS[m.group("word").lower()]
    scale = m.group("scale")
    return base * _SCALES[scale.lower()] if scale else base


def _money_at(text: str, pos: int) -> re.Match[str] | None:
    """An amount of money starting exactly at ``pos`` (used for conversions in parentheses)."""
    return _MONEY_PREFIX.match(text, pos) or _MONEY_SUFFIX.match(text, pos)


def _money_unit(m: re.Match[str]) -> str | None:
    cur = m.group("cur")
    if m.re is _MONEY_PREFIX:
        return _PREFIX_CURRENCY[cur]
    low = " ".join(cur.lower().split())
    if low in _AMBIGUOUS_SUFFIX and not m.group("scale"):
        return None
    if cur.upper() in _SUFFIX_CODES:
        return "CNY" if cur.upper() == "RMB" else cur.upper()
    return _SUFFIX_CURRENCY.get(low)


def _amounts(text: str) -> list[_Amount]:
    found: list[_Amount] = []
    taken: list[tuple[int, int]] = []

    def free(s: int, e: int) -> bool:
        return all(e <= ts or s >= te for ts, te in taken)

    money = sorted(
        [*_MONEY_PREFIX.finditer(text), *_MONEY_SUFFIX.finditer(text)],
        key=lambda m: (m.start(), -m.end()),
    )
    for m in money:
        unit = _money_unit(m)
        if unit is None or not free(m.start(), m.end()):
            continue
        amount = _Amount(m.start(), m.end(), _scaled(m), unit)
        conv = _CONVERSION.match(text, m.end())
        if conv:
            inner = _money_at(text, conv.end())
            if inner is not None:
                close = re.compile(r"\s*\)").match(text, inner.end())
                inner_unit = _money_unit(inner)
                if close and inner_unit is not None:
                    amount.end = close.end()
                    if inner_unit == "USD":
                        amount.usd_value = _scaled(inner)
        if amount.unit == "USD":
            amount.usd_value = amount.value
        taken.append((amount.start, amount.end))
        found.append(amount)
    for m in _PERCENT.finditer(text):
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            found.append(_Amount(m.start(), m.end(), _number(m.group("num")), "percent"))
    found.sort(key=lambda a: a.start)
    return found


def _is_state(code: str | None) -> bool:
    if code is None or code in _NON_STATE_CODES:
        return False
    return code == "EU" or (len(code) == 3 and code.isalpha() and code.isupper())


def _roles(text: str, mentions: Sequence[Mention], lo: int, hi: int) -> list[_Role]:
    """Tie each state mention in ``text[lo:hi]`` to a cue word; lists share their head's cue."""
    roles: list[_Role] = []
    group = 0
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < lo or m.end > hi or m.code is None:
            continue
        code = m.code
        prev = roles[-1] if roles else None
        gap = text[prev.end : m.start] if prev else ""
        before = _BEFORE_MENTION.search(text, max(lo, m.start - 40), m.start)
        word = (before.group("word") or "").lower() if before else ""
        after = text[m.end : m.end + 3]
        joined = (
            prev is not None
            and before is not None
            and len(gap) <= 12
            and (word in {"and", "or", "&"} or before.group("comma") is not None)
        )
        if prev is not None and _HYPHEN_PAIR.match(gap):
            # "US-China trade", "Canada–Mexico ties": the first is the subject, the second the partner.
            if prev.cue in {"actor", "possessive"}:
                prev.cue = "pair-first"
            group += 1
            cue = "pair-second"
        elif joined and prev is not None:
            if prev.cue == "between":
                group += 1
                cue = "between-second"
            else:
                cue = prev.cue
                # The head of "Canada's and Mexico's" is possessive only at the end of the list.
                if _POSSESSIVE.match(after) and prev.cue in {"actor", "possessive"}:
                    cue = "possessive"
        else:
            group += 1
            if word == "between":
                cue = "between"
            elif word == "of" and _POSSESSIVE.match(after):
                cue = "of-possessive"
            elif _POSSESSIVE.match(after):
                cue = "possessive"
            elif word in _PARTNER_PREPS or word in _AGENT_PREPS or word in {"in", "of"}:
                cue = word
            else:
                cue = "actor"
        if not _is_state(code):
            continue
        roles.append(_Role(m.start, m.end, code, cue, group))
    # A possessive head propagates back over its list: "Canada's and Mexico's exports".
    for r in roles:
        if r.cue == "possessive":
            for o in roles:
                if o.group == r.group and o.cue == "actor":
                    o.cue = "possessive"
        if r.cue == "of-possessive":
            for o in roles:
                if o.group == r.group and o.cue in {"actor", "possessive"}:
                    o.cue = "of-possessive"
    return roles


def _nearest_group(
    roles: Sequence[_Role], amount: _Amount, *, prefer_before: bool = False
) -> list[str]:
    """Codes of the group closest to the amount (ties go to the one before it)."""
    if not roles:
        return []

    def distance(r: _Role) -> tuple[int, int]:
        if r.end <= amount.start:
            return amount.start - r.end, 0
        return r.start - amount.end, 1

    if prefer_before:
        # A subject usually precedes its amount ("Canada's exports reached $X"); one after it
        # more often starts the next clause ("..., while Mexico's exports rose to $Y").
        roles = [r for r in roles if r.end <= amount.start] or list(roles)
    best = min(roles, key=distance)
    return _unique(r.code for r in roles if r.group == best.group)


def _unique(codes: Iterable[str]) -> list[str]:
    out: list[str] = []
    for c in codes:
        if c not in out:
            out.append(c)
    return out


def _assign(
    roles: Sequence[_Role], amount: _Amount, kind: str | None
) -> tuple[list[str], list[str]]:
    def with_cue(*cues: str) -> list[_Role]:
        return [r for r in roles if r.cue in cues]

    partner_cues = set(_PARTNER_PREPS)
    if kind in {"investment", "aid", "loan"}:
        partner_cues.add("in")  # "investment in the United States"
    if kind in {"tariffed_trade", "import_value"}:
        partner_cues.add("of")  # "tariffs on $200 billion of Chinese goods"
    partners = _nearest_group(with_cue(*partner_cues, "pair-second", "between-second"), amount)
    # The doer is named before the amount far more often than after it ("Japan pledged to
    # invest $550bn"); a state after it with no cue word is a weaker guess.
    actors = with_cue("actor", "by", "of")
    before = [r for r in actors if r.end <= amount.start]
    actors = before or actors

    of_poss = with_cue("of-possessive")
    if of_poss:
        # "80% of Canada's exports go to the US" / "the US buys 80% of Canada's exports".
        subjects = _unique([r.code for r in of_poss])
        if not partners:
            partners = _nearest_group([r for r in actors if r.code not in subjects], amount)
    elif with_cue("between", "pair-first"):
        subjects = _nearest_group(with_cue("between", "pair-first"), amount, prefer_before=True)
    elif with_cue("possessive"):
        subjects = _nearest_group(with_cue("possessive"), amount, prefer_before=True)
        if not partners:
            # "Mexico is the US's largest trading partner, with trade worth $800bn".
            partners = _nearest_group([r for r in actors if r.code not in subjects], amount)
    else:
        subjects = _nearest_group(actors, amount)
    partners = [p for p in partners if p not in subjects]
    return subjects, partners


def _nearest_keyword(
    text: str, lo: int, hi: int, amount: _Amount, table: Sequence[tuple[re.Pattern[str], str]]
) -> str | None:
    best: tuple[int, str] | None = None
    for pattern, kind in table:
        for m in pattern.finditer(text, lo, hi):
            d = amount.start - m.end() if m.end() <= amount.start else m.start() - amount.end
            d = max(d, 0)
            if d <= _KEYWORD_REACH and (best is None or d < best[0]):
                best = (d, kind)
    return best[1] if best else None


def _is_change(text: str, amount: _Amount) -> bool:
    return bool(
        _CHANGE_BEFORE.search(text, max(0, amount.start - 40), amount.start)
        or _CHANGE_AFTER.match(text[amount.end : amount.end + 20])
    )


def _kind(text: str, lo: int, hi: int, amount: _Amount) -> str | None:
    if amount.unit != "percent":
        return _nearest_keyword(text, lo, hi, amount, _MONEY_KEYWORDS)
    change = _is_change(text, amount)
    if _TARIFF.search(
        text, max(lo, amount.start - _TARIFF_REACH), min(hi, amount.end + _TARIFF_REACH)
    ):
        return "tariff_change" if change else "tariff_rate"
    if not change and _OF_GDP.match(text[amount.end : amount.end + 60].lstrip()):
        return "defence_gdp_share" if _DEFENCE.search(text, lo, hi) else "gdp_share"
    base = _nearest_keyword(text, lo, hi, amount, _PERCENT_KEYWORDS)
    if base is None:
        return None
    return f"{base}_change" if change else f"{base}_share"


def _years(text: str, amounts: Sequence[_Amount], date_year: int | None) -> list[tuple[int, int]]:
    """(position, year) for every year the sentence states, outside the amounts themselves."""
    out: list[tuple[int, int]] = []
    for m in _YEAR.finditer(text):
        if not any(a.start <= m.start() < a.end for a in amounts):
            out.append((m.start(), int(m.group("year"))))
    if date_year is not None:
        for m in _RELATIVE_YEAR.finditer(text):
            which = m.group("which").lower()
            offset = {"last": -1, "previous": -1, "past": -1, "this": 0, "next": 1}[which]
            out.append((m.start(), date_year + offset))
    return out


def _year_for(years: Sequence[tuple[int, int]], amount: _Amount, lo: int, hi: int) -> int | None:
    inside = [(abs(pos - amount.start), y) for pos, y in years if lo <= pos < hi]
    if inside:
        return min(inside)[1]
    distinct = {y for _pos, y in years}
    return distinct.pop() if len(distinct) == 1 else None


def _date_year(date: str | None) -> int | None:
    if date and len(date) >= 4 and date[:4].isdigit():
        return int(date[:4])
    return None


def extract_quantities(
    sentence: Sentence, mentions: Sequence[Mention], date: str | None
) -> list[Quantity]:
    """Money and percentages in one sentence, tied to the states the sentence names.

    ``mentions`` carry offsets relative to ``sentence.text``; so do the returned records
    (the coder shifts them to the article). ``date`` (YYYY-MM-DD) supplies the year when the
    sentence states none, and anchors "last year".
    """
    text = sentence.text
    if not _PRECHECK.search(text):
        return []
    amounts = _amounts(text)
    if not amounts:
        return []
    # "US$" in "US$667.6 billion" is a currency sign, not a mention of the United States.
    mentions = [
        m for m in mentions if not any(a.start < m.end and m.start < a.end for a in amounts)
    ]
    date_year = _date_year(date)
    years = _years(text, amounts, date_year)

    drafts: list[_Draft] = []
    for i, amount in enumerate(amounts):
        # Each amount reads the words between its neighbours: in "C$924.4 billion with the US
        # compared to C$55.4 billion with Mexico" the second amount's partner is Mexico only.
        lo = amounts[i - 1].end if i > 0 else 0
        hi = amounts[i + 1].start if i + 1 < len(amounts) else len(text)
        kind = _kind(text, lo, hi, amount)
        roles = _roles(text, mentions, lo, hi)
        subjects, partners = _assign(roles, amount, kind)
        draft = _Draft(amount, kind, subjects, partners, _year_for(years, amount, lo, hi))
        prev = next(
            (
                d
                for d in reversed(drafts)
                if (d.amount.unit == "percent") == (amount.unit == "percent")
            ),
            None,
        )
        if prev is not None:
            # "... compared to just C$55.4 billion with Mexico": a follow-on amount keeps what
            # the first one measured and whose it was, unless its own words say otherwise.
            if draft.kind is None:
                draft.kind = prev.kind
            if not draft.subjects and draft.kind == prev.kind:
                draft.subjects = list(prev.subjects)
                if not draft.partners:
                    draft.partners = list(prev.partners)
                draft.partners = [p for p in draft.partners if p not in draft.subjects]
        if draft.year is None:
            draft.year = prev.year if prev is not None and prev.year is not None else date_year
        drafts.append(draft)

    out: list[Quantity] = []
    for d in drafts:
        linked = bool(d.subjects or d.partners)
        if d.kind is None:
            if not linked or d.amount.unit == "percent" or d.amount.value < _MIN_UNNAMED_AMOUNT:
                # A bare percentage is a poll or a rate of something else; a small sum of
                # money with no trade word is a price, not a fact about two states.
                continue
            d.kind = "amount"
        elif not linked and d.kind not in _TRADE_KINDS:
            continue
        a = d.amount
        subs: list[str | None] = list(d.subjects) or [None]
        parts: list[str | None] = list(d.partners) or [None]
        for subject in subs:
            for partner in parts:
                out.append(
                    Quantity(
                        sentence_index=sentence.index,
                        start=a.start,
                        end=a.end,
                        kind=d.kind,
                        subject=subject,
                        partner=partner,
                        value=a.value,
                        unit=a.unit,
                        usd_value=a.usd_value,
                        year=d.year,
                        text=text[a.start : a.end],
                    )
                )
    return out
