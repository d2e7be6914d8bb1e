"""Name keys and initials: spelling variants fold together, acronyms are read from the content words."""

import pytest

from pipeline.core.names import initials
from pipeline.core.resources import DEFAULT_GAZETTEER
from pipeline.link.keys import name_key
from pipeline.link.linker import link_entities

from ..common import record


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


@pytest.mark.parametrize("a, b", [
    ("Mo\u200dscow", "Moscow"), ("Left\u200b Front", "Left Front"), ("Мос\u00adква", "Москва"),
    ("\ufeffYabloko", "Yabloko"), ("\u202eКазань\u202c", "Казань"), ("Перм\u200cь\u2066", "Пермь"),
])
def test_name_keys_drop_invisible_format_characters(a, b):
    assert name_key(a) == name_key(b)


def test_a_name_with_a_zero_width_joiner_links_to_the_entity_of_the_name_without_it(tmp_path):
    plain = record("Rally in Moscow.", [("Moscow", "LOC")], doc_id="a")
    joined = record("Rally in Mo\u200dscow.", [("Mo\u200dscow", "LOC")], doc_id="b")
    left = record("The Left Front met.", [("Left Front", "ORG")], doc_id="c")
    hidden = record("The Left\u200b Front\u00ad met.", [("Left\u200b Front\u00ad", "ORG")], doc_id="d")

    entities = link_entities([plain, joined, left, hidden], DEFAULT_GAZETTEER)

    assert {m.entity for d in (plain, joined) for m in d.mentions} == {"loc:moscow"}
    assert {m.entity for d in (left, hidden) for m in d.mentions} == {"org:left-front"}
    assert sorted(e.id for e in entities) == ["loc:moscow", "org:left-front"]
