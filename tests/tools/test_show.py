"""show_document: a record as terminal text, mentions bracketed (or coloured), header and relations."""

from __future__ import annotations

import pytest

from pipeline.core.records import Document, Mention, Meta
from pipeline.tools.show import show_document, visible

from ..common import record

FOUNDED = "The Left Socialist Alliance was founded on 12 May 2009 in Kazan."


def founded(meta: Meta | None = None) -> Document:
    doc = record(FOUNDED, [("Left Socialist Alliance", "ORG"), ("12 May 2009", "DATE"), ("Kazan", "LOC")],
                 relations=[("founded_on", 0, 1), ("headquartered_in", 0, 2)],
                 **{"12 May 2009": {"value": "2009-05-12"}})
    return doc.model_copy(update={"meta": meta}) if meta is not None else doc


def test_show_document_without_colour_brackets_mentions_and_lists_relations():
    doc = founded(Meta(title="Kazan news", source="Kazan Herald", published="2009-05-13"))

    shown = show_document(doc, colour=False)

    assert shown.split("\n") == [
        "d · en · Kazan news · Kazan Herald · 2009-05-13",
        "ORG  LOC  PER  DATE",
        "",
        "The [ORG Left Socialist Alliance] was founded on [DATE 12 May 2009] in [LOC Kazan].",
        "",
        "relations:",
        "  Left Socialist Alliance —founded_on→ 2009-05-12",
        "  Left Socialist Alliance —headquartered_in→ Kazan",
    ]


def test_show_document_header_leaves_out_missing_metadata():
    doc = record("Калуга.", [("Калуга", "LOC")], doc_id="ru/kaluga", lang="ru")
    doc = doc.model_copy(update={"meta": Meta(title="Новое отделение", published="2012-05-14")})

    header = show_document(doc, colour=False).split("\n")[0]

    assert header == "ru/kaluga · ru · Новое отделение · 2012-05-14"


def test_show_document_marks_overlapping_mentions_once():
    text = "Red Dawn Samara office opened."
    whole = Mention(id="m1", start=0, end=15, text="Red Dawn Samara", label="ORG", lang="en", normal="Red Dawn Samara",
                    source="spacy")
    inner = Mention(id="m2", start=9, end=15, text="Samara", label="LOC", lang="en", normal="Samara", source="rule")
    doc = Document(id="d", path="d.txt", sha256="", lang="en", meta=Meta(), text=text, mentions=[inner, whole],
                   relations=[])

    body = show_document(doc, colour=False).split("\n")[3]

    assert body == "[ORG Red Dawn Samara] office opened."
    assert body.count("Samara") == 1


def test_show_document_relation_to_a_date_without_value_shows_its_text():
    doc = record("RSM was founded in spring 2011.", [("RSM", "ORG"), ("spring 2011", "DATE")],
                 relations=[("founded_on", 0, 1)])

    shown = show_document(doc, colour=False)

    assert shown.endswith("relations:\n  RSM —founded_on→ spring 2011")


def test_show_document_without_relations_has_no_relations_section():
    doc = record("Maria Volkova lives in Samara.", [("Maria Volkova", "PER"), ("Samara", "LOC")])

    shown = show_document(doc, colour=False)

    assert "relations:" not in shown
    assert shown.endswith("[PER Maria Volkova] lives in [LOC Samara].\n")


def test_show_document_colours_mentions_by_default_instead_of_brackets():
    shown = show_document(founded())

    assert "\033[1;34mLeft Socialist Alliance\033[0m" in shown
    assert "\033[1;35m12 May 2009\033[0m" in shown
    assert "[ORG" not in shown


def test_show_document_header_without_metadata_has_no_dangling_separator():
    doc = record("Калуга.", [("Калуга", "LOC")], doc_id="ru/kaluga", lang="ru")
    assert show_document(doc, colour=False).split("\n")[0] == "ru/kaluga · ru"


def test_relations_are_shown_by_name_not_by_the_words_of_the_text():
    text = "Анна Смирнова возглавляет отделение Российского социалистического движения в Перми."
    doc = record(text, [("Анна Смирнова", "PER"), ("Российского социалистического движения", "ORG"), ("Перми", "LOC")],
                 lang="ru", relations=[("leader_of", 0, 1), ("has_branch_in", 1, 2)],
                 **{"Российского социалистического движения": {"normal": "Российское социалистическое движение",
                                                               "entity": "org:russian-socialist-movement"},
                    "Перми": {"normal": "Пермь"}})
    names = {"org:russian-socialist-movement": "Russian Socialist Movement"}

    assert show_document(doc, colour=False, names=names).endswith(
        "relations:\n  Анна Смирнова —leader_of→ Russian Socialist Movement\n"
        "  Russian Socialist Movement —has_branch_in→ Пермь")
    assert "—has_branch_in→ Пермь" in show_document(doc, colour=False)  # without entities: the normal form


@pytest.mark.parametrize("text, lines, shown", [
    ("a\x1b]0;pwned\x07b", False, "a\\x1b]0;pwned\\x07b"),
    ("x\nerror: forged.txt", False, "x\\nerror: forged.txt"),
    ("a\tb\r\x00\x7f\x85", False, "a\\tb\\r\\x00\\u007f\\u0085"),
    ("abc\u202edoc.txt \u2066x\u2069", False, "abc\\u202edoc.txt \\u2066x\\u2069"),
    ("line one\n\tline two\x1b[2J", True, "line one\n\tline two\\x1b[2J"),
    ("Москва · C:\\corpus\\a.txt \u200d", False, "Москва · C:\\corpus\\a.txt \u200d"),  # as they were
])
def test_visible_writes_controls_and_bidi_overrides_as_escapes(text, lines, shown):
    assert visible(text, lines=lines) == shown


def test_show_document_shows_control_characters_of_the_corpus_escaped_and_keeps_its_own_colours():
    text = "Intro\x1b]0;pwned\x07 line.\nThe Left Front met in Moscow.\x1b[2J\n"
    doc = record(text, [("Left Front", "ORG"), ("Moscow", "LOC")], doc_id="en/x\x1b[31m",
                 relations=[("headquartered_in", 0, 1)], **{"Moscow": {"normal": "Mos\u202ecow"}})
    doc = doc.model_copy(update={"meta": Meta(title="T\nerror: forged")})

    for colour in (False, True):
        shown = show_document(doc, colour=colour)
        assert "\x1b]" not in shown and "\x1b[2J" not in shown and "\x1b[31m" not in shown and "\u202e" not in shown
        assert "Intro\\x1b]0;pwned\\x07 line.\nThe " in shown  # the text's own newline stays a newline
        assert shown.split("\n")[0] == "en/x\\x1b[31m · en · T\\nerror: forged"
        assert shown.endswith("  Left Front —headquartered_in→ Mos\\u202ecow")
    assert "\033[1;34mLeft Front\033[0m" in show_document(doc)
