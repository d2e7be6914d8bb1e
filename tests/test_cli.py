"""The command line: exit codes, one-line errors, the commands that need no model, outputs that do not depend on
the process that wrote them."""

from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from .common import DATA, cli, record

BAD = {"empty.txt": "empty file", "binary.txt": "binary", "latin1.txt": "cannot decode",
       "broken-front-matter.md": "broken front matter"}


def test_bad_files_are_one_error_line_each_and_exit_1(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in BAD:
        shutil.copy(DATA / "bad" / name, corpus / name)
    out = tmp_path / "out"
    result = cli("run", str(corpus), "--out", str(out))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(BAD)
    for name, reason in BAD.items():
        assert any(name in e and reason in e for e in errors), (name, errors)
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["errors"]) == len(BAD) and manifest["counts"]["documents"] == 0
    assert (out / "documents.jsonl").read_text() == ""
    assert not list(out.glob(".*.tmp"))


@pytest.mark.parametrize("args, message", [
    (["run", "{tmp}/missing"], "no such file or folder"),
    (["run", "{data}/corpus", "--executor", "spark"], "valid values are local, dask"),
    (["run", "{data}/corpus", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler goes with --executor dask"),
    (["run", "{data}/corpus", "--config", "{tmp}/bad.toml", "--out", "{tmp}/o"], "max_file_mb"),
    (["run", "{data}/corpus", "--config", "{tmp}/nowhere.toml"], "config file not found"),
    (["eval", "{tmp}/gold.jsonl", "--labels", "ORG,XYZ"], "valid labels are ORG, LOC, PER, DATE"),
    (["export", "{tmp}", "{tmp}/t.json", "--format", "brat"], "the only format is label-studio"),
])
def test_usage_errors_exit_2_with_one_line_saying_why(tmp_path, args, message):
    (tmp_path / "bad.toml").write_text("[pipeline]\nmax_file_mb = -1\n")
    (tmp_path / "gold.jsonl").write_text(json.dumps({"id": "g", "text": "x"}) + "\n")
    result = cli(*[a.format(tmp=tmp_path, data=DATA) for a in args])
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_schema_command_prints_the_records_json_schema():
    result = cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert {"Document", "Mention", "Entity", "Fact", "Manifest"} <= set(schema["$defs"])
    assert schema["$defs"]["Mention"]["properties"]["label"]["enum"] == ["ORG", "LOC", "PER", "DATE"]


def test_show_prints_a_document_with_its_mentions(tmp_path):
    doc = record("The Left Front met in Moscow.", [("Left Front", "ORG"), ("Moscow", "LOC")], doc_id="en/meeting")
    (tmp_path / "documents.jsonl").write_text(doc.model_dump_json() + "\n", encoding="utf-8")
    shown = cli("show", "en/meeting", "--dir", str(tmp_path))
    assert shown.returncode == 0
    assert "The [ORG Left Front] met in [LOC Moscow]." in shown.stdout  # no colours when not on a terminal
    missing = cli("show", "meet", "--dir", str(tmp_path))
    assert missing.returncode == 2 and "did you mean en/meeting?" in missing.stderr


def test_add_converts_names_and_refuses_a_duplicate(tmp_path):
    corpus = tmp_path / "corpus"
    source = DATA / "corpus" / "ru" / "kaluga-cp1251.txt"
    first = cli("add", str(source), "--corpus", str(corpus))
    assert first.returncode == 0, first.stderr
    added = corpus / "ru" / "kaluzhsky-listok-2012-05-14.txt"
    assert f"added {added}" in first.stdout and "pipeline run" in first.stdout
    text = added.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Новое отделение в Калуге\n") and "В понедельник в Калуге" in text
    assert f"original_sha256: {hashlib.sha256(source.read_bytes()).hexdigest()}" in text
    again = cli("add", str(source), "--corpus", str(corpus))
    assert again.returncode == 1 and "already in the corpus" in again.stderr


@pytest.mark.models
def test_outputs_do_not_depend_on_the_hash_seed_of_the_process(tmp_path):
    """Two processes with different string hashing write the same bytes: no output order rests on a set."""
    first, second = tmp_path / "a", tmp_path / "b"
    assert cli("run", str(DATA / "corpus"), "--out", str(first), env={"PYTHONHASHSEED": "1"}).returncode == 0
    assert cli("run", str(DATA / "corpus"), "--out", str(second), env={"PYTHONHASHSEED": "2"}).returncode == 0
    for name in ("documents.jsonl", "entities.jsonl", "facts.jsonl"):
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@pytest.mark.models
def test_plain_progress_lists_documents_extracted_or_failed_with_the_figures(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The Left Front met in Moscow.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli("run", str(corpus), "--out", str(out)).returncode == 0
    (corpus / "b.txt").write_text("Yabloko met in Kazan on 3 May 2012.\n", encoding="utf-8")
    (corpus / "c.txt").write_bytes(b"")  # empty: fails
    done = cli("run", str(corpus), "--out", str(out))
    lines = [line for line in done.stderr.splitlines() if line.startswith("extract [")]
    assert not any("a.txt" in line for line in lines)  # from the cache: counted, not listed
    (extracted,) = [line for line in lines if "b.txt" in line]
    assert "1 from cache" in extracted and "docs/s" in extracted and "left" in extracted
    assert any("c.txt" in line and "1 failed" in line for line in lines)
    assert "(1 extracted, 1 from cache, 1 failed)" in done.stderr


def test_the_progress_bar_on_a_terminal_shows_counts_rate_and_time_left(monkeypatch):
    import io
    import sys

    from pipeline.cli import _Progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    progress = _Progress("extract")
    progress(1, 3, "corpus/a.txt", "cached")
    progress(2, 3, "corpus/big.txt (part 1/4)", "reading")
    progress(2, 3, "corpus/big.txt", "extracted")
    progress(3, 3, "corpus/c.txt", "failed")
    progress.close()
    shown = screen.getvalue()
    assert "3/3" in shown and "1 from cache" in shown and "1 failed" in shown
    assert "docs/s" in shown and "left" in shown
    assert "extract [" not in shown  # a bar, not plain lines


@pytest.mark.parametrize("command", ["run", "eval", "review", "export", "import", "show", "add", "schema"])
def test_help_text_shows_no_type_tags(command):
    import re

    done = cli(command, "--help")
    (usage,) = [line for line in done.stdout.splitlines() if "Usage:" in line]
    assert done.returncode == 0 and f"pipeline {command}" in usage
    assert not re.search(r"<(?:bool|str|int|path|list\[\w+\])[^>]*>", done.stdout), done.stdout  # "<list[Path]>"
    assert not re.search(r"\{\w+\}", usage), usage  # "{paths}..."
