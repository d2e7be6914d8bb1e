"""The shipped sample corpus: every document reads, in its encoding, with its metadata."""

from pathlib import Path

import pytest

from pipeline.run import run_corpus
from pipeline.schema import Settings

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def sample(pipelines):
    return run_corpus([CORPUS], None, Settings(), pipelines=pipelines)


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
