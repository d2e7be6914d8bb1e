"""Where documents are extracted: in this process, in a pool of worker processes, or on a Dask cluster.

Every executor runs the same per-document function and models are built once per worker. Sources are
sent in windows, so memory is bounded by the window, not by the corpus.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice

from .errors import ConfigError
from .ingest import Source
from .schema import Document, InputFailure, Settings

_SINGLE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
                  "VECLIB_MAXIMUM_THREADS")
_WORKER: dict = {}  # per worker process: the settings it was built for and its pipelines

Result = tuple[Document | None, InputFailure | None]


def extract(source: Source, settings_json: str) -> Result:
    """One source to its record, in whatever process this runs; models are built on first use."""
    if _WORKER.get("settings") != settings_json:
        _single_threaded()
        from .nlp import build_pipelines
        from .schema import Settings

        _WORKER.update(settings=settings_json, pipelines=build_pipelines(Settings.model_validate_json(settings_json)))
    return _extract_with(_WORKER["pipelines"], source)


def _extract_with(pipelines, source: Source) -> Result:
    from .errors import PipelineError
    from .run import extract_document

    try:
        return extract_document(pipelines, source), None
    except PipelineError as exc:
        return None, InputFailure(path=source.path, error=f"{source.path}: {exc}")
    except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
        return None, InputFailure(path=source.path, error=f"{source.path}: {type(exc).__name__}: {exc}")


def _single_threaded() -> None:
    # slovnet's numpy code would otherwise start a BLAS thread per core in every worker
    for name in _SINGLE_THREAD:
        os.environ[name] = "1"
    try:
        from threadpoolctl import threadpool_limits

        threadpool_limits(1)
    except ImportError:
        pass


def run_executor(sources: Iterable[Source], settings: Settings, workers: int, executor: str,
                 scheduler: str | None = None, pipelines=None) -> Iterator[tuple[Source, Result]]:
    """(source, result) for every source, in completion order (callers sort)."""
    if executor == "dask":
        yield from _dask(sources, settings, workers, scheduler)
    elif executor != "local":
        raise ConfigError(f"unknown executor {executor!r}; valid: local, dask")
    elif workers <= 1:
        for source in sources:
            if pipelines is None:  # built on the first document that needs them: a cached re-run loads none
                from .nlp import build_pipelines

                pipelines = build_pipelines(settings)
            yield source, _extract_with(pipelines, source)
    else:
        yield from _pool(sources, settings, workers)


def _pool(sources: Iterable[Source], settings: Settings, workers: int):
    import multiprocessing

    settings_json = settings.model_dump_json()
    for name in _SINGLE_THREAD:
        os.environ.setdefault(name, "1")
    iterator = iter(sources)
    window = list(islice(iterator, workers * 4))
    if not window:
        return  # nothing to extract: no workers started
    with multiprocessing.get_context("spawn").Pool(workers) as pool:
        while window:
            results = pool.starmap(extract, [(s, settings_json) for s in window], chunksize=1)
            yield from zip(window, results)
            window = list(islice(iterator, workers * 4))


def _dask(sources: Iterable[Source], settings: Settings, workers: int, scheduler: str | None):
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
        iterator = iter(sources)
        while window := list(islice(iterator, max(workers, 1) * 4)):
            futures = {client.submit(extract, s, settings_json, pure=False): s for s in window}
            for future in as_completed(futures):
                yield futures[future], future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
