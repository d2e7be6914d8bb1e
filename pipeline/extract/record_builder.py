"""RecordBuilder: the one place spaCy Docs become a record, one Doc per piece of a long document.

Each piece's mentions, sentences and sentence trees are taken out of its Doc as it comes (the Doc can then go),
at the piece's offset in the whole text; mention ids are given in text order at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.records import DocLang, Document, Mention
from ..ingest.read import InputDocument

if TYPE_CHECKING:
    from spacy.tokens import Doc


class RecordBuilder:
    """Collects the pieces of one document; `record()` gives its Document."""

    def __init__(self, document: InputDocument, lang: DocLang) -> None:
        self.document, self.lang = document, lang
        self.mentions: list[dict] = []
        self.sentences: list[tuple[int, int]] = []
        self.syntax: list[list] = []
        self.parsed = True

    def add(self, doc: Doc, offset: int = 0) -> None:
        """The piece's mentions with their fields as the components set them, and its sentences and trees."""
        for ent in doc.ents:
            values = ent._
            self.mentions.append(dict(start=offset + ent.start_char, end=offset + ent.end_char, text=ent.text,
                                      label=ent.label_, lang=values.lang, normal=values.normal, value=values.value,
                                      source=values.source, translit=values.translit))
        if doc.has_annotation("SENT_START"):
            self.sentences += [(offset + s.start_char, offset + s.end_char) for s in doc.sents]
        else:
            self.parsed = False
        trees = doc.user_data.get("syntax", [])
        self.syntax += [[[start + offset, end + offset, *rest] for start, end, *rest in tree]
                        for tree in trees] if offset else trees

    def record(self) -> Document:
        """The document's record: mentions in text order with exact offsets; entity ids come later."""
        ordered = sorted(self.mentions, key=lambda m: (m["start"], m["end"]))
        mentions = [Mention(id=f"m{number}", **fields) for number, fields in enumerate(ordered, 1)]
        document = self.document
        record = Document(id=document.id, path=document.path, sha256=document.sha256, lang=self.lang,
                          meta=document.meta, text=document.text, mentions=mentions, relations=[])
        if self.parsed:
            record._sentences = self.sentences
        record._syntax = self.syntax
        return record


def doc_to_record(doc: Doc, document: InputDocument, lang: DocLang) -> Document:
    """The record of a document read as one Doc."""
    builder = RecordBuilder(document, lang)
    builder.add(doc)
    return builder.record()
