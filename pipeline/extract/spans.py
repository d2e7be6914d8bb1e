"""Span helpers shared by both languages' components: labelled spans on exact offsets, entity sets, copies."""

from __future__ import annotations

from collections.abc import Iterable

import numpy
from spacy.attrs import IDX, LENGTH, ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from .extensions import CARRIED

_TEXT = "pipeline.text"


def doc_text(doc: Doc) -> str:
    """The document's text, joined once and kept in doc.user_data: Doc.text joins every token on each access,
    and retokenizing never changes it (the length is checked, in case user data was copied from another Doc)."""
    text = doc.user_data.get(_TEXT)
    if text is None or len(text) != (doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0):
        text = doc.user_data[_TEXT] = doc.text
    return text


def with_text(doc: Doc, text: str) -> Doc:
    """`doc`, told its text (a tokenizer that was given the text keeps it: doc_text need not join the tokens)."""
    doc.user_data[_TEXT] = text
    return doc


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
    taken = bytearray(len(doc))  # 1 for each token a kept span holds
    for span in spans:
        start, end = span.start, span.end
        if 1 in taken[start:end]:
            continue
        kept.append(span)
        taken[start:end] = b"\x01" * (end - start)
    doc.set_ents(sorted(kept, key=lambda s: s.start), default="outside")  # (what `doc.ents = ...` does, less a copy)


def copy_span(doc: Doc, span: Span, start: int, end: int, label: str | None = None) -> Span | None:
    """A span over tokens [start, end) that keeps `span`'s label and extension values (`span` itself when that is
    what it already is: spaCy keeps a span's extension values by its offsets, so a copy would be the same)."""
    if end <= start:
        return None
    if span.doc is doc and (start, end) == (span.start, span.end) and (label is None or label == span.label_) \
            and not span.kb_id and not span.id:
        return span
    new = Span(doc, start, end, label=label or span.label_)
    for name in CARRIED:
        setattr(new._, name, getattr(span._, name))
    return new


def cuts_inside_tokens(doc: Doc, cuts: set[int]) -> list[int]:
    """The character offsets among `cuts` that fall inside a token, in order."""
    if not cuts:
        return []
    offsets = doc.to_array([IDX, LENGTH])
    wanted = numpy.array(sorted(cuts), dtype=offsets.dtype)
    starts = offsets[:, 0]
    inside = ~(numpy.isin(wanted, starts) | numpy.isin(wanted, starts + offsets[:, 1]))
    return wanted[inside].tolist()


def token_edges(doc: Doc) -> set[int]:
    """The character offsets where a token starts or ends."""
    offsets = doc.to_array([IDX, LENGTH])
    return set(offsets[:, 0].tolist()) | set((offsets[:, 0] + offsets[:, 1]).tolist())


def split_tokens_at(doc: Doc, cuts: set[int]) -> None:
    """Split tokens so that every cut is a token boundary (the main tokenizer may cut a foreign word otherwise; a
    reviewer may mark part of a word)."""
    inside = cuts_inside_tokens(doc, cuts)
    if not inside:
        return
    text = doc_text(doc)
    with doc.retokenize() as retokenizer:
        for token in doc:
            t_start, t_end = token.idx, token.idx + len(token)
            inner = [c for c in inside if t_start < c < t_end]
            if inner:
                bounds = [t_start, *inner, t_end]
                pieces = [text[a:b] for a, b in zip(bounds, bounds[1:])]
                retokenizer.split(token, pieces, heads=[(token, 0)] * len(pieces))


def tokens_written(doc: Doc, words: Iterable[str], attr: int = ORTH) -> list:
    """The document's tokens whose text (or other string attribute: LOWER) is one of `words`, in order; found by
    string ids in the token array, not by making a Token object of every word."""
    ids = {get_string_id(w) for w in words}
    if not ids or not len(doc):
        return []
    found = doc.to_array(attr)
    if len(doc) < 256:  # a line or a short text: numpy's isin costs more than the loop
        return [doc[i] for i, value in enumerate(found.tolist()) if value in ids]
    wanted = numpy.fromiter(ids, dtype=numpy.uint64, count=len(ids))
    return [doc[i] for i in numpy.flatnonzero(numpy.isin(found, wanted)).tolist()]
