"""The shipped sample corpus, processed once per session: every document reads with its metadata, and each
thing it names is one entity across documents and languages."""

import json
import re

import pytest

from ..common import CORPUS

pytestmark = pytest.mark.models


@pytest.fixture
def sample(sample_run):
    return sample_run[1]


def test_every_sample_document_is_processed(sample):
    assert sample.manifest.errors == [] and sample.manifest.skipped == []
    ids = [d.id for d in sample.documents]
    assert ids[0] == "en/rsm-wikipedia" and len([i for i in ids if i.startswith("ru/")]) >= 8


def test_russian_documents_carry_metadata_and_name_the_movement(sample):
    for doc in sample.documents:
        if doc.id.startswith("ru/"):
            assert doc.lang == "ru" and doc.meta.published and doc.meta.title, doc.id
            names = [m.text for m in doc.mentions if m.label == "ORG"]
            assert any("оциалистическ" in n or n == "РСД" for n in names), doc.id


def test_the_english_article_is_byte_for_byte_the_source_text(sample):
    article = next(d for d in sample.documents if d.id == "en/rsm-wikipedia")
    assert article.text == (CORPUS / "en/rsm-wikipedia.txt").read_text(encoding="utf-8")
    assert article.lang == "en"
    # its Russian passages are read by the Russian models
    assert {m.normal for m in article.mentions if m.lang == "ru" and m.label == "LOC"} == {"Москва"}


LABELS = {"Moscow": "LOC", "Saint Petersburg": "LOC"}
THINGS = {  # entity -> how its names are written in the sample texts (English and Russian, any case)
    "Russian Socialist Movement":
        r"Russian Socialist Movement|\bRSM\b|Российск\w+ социалистическ\w+ движени\w+|\bРСД\b",
    "Moscow": r"\bMoscow\b|\bМоскв[аеуы]\b|\bМосквой\b",
    "Saint Petersburg": r"\bSt\.? Petersburg|Saint[- ]Petersburg|Санкт-Петербург\w*|(?<![-\w])Петербург(?:е|а|у|ом)?\b",
    "Vpered": r"\bVpered\b|Вперёд",
    "Socialist Resistance": r"Sotsialisticheskoye Soprotivleniye|Социалистическ\w+ сопротивлени\w+",
    "Fourth International": r"Fourth International|Четв[её]рт\w+ [Ии]нтернационал\w*",
    "Left Front": r"Left Front|Лев\w+ фронт\w*",
}


@pytest.fixture
def written(sample_run):
    out = sample_run[0]
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    entities = [json.loads(line) for line in (out / "entities.jsonl").read_text(encoding="utf-8").splitlines()]
    return documents, entities


@pytest.mark.parametrize("thing", list(THINGS))
def test_one_entity_per_thing_in_both_languages_from_every_document(written, thing):
    documents, entities = written
    pattern = re.compile(THINGS[thing])
    naming = {d["id"] for d in documents if pattern.search(d["text"])}
    assert naming, thing
    label = LABELS.get(thing, "ORG")
    ids = {m["entity"] for d in documents for m in d["mentions"] if m["label"] == label and pattern.search(m["text"])}
    assert len(ids) == 1, (thing, ids)
    entity = next(e for e in entities if e["id"] in ids)
    assert set(entity["names"]) == {"en", "ru"}, entity
    assert naming <= set(entity["documents"]), (thing, naming - set(entity["documents"]))


def test_the_movement_is_known_by_its_acronyms_in_both_languages(written):
    _, entities = written
    rsm = [e for e in entities if "RSM" in e["names"].get("en", [])]
    assert len(rsm) == 1 and "РСД" in rsm[0]["names"]["ru"] and rsm[0]["name"] == "Russian Socialist Movement"
