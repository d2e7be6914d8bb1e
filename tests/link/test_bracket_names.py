"""With the real models: the names a bracket lists after an organisation's name are one entity with it."""

from __future__ import annotations

import pytest

from pipeline import process_text


@pytest.mark.models
def test_bracketed_names_are_one_organisation(models):
    doc = process_text("The Congress of Russian Communities (Russian: Конгресс русских общин, Kongress russkikh "
                       "obschin, KRO) is a political organization in Russia.", models=models, lang="en")
    by_text = {m.text: m for m in doc.mentions}
    names = ["Congress of Russian Communities", "Конгресс русских общин", "Kongress russkikh obschin", "KRO"]
    assert all(by_text[n].label == "ORG" for n in names)
    assert len({by_text[n].entity for n in names}) == 1
    assert by_text["Конгресс русских общин"].lang == "ru"


@pytest.mark.models
def test_a_place_in_brackets_is_not_a_name_of_the_organisation(models):
    doc = process_text("The Left Front (Moscow) held a rally on Sunday.", models=models, lang="en")
    by_text = {m.text: m for m in doc.mentions}
    assert by_text["Moscow"].label == "LOC"
    assert by_text["Moscow"].entity != by_text["Left Front"].entity
