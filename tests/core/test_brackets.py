"""The names a bracket after a name lists (original language, romanisation, abbreviations), and brackets that
are not such lists."""

from __future__ import annotations

import pytest

from pipeline.core.brackets import bracket_items, bracket_translation

LISTS = [
    ("The Congress of Russian Communities (Russian: Конгресс русских общин, Kongress russkikh obschin, KRO) is",
     "Congress of Russian Communities", ["Конгресс русских общин", "Kongress russkikh obschin", "KRO"]),
    ("The Libertarian Party of Russia (Russian: Либертарианская партия России; ЛПР, romanized: Libertarianskaya "
     "partiya Rossii; LPR) is", "Libertarian Party of Russia",
     ["Либертарианская партия России", "ЛПР", "Libertarianskaya partiya Rossii", "LPR"]),
    ("Russian Youth Movement \"Oborona\" (Российское молодёжное движение «Оборона») is", "Russian Youth Movement "
     "\"Oborona\"", ["Российское молодёжное движение «Оборона»"]),
    ("Федерация независимых профсоюзов России (сокр. ФНПР) объединяет", "Федерация независимых профсоюзов России",
     ["ФНПР"]),
    ('Кейта выдвинула партия "Объединение за Мали" (Rassemblement pour le Mali, RPM), руководителем', "Объединение "
     "за Мали", ["Rassemblement pour le Mali", "RPM"]),
]

NOT_LISTS = [
    ("The Left Front (Moscow) held a rally.", "Left Front"),
    ("Oborona (Russian for \"Defense\") is a movement.", "Oborona"),
    ("The Left Front (founded in 2008) is a coalition.", "Left Front"),
    ("The Left Front (2008–2013) was a coalition.", "Left Front"),
    ("The Left Front is a coalition (of several groups).", "Left Front"),
]


@pytest.mark.parametrize("text, name, items", LISTS, ids=lambda x: x[:25] if isinstance(x, str) else "")
def test_a_bracket_lists_the_other_names(text, name, items):
    end = text.index(name) + len(name)
    assert [text[a:b] for a, b in bracket_items(text, end)] == items


@pytest.mark.parametrize("text, name", NOT_LISTS, ids=lambda x: x[:25])
def test_other_brackets_list_no_names(text, name):
    assert bracket_items(text, text.index(name) + len(name)) == []


@pytest.mark.parametrize("text, translation", [
    ("the fusion of Vpered and Sotsialisticheskoye Soprotivleniye (Socialist Resistance).", "Socialist Resistance"),
    ("Soyuz Pravykh Sil (Union of Right Forces) was a party", "Union of Right Forces"),
    ("Vesna (Russia) is a movement", None),  # one word: a place, a language, a short gloss
    ("Yabloko (the party) said", None),
    ("the Left Front (2008–2014)", None),
    ("Oborona (Defence, Oborona) was", None),  # a list is bracket_items' to read
    ("Oborona (Youth Movement of\nRussia)", None),  # across a line break
])
def test_a_bracket_holding_only_a_capitalised_name_is_its_translation(text, translation):
    end = text.index(" (")
    span = bracket_translation(text, end)
    assert (text[span[0]:span[1]] if span else None) == translation
