"""Span look-ups in logarithmic time, for long documents (tens of thousands of mentions and sentences):
the mentions within a span, whether a set of spans covers one, the span of a set that holds one."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

from .records import Mention


class MentionIndex:
    """Mentions in text order with their starts."""

    def __init__(self, mentions: Iterable[Mention]) -> None:
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[Mention]:
        """The mentions that lie within [start, end), in text order."""
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        return [m for m in self.mentions[first:last] if m.end <= end]


class Spans:
    """A set of (start, end) spans: whether one of them covers a span, and which."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [a for a, _ in self.spans]
        self.reach = list(accumulate((b for _, b in self.spans), max))  # the furthest end of the spans so far

    def covers(self, start: int, end: int) -> bool:
        """Whether some span holds [start, end): of the spans starting at or before `start`, one ends at or after
        `end`."""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end

    def holding(self, start: int, end: int) -> tuple[int, int] | None:
        """The last-starting span that holds [start, end), if any (spans that do not nest, such as sentences)."""
        i = bisect_right(self.starts, start) - 1
        while i >= 0 and self.reach[i] >= end:
            if self.spans[i][1] >= end:
                return self.spans[i]
            i -= 1
        return None
