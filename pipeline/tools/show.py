"""show_document(doc) -> the document as terminal text with coloured mentions, for a quick look."""

from __future__ import annotations

from ..core.records import Document

COLOURS = {"ORG": "\033[1;34m", "LOC": "\033[1;32m", "PER": "\033[1;31m", "DATE": "\033[1;35m"}
RESET = "\033[0m"

# What a terminal acts on instead of showing: C0 and C1 controls (ESC starts colour, title and clear-screen
# sequences; a newline lets a file name forge an "error:" line) and the bidi embeddings, overrides and isolates
# (they reorder the text that follows). DEL, C1 and bidi are written \uXXXX, so JSON text stays valid JSON.
_SHORT = {0x09: "\\t", 0x0A: "\\n", 0x0D: "\\r"}
_ONE_LINE = {code: _SHORT.get(code) or (f"\\x{code:02x}" if code < 0x20 else f"\\u{code:04x}")
             for code in (*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_LINES = {code: escape for code, escape in _ONE_LINE.items() if code not in (0x09, 0x0A)}


def visible(text: str, lines: bool = False) -> str:
    """`text` with controls and bidi overrides as escapes (\\x1b, \\n, \\u202e); `lines` keeps newlines and tabs."""
    return text.translate(_LINES if lines else _ONE_LINE)


def show_document(doc: Document, colour: bool = True, names: dict[str, str] | None = None) -> str:
    """Text with each mention marked (colours, or [LABEL ...] brackets without them), then its relations by
    name: the entity's display name from `names` (entity id -> name, a run's entities.jsonl), else the mention's
    normal form (a date: its value; the two names of an alias: their normal forms); corpus text is `visible`."""
    parts, position = [], 0
    for m in sorted(doc.mentions, key=lambda m: m.start):
        if m.start < position:
            continue
        parts.append(visible(doc.text[position:m.start], lines=True))
        text = visible(m.text, lines=True)
        parts.append(f"{COLOURS[m.label]}{text}{RESET}" if colour else f"[{m.label} {text}]")
        position = m.end
    parts.append(visible(doc.text[position:], lines=True))
    legend = "  ".join(f"{COLOURS[k]}{k}{RESET}" if colour else k for k in COLOURS)
    header = visible(" · ".join(filter(None, [doc.id, doc.lang, doc.meta.title, doc.meta.source,
                                              doc.meta.published])))
    by_id = {m.id: m for m in doc.mentions}
    names = names or {}

    def name(m) -> str:
        return m.value or m.text if m.label == "DATE" else names.get(m.entity or "") or m.normal

    def both(r) -> tuple[str, str]:  # an alias joins two names of one entity: the names themselves
        head, tail = by_id[r.head], by_id[r.tail]
        return (head.normal, tail.normal) if r.type == "alias_of" else (name(head), name(tail))

    relations = [visible(f"  {both(r)[0]} —{r.type}→ {both(r)[1]}") for r in doc.relations]
    lines = [header, legend, "", "".join(parts).rstrip(), ""]
    return "\n".join(lines + (["relations:", *relations] if relations else []))
