"""Our pymorphy3 vocabulary gives Natasha's extractors and normaliser the outputs of Natasha's own (pymorphy2)."""

import pytest

pytestmark = pytest.mark.models  # Natasha is imported by the tests only: collecting them loads nothing


@pytest.fixture(scope="module")
def vocab_class():
    from pipeline.extract.natasha_vocab import MorphVocab

    return MorphVocab


WORDS = ["Москве", "Социалистической", "лиги", "марта", "Химках", "Петра", "Алексеева", "года", "шёл", "РСД",
         "Санкт-Петербурге", "Ростове-на-Дону", "стали", "мыла", "Козловым"]


@pytest.fixture(scope="module")
def natasha_vocab():
    from natasha import MorphVocab as NatashaMorphVocab

    return NatashaMorphVocab()


def test_parses_equal_natashas(natasha_vocab, vocab_class):
    ours = vocab_class()
    for word in WORDS:
        theirs = [(f.normal, f.pos, f.feats) for f in natasha_vocab(word)]  # scores differ in the 4th digit
        assert [(f.normal, f.pos, f.feats) for f in ours(word)] == theirs, word


def test_lemmatize_like_natasha(natasha_vocab, vocab_class):
    ours = vocab_class()
    assert ours.lemmatize("лиги", "NOUN", {"Case": "Gen", "Number": "Sing"}) == \
        natasha_vocab.lemmatize("лиги", "NOUN", {"Case": "Gen", "Number": "Sing"}) == "лига"


def test_no_pymorphy2_in_our_morphology(vocab_class):
    assert type(vocab_class().analyzer).__module__.startswith("pymorphy3")


def test_lemmas_equal_natashas(natasha_vocab, vocab_class):
    ours = vocab_class()
    for word in WORDS:
        form = natasha_vocab(word)[0]
        assert ours.lemmatize(word, form.pos, form.feats) == natasha_vocab.lemmatize(word, form.pos, form.feats), word
