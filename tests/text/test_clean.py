from __future__ import annotations

import pytest

from multipolar.text.clean import clean, normalise_for_hash


@pytest.mark.parametrize(
    "debris",
    [
        "Advertisement",
        "ADVERTISEMENT",
        "Advertisement:",
        "Read More",
        "Read more: the full story",
        "image",
        "Image caption",
        "Image copyright Getty Images",
        "Sign up for our daily newsletter",
        "Subscribe now",
        "Share this article",
        "Follow us on Twitter",
        "Getty Images",
        "Story continues below advertisement",
        "© 2025 Example Media",
        "   ",
        "—",
    ],
)
def test_debris_lines_are_dropped(debris: str) -> None:
    text = f"The minister spoke on Monday.\n{debris}\nTalks resume next week."
    assert clean(text) == "The minister spoke on Monday.\n\nTalks resume next week."


@pytest.mark.parametrize(
    "kept",
    [
        "Read the statement in full, the ministry said.",
        "Images of the summit were shared widely.",
        "An advertisement campaign began in May.",
        "More than 80 per cent of exports go south.",
    ],
)
def test_sentences_that_look_like_debris_are_kept(kept: str) -> None:
    assert clean(f"First line.\n{kept}") == f"First line.\n\n{kept}"


def test_repeated_headline_is_kept_once() -> None:
    text = "Body sentence one.\nLeaders leave summit with no deal\nLeaders leave summit with no deal\nRead More"
    assert clean(text) == "Body sentence one.\n\nLeaders leave summit with no deal"


def test_repeated_full_sentence_is_kept() -> None:
    # A repeated line that ends like a sentence is content (a quote repeated), not a teaser.
    text = "We will not give in.\nWe will not give in."
    assert clean(text).count("We will not give in.") == 2


def test_inline_prefix_removed() -> None:
    assert clean("Advertisement: The talks resumed.") == "The talks resumed."


def test_whitespace_normalised() -> None:
    assert clean("A\u00a0 b\r\n\r\n\r\nC  d\t e") == "A b\n\nC d e"


def test_normalise_for_hash_ignores_case_and_spacing() -> None:
    assert normalise_for_hash("Canada  and\nMexico") == normalise_for_hash("canada and mexico")
