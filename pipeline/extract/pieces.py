"""text_pieces(text) -> [(start, end), ...]: a long document cut into pieces the models read one at a time.

spaCy refuses texts over a million characters, and both languages' models take memory in proportion to the
text they read; a long document is therefore read piece by piece, each piece at most PIECE_CHARS long where the
text allows it, and the pieces' offsets are added back, so that every offset refers to the whole text. A piece
ends at a paragraph break where there is one, else at a line break, else after a sentence's full stop, and only
where none of these is found within a piece's length (one sentence longer than that) at a space.
"""

from __future__ import annotations

import re

PIECE_CHARS = 100_000
# where a piece may end, best first: a blank line, a line break, a full stop (or ! ?) and a space
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"\n\s*"), re.compile(r"(?<=[.!?…])[\"»”)]*\s+"),
           re.compile(r"\s+"))


def text_pieces(text: str, size: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Consecutive (start, end) spans covering `text` exactly, each at most `size` long unless one sentence is."""
    pieces, start = [], 0
    while len(text) - start > size:
        end = _cut(text, start, start + size)
        pieces.append((start, end))
        start = end
    if start < len(text) or not pieces:
        pieces.append((start, len(text)))
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """The last break of the best kind within (start + a quarter of the size, limit]: the next piece's start."""
    floor = start + (limit - start) // 4  # no tiny piece for the sake of a better break
    for pattern in _BREAKS:
        ends = [m.end() for m in pattern.finditer(text, floor, limit) if m.end() <= limit]
        if ends:
            return ends[-1]
    return limit  # no space at all in a whole piece's length: cut there
