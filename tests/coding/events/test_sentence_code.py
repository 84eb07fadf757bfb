"""The sentence label: the main act's CAMEO code whoever its parties are.

Pentaclass gold labels sentences, not events; a sentence whose parties the KB cannot place
still has a class. Sentences are our own.
"""

from __future__ import annotations

from typing import Any

import pytest


def _pentaclass(code: str) -> int:
    r = int(code[:2])
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@pytest.mark.parametrize(
    ("text", "penta"),
    [
        ("Police fired tear gas at protesters outside the stadium.", 4),
        ("Gunmen attacked a convoy near the border on Sunday.", 4),
        ("Rebels kidnapped two aid workers in the north.", 4),
        ("The rebels agreed to a ceasefire with the army.", 1),
        ("Local officials met the protest leaders on Tuesday.", 1),
        ("The opposition party condemned the arrests.", 3),
        ("The spokesman said the talks had been useful.", 0),
        ("The minister said troops had shelled the village.", 4),
    ],
)
def test_main_act_without_known_parties(coder: Any, nlp: Any, text: str, penta: int) -> None:
    code = coder.sentence_code(nlp(text))
    assert code is not None and _pentaclass(code) == penta, (text, code)


@pytest.mark.parametrize(
    "text",
    [
        "Will the rebels attack the capital?",
        "The stadium holds forty thousand people.",
        "Police could fire tear gas if the crowd grows.",
        "The weather was warm for the season.",
    ],
)
def test_no_act_no_label(coder: Any, nlp: Any, text: str) -> None:
    assert coder.sentence_code(nlp(text)) is None


def test_coder_labels_the_first_sentence_with_an_act() -> None:
    from multipolar import Coder

    text = "The weather was warm. Gunmen attacked a convoy near the border."
    code = Coder().sentence_code(text)
    assert code is not None and _pentaclass(code) == 4
