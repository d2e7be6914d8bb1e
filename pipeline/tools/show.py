"""show_document(doc) -> the document as terminal text with coloured mentions, for a quick look."""

from __future__ import annotations

from ..core.records import Document

COLOURS = {"ORG": "\033[1;34m", "LOC": "\033[1;32m", "PER": "\033[1;31m", "DATE": "\033[1;35m"}
RESET = "\033[0m"


def show_document(doc: Document, colour: bool = True, names: dict[str, str] | None = None) -> str:
    """Text with each mention marked (colours, or [LABEL ...] brackets without them), then its relations by
    name: the entity's display name from `names` (entity id -> name, a run's entities.jsonl), else the mention's
    normal form (a date: its value; the two names of an alias: their normal forms)."""
    parts, position = [], 0
    for m in sorted(doc.mentions, key=lambda m: m.start):
        if m.start < position:
            continue
        parts.append(doc.text[position:m.start])
        parts.append(f"{COLOURS[m.label]}{m.text}{RESET}" if colour else f"[{m.label} {m.text}]")
        position = m.end
    parts.append(doc.text[position:])
    legend = "  ".join(f"{COLOURS[k]}{k}{RESET}" if colour else k for k in COLOURS)
    header = " · ".join(filter(None, [doc.id, doc.lang, doc.meta.title, doc.meta.source, doc.meta.published]))
    by_id = {m.id: m for m in doc.mentions}
    names = names or {}

    def name(m) -> str:
        return m.value or m.text if m.label == "DATE" else names.get(m.entity or "") or m.normal

    def both(r) -> tuple[str, str]:  # an alias joins two names of one entity: the names themselves
        head, tail = by_id[r.head], by_id[r.tail]
        return (head.normal, tail.normal) if r.type == "alias_of" else (name(head), name(tail))

    relations = [f"  {both(r)[0]} —{r.type}→ {both(r)[1]}" for r in doc.relations]
    lines = [header, legend, "", "".join(parts).rstrip(), ""]
    return "\n".join(lines + (["relations:", *relations] if relations else []))
