"""Code choice on news verbs: when an event is found, is its CAMEO root the right one?

Each row is an invented sentence and the (source, target, CAMEO root) the coder must give,
or must not give; ``None`` stands for no one named there. The verbs are common ones whose
PETRARCH default is another sense ("took part in" is no arrest, "that means" no intent).
"""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from multipolar.coding.verbs import VerbDict
from tests.helpers import coded_triples

DATE = "2020-01-01"

Triple = tuple[str | None, str | None, str]

CASES: list[tuple[str, Triple]] = [
    # one party protesting is an official complaint (11); a crowd protesting demonstrates (14)
    ("China protested the visit by the Japanese minister.", ("CHN", "JPN", "11")),
    ("Thousands of Kenyans protested against the Ugandan decision.", ("KEN", "UGA", "14")),
    ("Kenyan students protested the Ugandan decision.", ("KEN", "UGA", "14")),
    # heaping praise on someone praises them; looking into something investigates it
    ("The Kenyan president heaped praise on Uganda's army.", ("KEN", "UGA", "05")),
    ("Kenya looked into the Ugandan deal.", ("KEN", "UGA", "09")),
    # mourning a death is sympathy (018), not PETRARCH's disapproval
    ("Cubans are mourning the death of the Venezuelan president.", ("CUB", "VEN", "01")),
    # a report whose content judges another party is a criticism (11), not a bare statement
    (
        "Japan's foreign minister said the Chinese plan was a dangerous mistake.",
        ("JPN", "CHN", "11"),
    ),
    ("Canada said Mexico had squandered a great opportunity.", ("CAN", "MEX", "11")),
    # pressing or pushing for something urges it (02), like "urge"
    ("Germany pressed Russia on the gas pipeline.", ("DEU", "RUS", "02")),
    ("Germany pushed for new sanctions on Iran.", ("DEU", "IRN", "02")),
    # "called on X to" appeals; "called X on Monday" is a telephone call (04)
    ("The French president called on Russia to withdraw its troops.", ("FRA", "RUS", "02")),
    ("The French president called the Russian leader on Monday.", ("FRA", "RUS", "04")),
    # backing down from a position yields it
    ("Mexico backed down from its threat against the United States.", ("MEX", "USA", "08")),
    # "take" seizes only what can be seized
    ("Iran took two British sailors.", ("IRN", "GBR", "17")),
    ("China took control of the islands claimed by Vietnam.", ("CHN", "VNM", "19")),
    # a legislature passing sanctions imposes them
    ("The Senate passed new sanctions against Russia.", ("USA", "RUS", "16")),
    # a warning that holds out a reprisal stays a threat
    ("Iran warned the United States that there would be consequences.", ("IRN", "USA", "13")),
    ("Russia warned Ukraine that it would respond to any attack.", ("RUS", "UKR", "13")),
    # denying an accusation, or one's own act, denies responsibility (016, a statement);
    # denying a request rejects it (12)
    ("Peru denied the allegations by Chile.", ("PER", "CHL", "01")),
    ("Brazil dismissed Argentina's accusations.", ("BRA", "ARG", "01")),
    ("Ghana denied that it had sheltered the rebels.", ("GHA", None, "01")),
    ("Ghana denied that its troops had crossed the border.", ("GHA", None, "01")),
    ("Norway denied spying on Sweden.", ("NOR", "SWE", "01")),
    ("Peru denied the request from Chile.", ("PER", "CHL", "12")),
    ("Brazil rejected Argentina's proposal.", ("BRA", "ARG", "12")),
    # riot-control weapons are repression (17), live fire is force (19)
    ("Kenyan police fired tear gas at Ugandan protesters.", ("KEN", "UGA", "17")),
    ("Kenyan police fired rubber bullets at Ugandan students.", ("KEN", "UGA", "17")),
    ("Kenyan troops fired at Ugandan soldiers.", ("KEN", "UGA", "19")),
    ("Kenyan troops fired two missiles at Ugandan positions.", ("KEN", "UGA", "19")),
    # attacking someone over a reason or in a medium of speech is criticism (11)
    ("The Kenyan president attacked Uganda's leader over the border deal.", ("KEN", "UGA", "11")),
    ("The Kenyan president attacked Uganda in a series of tweets.", ("KEN", "UGA", "11")),
    ("Kenyan troops attacked Ugandan positions over the weekend.", ("KEN", "UGA", "19")),
    # a tweet reports like "said"
    ("The Kenyan president tweeted that Uganda must withdraw its troops.", ("KEN", "UGA", "10")),
    # hitting a country with tariffs is economic (16); rockets hitting it is force (19)
    ("Kenya hit Uganda with new tariffs.", ("KEN", "UGA", "16")),
    ("Kenyan rockets hit Ugandan positions.", ("KEN", "UGA", "19")),
    # questioning a stance doubts it (11); insisting that X act (a subjunctive) demands
    ("Kenya questioned Uganda's commitment to peace.", ("KEN", "UGA", "11")),
    ("Kenya insisted that Uganda pay its debts.", ("KEN", "UGA", "10")),
    ("Kenya insisted on talks with Uganda.", ("KEN", "UGA", "10")),
    # the senses kept when a verb's PETRARCH default is dropped
    ("Kenya released two Ugandan journalists.", ("KEN", "UGA", "08")),
    ("Kenyan police held three Ugandan suspects.", ("KEN", "UGA", "17")),
    ("The Kenyan president left for Uganda on Monday.", ("KEN", "UGA", "04")),
    (
        "Kenya said it would not give permission to Uganda to use its airspace.",
        ("KEN", "UGA", "12"),
    ),
    ("Kenya is considering sending troops to Uganda.", ("KEN", "UGA", "01")),
    ("The Kenyan president looked forward to meeting the Ugandan leader.", ("KEN", "UGA", "01")),
    ("The Kenyan president spoke with his Ugandan counterpart.", ("KEN", "UGA", "04")),
    ("Kenya paid compensation to Ugandan traders.", ("KEN", "UGA", "08")),
    ("A Kenyan court issued arrest warrants for two Ugandan men.", ("KEN", "UGA", "17")),
    ("Two Ugandan journalists were released by Kenya.", ("KEN", "UGA", "08")),
    ("Kenya was asked by Uganda to mediate.", ("UGA", "KEN", "02")),
    ("Kenya kicked out two Ugandan diplomats.", ("KEN", "UGA", "17")),
    ("Kenya conducted air strikes on Ugandan rebels.", ("KEN", "UGA", "19")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_code(text: str, expected: Triple) -> None:
    assert expected in coded_triples(text, DATE)


# readings the PETRARCH defaults gave that are not events of that kind
WRONG: list[tuple[str, Triple]] = [
    ("China took part in the talks with Japan.", ("CHN", "JPN", "17")),
    ("Turkey took the lead in talks with Syria.", ("TUR", "SYR", "17")),
    ("The Russian delegation took a hard line with Ukraine.", ("RUS", "UKR", "17")),
    ("The French delegation included Italian officials.", ("FRA", "ITA", "08")),
    ("The US Senate passed a bill on Iran.", ("USA", "IRN", "08")),
    ("Germany means business with Russia.", ("DEU", "RUS", "03")),
    ("Egypt learned of the Ethiopian plan.", ("EGY", "ETH", "04")),
    ("Merkel thinks Russia is a threat to Europe.", ("DEU", None, "04")),
    ("The Kremlin claimed the sanctions on Russia were ineffective.", ("RUS", None, "11")),
    ("The Kremlin claimed the sanctions on Russia were ineffective.", ("RUS", "RUS", "11")),
    ("The Canadian envoy seemed to be pleased with Japan.", ("CAN", "JPN", "02")),
    # a warning that only describes a danger is no threat
    ("The Iraqi minister warned that the economy was collapsing.", ("IRQ", None, "13")),
    ('"The region is close to ruin," warned the Turkish president.', ("TUR", None, "13")),
    # pressing ahead with something is not an appeal
    ("The US is pressing ahead with sanctions on Venezuela.", ("USA", "VEN", "02")),
    # a judgment denied, or about the speaker's own side, criticises no one else
    ("Japan's foreign minister said the Chinese plan was not a mistake.", ("JPN", "CHN", "11")),
    ("Canada said we failed to persuade Mexico.", ("CAN", "MEX", "11")),
    # firing someone from a post uses no force
    ("The Kenyan president fired the Ugandan adviser.", ("KEN", "UGA", "19")),
    ("The Kenyan president fired Museveni's envoy.", ("KEN", "UGA", "19")),
    # "tariffs" somewhere in the phrase is no tariff imposed; "on" later is no "insist on"
    ("Kenya's exit hit Ugandan exporters hard, given the proposed tariffs.", ("KEN", "UGA", "16")),
    ("Kenya insisted that Uganda is focused on its own trade.", ("KEN", "UGA", "10")),
    # PETRARCH defaults that name no act in news prose
    ("Kenya released a report on Uganda.", ("KEN", "UGA", "08")),
    ("Kenya held off on sanctions against Uganda.", ("KEN", "UGA", "17")),
    ("Kenya holds Uganda in high regard.", ("KEN", "UGA", "17")),
    ("The Kenyan president faces pressure over his visit to Uganda.", ("KEN", "UGA", "04")),
    ("The Kenyan president left the Ugandan capital early.", ("KEN", "UGA", "04")),
    ("The Kenyan president sees Uganda as a rival.", ("KEN", "UGA", "01")),
    ("The Kenyan delegation was led by the Ugandan-born envoy.", ("KEN", "UGA", "06")),
    ("Kenya gave Uganda until Friday to answer.", ("KEN", "UGA", "06")),
    ("Kenya brought Ugandan barrels online.", ("KEN", "UGA", "04")),
    ("Kenyan banks were involved in Uganda's oil deal.", ("KEN", "UGA", "01")),
    ("The Kenyan army controls a stretch of the Ugandan border.", ("KEN", "UGA", "06")),
    ("The Kenyan envoy served two years in Uganda.", ("KEN", "UGA", "06")),
    ("Kenya is sending a powerful message to Uganda.", ("KEN", "UGA", "04")),
    ("The Kenyan president speaks Ugandan Swahili.", ("KEN", "UGA", "04")),
    ("Thousands of Kenyans fled across the border to Uganda.", ("KEN", "UGA", "08")),
    ("Kenya struggles with how to answer Uganda.", ("KEN", "UGA", "19")),
    ("Kenya appeared close to a deal with Uganda.", ("KEN", "UGA", "02")),
    ("The Kenyan rally prompted Uganda's decision.", ("KEN", "UGA", "04")),
    # a reporter's question is no appeal by the one asked; a document released frees no one
    ("Asked about Uganda, the Kenyan president said nothing new.", ("KEN", "UGA", "02")),
    ("Asked about Uganda, the Kenyan president said nothing new.", ("KEN", None, "02")),
    ("The Kenyan president was asked about Uganda on Monday.", (None, "KEN", "02")),
    ("Emails released by the Kenyan government mention Uganda.", ("KEN", None, "08")),
    ("Emails released by the Kenyan government mention Uganda.", ("KEN", "UGA", "08")),
]


@pytest.mark.parametrize(("text", "absent"), WRONG)
def test_not_that_code(text: str, absent: Triple) -> None:
    assert absent not in coded_triples(text, DATE)


def test_particle_words_must_follow_the_verb() -> None:
    v = VerbDict("", "call\t041\ncall\t020\t+on\n")
    assert v.code("call", [], ["on", "iran", "to", "leave"]).code == "020"  # type: ignore[union-attr]
    assert v.code("call", [], ["iran", "on", "monday"]).code == "041"  # type: ignore[union-attr]
    assert v.code("call", [], []).code == "041"  # type: ignore[union-attr]
