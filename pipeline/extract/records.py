"""doc_to_record(doc, document, lang) -> Document: the one place a spaCy Doc becomes a record."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.records import DocLang, Document, Mention
from ..ingest.read import InputDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc


def doc_to_record(doc: Doc, document: InputDocument, lang: DocLang) -> Document:
    """Mentions in text order with exact offsets, their fields as the components set them; entity ids come later."""
    mentions = []
    for number, ent in enumerate(sorted(doc.ents, key=lambda e: (e.start_char, e.end_char)), 1):
        mentions.append(Mention(
            id=f"m{number}",
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            label=ent.label_,
            lang=ent._.lang,
            normal=ent._.normal,
            value=ent._.value,
            source=ent._.source,
            translit=ent._.translit,
        ))
    record = Document(id=document.id, path=document.path, sha256=document.sha256, lang=lang, meta=document.meta,
                      text=document.text, mentions=mentions, relations=[])
    if doc.has_annotation("SENT_START"):
        record._sentences = [(s.start_char, s.end_char) for s in doc.sents]
    record._syntax = doc.user_data.get("syntax", [])
    return record
