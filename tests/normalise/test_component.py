"""Russian names to the nominative in sentence context (Natasha's morphology), and the fields normalise sets."""

import csv

import pytest

from ..common import DATA

ROWS = list(csv.DictReader((DATA / "ru_normal_forms.tsv").open(encoding="utf-8"), delimiter="\t"))

pytestmark = pytest.mark.models


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["mention"])
def test_nominative_in_context(models, row):
    from pipeline.normalise.component import russian_normal

    doc = models.ru(row["sentence"])
    start = row["sentence"].index(row["mention"])
    span = doc.char_span(start, start + len(row["mention"]), label=row["label"])
    assert span is not None
    assert russian_normal(span) == row["normal"]


def test_pipeline_sets_normal_and_translit_of_names_and_neither_changes_dates(nlp_for):
    doc = nlp_for("Решение приняли 7 марта 2011 года делегаты Социалистической лиги «Вперёд» в Санкт-Петербурге.")
    fields = {e.text: (e.label_, e._.normal, e._.translit) for e in doc.ents}
    assert fields["Санкт-Петербурге"] == ("LOC", "Санкт-Петербург", "Sankt-Peterburg")
    assert fields["7 марта 2011 года"] == ("DATE", "7 марта 2011 года", None)


def test_english_names_keep_their_text_and_have_no_latin_key(nlp_for):
    doc = nlp_for("Delegates of the Left Front met in Moscow.")
    assert {(e.text, e._.normal, e._.translit) for e in doc.ents} == {("Left Front", "Left Front", None),
                                                                      ("Moscow", "Moscow", None)}




READINGS = {"Case=Gen|Number=Sing": "Лига", "Case=Nom|Number=Plur": "Лиги"}


@pytest.mark.parametrize("reading", READINGS)
def test_a_name_is_remembered_with_its_reading_not_by_its_words_alone(models, reading):
    """"Лиги" is a league's genitive or the plural "leagues": each reading of the same word gives its own normal
    form, whichever was inflected first (normal forms are remembered per words and reading)."""
    from pipeline.normalise.component import russian_normal

    def normal(features: str) -> str:
        doc = models.ru("Лиги")
        doc[0].pos_ = "NOUN"
        doc[0].set_morph(f"Animacy=Inan|{features}|Gender=Fem")
        return russian_normal(doc.char_span(0, 4, label="ORG"))

    other = next(r for r in READINGS if r != reading)
    assert normal(other) == READINGS[other]
    assert normal(reading) == READINGS[reading]
