"""run_corpus end to end on a small real corpus (four documents, three encodings, HTML): what the files hold."""

from __future__ import annotations

import json

import pytest

from pipeline.core.records import Document, Entity, Fact, Manifest
from pipeline.core.settings import Settings
from pipeline.corpus.run import run_corpus

from ..common import DATA

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory, _built_models):
    out = tmp_path_factory.mktemp("out")
    return out, run_corpus([DATA / "corpus"], out, Settings(), models=_built_models)


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


def test_overlapping_inputs_and_an_output_folder_inside_the_corpus(tmp_path, models):
    corpus = tmp_path / "corpus"
    (corpus / "ru").mkdir(parents=True)
    (corpus / "en.txt").write_text("The Left Front met in Moscow on 7 March 2011.\n", encoding="utf-8")
    (corpus / "ru" / "doc.txt").write_text("Левый фронт собрался в Москве.\n", encoding="utf-8")
    out = corpus / "out"
    first = run_corpus([corpus, corpus / "ru"], out, Settings(), models=models)
    assert first.manifest.errors == [] and first.manifest.counts["documents"] == 2
    assert [d.id for d in first.documents] == ["en", "ru/doc"]
    assert sum(m.normal == "Левый фронт" for d in first.documents for m in d.mentions) == 1  # not counted twice
    (out / "review.html").write_text("<html><body>Left Front review</body></html>", encoding="utf-8")
    again = run_corpus([corpus], out, Settings(), models=models)  # its own outputs are now below the corpus
    assert again.manifest.errors == [] and again.manifest.skipped == []
    assert [d.id for d in again.documents] == ["en", "ru/doc"]


def test_a_second_run_into_a_folder_in_use_stops_with_a_clear_message(tmp_path, models):
    from pipeline.io.lock import BusyError, output_lock

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "en.txt").write_text("The Left Front met in Moscow.\n", encoding="utf-8")
    out = tmp_path / "out"
    run_corpus([corpus], out, Settings(), models=models)
    before = (out / "documents.jsonl").read_bytes()
    (corpus / "more.txt").write_text("Yabloko met in Kazan.\n", encoding="utf-8")
    with output_lock(out):  # another run holds the folder (a lock of its own open file, as another process's)
        with pytest.raises(BusyError, match=rf"{out}: another pipeline run \(process \d+\) is writing into this"):
            run_corpus([corpus], out, Settings(), models=models)
        assert (out / "documents.jsonl").read_bytes() == before  # nothing of the refused run written
    after = run_corpus([corpus], out, Settings(), models=models)  # the lock goes with the run that held it
    assert after.manifest.counts["documents"] == 2


def test_the_manifest_names_the_gazetteer_and_tagger_files_used(corpus_run):
    from pipeline.core.resources import DEFAULT_EN_TAGGER, DEFAULT_GAZETTEER

    out, _ = corpus_run
    config = json.loads((out / "manifest.json").read_text())["config"]
    assert config["gazetteer"] == str(DEFAULT_GAZETTEER) and config["en_tagger"] == str(DEFAULT_EN_TAGGER)
    assert Settings().gazetteer is None  # the setting is the default ...
    assert (DEFAULT_GAZETTEER.is_file() and (DEFAULT_EN_TAGGER / "meta.json").is_file())  # ... the files are these
