"""End to end: a small real corpus through the library and the command line."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.run import run_corpus
from pipeline.schema import Document, Entity, Fact, Manifest, Settings

from .conftest import DATA


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"}, timeout=600)


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory, pipelines):
    out = tmp_path_factory.mktemp("out")
    return out, run_corpus([DATA / "corpus"], out, Settings(), pipelines=pipelines)


def test_four_files_every_line_validates_and_offsets_hold(corpus_run):
    out, _ = corpus_run
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        "documents.jsonl", "entities.jsonl", "facts.jsonl", "manifest.json"]
    docs = [Document.model_validate_json(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    assert [d.id for d in docs] == ["en/branches", "ru/kaluga-cp1251", "ru/novosibirsk", "ru/yaroslavl-koi8"]
    for doc in docs:
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == m.text
    for line in (out / "entities.jsonl").read_text().splitlines():
        Entity.model_validate_json(line)
    for line in (out / "facts.jsonl").read_text().splitlines():
        Fact.model_validate_json(line)
    manifest = Manifest.model_validate_json((out / "manifest.json").read_text())
    assert manifest.counts["documents"] == 4 and manifest.errors == []
    assert manifest.skipped == [(DATA / "corpus/notes.csv").as_posix()]


def test_cyrillic_is_written_unescaped_and_sorted_by_id(corpus_run):
    out, _ = corpus_run
    raw = (out / "documents.jsonl").read_text(encoding="utf-8")
    assert "Калуге" in raw and "\\u041a" not in raw
    ids = [json.loads(line)["id"] for line in (out / "entities.jsonl").read_text().splitlines()]
    assert ids == sorted(ids)


def test_what_the_documents_say(corpus_run):
    _, result = corpus_run
    by_id = {d.id: d for d in result.documents}
    english = {(m.text, m.label) for m in by_id["en/branches"].mentions}
    assert {("Left Socialist Alliance", "ORG"), ("Kazan", "LOC"), ("Samara", "LOC"), ("Ufa", "LOC"),
            ("Maria Volkova", "PER"), ("12 May 2009", "DATE"), ("June 2010", "DATE")} <= english
    assert [m.label for m in by_id["en/branches"].mentions if m.text == "LSA"] == ["ORG", "ORG"]
    dates = {m.text: m.value for m in by_id["en/branches"].mentions if m.label == "DATE"}
    assert dates["12 May 2009"] == "2009-05-12" and dates["June 2010"] == "2010-06"
    kaluga = {(m.text, m.label, m.normal) for m in by_id["ru/kaluga-cp1251"].mentions}
    assert ("Калуге", "LOC", "Калуга") in kaluga and ("Анна Смирнова", "PER", "Анна Смирнова") in kaluga
    koi = {(m.text, m.label, m.value) for m in by_id["ru/yaroslavl-koi8"].mentions}
    assert ("29 мая 2012 года", "DATE", "2012-05-29") in koi and ("Ярославле", "LOC", None) in koi
    assert by_id["ru/novosibirsk"].meta.source == "Сибирский вестник"
    assert all(m.lang == "ru" for m in by_id["ru/novosibirsk"].mentions)


def test_entities_group_mentions_across_documents(corpus_run):
    _, result = corpus_run
    samara = next(e for e in result.entities if e.label == "LOC" and "Samara" in e.names.get("en", []))
    assert samara.mentions == 2 and samara.documents == ["en/branches"]
    yaroslavl = next(e for e in result.entities if "Ярославль" in e.names.get("ru", []))
    assert yaroslavl.mentions == 2


def test_two_runs_are_byte_identical(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    assert _cli("run", str(DATA / "corpus"), "--out", str(first)).returncode == 0
    assert _cli("run", str(DATA / "corpus"), "--out", str(second)).returncode == 0
    for name in ("documents.jsonl", "entities.jsonl", "facts.jsonl"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_bad_input_is_reported_and_the_rest_is_written(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "bad", corpus)
    out = tmp_path / "out"
    result = _cli("run", str(corpus), "--out", str(out))
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 4
    for name, reason in [("empty.txt", "empty file"), ("binary.txt", "binary"), ("latin1.txt", "cannot decode"),
                         ("broken-front-matter.md", "broken front matter")]:
        assert any(name in e and reason in e for e in errors), (name, errors)
    manifest = json.loads((out / "manifest.json").read_text())
    assert len(manifest["errors"]) == 4 and manifest["counts"]["documents"] == 1
    docs = (out / "documents.jsonl").read_text().splitlines()
    assert [json.loads(d)["id"] for d in docs] == ["good"]
    assert not list(out.glob(".*.tmp"))


def test_usage_errors_exit_2(tmp_path):
    assert _cli("run", str(tmp_path / "missing")).returncode == 2
    bad_config = tmp_path / "bad.toml"
    bad_config.write_text("[pipeline]\nmax_file_mb = -1\n")
    result = _cli("run", str(DATA / "corpus"), "--config", str(bad_config), "--out", str(tmp_path / "o"))
    assert result.returncode == 2 and "max_file_mb" in result.stderr
    assert _cli("run", str(DATA / "corpus"), "--executor", "spark").returncode == 2


def test_schema_command_prints_the_records_json_schema():
    result = _cli("schema")
    assert result.returncode == 0
    schema = json.loads(result.stdout)
    assert {"Document", "Mention", "Entity", "Fact", "Manifest"} <= set(schema["$defs"])
    assert schema["$defs"]["Mention"]["properties"]["label"]["enum"] == ["ORG", "LOC", "PER", "DATE"]
