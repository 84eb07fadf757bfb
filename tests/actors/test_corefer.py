"""A person named in full once is recognised by surname later in the same text."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from multipolar.actors.corefer import repeated_names
from multipolar.actors.kb import ActorKB
from multipolar.records import Mention

DAY = dt.date(2014, 5, 1)


@pytest.fixture(scope="module")
def kb() -> Any:
    return ActorKB.default()


def _found(kb: Any, text: str) -> list[tuple[str, str | None]]:
    return [(m.text, m.code) for m in kb.mentions(text, DAY)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Rep. Darrell Issa (R-Calif.) spoke first. Later Mr. Issa criticised the review.",
            ("Mr. Issa", "USA"),
        ),
        (
            "Russian opposition leader Alexei Navalny was detained. Navalny urged a boycott.",
            ("Navalny", "RUS"),
        ),
        (
            "Sen. Lindsey Graham held a hearing. \u201cNo,\u201d Graham said on Monday.",
            ("Graham", "USA"),
        ),
        (
            "U.N. spokesman Farhan Haq told reporters the convoy left. Haq added more.",
            ("Haq", "UN"),
        ),
        # a surname that is also a country reads as the person once the person is named
        ("Rep. Jim Jordan (R-Ohio) spoke. Jordan said the inquiry was a sham.", ("Jordan", "USA")),
        ("Rep. Jim Jordan (R-Ohio) spoke. He then flew to Jordan.", ("Jordan", "JOR")),
    ],
)
def test_later_surname_gets_the_persons_code(kb: Any, text: str, expected: tuple[str, str]) -> None:
    assert expected in _found(kb, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # another person of the same surname, a body named after the person, a month
        ("Sen. Lindsey Graham spoke. Then Hillary Graham replied.", "Graham"),
        ("Sen. Lindsey Graham spoke. The Graham Center opened.", "Graham"),
        ("British Prime Minister Theresa May spoke. In May the talks ended.", "May"),
        ("British Prime Minister Theresa May spoke. It ended May 5.", "May"),
        # before the full name nothing is known yet
        ("Issa spoke first. Then Rep. Darrell Issa (R-Calif.) replied.", "Issa"),
        # a group's title is no one person's
        ("Chinese officials Li Wei and Wang Tao met. Wang spoke.", "Wang"),
    ],
)
def test_no_surname_mention(kb: Any, text: str, word: str) -> None:
    assert (word, "USA") not in _found(kb, text)
    assert all(t != word or c is None for t, c in _found(kb, text))


def test_surname_shared_by_two_parties_is_left_alone() -> None:
    text = "A Smith. B Smith. Smith spoke."
    ms = [
        Mention(0, 7, "A Smith", "USA", "GOV", "leader", "Ann Smith"),
        Mention(9, 16, "B Smith", "GBR", "GOV", "leader", "Bob Smith"),
    ]
    assert repeated_names(text, ms) == ms


@pytest.mark.parametrize(
    ("text", "whole", "code", "person"),
    [
        # an institution, a role and a name are one person of that institution
        (
            "Kremlin spokesman Dmitry Peskov told reporters it was false. Peskov added more.",
            "Kremlin spokesman Dmitry Peskov",
            "RUS",
            "Dmitry Peskov",
        ),
        # a first name that is also a capital ("Victoria", Seychelles) belongs to the name
        (
            "State Department spokeswoman Victoria Nuland spoke on Monday.",
            "State Department spokeswoman Victoria Nuland",
            "USA",
            "Victoria Nuland",
        ),
        # a capitalised title and a name with an apostrophe
        (
            "White House Chief of Staff Mick Mulvaney spoke. Mulvaney left.",
            "White House Chief of Staff Mick Mulvaney",
            "USA",
            "Mick Mulvaney",
        ),
        (
            "White House national security adviser Robert O'Brien spoke. O'Brien left.",
            "White House national security adviser Robert O'Brien",
            "USA",
            "Robert O'Brien",
        ),
        (
            "Ukrainian presidential adviser Mykhailo Podolyak's remarks drew replies.",
            "Ukrainian presidential adviser Mykhailo Podolyak",
            "UKR",
            "Mykhailo Podolyak",
        ),
    ],
)
def test_institution_role_name(kb: Any, text: str, whole: str, code: str, person: str) -> None:
    ms = kb.mentions(text, DAY)
    assert (ms[0].text, ms[0].code, ms[0].person) == (whole, code, person)
    assert all(m.code == code for m in ms)


def test_institution_without_role_name_is_left_alone(kb: Any) -> None:
    assert _found(kb, "The State Department said on Friday it would act.") == [
        ("State Department", "USA")
    ]


def test_named_role_widens_over_the_name(kb: Any) -> None:
    (m, *_rest) = kb.mentions("British Ambassador Peter Westmacott met the press.", DAY)
    assert m.text == "British Ambassador Peter Westmacott"
    assert (m.code, m.person) == ("GBR", "Peter Westmacott")


def test_ambassador_to_an_organisation_is_no_official_of_it(kb: Any) -> None:
    # a state's ambassador to the UN, not the UN: the phrase does not say which state
    text = "U.N. Ambassador Nikki Haley spoke. Haley added more."
    assert all(code != "UN" for _text, code in _found(kb, text))
    # the UN's own envoy is the UN's
    assert ("UN envoy Staffan de Mistura", "UN") in _found(kb, "UN envoy Staffan de Mistura spoke.")


def test_the_texts_own_person_beats_a_surname_guess(kb: Any) -> None:
    # the KB alone reads a bare "Carney" as a Canadian office-holder; this text named Jay
    # Carney, the White House press secretary, in full first
    text = "White House Press Secretary Jay Carney spoke. Carney added more."
    assert ("Carney", "USA") in _found(kb, text)
