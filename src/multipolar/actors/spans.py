"""Which of many spans overlap a given one, without walking them all.

The mention passes ask, for each title, party tag or surname they find, which mentions it
overlaps. Asking every mention makes a long document cost its length squared (a 2 MB text
holds tens of thousands of mentions and of hits); :class:`SpanIndex` files each span under
the fixed-width buckets it covers, so a question only looks at the spans near it.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["SpanIndex"]

# Mentions are a few words long: a bucket about that wide keeps the spans per bucket few.
_WIDTH = 64


class SpanIndex:
    """Keys (list positions) of spans, filed by position; spans may be added at any time.

    :meth:`near` returns a superset of the keys whose span overlaps or touches the question;
    callers test their own exact condition on those keys, against their current spans (a
    span that grows is :meth:`add`-ed again under the same key).
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._buckets: dict[int, list[int]] = {}
        self._size = 0
        for start, end in spans:
            self.add(self._size, start, end)

    def add(self, key: int, start: int, end: int) -> None:
        """File ``key`` under the span ``start``..``end``, ends included."""
        self._size = max(self._size, key + 1)
        for b in range(start // _WIDTH, max(start, end) // _WIDTH + 1):
            self._buckets.setdefault(b, []).append(key)

    def near(self, start: int, end: int) -> list[int]:
        """Sorted keys of every span that overlaps or touches ``start``..``end``."""
        found: set[int] = set()
        for b in range(start // _WIDTH, max(start, end) // _WIDTH + 1):
            keys = self._buckets.get(b)
            if keys:
                found.update(keys)
        return sorted(found)
