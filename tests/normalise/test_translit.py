"""Our pymorphy3 vocabulary gives Natasha's extractors and normaliser the outputs of Natasha's own."""

import pytest

from pipeline.morph import MorphVocab, Word, nominative
from pipeline.translit import latin_key, slug

WORDS = ["Москве", "Социалистической", "лиги", "марта", "Химках", "Петра", "Алексеева", "года", "шёл", "РСД",
         "Санкт-Петербурге", "Ростове-на-Дону", "стали", "мыла", "Козловым"]


@pytest.fixture(scope="module")
def natasha_vocab():
    natasha = pytest.importorskip("natasha")
    return natasha.MorphVocab()


def test_parses_equal_natashas(natasha_vocab):
    ours = MorphVocab()
    for word in WORDS:
        theirs = [(f.normal, f.pos, f.feats) for f in natasha_vocab(word)]  # scores differ in the 4th digit
        assert [(f.normal, f.pos, f.feats) for f in ours(word)] == theirs, word


def test_dates_extractor_gives_the_same_matches(natasha_vocab):
    from natasha import DatesExtractor

    text = "Конференция прошла 7 марта 2011 года, съезд — 6 марта, а в апреле 2011 г. и 1 мая 2012 г. — акции."
    ours = [(m.start, m.stop, m.fact) for m in DatesExtractor(MorphVocab())(text)]
    theirs = [(m.start, m.stop, m.fact) for m in DatesExtractor(natasha_vocab)(text)]
    assert ours == theirs and len(ours) == 4


def test_lemmatize_like_natasha(natasha_vocab):
    ours = MorphVocab()
    assert ours.lemmatize("лиги", "NOUN", {"Case": "Gen", "Number": "Sing"}) == \
        natasha_vocab.lemmatize("лиги", "NOUN", {"Case": "Gen", "Number": "Sing"}) == "лига"


def test_no_pymorphy2_in_our_morphology():
    assert type(MorphVocab().analyzer).__module__.startswith("pymorphy3")


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


def test_words_in_quotes_stay():
    words = [Word("газеты", "NOUN", {"Case": "Gen", "Number": "Sing"}, " "), Word("«", "PUNCT", {}),
             Word("Социалиста", "PROPN", {"Case": "Gen"}), Word("»", "PUNCT", {})]
    assert nominative(words, "ORG") == "газета «Социалиста»"
