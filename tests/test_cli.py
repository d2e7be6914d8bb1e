"""The command line: exit codes, one-line errors, the commands that need no model, outputs that do not depend on
the process that wrote them."""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import sys

import pytest

from pipeline.cli import _Progress

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


def _terminal(monkeypatch) -> io.StringIO:
    """stderr replaced by a terminal that keeps what is written to it."""

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    screen = Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    return screen


def test_the_progress_bar_on_a_terminal_shows_counts_rate_and_time_left(monkeypatch):
    screen = _terminal(monkeypatch)
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


def _bad_inputs(tmp) -> None:
    """The files and folders of the bad-input table below, made in `tmp`."""
    (tmp / "file").write_text("x\n", encoding="utf-8")
    (tmp / "empty").mkdir()
    (tmp / "cp1251.toml").write_bytes("# настройки\n[pipeline]\n".encode("cp1251"))
    (tmp / "five.toml").write_text("pipeline = 5\n", encoding="utf-8")
    (tmp / "g.tsv").write_bytes("loc:tula\tLOC\tTula\tТула\n".encode("cp1251"))
    (tmp / "gazetteer.toml").write_text(f"[pipeline]\ngazetteer = {json.dumps(str(tmp / 'g.tsv'))}\n",
                                        encoding="utf-8")


@pytest.mark.parametrize("args, message", [
    (["run", "{data}/corpus", "--config", "{tmp}", "--out", "{tmp}/o"], "is a folder; --config takes a TOML file"),
    (["run", "{data}/corpus", "--config", "{tmp}/cp1251.toml", "--out", "{tmp}/o"], "cp1251.toml: not UTF-8 text"),
    (["run", "{data}/corpus", "--config", "{tmp}/five.toml", "--out", "{tmp}/o"], "pipeline must be a table"),
    (["run", "{data}/corpus", "--config", "{tmp}/gazetteer.toml", "--out", "{tmp}/o"],
     "g.tsv: cannot read the gazetteer: not UTF-8 text"),
    (["add", "{data}/corpus/ru/kaluga-cp1251.txt", "--config", "{tmp}/five.toml"], "pipeline must be a table"),
    (["add", "{data}/corpus/ru/kaluga-cp1251.txt", "--corpus", "{tmp}/file"], "--corpus {tmp}/file: not a folder"),
    (["show", "x", "--dir", "{tmp}/missing"], "missing/documents.jsonl: cannot read (No such file"),
    (["show", "x", "--dir", "{tmp}/file"], "file/documents.jsonl: cannot read (Not a directory"),
    (["show", "x", "--dir", "{tmp}/empty"], "empty/documents.jsonl: cannot read (No such file"),
    (["review", "{tmp}/missing"], "missing/documents.jsonl: cannot read"),
    (["review", "{tmp}/file"], "file/documents.jsonl: cannot read"),
    (["review", "{tmp}/empty"], "empty/documents.jsonl: cannot read"),
    (["export", "{tmp}/missing", "{tmp}/t.json"], "missing/documents.jsonl: cannot read"),
    (["export", "{tmp}/file", "{tmp}/t.json"], "file/documents.jsonl: cannot read"),
    (["export", "{tmp}/empty", "{tmp}/t.json"], "empty/documents.jsonl: cannot read"),
    (["eval", "{tmp}/empty"], "empty: cannot read: Is a directory"),
    (["eval", "{tmp}/missing.jsonl"], "missing.jsonl: cannot read: No such file"),
])
def test_a_bad_file_option_or_folder_is_one_error_line_and_exit_2(tmp_path, args, message):
    _bad_inputs(tmp_path)
    result = cli(*[a.format(tmp=tmp_path, data=DATA) for a in args])
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
    assert message.format(tmp=tmp_path) in result.stderr


def test_an_output_that_cannot_be_written_is_one_error_line_and_exit_2(tmp_path):
    doc = record("The Left Front met in Moscow.", [("Left Front", "ORG"), ("Moscow", "LOC")], doc_id="en/meeting")
    (tmp_path / "documents.jsonl").write_text(doc.model_dump_json() + "\n", encoding="utf-8")
    for name in ("entities.jsonl", "facts.jsonl"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "file").write_text("x\n", encoding="utf-8")
    for args in (["review", str(tmp_path), "--html", str(tmp_path / "file" / "review.html")],
                 ["export", str(tmp_path), str(tmp_path / "file" / "tasks.json")]):
        result = cli(*args)
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1, result.stderr
        assert f"error: {tmp_path / 'file'}" in result.stderr  # "File exists" or "Not a directory"


@pytest.mark.parametrize("error, line", [
    (PermissionError(13, "Permission denied", "/srv/out/documents.jsonl"),
     "error: /srv/out/documents.jsonl: Permission denied"),
    (OSError(28, "No space left on device", "/srv/out/.documents.jsonl.tmp"),
     "error: /srv/out/.documents.jsonl.tmp: No space left on device"),
    (NotADirectoryError(20, "Not a directory", "/srv/notes.txt/documents.jsonl"),
     "error: /srv/notes.txt/documents.jsonl: Not a directory"),
    (FileExistsError(17, "File exists", "/srv/out"), "error: /srv/out: File exists"),
    (OSError(18, "Invalid cross-device link", "/tmp/a", None, "/srv/b"),
     "error: /tmp/a -> /srv/b: Invalid cross-device link"),
    (OSError(28, "No space left on device"), "error: No space left on device"),
    (PermissionError(13, "Permission denied", "/srv/x\nerror: forged"),
     "error: /srv/x\\nerror: forged: Permission denied"),
    (UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte"),
     "error: 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte"),
    (RecursionError("maximum recursion depth exceeded"), "error: maximum recursion depth exceeded"),
])
def test_main_turns_os_decoding_and_nesting_errors_into_one_line_and_exit_2(monkeypatch, capsys, error, line):
    from pipeline import cli as module

    def app() -> None:
        raise error

    monkeypatch.setattr(module, "app", app)
    with pytest.raises(SystemExit) as exit_:
        module.main()
    assert exit_.value.code == 2
    assert capsys.readouterr().err == line + "\n"


def test_main_leaves_a_real_bug_a_traceback(monkeypatch):
    from pipeline import cli as module

    def app() -> None:
        raise ValueError("a bug")

    monkeypatch.setattr(module, "app", app)
    with pytest.raises(ValueError, match="a bug"):
        module.main()


def test_a_file_name_with_a_newline_forges_no_error_line(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "x\nerror: forged.txt").write_bytes(b"")  # empty: fails, so it is named in an error line
    (corpus / "\x1b]0;pwned\x07.txt").write_bytes(b"")
    result = cli("run", str(corpus), "--out", str(tmp_path / "out"))
    assert result.returncode == 1, result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2 and not any(e.startswith("error: forged") for e in errors), result.stderr
    assert any("x\\nerror: forged.txt" in e for e in errors) and any("\\x1b]0;pwned\\x07.txt" in e for e in errors)
    progress = [line for line in result.stderr.splitlines() if line.startswith("extract [")]
    assert any("x\\nerror: forged.txt" in line for line in progress), result.stderr


def test_show_prints_control_characters_of_a_document_escaped(tmp_path):
    text = "Title\x1b]0;pwned\x07\nThe Left Front met in Moscow.\x1b[2J"
    doc = record(text, [("Left Front", "ORG"), ("Moscow", "LOC")], doc_id="en/meeting")
    (tmp_path / "documents.jsonl").write_text(doc.model_dump_json() + "\n", encoding="utf-8")
    shown = cli("show", "en/meeting", "--dir", str(tmp_path))
    assert shown.returncode == 0, shown.stderr
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout
    assert "Title\\x1b]0;pwned\\x07\nThe [ORG Left Front] met in [LOC Moscow].\\x1b[2J" in shown.stdout
    missing = cli("show", "meet\u202e", "--dir", str(tmp_path))
    assert missing.returncode == 2 and "\u202e" not in missing.stderr and missing.stderr.count("\n") == 1


def test_add_prints_the_names_it_is_given_escaped(tmp_path):
    source = tmp_path / "a\x1b[2J\nerror: forged.txt"
    source.write_bytes(b"")  # empty: refused, with its name in the line
    result = cli("add", str(source), "--corpus", str(tmp_path / "corpus"))
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "a\\x1b[2J\\nerror: forged.txt" in result.stderr, result.stderr


def test_the_progress_bar_takes_file_names_as_text(monkeypatch):
    screen = _terminal(monkeypatch)
    progress = _Progress("extract")
    progress(1, 2, "corpus/a.txt", "extracted")
    progress(2, 2, "corpus/x[bold]b\x1b]0;pwned\x07.txt", "extracted")  # as markup, "[bold]" would vanish
    progress.close()
    shown = screen.getvalue()
    assert "x[bold]b\\x1b]0;pwned\\x07.txt" in shown and "pwned\x07" not in shown
