"""Where the full pipeline's time goes beyond the bare models: exclusive seconds per component, both sides.

    python benchmarks/bench_components.py [--docs 144] [--lang en|ru]

Builds the corpus bench_scale.py builds (or only its English or Russian half), runs the full pipeline with 1
worker and the bare models of bench_scale.py on it (each twice, the second run kept), and prints for every
spaCy component (spaCy's models, the English tagger, the Natasha wrappers and the project's own components)
and tokenizer the seconds spent in it alone (the components before it, which feed it, are not counted), for
the pipeline and for the bare models, then what the pipeline spends outside its components: reading the
files, the foreign-script lines' merging, dates, records, the cache, linking, relations and writing. A
component's `pipe` is timed as spaCy calls it, so the batches are those of a real run.
"""

from __future__ import annotations

import argparse
import gc
import shutil
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from bench_scale import BareModels, build_corpus, pipeline_run, plan_for

SECONDS: Counter = Counter()


class _Upstream:
    """The documents a component reads, timed apart (pulling one runs the components before it)."""

    def __init__(self, docs) -> None:
        self.docs, self.pulled = iter(docs), 0.0

    def __iter__(self):
        return self

    def __next__(self):
        start = time.perf_counter()
        try:
            return next(self.docs)
        finally:
            self.pulled += time.perf_counter() - start


class _Timed:
    """A component whose own time goes to SECONDS[key]."""

    def __init__(self, proc, key: str) -> None:
        self.proc, self.key = proc, key

    def __call__(self, doc):
        start = time.perf_counter()
        try:
            return self.proc(doc)
        finally:
            SECONDS[self.key] += time.perf_counter() - start

    def pipe(self, docs, **kwargs):
        upstream = _Upstream(docs)
        inner = self.proc.pipe(upstream, **kwargs) if hasattr(self.proc, "pipe") else map(self.proc, upstream)
        while True:
            upstream.pulled, start = 0.0, time.perf_counter()
            try:
                doc = next(inner)
            except StopIteration:
                return
            SECONDS[self.key] += time.perf_counter() - start - upstream.pulled
            yield doc

    def __getattr__(self, name):
        return getattr(self.proc, name)


class _TimedTokenizer(_Timed):
    def pipe(self, texts, **kwargs):
        return map(self, texts)


def timed(nlp, prefix: str) -> None:
    """Every component and the tokenizer of a spaCy pipeline, timed (spaCy runs the wrappers it is given)."""
    nlp._components = [(name, _Timed(proc, f"{prefix} {name}")) for name, proc in nlp._components]
    nlp.tokenizer = _TimedTokenizer(nlp.tokenizer, f"{prefix} tokenizer")


def timed_method(owner, name: str, key: str) -> None:
    """A model's method timed into SECONDS[key], the items of what it returns included (Natasha's taggers
    return generators that do their work as they are read)."""
    method = getattr(owner, name)

    def run(*args, **kwargs):
        start = time.perf_counter()
        result = method(*args, **kwargs)
        SECONDS[key] += time.perf_counter() - start
        return _timed_items(result, key) if isinstance(result, Iterator) else result

    setattr(owner, name, run)


def _timed_items(items: Iterator, key: str):
    while True:
        start = time.perf_counter()
        try:
            item = next(items)
        except StopIteration:
            return
        finally:
            SECONDS[key] += time.perf_counter() - start
        yield item


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=144)
    parser.add_argument("--lang", choices=("en", "ru"), help="only the corpus's documents in this language")
    args = parser.parse_args()
    from pipeline import Settings, load_models

    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = tmp / "corpus"
        build_corpus(corpus, args.docs)
        if args.lang:
            shutil.rmtree(corpus / ("ru" if args.lang == "en" else "en"))
        models, bare = load_models(settings), BareModels(settings)
        pipeline_run(corpus, tmp / "warm", 1, models)
        plan = plan_for(corpus, tmp / "warm", settings)
        timed(models.en, "en")
        timed(models.ru, "ru")
        timed(bare.nlp, "en")
        if bare.tagger is not None:  # the pipeline's component that runs it
            bare.tagger._components = [(n, _Timed(p, "en trained_names")) for n, p in bare.tagger._components]
        for method in ("tokenize", "sentenize"):  # what the pipeline's Russian tokenizer runs
            timed_method(bare.segmenter, method, "ru tokenizer")
        for name, component in (("morph", "ru_morph"), ("ner", "ru_ner"), ("syntax", "syntax")):
            timed_method(getattr(bare, name), "map", f"ru {component}")
        for round_ in range(2):
            SECONDS.clear()
            whole = pipeline_run(corpus, tmp / f"out-{round_}", 1, models)
            ours = dict(SECONDS)
            SECONDS.clear()
            gc.freeze()
            bare_seconds = bare.english(plan) + bare.russian(plan)
            gc.unfreeze()
            theirs = dict(SECONDS)
        inside = sum(ours.values())
        print(f"documents: {sum(len(w) for w in plan.windows)}; pipeline {whole:.2f} s, bare models "
              f"{bare_seconds:.2f} s (ratio {whole / bare_seconds:.2f})")
        print(f"{'seconds in':32s} {'pipeline':>9s} {'bare':>9s} {'more':>7s}")
        for key in sorted(set(ours) | set(theirs), key=lambda k: (k in theirs, k)):
            mine, model = ours.get(key, 0.0), theirs.get(key, 0.0)
            print(f"{key:32s} {mine:9.2f} {model:9.2f} {mine - model:7.2f}")
        print(f"{'(outside the components)':32s} {whole - inside:9.2f} {bare_seconds - sum(theirs.values()):9.2f}")


if __name__ == "__main__":
    main()
