"""Span helpers: the document text kept once, and never another document's."""

import pytest

pytestmark = pytest.mark.models  # spaCy's blank pipelines, imported by the tests only: collecting loads nothing


def blank(lang: str):
    import spacy

    return spacy.blank(lang)


def test_the_text_is_kept_once_and_survives_retokenizing():
    from pipeline.extract.spans import doc_text

    nlp = blank("en")
    doc = nlp("New York-based groups met.")
    assert doc_text(doc) == "New York-based groups met."
    with doc.retokenize() as retokenizer:
        retokenizer.merge(doc[0:2])
    assert doc_text(doc) == doc.text == "New York-based groups met."


def test_text_kept_for_another_document_is_not_taken():
    from pipeline.extract.spans import doc_text

    nlp = blank("en")
    doc = nlp("A short one.")
    doc.user_data["pipeline.text"] = "Some other document's text."
    assert doc_text(doc) == "A short one."
    assert doc_text(nlp("")) == ""


def test_a_copy_that_would_change_nothing_is_the_span_and_any_other_is_a_new_span_with_the_values():
    from pipeline.extract.extensions import register_extensions
    from pipeline.extract.spans import copy_span, cuts_inside_tokens, make_span

    register_extensions()
    doc = blank("en")("The Left Front met in Moscow.")
    front = make_span(doc, 4, 14, "ORG", "spacy", "en")
    front._.normal = "Left Front"
    assert copy_span(doc, front, front.start, front.end) is front
    assert copy_span(doc, front, front.start, front.end, "ORG") is front
    relabelled = copy_span(doc, front, front.start, front.end, "LOC")
    assert relabelled is not front and relabelled.label_ == "LOC" and relabelled._.source == "spacy"
    shorter = copy_span(doc, front, front.start + 1, front.end)
    assert (shorter.text, shorter.label_, shorter._.lang) == ("Front", "ORG", "en")
    assert copy_span(doc, front, front.end, front.end) is None
    assert cuts_inside_tokens(doc, {4, 6, 9, 29}) == [6]
    assert cuts_inside_tokens(doc, set()) == []


def test_tokens_written_as_one_of_the_words_in_order_by_text_or_lowercase():
    from spacy.attrs import LOWER

    from pipeline.extract.spans import tokens_written

    doc = blank("en")("Now the RSM and the rsm meet now.")
    assert [(t.i, t.text) for t in tokens_written(doc, ["RSM", "now"])] == [(2, "RSM"), (7, "now")]
    assert [t.i for t in tokens_written(doc, {"now", "rsm"}, LOWER)] == [0, 2, 5, 7]
    assert tokens_written(doc, []) == [] and tokens_written(blank("en")(""), ["now"]) == []
    long = blank("en")("Now the RSM and the rsm meet now. " * 40)  # past the length read with numpy
    assert [t.i for t in tokens_written(long, ["RSM", "now"])][:4] == [2, 7, 11, 16] and len(long) > 256
    assert len(tokens_written(long, {"now", "rsm"}, LOWER)) == 160


def test_both_tokenizers_keep_the_text_they_were_given_and_it_is_what_the_tokens_join_to():
    from pipeline.extract.english import GlueSplittingTokenizer
    from pipeline.extract.russian import RazdelTokenizer
    from pipeline.extract.spans import doc_text

    english = GlueSplittingTokenizer(blank("en").tokenizer)
    russian = RazdelTokenizer(blank("ru").vocab)
    texts = ["LeaderArham Kothari of the Party.[1]  Next line\n\n\tand a tab ", "  В 2011, 18:30  РСД\n«Вперёд» ",
             "", " ", "no cuts here"]
    for tokenizer in (english, russian):
        for text in texts:
            doc = tokenizer(text)
            assert doc.user_data.get("pipeline.text") == text
            assert doc.text == text and doc_text(doc) == text
    assert [t.text for t in english("LeaderArham met.[1]")][:2] == ["Leader", "Arham"]


def test_a_file_name_left_on_a_copied_page_names_nothing():
    import spacy

    from pipeline.extract.extensions import register_extensions
    from pipeline.extract.repeated_names import names
    from pipeline.extract.spans import make_span, set_entities

    register_extensions()
    doc = spacy.blank("en")("Kama Steel\n\nPerm Depot X12.jpg\nKSW logo.svg\n\nKama Steel is a steel maker.")
    files = ("Perm Depot X12.jpg", "KSW logo.svg")
    spans = [(0, 10)] + [(doc.text.index(n), doc.text.index(n) + len(n)) for n in files]
    set_entities(doc, [make_span(doc, a, b, "ORG", "test", "en") for a, b in spans])
    assert [e.text for e in names(doc).ents] == ["Kama Steel", "Kama Steel"]  # the second found as a repeat
