"""Normal forms of mentions: Russian names in the nominative (pymorphy3), other mentions as written."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .morph import Word, nominative


@Language.component("normalise", requires=["doc.ents", "token.morph"], assigns=["span._.normal"])
def normalise(doc: Doc) -> Doc:
    """Set Span._.normal: Russian names in the nominative with agreement, everything else as written."""
    for ent in doc.ents:
        ent._.normal = russian_normal(ent) if doc.lang_ == "ru" and ent.label_ != "DATE" else ent.text
    return doc


def russian_normal(span: Span) -> str:
    """The span's name in the nominative, from the tokens' Natasha morphology and pymorphy3 inflection."""
    words = [Word(t.text, t.pos_, t.morph.to_dict(), t.whitespace_) for t in span if not t.is_space]
    if not words:
        return span.text
    normal = nominative(words, span.label_)
    return normal if normal else span.text
