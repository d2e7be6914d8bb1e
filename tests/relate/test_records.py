"""Relations and facts from linked records alone (no model): patterns, infobox lines, the implicit main
organisation, what is refused, and how facts merge evidence across documents."""

from __future__ import annotations

import pytest

from pipeline.relate.facts import FactCollector
from pipeline.relate.relations import extract_relations

from ..common import record


def _stated(doc) -> set[tuple[str, str, str, str]]:
    by_id = {m.id: m for m in doc.mentions}
    return {(r.type, by_id[r.head].text, by_id[r.tail].value or by_id[r.tail].text, r.pattern)
            for r in extract_relations(doc, [])}


def test_founding_sentence_gives_founded_on_with_the_date_value():
    doc = record("The Left Front was founded on 12 May 2009 in Kazan.",
                 [("Left Front", "ORG"), ("12 May 2009", "DATE"), ("Kazan", "LOC")],
                 **{"12 May 2009": {"value": "2009-05-12"}})
    assert _stated(doc) == {("founded_on", "Left Front", "2009-05-12", "en:created-on")}


def test_a_date_without_a_value_states_no_founding():
    doc = record("The Left Front was founded on the eve of it.", [("Left Front", "ORG"), ("the eve", "DATE")])
    assert _stated(doc) == set()


def test_infobox_lines_under_the_page_title_state_leader_and_headquarters():
    text = "Workers' Union of Kazan\n\nLeaderArham Kothari\nHeadquartersMoscow, Russia\n"
    doc = record(text, [("Workers' Union of Kazan", "ORG"), ("Arham Kothari", "PER"), ("Moscow", "LOC"),
                        ("Russia", "LOC")])
    assert _stated(doc) == {
        ("leader_of", "Arham Kothari", "Workers' Union of Kazan", "infobox:Leader"),
        ("headquartered_in", "Workers' Union of Kazan", "Moscow", "infobox:Headquarters"),
        ("located_in", "Moscow", "Russia", "infobox:Headquarters"),
    }


def test_it_is_the_documents_main_organisation_and_the_pattern_says_so():
    text = "The Left Front grew. The Left Front held a congress. It was founded in 2009."
    doc = record(text, [("Left Front", "ORG"), ("Left Front", "ORG"), ("2009", "DATE")],
                 **{"2009": {"value": "2009"}})
    sentences = [(0, 20), (21, 52), (53, len(text))]
    (relation,) = extract_relations(doc, sentences)
    assert (relation.type, relation.head, relation.tail) == ("founded_on", "m2", "m3")  # its nearest mention
    assert relation.pattern == "en:it-was-created (implicit: the document's main organisation)"
    assert doc.text[relation.evidence[0]:relation.evidence[1]] == "It was founded in 2009."


def test_addresses_are_not_places_within_places():
    doc = record("They met at Tverskaya Street, Moscow.", [("Tverskaya Street", "LOC"), ("Moscow", "LOC")])
    assert _stated(doc) == set()


def test_a_thing_is_never_related_to_itself():
    doc = record("The Left Front (Left Front) merged into the Left Front.",
                 [("Left Front", "ORG"), ("Left Front", "ORG"), ("Left Front", "ORG")],
                 **{"Left Front": {"entity": "org:left-front"}})
    assert {t for t, *_ in _stated(doc)} <= {"alias_of"}


def test_stated_aliases_are_alias_of_the_full_name():
    doc = record("The Russian Socialist Movement (Российское социалистическое движение) met. Later the RSM grew.",
                 [("Russian Socialist Movement", "ORG"), ("Российское социалистическое движение", "ORG"),
                  ("RSM", "ORG")])
    aliases = {(r.head, r.tail, r.pattern) for r in extract_relations(doc, []) if r.type == "alias_of"}
    assert aliases == {("m2", "m1", "alias:bracket"), ("m3", "m1", "alias:acronym")}


def _founded(doc_id: str, text: str, date_text: str, value: str):
    doc = record(text, [("Left Front", "ORG"), (date_text, "DATE")], doc_id=doc_id,
                 **{"Left Front": {"entity": "org:left-front"}, date_text: {"value": value}})
    doc.relations = extract_relations(doc, [])
    return doc


def test_facts_merge_evidence_across_documents_and_fold_a_coarser_date_into_a_finer_one():
    a = _founded("a", "The Left Front was founded on 12 May 2009.", "12 May 2009", "2009-05-12")
    b = _founded("b", "The Left Front was founded in 2009.", "2009", "2009")
    collector = FactCollector()
    collector.add(b)
    collector.add(a)
    (fact,) = collector.facts()
    assert (fact.subject, fact.predicate, fact.object) == ("org:left-front", "founded_on", "date:2009-05-12")
    assert [(e.document, e.text) for e in fact.evidence] == [("a", a.text), ("b", b.text)]
    assert len(fact.id) == 16 and fact.id == collector.facts()[0].id  # a stable id from the triple


def test_alias_relations_stay_in_documents_and_make_no_fact():
    doc = record("The Russian Socialist Movement (RSM) met.", [("Russian Socialist Movement", "ORG"), ("RSM", "ORG")],
                 **{"Russian Socialist Movement": {"entity": "org:rsm"}, "RSM": {"entity": "org:rsm"}})
    doc.relations = extract_relations(doc, [])
    assert [r.type for r in doc.relations] == ["alias_of"]
    collector = FactCollector()
    collector.add(doc)
    assert collector.facts() == []


@pytest.mark.parametrize("head, tail, kept", [
    ("Россия", "Москва", False),  # a country lies in no city of its own
    ("Russia", "Tver Oblast", False),
    ("Moscow", "Russia", True),
    ("Russia", "Europe", True),  # a continent holds it
    ("Kazakhstan", "Asia", True),
    ("Armenia", "Uzbekistan", False),  # nor in another country: "Armenia, Austria, Uzbekistan" is a list
    ("Литва", "Польша", False),
    ("Estonia", "Soviet Union", True),  # a former union of states did hold it
    ("Латвия", "СССР", True),
])
def test_a_country_is_located_in_no_city_or_region(head, tail, kept):
    from pipeline.core.records import Relation
    from pipeline.relate.relations import _valid

    doc = record(f"{head}, {tail}.", [(head, "LOC"), (tail, "LOC")])
    relation = Relation(type="located_in", head="m1", tail="m2", evidence=(0, len(doc.text)), pattern="located:comma")
    assert _valid(relation, {m.id: m for m in doc.mentions}) is kept


@pytest.mark.parametrize("text, tail, beside", [
    ("Воркута находится далеко за Полярным кругом.", "Полярным кругом", True),
    ("Завод построили под Москвой.", "Москвой", True),
    ("The plant lies near Oslo.", "Oslo", True),
    ("Завод построили в Москве.", "Москве", False),
    ("Ust-Kut, a town in Irkutsk Oblast.", "Irkutsk Oblast", False),
])
def test_a_place_beside_or_beyond_another_is_not_in_it(text, tail, beside):
    from pipeline.core.records import Relation
    from pipeline.relate.relations import _beside

    head = text.split()[0].strip(",")
    doc = record(text, [(head, "LOC"), (tail, "LOC")])
    relation = Relation(type="located_in", head="m1", tail="m2", evidence=(0, len(text)),
                        pattern="model:relation_pairs")
    assert _beside(text, relation, doc.mentions[1]) is beside
