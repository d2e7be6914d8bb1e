"""Linking works on records alone (no model): what joins within a document, across documents and languages,
what never joins, and which ids entities get."""

from __future__ import annotations

import pytest

from pipeline.core.errors import InputError
from pipeline.core.resources import DEFAULT_GAZETTEER
from pipeline.link.aliases import alias_pairs, within_document_links
from pipeline.link.linker import link_entities, previous_ids

from ..common import record


@pytest.fixture
def empty_gazetteer(tmp_path):
    path = tmp_path / "empty.tsv"
    path.write_text("id\tlabel\ten\tru\n", encoding="utf-8")
    return path


def _ids(docs, text):
    return {m.entity for d in docs for m in d.mentions if m.text == text}


def test_an_acronym_and_its_expansion_are_one_entity(empty_gazetteer):
    doc = record("The Workers' Democracy League met in Tula. Later the WDL grew.",
                 [("Workers' Democracy League", "ORG"), ("Tula", "LOC"), ("WDL", "ORG")])
    entities = link_entities([doc], empty_gazetteer)
    assert len(_ids([doc], "WDL") | _ids([doc], "Workers' Democracy League")) == 1
    assert {e.id for e in entities} == {"org:workers-democracy-league", "loc:tula"}


def test_russian_case_forms_of_one_name_are_one_entity(empty_gazetteer):
    text = "Активисты Союза левых социалистов провели пикет. В Союзе левых социалистов сто членов."
    normal = {"normal": "Союз левых социалистов", "translit": "Soyuz levykh sotsialistov"}
    doc = record(text, [("Союза левых социалистов", "ORG"), ("Союзе левых социалистов", "ORG")], lang="ru",
                 **{"Союза левых социалистов": normal, "Союзе левых социалистов": normal})
    (entity,) = link_entities([doc], empty_gazetteer)
    assert entity.id == "org:soyuz-levykh-sotsialistov" and entity.mentions == 2
    assert entity.names == {"ru": ["Союз левых социалистов"]}


def test_a_russian_name_meets_its_english_transliteration_across_documents(empty_gazetteer):
    en = record("Sotsialisticheskoye Soprotivleniye took part.", [("Sotsialisticheskoye Soprotivleniye", "ORG")],
                doc_id="en")
    ru = record("Участвовало «Социалистическое сопротивление».", [("Социалистическое сопротивление", "ORG")],
                doc_id="ru", lang="ru",
                **{"Социалистическое сопротивление": {"translit": "Sotsialisticheskoye soprotivleniye"}})
    (entity,) = link_entities([en, ru], empty_gazetteer)
    assert entity.documents == ["en", "ru"] and set(entity.names) == {"en", "ru"}
    assert entity.name == "Sotsialisticheskoye Soprotivleniye"  # the English name is the display name


def test_a_bracketed_translation_joins_but_a_dated_citation_bracket_does_not(empty_gazetteer):
    doc = record("It merged with Sotsialisticheskoye Soprotivleniye (Socialist Resistance) in 2011. "
                 "Anarchy, Wayback Machine (Moskovskiye Novosti, 27 July 2011).",
                 [("Sotsialisticheskoye Soprotivleniye", "ORG"), ("Socialist Resistance", "ORG"), ("2011", "DATE"),
                  ("Wayback Machine", "ORG"), ("Moskovskiye Novosti", "ORG"), ("27 July 2011", "DATE")])
    link_entities([doc], empty_gazetteer)
    assert _ids([doc], "Sotsialisticheskoye Soprotivleniye") == _ids([doc], "Socialist Resistance")
    assert _ids([doc], "Wayback Machine").isdisjoint(_ids([doc], "Moskovskiye Novosti"))
    assert [(a.text, b.text, how) for a, b, how in alias_pairs(doc.text, doc.mentions)] == [
        ("Socialist Resistance", "Sotsialisticheskoye Soprotivleniye", "bracket")]


@pytest.mark.parametrize("text, names, stated", [
    # the acronym right by its expansion, though used earlier
    ("Глава МВД подал в отставку. Суд оправдал сотрудников МВД. Министерство внутренних дел ответило.",
     [("МВД", "ORG"), ("МВД", "ORG"), ("Министерство внутренних дел", "ORG")], (1, 2)),
    # far apart: the first use after the expansion, with the nearest expansion before it
    ("The Workers' Democracy League was founded in Tula, where the league ran a school for workers and their "
     "children for many years. The WDL grew. " + "The league met often. " * 5 + "In 1990 the WDL split.",
     [("Workers' Democracy League", "ORG"), ("WDL", "ORG"), ("WDL", "ORG")], (1, 0)),
])
def test_an_acronym_is_stated_once_where_a_reader_finds_it(text, names, stated):
    doc = record(text, names)
    pairs = [(a.id, b.id) for a, b, how in alias_pairs(doc.text, doc.mentions) if how == "acronym"]
    assert pairs == [(doc.mentions[stated[0]].id, doc.mentions[stated[1]].id)]


def test_a_surname_joins_the_one_full_name_it_ends_but_not_one_of_two(empty_gazetteer):
    one = record("Arham Kothari spoke. Kothari left.", [("Arham Kothari", "PER"), ("Kothari", "PER")], doc_id="a")
    two = record("Ivan Petrov and Anna Petrov spoke. Petrov left.",
                 [("Ivan Petrov", "PER"), ("Anna Petrov", "PER"), ("Petrov", "PER")], doc_id="b")
    link_entities([one, two], empty_gazetteer)
    assert len(_ids([one], "Kothari") | _ids([one], "Arham Kothari")) == 1
    assert len(_ids([two], "Petrov") | _ids([two], "Ivan Petrov") | _ids([two], "Anna Petrov")) == 3


def test_generic_bodies_and_one_word_persons_never_join_across_documents(empty_gazetteer):
    a = record("The Central Council met. Smith spoke.", [("Central Council", "ORG"), ("Smith", "PER")], doc_id="a")
    b = record("The Central Council decided. Smith agreed.", [("Central Council", "ORG"), ("Smith", "PER")],
               doc_id="b")
    link_entities([a, b], empty_gazetteer)
    assert len(_ids([a, b], "Central Council")) == 2 and len(_ids([a, b], "Smith")) == 2


def test_the_same_distinctive_name_joins_across_documents_but_never_across_labels(empty_gazetteer):
    a = record("The Perm Workers Circle met in Perm.", [("Perm Workers Circle", "ORG"), ("Perm", "LOC")], doc_id="a")
    b = record("Perm Workers Circle grew.", [("Perm Workers Circle", "ORG")], doc_id="b")
    c = record("Perm Workers Circle is also a song.", [("Perm Workers Circle", "PER")], doc_id="c")
    entities = link_entities([a, b, c], empty_gazetteer)
    circle = {e.id: e for e in entities if e.name == "Perm Workers Circle"}
    assert sorted((e.label, e.documents) for e in circle.values()) == [("ORG", ["a", "b"]), ("PER", ["c"])]


def test_gazetteer_ids_name_known_things_and_two_gazetteer_ids_never_merge():
    doc = record("Vpered (Russian Socialist Movement) met in Moscow.",
                 [("Vpered", "ORG"), ("Russian Socialist Movement", "ORG"), ("Moscow", "LOC")])
    entities = {e.id: e for e in link_entities([doc], DEFAULT_GAZETTEER)}
    # a bracket after a name would make it the name's translation, but the gazetteer knows two different things
    assert set(entities) == {"org:socialist-league-vpered", "org:russian-socialist-movement", "loc:moscow"}
    assert entities["loc:moscow"].name == "Moscow" and entities["org:socialist-league-vpered"].names == {
        "en": ["Vpered"]}


def test_ids_of_an_earlier_run_are_kept_for_the_same_names(tmp_path, empty_gazetteer):
    first = record("The Tula Workers Circle met.", [("Tula Workers Circle", "ORG")])
    (entity,) = link_entities([first], empty_gazetteer)
    renamed = entity.model_copy(update={"id": "org:tula-circle"})
    (tmp_path / "entities.jsonl").write_text(renamed.model_dump_json() + "\n", encoding="utf-8")
    again = record("Members of the Tula Workers Circle came.", [("Tula Workers Circle", "ORG")])
    (kept,) = link_entities([again], empty_gazetteer, previous_ids(tmp_path / "entities.jsonl"))
    assert kept.id == "org:tula-circle"
    (tmp_path / "entities.jsonl").write_text("{broken\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"entities\.jsonl:1: not an entity record"):
        previous_ids(tmp_path / "entities.jsonl")  # the run warns of it, and ids are new
    (tmp_path / "entities.jsonl").write_bytes(b"\xff\xfe random bytes \x00\x81")
    with pytest.raises(InputError, match=r"entities\.jsonl: unreadable"):
        previous_ids(tmp_path / "entities.jsonl")
    assert previous_ids(tmp_path / "missing.jsonl") == {}


def test_the_page_title_and_the_infobox_name_line_are_one_organisation():
    text = ("= Nashi (youth movement) =\n\nYouth Democratic Anti-Fascist Movement \"Nashi\"\n- Chairman: Vasily "
            "Yakemenko\n- Founded: 2005\n\nNashi was a youth movement.")
    doc = record(text, [("Nashi", "ORG"), ("Youth Democratic Anti-Fascist Movement \"Nashi\"", "ORG"),
                        ("Vasily Yakemenko", "PER"), ("Nashi", "ORG")])
    pairs = {(doc.mentions[i].text, doc.mentions[j].text, kind)
             for i, j, kind in within_document_links(text, doc.mentions, doc.mentions)}
    assert ("Nashi", "Youth Democratic Anti-Fascist Movement \"Nashi\"", "page-title") in pairs
    assert not any("Yakemenko" in a + b for a, b, _ in pairs)


@pytest.mark.parametrize("text, names, linked", [
    ("The Movement Against Illegal Immigration, also known as DPNI, was banned.",
     [("Movement Against Illegal Immigration", "ORG"), ("DPNI", "ORG")], True),
    ("United Russia, known in Russian as Yedinaya Rossiya, won.", [("United Russia", "ORG"),
                                                                   ("Yedinaya Rossiya", "ORG")], True),
    ("The Federal Security Service, or FSB, opened a case.", [("Federal Security Service", "ORG"), ("FSB", "ORG")],
     True),
    ("Yabloko, or Solidarnost, will take part.", [("Yabloko", "ORG"), ("Solidarnost", "ORG")], False),  # a choice
    ("Sibneft changed its name to Gazprom Neft in 2006.", [("Sibneft", "ORG"), ("Gazprom Neft", "ORG")], True),
    ("В 2006 году «Сибнефть» была переименована в «Газпром нефть».", [("Сибнефть", "ORG"), ("Газпром нефть", "ORG")],
     True),
    ("Sibneft sold its stake to Gazprom Neft.", [("Sibneft", "ORG"), ("Gazprom Neft", "ORG")], False),
    ("Northwind Freight, commonly referred to as Polar Cargo, moved to Riga.",
     [("Northwind Freight", "ORG"), ("Polar Cargo", "ORG")], True),
    ("Northwind Freight is changing its name to Polar Cargo.", [("Northwind Freight", "ORG"), ("Polar Cargo", "ORG")],
     True),
    ("Компания «Северный ветер» сменила название на компанию «Полярный ветер».",
     [("Северный ветер", "ORG"), ("Полярный ветер", "ORG")], True),
    ("Банк «Восток», также известный под названием «Восточный», открыл отделение.",
     [("Восток", "ORG"), ("Восточный", "ORG")], True),
    ("Northwind Freight is changing its rates for Polar Cargo.", [("Northwind Freight", "ORG"), ("Polar Cargo", "ORG")],
     False),
])
def test_names_a_sentence_says_are_one(text, names, linked):
    doc = record(text, names)
    pairs = {(i, j) for i, j, _ in within_document_links(text, doc.mentions, doc.mentions)}
    assert ((0, 1) in pairs) == linked


def test_a_short_name_with_the_same_quoted_name_is_the_full_one():
    text = "Члены Социалистической лиги «Вперёд» собрались. Лига «Вперёд» была секцией. Газета «Вперёд» вышла."
    doc = record(text, [("Социалистической лиги «Вперёд»", "ORG"), ("Лига «Вперёд»", "ORG"),
                        ("Газета «Вперёд»", "ORG")], lang="ru")
    pairs = {(i, j) for i, j, _ in within_document_links(text, doc.mentions, doc.mentions)}
    assert (1, 0) in pairs  # the league, shortened
    assert (2, 0) not in pairs and (2, 1) not in pairs  # a newspaper of the same name is another thing
