"""name_pieces(text, start, end): where a name found by a model really starts and ends (brackets, quotes, lines)."""

from __future__ import annotations

from ..core.resources import words

_OPEN, _CLOSE = "«„“", "»“”"
_DANGLING = frozenset(words("name_dangling"))  # prepositions, conjunctions, articles


def name_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A name span cut at brackets and line breaks, and before a quote it leaves open; edge quotes removed."""
    quote = next((i for i in range(start, end) if text[i] in _OPEN), None)
    if quote is not None and end < len(text) and text[end] in _CLOSE and _short_name(text[quote + 1:end]):
        end += 1  # the model stopped just before the quote that closes a name: лиги «Вперёд»
    cuts, opened = [], None
    for i in range(start, end):
        ch = text[i]
        if ch in "()[]\n|":  # a table cell ends a name too
            cuts.append(i)
        elif ch in _OPEN and opened is None:
            opened = i
        elif ch in _CLOSE and opened is not None:
            opened = None
    if opened is not None and opened > start:
        end = opened  # what follows an unclosed quote is a title, not part of the name
    pieces, left = [], start
    for cut in sorted(c for c in cuts if c < end) + [end]:
        a, b = _strip(text, left, cut)
        if b > a and any(ch.isalnum() for ch in text[a:b]):
            pieces.append((a, b))
        left = cut + 1
    return pieces


def _short_name(quoted: str) -> bool:
    """A quoted name is a word or two; a longer quotation, or one with a dash, is a title."""
    return len(quoted.split()) <= 2 and not any(ch in quoted for ch in "—–")


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    junk = " \t\n,.:;-–—'"
    while True:
        before = (a, b)
        while a < b and text[a] in junk:
            a += 1
        while b > a and text[b - 1] in junk.replace(".", ""):
            b -= 1
        if text[a:b].count('"') == 2 and text[a] == text[b - 1] == '"':
            a, b = a + 1, b - 1
        elif text[a:b].count('"') % 2:  # an unpaired straight quote at an edge
            if text[a:b].startswith('"'):
                a += 1
            elif text[a:b].endswith('"'):
                b -= 1
        inner = text[a:b]
        if inner[:1] in _OPEN and inner[-1:] in _CLOSE and inner:
            a, b = a + 1, b - 1
        elif inner[:1] in _OPEN and inner and not any(ch in _CLOSE for ch in inner):
            a += 1
        elif inner[-1:] in _CLOSE and inner and not any(ch in _OPEN for ch in inner):
            b -= 1
        head, _, last = text[a:b].rpartition(" ")
        if head and last in _DANGLING:  # a dangling preposition is not part of a name ("молодёжи из")
            b = a + len(head)
        if (a, b) == before:
            return a, b
