"""Scale and robustness of run_corpus: executors with identical outputs, the cache, bad input, kill and resume."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.core.resources import DEFAULT_GAZETTEER
from pipeline.core.settings import Settings
from pipeline.corpus.cache import FILE_NAME
from pipeline.corpus.run import run_corpus
from pipeline.io.lock import output_lock

from ..common import CORPUS, DATA

pytestmark = pytest.mark.models
OUTPUTS = ("documents.jsonl", "entities.jsonl", "facts.jsonl")


def _same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture
def serial(sample_run):
    return sample_run[0]


def test_process_pool_gives_byte_identical_outputs(serial, tmp_path):
    result = run_corpus([CORPUS], tmp_path, Settings(), workers=2)
    assert result.manifest.counts["extracted"] == 12
    _same_outputs(serial, tmp_path)


def test_dask_local_cluster_gives_byte_identical_outputs(serial, tmp_path):
    run_corpus([CORPUS], tmp_path, Settings(), workers=2, executor="dask")
    _same_outputs(serial, tmp_path)


def test_unchanged_rerun_loads_no_model_and_writes_the_same_files(serial, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(serial, out)
    script = ("import sys, pipeline; r = pipeline.run_corpus([sys.argv[1]], sys.argv[2]); "
              "print(r.manifest.counts['extracted'], r.manifest.counts['from_cache'], "
              "sorted(m for m in ('spacy', 'natasha', 'slovnet', 'thinc') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script, str(CORPUS), str(out)], capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split(maxsplit=2) == ["0", "12", "[]\n"]
    _same_outputs(serial, out)


def test_rerun_extracts_nothing_and_a_new_document_only_itself(tmp_path, models):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    out = tmp_path / "out"
    first = run_corpus([corpus], out, Settings(), models=models)
    assert first.manifest.counts["extracted"] == 4 and (out / FILE_NAME).exists()
    again = run_corpus([corpus], out, Settings(), models=models)
    assert (again.manifest.counts["extracted"], again.manifest.counts["from_cache"]) == (0, 4)
    (corpus / "en" / "new.txt").write_text("The Left Front met in Kazan on 1 May 2012.\n", encoding="utf-8")
    third = run_corpus([corpus], out, Settings(), models=models)
    assert (third.manifest.counts["extracted"], third.manifest.counts["from_cache"]) == (1, 4)
    (corpus / "en" / "new.txt").write_text("The Left Front met in Samara on 2 May 2012.\n", encoding="utf-8")
    assert run_corpus([corpus], out, Settings(), models=models).manifest.counts["extracted"] == 1


def test_gazetteer_edits_relink_and_reparse_only_when_needed(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    out = tmp_path / "out"
    gazetteer = tmp_path / "gazetteer.tsv"
    gazetteer.write_text(DEFAULT_GAZETTEER.read_text(encoding="utf-8"), encoding="utf-8")
    settings = Settings(gazetteer=str(gazetteer))
    run_corpus([corpus], out, settings)
    renamed = gazetteer.read_text(encoding="utf-8").replace("loc:samara\tLOC\tSamara",
                                                            "loc:samara-city\tLOC\tSamara | ~Kuibyshev")
    gazetteer.write_text(renamed, encoding="utf-8")  # a new id and a link-only name: nothing to parse again
    relinked = run_corpus([corpus], out, settings)
    assert relinked.manifest.counts["extracted"] == 0
    assert [e.id for e in relinked.entities if e.name == "Samara"] == ["loc:samara-city"]
    gazetteer.write_text(renamed + "org:red-dawn\tORG\tRed Dawn\t\n", encoding="utf-8")
    reparsed = run_corpus([corpus], out, settings)
    assert reparsed.manifest.counts["extracted"] == 4
    assert any(m.text == "Red Dawn" and m.entity == "org:red-dawn" for d in reparsed.documents for m in d.mentions)


def _bad_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    (corpus / "docs").mkdir(parents=True)
    (corpus / "docs" / "good.txt").write_text("The Left Front met in Moscow.\n", encoding="utf-8")
    (corpus / "docs" / "loop").symlink_to(corpus / "docs", target_is_directory=True)
    outside = tmp_path / "outside.txt"
    outside.write_text("The Left Front met in Kazan.\n", encoding="utf-8")
    (corpus / "docs" / "outside.txt").symlink_to(outside)
    (corpus / "docs" / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(corpus / "docs" / "pipe.txt")
    (corpus / "docs" / "big.txt").write_bytes(b"word " * 450_000)  # 2.1 MB
    (corpus / "docs" / "page.html").write_text("<html><body><script>alert(1)</script><p>The Left Front met in "
                                               "Perm.</p></body></html>", encoding="utf-8")
    (corpus / "docs" / "notes.docx").write_bytes(b"PK\x03\x04")
    return corpus


def test_bad_inputs_are_reported_one_line_each_and_the_rest_is_written(tmp_path, models):
    corpus = _bad_corpus(tmp_path)
    out = tmp_path / "out"
    result = run_corpus([corpus], out, Settings(max_file_mb=2), models=models)
    errors = {Path(e.path).name: e.error for e in result.manifest.errors}
    assert "symbolic link loop" in errors["loop"]
    assert "outside the corpus" in errors["outside.txt"] and "follow_symlinks" in errors["outside.txt"]
    assert "broken symbolic link" in errors["dangling.txt"]
    assert "not a regular file" in errors["pipe.txt"]
    assert "max_file_mb" in errors["big.txt"]
    assert all("\n" not in e for e in errors.values())
    assert sorted(d.id for d in result.documents) == ["docs/good", "docs/page"]
    assert result.manifest.skipped == [(corpus / "docs" / "notes.docx").as_posix()]
    page = next(d for d in result.documents if d.id == "docs/page")
    assert "alert" not in page.text and [m.text for m in page.mentions] == ["Left Front", "Perm"]
    followed = run_corpus([corpus], None, Settings(max_file_mb=2, follow_symlinks=True), models=models)
    assert "docs/outside" in [d.id for d in followed.documents]


def test_unreadable_file(tmp_path, models, monkeypatch):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "open.txt").write_text("The Left Front met in Moscow.\n", encoding="utf-8")
    secret = corpus / "secret.txt"
    secret.write_text("text", encoding="utf-8")
    secret.chmod(0)
    if os.geteuid() == 0:  # root reads any file: make reading this one fail as it would for a user
        original = os.open

        def refusing(path, *args, **kwargs):
            if Path(path).name == "secret.txt":
                raise PermissionError(13, "Permission denied", str(path))
            return original(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing)
    result = run_corpus([corpus], None, Settings(), models=models)
    assert [d.id for d in result.documents] == ["open"]
    assert result.manifest.errors[0].error == f"{secret}: cannot read: Permission denied"


def test_file_that_disappears_mid_run(tmp_path, models):
    from pipeline.corpus.execute import WINDOW

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = [f"{n:02d}" for n in range(WINDOW + 2)]  # the last file is read after a first window is done
    for name in names:
        (corpus / f"{name}.txt").write_text(f"The Left Front met in Moscow ({name}).\n", encoding="utf-8")

    def vanish(number, total, path, status):
        if number == 1:
            (corpus / f"{names[-1]}.txt").unlink()

    result = run_corpus([corpus], None, Settings(), progress=vanish, models=models)
    assert [d.id for d in result.documents] == names[:-1]
    assert f"{names[-1]}.txt" in result.manifest.errors[0].path and "No such file" in result.manifest.errors[0].error


def test_kill_nine_mid_run_keeps_previous_outputs_and_the_next_run_completes(tmp_path, serial):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "out"
    small = tmp_path / "small"
    shutil.copytree(DATA / "corpus", small)
    subprocess.run([sys.executable, "-m", "pipeline", "run", str(small), "--out", str(out), "--workers", "1"],
                   check=False, capture_output=True, timeout=600)
    previous = {name: (out / name).read_bytes() for name in OUTPUTS}
    # two workers, forked from the run: they must neither outlive it nor keep its folder locked
    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--workers", "2"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True)
    for line in process.stderr:
        if "[4/12]" in line:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    with output_lock(out):  # free at once: no worker holds it
        pass
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == previous
    assert not list(out.glob(".*.tmp"))
    with sqlite3.connect(out / FILE_NAME) as db:
        cached = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    assert 3 <= cached < 16
    done = subprocess.run([sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--workers", "1"],
                          capture_output=True, text=True, timeout=600)  # at once: no lock left behind
    assert done.returncode == 0, done.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["from_cache"] >= 3 and manifest["counts"]["extracted"] <= 9
    # the same files as the uninterrupted run of the same corpus (read from another folder: only `path` differs)
    for name in ("entities.jsonl", "facts.jsonl"):
        assert (serial / name).read_bytes() == (out / name).read_bytes(), name
    ours, theirs = ((json.loads(line) for line in (folder / "documents.jsonl").read_text().splitlines())
                    for folder in (out, serial))
    assert [{**d, "path": None} for d in ours] == [{**d, "path": None} for d in theirs]


def test_a_damaged_cache_row_is_reported_once_and_extracted_again(tmp_path, models):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    out = tmp_path / "out"
    run_corpus([corpus], out, Settings(), models=models)
    with sqlite3.connect(out / FILE_NAME) as db:
        db.execute("UPDATE documents SET record = '{broken' WHERE id = 'en/branches'")
    (out / "facts.jsonl").write_text("", encoding="utf-8")  # (intact outputs would make the run a no-op)
    damaged = run_corpus([corpus], out, Settings(), models=models)
    assert damaged.manifest.counts["documents"] == 3
    assert [e.path for e in damaged.manifest.errors] == ["en/branches"]
    assert "unreadable" in damaged.manifest.errors[0].error
    healed = run_corpus([corpus], out, Settings(), models=models)
    assert healed.manifest.counts["extracted"] == 1 and healed.manifest.counts["documents"] == 4


def test_ctrl_c_during_a_pool_run_says_nothing_is_lost_and_the_next_run_resumes(tmp_path, serial):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "pipeline", "run", str(CORPUS), "--out", str(out), "--workers", "2"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, start_new_session=True)
    lines = []
    for line in process.stderr:
        lines.append(line)
        if "[8/12]" in line:  # the first window of documents is done; the workers are on the next
            break
    os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C sends: the main process and its workers
    rest = process.stderr.read()
    process.wait(timeout=120)
    assert process.returncode == 130
    assert "interrupted: nothing is lost" in rest and "the next run resumes" in rest
    assert "Traceback" not in rest and "SpawnPoolWorker" not in rest and "KeyboardInterrupt" not in rest
    assert not (out / "documents.jsonl").exists()  # no half-written outputs
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert json.loads((out / "manifest.json").read_text())["counts"]["from_cache"] >= 8


def test_an_unchanged_rerun_says_the_outputs_are_up_to_date_and_touches_nothing(serial, tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    out = tmp_path / "out"
    shutil.copytree(serial, out)
    command = [sys.executable, "-m", "pipeline", "run", str(corpus), "--out", str(out), "--workers", "1"]
    assert subprocess.run(command, capture_output=True, text=True, timeout=600).returncode == 0  # its own paths
    written = {name: (out / name).stat().st_mtime_ns for name in (*OUTPUTS, "manifest.json")}
    again = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0 and f"outputs in {out}/ are up to date" in again.stderr
    assert {name: (out / name).stat().st_mtime_ns for name in written} == written  # nothing written again
    (out / "facts.jsonl").write_text("", encoding="utf-8")  # an output damaged since: written again
    repaired = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert "up to date" not in repaired.stderr
    assert (out / "facts.jsonl").read_bytes() == (serial / "facts.jsonl").read_bytes()
    first = sorted((corpus / "en").glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nA closing line.\n", encoding="utf-8")
    changed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert "up to date" not in changed.stderr
    assert json.loads((out / "manifest.json").read_text())["counts"]["extracted"] == 1
