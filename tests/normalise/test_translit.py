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
