"""Label Studio round trip: export_tasks from documents.jsonl, import_tasks back to gold dicts, the config."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.core.errors import InputError
from pipeline.core.records import RELATION_TYPES, Document
from pipeline.tools.labelstudio import export_tasks, import_tasks, labelling_config

from ..common import record

FOUNDED = "The Left Socialist Alliance was founded on 12 May 2009 in Kazan."


def documents() -> list[Document]:
    english = record(FOUNDED, [("Left Socialist Alliance", "ORG"), ("12 May 2009", "DATE"), ("Kazan", "LOC")],
                     doc_id="en/founded", relations=[("founded_on", 0, 1), ("headquartered_in", 0, 2)],
                     **{"12 May 2009": {"value": "2009-05-12"}})
    russian = record("Анна Смирнова возглавляет Союз левых социалистов в Калуге.",
                     [("Анна Смирнова", "PER"), ("Союз левых социалистов", "ORG"), ("Калуге", "LOC")],
                     doc_id="ru/kaluga", lang="ru", relations=[("leader_of", 0, 1), ("has_branch_in", 1, 2)])
    return [english, russian]


@pytest.fixture
def out_dir(tmp_path):
    out = tmp_path / "outputs"
    out.mkdir()
    (out / "documents.jsonl").write_text("".join(d.model_dump_json() + "\n" for d in documents()), encoding="utf-8")
    return out


def save(tmp_path, tasks) -> Path:
    path = tmp_path / "export.json"
    path.write_text(json.dumps(tasks, ensure_ascii=False), encoding="utf-8")
    return path


def region(region_id: str, start: int, end: int, label: str) -> dict:
    return {"id": region_id, "from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": FOUNDED[start:end], "labels": [label]}}


def test_export_tasks_makes_one_task_per_document_with_its_prediction(out_dir):
    tasks = export_tasks(out_dir)

    assert [t["id"] for t in tasks] == [1, 2]
    assert tasks[1]["data"] == {"text": documents()[1].text, "doc_id": "ru/kaluga", "lang": "ru"}
    result = tasks[0]["predictions"][0]["result"]
    labels = [(r["id"], r["value"]["start"], r["value"]["end"], r["value"]["labels"]) for r in result
              if r["type"] == "labels"]
    assert labels == [("m1", 4, 27, ["ORG"]), ("m2", 43, 54, ["DATE"]), ("m3", 58, 63, ["LOC"])]
    relations = [(r["from_id"], r["to_id"], r["labels"]) for r in result if r["type"] == "relation"]
    assert relations == [("m1", "m2", ["founded_on"]), ("m1", "m3", ["headquartered_in"])]


def test_export_tasks_without_a_run_says_to_run_the_pipeline_first(tmp_path):
    with pytest.raises(InputError, match="run 'pipeline run' first"):
        export_tasks(tmp_path)


def test_round_trip_without_edits_gives_back_the_mentions_and_relations(out_dir, tmp_path):
    gold = import_tasks(save(tmp_path, export_tasks(out_dir)))

    assert [g["id"] for g in gold] == ["en/founded", "ru/kaluga"]
    for doc, back in zip(documents(), gold):
        assert back["text"] == doc.text and back["lang"] == doc.lang
        assert [(e["start"], e["end"], e["label"]) for e in back["entities"]] == \
            [(m.start, m.end, m.label) for m in doc.mentions]
        spans = [(e["start"], e["end"]) for e in back["entities"]]
        by_id = {m.id: (m.start, m.end) for m in doc.mentions}
        assert [(r["type"], spans[r["head"]], spans[r["tail"]]) for r in back["relations"]] == \
            [(r.type, by_id[r.head], by_id[r.tail]) for r in doc.relations]


def test_round_trip_keeps_the_date_value_and_the_mention_text(out_dir, tmp_path):
    gold = import_tasks(save(tmp_path, export_tasks(out_dir)))

    assert gold[0]["entities"][1] == {"start": 43, "end": 54, "label": "DATE", "text": "12 May 2009",
                                      "value": "2009-05-12"}
    assert "value" not in gold[0]["entities"][0]
    assert gold[1]["entities"][0]["text"] == "Анна Смирнова"


def test_an_annotation_wins_over_the_prediction(out_dir, tmp_path):
    tasks = export_tasks(out_dir)
    tasks[0]["annotations"] = [{"id": 1, "was_cancelled": False, "result": [
        region("b", 58, 63, "LOC"), region("a", 4, 27, "ORG"),
        {"type": "relation", "from_id": "a", "to_id": "b", "direction": "right", "labels": ["located_in"]}]}]

    gold = import_tasks(save(tmp_path, tasks))

    assert gold[0]["entities"] == [{"start": 4, "end": 27, "label": "ORG", "text": "Left Socialist Alliance"},
                                   {"start": 58, "end": 63, "label": "LOC", "text": "Kazan"}]
    assert gold[0]["relations"] == [{"head": 0, "tail": 1, "type": "located_in"}]
    assert [(e["start"], e["label"]) for e in gold[1]["entities"]] == [(0, "PER"), (26, "ORG"), (51, "LOC")]


def test_a_cancelled_annotation_is_ignored(out_dir, tmp_path):
    tasks = export_tasks(out_dir)
    tasks[0]["annotations"] = [{"id": 1, "was_cancelled": True, "result": [region("a", 58, 63, "PER")]}]

    gold = import_tasks(save(tmp_path, tasks))

    assert [(e["start"], e["end"], e["label"]) for e in gold[0]["entities"]] == \
        [(4, 27, "ORG"), (43, 54, "DATE"), (58, 63, "LOC")]
    assert len(gold[0]["relations"]) == 2


def test_the_latest_annotation_that_was_not_cancelled_is_taken(out_dir, tmp_path):
    tasks = export_tasks(out_dir)
    tasks[0]["annotations"] = [{"id": 1, "result": [region("a", 58, 63, "PER")]},
                               {"id": 2, "result": [region("a", 58, 63, "LOC")]},
                               {"id": 3, "was_cancelled": True, "result": []}]

    gold = import_tasks(save(tmp_path, tasks))

    assert [(e["start"], e["end"], e["label"]) for e in gold[0]["entities"]] == [(58, 63, "LOC")]


def test_import_of_a_file_that_is_not_a_json_list_names_the_file(tmp_path):
    path = save(tmp_path, {"tasks": []})

    with pytest.raises(InputError) as error:
        import_tasks(path)

    assert str(path) in str(error.value)


def test_import_of_a_file_that_is_not_json_names_the_file(tmp_path):
    path = tmp_path / "export.json"
    path.write_text("[{broken", encoding="utf-8")

    with pytest.raises(InputError, match="not a Label Studio JSON export") as error:
        import_tasks(path)

    assert str(path) in str(error.value)


def test_import_of_a_task_without_text_names_the_file_and_task(tmp_path):
    path = save(tmp_path, [{"id": 1, "data": {"text": "RSM."}}, {"id": 7, "data": {"doc_id": "x"}}])

    with pytest.raises(InputError) as error:
        import_tasks(path)

    assert str(path) in str(error.value)
    assert "task 7" in str(error.value)


def test_labelling_config_lists_every_relation_type_and_the_four_labels():
    config = labelling_config()

    for relation in RELATION_TYPES:
        assert f'<Relation value="{relation}"/>' in config
    assert config.count("<Relation value=") == len(RELATION_TYPES)
    for label in ("ORG", "LOC", "PER", "DATE"):
        assert f'<Label value="{label}"' in config
    assert '<Labels name="label" toName="text">' in config
    assert '<Text name="text" value="$text"' in config


@pytest.mark.parametrize("tasks", [["not a task"], [{"id": 1, "data": None}]])
def test_import_of_a_task_of_the_wrong_shape_names_the_file_and_the_task(tmp_path, tasks):
    path = save(tmp_path, tasks)
    with pytest.raises(InputError, match="task 1: not a Label Studio task") as error:
        import_tasks(path)
    assert str(error.value).startswith(f"{path}: ")


@pytest.mark.models
def test_an_unedited_round_trip_scores_every_date_value_right(sample_run, models, tmp_path):
    from pipeline.tools.evaluate import predict, score

    out, _ = sample_run
    tasks = export_tasks(out)
    assert all(t["data"]["dct"] for t in tasks if t["data"]["doc_id"].startswith("ru/"))  # the published dates
    gold = import_tasks(save(tmp_path, tasks))
    values = score(gold, predict(models, gold))["values"]
    assert values["gold_with_value"] > 30
    assert values["value_correct"] == values["gold_with_value"]
