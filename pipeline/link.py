"""link_entities(documents) -> entities: one id per thing, from the gazetteer where it knows the name."""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path

from .gazetteer import load_gazetteer
from .schema import Document, Entity
from .translit import slug

_PREFIX = {"ORG": "org", "LOC": "loc", "PER": "per"}


def link_entities(documents: list[Document], gazetteer_path: Path) -> list[Entity]:
    """Set mention.entity on every non-DATE mention and return the entities, sorted by id."""
    known: dict[tuple[str, str], str] = {}
    display: dict[str, str] = {}
    for entry in load_gazetteer(gazetteer_path):
        display[entry.id] = (entry.names.get("en") or entry.names.get("ru"))[0]
        for names in entry.names.values():
            for name in names:
                known.setdefault((entry.label, name.casefold()), entry.id)
    members: dict[str, list] = defaultdict(list)
    for doc in documents:
        for m in doc.mentions:
            if m.label == "DATE":
                continue
            m.entity = (known.get((m.label, m.normal.casefold())) or known.get((m.label, m.text.casefold()))
                        or f"{_PREFIX[m.label]}:{slug(m.normal)}")
            members[m.entity].append((doc.id, m))
    entities = []
    for entity_id, found in sorted(members.items()):
        names: dict[str, Counter] = defaultdict(Counter)
        for _, m in found:
            names[m.lang][m.normal] += 1
        preferred = display.get(entity_id) or (names.get("en") or names.get("ru")).most_common(1)[0][0]
        entities.append(Entity(
            id=entity_id,
            label=found[0][1].label,
            name=preferred,
            names={lang: sorted(c, key=lambda n: (-c[n], n)) for lang, c in sorted(names.items())},
            mentions=len(found),
            documents=sorted({doc_id for doc_id, _ in found}),
        ))
    return entities
