import itertools

from hypothesis import given
from hypothesis import strategies as st

from multipolar.coding.coder import by_sentence, relative
from multipolar.records import Mention, Sentence


def _sentences(bounds: list[int]) -> list[Sentence]:
    cuts = sorted(set(bounds))
    return [
        Sentence(index=i, start=a, end=b, text="x" * (b - a))
        for i, (a, b) in enumerate(itertools.pairwise(cuts))
    ]


@given(
    bounds=st.lists(st.integers(0, 400), min_size=2, max_size=12),
    spans=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 30)), max_size=40),
)
def test_by_sentence_is_relative_for_each_sentence(
    bounds: list[int], spans: list[tuple[int, int]]
) -> None:
    sentences = _sentences(bounds)
    mentions = [
        Mention(start=s, end=s + n, text="x" * n, code=f"C{k}") for k, (s, n) in enumerate(spans)
    ]
    assert by_sentence(mentions, sentences) == [relative(mentions, s) for s in sentences]
