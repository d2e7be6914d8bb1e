"""What normalisation (Russian nominatives, date values) adds to the pipeline's time on the sample corpus.

    python benchmarks/bench_normalise.py [--repeat 5] [CORPUS]

Both variants run in this process on the same documents, alternating, and the best of the repeats is kept,
so the ratio is measured against a baseline from the same run on the same machine load.
"""

from __future__ import annotations

import argparse
import time
from contextlib import ExitStack
from pathlib import Path
from unittest import mock

from pipeline import load_models
from pipeline.core.settings import Settings
from pipeline.extract import pipelines as pipelines_module
from pipeline.ingest.language import detect_language
from pipeline.ingest.read import InputDocument, read_documents
from pipeline.ingest.walk import walk_corpus

ROOT = Path(__file__).resolve().parent.parent


def _run(models, sources, normalise: bool) -> float:
    with ExitStack() as stack:
        if not normalise:
            for lang in ("en", "ru"):
                stack.enter_context(models[lang].select_pipes(disable=["normalise"]))
            stack.enter_context(mock.patch.object(pipelines_module, "resolve_dates", lambda doc, published: doc))
        start = time.perf_counter()
        for source in sources:
            models.process(source.text, source.meta.lang or detect_language(source.text), source.meta.published)
        return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT / "corpus")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    settings = Settings()
    models = load_models(settings)
    sources = [s for s in read_documents(walk_corpus([args.corpus], settings), settings)
               if isinstance(s, InputDocument)]
    _run(models, sources, True)  # warm-up: first calls load lazy tables
    with_norm, without = [], []
    for _ in range(args.repeat):
        without.append(_run(models, sources, False))
        with_norm.append(_run(models, sources, True))
    base, full = min(without), min(with_norm)
    print(f"documents: {len(sources)}, characters: {sum(len(s.text) for s in sources)}")
    print(f"pipeline without normalisation: {base:.3f} s (best of {args.repeat})")
    print(f"pipeline with normalisation:    {full:.3f} s (best of {args.repeat})")
    print(f"ratio with/without: {full / base:.3f}  (target <= 1.25)")


if __name__ == "__main__":
    main()
