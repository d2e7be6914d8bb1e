"""The output records refuse what the contract forbids: spans that do not fit the text, values on non-dates."""

import pytest
from pydantic import ValidationError

from pipeline.core.records import LABELS, RELATION_TYPES, Document, Mention, Meta, Relation

TEXT = "The Left Front met in Moscow on 7 March 2011."


def _mention(start: int, end: int, label: str = "ORG", **fields) -> Mention:
    return Mention(id="m1", start=start, end=end, text=TEXT[start:end], label=label, lang="en",
                   normal=TEXT[start:end], source="spacy", **fields)


def test_a_mention_whose_text_is_not_its_span_is_refused():
    with pytest.raises(ValidationError, match="does not fit text"):
        Mention(id="m1", start=4, end=9, text="Left Front", label="ORG", lang="en", normal="Left Front",
                source="spacy")


def test_only_dates_carry_a_value():
    assert _mention(31, 43, "DATE", value="2011-03-07").value == "2011-03-07"
    with pytest.raises(ValidationError, match="only DATE mentions carry a value"):
        _mention(22, 28, "LOC", value="2011")


def test_a_document_checks_offsets_against_its_text_and_relations_against_its_mentions():
    good = _mention(4, 14)
    Document(id="d", path="d.txt", sha256="", lang="en", meta=Meta(), text=TEXT, mentions=[good], relations=[])
    shifted = Mention(id="m1", start=5, end=15, text="Left Front", label="ORG", lang="en", normal="Left Front",
                      source="spacy")
    with pytest.raises(ValidationError, match=r"text\[5:15\]"):
        Document(id="d", path="d.txt", sha256="", lang="en", meta=Meta(), text=TEXT, mentions=[shifted],
                 relations=[])
    with pytest.raises(ValidationError, match="unknown mention"):
        Document(id="d", path="d.txt", sha256="", lang="en", meta=Meta(), text=TEXT, mentions=[good],
                 relations=[Relation(type="joined", head="m1", tail="m9", evidence=(0, 10))])


@pytest.mark.parametrize("field, value", [("label", "MISC"), ("lang", "de"), ("source", "stanza")])
def test_values_outside_the_contract_are_refused(field, value):
    fields = {"id": "m1", "start": 4, "end": 14, "text": "Left Front", "label": "ORG", "lang": "en",
              "normal": "Left Front", "source": "spacy", field: value}
    with pytest.raises(ValidationError):
        Mention(**fields)


def test_label_and_relation_type_lists_follow_the_contract():
    assert LABELS == ("ORG", "LOC", "PER", "DATE")
    assert len(RELATION_TYPES) == 12 and {"founded_on", "alias_of", "leader_of"} <= set(RELATION_TYPES)


def test_unknown_fields_are_refused_so_typos_do_not_pass_silently():
    with pytest.raises(ValidationError, match="extra"):
        Meta(titel="x")
