"""Linking real texts: one entity per thing across documents and languages, and no merge of different things."""

from __future__ import annotations

import pytest

from pipeline.core.records import Meta
from pipeline.core.resources import DEFAULT_GAZETTEER
from pipeline.core.settings import Settings
from pipeline.corpus.flow import extract_document
from pipeline.corpus.run import run_corpus
from pipeline.ingest.read import InputDocument
from pipeline.link.linker import link_entities

from ..common import DATA

pytestmark = pytest.mark.models


@pytest.fixture(scope="module")
def empty_gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "empty.tsv"
    path.write_text("id\tlabel\ten\tru\n", encoding="utf-8")
    return path


@pytest.fixture
def link(models):
    """Texts -> (documents, entities), linked with the given gazetteer."""

    def run(texts: dict[str, str], gazetteer):
        docs = [extract_document(models, InputDocument(id=k, path=k, sha256="", text=v, meta=Meta()))
                for k, v in texts.items()]
        return docs, link_entities(docs, gazetteer)

    return run


def _entity_of(docs, text):
    return {m.entity for d in docs for m in d.mentions if m.text == text}


def test_undefined_acronym_and_bracketed_translation_link_within_a_document(link, empty_gazetteer):
    docs, _ = link({"a": "The Workers' Democracy League was founded in Tula. Later the WDL grew. It merged with "
                         "Sotsialisticheskoye Soprotivleniye (Socialist Resistance) in 2011."}, empty_gazetteer)
    assert len(_entity_of(docs, "WDL") | _entity_of(docs, "Workers' Democracy League")) == 1
    assert len(_entity_of(docs, "Socialist Resistance") | _entity_of(docs, "Sotsialisticheskoye Soprotivleniye")) == 1


def test_transliteration_joins_russian_and_english_spellings_across_documents(link, empty_gazetteer):
    docs, entities = link({
        "en": "The group Sotsialisticheskoye Soprotivleniye took part in the congress in Tula.",
        "ru": "В съезде участвовало «Социалистическое сопротивление».",
    }, empty_gazetteer)
    ids = _entity_of(docs, "Sotsialisticheskoye Soprotivleniye") | _entity_of(docs, "Социалистическое сопротивление")
    assert len(ids) == 1
    entity = next(e for e in entities if e.id in ids)
    assert set(entity.names) == {"en", "ru"} and entity.documents == ["en", "ru"]


def test_russian_cases_are_one_entity(link, empty_gazetteer):
    docs, _ = link({"ru": "Активисты Союза левых социалистов провели пикет. В Союзе левых социалистов "
                          "около ста членов, а Союз левых социалистов растёт."}, empty_gazetteer)
    assert len({m.entity for d in docs for m in d.mentions if m.label == "ORG"}) == 1


def test_newspaper_socialist_is_not_socialist_resistance(link):
    texts = {"a": "The RSM publishes the newspaper Socialist.",
             "b": "Sotsialisticheskoye Soprotivleniye (Socialist Resistance) merged into the RSM."}
    docs, _ = link(texts, DEFAULT_GAZETTEER)
    socialist = _entity_of(docs, "Socialist")
    assert socialist and socialist.isdisjoint(_entity_of(docs, "Socialist Resistance"))


def test_generic_bodies_are_not_joined_across_documents(link, empty_gazetteer):
    docs, _ = link({"a": "Заседание провёл Центральный совет РСД.",
                    "b": "Решение принял Центральный совет."}, empty_gazetteer)
    councils = [m.entity for d in docs for m in d.mentions if m.normal == "Центральный совет"]
    assert len(councils) == 2 and len(set(councils)) == 2


def test_a_citation_in_brackets_is_not_an_alias(link, empty_gazetteer):
    docs, _ = link({"a": "V. Kozlov. Anarchy Archived 2013-12-26 at the Wayback Machine "
                         "(Moskovskiye Novosti, 27 July 2011)"}, empty_gazetteer)
    assert _entity_of(docs, "Wayback Machine").isdisjoint(_entity_of(docs, "Moskovskiye Novosti"))


def test_different_labels_never_join(link):
    docs, _ = link({"a": "The Perm branch opened in Perm. Activists of Perm Workers came."}, DEFAULT_GAZETTEER)
    labels_by_entity = {}
    for m in docs[0].mentions:
        if m.entity:
            labels_by_entity.setdefault(m.entity, set()).add(m.label)
    assert all(len(labels) == 1 for labels in labels_by_entity.values())


def test_ids_do_not_change_when_a_document_is_added(tmp_path, models):
    import shutil

    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    out = tmp_path / "out"
    first = run_corpus([corpus], out, Settings(), models=models)
    (corpus / "en" / "later.txt").write_text(
        "The Left Socialist Alliance, known as the Alliance of Left Socialists (ALS) in Samara, met in Kazan.\n",
        encoding="utf-8")
    second = run_corpus([corpus], out, Settings(), models=models)
    before = {m.id: m.entity for d in first.documents for m in d.mentions}
    after = {m.id: m.entity for d in second.documents if d.id != "en/later" for m in d.mentions}
    assert before == after


def test_a_line_added_to_the_gazetteer_is_used_by_the_next_run(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Members of the Tula Workers Circle met in Moscow.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Тульский рабочий кружок провёл собрание.\n", encoding="utf-8")
    gazetteer = tmp_path / "gazetteer.tsv"
    gazetteer.write_text(DEFAULT_GAZETTEER.read_text(encoding="utf-8")
                         + "org:tula-workers-circle\tORG\tTula Workers Circle\tТульский рабочий кружок\n",
                         encoding="utf-8")
    result = run_corpus([corpus], None, Settings(gazetteer=str(gazetteer)))
    circle = next(e for e in result.entities if e.id == "org:tula-workers-circle")
    assert circle.documents == ["a", "b"] and circle.name == "Tula Workers Circle"


def test_an_earlier_id_is_never_reused_through_a_persons_single_word(tmp_path, models):
    corpus = tmp_path / "corpus"
    (corpus / "en").mkdir(parents=True)
    (corpus / "ru").mkdir()
    english = corpus / "en" / "ivanov.txt"
    english.write_text("Igor Ivanov, the party's secretary, spoke in Moscow on Monday. Ivanov said the Left Front "
                       "would take part in the election.\n", encoding="utf-8")
    (corpus / "ru" / "ivanova.txt").write_text(
        "Надежда Иванова возглавила отделение Левого фронта в Самаре. Иванову позвонили из Москвы. У Иванова нет "
        "комментариев.\n", encoding="utf-8")
    out = tmp_path / "out"
    first = run_corpus([corpus], out, Settings(), models=models)
    assert "per:igor-ivanov" in {e.id for e in first.entities}
    english.unlink()
    again = run_corpus([corpus], out, Settings(), models=models)
    people = {e.id: e.name for e in again.entities if e.label == "PER"}
    assert "per:igor-ivanov" not in people  # "Иванов" of the Russian text is not the deleted text's Igor Ivanov
    assert "per:nadezhda-ivanova" in people
    assert {e.id for e in again.entities if e.label == "ORG"} == {e.id for e in first.entities if e.label == "ORG"}
