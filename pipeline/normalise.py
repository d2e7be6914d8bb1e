"""Normal forms of mentions: the surface text for English and dates, Natasha's nominative for Russian names."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from .ru import natasha_models


@Language.component("normalise", requires=["doc.ents"], assigns=["span._.normal"])
def normalise(doc: Doc) -> Doc:
    """Set Span._.normal: Russian person and place names to the nominative, everything else as written."""
    for ent in doc.ents:
        ent._.normal = _russian_normal(ent) if doc.lang_ == "ru" and ent.label_ in ("PER", "LOC") else ent.text
    return doc


def _russian_normal(span: Span) -> str:
    from natasha.doc import DocToken
    from natasha.norm import normalize

    tokens = [DocToken(t.idx, t.idx + len(t), t.text, pos=t.pos_ or "X", feats=t.morph.to_dict())
              for t in span if not t.is_space]
    try:
        normal = normalize(natasha_models()["vocab"], tokens)
    except (KeyError, ValueError, IndexError):
        return span.text
    return normal or span.text
