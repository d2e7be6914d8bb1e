"""Where documents are extracted: in this process, in a pool of worker processes, or on a Dask cluster.

Every executor runs the same per-document function (flow.extract_document). Models are built on the first
document that needs them (a run whose documents all come from the cache loads none): once in this process, then
shared by the pool's workers, forked from it where the platform allows (Linux), else once per worker. Documents
are sent in windows, so memory is bounded by the window, not by the corpus. A local pool of workers also reads
the linked records' relations (WorkerPool.relate).
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from ..core.errors import ConfigError, PipelineError
from ..core.records import Document, InputFailure, Relation
from ..core.settings import Settings
from ..extract.pieces import PIECE_CHARS
from ..ingest.read import InputDocument
from .flow import (
    PendingRelations,
    PieceProgress,
    RelationsReadHere,
    extract_document,
    extract_documents,
    relate_records,
)

_SINGLE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
                  "VECLIB_MAXIMUM_THREADS")
_WORKER: dict = {}  # per worker process: the settings it was built for and its models

Result = tuple[Document | None, InputFailure | None]
WINDOW = 4  # documents read together in this process (spaCy batches them)


def load_models(settings: Settings):
    """Both languages' models (spaCy and Natasha are imported here, on first need, not before)."""
    from ..extract.pipelines import build_models

    return build_models(settings)


def keep_from_collector() -> None:
    """Leave everything alive now (the models, once loaded) out of Python's garbage collections from here on
    (gc.freeze): a full collection otherwise walks every object the models hold, several times a run (about
    0.5 s of 25 on 144 documents), and in a forked worker it would write to the pages it shares with this
    process. The run gives them back to the collector when it ends (run.py)."""
    gc.freeze()


def extract(document: InputDocument, settings_json: str) -> Result:
    """One document to its record, in whatever process this runs; models are built on first use."""
    return extract_with(_worker_models(settings_json), document)


def extract_chunk(documents: list[InputDocument], settings_json: str) -> list[Result]:
    """A worker's share of a window, read together (as the main process reads its windows)."""
    return [result for _, result in _window(_worker_models(settings_json), documents, None)]


def _worker_models(settings_json: str):
    if _WORKER.get("settings") != settings_json:
        _single_threaded()
        _WORKER.update(settings=settings_json, models=load_models(Settings.model_validate_json(settings_json)))
    return _WORKER["models"]


def extract_with(models, document: InputDocument, on_piece: PieceProgress | None = None) -> Result:
    """The record, or the failure naming the file and the reason: one bad document never stops the batch."""
    try:
        return extract_document(models, document, on_piece), None
    except PipelineError as exc:
        return None, InputFailure(path=document.path, error=f"{document.path}: {exc}")
    except Exception as exc:
        return None, InputFailure(path=document.path, error=f"{document.path}: {type(exc).__name__}: {exc}")


def _window(models, window: list[InputDocument], on_piece) -> Iterator[tuple[InputDocument, Result]]:
    """A window of documents read together (extract_documents); if any of them fails, each is read again on its
    own, so that the failure is that document's alone. A window with a long document (read in pieces, telling
    its progress) is read document by document."""
    if all(len(d.text) <= PIECE_CHARS for d in window):
        try:
            records = extract_documents(models, window)
        except Exception:
            records = None  # each document again, alone: its own error, named
        if records is not None:
            yield from ((document, (record, None)) for document, record in zip(window, records))
            return
    for document in window:
        told = (lambda n, total, d=document: on_piece(d, n, total)) if on_piece else None
        yield document, extract_with(models, document, told)


def _single_threaded() -> None:
    # slovnet's numpy code would otherwise run a BLAS thread per core in every worker (a forked worker's BLAS is
    # already loaded: only threadpoolctl changes it)
    for name in _SINGLE_THREAD:
        os.environ[name] = "1"
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:
        pass


def run_executor(documents: Iterable[InputDocument], settings: Settings, workers: int, executor: str,
                 scheduler: str | None = None, models=None,
                 on_piece: Callable[[InputDocument, int, int], None] | None = None, pool: WorkerPool | None = None
                 ) -> Iterator[tuple[InputDocument, Result]]:
    """(document, result) for every document, in completion order (callers sort). `on_piece` hears of each
    piece of a long document read in this process (worker processes read theirs unheard). Locally, the
    documents go to `pool` (the run's WorkerPool, kept on for its relations) when there is one, else they are
    read in this process."""
    if executor == "dask":
        yield from _dask(documents, settings, workers, scheduler)
    elif executor != "local":
        raise ConfigError(f"unknown executor {executor!r}; valid: local, dask")
    elif pool is not None:
        yield from pool.extract(documents)
    else:
        iterator = iter(documents)
        while window := list(islice(iterator, WINDOW)):
            if models is None:  # built on the first document that needs them: a cached re-run loads none
                models = load_models(settings)
                keep_from_collector()
            yield from _window(models, window, on_piece)


class WorkerPool:
    """The worker processes of a run, started when the first document needs them: they extract the documents
    (a window dealt out by length, each worker reading its share together), then read the linked records'
    relations (flow.link_and_relate's `relate`), so that neither stage runs on one core."""

    def __init__(self, settings: Settings, workers: int, models=None) -> None:
        self.settings, self.settings_json, self.workers = settings, settings.model_dump_json(), workers
        self.models = models
        self._pool = None

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.terminate()  # every result is in (or the run is ending): nothing is left to wait for
            self._pool.join()
            self._pool = None
            _WORKER.clear()  # this process's models, loaded for the forks, go with the pool

    def extract(self, documents: Iterable[InputDocument]) -> Iterator[tuple[InputDocument, Result]]:
        """(document, result) for every document, window by window; the next window is handed out before the
        results of the one before are waited for, so a worker done with its share goes on at once."""
        iterator = iter(documents)
        ahead = None
        while True:
            window = list(islice(iterator, self.workers * 4))
            started = None
            if window:
                chunks = _shares(window, self.workers)
                started = chunks, self._started().starmap_async(
                    extract_chunk, [(chunk, self.settings_json) for chunk in chunks], chunksize=1)
            if ahead is not None:
                chunks, pending = ahead
                yield from ((d, r) for chunk, rs in zip(chunks, pending.get()) for d, r in zip(chunk, rs))
            if started is None:
                return
            ahead = started

    def relate(self, records: list[Document]) -> PendingRelations:
        """Start reading the records' relations: shared out when the workers are running (a run whose documents
        all came from the cache starts none for this), else read here when asked for."""
        if self._pool is None or len(records) < 2:
            return RelationsReadHere(records)
        chunks = _shares(records, self.workers)
        return _Shared(records, chunks, self._pool.map_async(relate_records, chunks, chunksize=1))

    def _started(self):
        if self._pool is None:
            import multiprocessing

            for name in _SINGLE_THREAD:
                os.environ.setdefault(name, "1")
            if _forks():
                # the models are loaded once, here, and every worker starts with them (their pages shared until
                # written) instead of importing and loading its own
                models = self.models if self.models is not None else load_models(self.settings)
                _WORKER.update(settings=self.settings_json, models=models)
                keep_from_collector()
                context = multiprocessing.get_context("fork")
            else:
                context = multiprocessing.get_context("spawn")
            self._pool = context.Pool(self.workers, initializer=_worker_start, initargs=(os.getpid(),))
        return self._pool


def _forks() -> bool:
    """Whether workers can be forked from this process with its models: on Linux (elsewhere, forking a process
    that holds threads or system frameworks is not safe)."""
    import multiprocessing

    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def _worker_start(parent: int) -> None:
    _die_with(parent)
    _quiet_on_interrupt()
    _single_threaded()


_PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when the thread that started it ends


def _die_with(parent: int) -> None:
    """End this worker when the run that started it ends, however it ends (a `kill -9` included): a worker left
    behind would go on reading documents nobody waits for. On Linux the kernel sends SIGKILL; elsewhere a thread
    checks once a second that the parent is still there."""
    import signal

    try:
        import ctypes

        if not sys.platform.startswith("linux") or ctypes.CDLL(None).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL) != 0:
            raise OSError("no prctl")
    except (OSError, AttributeError):
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1)
            os._exit(1)

        threading.Thread(target=watch, daemon=True).start()
    if os.getppid() != parent:  # the parent ended before the signal was asked for
        os._exit(1)


class _Shared:
    """Relations being read by the workers, chunk by chunk; `get` puts them back in the records' order."""

    def __init__(self, records: list[Document], chunks: list[list[Document]], pending) -> None:
        self.records, self.chunks, self.pending = records, chunks, pending

    def get(self) -> list[list[Relation]]:
        found = {id(record): relations for chunk, rs in zip(self.chunks, self.pending.get())
                 for record, relations in zip(chunk, rs)}
        return [found[id(record)] for record in self.records]


def _shares(window: list, workers: int) -> list[list]:
    """The window (documents or records, each with its text) dealt into one chunk per worker, longest first, each
    to the lightest chunk so far: the workers finish the window at about the same time."""
    chunks: list[list] = [[] for _ in range(min(workers, len(window)))]
    sizes = [0] * len(chunks)
    for document in sorted(window, key=lambda d: -len(d.text)):
        lightest = sizes.index(min(sizes))
        chunks[lightest].append(document)
        sizes[lightest] += len(document.text)
    return chunks


def _quiet_on_interrupt() -> None:
    """A worker leaves Ctrl-C to the main process (which ends the pool and says what happened): without this each
    worker prints its own traceback."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _dask(documents: Iterable[InputDocument], settings: Settings, workers: int, scheduler: str | None):
    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConfigError("--executor dask needs the optional extra: pip install 'pipeline[dask]'") from None
    settings_json = settings.model_dump_json()
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=max(workers, 1), threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        iterator = iter(documents)
        while window := list(islice(iterator, max(workers, 1) * 4)):
            futures = {client.submit(extract, d, settings_json, pure=False): d for d in window}
            for future in as_completed(futures):
                yield futures[future], future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
