"""run_corpus(paths, out) -> RunResult: a corpus through the stage sequence, the four outputs written together.

Each document is extracted once and kept in the cache of the output folder; an unchanged document comes from
there, so a re-run of an unchanged corpus loads no model. Linking, relations and facts then run over every
record as a stream, and the outputs are renamed into place only when all four are complete.
"""

from __future__ import annotations

import gc
import hashlib
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from ..core.errors import InputError, PipelineError
from ..core.records import Document, Entity, Fact, InputFailure, Manifest, Relation
from ..core.resources import en_tagger_path, gazetteer_path, load_gazetteer
from ..core.settings import Settings
from ..core.versions import versions
from ..ingest.read import InputDocument, read_documents
from ..ingest.walk import Walk, walk_corpus
from ..io.atomic import StagedLines, remove_stale, sha256_file, sha256_text, write_outputs
from ..io.jsonl import read_records
from ..io.lock import LOCK_NAME, output_lock
from ..link.linker import previous_ids
from ..relate.facts import FactCollector
from .cache import FILE_NAME as CACHE_FILE
from .cache import Cache, extraction_key, set_aside
from .corrections import Found, load_corrections
from .execute import WorkerPool, keep_from_collector, run_executor
from .flow import Progress, RelationsReadHere, link_and_relate


@dataclass
class RunResult:
    """What a run produced; with an output folder, documents are read back from it when asked for."""

    stored: list[Document] | None
    entities: list[Entity]
    facts: list[Fact]
    manifest: Manifest
    out: Path | None = None
    up_to_date: bool = False  # nothing had changed since the run that wrote `out`: nothing was done

    @property
    def documents(self) -> list[Document]:
        """Every document record of the run, with entity ids and relations."""
        if self.stored is None and self.out is not None:
            self.stored = read_records(self.out / "documents.jsonl", Document)
        return self.stored or []


@dataclass
class _RunCounts:
    """What the run has done so far, reported to the progress callback as it goes."""

    total: int
    report: Progress | None
    seen: int = 0
    extracted: int = 0
    from_cache: int = 0
    done: list[tuple[str, str]] = field(default_factory=list)  # (document id, sha256) of every record the run has
    errors: list[InputFailure] = field(default_factory=list)
    warnings: list[InputFailure] = field(default_factory=list)

    def step(self, path: str, status: str) -> None:
        self.seen += 1
        if self.report:
            self.report(self.seen, self.total, path, status)

    def piece(self, document: InputDocument, number: int, pieces: int) -> None:
        """Progress inside a long document: the next document's line, with its part read so far."""
        if self.report and number < pieces:
            self.report(self.seen + 1, self.total, f"{document.path} (part {number}/{pieces})", "reading")


def run_corpus(paths: Iterable[Path], out: Path | None, settings: Settings, progress: Progress | None = None,
               models=None, workers: int = 1, executor: str = "local", scheduler: str | None = None) -> RunResult:
    """Process every supported document below `paths`; write the four output files into `out` (if given).

    Documents whose bytes and extraction settings are unchanged since a run into the same `out` come from
    its cache; the others are extracted by the executor (this process, `workers` processes, or Dask).
    """
    gazetteer = gazetteer_path(settings)
    load_gazetteer(gazetteer)  # a broken gazetteer fails the run before any document is read
    paths = list(paths)
    if out is not None:
        _output_folder(out)
    walk = walk_corpus(paths, settings, out)
    warnings: list[InputFailure] = []  # corrections that cannot be applied, a damaged cache: said, never fatal
    corrections = load_corrections([Path(p) for p in paths if Path(p).is_dir()], warnings)
    with output_lock(out) if out is not None else nullcontext() as replaced:
        if replaced:
            warnings.append(InputFailure(path=(out / LOCK_NAME).as_posix(), error=replaced))
        if out is not None:
            remove_stale(out)  # what a killed run left
        key = extraction_key(settings, gazetteer)
        inputs = _fingerprint(walk, corrections, key, gazetteer, warnings) if out is not None else None
        done = _up_to_date(out, inputs) if out is not None else None
        if done is not None:
            return done
        run = partial(_run, walk, corrections, out, settings, gazetteer, key, progress, models, workers, executor,
                      scheduler, inputs, warnings)
        try:
            return _again_if_damaged(run, out, warnings)
        except (OSError, sqlite3.OperationalError) as exc:  # (an operational error: a full disk or the like)
            where = getattr(exc, "filename", None) or out
            raise PipelineError(f"{where}: cannot write the outputs ({getattr(exc, 'strerror', None) or exc}); the "
                                "previous outputs are kept") from None


def _again_if_damaged(run: Callable[[], RunResult], out: Path | None, warnings: list[InputFailure]) -> RunResult:
    """The run; if its cache turns out damaged on the way, the cache set aside and the run made again."""
    try:
        return run()
    except sqlite3.DatabaseError as exc:
        if out is None or isinstance(exc, sqlite3.OperationalError):
            raise
        cache = out / CACHE_FILE
        warnings.append(InputFailure(path=cache.as_posix(), error=set_aside(cache, exc)))
        return run()


def _output_folder(out: Path) -> None:
    """Make the output folder, or say in one line why it cannot be one."""
    if out.exists() and not out.is_dir():
        raise PipelineError(f"{out}: is not a folder; give --out a folder (it is made if missing)")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PipelineError(f"{out}: cannot make the output folder ({exc.strerror or exc})") from None


def _fingerprint(walk: Walk, corrections: dict[str, Found], key: str, gazetteer: Path,
                 warnings: list[InputFailure]) -> str:
    """Everything the four outputs depend on: every file's id, path and bytes, the files refused or skipped,
    the extraction key (versions, settings, models), the gazetteer file, the corrections and those that could not
    be applied."""
    digest = hashlib.sha256(f"{key}|{gazetteer}|{sha256_file(gazetteer)}".encode())
    for path, doc_id in sorted(walk.files, key=lambda f: (f[1], f[0].as_posix())):
        digest.update(f"\nfile|{doc_id}|{path.as_posix()}|{sha256_file(path)}".encode())
    for failure in walk.refused:
        digest.update(f"\nrefused|{failure.path}|{failure.error}".encode())
    for name in walk.skipped:
        digest.update(f"\nskipped|{name}".encode())
    for doc_id, found in sorted(corrections.items()):
        digest.update(f"\ncorrection|{doc_id}|{found.path}|{found.correction.digest()}".encode())
    for warning in warnings:
        digest.update(f"\nwarning|{warning.path}|{warning.error}".encode())
    return digest.hexdigest()


def _up_to_date(out: Path, inputs: str | None) -> RunResult | None:
    """The last run's result when nothing it depends on has changed, it failed on nothing, and its outputs are
    as it wrote them (the digests in its manifest); then no model is loaded and nothing is linked or written."""
    try:
        manifest = Manifest.model_validate_json((out / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if manifest.inputs != inputs or sorted(manifest.outputs) != ["documents.jsonl", "entities.jsonl", "facts.jsonl"]:
        return None
    if manifest.errors:
        return None  # what failed is tried again (a cached record found unreadable is extracted again)
    if any(sha256_file(out / name) != digest for name, digest in manifest.outputs.items()):
        return None  # an output edited or damaged since: the run writes it again
    counts = {**manifest.counts, "extracted": 0, "from_cache": manifest.counts.get("documents", 0)}
    return RunResult(None, read_records(out / "entities.jsonl", Entity), read_records(out / "facts.jsonl", Fact),
                     manifest.model_copy(update={"counts": counts, "timings": {}}), out, up_to_date=True)


class _ExtractionKeys(dict):
    """Each document's extraction key: the run's, or for a reviewed document the run's and its correction's."""

    def __init__(self, base: str) -> None:
        super().__init__()
        self.base = base

    def __missing__(self, doc_id: str) -> str:
        return self.base


def _run(walk: Walk, corrections: dict[str, Found], out: Path | None, settings: Settings, gazetteer: Path,
         base_key: str, progress: Progress | None, models, workers: int, executor: str, scheduler: str | None,
         inputs: str | None, warnings: list[InputFailure]) -> RunResult:
    key = _ExtractionKeys(base_key)
    frozen_here = gc.get_freeze_count() == 0  # (a process that froze objects itself is left as it is)
    if models is not None:
        keep_from_collector()  # the caller's models
    cache = Cache(out / CACHE_FILE if out is not None else None)
    tally = _RunCounts(total=len(walk.files), report=progress, warnings=list(warnings))
    if cache.damaged:
        tally.warnings.append(InputFailure(path=cache.path.as_posix(), error=cache.damaged))
    timings: dict[str, float] = {}
    if len(walk.files) < 2 * workers:
        workers = 1  # starting workers costs more than a handful of documents
    pool = WorkerPool(settings, workers, models) if workers > 1 and executor == "local" else None
    try:
        with pool or nullcontext():
            clock = time.perf_counter()
            pending = _pending(walk, corrections, settings, cache, key, tally)
            for document, (record, failure) in run_executor(pending, settings, workers, executor, scheduler,
                                                            models, tally.piece, pool):
                if record is not None:
                    cache.put(record, key[record.id])
                    tally.done.append((record.id, record.sha256))
                    tally.extracted += 1
                else:
                    tally.errors.append(failure)
                tally.step(document.path, "extracted" if record is not None else "failed")
            tally.done.sort()
            timings["extract"] = time.perf_counter() - clock

            clock = time.perf_counter()
            previous = _previous_ids(out, tally) if out is not None else None
            reader = pool.relate if pool else RelationsReadHere
            entities, related = link_and_relate(lambda: _stored(cache, key, tally), gazetteer, previous,
                                                _CachedRelations(cache, key), reader)
            timings["link"] = time.perf_counter() - clock
            return _collect(related, entities, out, settings, walk, tally, timings, inputs)
    finally:
        cache.close()
        if frozen_here:
            gc.unfreeze()


def _previous_ids(out: Path, tally: _RunCounts) -> dict[tuple[str, str], str]:
    """The entity ids of the last run into `out`; none, with a warning, when its entities.jsonl is unreadable."""
    try:
        return previous_ids(out / "entities.jsonl")
    except InputError as exc:
        tally.warnings.append(InputFailure(path=(out / "entities.jsonl").as_posix(), error=(
            f"{exc}; entity ids are made anew")))
        return {}


@dataclass
class _CachedRelations:
    """The cache's relations, as link_and_relate asks for them."""

    cache: Cache
    key: _ExtractionKeys

    def get(self, record: Document) -> list[Relation] | None:
        relations = self.cache.relations(record, self.key[record.id])
        if relations is None:
            self.cache.add_parse(record, self.key[record.id])  # the relations are read again, from the parse
        return relations

    def keep(self, record: Document) -> None:
        self.cache.keep_relations(record, self.key[record.id])


def _pending(walk: Walk, corrections: dict[str, Found], settings: Settings, cache: Cache, key: _ExtractionKeys,
             tally: _RunCounts) -> Iterator[InputDocument]:
    """The documents still to extract, a reviewed one with its correction; unreadable files, cached records
    and corrections made on another text are counted on the way."""
    for item in read_documents(walk, settings):
        if not isinstance(item, InputFailure):
            tally.warnings.extend(InputFailure(path=item.path, error=warning) for warning in item.warnings)
        found = corrections.get(item.id) if not isinstance(item, InputFailure) else None
        if found is not None and found.correction.text_sha256 != sha256_text(item.text):
            tally.warnings.append(InputFailure(path=item.path, error=(
                f"{item.path}: its corrections ({found.path}) were made on another text; not applied (review it "
                "again and import the new export)")))
        elif found is not None:
            item.correction = found.correction
            key[item.id] = hashlib.sha256(f"{key.base}|{found.correction.digest()}".encode()).hexdigest()
        if isinstance(item, InputFailure):
            tally.errors.append(item)
            tally.step(item.path, "failed")
        elif cache.has(item.id, item.sha256, key[item.id]):
            tally.done.append((item.id, item.sha256))
            tally.from_cache += 1
            tally.step(item.path, "cached")
        else:
            yield item


def _stored(cache: Cache, key: _ExtractionKeys, tally: _RunCounts) -> Iterator[Document]:
    """The run's records from the cache, one at a time: memory does not grow with the corpus."""
    for doc_id, sha in tally.done:
        record = cache.get(doc_id, sha, key[doc_id], parse=False)
        if record is not None:
            yield record
        elif not any(e.path == doc_id for e in tally.errors):  # a damaged row: reported once, extracted next run
            cache.drop(doc_id)
            tally.errors.append(InputFailure(path=doc_id, error=f"{doc_id}: its cached result is unreadable; "
                                                                "it will be extracted again by the next run"))


def _config_used(settings: Settings) -> dict:
    """The settings as the run used them: the files behind defaults written out (the gazetteer, the tagger)."""
    config = settings.model_dump(mode="json")
    tagger = en_tagger_path(settings)
    config.update(gazetteer=str(gazetteer_path(settings)), en_tagger=str(tagger) if tagger is not None else "")
    return config


def _collect(related: Iterator[Document], entities: list[Entity], out: Path | None, settings: Settings, walk: Walk,
             tally: _RunCounts, timings: dict[str, float], inputs: str | None) -> RunResult:
    """Facts and counts over the related records; with `out`, all four files are written and renamed together."""
    clock = time.perf_counter()
    collector, labels, written = FactCollector(), Counter(), 0
    kept: list[Document] | None = [] if out is None else None
    staged = StagedLines(out / "documents.jsonl") if out is not None else None
    try:
        for record in related:
            collector.add(record)
            labels.update(m.label for m in record.mentions)
            written += 1
            if staged is not None:
                staged.write(record)
            else:
                kept.append(record)
        facts = collector.facts()
        timings["facts"] = time.perf_counter() - clock
        counts = {"documents": written, "failed": len(tally.errors), "mentions": dict(sorted(labels.items())),
                  "entities": len(entities), "facts": len(facts), "extracted": tally.extracted,
                  "from_cache": tally.from_cache}
        manifest = Manifest(versions=versions(), config=_config_used(settings), counts=counts,
                            timings={k: round(v, 3) for k, v in sorted(timings.items())},
                            errors=sorted(tally.errors, key=lambda e: e.path), skipped=walk.skipped,
                            warnings=sorted(tally.warnings, key=lambda e: e.path), inputs=inputs)
        if staged is not None:
            write_outputs(out, staged, entities, facts, manifest)
    except BaseException:
        if staged is not None:
            staged.discard()
        raise
    return RunResult(kept, entities, facts, manifest, out)
