"""Sets of text spans asked "does anything here overlap?" in logarithmic time.

Rules ask, for each match of a sentence, whether an earlier match already took its place. A
scan of every earlier span per match is quadratic in the sentence's length, and one snippet
can be a single sentence of a megabyte.
"""

from bisect import bisect_left, bisect_right
from collections.abc import Iterable


class Spans:
    """Half-open spans (start, end), possibly overlapping, fixed once built."""

    __slots__ = ("_reach", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # The furthest end among the spans that start at or before each one.
        self._reach: list[int] = []
        furthest = -1
        for _, end in ordered:
            furthest = max(furthest, end)
            self._reach.append(furthest)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span (s, e) has s < end and start < e."""
        before = bisect_left(self._starts, end)
        return before > 0 and self._reach[before - 1] > start

    def holds(self, at: int) -> bool:
        """Whether some span (s, e) has s <= at < e."""
        before = bisect_right(self._starts, at)
        return before > 0 and self._reach[before - 1] > at
