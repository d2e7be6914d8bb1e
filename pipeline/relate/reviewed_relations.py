"""A reviewer's relations (corpus/corrections.py) as a reviewed record's relations."""

from __future__ import annotations

from ..core.intervals import Spans
from ..core.records import Correction, Document, Relation

PATTERN = "human"


def is_reviewed(record: Document) -> bool:
    """Whether the record's mentions are a reviewer's (its relations then are too)."""
    return bool(record.mentions) and all(m.source == "human" for m in record.mentions)


def human_relations(record: Document, correction: Correction) -> list[Relation]:
    """The correction's relations between the record's mentions (found by span and label), each with the
    sentence that holds both names as evidence (else the stretch from one to the other), pattern "human"."""
    by_span = {(m.start, m.end, m.label): m for m in record.mentions}
    sentences = Spans(record._sentences)
    out = []
    for r in correction.relations:
        ends = [correction.mentions[r.head], correction.mentions[r.tail]]
        head, tail = (by_span.get((c.start, c.end, c.label)) for c in ends)
        if head is None or tail is None:
            continue  # a name that did not fit the text (overlapping another the reviewer marked)
        stretch = (min(head.start, tail.start), max(head.end, tail.end))
        out.append(Relation(type=r.type, head=head.id, tail=tail.id, evidence=sentences.holding(*stretch) or stretch,
                            pattern=PATTERN, confidence=1.0))
    return out
