"""The stage sequence, written once: extract each document, link the corpus, relate each linked document, collect
facts. `pipeline run` (through the executors and the cache), `pipeline eval`, the public API and the tests all
go through these functions. Importing this module loads no model: the models come in as a built Models.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from ..core.records import Document, Entity, Fact, Relation
from ..core.resources import gazetteer_path
from ..extract.pieces import text_pieces
from ..extract.record_builder import RecordBuilder, doc_to_record
from ..ingest.language import detect_language
from ..ingest.read import InputDocument
from ..link.linker import assign, link
from ..relate.facts import FactCollector
from ..relate.relations import extract_relations
from ..relate.reviewed_relations import human_relations, is_reviewed

if TYPE_CHECKING:
    from ..extract.pipelines import Models

# progress(number, total, name, status): after each document (status "extracted", "cached" or "failed") and
# after each piece of a long one ("reading")
Progress = Callable[[int, int, str, str], None]
PieceProgress = Callable[[int, int], None]  # (piece, pieces) of a long document, after each piece


class KnownRelations(Protocol):
    """Relations remembered from an earlier run (corpus/cache.py), by record and its entity ids."""

    def get(self, record: Document) -> list[Relation] | None:
        """The relations kept for the record as it is linked now; else None, the record having its parse."""

    def keep(self, record: Document) -> None:
        """Remember the record's relations."""


def extract_document(models: Models, document: InputDocument, on_piece: PieceProgress | None = None
                     ) -> Document:
    """One document through language detection, both languages' models and dates, into a record. A long
    document is read in pieces (extract/pieces.py), one at a time, `on_piece` told after each."""
    text, published, correction = document.text, document.meta.published, document.correction
    lang = document.meta.lang or detect_language(text, models.settings.mixed_share)
    pieces = text_pieces(text)
    builder = RecordBuilder(document, lang)
    for number, (start, end) in enumerate(pieces, 1):
        # a page's title and infobox stand at its top: the first piece is read for them, the others are not
        doc = models.process(text[start:end], lang, published, top=number == 1)
        if correction is not None:  # a reviewer's names in place of the models'
            from ..extract.reviewed_names import apply_names  # (spaCy: not imported before a model is needed)

            doc = apply_names(doc, [(m.start - start, m.end - start, m.label) for m in correction.mentions
                                    if start <= m.start and m.end <= end], published)
        builder.add(doc, start)
        if on_piece is not None and len(pieces) > 1:
            on_piece(number, len(pieces))
    record = builder.record()
    if correction is not None:
        record.relations = human_relations(record, correction)
    return record


def extract_documents(models: Models, documents: list[InputDocument]) -> list[Document]:
    """Several documents, each as extract_document reads it; those read whole and without corrections go
    through the models together (a worker's window: spaCy batches them)."""
    langs = [d.meta.lang or detect_language(d.text, models.settings.mixed_share) for d in documents]
    together = [i for i, d in enumerate(documents) if d.correction is None and len(text_pieces(d.text)) == 1]
    read = models.process_many([(documents[i].text, langs[i], documents[i].meta.published) for i in together])
    records: list[Document | None] = [None] * len(documents)
    for i, doc in zip(together, read):
        records[i] = doc_to_record(doc, documents[i], langs[i])
    return [record if record is not None else extract_document(models, document)
            for record, document in zip(records, documents)]


def relate_records(records: list[Document]) -> list[list[Relation]]:
    """Each linked record's relations, read from its parse (here, or in a worker process for its share)."""
    return [extract_relations(record, record._sentences) for record in records]


class PendingRelations(Protocol):
    """Relations being read for a window of records."""

    def get(self) -> list[list[Relation]]:
        """Each record's relations, in order (waiting for them if they are read elsewhere)."""


class RelationsReadHere:
    """A window's relations read in this process, when asked for."""

    def __init__(self, records: list[Document]) -> None:
        self.records = records

    def get(self) -> list[list[Relation]]:
        return relate_records(self.records)


RelationReader = Callable[[list[Document]], PendingRelations]  # starts reading a window's relations
RELATE_WINDOW = 32  # records related together (by worker processes, when a run has them)


def link_and_relate(records: Callable[[], Iterable[Document]], gazetteer: Path,
                    previous: dict[tuple[str, str], str] | None = None, known: KnownRelations | None = None,
                    relate: RelationReader = RelationsReadHere) -> tuple[list[Entity], Iterator[Document]]:
    """The corpus's entities, and its records again with entity ids and relations, a window at a time.

    `records()` is called twice (once to link, once to relate), so a large corpus can stream from the cache;
    relations need the entity ids, which tell a document's main organisation. `known` gives the relations of a
    record read before with the same entity ids, and keeps new ones; `relate` reads the others' (a run with
    worker processes has them read there, a window ahead of the one it gives back).
    """
    entities, assignment = link(records(), gazetteer, previous)

    def start(window: list[Document]) -> tuple[list[Document], list[Document], PendingRelations | None]:
        unread = []
        for record in window:
            assign(record, assignment)
            relations = known.get(record) if known else None
            if relations is not None:
                record.relations = relations
            elif not is_reviewed(record):  # a reviewed document's relations are the reviewer's, in its record
                unread.append(record)
        return window, unread, relate(unread) if unread else None

    def finish(window: list[Document], unread: list[Document], reading: PendingRelations | None) -> list[Document]:
        for record, relations in zip(unread, reading.get() if reading else []):
            record.relations = relations
            if known:
                known.keep(record)
        return window

    def related() -> Iterator[Document]:
        iterator = iter(records())
        before = None
        while window := list(islice(iterator, RELATE_WINDOW)):
            started = start(window)
            if before is not None:
                yield from finish(*before)
            before = started
        if before is not None:
            yield from finish(*before)

    return entities, related()


def process_documents(models: Models, documents: Iterable[InputDocument], progress: Progress | None = None
                      ) -> tuple[list[Document], list[Entity], list[Fact]]:
    """Documents in memory through every stage: records with entity ids and relations, entities, facts."""
    documents = list(documents)
    extracted = []
    for number, document in enumerate(documents, 1):
        extracted.append(extract_document(models, document))
        if progress:
            progress(number, len(documents), document.id, "extracted")
    entities, related = link_and_relate(lambda: extracted, gazetteer_path(models.settings))
    collector = FactCollector()
    records = []
    for record in related:
        collector.add(record)
        records.append(record)
    return records, entities, collector.facts()
