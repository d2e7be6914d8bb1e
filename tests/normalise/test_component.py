"""Russian names to the nominative: a table of phrases in sentence context, with the forms a reader expects."""

import csv

import pytest

from pipeline.normalise import russian_normal

from .conftest import DATA

ROWS = list(csv.DictReader((DATA / "ru_normal_forms.tsv").open(encoding="utf-8"), delimiter="\t"))


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r["mention"])
def test_nominative_in_context(pipelines, row):
    doc = pipelines.ru(row["sentence"])
    start = row["sentence"].index(row["mention"])
    span = doc.char_span(start, start + len(row["mention"]), label=row["label"])
    assert span is not None
    assert russian_normal(span) == row["normal"]


def test_table_covers_the_labels():
    labels = [r["label"] for r in ROWS]
    assert len(ROWS) >= 60 and {labels.count(x) >= 15 for x in ("ORG", "LOC", "PER")} == {True}


def test_pipeline_fills_normal_and_translit(nlp_for):
    doc = nlp_for("Решение приняли делегаты Социалистической лиги «Вперёд» в Санкт-Петербурге.")
    normals = {e.text: e._.normal for e in doc.ents}
    assert normals["Санкт-Петербурге"] == "Санкт-Петербург"
