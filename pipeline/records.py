"""doc_to_record(doc, source) -> Document: the one place a spaCy Doc becomes records."""

from __future__ import annotations

from spacy.tokens import Doc

from .ingest import Source
from .schema import Document, DocLang, Mention
from .translit import latin_key


def doc_to_record(doc: Doc, source: Source, lang: DocLang) -> Document:
    """Mentions in text order with exact offsets; entity ids are filled later by linking."""
    mentions = []
    for number, ent in enumerate(sorted(doc.ents, key=lambda e: (e.start_char, e.end_char)), 1):
        normal = ent._.normal or ent.text
        mentions.append(Mention(
            id=f"m{number}",
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            label=ent.label_,
            lang=ent._.lang or ("ru" if doc.lang_ == "ru" else "en"),
            normal=normal,
            value=ent._.value if ent.label_ == "DATE" else None,
            source=ent._.source or "spacy",
            translit=latin_key(normal) if ent.label_ != "DATE" else None,
        ))
    record = Document(id=source.id, path=source.path, sha256=source.sha256, lang=lang, meta=source.meta,
                      text=source.text, mentions=mentions, relations=[])
    if doc.has_annotation("SENT_START"):
        record._sentences = [(s.start_char, s.end_char) for s in doc.sents]
    return record
