"""Span helpers shared by both languages' components: labelled spans on exact offsets, entity sets, copies."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span

from .extensions import CARRIED


def make_span(doc: Doc, start: int, end: int, label: str, source: str, lang: str | None = None) -> Span | None:
    """A labelled span on exact character offsets, or None when they cut through a token."""
    span = doc.char_span(start, end, label=label)
    if span is None:
        return None
    span._.source = source
    span._.lang = lang or doc.lang_
    return span


def set_entities(doc: Doc, spans: Iterable[Span]) -> None:
    """Replace doc.ents with `spans`: overlaps resolved by keeping the earlier-listed span."""
    kept: list[Span] = []
    taken: set[int] = set()
    for span in spans:
        tokens = set(range(span.start, span.end))
        if tokens & taken:
            continue
        kept.append(span)
        taken |= tokens
    doc.ents = sorted(kept, key=lambda s: s.start)


def copy_span(doc: Doc, span: Span, start: int, end: int, label: str | None = None) -> Span | None:
    """A new span over tokens [start, end) that keeps `span`'s label and extension values."""
    if end <= start:
        return None
    new = Span(doc, start, end, label=label or span.label_)
    for name in CARRIED:
        setattr(new._, name, getattr(span._, name))
    return new
