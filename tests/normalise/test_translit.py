"""Latin keys of Russian names (Wikipedia's romanisation) and slugs for ids."""

import pytest

from pipeline.normalise.translit import latin_key, slug


@pytest.mark.parametrize("name, key", [
    ("Социалистическое сопротивление", "Sotsialisticheskoye soprotivleniye"),
    ("Вперёд", "Vpered"),
    ("Российское социалистическое движение", "Rossiyskoye sotsialisticheskoye dvizheniye"),
    ("Новый регион", "Novy region"),
    ("Moscow", None),
])
def test_latin_keys_meet_english_spellings(name, key):
    assert latin_key(name) == key


def test_slug():
    assert slug("Санкт-Петербург") == "sankt-peterburg" and slug("Left Front") == "left-front"


def test_format_characters_inside_a_name_change_neither_its_latin_key_nor_its_slug():
    assert latin_key("Мо\u200dсква") == latin_key("Москва") == "Moskva"
    assert slug("Л\u200dес") == slug("Лес") and slug("Kaz\u00adan\u202e") == "kazan"
