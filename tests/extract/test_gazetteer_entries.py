"""The shipped gazetteer's entries: one id per thing, no name claimed twice, ordinary words only link-only."""

from collections import defaultdict

import pytest

from pipeline.core.resources import DEFAULT_GAZETTEER, load_gazetteer
from pipeline.link.keys import name_key

from ..common import ents

ENTRIES = load_gazetteer(DEFAULT_GAZETTEER)
BY_ID = {e.id: e for e in ENTRIES}


def test_ids_are_unique():
    ids = [e.id for e in ENTRIES]
    assert len(ids) == len(set(ids))


def test_no_name_is_given_to_two_things_of_one_label():
    owners = defaultdict(set)
    for entry in ENTRIES:
        for names in entry.names.values():
            for name in names:
                owners[(entry.label, name_key(name.lstrip("~")))].add(entry.id)
    assert {key: ids for key, ids in owners.items() if len(ids) > 1} == {}


@pytest.mark.parametrize("entry_id, lang, word", [
    ("org:rodina", "ru", "Родина"), ("org:yabloko", "ru", "Яблоко"), ("org:pamyat", "ru", "Память"),
    ("org:memorial", "ru", "Мемориал"), ("org:memorial", "en", "Memorial"), ("org:golos", "ru", "Голос"),
    ("org:unity-party", "ru", "Единство"), ("org:nashi", "ru", "Наши"), ("org:dozhd", "ru", "Дождь"),
    ("org:pravda", "ru", "Правда"), ("org:civic-platform-russia", "en", "Civic Platform"),
])
def test_ordinary_words_are_link_only(entry_id, lang, word):
    names = BY_ID[entry_id].names[lang]
    assert "~" + word in names and word not in names


@pytest.mark.parametrize("entry_id, en, ru", [
    ("org:yabloko", "Yabloko", "Российская объединённая демократическая партия «Яблоко»"),
    ("org:gazprom", "Gazprom", "Газпром"), ("org:sberbank", "Sberbank", "Сбербанк"),
    ("org:dpni", "Movement Against Illegal Immigration", "ДПНИ"), ("org:fsb", "FSB", "ФСБ"),
    ("org:memorial-human-rights-centre", "Memorial Human Rights Centre", "Правозащитный центр «Мемориал»"),
])
def test_well_known_organisations_have_names_in_both_languages(entry_id, en, ru):
    entry = BY_ID[entry_id]
    assert entry.label == "ORG" and en in entry.names["en"] and ru in entry.names["ru"]


@pytest.mark.models
def test_party_company_and_society_names_are_organisations_in_english_text(nlp_for):
    found = ents(nlp_for("Yabloko and Rodina criticised Gazprom, while the Memorial Human Rights Centre "
                         "and Nashi held pickets in Moscow."))
    for name in ("Yabloko", "Rodina", "Gazprom", "Memorial Human Rights Centre", "Nashi"):
        assert (name, "ORG") in found


@pytest.mark.models
def test_memorial_alone_is_not_looked_for(nlp_for):
    doc = nlp_for("Memorial Day is a holiday. A war memorial stands in the square.")
    assert not any(e.text == "Memorial" and e._.source == "gazetteer" for e in doc.ents)
