"""Recall rules: events that news copy reports and the coder used to miss or misread.

Each row is an invented sentence, the date it is coded at (leaders resolve by date) and the
(source, target, CAMEO root) the coder must give; ``None`` stands for no one named there.
"""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.helpers import coded_triples

DATE = "2015-06-01"

CASES = [
    # a passive raising verb: the subject does the complement's act
    ("Obama is scheduled to attend a summit with Putin in Vienna.", ("USA", "RUS", "04")),
    # "make a case to" + infinitive: the light verb's subject acts, not the noun
    ("Britain will make a case to further escalate the war against Syria.", ("GBR", "SYR", "13")),
    # a vote enacts its complement; authorising force threatens it
    ("The Senate voted to authorize the use of force against Syria.", ("USA", "SYR", "13")),
    ("The Senate voted to impose sanctions on Russia.", ("USA", "RUS", "16")),
    (
        "Lawmakers in Kenya voted not to extend the mandate of Somalia's mission.",
        ("KEN", "SOM", "12"),
    ),
    # not showing up for talks refuses them
    (
        "North Korean officials failed to show up for a round of meetings with US diplomats.",
        ("PRK", "USA", "12"),
    ),
    # a possessor's visit, trip or talks is its event
    ("Merkel's trip to Washington this week focused on trade.", ("DEU", "USA", "04")),
    ("Putin's talks with Erdogan ended without a deal.", ("RUS", "TUR", "04")),
    # a visit still to come is an intent to visit
    ("Ahead of Xi's planned visit to Washington, officials were busy.", ("CHN", "USA", "03")),
    # a military reporting its own sorties flew them
    (
        "A mix of fighters and bombers conducted four airstrikes near Baghdad, the Pentagon said.",
        ("USA", "IRQ", "19"),
    ),
    # a stated need with no one named to meet it is the speaker's demand
    (
        "The Iraqi prime minister told parliament that urgent steps were needed to remove "
        "American troops from the country.",
        ("IRQ", "USA", "10"),
    ),
    # shouting at someone to do something orders it
    (
        "Iranian police shouted at the British sailors to hand over their boat.",
        ("IRN", "GBR", "10"),
    ),
    ("Protesters in Cairo shouted at the Israeli ambassador.", ("EGY", "ISR", "11")),
    # strikes on a named place or against a party are force, not a labour strike
    ("Turkish jets carried out strikes on Idlib.", ("TUR", "SYR", "19")),
    # national agencies named without their state, acronyms with or without dots
    ("The F.B.I. arrested a Russian diplomat in Ohio.", ("USA", "RUS", "17")),
    ("Officers of the FSB detained an American student.", ("RUS", "USA", "17")),
    # "called X a Y" names X: a slur criticises, an honour praises; no phone call
    ("Germany called the Russian move a violation of the treaty.", ("DEU", "RUS", "11")),
    ("Macron called Merkel a trusted friend.", ("FRA", "DEU", "05")),
    # "X said Y should ..." advises: an appeal, where "must" demands
    ("Spain said Morocco should reopen the border crossings.", ("ESP", "MAR", "02")),
    ("Spain said Morocco must reopen the border crossings.", ("ESP", "MAR", "10")),
    # a personal pronoun is someone named before, not a local of the target's state
    ("He threatened new tariffs on Brazil.", (None, "BRA", "13")),
    # a pact its own party reports, in the passive: the reporter made it
    (
        "Merkel said an agreement had been reached with France on the pipeline.",
        ("DEU", "FRA", "05"),
    ),
    # a main verb misparsed as a modifier of the subject after a relative clause
    (
        "Turkish President Recep Tayyip Erdogan, who is perhaps the most outspoken critic of the "
        "plan, called on the international community to impose sanctions on Israel.",
        ("TUR", "ISR", "02"),
    ),
    # office holders that wire copy names by surname alone, in office at the date
    ("Kerry met Lavrov in Geneva on Friday.", ("USA", "RUS", "04")),
    ("Carter visited Baghdad on Monday.", ("USA", "IRQ", "04")),
]


# criticism with no party as its target: an event only when one-sided disapproval is kept
ONE_SIDED = [
    # a statement's participle clause is what the issuer says
    (
        "The French Foreign Ministry issued a statement saying it condemns the vicious attack.",
        ("FRA", None, "11"),
    ),
    # a passive's agent hung on the last noun of a prepositional chain
    (
        "The referendum was condemned as illegal and a breach of the treaty by Germany.",
        ("DEU", None, "11"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), ONE_SIDED)
def test_recall_one_sided(text: str, expected: tuple[str | None, str | None, str]) -> None:
    import datetime as dt

    from multipolar import Coder, CoderConfig

    coder = Coder(CoderConfig(one_sided_disapproval=True))
    events = coder.code(text, dt.date.fromisoformat(DATE)).events
    assert expected in {(e.source, e.target, e.cameo_root) for e in events}
    assert expected not in coded_triples(text, DATE)


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_recall(text: str, expected: tuple[str | None, str | None, str]) -> None:
    assert expected in coded_triples(text, DATE)


# what the rules must leave alone: no event, or not the reading the rule would add
NEGATIVE = [
    # unnamed drones reported by their target are not the reporter's
    ("Drones attacked two oil facilities in Abqaiq, Saudi Arabia said.", ("SAU", None, "19")),
    ("Unidentified jets carried out raids on Idlib, Turkey said.", ("TUR", "SYR", "19")),
    # a pronoun's trip names no one
    ("During his trip to Beijing, the minister spoke about trade.", ("CHN", None, "04")),
    # "vote against" stays a disapproval, not an enacted act
    ("The Senate voted against a bill to give aid to Egypt.", ("USA", "EGY", "07")),
    # a labour strike stays one
    ("Unions in Greece held a strike against austerity.", ("GRC", None, "19")),
    ("Workers in France staged a strike on Monday.", ("FRA", "FRA", "19")),
    # naming is no phone call, and a plain name is no event
    ("Macron called the Berlin plan a proposal on Tuesday.", ("FRA", "DEU", "02")),
    ("He threatened new tariffs on Brazil.", ("BRA", "BRA", "13")),
    # "it" after a frame is the unplaced body of the frame, whose domestic reading stays
    (
        "A small Peruvian party said it would boycott the elections in Peru.",
        (None, "PER", "13"),
    ),
    # a passive subject is the event only when it is a pact: troops shipped out are no aid
    ("Eighty Indian peacekeepers were shipped out of Congo.", ("IND", "COD", "07")),
    ("Eighty Indian peacekeepers were shipped out of Congo.", (None, "COD", "07")),
]


@pytest.mark.parametrize(("text", "absent"), NEGATIVE)
def test_recall_leaves_alone(text: str, absent: tuple[str | None, str | None, str]) -> None:
    assert absent not in coded_triples(text, DATE)
