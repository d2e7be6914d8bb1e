"""Scale benchmark: the full pipeline against the bare models it runs, throughput, workers, re-runs and memory.

    python benchmarks/bench_scale.py [--docs 144] [--max-workers N] [--rerun-docs 1000] [--no-memory]

Builds a corpus of DOCS documents from the sample corpus (half English, half Russian; each copy gets its
own closing line so that every file is a distinct document), then measures in this one run:
  (a) the bare models, exactly those the pipeline runs on the texts it runs them on, in the same batches (the
      pipeline's windows of documents), loaded beforehand: spaCy's English model (with the project's English
      recognizer in place of its NER, as the pipeline runs it; or a name tagger beside it, on a copy of spaCy's
      tokens, for a tagger of names only) over each window's English documents together;
      Natasha's segmenter and morphology over each Russian document, its NER over each window's Russian
      documents together; the same models over the lines of the other script the pipeline hands them (without
      the parser and the tagger, as the pipeline reads them); Natasha's syntax parser over exactly the Russian
      sentences the pipeline parsed; with the loaded models left out of Python's garbage collections
      (gc.freeze), as in the pipeline's runs;
  (b) the full pipeline with 1 worker (models loaded beforehand, as in (a));
      (a) and (b) are each run twice, alternately, and the shorter run of each is kept;
  (c) throughput: characters per second per language, the pipeline and the bare models;
  (d) a re-run of (b) on the unchanged corpus (and, with --rerun-docs N, on a corpus of N documents);
  (e) scaling: the pipeline with 1, 2, 4, ... workers up to the cores present (start-up and model loading
      included), as a table of times and speed-ups over 1 worker;
  (f) peak memory (VmHWM) of a 1-worker run at 1x and at 4x the corpus, each in a fresh process;
and prints the ratios against the targets.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(target: Path, docs: int) -> None:
    """DOCS documents, alternately English and Russian, copied from the sample corpus with a closing line."""
    sources = corpus_documents(ROOT / "corpus")
    english = [s for s in sources if s.id.startswith("en/")]
    russian = [s for s in sources if s.id.startswith("ru/")]
    for n in range(docs):
        pool, lang = (english, "en") if n % 2 == 0 else (russian, "ru")
        source = pool[(n // 2) % len(pool)]
        closing = f"\n\nCopy {n} of the sample document." if lang == "en" else f"\n\nКопия {n} документа."
        folder = target / lang
        folder.mkdir(parents=True, exist_ok=True)
        front = "".join(f"{k}: {json.dumps(v, ensure_ascii=False)}\n"
                        for k, v in source.meta.model_dump(exclude={"extra"}).items() if v)
        (folder / f"doc-{n:05d}.txt").write_text(f"---\n{front}---\n\n{source.text}{closing}\n", encoding="utf-8")


def corpus_documents(corpus: Path) -> list:
    from pipeline.core.settings import Settings
    from pipeline.ingest.read import InputDocument, read_documents
    from pipeline.ingest.walk import walk_corpus

    return [d for d in read_documents(walk_corpus([corpus], Settings()), Settings()) if isinstance(d, InputDocument)]


@dataclass
class Reading:
    """One document as the pipeline reads it: its main language, its text, the lines of the other script that
    the other language's models read, and (Russian) the sentences it parsed."""

    base: str
    text: str
    lines: list[str]
    parsed: list[list[str]]


@dataclass
class Plan:
    """The texts each bare model reads when the pipeline reads the corpus, in the pipeline's windows (the
    models batch the documents of a window together, and the bare models are given the same batches)."""

    windows: list[list[Reading]] = field(default_factory=list)

    def documents(self, lang: str) -> list[Reading]:
        return [r for window in self.windows for r in window if r.base == lang]

    def characters(self, lang: str) -> int:
        """The characters of the documents of one language."""
        return sum(len(r.text) for r in self.documents(lang))

    def parsed(self) -> int:
        return sum(len(r.parsed) for r in self.documents("ru"))


def plan_for(corpus: Path, out: Path, settings) -> Plan:
    """What the pipeline handed each model in its run of `corpus` into `out` (the parsed sentences are read
    back from that run's cache)."""
    from pipeline.core.resources import gazetteer_path
    from pipeline.corpus.cache import FILE_NAME, Cache, extraction_key
    from pipeline.corpus.execute import WINDOW
    from pipeline.extract.pipelines import foreign_lines, foreign_runs
    from pipeline.ingest.language import base_language, detect_language

    readings = []
    cache = Cache(out / FILE_NAME)
    key = extraction_key(settings, gazetteer_path(settings))
    for source in corpus_documents(corpus):
        text = source.text
        base = base_language(source.meta.lang or detect_language(text), text)
        lines = [text[a:b] for a, b in foreign_lines(text, foreign_runs(text, base, settings))]
        record = cache.get(source.id, source.sha256, key, parse=True)
        if record is None:
            raise SystemExit(f"{source.path}: not in the cache of the pipeline's run; cannot tell what it parsed")
        parsed = [[text[word[0]:word[1]] for word in tree] for tree in record._syntax] if base == "ru" else []
        readings.append(Reading(base, text, lines, parsed))
    cache.close()
    return Plan([readings[i:i + WINDOW] for i in range(0, len(readings), WINDOW)])


class BareModels:
    """spaCy's English model, the tagger the settings name, Natasha's models: loaded once."""

    def __init__(self, settings) -> None:
        import spacy
        from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

        from pipeline.core.resources import en_tagger_path
        from pipeline.extract.trained import reads_dates, recognizer

        self.nlp = spacy.load(settings.en_model)
        tagger = en_tagger_path(settings)
        self.tagger = spacy.load(tagger) if tagger is not None else None
        if tagger is not None and reads_dates(tagger):  # the recognizer takes the place of spaCy's NER
            self.nlp.remove_pipe("ner")
            self.nlp.add_pipe("ner", source=recognizer(tagger))
            self.tagger = None
        embedding = NewsEmbedding()
        self.segmenter, self.ner = Segmenter(), NewsNERTagger(embedding)
        self.morph, self.syntax = NewsMorphTagger(embedding), NewsSyntaxParser(embedding)

    def english(self, plan: Plan) -> float:
        """Seconds for the English documents: spaCy and the tagger over each window's English documents
        together, Natasha over each document's Cyrillic lines. The tagger reads a copy of spaCy's tokens, as in
        the pipeline (not a second run of the tokenizer); making the copies is not timed."""
        from spacy.tokens import Doc

        seconds = 0.0
        for window in plan.windows:
            texts = [r.text for r in window if r.base == "en"]
            start = time.perf_counter()
            docs = list(self.nlp.pipe(texts, batch_size=len(window)))
            seconds += time.perf_counter() - start
            if self.tagger is not None:
                copies = [Doc(self.tagger.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc])
                          for doc in docs]
                start = time.perf_counter()
                for _ in self.tagger.pipe(copies, batch_size=len(window)):
                    pass
                seconds += time.perf_counter() - start
            start = time.perf_counter()
            for reading in window:
                if reading.base == "en":
                    self._natasha(reading.lines, batch=8)
            seconds += time.perf_counter() - start
        return seconds

    def russian(self, plan: Plan) -> float:
        """Seconds for the Russian documents: Natasha over each window's Russian documents together, its parser
        over the sentences the pipeline parsed in each, spaCy over each document's Latin lines."""
        start = time.perf_counter()
        for window in plan.windows:
            readings = [r for r in window if r.base == "ru"]
            self._natasha([r.text for r in readings], batch=len(window))
            for reading in readings:
                if reading.parsed:
                    for _ in self.syntax.map(reading.parsed):
                        pass
                if reading.lines:
                    with self.nlp.select_pipes(disable=["parser"]):
                        for _ in self.nlp.pipe(reading.lines):
                            pass
        return time.perf_counter() - start

    def _natasha(self, texts: list[str], batch: int) -> None:
        """Segmentation and morphology text by text, NER over `batch` texts a call (as the pipeline hands them
        to it)."""
        from natasha import Doc

        for first in range(0, len(texts), batch):
            group = texts[first:first + batch]
            for text in group:
                doc = Doc(text)
                doc.segment(self.segmenter)
                doc.tag_morph(self.morph)
            for _ in self.ner.map(group):
                pass


def pipeline_run(corpus: Path, out: Path, workers: int, models=None) -> float:
    from pipeline import run_corpus

    start = time.perf_counter()
    run_corpus([corpus], out, workers=workers, models=models)
    return time.perf_counter() - start


def peak_memory(corpus: Path, out: Path) -> int:
    """Peak resident memory (VmHWM) in MiB of a fresh process that runs the pipeline with 1 worker.

    VmHWM belongs to the process's own address space; getrusage's ru_maxrss would also count the parent's
    memory at the fork that started it.
    """
    code = ("import sys; from pipeline import run_corpus; "
            "run_corpus([sys.argv[1]], sys.argv[2], workers=1); "
            "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])")
    result = subprocess.run([sys.executable, "-c", code, str(corpus), str(out)], capture_output=True, text=True,
                            check=True)
    return int(result.stdout.split()[-1]) // 1024


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=144)
    parser.add_argument("--max-workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rerun-docs", type=int, default=0, help="also time an unchanged re-run of N documents")
    parser.add_argument("--no-memory", action="store_true", help="skip the two memory runs")
    args = parser.parse_args()
    from pipeline import Settings, load_models
    from pipeline.core.resources import en_tagger_path

    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one = tmp / "corpus-1x"
        build_corpus(one, args.docs)
        tagger = en_tagger_path(settings)
        _say(f"corpus: {args.docs} documents; {os.cpu_count()} cores; English tagger: "
             f"{tagger.name if tagger is not None else 'none'}")
        models, bare = load_models(settings), BareModels(settings)
        b_runs, a_en, a_ru, plan = [], [], [], None
        for round_ in range(2):
            b_runs.append(pipeline_run(one, tmp / f"out-b{round_}", 1, models))
            plan = plan or plan_for(one, tmp / "out-b0", settings)
            gc.freeze()  # as the pipeline's runs do: the loaded models are left out of garbage collections
            a_en.append(bare.english(plan))
            a_ru.append(bare.russian(plan))
            gc.unfreeze()
        a, b = min(a_en) + min(a_ru), min(b_runs)
        _say(f"(a) bare models:               {a:8.1f} s  (English {min(a_en):.1f} s, Russian {min(a_ru):.1f} s; "
             f"{plan.parsed()} Russian sentences parsed)")
        _say(f"(b) full pipeline, 1 worker:   {b:8.1f} s  (runs: {', '.join(f'{t:.1f}' for t in b_runs)})")

        chars = {lang: plan.characters(lang) for lang in ("en", "ru")}
        for lang, bare_time in (("en", min(a_en)), ("ru", min(a_ru))):
            alone = pipeline_run(one / lang, tmp / f"out-{lang}", 1, models)
            _say(f"(c) {lang} documents: pipeline {chars[lang] / alone:9,.0f} chars/s, bare models "
                 f"{chars[lang] / bare_time:9,.0f} chars/s ({chars[lang]:,} characters)")

        d = pipeline_run(one, tmp / "out-b0", 1, models)
        _say(f"(d) re-run, unchanged corpus:  {d:8.2f} s  ({d / b:.3f} of (b))")
        if args.rerun_docs:
            many = tmp / "corpus-rerun"
            build_corpus(many, args.rerun_docs)
            full = pipeline_run(many, tmp / "out-rerun", args.max_workers)
            again = pipeline_run(many, tmp / "out-rerun", args.max_workers)
            _say(f"(d) {args.rerun_docs} documents: full {full:.1f} s, re-run {again:.2f} s ({again / full:.3f})")

        counts, scaling = [], {}
        while not counts or counts[-1] * 2 <= args.max_workers:
            counts.append(counts[-1] * 2 if counts else 1)
        for workers in counts:
            scaling[workers] = pipeline_run(one, tmp / f"out-w{workers}", workers)
        _say("(e) workers   seconds   speed-up over 1 worker")
        for workers, seconds in scaling.items():
            _say(f"    {workers:7d}  {seconds:8.1f}   {scaling[1] / seconds:5.2f}")

        memory = None
        if not args.no_memory:
            four = tmp / "corpus-4x"
            build_corpus(four, args.docs * 4)
            memory = peak_memory(one, tmp / "out-m1"), peak_memory(four, tmp / "out-m4")
            _say(f"(f) peak memory 1x / 4x:       {memory[0]} MiB / {memory[1]} MiB")

        ratios = [f"(b)/(a) = {b / a:.2f} (target <= 1.15)", f"(d)/(b) = {d / b:.3f} (target <= 0.05)"]
        if len(scaling) > 1:
            ratios.append(f"2 workers = {scaling[1] / scaling[2]:.2f}x 1 worker (target >= 1.6 on 300 documents)")
        if memory:
            ratios.append(f"memory 4x/1x = {memory[1] / memory[0]:.2f} (target <= 1.1)")
        _say("ratios: " + "; ".join(ratios))


if __name__ == "__main__":
    main()
