"""evaluate(gold) -> scores: the pipeline over each gold text, entities and relations scored on exact spans."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

from ..core.errors import InputError
from ..core.records import RELATION_TYPES, Document, Meta
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
    """Gold documents (the shared evaluation format: id, lang, text, entities, relations, ignore)."""
    docs = []
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                doc = json.loads(line)
                doc["id"], doc["text"]
            except (json.JSONDecodeError, KeyError, TypeError):
                raise InputError(f"{path}:{number}: not a gold document (JSON with id and text)") from None
            docs.append(doc)
    return docs


def predict(pipelines, gold: Iterable[dict], progress=None) -> list[Document]:
    """The pipeline's record for each gold text, with the gold's language and creation date as metadata."""
    documents = []
    for g in gold:
        lang = g.get("lang") if g.get("lang") in ("en", "ru") else None
        documents.append(InputDocument(id=g["id"], path=g["id"], sha256="", text=g["text"],
                                       meta=Meta(lang=lang, published=(g.get("dct") or None))))
    records, _, _ = process_documents(pipelines, documents, progress)
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
