"""Role conventions for news copy: who is the source and who the target of a found event.

Each row is an invented sentence and a (source, target, CAMEO root) the coder must give, or
must not give; ``None`` stands for no one named there. Sentences are coded at one date so
that leaders resolve the same way every run.
"""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.helpers import coded_triples

DATE = "2015-06-01"

CASES = [
    # "each other" makes coordinated subjects act on one another, whatever the act
    ("Russia and Ukraine accused each other of violating the ceasefire.", ("RUS", "UKR", "11")),
    ("Kenya and Uganda traded accusations with one another.", ("KEN", "UGA", "11")),
    # the one who receives from a party of its own state is a party too, not a topic
    ("Kenyan students received assurances from the Kenyan government.", ("KEN", "KEN", "03")),
    ("Chilean miners received ministers from the Chilean government.", ("CHL", "CHL", "04")),
    # a titled person the KB cannot place, acted on by the only state named, is of it
    ("Rebels in Mali rejected an offer from President Jean Mbeko to disarm.", ("MLI", "MLI", "12")),
    # ... a foreign town named in passing notwithstanding
    (
        "A Kenyan senator pressed the administration to explain why it freed three Kandahar "
        "suspects.",
        ("KEN", "KEN", "02"),
    ),
    # "ethnic X" is a people coded by the state it lives in, when the sentence says which
    ("Hundreds of ethnic Hungarians protested on Sunday in Slovakia.", ("SVK", "SVK", "14")),
    (
        "Kyrgyz troops killed two ethnic Uzbeks in a raid in southern Kyrgyzstan.",
        ("KGZ", "KGZ", "19"),
    ),
    (
        "Moscow threatened to intervene if ethnic Russians in Moldova need protection.",
        ("RUS", "MDA", "13"),
    ),
]

NEGATIVE = [
    # a place where a thing is set does not do what the thing does
    ("A Kenyan cleric warned that any deal in Geneva would hurt Iran.", ("CHE", "IRN", "13")),
    # another state named: the unplaced person may be anyone's
    (
        "Rebels in Mali rejected an offer from President Jean Mbeko to disarm, Niger said.",
        ("MLI", "MLI", "12"),
    ),
    # without "ethnic" a demonym is its state; without a place "ethnic X" keeps its name
    ("Hungarians protested on Sunday in Slovakia.", ("SVK", "SVK", "14")),
    ("Ethnic Hungarians protested on Sunday.", ("SVK", "SVK", "14")),
    # a pronoun with a clitic ("He's") stands for someone named before, not the target's locals
    ("He’s threatened tariffs on Brazilian steel.", ("BRA", "BRA", "13")),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_roles_news(text: str, expected: tuple[str | None, str | None, str]) -> None:
    assert expected in coded_triples(text, DATE)


@pytest.mark.parametrize(("text", "absent"), NEGATIVE)
def test_roles_news_leaves_alone(text: str, absent: tuple[str | None, str | None, str]) -> None:
    assert absent not in coded_triples(text, DATE)
