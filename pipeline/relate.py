"""build_facts(documents) -> facts: mention-level relations merged into (subject, predicate, object) facts."""

from __future__ import annotations

import hashlib
from collections import defaultdict

from .schema import Document, Evidence, Fact


def build_facts(documents: list[Document]) -> list[Fact]:
    """One fact per distinct (subject entity, predicate, object) with every piece of evidence, sorted by id."""
    grouped: dict[tuple[str, str, str], list[Evidence]] = defaultdict(list)
    for doc in documents:
        by_id = {m.id: m for m in doc.mentions}
        for rel in doc.relations:
            head, tail = by_id[rel.head], by_id[rel.tail]
            subject = head.entity
            obj = f"date:{tail.value}" if tail.label == "DATE" else tail.entity
            if not subject or not obj or obj == "date:None":
                continue
            start, end = rel.evidence
            grouped[(subject, rel.type, obj)].append(
                Evidence(document=doc.id, start=start, end=end, text=doc.text[start:end]))
    facts = []
    for (subject, predicate, obj), evidence in grouped.items():
        key = f"{subject}|{predicate}|{obj}".encode()
        facts.append(Fact(id=hashlib.sha1(key).hexdigest()[:16], subject=subject, predicate=predicate, object=obj,
                          evidence=sorted(evidence, key=lambda e: (e.document, e.start, e.end))))
    return sorted(facts, key=lambda f: f.id)
