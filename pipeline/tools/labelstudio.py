"""Label Studio round trip: export a run's mentions and relations as tasks with predictions, import reviewed
annotations back into the gold format that `pipeline eval` reads."""

from __future__ import annotations

import json
from pathlib import Path

from ..core.errors import InputError
from ..core.records import LABELS, RELATION_TYPES, Document
from ..core.versions import __version__
from ..io.jsonl import read_records

CONFIG = """<View>
  <Labels name="label" toName="text">
    <Label value="ORG" background="#0072B2"/>
    <Label value="LOC" background="#009E73"/>
    <Label value="PER" background="#D55E00"/>
    <Label value="DATE" background="#CC79A7"/>
  </Labels>
  <Relations>
__RELATIONS__  </Relations>
  <Text name="text" value="$text" granularity="symbol"/>
</View>
"""


def labelling_config() -> str:
    """The Label Studio labelling configuration matching the tasks (paste it into the project settings)."""
    return CONFIG.replace("__RELATIONS__", "".join(f'    <Relation value="{t}"/>\n' for t in RELATION_TYPES))


def export_tasks(out_dir: Path) -> list[dict]:
    """One Label Studio task per document, our mentions and relations as its prediction."""
    tasks = []
    for number, doc in enumerate(read_records(out_dir / "documents.jsonl", Document), 1):
        result = []
        for m in doc.mentions:
            result.append({"id": m.id, "from_name": "label", "to_name": "text", "type": "labels",
                           "value": {"start": m.start, "end": m.end, "text": m.text, "labels": [m.label]},
                           "meta": {"normal": m.normal, "value": m.value, "entity": m.entity}})
        for r in doc.relations:
            result.append({"type": "relation", "from_id": r.head, "to_id": r.tail, "direction": "right",
                           "labels": [r.type]})
        data = {"text": doc.text, "doc_id": doc.id, "lang": doc.lang}
        if doc.meta.published:
            data["dct"] = doc.meta.published  # the date relative dates count from, back into the gold
        tasks.append({"id": number, "data": data,
                      "predictions": [{"model_version": f"pipeline {__version__}", "result": result}]})
    return tasks


def import_tasks(path: Path, reviewed_only: bool = False) -> list[dict]:
    """Gold documents from a Label Studio export: the latest annotation of each task, else its prediction (with
    `reviewed_only`, only the tasks a reviewer annotated)."""
    try:
        tasks = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"{path}: not a Label Studio JSON export: {exc}") from None
    if not isinstance(tasks, list):
        raise InputError(f"{path}: expected a JSON list of tasks")
    gold = []
    for number, task in enumerate(tasks, 1):
        if not isinstance(task, dict) or not isinstance(task.get("data", {}), dict):
            raise InputError(f"{path}: task {number} is not a Label Studio task (an object with a data object)")
        data = task.get("data", {})
        if "text" not in data:
            raise InputError(f"{path}: task {task.get('id')} has no data.text")
        annotations = [a for a in task.get("annotations", []) if not a.get("was_cancelled")]
        if reviewed_only and not annotations:
            continue
        chosen = (annotations[-1] if annotations else (task.get("predictions") or [{}])[-1]).get("result", [])
        gold.append(_to_gold(data, chosen, task.get("id")))
    return gold


def _to_gold(data: dict, result: list[dict], task_id) -> dict:
    text = data["text"]
    regions = [r for r in result if r.get("type") == "labels" and r.get("value", {}).get("labels")]
    regions.sort(key=lambda r: (r["value"]["start"], r["value"]["end"]))
    entities, index = [], {}
    for r in regions:
        value = r["value"]
        label = value["labels"][0]
        if label not in LABELS:
            continue
        index[r.get("id")] = len(entities)
        start, end = value["start"], value["end"]
        entity = {"start": start, "end": end, "label": label, "text": text[start:end]}
        if label == "DATE" and (r.get("meta") or {}).get("value"):
            entity["value"] = r["meta"]["value"]
        entities.append(entity)
    relations = [{"head": index[r["from_id"]], "tail": index[r["to_id"]], "type": r["labels"][0]}
                 for r in result if r.get("type") == "relation" and r.get("labels")
                 and r.get("from_id") in index and r.get("to_id") in index]
    gold = {"id": data.get("doc_id") or f"task-{task_id}", "lang": data.get("lang"), "text": text,
            "entities": entities, "relations": relations, "ignore": []}
    if data.get("dct"):
        gold["dct"] = data["dct"]
    return gold
