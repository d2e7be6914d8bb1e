"""FactCollector: linked documents' relations merged into facts, one per (subject, predicate, object)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

from ..core.records import Document, Evidence, Fact


def build_facts(documents: Iterable[Document]) -> list[Fact]:
    """One fact per distinct (subject entity, predicate, object) with every piece of evidence, sorted by id."""
    collector = FactCollector()
    for doc in documents:
        collector.add(doc)
    return collector.facts()


def combined_confidence(evidence: list[Evidence]) -> float | None:
    """Independent pieces of evidence add up: 1 - the product of (1 - each one's confidence)."""
    known = [e.confidence for e in evidence if e.confidence is not None]
    if not known:
        return None
    doubt = 1.0
    for c in known:
        doubt *= 1.0 - c
    return round(1.0 - doubt, 3)


class FactCollector:
    """Evidence gathered document by document (a corpus can stream through), merged into facts at the end.

    alias_of stays at mention level (both ends are one entity; entities.jsonl lists the names). A date fact
    that a more precise one of the same subject and predicate refines ("2011" and "2011-03-07") is folded
    into it.
    """

    def __init__(self) -> None:
        self.grouped: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)

    def add(self, doc: Document) -> None:
        """Take the evidence of one linked document's relations."""
        by_id = {m.id: m for m in doc.mentions}
        for rel in doc.relations:
            head, tail = by_id[rel.head], by_id[rel.tail]
            if rel.type == "alias_of" or not head.entity:
                continue
            obj = f"date:{tail.value}" if tail.label == "DATE" else tail.entity
            if not obj or obj == "date:None":
                continue
            start, end = rel.evidence
            self.grouped[(head.entity, rel.type, obj)].append(
                Evidence(document=doc.id, start=start, end=end, text=doc.text[start:end], pattern=rel.pattern,
                         confidence=rel.confidence))

    def facts(self) -> list[Fact]:
        """The merged facts, sorted by id."""
        grouped = {k: list(v) for k, v in self.grouped.items()}
        for (subject, predicate, obj) in list(grouped):
            if obj.startswith("date:"):
                finer = [k for k in grouped if k[:2] == (subject, predicate) and k[2] != obj
                         and k[2].startswith(obj) and k[2][len(obj):len(obj) + 1] == "-"]
                if finer:
                    grouped[max(finer, key=lambda k: len(k[2]))] += grouped.pop((subject, predicate, obj))
        facts = []
        for (subject, predicate, obj), evidence in grouped.items():
            key = f"{subject}|{predicate}|{obj}".encode()
            unique = {(e.document, e.start, e.end): e for e in evidence}
            kept = [unique[k] for k in sorted(unique)]
            facts.append(Fact(id=hashlib.sha1(key).hexdigest()[:16], subject=subject, predicate=predicate,
                              object=obj, confidence=combined_confidence(kept), evidence=kept))
        return sorted(facts, key=lambda f: f.id)
