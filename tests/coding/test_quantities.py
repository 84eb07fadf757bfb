"""Tests of the quantities stage, with hand-built mentions so they do not depend on the actor KB."""

from __future__ import annotations

import re

import pytest

from multipolar.coding.quantities import extract_quantities
from multipolar.records import Mention, Quantity, Sentence

# A tiny gazetteer standing in for the actor KB: enough names to tie amounts to states.
_NAMES: dict[str, str | None] = {
    "Canada": "CAN", "Canadian": "CAN", "Ottawa": "CAN", "Carney": "CAN",
    "Mexico": "MEX", "Mexican": "MEX", "Sheinbaum": "MEX",
    "United States": "USA", "US": "USA", "U.S.": "USA", "Washington": "USA", "Trump": "USA",
    "American": "USA",
    "Japan": "JPN", "Japanese": "JPN", "China": "CHN", "Chinese": "CHN", "Beijing": "CHN",
    "Poland": "POL", "South Korea": "KOR", "Korea": "KOR", "Germany": "DEU",
    "Australia": "AUS", "Ukraine": "UKR", "Britain": "GBR", "India": "IND",
    "Philippines": "PHL", "EU": "EU", "European Union": "EU", "NATO": "NATO",
    "Europe": None,
}  # fmt: skip
_PATTERN = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(n) for n in sorted(_NAMES, key=len, reverse=True)) + r")(?!\w)"
)


def mentions(text: str) -> list[Mention]:
    return [
        Mention(m.start(), m.end(), m.group(), _NAMES[m.group()]) for m in _PATTERN.finditer(text)
    ]


def run(text: str, date: str | None = "2025-06-10", index: int = 3) -> list[Quantity]:
    return extract_quantities(Sentence(index, 100, 100 + len(text), text), mentions(text), date)


def summary(qs: list[Quantity]) -> list[tuple[str, str | None, str | None, float, str]]:
    return [(q.kind, q.subject, q.partner, q.value, q.unit) for q in qs]


B = 1e9

# (sentence, expected [(kind, subject, partner, value, unit), ...])
CASES: list[tuple[str, list[tuple[str, str | None, str | None, float, str]]]] = [
    # the seed story
    (
        "Around 80 per cent of Canada’s and Mexico’s exports go to the United States.",
        [
            ("export_share", "CAN", "USA", 80.0, "percent"),
            ("export_share", "MEX", "USA", 80.0, "percent"),
        ],
    ),
    (
        "Canada’s bilateral trade with the US amounts to C$924.4 billion (US$667.6 billion) "
        "compared to just C$55.4 billion with Mexico.",
        [
            ("trade_value", "CAN", "USA", 924.4 * B, "CAD"),
            ("trade_value", "CAN", "MEX", 55.4 * B, "CAD"),
        ],
    ),
    (
        "Trump threatened 25% tariffs on Canadian goods.",
        [("tariff_rate", "USA", "CAN", 25.0, "percent")],
    ),
    ("25% tariffs on Canadian goods took effect.", [("tariff_rate", None, "CAN", 25.0, "percent")]),
    # currencies and scales
    ("China's exports to the US reached $3.5bn.", [("export_value", "CHN", "USA", 3.5 * B, "USD")]),
    (
        "Japan pledged to invest USD 5bn in the United States.",
        [("investment", "JPN", "USA", 5 * B, "USD")],
    ),
    (
        "Trade between Canada and Mexico reached 5 billion dollars.",
        [("trade_value", "CAN", "MEX", 5 * B, "USD")],
    ),
    (
        "Japan's exports to China were worth 1.2 trillion yen.",
        [("export_value", "JPN", "CHN", 1.2e12, "JPY")],
    ),
    (
        "Japan's exports to China were worth ¥19 trillion.",
        [("export_value", "JPN", "CHN", 19e12, "JPY")],
    ),
    (
        "The EU's exports to China were €223.5 billion.",
        [("export_value", "EU", "CHN", 223.5 * B, "EUR")],
    ),
    ("Britain pledged £2.5bn in aid to Ukraine.", [("aid", "GBR", "UKR", 2.5 * B, "GBP")]),
    (
        "Australia's exports to China hit A$178 billion.",
        [("export_value", "AUS", "CHN", 178 * B, "AUD")],
    ),
    (
        "Mexico's exports to the US were US$505.8 billion.",
        [("export_value", "MEX", "USA", 505.8 * B, "USD")],
    ),
    ("Canada's trade with Japan was C$35m.", [("trade_value", "CAN", "JPN", 35e6, "CAD")]),
    (
        "Mexico exports 5bn USD of avocados to the US.",
        [("export_value", "MEX", "USA", 5 * B, "USD")],
    ),
    (
        "India's imports from China rose to Rs 8,500 crore.",
        [("import_value", "IND", "CHN", 8500 * 1e7, "INR")],
    ),
    (
        "South Korea's exports to Poland came to 17 trillion won.",
        [("export_value", "KOR", "POL", 17e12, "KRW")],
    ),
    (
        "Mexico's trade with China was 1,234.5 million pesos.",
        [("trade_value", "MEX", "CHN", 1234.5e6, "MXN")],
    ),
    (
        "China's exports to Japan were 1.5 trillion yuan.",
        [("export_value", "CHN", "JPN", 1.5e12, "CNY")],
    ),
    (
        "Canada's exports to Australia reached 3 billion Canadian dollars.",
        [("export_value", "CAN", "AUS", 3 * B, "CAD")],
    ),
    # percentages in their three spellings, and the other share kinds
    (
        "About 75 percent of Mexican exports go to the US.",
        [("export_share", "MEX", "USA", 75.0, "percent")],
    ),
    ("The US buys 75% of Canada's exports.", [("export_share", "CAN", "USA", 75.0, "percent")]),
    (
        "China accounts for 35 per cent of Australia's exports.",
        [("export_share", "AUS", "CHN", 35.0, "percent")],
    ),
    (
        "About 16% of Japan's imports come from China.",
        [("import_share", "JPN", "CHN", 16.0, "percent")],
    ),
    (
        "Canada sends 75 per cent of its exports to the United States.",
        [("export_share", "CAN", "USA", 75.0, "percent")],
    ),
    (
        "Germany spends 2% of its GDP on defence.",
        [("defence_gdp_share", "DEU", None, 2.0, "percent")],
    ),
    (
        "Trade with the US equals 60 per cent of Mexico's GDP.",
        [("gdp_share", "MEX", "USA", 60.0, "percent")],
    ),
    # tariffs: the imposer is the subject, the target the partner
    (
        "Washington imposed 10% tariffs on Canada and Mexico.",
        [
            ("tariff_rate", "USA", "CAN", 10.0, "percent"),
            ("tariff_rate", "USA", "MEX", 10.0, "percent"),
        ],
    ),
    (
        "Canada slapped 25pc counter-tariffs on US steel.",
        [("tariff_rate", "CAN", "USA", 25.0, "percent")],
    ),
    (
        "Beijing raised duties on American soybeans to 34%.",
        [("tariff_rate", "CHN", "USA", 34.0, "percent")],
    ),
    (
        "The US imposed tariffs on $200 billion of Chinese goods.",
        [("tariffed_trade", "USA", "CHN", 200 * B, "USD")],
    ),
    ("Tariffs of 25% could hit the auto sector.", [("tariff_rate", None, None, 25.0, "percent")]),
    # changes are not levels
    (
        "China's imports from Australia grew 12% last year.",
        [("import_change", "CHN", "AUS", 12.0, "percent")],
    ),
    ("US-China trade shrank 20 per cent.", [("trade_change", "USA", "CHN", 20.0, "percent")]),
    # other kinds and pairings
    (
        "Poland signed a $14.5 billion arms deal with South Korea.",
        [("arms_deal", "POL", "KOR", 14.5 * B, "USD")],
    ),
    (
        "The US trade deficit with China was $279 billion.",
        [("trade_balance", "USA", "CHN", 279 * B, "USD")],
    ),
    ("The US gave $61 billion to Ukraine.", [("amount", "USA", "UKR", 61 * B, "USD")]),
    (
        "Trade between the two countries reached $40 billion.",
        [("trade_value", None, None, 40 * B, "USD")],
    ),
    ("Canada-Mexico trade was worth $56 billion.", [("trade_value", "CAN", "MEX", 56 * B, "USD")]),
    (
        "China's exports to the US fell to $400bn, while Mexico's exports to the US rose to $480bn.",
        [
            ("export_value", "CHN", "USA", 400 * B, "USD"),
            ("export_value", "MEX", "USA", 480 * B, "USD"),
        ],
    ),
    # negatives: no amount, or an amount tied to no state and no trade word
    ("Carney met Sheinbaum in Mexico City.", []),
    ("The blast killed 80 people on 4 March 2025.", []),
    ("About 52% of voters backed the measure.", []),
    ("Japan's population fell 0.5% in 2024.", []),
    ("The 2+2 talks between Japan and Australia ended.", []),
    ("Sheinbaum said 2,000 troops would go to the border.", []),
    ("The G20 summit in 2022 drew 20 leaders.", []),
    ("Canada's share price of $3.5 rose.", []),
    ("The F-35 and COVID-19 dominated NATO talks in 2023.", []),
    ("A ticket costs $25.", []),
    ("Only 16 percent of voters call it important.", []),
    (
        "Investigators said Japan froze $5.7 billion of assets.",
        [("amount", "JPN", None, 5.7 * B, "USD")],
    ),
    (
        "Boeing's stock fell more than 4% on the news, days after China vowed to answer Trump's tariffs.",
        [],
    ),
    ("Poll: 45 per cent of Americans favour the plan.", []),
    ("It threatened massive tariffs against Europe, Canada and Japan.", []),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] or "empty" for c in CASES])
def test_cases(text: str, expected: list[tuple[str, str | None, str | None, float, str]]) -> None:
    got = summary(run(text))
    assert len(got) == len(expected), got
    for g, e in zip(got, expected, strict=True):
        assert g[:3] == e[:3] and g[4] == e[4], got
        assert g[3] == pytest.approx(e[3])


def test_seed_trade_sentence_details() -> None:
    text = (
        "Canada’s bilateral trade with the US amounts to C$924.4 billion (US$667.6 billion) "
        "compared to just C$55.4 billion with Mexico."
    )
    first, second = run(text, index=7)
    assert first.text == "C$924.4 billion (US$667.6 billion)"
    assert text[first.start : first.end] == first.text  # offsets are relative to the sentence
    assert first.usd_value == pytest.approx(667.6e9)
    assert second.text == "C$55.4 billion" and second.usd_value is None
    assert first.sentence_index == second.sentence_index == 7
    assert first.year == second.year == 2025


@pytest.mark.parametrize(
    ("text", "date", "year"),
    [
        ("China's exports to the US fell to $400bn in 2023.", "2025-01-02", 2023),
        ("China's exports to the US fell to $400bn in FY2022.", None, 2022),
        ("China's exports to the US fell to $400bn last year.", "2025-01-02", 2024),
        ("China's exports to the US fell to $400bn.", "2025-01-02", 2025),
        ("China's exports to the US fell to $400bn.", None, None),
    ],
)
def test_year(text: str, date: str | None, year: int | None) -> None:
    (q,) = run(text, date)
    assert q.year == year


def test_each_amount_takes_its_nearest_year() -> None:
    qs = run("China's exports to the US fell to $400bn in 2023 from $450bn in 2022.")
    assert [(q.value, q.year) for q in qs] == [(400e9, 2023), (450e9, 2022)]
    assert all(q.subject == "CHN" and q.partner == "USA" for q in qs)


def test_usd_value_for_usd_amounts_and_conversions() -> None:
    (usd,) = run("Mexico's exports to the US were $505.8 billion.")
    assert usd.usd_value == pytest.approx(505.8e9)
    (eur,) = run("The EU's exports to China were €223.5 billion (about $242 billion).")
    assert eur.unit == "EUR" and eur.usd_value == pytest.approx(242e9)
    (gbp,) = run("Britain pledged £2.5bn (€2.9bn) in aid to Ukraine.")
    assert gbp.unit == "GBP" and gbp.usd_value is None and gbp.text == "£2.5bn (€2.9bn)"


def test_currency_sign_is_not_a_mention() -> None:
    # The KB may well tag the "US" of "US$"; that must not become a partner.
    text = "Canada's trade with Mexico was US$40 billion."
    ms = [*mentions(text), Mention(text.index("US$"), text.index("US$") + 2, "US", "USA")]
    (q,) = extract_quantities(Sentence(0, 0, len(text), text), ms, None)
    assert (q.subject, q.partner) == ("CAN", "MEX")


def test_unresolved_and_org_mentions_are_not_states() -> None:
    (q,) = run("NATO members agreed that Germany should spend 3.5% of its GDP on defence.")
    assert q.subject == "DEU"
    assert run("Europe's exports rose 5 per cent.") == [
        Quantity(3, 22, 32, "export_change", None, None, 5.0, "percent", None, 2025, "5 per cent")
    ]


def test_precheck_rejects_sentences_without_amount() -> None:
    # The pre-check's speed is part of bench/run.py; here only its verdict is tested.
    text = "Canada and Mexico pledged deeper cooperation as the United States retreats. " * 20
    ms = mentions(text)
    assert extract_quantities(Sentence(0, 0, len(text), text), ms, "2025-01-01") == []


def test_seed_story_with_the_actor_kb() -> None:
    """End to end with the real gazetteer: the seed story's two trade sentences."""
    actors = pytest.importorskip("multipolar.actors.kb")
    import datetime as dt

    from multipolar.coding.coder import relative
    from multipolar.text.segment import segment

    text = (
        "Massive dependence on a single neighbour is a serious problem for both sides. Around 80 per "
        "cent of Canada’s and Mexico’s exports go to the United States. Canada’s bilateral trade "
        "with the US amounts to C$924.4 billion (US$667.6 billion) compared to just C$55.4 billion "
        "with Mexico."
    )
    found = actors.ActorKB.default().mentions(text, dt.date(2025, 9, 20))
    got = [
        (q.kind, q.subject, q.partner, q.value, q.unit, q.usd_value)
        for s in segment(text)
        for q in extract_quantities(s, relative(found, s), "2025-09-20")
    ]
    assert got == [
        ("export_share", "CAN", "USA", 80.0, "percent", None),
        ("export_share", "MEX", "USA", 80.0, "percent", None),
        ("trade_value", "CAN", "USA", 924.4e9, "CAD", 667.6e9),
        ("trade_value", "CAN", "MEX", 55.4e9, "CAD", None),
    ]
