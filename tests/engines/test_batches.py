import pytest

from multipolar.engines.local import batched_by_size


@pytest.mark.parametrize(
    ("sizes", "batch_articles", "max_chars", "expected"),
    [
        ([10, 10, 10], 2, 100, [[10, 10], [10]]),  # the article count closes batches
        ([60, 60, 60], 32, 100, [[60, 60], [60]]),  # so does the text size
        ([500, 10, 10], 32, 100, [[500], [10, 10]]),  # a long article is a batch of its own
        ([100] * 3, 32, 100, [[100], [100], [100]]),
        ([], 32, 100, []),
    ],
)
def test_batches_close_at_a_count_or_a_size(
    sizes: list[int], batch_articles: int, max_chars: int, expected: list[list[int]]
) -> None:
    rows = [(f"a{i}", "x" * n, None) for i, n in enumerate(sizes)]
    got = list(batched_by_size(rows, batch_articles, max_chars))
    assert [[len(r[1]) for r in b] for b in got] == expected
    assert [r for b in got for r in b] == rows  # nothing lost, order kept
