"""normalise: the component that sets each entity's normal form (Span._.normal) and its Latin key (Span._.translit)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .nominative import Word, nominative
from .stress import plain
from .translit import latin_key


@Language.component("normalise", requires=["doc.ents", "token.morph"], assigns=["span._.normal", "span._.translit"])
def normalise(doc: Doc) -> Doc:
    """Russian names in the nominative with agreement, everything else as written; names get a Latin key."""
    for ent in doc.ents:
        set_normal(ent, russian_normal(ent) if doc.lang_ == "ru" and ent.label_ != "DATE" else ent.text)
    return doc


def as_written(span: Span) -> None:
    """The span's text as its normal form: for a name cut out of a longer one, whose inflection is unknown."""
    set_normal(span, span.text)


def set_normal(span: Span, normal: str) -> None:
    """Set the normal form (without Russian stress marks) and, for names (not dates), its Latin key."""
    normal = plain(normal)
    span._.normal = normal
    span._.translit = latin_key(normal) if span.label_ != "DATE" else None


def russian_normal(span: Span) -> str:
    """The span's name in the nominative, from the tokens' Natasha morphology and pymorphy3 inflection."""
    words = [Word(plain(t.text), t.pos_, t.morph.to_dict(), t.whitespace_) for t in span if not t.is_space]
    if not words:
        return span.text
    normal = nominative(words, span.label_)
    return normal if normal else span.text
