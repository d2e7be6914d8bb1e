"""JSONL records: read_records validates each line and names the bad one; jsonl_text writes them sorted by id."""

from __future__ import annotations

import json

import pytest

from pipeline.core.errors import InputError
from pipeline.core.records import Document, Entity
from pipeline.io.jsonl import jsonl_text, read_records

from ..common import record


def entity(entity_id: str, name: str, label: str = "ORG") -> Entity:
    return Entity(id=entity_id, label=label, name=name, names={"ru": [name]}, mentions=1, documents=["d"])


def test_read_records_returns_each_line_as_a_validated_record(tmp_path):
    docs = [record("RSM was founded in Moscow.", [("RSM", "ORG"), ("Moscow", "LOC")], doc_id="a"),
            record("Калуга.", [("Калуга", "LOC")], doc_id="b", lang="ru")]
    path = tmp_path / "documents.jsonl"
    path.write_text("".join(d.model_dump_json() + "\n" for d in docs), encoding="utf-8")

    read = read_records(path, Document)

    assert read == docs
    assert [(m.text, m.label) for m in read[1].mentions] == [("Калуга", "LOC")]


def test_read_records_names_the_file_and_line_of_a_record_that_does_not_validate(tmp_path):
    good = entity("e1", "RSM").model_dump_json()
    bad = json.dumps({"id": "e2", "label": "TEAM", "name": "x", "names": {}, "mentions": 1, "documents": []})
    path = tmp_path / "entities.jsonl"
    path.write_text(f"{good}\n{bad}\n{good}\n", encoding="utf-8")

    with pytest.raises(InputError) as error:
        read_records(path, Entity)

    assert str(error.value).startswith(f"{path}:2: not a valid Entity record")


def test_read_records_names_the_line_that_is_not_json(tmp_path):
    path = tmp_path / "entities.jsonl"
    path.write_text(entity("e1", "RSM").model_dump_json() + "\n{broken\n", encoding="utf-8")

    with pytest.raises(InputError, match=r"entities\.jsonl:2: "):
        read_records(path, Entity)


def test_read_records_of_a_missing_file_says_to_run_the_pipeline_first(tmp_path):
    path = tmp_path / "outputs" / "entities.jsonl"

    with pytest.raises(InputError) as error:
        read_records(path, Entity)

    assert str(path) in str(error.value)
    assert "run 'pipeline run' first" in str(error.value)


def test_jsonl_text_sorts_by_id_one_object_per_line():
    text = jsonl_text([entity("e3", "C"), entity("e1", "A"), entity("e2", "B")])

    lines = text.split("\n")
    assert lines[-1] == "" and len(lines) == 4
    assert [json.loads(line)["id"] for line in lines[:-1]] == ["e1", "e2", "e3"]
    assert json.loads(lines[0]) == entity("e1", "A").model_dump(mode="json")


def test_jsonl_text_writes_cyrillic_unescaped():
    text = jsonl_text([entity("e1", "Союз левых социалистов")])

    assert '"name": "Союз левых социалистов"' in text
    assert "\\u" not in text



def test_read_records_of_a_file_that_is_not_utf8_names_the_file(tmp_path):
    path = tmp_path / "documents.jsonl"
    path.write_bytes("Союз".encode("cp1251"))
    with pytest.raises(InputError, match="not UTF-8 text") as error:
        read_records(path, Document)
    assert str(error.value).startswith(f"{path}: ")
