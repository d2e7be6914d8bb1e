"""The public API a notebook imports: names, one text through every stage, a corpus run."""

from __future__ import annotations

import pytest

import pipeline


def test_the_public_names_are_importable_from_the_package():
    for name in pipeline.__all__:
        assert getattr(pipeline, name) is not None, name
    assert pipeline.__version__.count(".") == 2


@pytest.mark.models
def test_process_text_gives_a_linked_and_related_record(models):
    doc = pipeline.process_text("The Left Front was founded on 17 October 2008 in Moscow.", models=models)
    assert isinstance(doc, pipeline.Document)
    assert [(m.text, m.label, m.value or m.entity) for m in doc.mentions] == [
        ("Left Front", "ORG", "org:left-front"), ("17 October 2008", "DATE", "2008-10-17"),
        ("Moscow", "LOC", "loc:moscow")]
    assert [(r.type, r.head, r.tail) for r in doc.relations] == [("founded_on", "m1", "m2")]


@pytest.mark.models
def test_process_text_takes_the_language_and_the_date_relative_words_count_from(models):
    doc = pipeline.process_text("Вчера в Калуге открылось отделение.", models=models, lang="ru", published="2012-05-14")
    assert [(m.text, m.value) for m in doc.mentions if m.label == "DATE"] == [("Вчера", "2012-05-13")]
    assert [(m.normal, m.entity) for m in doc.mentions if m.label == "LOC"] == [("Калуга", "loc:kaluga")]
