"""Scoring against gold: exact spans, ignore spans, DATE values, NEREL relation types, linking; the eval command."""

import json

import pytest

from pipeline.core.errors import InputError
from pipeline.core.records import Document, Mention, Meta, Relation
from pipeline.tools.evaluate import b_cubed, load_gold, score

from ..common import cli

TEXT = "Vpered merged into the RSM in Moscow on 7 March 2011."


def _mention(i, start, end, label, value=None):
    return Mention(id=f"m{i}", start=start, end=end, text=TEXT[start:end], label=label, lang="en",
                   normal=TEXT[start:end], value=value, source="spacy")


GOLD = [{
    "id": "d1", "lang": "en", "text": TEXT,
    "entities": [{"start": 0, "end": 6, "label": "ORG"}, {"start": 23, "end": 26, "label": "ORG"},
                 {"start": 30, "end": 36, "label": "LOC"},
                 {"start": 40, "end": 52, "label": "DATE", "value": "2011-03-07"}],
    "relations": [{"head": 0, "tail": 1, "type": "merged_into"}, {"head": 1, "tail": 2, "type": "HEADQUARTERED_IN"},
                  {"head": 0, "tail": 1, "type": "ALTERNATIVE_NAME"}],
    "ignore": [[19, 22]],
}]


def test_scores_exact_spans_ignore_spans_values_and_mapped_relations():
    predicted = Document(
        id="d1", path="d1", sha256="", lang="en", meta=Meta(), text=TEXT,
        mentions=[_mention(1, 0, 6, "ORG"), _mention(2, 19, 26, "ORG"), _mention(3, 30, 36, "ORG"),
                  _mention(4, 40, 52, "DATE", "2011-03")],
        relations=[Relation(type="alias_of", head="m2", tail="m1", evidence=(0, 52))])
    result = score(GOLD, [predicted])
    ents = result["entities"]
    assert ents["ORG"]["tp"] == 1 and ents["ORG"]["pred"] == 2  # "the RSM" overlaps an ignore span: not counted
    assert ents["LOC"]["recall"] == 0.0 and ents["DATE"]["tp"] == 1
    assert ents["micro"]["tp"] == 2 and ents["micro"]["gold"] == 4
    assert result["values"] == {"gold_with_value": 1, "exact_span_matches": 1, "value_correct": 0,
                                "accuracy_on_matches": 0.0, "strict_recall": 0.0}
    rel = result["relations"]
    assert rel["headquartered_in"]["gold"] == 1 and rel["merged_into"]["gold"] == 1
    assert rel["alias_of"] == {"gold": 1, "pred": 1, "tp": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}


def test_alias_of_is_scored_without_direction():
    predicted = Document(
        id="d1", path="d1", sha256="", lang="en", meta=Meta(), text=TEXT,
        mentions=[_mention(1, 0, 6, "ORG"), _mention(2, 23, 26, "ORG")],
        relations=[Relation(type="alias_of", head="m2", tail="m1", evidence=(0, 52))])
    assert score(GOLD, [predicted])["relations"]["alias_of"]["tp"] == 1


def test_load_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "x"}) + "\n{broken\n")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: not a gold document"):
        load_gold(path)


GOOD = {"id": "d1", "lang": "en", "text": "Vpered in Kazan.", "entities": [
    {"start": 0, "end": 6, "label": "ORG", "text": "Vpered"}, {"start": 10, "end": 15, "label": "LOC"}],
    "relations": [{"head": 0, "tail": 1, "type": "HEADQUARTERED_IN"}], "ignore": [[7, 9]]}


def _with(**fields) -> dict:
    return {**GOOD, **fields}


def _entity(**fields) -> dict:
    return _with(entities=[{"start": 0, "end": 6, "label": "ORG", **fields}], relations=[])


@pytest.mark.parametrize("line, reason", [
    ("[]", "not a gold document (JSON with id and text)"),
    ('"text"', "not a gold document (JSON with id and text)"),
    (json.dumps({"text": "x"}), "not a gold document (JSON with id and text)"),
    (json.dumps({"id": 1, "text": "x"}), "not a gold document (JSON with id and text)"),
    (json.dumps({"id": "a", "text": ["x"]}), "not a gold document (JSON with id and text)"),
    (json.dumps(_with(lang=1)), "lang is a number, not a string"),
    (json.dumps(_with(entities={"0": {}})), "entities is an object, not a list"),
    (json.dumps(_with(relations="none")), "relations is a string, not a list"),
    (json.dumps(_with(entities=["ORG"])), "entities[0]: not an entity (an object with start, end and label)"),
    (json.dumps(_with(entities=[{"start": 0, "end": 6}])),
     "entities[0]: not an entity (an object with start, end and label)"),
    (json.dumps(_entity(start="0")), "entities[0]: start '0' and end 6 are not both whole numbers"),
    (json.dumps(_entity(end=True)), "entities[0]: start 0 and end True are not both whole numbers"),
    (json.dumps(_entity(end=500)), "entities[0]: span 0:500 is not within the text (0 <= start < end <= 16)"),
    (json.dumps(_entity(start=-1)), "entities[0]: span -1:6 is not within the text (0 <= start < end <= 16)"),
    (json.dumps(_entity(start=6, end=0)), "entities[0]: span 6:0 is not within the text (0 <= start < end <= 16)"),
    (json.dumps(_entity(label="MISC")), "entities[0]: unknown label 'MISC'; valid labels are ORG, LOC, PER, DATE"),
    (json.dumps(_entity(label=None)), "entities[0]: unknown label None; valid labels are ORG, LOC, PER, DATE"),
    (json.dumps(_entity(text="Vpere")), "entities[0]: text 'Vpere' is not the text at 0:6 ('Vpered')"),
    (json.dumps(_entity(value=2011)), "entities[0]: value is a number, not a string"),
    (json.dumps(_with(relations=[{"head": 0, "tail": 2, "type": "LOCATED_IN"}])),
     "relations[0]: tail 2 is not an index of entities (0..1)"),
    (json.dumps(_with(relations=[{"head": -1, "tail": 1, "type": "LOCATED_IN"}])),
     "relations[0]: head -1 is not an index of entities (0..1)"),
    (json.dumps(_with(relations=[{"head": "0", "tail": 1, "type": "LOCATED_IN"}])),
     "relations[0]: head '0' is not an index of entities (0..1)"),
    (json.dumps(_with(relations=[{"head": 0, "tail": 1}])),
     "relations[0]: not a relation (an object with head, tail and type)"),
    (json.dumps(_with(ignore=[[7, 99]])), "ignore[0]: [7, 99] is not a [start, end] span of the text (0..16)"),
    (json.dumps(_with(ignore=[7, 9])), "ignore[0]: 7 is not a [start, end] span of the text (0..16)"),
    ("{broken", "not a gold document (JSON with id and text): Expecting property name enclosed in double quotes: "
     "line 1 column 2 (char 1)"),
    ("[" * 100_000 + "]" * 100_000, "not a gold document (JSON with id and text): nested too deeply"),
    (json.dumps(GOOD), "document id 'd1' is also on line 1"),
])
def test_load_gold_refuses_a_line_it_cannot_score_naming_the_file_and_line(tmp_path, line, reason):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_gold(path)
    assert str(error.value) == f"{path}:3: {reason}"


def test_load_gold_refuses_bytes_that_are_not_utf8(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n" + json.dumps(_with(id="d2"), ensure_ascii=False)
                     .replace("Vpered", "Вперёд").encode("cp1251"))
    with pytest.raises(InputError) as error:
        load_gold(path)
    assert str(error.value) == f"{path}:2: not UTF-8 (at byte offset 36 of the line)"


def test_load_gold_of_a_missing_file_is_one_line(tmp_path):
    with pytest.raises(InputError) as error:
        load_gold(tmp_path / "nope.jsonl")
    assert str(error.value) == f"{tmp_path / 'nope.jsonl'}: cannot read: No such file or directory"


def test_load_gold_keeps_a_line_break_inside_a_string_and_a_byte_order_mark(tmp_path):
    text = "Vpered\u2028in Kazan."
    path = tmp_path / "gold.jsonl"
    path.write_text("\ufeff" + json.dumps(_with(text=text), ensure_ascii=False) + "\r\n", encoding="utf-8")
    assert [g["text"] for g in load_gold(path)] == [text]


def test_eval_of_a_bad_gold_file_is_one_line_and_exit_2(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(_entity(end=500)) + "\n", encoding="utf-8")
    done = cli("eval", str(path))
    assert done.returncode == 2
    assert done.stderr == (f"error: {path}:1: entities[0]: span 0:500 is not within the text "
                           "(0 <= start < end <= 16)\n")


@pytest.mark.models
def test_eval_command_end_to_end(tmp_path):
    gold = tmp_path / "gold.jsonl"
    text = "The Russian Socialist Movement was founded in Moscow on 7 March 2011."
    gold.write_text(json.dumps({"id": "g1", "lang": "en", "text": text, "entities": [
        {"start": 4, "end": 30, "label": "ORG"}, {"start": 46, "end": 52, "label": "LOC"},
        {"start": 56, "end": 68, "label": "DATE", "value": "2011-03-07"}], "relations": [], "ignore": []}) + "\n")
    result = cli("eval", str(gold), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["entities"]["micro"]["recall"] == 1.0
    assert report["values"]["value_correct"] == 1


def test_b_cubed_linking_over_exactly_matched_mentions():
    text = "Vpered, Forward and the RSM."
    gold = [{"id": "d1", "text": text, "entities": [
        {"start": 0, "end": 6, "label": "ORG", "canonical": "vpered"},
        {"start": 8, "end": 15, "label": "ORG", "canonical": "vpered"},
        {"start": 24, "end": 27, "label": "ORG", "canonical": "rsm"},
        {"start": 20, "end": 27, "label": "ORG", "canonical": "rsm"}]}]  # "the RSM": no prediction, not counted
    mentions = [_mention_in(text, 1, 0, 6, "org:vpered"), _mention_in(text, 2, 8, 15, "org:rsm"),
                _mention_in(text, 3, 24, 27, "org:rsm")]
    predicted = Document(id="d1", path="d1", sha256="", lang="en", meta=Meta(), text=text, mentions=mentions,
                         relations=[])
    # pairs (gold, ours): (vpered, vpered), (vpered, rsm), (rsm, rsm): P = (1 + 1/2 + 1/2) / 3, R = (1/2 + 1/2 + 1) / 3
    assert b_cubed(gold, [predicted]) == {"mentions": 3, "precision": 0.6667, "recall": 0.6667, "f1": 0.6667}


def _mention_in(text, i, start, end, entity):
    return Mention(id=f"m{i}", start=start, end=end, text=text[start:end], label="ORG", lang="en",
                   normal=text[start:end], entity=entity, source="spacy")


NEREL_TEXT = "Сотрудники мэрии Москвы и Иван Петров (Ваня) из партии «Яблоко» в 2003 году основали Фонд Сахарова."


def _ru(i, surface, label, value=None, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = NEREL_TEXT.index(surface, start + 1)
    return Mention(id=f"m{i}", start=start, end=start + len(surface), text=surface, label=label, lang="ru",
                   normal=surface, value=value, source="natasha")


def test_nerel_relations_between_standalone_names_of_our_types():
    def entity(surface, label):
        start = NEREL_TEXT.index(surface)
        return {"start": start, "end": start + len(surface), "label": label, "text": surface}

    gold = [{"id": "n1", "lang": "ru", "text": NEREL_TEXT,
             "entities": [entity("мэрии Москвы", "ORG"), entity("Москвы", "LOC"), entity("Иван Петров", "PER"),
                          entity("Ваня", "PER"), entity("Фонд Сахарова", "ORG"), entity("в 2003 году", "DATE")],
             "relations": [{"head": 0, "tail": 1, "type": "HEADQUARTERED_IN"},  # "Москвы" is inside a name
                           {"head": 3, "tail": 2, "type": "ALTERNATIVE_NAME"},  # persons: no alias_of of ours
                           {"head": 4, "tail": 5, "type": "DATE_FOUNDED_IN"}]}]  # the date with its preposition
    predicted = Document(
        id="n1", path="n1", sha256="", lang="ru", meta=Meta(), text=NEREL_TEXT,
        mentions=[_ru(1, "Москвы", "LOC"), _ru(2, "Иван Петров", "PER"), _ru(3, "Яблоко", "ORG"),
                  _ru(4, "2003 году", "DATE", "2003"), _ru(5, "Фонд Сахарова", "ORG")],
        relations=[Relation(type="founded_on", head="m5", tail="m4", evidence=(0, 10)),
                   Relation(type="leader_of", head="m2", tail="m3", evidence=(0, 10))])  # NEREL states no leaders
    relations = score(gold, [predicted])["relations"]
    assert set(relations) == {"founded_on", "micro"}
    assert relations["founded_on"] == {"gold": 1, "pred": 1, "tp": 1, "precision": 1.0, "recall": 1.0, "f1": 1.0}
