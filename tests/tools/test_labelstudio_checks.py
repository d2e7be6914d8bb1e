"""import_tasks checks every task before anything is written: a task it cannot read refuses the whole file with
one line naming the task and the reason; `import --into` then writes no correction file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.core.errors import InputError
from pipeline.corpus.corrections import FOLDER, store_corrections
from pipeline.tools.labelstudio import import_tasks

from ..common import cli

TEXT = "Vpered\n\nin Kazan."  # Vpered 0:6, blank lines 6:8, Kazan 11:16


def region(region_id: object, start: object, end: object, label: object = "ORG", **value) -> dict:
    return {"id": region_id, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "labels": [label], **value}}


def relation(head: object, tail: object, kind: object = "headquartered_in", **fields) -> dict:
    return {"type": "relation", "from_id": head, "to_id": tail, "direction": "right", "labels": [kind], **fields}


def task(result: list | None = None, task_id: object = 1, **data) -> dict:
    """A reviewed task on TEXT: by default "Vpered" (ORG) based in "Kazan" (LOC)."""
    if result is None:
        result = [region("a", 0, 6), region("b", 11, 16, "LOC"), relation("a", "b")]
    return {"id": task_id, "data": {"text": TEXT, "doc_id": "en/a", "lang": "en", **data},
            "annotations": [{"id": 1, "result": result}]}


def save(tmp_path: Path, tasks: object) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks), encoding="utf-8")  # ASCII: a lone surrogate as its escape
    return path


def refusal(tmp_path: Path, tasks: object) -> str:
    """The message import_tasks refuses the export with, minus the file name."""
    path = save(tmp_path, tasks)
    with pytest.raises(InputError) as error:
        import_tasks(path, reviewed_only=True)
    message = str(error.value)
    assert message.startswith(f"{path}: ") and "\n" not in message
    return message[len(f"{path}: "):]


def test_a_good_task_is_imported(tmp_path):
    (gold,) = import_tasks(save(tmp_path, [task()]), reviewed_only=True)
    assert gold["id"] == "en/a"
    assert gold["entities"] == [{"start": 0, "end": 6, "label": "ORG", "text": "Vpered"},
                                {"start": 11, "end": 16, "label": "LOC", "text": "Kazan"}]
    assert gold["relations"] == [{"head": 0, "tail": 1, "type": "headquartered_in"}]


@pytest.mark.parametrize("result, reason", [
    ([region("a", 5, 500)], "region 'a': span 5:500 is not within the text (0 <= start < end <= 17)"),
    ([region("a", -1, 6)], "region 'a': span -1:6 is not within the text (0 <= start < end <= 17)"),
    ([region("a", 6, 0)], "region 'a': span 6:0 is not within the text (0 <= start < end <= 17)"),
    ([region("a", 3, 3)], "region 'a': span 3:3 is not within the text (0 <= start < end <= 17)"),
    ([region("a", 6, 8)], "region 'a': span 6:8 is only whitespace ('\\n\\n')"),
    ([region("a", True, 6)], "region 'a': start is true, not a whole number"),
    ([region("a", "0", 6)], "region 'a': start is a string, not a whole number"),
    ([region("a", 0, 6.0)], "region 'a': end is a number, not a whole number"),
    ([region("a", 0, 6, "MISC")], "region 'a': unknown label 'MISC'; valid labels are ORG, LOC, PER, DATE"),
    ([region("a", 0, 6, 5)], "region 'a': labels [5] are not all strings"),
    ([{**region("a", 0, 6), "value": {"start": 0, "end": 6, "labels": []}}], "region 'a': has 0 labels []; "
     "give it exactly one"),
    ([{**region("a", 0, 6), "value": {"start": 0, "end": 6, "labels": "ORG"}}],
     "region 'a': labels is a string, not a list of strings"),
    ([{**region("a", 0, 6), "value": [0, 6]}], "region 'a': value is a list, not an object"),
    ([region("a", 0, 6, text="Vpere")], "region 'a': the text at 0:6 is 'Vpered', not the region's 'Vpere'"),
    ([{**region("a", 0, 6), "meta": "x"}], "region 'a': meta is a string, not an object"),
    ([region(["a"], 0, 6)], "result item 1: id is a list, not a string or a number"),
    ([region("a", 0, 6), region("a", 11, 16, "LOC")], "region 'a' appears twice"),
    (["a region"], "result item 1 is a string, not an object"),
    ([region("a", 0, 6), region("b", 11, 16, "LOC"), relation("a", "b", "based_in")],
     "relation 'a' -> 'b': unknown relation type 'based_in'; valid types are founded_on, merged_into, joined, "
     "joined_on, member_of, affiliated_with, headquartered_in, has_branch_in, located_in, leader_of, publishes, "
     "alias_of"),
    ([region("a", 0, 6), relation("a", "gone")], "relation 'a' -> 'gone': 'gone' is no region of the annotation"),
    ([region("a", 0, 6), relation("a", ["b"])], "relation 'a' -> ['b']: ['b'] is no region of the annotation"),
    ([region("a", 0, 6), region("b", 11, 16, "LOC"), {**relation("a", "b"), "labels": []}],
     "relation 'a' -> 'b': has no type; give it one of founded_on, merged_into, joined, joined_on, member_of, "
     "affiliated_with, headquartered_in, has_branch_in, located_in, leader_of, publishes, alias_of, or delete it"),
    ([region("a", 0, 6), region("b", 11, 16, "LOC"), relation("a", "b", direction="up")],
     "relation 'a' -> 'b': direction 'up' is not right, left or bi"),
    ([region("a", 0, 6), relation("a", "a")], "relation 'a' -> 'a': joins a name to itself"),
])
def test_a_region_or_relation_that_cannot_be_read_refuses_the_file(tmp_path, result, reason):
    assert refusal(tmp_path, [task(result)]) == f"task 1: {reason}"


@pytest.mark.parametrize("doc_id, reason", [
    (7, "data.doc_id is a number, not a string"),
    ("", "document id '' is empty"),
    ("../ru/x", "document id '../ru/x' has an empty, '.' or '..' part"),
    ("ru/../x", "document id 'ru/../x' has an empty, '.' or '..' part"),
    ("./ru/x", "document id './ru/x' has an empty, '.' or '..' part"),
    ("ru//x", "document id 'ru//x' has an empty, '.' or '..' part"),
    ("ru/x/", "document id 'ru/x/' has an empty, '.' or '..' part"),
    ("/etc/x", "document id '/etc/x' starts with '/'; an id is a relative path"),
    ("ru\\x", "document id 'ru\\\\x' holds a backslash; the parts of an id are separated by '/'"),
    ("ru/a\x00b", "document id 'ru/a\\x00b' holds the control character '\\x00'"),
    ("ru/a\x1bb", "document id 'ru/a\\x1bb' holds the control character '\\x1b'"),
    ("ru/a\nb", "document id 'ru/a\\nb' holds the control character '\\n'"),
    ("x" * 201, f"document id '{'x' * 56}... is 201 characters long; at most 200"),
    ("ru/" + "я" * 130, "document id 'ru/яяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяяя... has a part "
     "longer than 250 bytes, too long for a file name"),
])
def test_a_document_id_that_cannot_name_a_file_refuses_the_file(tmp_path, doc_id, reason):
    assert refusal(tmp_path, [task(doc_id=doc_id)]) == f"task 1: {reason}"


@pytest.mark.parametrize("tasks, reason", [
    (["a task"], "task 1: not a Label Studio task (an object with a data object)"),
    ([{"id": 1}], "task 1: not a Label Studio task (an object with a data object)"),
    ([{"id": 1, "data": {"doc_id": "a"}}], "task 1: has no data.text"),
    ([task(text=5)], "task 1: data.text is a number, not a string"),
    ([task(text=None)], "task 1: data.text is null, not a string"),
    ([task(lang=["en"])], "task 1: data.lang is a list, not a string"),
    ([task(dct=2011)], "task 1: data.dct is a number, not a string"),
    ([task(task_id={"n": 1})], "task 1: id is an object, not a number or a string"),
    ([task(task_id=False)], "task 1: id is false, not a number or a string"),
    ([{**task(), "annotations": {"result": []}}], "task 1: annotations is an object, not a list"),
    ([{**task(), "annotations": [[]]}], "task 1: annotations item 1 is a list, not an object"),
    ([{**task(), "annotations": [{"result": {"a": 1}}]}], "task 1: annotation result is an object, not a list"),
    ([task(), task(task_id=2)], "task 2: document id 'en/a' is also task 1's; one task per document"),
    ([task([], text="x\ud800")], "task 1: holds a lone surrogate (a broken \\ud800-\\udfff escape), which UTF-8 "
     "cannot store"),
    ([task(task_id="s-1", doc_id=None), task(task_id="s-1", doc_id=None)],
     "task 's-1': document id 'task-s-1' is also task 's-1''s; one task per document"),
])
def test_a_task_of_the_wrong_shape_refuses_the_file(tmp_path, tasks, reason):
    assert refusal(tmp_path, tasks) == reason


def test_an_unreviewed_task_is_checked_too(tmp_path):
    unreviewed = {"id": 2, "data": {"text": "RSM.", "doc_id": "../x"}}
    assert refusal(tmp_path, [task(), unreviewed]) == "task 2: document id '../x' has an empty, '.' or '..' part"


@pytest.mark.parametrize("content, reason", [
    (b"", "empty file; expected a Label Studio JSON export (a list of tasks)"),
    (b"  \n", "empty file; expected a Label Studio JSON export (a list of tasks)"),
    (b"[{broken", "not a Label Studio JSON export: Expecting property name enclosed in double quotes: line 1 "
     "column 3 (char 2)"),
    ('[{"data": {"text": "Москва"}}]'.encode("cp1251"),
     "not UTF-8 (at byte offset 20); a Label Studio JSON export is UTF-8"),
    (b"[" * 100_000 + b"]" * 100_000, "not a Label Studio JSON export: nested too deeply"),
    (b'{"tasks": []}', "expected a JSON list of tasks, not an object"),
])
def test_a_file_that_is_no_export_is_one_line(tmp_path, content, reason):
    path = tmp_path / "export.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as error:
        import_tasks(path)
    assert str(error.value) == f"{path}: {reason}"


def test_a_missing_file_is_one_line(tmp_path):
    with pytest.raises(InputError) as error:
        import_tasks(tmp_path / "nope.json")
    assert str(error.value) == f"{tmp_path / 'nope.json'}: cannot read: No such file or directory"


def test_left_relations_and_several_types_and_repeated_regions(tmp_path):
    result = [region("a", 0, 6), region("b", 11, 16, "LOC"), region("c", 0, 6),
              relation("b", "a", direction="left"), {**relation("c", "b"), "labels": ["headquartered_in",
                                                                                      "located_in"]}]
    (gold,) = import_tasks(save(tmp_path, [task(result)]))
    assert [(e["start"], e["label"]) for e in gold["entities"]] == [(0, "ORG"), (11, "LOC")]
    assert gold["relations"] == [{"head": 0, "tail": 1, "type": "headquartered_in"},
                                 {"head": 0, "tail": 1, "type": "located_in"}]


def test_import_into_a_corpus_writes_nothing_when_a_later_task_is_refused(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    second = task(task_id=2, doc_id=7)
    export = save(tmp_path, [task(), second])
    done = cli("import", str(export), "--format", "label-studio", "--into", str(corpus))
    assert done.returncode == 2
    assert done.stderr == f"error: {export}: task 2: data.doc_id is a number, not a string\n"
    assert not (corpus / FOLDER).exists()


@pytest.mark.parametrize("doc_id", ["../ru/x", "ru/x\x00"])
def test_import_into_a_corpus_refuses_an_id_outside_it(tmp_path, doc_id):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    export = save(tmp_path, [task(), task(task_id=2, doc_id=doc_id)])
    done = cli("import", str(export), "--format", "label-studio", "--into", str(corpus))
    assert done.returncode == 2 and done.stderr.startswith(f"error: {export}: task 2: document id ")
    assert done.stderr.count("\n") == 1
    assert not (corpus / FOLDER).exists() and not (tmp_path / "ru").exists()


def test_import_to_gold_of_a_bad_file_writes_no_gold(tmp_path):
    export = save(tmp_path, [task([region("a", 5, 500)])])
    out = tmp_path / "gold.jsonl"
    done = cli("import", str(export), "--out", str(out))
    assert done.returncode == 2
    assert done.stderr == (f"error: {export}: task 1: region 'a': span 5:500 is not within the text "
                           "(0 <= start < end <= 17)\n")
    assert not out.exists()


def test_store_corrections_checks_every_document_before_writing(tmp_path):
    good = import_tasks(save(tmp_path, [task()]))[0]
    bad = {**good, "id": "en/b", "entities": [{"start": 0, "end": 99, "label": "ORG"}]}
    with pytest.raises(InputError) as error:
        store_corrections([good, bad], tmp_path)
    assert str(error.value) == "gold document en/b: mention 0-99 ORG does not fit the text or the labels"
    assert not (tmp_path / FOLDER).exists()


@pytest.mark.parametrize("doc, reason", [
    ({"id": "../x", "text": "Vpered", "entities": []}, "document id '../x' has an empty, '.' or '..' part"),
    ({"id": "x", "text": "Vpered", "entities": [{"start": "0", "end": 6, "label": "ORG"}]},
     "start: Input should be a valid integer"),
    ({"id": "x", "text": "Vpered", "entities": [], "relations": [{"head": 0, "tail": 1, "type": "joined"}]},
     "relation joined 0->1 names no mention of the file"),
    ({"id": "x"}, "not a gold document (KeyError: 'text')"),
])
def test_store_corrections_refuses_a_document_it_cannot_store(tmp_path, doc, reason):
    with pytest.raises(InputError) as error:
        store_corrections([doc], tmp_path)
    assert str(error.value).endswith(f": {reason}")
    assert not (tmp_path / FOLDER).exists()
