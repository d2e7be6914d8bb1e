"""A document over spaCy's million-character limit: read in pieces, offsets into the whole text, bounded memory,
progress inside the document. One real run of the command line over a 1.2-million-character English file and a
1.2-million-character Russian one, made from the sample corpus with a closing sentence each."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from pipeline.core.settings import Settings
from pipeline.ingest.read import read_source

from ..common import CORPUS

pytestmark = pytest.mark.models
LENGTH = 1_200_000
CLOSING = {
    "en": ("In May 2019 Sergei Udaltsov spoke in Kazan for the Left Front.",
           [("May 2019", "DATE"), ("Sergei Udaltsov", "PER"), ("Kazan", "LOC"), ("Left Front", "ORG")]),
    "ru": ("В мае 2019 года Сергей Удальцов выступил в Казани от имени Левого фронта.",
           [("мае 2019 года", "DATE"), ("Сергей Удальцов", "PER"), ("Казани", "LOC"), ("Левого фронта", "ORG")]),
}
# the run is measured from a fresh process that starts it: its only child is the pipeline
_MEASURED = ("import resource, subprocess, sys; done = subprocess.run(sys.argv[1:]); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss); sys.exit(done.returncode)")


def _long_text(lang: str) -> str:
    texts = [read_source(p, p.stem, Settings()).text.strip() for p in sorted((CORPUS / lang).glob("*.txt"))]
    parts, size = [], 0
    while size < LENGTH:
        parts.append(texts[len(parts) % len(texts)] + "\n\n")
        size += len(parts[-1])
    return "".join(parts) + CLOSING[lang][0] + "\n"


@pytest.fixture(scope="module")
def long_run(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("long") / "corpus"
    corpus.mkdir()
    for lang in CLOSING:
        (corpus / f"long-{lang}.txt").write_text(_long_text(lang), encoding="utf-8")
    out = corpus.parent / "out"
    done = subprocess.run([sys.executable, "-c", _MEASURED, sys.executable, "-m", "pipeline", "run", str(corpus),
                           "--out", str(out)], capture_output=True, text=True, timeout=1500)
    records = {json.loads(line)["id"]: json.loads(line) for line in (out / "documents.jsonl").open()} \
        if done.returncode == 0 else {}
    return done, records


def test_both_files_are_processed(long_run):
    done, records = long_run
    assert done.returncode == 0, done.stderr[-2000:]
    assert sorted(records) == ["long-en", "long-ru"]
    assert all(len(r["text"]) > LENGTH for r in records.values())


@pytest.mark.parametrize("lang", sorted(CLOSING))
def test_names_near_the_end_have_exact_offsets(long_run, lang):
    record = long_run[1][f"long-{lang}"]
    text = record["text"]
    assert all(text[m["start"]:m["end"]] == m["text"] for m in record["mentions"])
    closing = text.rindex(CLOSING[lang][0])
    found = [(m["text"], m["label"]) for m in record["mentions"] if m["start"] >= closing]
    assert found == CLOSING[lang][1]
    assert closing > LENGTH - 100


def test_peak_memory_stays_under_one_and_a_half_gigabytes(long_run):
    done, _ = long_run
    peak_kib = int(done.stdout.split()[-1])
    assert peak_kib < 1.5 * 2**20, f"peak {peak_kib / 2**20:.2f} GiB"


def test_progress_is_told_inside_a_long_document(long_run):
    stderr = long_run[0].stderr
    assert "long-en.txt (part 1/" in stderr and "long-ru.txt (part 1/" in stderr
