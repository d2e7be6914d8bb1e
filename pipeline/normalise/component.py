"""normalise: the component that sets each entity's normal form (Span._.normal) and its Latin key (Span._.translit)."""

from __future__ import annotations

from functools import lru_cache

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
    words = tuple((t.text, t.pos_, str(t.morph), t.whitespace_) for t in span if not t.is_space)
    if not words:
        return span.text
    return _nominative(words, span.label_) or span.text


@lru_cache(maxsize=100_000)
def _nominative(words: tuple[tuple[str, str, str, str], ...], label: str) -> str:
    """nominative() of (text, part of speech, features, whitespace) tokens: a name recurs in a text and across
    texts in the same form and reading, and is inflected once."""
    return nominative([Word(plain(text), pos, morph_features(morph), space) for text, pos, morph, space in words],
                      label)


def morph_features(morph: str) -> dict[str, str]:
    """"Case=Gen|Number=Sing" -> {"Case": "Gen", "Number": "Sing"} (spaCy's MorphAnalysis.to_dict)."""
    return dict(feature.split("=", 1) for feature in morph.split("|")) if morph else {}
