"""Linking: one entity per thing across documents and languages, and no merge of different things."""

from __future__ import annotations

import pytest

from pipeline.link import link_entities, name_key
from pipeline.names import initials
from pipeline.run import extract_document
from pipeline.ingest import Source
from pipeline.schema import Meta


@pytest.fixture(scope="module")
def empty_gazetteer(tmp_path_factory):
    path = tmp_path_factory.mktemp("gaz") / "empty.tsv"
    path.write_text("id\tlabel\ten\tru\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def link(pipelines):
    """Texts -> (documents, entities), linked with the given gazetteer."""

    def run(texts: dict[str, str], gazetteer):
        docs = [extract_document(pipelines, Source(id=k, path=k, sha256="", text=v, meta=Meta()))
                for k, v in texts.items()]
        return docs, link_entities(docs, gazetteer)

    return run


def _entity_of(docs, text):
    return {m.entity for d in docs for m in d.mentions if m.text == text}


@pytest.mark.parametrize("name, short", [
    ("Russian Socialist Movement", "RSM"), ("Российское социалистическое движение", "РСД"),
    ("Institute of Globalisation and Social Movements", "IGSM"), ("Революционная рабочая партия", "РРП"),
    ("Движение сопротивления имени Петра Алексеева", "ДСПА"),
])
def test_initials(name, short):
    assert initials(name) == short


@pytest.mark.parametrize("a, b", [("St. Petersburg", "Saint Petersburg"), ("Saint-Petersburg", "St Petersburg"),
                                  ("«Вперёд»", "Вперед"), ("the Left Front", "Left Front")])
def test_name_keys_fold_spelling_variants(a, b):
    assert name_key(a) == name_key(b)


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
    from pipeline.gazetteer import DEFAULT_PATH

    docs, _ = link({"a": "The RSM publishes the newspaper Socialist.",
                    "b": "Sotsialisticheskoye Soprotivleniye (Socialist Resistance) merged into the RSM."}, DEFAULT_PATH)
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
    from pipeline.gazetteer import DEFAULT_PATH

    docs, _ = link({"a": "The Perm branch opened in Perm. Activists of Perm Workers came."}, DEFAULT_PATH)
    labels_by_entity = {}
    for m in docs[0].mentions:
        if m.entity:
            labels_by_entity.setdefault(m.entity, set()).add(m.label)
    assert all(len(labels) == 1 for labels in labels_by_entity.values())


def test_ids_do_not_change_when_a_document_is_added(tmp_path):
    import shutil

    from pipeline.run import run_corpus
    from pipeline.schema import Settings

    from .conftest import DATA

    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "corpus", corpus)
    out = tmp_path / "out"
    first = run_corpus([corpus], out, Settings())
    (corpus / "en" / "later.txt").write_text(
        "The Left Socialist Alliance, known as the Alliance of Left Socialists (ALS) in Samara, met in Kazan.\n",
        encoding="utf-8")
    second = run_corpus([corpus], out, Settings())
    before = {m.id: m.entity for d in first.documents for m in d.mentions}
    after = {m.id: m.entity for d in second.documents if d.id != "en/later" for m in d.mentions}
    assert before == after


def test_a_line_added_to_the_gazetteer_is_used_by_the_next_run(tmp_path):
    from pipeline.gazetteer import DEFAULT_PATH
    from pipeline.run import run_corpus
    from pipeline.schema import Settings

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("Members of the Tula Workers Circle met in Moscow.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Тульский рабочий кружок провёл собрание.\n", encoding="utf-8")
    gazetteer = tmp_path / "gazetteer.tsv"
    gazetteer.write_text(DEFAULT_PATH.read_text(encoding="utf-8")
                         + "org:tula-workers-circle\tORG\tTula Workers Circle\tТульский рабочий кружок\n",
                         encoding="utf-8")
    result = run_corpus([corpus], None, Settings(gazetteer=str(gazetteer)))
    circle = next(e for e in result.entities if e.id == "org:tula-workers-circle")
    assert circle.documents == ["a", "b"] and circle.name == "Tula Workers Circle"
