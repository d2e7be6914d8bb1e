"""render_review(out_dir) -> one self-contained HTML page to browse a run's documents, entities and facts.

The page carries the run's records as JSON and draws one document at a time on demand, so a corpus of
thousands of documents loads fast. Every piece of corpus text reaches the page through textContent, never
as markup: a source holding "<script>" shows it as text.
"""

from __future__ import annotations

import html
import json
from pathlib import Path

from ..core.records import Document, Entity, Fact, Manifest
from ..core.resources import DEFAULT_GAZETTEER
from ..io.atomic import current_outputs, write_text
from ..io.jsonl import read_records
from ..link.keys import gazetteer_index, mention_keys
from .show import visible

_PAGE = Path(__file__).resolve().parent / "review_page"


def _template() -> str:
    """The page with its style and script put in (they are kept as files of their own: page.html/css/js)."""
    html = (_PAGE / "page.html").read_text(encoding="utf-8")
    return (html.replace("__STYLE__", (_PAGE / "page.css").read_text(encoding="utf-8"))
                .replace("__SCRIPT__", (_PAGE / "page.js").read_text(encoding="utf-8")))


def render_review(out_dir: Path) -> str:
    """The review page for the outputs in `out_dir` (documents.jsonl, entities.jsonl, facts.jsonl), all read
    from the one set in use when it starts."""
    title = out_dir.name or str(out_dir)
    out_dir = current_outputs(out_dir)
    documents = read_records(out_dir / "documents.jsonl", Document)
    data = {
        "documents": [d.model_dump(mode="json") for d in documents],
        "entities": [e.model_dump(mode="json") for e in read_records(out_dir / "entities.jsonl", Entity)],
        "facts": [f.model_dump(mode="json") for f in read_records(out_dir / "facts.jsonl", Fact)],
        "problems": _problems(out_dir),
    }
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    payload = payload.replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    title = f"{len(documents)} documents in {title}"
    return _template().replace("__TITLE__", html.escape(title)).replace("__DATA__", payload)


def _problems(out_dir: Path) -> list[dict]:
    """The run's failed documents and warnings (manifest.json), for the page's overview."""
    try:
        manifest = Manifest.model_validate_json((out_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return ([{"path": e.path, "error": e.error, "kind": "error"} for e in manifest.errors]
            + [{"path": w.path, "error": w.error, "kind": "warning"} for w in manifest.warnings])


def write_review(out_dir: Path, html_path: Path | None = None) -> Path:
    """Write the review page (default DIR/review.html) and return its path."""
    target = html_path or out_dir / "review.html"
    write_text(target, render_review(out_dir))
    return target


def gazetteer_suggestions(out_dir: Path) -> list[str]:
    """Names reviewers added (mentions with source "human") that the run's gazetteer does not know, one line per
    entity in the gazetteer's TSV form (id, label, English names, Russian names) to paste into it; tabs, newlines
    and other control characters inside a name are written as escapes (\\t, \\n, \\x1b)."""
    out_dir = current_outputs(out_dir)
    manifest = out_dir / "manifest.json"
    try:
        gazetteer = Path(json.loads(manifest.read_text(encoding="utf-8"))["config"]["gazetteer"])
    except (OSError, ValueError, KeyError, TypeError):
        gazetteer = DEFAULT_GAZETTEER
    index, _ = gazetteer_index(gazetteer)
    names: dict[tuple[str, str], dict[str, set[str]]] = {}
    for doc in read_records(out_dir / "documents.jsonl", Document):
        for m in doc.mentions:
            if m.source != "human" or m.label == "DATE" or not m.entity:
                continue
            if any((m.label, key) in index for key in mention_keys(m)):
                continue
            names.setdefault((m.entity, m.label), {"en": set(), "ru": set()})[m.lang].add(m.normal)
    # a name holding a tab or a newline would break its TSV line: every field is written `visible`
    return ["\t".join(visible(field) for field in (entity, label, " | ".join(sorted(found["en"])),
                                                    " | ".join(sorted(found["ru"]))))
            for (entity, label), found in sorted(names.items())]

