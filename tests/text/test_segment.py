from __future__ import annotations

import pytest

from multipolar.text.segment import segment


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("The U.S. and Canada met. They agreed.", ["The U.S. and Canada met.", "They agreed."]),
        ("Mr. Carney spoke. Mrs. Smith left.", ["Mr. Carney spoke.", "Mrs. Smith left."]),
        ("It rose 3.5 per cent. Then fell.", ["It rose 3.5 per cent.", "Then fell."]),
        (
            '"We will move forwards," he said. Then he left.',
            ['"We will move forwards," he said.', "Then he left."],
        ),
        ("He said: “Yes.” She agreed.", ["He said: “Yes.”", "She agreed."]),
        ("Headline without stop\nBody sentence.", ["Headline without stop", "Body sentence."]),
        ("Is it? Yes! Fine.", ["Is it?", "Yes!", "Fine."]),
        ("John F. Kennedy spoke.", ["John F. Kennedy spoke."]),
        ("Talks in Jan. were held.", ["Talks in Jan. were held."]),
        ("It ended at 5 p.m. on Monday.", ["It ended at 5 p.m. on Monday."]),
        ("", []),
        ("   \n\n  ", []),
    ],
)
def test_segment(text: str, expected: list[str]) -> None:
    assert [s.text for s in segment(text)] == expected


@pytest.mark.parametrize("text", ["A b. C d.\n\nE f? G", "  lead. x\ny.  ", "Ünïcödé. ☃ snow."])
def test_offsets_point_at_the_sentence(text: str) -> None:
    for i, s in enumerate(segment(text)):
        assert s.index == i
        assert text[s.start : s.end] == s.text


def test_overlong_sentence_is_cut_with_exact_offsets() -> None:
    text = "word " * 2000
    sents = segment(text, max_chars=500)
    assert len(sents) > 1
    assert all(len(s.text) <= 500 for s in sents)
    assert all(text[s.start : s.end] == s.text for s in sents)
