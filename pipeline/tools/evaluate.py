"""evaluate(gold) -> scores: the pipeline over each gold text, entities and relations scored on exact spans."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..core.errors import InputError
from ..core.records import LABELS, RELATION_TYPES, Document, Meta
from ..corpus.flow import process_documents
from ..ingest.read import InputDocument
from ..relate.relations import SIGNATURE

# NEREL relation types as ours; ALTERNATIVE_NAME and ABBREVIATION are direction-free.
RELATION_MAP = {
    "HEADQUARTERED_IN": "headquartered_in", "LOCATED_IN": "located_in", "DATE_FOUNDED_IN": "founded_on",
    "MEMBER_OF": "member_of", "PART_OF": "member_of", "ALTERNATIVE_NAME": "alias_of", "ABBREVIATION": "alias_of",
}
_ORG_ONLY = {"MEMBER_OF", "PART_OF"}
_MAPPED = set(RELATION_MAP.values())
_DATE_PREPOSITION = re.compile(r"(?:в|во|с|со|на|к|до|от|in|on|since|from)\s+", re.I)
_UNDIRECTED = {"alias_of"}

Span = tuple[int, int, str]


def load_gold(path: Path) -> list[dict]:
    """Gold documents (the shared evaluation format: id, lang, text, entities, relations, ignore); a line that is
    not one refuses the file with an InputError naming the file, the line and the reason."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    docs, seen = [], {}
    # lines are cut at "\n" only: a JSON string may hold U+2028 and other breaks that splitlines() cuts at
    for number, chunk in enumerate(raw.split(b"\n"), 1):
        try:
            line = chunk.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}:{number}: not UTF-8 (at byte offset {exc.start} of the line)") from None
        if not line.strip():
            continue
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not a gold document (JSON with id and text): {exc}") from None
        except RecursionError:
            raise InputError(f"{path}:{number}: not a gold document (JSON with id and text): nested too deeply") \
                from None
        problem = _gold_problem(doc)
        if problem is None and doc["id"] in seen:
            problem = f"document id {_show(doc['id'])} is also on line {seen[doc['id']]}"
        if problem:
            raise InputError(f"{path}:{number}: {problem}")
        seen[doc["id"]] = number
        docs.append(doc)
    return docs


def _gold_problem(doc: object) -> str | None:
    """What keeps a parsed line from being a gold document that can be scored (None when nothing does)."""
    if not isinstance(doc, dict) or not isinstance(doc.get("id"), str) or not isinstance(doc.get("text"), str):
        return "not a gold document (JSON with id and text)"
    for key in ("lang", "dct"):
        if doc.get(key) is not None and not isinstance(doc[key], str):
            return f"{key} is {_kind(doc[key])}, not a string"
    text = doc["text"]
    for key in ("entities", "relations", "ignore"):
        if doc.get(key) is not None and not isinstance(doc[key], list):
            return f"{key} is {_kind(doc[key])}, not a list"
    entities = doc.get("entities") or []
    for number, e in enumerate(entities):
        problem = _entity_problem(e, text)
        if problem:
            return f"entities[{number}]: {problem}"
    for number, r in enumerate(doc.get("relations") or []):
        if not isinstance(r, dict) or not isinstance(r.get("type"), str) or not r["type"]:
            return f"relations[{number}]: not a relation (an object with head, tail and type)"
        for key in ("head", "tail"):
            if not _whole(r.get(key)) or not 0 <= r[key] < len(entities):
                return (f"relations[{number}]: {key} {_show(r.get(key))} is not an index of entities "
                        f"(0..{len(entities) - 1})")
    for number, span in enumerate(doc.get("ignore") or []):
        if not (isinstance(span, list) and len(span) == 2 and all(_whole(x) for x in span)
                and 0 <= span[0] <= span[1] <= len(text)):
            return f"ignore[{number}]: {_show(span)} is not a [start, end] span of the text (0..{len(text)})"
    return None


def _entity_problem(e: object, text: str) -> str | None:
    """What keeps one gold entity from being scored against the text (None when nothing does)."""
    if not isinstance(e, dict) or any(key not in e for key in ("start", "end", "label")):
        return "not an entity (an object with start, end and label)"
    start, end = e["start"], e["end"]
    if not _whole(start) or not _whole(end):
        return f"start {_show(start)} and end {_show(end)} are not both whole numbers"
    if not 0 <= start < end <= len(text):
        return f"span {start}:{end} is not within the text (0 <= start < end <= {len(text)})"
    if e["label"] not in LABELS:
        return f"unknown label {_show(e['label'])}; valid labels are {', '.join(LABELS)}"
    if isinstance(e.get("text"), str) and e["text"] != text[start:end]:
        return f"text {_show(e['text'])} is not the text at {start}:{end} ({_show(text[start:end])})"
    for key in ("text", "value", "canonical"):
        if e.get(key) is not None and not isinstance(e[key], str):
            return f"{key} is {_kind(e[key])}, not a string"
    return None


def _whole(value: object) -> bool:
    """A JSON whole number (true and false are not)."""
    return isinstance(value, int) and not isinstance(value, bool)


def _show(value: object) -> str:
    """A value for a message, cut short."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _kind(value: object) -> str:
    """A JSON value's type as a message says it."""
    names = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number", bool: "true/false"}
    return names.get(type(value), type(value).__name__)


def predict(models, gold: Iterable[dict], progress=None) -> list[Document]:
    """The pipeline's record for each gold text, with the gold's language and creation date as metadata."""
    documents = []
    for g in gold:
        lang = g.get("lang") if g.get("lang") in ("en", "ru") else None
        documents.append(InputDocument(id=g["id"], path=g["id"], sha256="", text=g["text"],
                                       meta=Meta(lang=lang, published=(g.get("dct") or None))))
    records, _, _ = process_documents(models, documents, progress)
    return records


def as_gold_format(documents: list[Document]) -> list[dict]:
    """Predictions in the gold format (entities with offsets, relations by entity index) for other scorers."""
    out = []
    for doc in documents:
        index = {m.id: i for i, m in enumerate(doc.mentions)}
        out.append({
            "id": doc.id, "lang": doc.lang, "text": doc.text,
            "entities": [{"start": m.start, "end": m.end, "label": m.label, "text": m.text, "value": m.value}
                         for m in doc.mentions],
            "relations": [{"head": index[r.head], "tail": index[r.tail], "type": r.type} for r in doc.relations],
        })
    return out


def score(gold: list[dict], predicted: list[Document], labels: list[str] | None = None) -> dict:
    """Precision/recall/F1 per label and micro; DATE value accuracy; relations per type (exact head+tail spans)."""
    labels = labels or sorted({e["label"] for g in gold for e in g.get("entities", [])})
    by_id = {d.id: d for d in predicted}
    ents = defaultdict(lambda: [0, 0, 0])
    rels = defaultdict(lambda: [0, 0, 0])
    values = [0, 0, 0]  # exact-span matches with a gold value, of which value correct, gold with value
    for g in gold:
        doc = by_id.get(g["id"])
        ignore = [tuple(x) for x in g.get("ignore", [])]
        gold_spans = {(e["start"], e["end"], e["label"]) for e in g.get("entities", []) if e["label"] in labels}
        pred_spans = {(m.start, m.end, m.label) for m in doc.mentions if m.label in labels} if doc else set()
        for label in labels:
            gl = {s for s in gold_spans if s[2] == label}
            pl = {s for s in pred_spans if s[2] == label}
            false = {s for s in pl - gl if not any(s[0] < b and a < s[1] for a, b in ignore)}
            ents[label][0] += len(gl & pl)
            ents[label][1] += len(gl & pl) + len(false)
            ents[label][2] += len(gl)
        predicted_values = {(m.start, m.end, m.label): m.value for m in doc.mentions} if doc else {}
        for e in g.get("entities", []):
            if e["label"] == "DATE" and e.get("value") and "DATE" in labels:
                key = (e["start"], e["end"], e["label"])
                values[2] += 1
                if key in predicted_values:
                    values[0] += 1
                    values[1] += int(predicted_values[key] == e["value"])
        _score_relations(g, doc, labels, rels)
    result = {"documents": len(gold), "labels": labels, "entities": _table(ents, labels)}
    if values[2]:
        result["values"] = {"gold_with_value": values[2], "exact_span_matches": values[0],
                            "value_correct": values[1],
                            "accuracy_on_matches": values[1] / values[0] if values[0] else 0.0,
                            "strict_recall": values[1] / values[2]}
    if rels:
        result["relations"] = _table(rels, sorted(rels))
    linking = b_cubed(gold, predicted)
    if linking:
        result["linking"] = linking
    return result


def b_cubed(gold: list[dict], predicted: list[Document]) -> dict | None:
    """B-cubed precision/recall of mention.entity against gold `canonical`, over exactly matched non-DATE mentions."""
    pairs = []  # (gold cluster, predicted cluster) per matched mention
    by_id = {d.id: d for d in predicted}
    for g in gold:
        doc = by_id.get(g["id"])
        if doc is None:
            continue
        ours = {(m.start, m.end, m.label): m.entity for m in doc.mentions if m.label != "DATE"}
        for e in g.get("entities", []):
            key = (e["start"], e["end"], e["label"])
            if e["label"] != "DATE" and e.get("canonical") and ours.get(key):
                pairs.append((e["canonical"], ours[key]))
    if not pairs:
        return None
    gold_size = Counter(g for g, _ in pairs)
    pred_size = Counter(p for _, p in pairs)
    both = Counter(pairs)
    precision = sum(both[(g, p)] / pred_size[p] for g, p in pairs) / len(pairs)
    recall = sum(both[(g, p)] / gold_size[g] for g, p in pairs) / len(pairs)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"mentions": len(pairs), "precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _score_relations(g: dict, doc: Document | None, labels: list[str], counts: dict) -> None:
    """Count relations between standalone names only: a gold relation counts when neither argument lies strictly
    inside another gold entity (NEREL nests "Москвы" in "мэрии Москвы"); a predicted relation naming the exact span
    of such a nested gold entity is left out (neither a false positive nor a hit). Types match after RELATION_MAP,
    between the labels our type takes (SIGNATURE; PART_OF between organisations, MEMBER_OF also of a person);
    on a gold with another schema (NEREL) only the types it maps to count. alias_of is scored without
    direction."""
    entities = g.get("entities", [])
    nested = _nested_spans(entities)
    stated = {r.get("type") for r in g.get("relations", []) or []}
    mapped = bool(stated & set(RELATION_MAP))
    scored = _MAPPED | (stated & set(RELATION_TYPES))
    gold_rel = set()
    for r in g.get("relations", []) or []:
        ours = r["type"] if r["type"] in RELATION_TYPES else RELATION_MAP.get(r["type"])
        try:
            h, t = entities[r["head"]], entities[r["tail"]]
        except (IndexError, KeyError, TypeError):
            continue
        if ours is None or h["label"] not in labels or t["label"] not in labels:
            continue
        if r["type"] in _ORG_ONLY and (h["label"], t["label"]) not in (("ORG", "ORG"), ("PER", "ORG")):
            continue
        heads, tails = SIGNATURE[ours]
        if h["label"] not in heads or t["label"] not in tails:
            continue  # a type of ours between other labels: a person's alternative name is no alias_of
        if (h["start"], h["end"]) in nested or (t["start"], t["end"]) in nested:
            continue
        gold_rel.add(_rel_key(ours, _bare(g["text"], h), _bare(g["text"], t)))
    pred_rel = set()
    if doc:
        mentions = {m.id: m for m in doc.mentions}
        for r in doc.relations:
            h, t = mentions[r.head], mentions[r.tail]
            if (h.start, h.end) in nested or (t.start, t.end) in nested:
                continue
            if mapped and r.type not in scored:
                continue  # the gold's schema cannot state this type (NEREL has no leader_of)
            if h.label in labels and t.label in labels:
                pred_rel.add(_rel_key(r.type, (h.start, h.end, h.label), (t.start, t.end, t.label)))
    for kind in {k[0] for k in gold_rel | pred_rel}:
        gr = {k for k in gold_rel if k[0] == kind}
        pr = {k for k in pred_rel if k[0] == kind}
        counts[kind][0] += len(gr & pr)
        counts[kind][1] += len(pr)
        counts[kind][2] += len(gr)


def _bare(text: str, entity: dict) -> Span:
    """A gold entity's span; a date without the preposition NEREL includes ("в 2003 году" -> "2003 году"), as
    dates are marked here, so that a relation to the same date matches."""
    start, end = entity["start"], entity["end"]
    if entity["label"] == "DATE":
        lead = _DATE_PREPOSITION.match(text, start, end)
        if lead:
            start = lead.end()
    return start, end, entity["label"]


def _nested_spans(entities: list[dict]) -> set[tuple[int, int]]:
    """(start, end) of the gold entities that lie strictly inside another gold entity's span."""
    spans = sorted({(e["start"], e["end"]) for e in entities}, key=lambda s: (s[0], -s[1]))
    nested, outer_end = set(), -1
    for start, end in spans:
        if end <= outer_end:
            nested.add((start, end))  # an earlier span starts no later and ends no sooner, and is not this one
        outer_end = max(outer_end, end)
    return nested


def _rel_key(kind: str, head: Span, tail: Span) -> tuple:
    if kind in _UNDIRECTED:
        head, tail = sorted((head, tail))
    return (kind, head, tail)


def _table(counts: dict, keys: list[str]) -> dict:
    rows = {k: _prf(*counts[k]) for k in keys}
    total = [sum(counts[k][i] for k in keys) for i in range(3)]
    rows["micro"] = _prf(*total)
    return rows


def _prf(tp: int, n_pred: int, n_gold: int) -> dict:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"gold": n_gold, "pred": n_pred, "tp": tp, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f, 4)}


def format_report(result: dict) -> str:
    """The scores as aligned text tables."""
    lines = [f"documents: {result['documents']}", ""]
    for title, key in (("ENTITIES (exact spans)", "entities"), ("RELATIONS (type + exact head/tail)", "relations")):
        if key not in result:
            continue
        lines.append(title)
        lines.append(f"{'':24} {'gold':>6} {'pred':>6} {'tp':>6} {'P':>7} {'R':>7} {'F1':>7}")
        for name, row in result[key].items():
            lines.append(f"{name:24} {row['gold']:6d} {row['pred']:6d} {row['tp']:6d} "
                         f"{row['precision']:7.3f} {row['recall']:7.3f} {row['f1']:7.3f}")
        lines.append("")
    if "linking" in result:
        k = result["linking"]
        lines.append(f"LINKING (B-cubed over {k['mentions']} matched mentions with gold canonical keys): "
                     f"P {k['precision']:.3f} R {k['recall']:.3f} F1 {k['f1']:.3f}")
    if "values" in result:
        v = result["values"]
        lines.append(f"DATE values: {v['value_correct']} correct of {v['exact_span_matches']} exact-span matches "
                     f"(accuracy {v['accuracy_on_matches']:.3f}); strict value recall "
                     f"{v['strict_recall']:.3f} of {v['gold_with_value']} gold dates")
    return "\n".join(lines).rstrip() + "\n"
