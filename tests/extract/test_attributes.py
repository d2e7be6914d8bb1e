"""attribute_rules: the English model's attribute ruler matched by lookups gives every token what spaCy's
AttributeRuler gives it (parts of speech, morphology, lemmas, the few tags and arcs it sets)."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.models

# sentences written for this test: the ruler's rules of one token (tags, words with tags), of two tokens
# ("gonna", "let's", "y'all", "there is"), with REGEX ("nothin'", "ain't") and NOT_IN conditions (auxiliaries,
# determiners used as pronouns), spaces
SENTENCES = [
    "We ain't gonna sell the mill, and y'all know it.",
    "Let's see what nothin' means to them.  There is a ferry at 6 a.m., and there were two buses.",
    "That was the plan: those who could stay would have stayed, but this has been decided.",
    "The board's chairman, who'd been re-elected in 2019, said it's \"not over\" -- yet.",
    "C'mon , gotta go !\n\nHe is being watched; she had left; they do not know.",
]


def test_the_lookups_give_every_token_what_the_ruler_gives_it(models):
    import spacy
    from spacy.attrs import DEP, LEMMA, MORPH, POS, TAG

    from pipeline.extract.attributes import AttributeRules

    nlp = spacy.load(models.settings.en_model, exclude=["ner", "lemmatizer"])
    ruler = nlp.get_pipe("attribute_ruler")
    rules = AttributeRules(ruler)
    texts = SENTENCES + [p.read_text(encoding="utf-8") for p in sorted(Path("corpus/en").glob("*"))]
    attrs = [POS, MORPH, LEMMA, TAG, DEP]
    set_somewhere = 0
    for doc in nlp.pipe(texts, disable=["attribute_ruler"]):
        theirs, ours = ruler(doc.copy()), rules(doc.copy())
        assert (theirs.to_array(attrs) == ours.to_array(attrs)).all(), doc.text[:60]
        set_somewhere += sum(t.lemma_ != "" for t in ours)
    assert set_somewhere > 0
    spans = {end - start for _, _, start, end in rules.match(nlp("Let's go, y'all.", disable=["attribute_ruler"]))}
    assert spans == {1, 2}  # rules of two tokens among the matches ("let's", "y'all"), found by the lookups
    assert len(rules.rest) == 0  # every rule of the shipped model is matched by lookups


def test_the_english_pipeline_runs_the_lookups_instead_of_the_ruler(models):
    assert "attribute_rules" in models.en.pipe_names
    assert "attribute_ruler" in models.en.disabled
    doc = models.en("They were not there.")
    assert [(t.text, t.pos_, t.lemma_) for t in doc][:2] == [("They", "PRON", "they"), ("were", "AUX", "be")]
