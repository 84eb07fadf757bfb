"""The event stage on hand-written sentences with hand-built actor mentions."""

from __future__ import annotations

import re
from typing import Any

import pytest

from multipolar.coding.events.coder import EventCoder
from multipolar.records import Event, Mention, Sentence
from tests.helpers import summary

spacy = pytest.importorskip("spacy")

NAMES = {
    "Canada": "CAN",
    "Mexico": "MEX",
    "Japan": "JPN",
    "Australia": "AUS",
    "Poland": "POL",
    "South Korea": "KOR",
    "European Union": "EU",
    "Philippines": "PHL",
    "Russia": "RUS",
    "Iran": "IRN",
    "United States": "USA",
    "China": "CHN",
    "France": "FRA",
    "Germany": "DEU",
    "Turkey": "TUR",
    "Britain": "GBR",
    "India": "IND",
    "Pakistan": "PAK",
    "Ukraine": "UKR",
    "Brazil": "BRA",
    "Chile": "CHL",
    "Kenya": "KEN",
    "Norway": "NOR",
    "Egypt": "EGY",
    "Peru": "PER",
    "Mali": "MLI",
    "Nigeria": "NGA",
    "Somalia": "SOM",
    "Iraq": "IRQ",
    "Syria": "SYR",
    "Sweden": "SWE",
    "Islamic State": "IMGMUSISI",
}
_PAT = re.compile(r"\b(" + "|".join(sorted(NAMES, key=len, reverse=True)) + r")\b")


def code(coder: EventCoder, nlp: Any, text: str) -> list[Event]:
    ms = [
        Mention(m.start(), m.end(), m.group(), NAMES[m.group()], kind="country")
        for m in _PAT.finditer(text)
    ]
    return coder.code_sentence(Sentence(0, 0, len(text), text), nlp(text), ms, "2025-01-01")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brazil and Chile agreed to expand trade ties.", {("BRA", "03", "CHL")}),
        ("Norway is stepping up defence ties with Kenya.", {("KEN", "06", "NOR")}),
        (
            "Germany and France are pursuing closer ties with Egypt.",
            {("DEU", "03", "EGY"), ("EGY", "03", "FRA")},
        ),
        ("Germany pushed for cooperation with Kenya.", {("DEU", "03", "KEN")}),
        (
            "The United States threatened tariffs against Brazil and India.",
            {("USA", "13", "BRA"), ("USA", "13", "IND")},
        ),
        ("Russia threatened to attack Ukraine.", {("RUS", "13", "UKR")}),
        ("France met Egypt in Cairo.", {("FRA", "04", "EGY")}),
        ("Chile held talks with Brazil on Monday.", {("BRA", "04", "CHL")}),
        ("China refused to meet Norway.", {("CHN", "12", "NOR")}),
        ("India accused Pakistan of shelling border villages.", {("IND", "11", "PAK")}),
        ("Turkey condemned Egypt.", {("TUR", "11", "EGY")}),
        ("Britain and France signed a defence pact.", {("FRA", "05", "GBR")}),
        ("Kenya was attacked by Egypt.", {("EGY", "19", "KEN")}),
        ("Germany urged Turkey to release the journalists.", {("DEU", "02", "TUR")}),
        ("Russia said it would not provide aid to Iran.", {("RUS", "12", "IRN")}),
        ("Japan imposed sanctions on Iran.", {("JPN", "16", "IRN")}),
        ("Norway sent humanitarian aid to Kenya.", {("NOR", "07", "KEN")}),
        ("The weather in Kenya was warm.", set()),
        # headline comma lists are coordinated subjects; a topic in a compound is no party
        ("Brazil, Chile leave trade summit with no deal", {("BRA", "04", "CHL")}),
        ("Brazil attended the Ukraine war summit.", {("BRA", "04", None)}),
        # relative clauses take their head as subject
        ("Kenya, which met Egypt on Monday, said nothing.", {("KEN", "04", "EGY")}),
        ("Norway, who visited Chile in May, praised the talks.", {("NOR", "04", "CHL")}),
        # "X's neighbours/allies" are not X
        ("Brazil sent aid to Chile's neighbours.", {("BRA", "07", None)}),
        # "demanded that X ..." addresses X
        ("France demanded that Iran release the prisoners.", {("FRA", "10", "IRN")}),
        ("Germany insisted that Turkey must release the journalists.", {("DEU", "10", "TUR")}),
        # a condition is not an event of its own
        ("Iran threatened to attack Turkey unless Turkey withdrew.", {("IRN", "13", "TUR")}),
        (
            "Russia warned it would cut gas supplies to Norway if Norway joined the bloc.",
            {("RUS", "13", "NOR")},
        ),
        # protests with no one named target the own government; unnamed locals are placed
        ("Thousands of students protested in Kenya on Monday.", {("KEN", "14", "KEN")}),
        ("Demonstrators in Egypt blocked roads.", {("EGY", "14", "EGY")}),
        # an unknown party keeps the event rather than losing it
        ("Rebels attacked Egypt.", {(None, "19", "EGY")}),
        ("Unidentified gunmen kidnapped two Kenya officials.", {(None, "18", "KEN")}),
    ],
)
def test_codes_and_roles(
    coder: EventCoder, nlp: Any, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert summary(code(coder, nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        ("Brazil and Chile agreed to expand trade ties.", "reciprocal", True),
        ("China refused to meet Norway.", "negated", True),
        ("Russia threatened to attack Ukraine.", "modality", "threatened"),
        ("Germany pledged to send aid to Kenya.", "modality", "intended"),
        ("France met Egypt.", "negated", False),
        ("France met Egypt.", "modality", "asserted"),
        ("Pakistan threatened to break relations with India.", "reciprocal", False),
        ("Brazil and Chile held talks with Kenya.", "reciprocal", True),
        ("France said it would not provide aid to Kenya.", "negated", True),
    ],
)
def test_flags(coder: EventCoder, nlp: Any, text: str, field: str, value: object) -> None:
    evs = code(coder, nlp, text)
    assert evs and all(getattr(e, field) == value for e in evs)


def test_summit_without_deal_is_a_meeting(coder: EventCoder, nlp: Any) -> None:
    text = "France and Egypt left the summit with no deal."
    roots = {e.cameo_root for e in code(coder, nlp, text)}
    assert "04" in roots and not any(e.cameo.startswith("057") for e in code(coder, nlp, text))


def test_ontology_fields_filled(coder: EventCoder, nlp: Any) -> None:
    (e,) = code(coder, nlp, "Turkey condemned Egypt.")
    assert e.plover == "ACCUSE" and e.quad == 3 and e.pentaclass == 3 and e.goldstein < 0
    assert e.source_text == "Turkey" and e.target_text == "Egypt" and 0 < e.confidence <= 1


def test_no_mentions_no_events(coder: EventCoder, nlp: Any) -> None:
    text = "They met yesterday."
    assert coder.code_sentence(Sentence(0, 0, len(text), text), nlp(text), [], None) == []


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        # "it"/"they" anywhere in the next sentence's subject slot refers back to the actor
        (
            "Russia massed troops near the border.",
            "On Monday, it threatened to attack Ukraine.",
            {("RUS", "13", "UKR")},
        ),
        (
            "China and India met in May.",
            "Later, they signed a border pact with Kenya.",
            {("CHN", "05", "KEN"), ("IND", "05", "KEN")},
        ),
        # an actor earlier in the same sentence wins over the previous sentence
        (
            "Russia massed troops near the border.",
            "Germany said on Monday that it would send aid to Ukraine.",
            {("DEU", "03", "UKR")},
        ),
    ],
)
def test_pronoun_refers_back(
    coder: EventCoder, nlp: Any, first: str, second: str, expected: set[tuple[str, str, str]]
) -> None:
    coder.reset()  # a fresh article
    code(coder, nlp, first)
    ms = [
        Mention(m.start(), m.end(), m.group(), NAMES[m.group()], kind="country")
        for m in _PAT.finditer(second)
    ]
    evs = coder.code_sentence(Sentence(1, 0, len(second), second), nlp(second), ms, "2025-01-01")
    assert summary(evs) == expected


# -- event category and detection --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act announced with "will" is a promise (03) or, when it harms, a threat (13)
        ("Norway will send humanitarian aid to Kenya.", {("NOR", "03", "KEN")}),
        ("Russia will attack Ukraine next week.", {("RUS", "13", "UKR")}),
        ("Egypt is prepared to impose sanctions on Kenya.", {("EGY", "13", "KEN")}),
        # "X must ..." after a reporting verb is a demand, even with a verb the dictionary lacks
        ("Germany said Turkey must drop its barriers.", {("DEU", "10", "TUR")}),
        ("France reiterated its demand that Iran ease the restrictions.", {("FRA", "10", "IRN")}),
        # stopping aid reduces relations (16), it is not an embargo
        ("Japan halted economic aid to Kenya.", {("JPN", "16", "KEN")}),
        # light verbs take their event noun, compounds first
        ("Pakistan launched air strikes against India.", {("PAK", "19", "IND")}),
        ("Russia mounted an invasion of Ukraine.", {("RUS", "19", "UKR")}),
        # what might happen, or what someone hopes others will suffer, is no event
        ("Russia might attack Ukraine.", set()),
        ("Germany hoped that Egypt would be indicted.", set()),
        # a relative clause with no other party describes its head
        (
            "Brazil, which has long resisted a harder line, met Chile on Monday.",
            {("BRA", "04", "CHL")},
        ),
    ],
)
def test_event_categories(
    coder: EventCoder, nlp: Any, text: str, expected: set[tuple[str, str, str]]
) -> None:
    assert summary(code(coder, nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Japan halted economic aid to Kenya.", "1621"),
        ("Pakistan launched air strikes against India.", "195"),
        ("Brazil expelled two diplomats from Chile.", "161"),
        ("Kenya declared a ceasefire with Egypt.", "0871"),
        ("Norway will send humanitarian aid to Kenya.", "0333"),
    ],
)
def test_event_codes(coder: EventCoder, nlp: Any, text: str, cameo: str) -> None:
    assert cameo in {e.cameo for e in code(coder, nlp, text)}


# -- modern news coverage: one or more sentences per CAMEO root (own sentences) ---------------
@pytest.mark.parametrize(
    ("text", "cameo"),
    [
        ("Japan told Kenya that the talks had been productive.", "010"),
        ("Germany voiced concern to Egypt over the detention of activists.", "012"),
        ("France expressed condolences to Turkey after the earthquake.", "018"),
        ("Germany called on Turkey to respect press freedom.", "02"),
        ("The United States urged China to show restraint.", "020"),
        ("India appealed to Pakistan for calm.", "020"),
        ("Japan pledged $50 million in aid to Kenya.", "033"),
        ("Russia offered to host talks between Ukraine and Turkey.", "036"),
        ("Norway offered to mediate between Ukraine and Russia.", "039"),
        ("Canada and Mexico agreed on a new trade pact.", "030"),
        ("Brazil spoke by phone with Chile on Monday.", "041"),
        ("The president of France held a phone call with Egypt.", "041"),
        ("The prime minister of India visited Japan last week.", "042"),
        ("Kenya hosted a delegation from Norway.", "043"),
        ("Russia and Ukraine resumed peace talks in Turkey.", "046"),
        ("Germany praised Turkey for hosting refugees.", "051"),
        ("Poland expressed support for Ukraine.", "051"),
        ("Britain and Japan signed a trade deal.", "057"),
        ("Egypt and Turkey restored diplomatic relations.", "050"),
        ("Japan and Australia held joint military exercises.", "062"),
        ("Japan held naval drills with Australia.", "062"),
        ("The United States provided weapons to Ukraine.", "072"),
        ("China extended a loan of $2 billion to Kenya.", "071"),
        ("The European Union delivered humanitarian aid to Ukraine.", "073"),
        ("The United States lifted sanctions on Iran.", "085"),
        ("The European Union eased sanctions on Russia.", "085"),
        ("Iran released two detained sailors from Britain.", "0841"),
        ("Germany launched an investigation into the cyber attack on Poland.", "090"),
        ("China demanded an apology from Japan.", "100"),
        ("France condemned Russia's annexation of Crimea.", "111"),
        ("Ukraine accused Russia of shelling civilian areas.", "112"),
        ("Britain blamed Russia for the cyber attack.", "112"),
        # rejecting an accusation denies responsibility (016); see test_codes_news
        ("Pakistan rejected India's accusations.", "016"),
        ("Pakistan rejected India's proposal.", "120"),
        ("China refused to hold talks with India.", "125"),
        ("Turkey violated the airspace of Egypt.", "128"),
        ("The United States threatened to impose new tariffs on China.", "1312"),
        (
            "Thousands of protesters rallied in Kenya to demand the resignation of the government.",
            "140",
        ),
        ("Russia deployed troops near the border with Ukraine.", "150"),
        ("Russia massed tanks near Ukraine.", "150"),
        ("Iran test-fired two ballistic missiles on Monday.", "150"),
        ("Russia held military drills near the border with Ukraine.", "150"),
        ("The army of Russia prepared to attack Ukraine.", "150"),
        ("Canada announced sanctions against Russia.", "160"),
        ("The European Union extended sanctions against Russia.", "160"),
        ("Italy announced a suspension of flights to Egypt.", "160"),
        ("Poland expelled Russia's ambassador.", "161"),
        ("Ukraine severed diplomatic ties with Russia.", "161"),
        ("The United States raised tariffs on goods from China.", "163"),
        ("China retaliated with tariffs on goods from the United States.", "163"),
        ("Hackers from Russia hacked the computers of the parliament of Germany.", "170"),
        ("Russia launched a cyber attack on Ukraine.", "170"),
        ("Egypt arrested a journalist from Turkey.", "173"),
        ("Turkey deported dozens of migrants to Pakistan.", "174"),
        ("Iran seized a tanker from Britain.", "171"),
        ("Gunmen kidnapped two engineers from China in Pakistan.", "181"),
        ("The United States carried out a drone strike in Pakistan.", "195"),
        ("Turkey conducted air strikes against Iran.", "195"),
        ("Troops from India recaptured the town from Pakistan.", "190"),
        ("Russia violated the ceasefire with Ukraine.", "196"),
        ("Soldiers from Egypt massacred civilians in Kenya.", "202"),
    ],
)
def test_modern_news_codes(coder: EventCoder, nlp: Any, text: str, cameo: str) -> None:
    """The CAMEO code (or, for a 2-digit expectation, the root) of a modern news sentence."""
    evs = code(coder, nlp, text)
    got = {e.cameo_root for e in evs} if len(cameo) == 2 else {e.cameo for e in evs}
    assert cameo in got, [(e.source, e.cameo, e.target) for e in evs]


@pytest.mark.parametrize(
    "text",
    [
        "Kenya held elections on Sunday.",
        "The statement by Kenya comes a day before talks begin.",
        "Kenya held a referendum on the new constitution.",
        "Egypt joined an armed group in the desert.",
    ],
)
def test_modern_news_no_event(coder: EventCoder, nlp: Any, text: str) -> None:
    assert code(coder, nlp, text) == []


# -- statements, assault vs fight, mass violence, protest, domestic dyads, coordinated subjects,
# venues, non-political sentences, armed groups (own sentences) --------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # (a) CAMEO 01x: a statement of a named kind is an event even with nobody addressed
        ("Peru said on Monday it was worried about the rise in migration.", {("PER", "012", None)}),
        ("Kenya declined to comment on the report.", {("KEN", "011", None)}),
        (
            "The government of India refused to comment on the border incident.",
            {("IND", "011", None)},
        ),
        ("Brazil expressed pessimism about the trade talks.", {("BRA", "012", None)}),
        ("Japan expressed optimism about the negotiations with China.", {("JPN", "013", "CHN")}),
        ("Nigeria acknowledged responsibility for the air strike.", {("NGA", "015", None)}),
        ("Pakistan denied responsibility for the attack on India.", {("PAK", "016", "IND")}),
        ("Chile offered condolences to Peru after the earthquake.", {("CHL", "018", "PER")}),
        ("Germany made an optimistic comment on relations with Poland.", {("DEU", "013", "POL")}),
        ("France expressed concern over the fighting in Mali.", {("FRA", "012", "MLI")}),
        # a bare "said" with nothing reported stays no event
        ("Kenya said on Monday that the weather was fine.", set()),
        # a statement noun's participle clause: the issuer demands, the clause's subject is asked
        (
            "France issued a declaration demanding that Iran release the sailors.",
            {("FRA", "105", "IRN")},
        ),
        (
            "Kenya issued a joint declaration with Somalia demanding that Egypt withdraw its troops.",
            {("KEN", "105", "EGY")},
        ),
        # (b) assault (18x) is not conventional military force (19)
        ("A suicide bomber from Somalia attacked a market in Kenya.", {("SOM", "1831", "KEN")}),
        ("Militants from Syria detonated a car bomb in Iraq.", {("SYR", "1832", "IRQ")}),
        (
            "A suicide attack by militants from Somalia killed twelve soldiers from Kenya.",
            {("SOM", "1831", "KEN")},
        ),
        ("Kidnappers from Nigeria abducted ten students in Mali.", {("NGA", "181", "MLI")}),
        ("Police in Egypt tortured detainees from Kenya.", {("EGY", "1822", "KEN")}),
        ("Troops from Russia shelled positions in Ukraine.", {("RUS", "194", "UKR")}),
        # (c) mass violence (20x)
        ("Militias from Nigeria carried out ethnic cleansing in Mali.", {("NGA", "203", "MLI")}),
        ("Syria used chemical weapons against civilians in Iraq.", {("SYR", "2041", "IRQ")}),
        (
            "Forces from Syria killed hundreds of civilians in a massacre in Iraq.",
            {("SYR", "202", "IRQ")},
        ),
        # (d) protest (14x), not fighting
        ("Thousands of workers went on strike in Chile.", {("CHL", "143", "CHL")}),
        ("Rioters in France torched cars.", {("FRA", "145", "FRA")}),
        ("Demonstrators in Brazil clashed with police.", {("BRA", "145", "BRA")}),
        # (e) a group of the source's own state is a domestic target
        ("Police in Egypt arrested dozens of protesters.", {("EGY", "173", "EGY")}),
        ("The president of Kenya praised the people of Kenya.", {("KEN", "051", "KEN")}),
        ("Norway will not accept any more refugees.", {("NOR", "124", None)}),
        # (f) coordinated subjects with an object act on it, each alone
        (
            "Peru, Chile and Mexico recognised Kenya.",
            {("PER", "054", "KEN"), ("CHL", "054", "KEN"), ("MEX", "054", "KEN")},
        ),
        (
            "Canada, Australia and Norway sent aid to Ukraine.",
            {("CAN", "070", "UKR"), ("AUS", "070", "UKR"), ("NOR", "070", "UKR")},
        ),
        # ... but with no object they act on each other
        ("Peru and Chile signed a trade deal.", {("CHL", "057", "PER")}),
        # (g) the venue of talks is no party
        ("Japan held talks in Sweden.", {("JPN", "040", None)}),
        ("Russia and Ukraine held talks in Turkey.", {("RUS", "040", "UKR")}),
        ("Iran met Egypt in Sweden.", {("IRN", "040", "EGY")}),
        # (h) no actor acts on an actor: disasters, sport, questions
        ("An earthquake struck Peru on Monday, killing 30 people.", set()),
        ("Floods in Pakistan killed hundreds of people.", set()),
        ("Brazil beat Chile 2-1 in the World Cup qualifier.", set()),
        ("France defeated Germany in the final.", set()),
        ("Will Russia attack Ukraine?", set()),
        # (i) a transnational armed group keeps its own code
        (
            "The United States launched air strikes against Islamic State targets in Syria.",
            {("USA", "195", "IMGMUSISI")},
        ),
    ],
)
def test_event_classes(
    coder: EventCoder, nlp: Any, text: str, expected: set[tuple[str, str, str]]
) -> None:
    """Full CAMEO codes and the dyad; reciprocal pairs are sorted."""
    got = set()
    for e in code(coder, nlp, text):
        s, t = e.source, e.target
        if e.reciprocal and s and t:
            s, t = sorted((s, t))
        got.add((s, e.cameo, t))
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # sit-ins are demonstrations (141; the lemmatizer reads "staged" as "stag"), boycotts
        # strikes or boycotts (143), and a boycott announced in reported speech a threat (133)
        ("Students in Kenya staged a sit-in outside parliament.", {("KEN", "141", "KEN")}),
        ("Opposition parties in Kenya boycotted the vote.", {("KEN", "143", "KEN")}),
        ("Egypt said it would boycott the talks with Sweden.", {("EGY", "133", "SWE")}),
        ("Egypt said it could boycott the talks with Sweden.", set()),
        # one act told twice keeps its most specific code
        (
            "Two suicide bombers from Syria killed 20 Iraqi soldiers when they blew themselves "
            "up in Iraq.",
            {("SYR", "1831", "IRQ")},
        ),
        # an "as" clause is the scene of the main event; a "while" clause an event of its own
        ("Peru sent aid to Mexico as Chile attacked Kenya.", {("PER", "070", "MEX")}),
        (
            "Peru sent aid to Mexico while Chile attacked Kenya.",
            {("PER", "070", "MEX"), ("CHL", "190", "KEN")},
        ),
        # the state a border is named after is no party to fighting near it
        (
            "Troops from Russia shelled positions of Ukraine near the Polish border.",
            {("RUS", "194", "UKR")},
        ),
        # a demand noun's clause hung on the verb is still the demand, not an act
        (
            "Germany reiterated its demand today that Iran release the prisoners.",
            {("DEU", "105", "IRN")},
        ),
    ],
)
def test_one_act_and_backdrop(
    coder: EventCoder, nlp: Any, text: str, expected: set[tuple[str, str, str]]
) -> None:
    got = {(e.source, e.cameo, e.target) for e in code(coder, nlp, text)}
    assert got == expected


def test_place_of_unnamed_attack_on_its_subject(coder: EventCoder, nlp: Any) -> None:
    """CAMEO codes the place of an attack by no one named as its source, also when the place
    hangs on the subject ("a car bomb explosion near X killed ...")."""
    text = "A car bomb explosion near the capital of Somalia killed three engineers from Turkey."
    assert {(e.source, e.target) for e in code(coder, nlp, text)} == {("SOM", "TUR")}


def test_call_for_is_no_phone_call(coder: EventCoder, nlp: Any) -> None:
    """ "renewed its call for a ceasefire" is an appeal; "made a call to" a phone call."""
    appeal = code(coder, nlp, "France renewed its call for a ceasefire in Sudan.")
    assert not any(e.cameo == "041" for e in appeal)
    phone = code(coder, nlp, "Germany made a call to Egypt on Monday.")
    assert {(e.source, e.cameo, e.target) for e in phone} == {("DEU", "041", "EGY")}
