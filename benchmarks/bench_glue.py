"""The whole pipeline against the glue a user would write instead: spaCy's English model and Natasha, names only.

    python benchmarks/bench_glue.py [TEXTS ...] [--runs 2]

TEXTS: folders of text files, or JSONL files of texts (one JSON object a line with "text" and "lang", as the
evaluation files are); default: the sample corpus. For instance English Wikipedia texts and Russian news,
about half each by characters:

    python benchmarks/bench_glue.py ../shared/data/train/redocred_dev.jsonl \
        ../shared/data/eval/nerel_dev.jsonl ../shared/data/eval/factru_dev.jsonl

The texts are written as one corpus folder (en/ and ru/, one .txt file each), and for the English part, the
Russian part and the whole, in this one run, each of these is timed as a whole fresh process, model loading
included, with one worker and one BLAS thread, the shorter of --runs runs kept:
  the glue: spaCy's `en_core_web_sm` (`nlp.pipe`, all its components) over the English files, Natasha's
      segmenter, morphology and NER over the Russian ones (what a user writes for names alone);
  the pipeline: `pipeline run FOLDER --workers 1` into a new output folder (names, normal forms, date values,
      entities across documents and languages, relations, facts and a cache).
It prints both times, characters per second and the ratio pipeline / glue per part. The strict ratio, against
the very models the pipeline runs on the texts it hands them, is bench_scale.py's.
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

from bench_scale import corpus_documents

ROOT = Path(__file__).resolve().parent.parent
ONE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

# The glue: what a user would write for names alone (spaCy over the English files, Natasha over the Russian)
GLUE = """
import sys
from pathlib import Path

files = sorted(Path(sys.argv[1]).rglob("*.txt"))
english = [f.read_text(encoding="utf-8") for f in files if f.parent.name == "en"]
russian = [f.read_text(encoding="utf-8") for f in files if f.parent.name == "ru"]
names = 0
if english:
    import spacy

    nlp = spacy.load(sys.argv[2])
    names += sum(len(doc.ents) for doc in nlp.pipe(english))
if russian:
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsMorphTagger, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    segmenter, morph, ner = Segmenter(), NewsMorphTagger(embedding), NewsNERTagger(embedding)
    for text in russian:
        doc = Doc(text)
        doc.segment(segmenter)
        doc.tag_morph(morph)
        doc.tag_ner(ner)
        names += len(doc.spans)
print(names)
"""


def read_texts(sources: list[Path]) -> list[tuple[str, str]]:
    """(lang, text) of every text of the sources: JSONL files of texts, or folders read as the pipeline reads
    them (front matter and HTML handled, the language detected)."""
    texts = []
    for source in sources:
        if source.is_file() and source.suffix == ".jsonl":
            with source.open(encoding="utf-8") as lines:
                for line in lines:
                    if line.strip():
                        item = json.loads(line)
                        texts.append((item.get("lang") or _detect(item["text"]), item["text"]))
        elif source.exists():
            texts += [(d.meta.lang or _detect(d.text), d.text) for d in corpus_documents(source)]
        else:
            raise SystemExit(f"{source}: no such file or folder")
    return texts


def _detect(text: str) -> str:
    from pipeline.ingest.language import detect_language

    return detect_language(text)


def write_corpus(texts: list[tuple[str, str]], target: Path) -> dict[str, int]:
    """The texts as files of target/en and target/ru (front matter naming the language); characters per part."""
    characters = {"en": 0, "ru": 0}
    for number, (lang, text) in enumerate(texts):
        part = "ru" if lang == "ru" else "en"
        folder = target / part
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"text-{number:05d}.txt").write_text(f"---\nlang: {part}\n---\n\n{text}\n", encoding="utf-8")
        characters[part] += len(text)
    return characters


def timed(command: list[str]) -> float:
    """Seconds of a fresh process, one BLAS thread; a failing process stops the benchmark with its message."""
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **ONE_THREAD})
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command[:3])} ...: exit {result.returncode}\n{result.stderr[-2000:]}")
    return seconds


def glue(folder: Path, model: str) -> float:
    return timed([sys.executable, "-c", GLUE, str(folder), model])


def pipeline(folder: Path, out: Path) -> float:
    return timed([sys.executable, "-m", "pipeline", "run", str(folder), "--out", str(out), "--workers", "1"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("texts", nargs="*", type=Path, default=[ROOT / "corpus"])
    parser.add_argument("--runs", type=int, default=2, help="runs of each; the shorter is kept")
    args = parser.parse_args()
    from pipeline.core.settings import Settings

    model = Settings().en_model
    texts = read_texts(args.texts)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        characters = write_corpus(texts, corpus)
        parts = [(part, corpus / part, characters[part]) for part in ("en", "ru") if characters[part]]
        if len(parts) == 2:
            parts.append(("both", corpus, characters["en"] + characters["ru"]))
        sys.stdout.write(f"{len(texts)} texts: {characters['en']:,} English and {characters['ru']:,} Russian "
                         f"characters; {args.runs} runs each, the shorter kept\n")
        sys.stdout.write(f"{'part':6} {'glue s':>8} {'pipeline s':>11} {'glue chars/s':>13} {'pipeline chars/s':>17} "
                         f"{'ratio':>6}\n")
        for part, folder, count in parts:
            glue_runs, pipeline_runs = [], []
            for number in range(args.runs):  # alternately, so that a slow spell of the machine hits both
                glue_runs.append(glue(folder, model))
                pipeline_runs.append(pipeline(folder, Path(tmp) / f"out-{part}-{number}"))
            g, p = min(glue_runs), min(pipeline_runs)
            sys.stdout.write(f"{part:6} {g:8.1f} {p:11.1f} {count / g:13,.0f} {count / p:17,.0f} {p / g:6.2f}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
