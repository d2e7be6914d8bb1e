"""Label Studio round trip: export a run's mentions and relations as tasks with predictions, import reviewed
annotations back into the gold format that `pipeline eval` reads."""

from __future__ import annotations

import json
from pathlib import Path

from ..core.errors import InputError
from ..core.records import LABELS, RELATION_TYPES, Document
from ..core.versions import __version__
from ..corpus.corrections import id_problem
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
    `reviewed_only`, only the tasks a reviewer annotated). Every task is checked first: one that cannot be read
    refuses the whole file with an InputError naming the task and the reason."""
    tasks = _read_export(path)
    gold, seen = [], {}
    for number, task in enumerate(tasks, 1):
        name = _task_name(task, number)
        try:
            doc, reviewed = _task_gold(task, name, reviewed_only)
        except _Refused as exc:
            raise InputError(f"{path}: task {name}: {exc}") from None
        doc_id = doc["id"]
        if doc_id in seen:
            raise InputError(f"{path}: task {name}: document id {doc_id!r} is also task {seen[doc_id]}'s; "
                             "one task per document")
        seen[doc_id] = name
        if reviewed or not reviewed_only:
            gold.append(doc)
    return gold


class _Refused(ValueError):
    """Why one task cannot be imported (the caller names the file and the task)."""


def _read_export(path: Path) -> list:
    """The export's list of tasks; InputError when the file cannot be read or is no JSON list."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (at byte offset {exc.start}); a Label Studio JSON export is UTF-8") \
            from None
    if not text.strip():
        raise InputError(f"{path}: empty file; expected a Label Studio JSON export (a list of tasks)")
    try:
        tasks = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path}: not a Label Studio JSON export: {exc}") from None
    except RecursionError:
        raise InputError(f"{path}: not a Label Studio JSON export: nested too deeply") from None
    if not isinstance(tasks, list):
        raise InputError(f"{path}: expected a JSON list of tasks, not {_kind(tasks)}")
    return tasks


def _task_name(task: object, number: int) -> str:
    """How messages name a task: its id when it is a plain number or a short printable string, else its place."""
    task_id = task.get("id") if isinstance(task, dict) else None
    if isinstance(task_id, int) and not isinstance(task_id, bool):
        return str(task_id)
    if isinstance(task_id, str) and 0 < len(task_id) <= 40 and task_id.isprintable():
        return repr(task_id)
    return str(number)


def _task_gold(task: object, name: str, reviewed_only: bool) -> tuple[dict, bool]:
    """One task as a gold document, and whether a reviewer annotated it; _Refused says what is wrong with it."""
    if not isinstance(task, dict) or not isinstance(task.get("data"), dict):
        raise _Refused("not a Label Studio task (an object with a data object)")
    task_id = task.get("id")
    if task_id is not None and (isinstance(task_id, bool) or not isinstance(task_id, int | str)):
        raise _Refused(f"id is {_kind(task_id)}, not a number or a string")
    data = task["data"]
    if "text" not in data:
        raise _Refused("has no data.text")
    for key in ("text", "doc_id", "lang", "dct"):
        if not (isinstance(data.get(key), str) or (key != "text" and data.get(key) is None)):
            raise _Refused(f"data.{key} is {_kind(data[key])}, not a string")
    doc_id = data.get("doc_id")
    doc_id = doc_id if doc_id is not None else f"task-{task_id if task_id is not None else name}"
    problem = id_problem(doc_id)
    if problem:
        raise _Refused(f"document id {_show(doc_id)} {problem}")
    annotations = [a for a in _objects(task, "annotations") if not a.get("was_cancelled")]
    predictions = _objects(task, "predictions") if not annotations and not reviewed_only else []
    chosen = annotations[-1] if annotations else predictions[-1] if predictions else {}
    result = chosen.get("result", [])
    if not isinstance(result, list):
        raise _Refused(f"{'annotation' if annotations else 'prediction'} result is {_kind(result)}, not a list")
    text = data["text"]
    entities, relations = _read_result(result, text)
    gold = {"id": doc_id, "lang": data.get("lang"), "text": text, "entities": entities, "relations": relations,
            "ignore": []}
    if data.get("dct"):
        gold["dct"] = data["dct"]
    try:
        json.dumps(gold, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        raise _Refused("holds a lone surrogate (a broken \\ud800-\\udfff escape), which UTF-8 cannot store") \
            from None
    return gold, bool(annotations)


def _objects(task: dict, key: str) -> list[dict]:
    """A task's annotations or predictions, each an object."""
    items = task.get(key, [])
    if not isinstance(items, list):
        raise _Refused(f"{key} is {_kind(items)}, not a list")
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise _Refused(f"{key} item {number} is {_kind(item)}, not an object")
    return items


def _read_result(result: list, text: str) -> tuple[list[dict], list[dict]]:
    """Entities (sorted by span) and relations (by entity index) of one annotation's result."""
    regions, links = {}, []
    for number, item in enumerate(result, 1):
        if not isinstance(item, dict):
            raise _Refused(f"result item {number} is {_kind(item)}, not an object")
        if item.get("type") == "labels":
            region_id = item.get("id", f"#{number}")
            if isinstance(region_id, bool) or not isinstance(region_id, int | str):
                raise _Refused(f"result item {number}: id is {_kind(region_id)}, not a string or a number")
            if region_id in regions:
                raise _Refused(f"region {_show(region_id)} appears twice")
            regions[region_id] = _entity(item, f"region {_show(region_id)}", text)
        elif item.get("type") == "relation":
            links.append(item)
        # other result types (a reviewer's note, a rating) say nothing about names or relations
    spans = sorted({(e["start"], e["end"], e["label"]): e for e in regions.values()}.items())
    entities = [e for _, e in spans]
    index = {key: number for number, (key, _) in enumerate(spans)}
    at = {region_id: index[(e["start"], e["end"], e["label"])] for region_id, e in regions.items()}
    relations = []
    for link in links:
        for relation in _relations(link, at):
            if relation not in relations:
                relations.append(relation)
    return entities, relations


def _entity(item: dict, where: str, text: str) -> dict:
    """One labelled region as a gold entity, checked against the text and the labels."""
    value = item.get("value")
    if not isinstance(value, dict):
        raise _Refused(f"{where}: value is {_kind(value)}, not an object")
    start, end = value.get("start"), value.get("end")
    for key, offset in (("start", start), ("end", end)):
        if isinstance(offset, bool) or not isinstance(offset, int):
            raise _Refused(f"{where}: {key} is {_kind(offset)}, not a whole number")
    if not 0 <= start < end <= len(text):
        raise _Refused(f"{where}: span {start}:{end} is not within the text (0 <= start < end <= {len(text)})")
    surface = text[start:end]
    if not surface.strip():
        raise _Refused(f"{where}: span {start}:{end} is only whitespace ({surface!r})")
    if isinstance(value.get("text"), str) and value["text"] != surface:
        raise _Refused(f"{where}: the text at {start}:{end} is {_show(surface)}, not the region's "
                       f"{_show(value['text'])}")
    labels = _labels(value.get("labels"), where)
    if len(labels) != 1:
        raise _Refused(f"{where}: has {len(labels)} labels {labels[:5]}; give it exactly one")
    if labels[0] not in LABELS:
        raise _Refused(f"{where}: unknown label {_show(labels[0])}; valid labels are {', '.join(LABELS)}")
    entity = {"start": start, "end": end, "label": labels[0], "text": surface}
    meta = item.get("meta")
    if meta is not None and not isinstance(meta, dict):
        raise _Refused(f"{where}: meta is {_kind(meta)}, not an object")
    date_value = (meta or {}).get("value")
    if date_value is not None and not isinstance(date_value, str):
        raise _Refused(f"{where}: meta.value is {_kind(date_value)}, not a string")
    if labels[0] == "DATE" and date_value:
        entity["value"] = date_value
    return entity


def _relations(link: dict, at: dict) -> list[dict]:
    """One relation item as gold relations (one per label), its ends regions of the same result."""
    ends = [link.get("from_id"), link.get("to_id")]
    where = f"relation {_show(ends[0])} -> {_show(ends[1])}"
    for end in ends:
        if isinstance(end, bool) or not isinstance(end, int | str) or end not in at:
            raise _Refused(f"{where}: {_show(end)} is no region of the annotation")
    labels = _labels(link.get("labels"), where)
    if not labels:
        raise _Refused(f"{where}: has no type; give it one of {', '.join(RELATION_TYPES)}, or delete it")
    for label in labels:
        if label not in RELATION_TYPES:
            raise _Refused(f"{where}: unknown relation type {_show(label)}; valid types are "
                           f"{', '.join(RELATION_TYPES)}")
    direction = link.get("direction", "right")
    if direction not in ("right", "left", "bi"):
        raise _Refused(f"{where}: direction {_show(direction)} is not right, left or bi")
    head, tail = (at[ends[1]], at[ends[0]]) if direction == "left" else (at[ends[0]], at[ends[1]])
    if head == tail:
        raise _Refused(f"{where}: joins a name to itself")
    return [{"head": head, "tail": tail, "type": label} for label in labels]


def _labels(labels: object, where: str) -> list[str]:
    """A region's or relation's labels, a list of strings."""
    if not isinstance(labels, list):
        raise _Refused(f"{where}: labels is {_kind(labels)}, not a list of strings")
    if not all(isinstance(label, str) for label in labels):
        raise _Refused(f"{where}: labels {_show(labels)} are not all strings")
    return labels


def _kind(value: object) -> str:
    """A JSON value's type as a message says it."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    names = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), type(value).__name__)


def _show(value: object) -> str:
    """A value for a message, cut short."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."
