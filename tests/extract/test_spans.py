"""Span helpers: the document text kept once, and never another document's."""

import spacy

from pipeline.extract.spans import doc_text


def test_the_text_is_kept_once_and_survives_retokenizing():
    nlp = spacy.blank("en")
    doc = nlp("New York-based groups met.")
    assert doc_text(doc) == "New York-based groups met."
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert doc_text(doc) == doc.text == "New York-based groups met."


def test_text_kept_for_another_document_is_not_taken():
    nlp = spacy.blank("en")
    doc = nlp("A short one.")
    doc.user_data["pipeline.text"] = "Some other document's text."
    assert doc_text(doc) == "A short one."
    assert doc_text(nlp("")) == ""
