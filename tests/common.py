"""Paths and small helpers the tests share (no models are loaded here)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from pipeline.core.records import Document, Mention, Meta, Relation

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
CORPUS = ROOT / "corpus"


def ents(doc, label: str | None = None) -> list[tuple[str, str]]:
    """(text, label) of a spaCy Doc's entities, optionally of one label."""
    return [(e.text, e.label_) for e in doc.ents if label is None or e.label_ == label]


def cli(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`python -m pipeline ARGS` in a fresh process."""
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}, timeout=600)


def record(text: str, names: list[tuple[str, str]], doc_id: str = "d", lang: str = "en",
           relations: list[tuple[str, int, int]] = (), **mention_fields) -> Document:
    """A Document record made by hand: `names` are (surface, label) found in `text` in order of appearance;
    relations are (type, head index, tail index) into that list. Mention fields not given take plain values."""
    mentions, position = [], 0
    for number, (surface, label) in enumerate(names, 1):
        start = text.index(surface, position)
        position = start + len(surface)
        fields = {"normal": surface, "source": "spacy", "lang": lang, **mention_fields.get(surface, {})}
        mentions.append(Mention(id=f"m{number}", start=start, end=start + len(surface), text=surface, label=label,
                                **fields))
    rels = [Relation(type=t, head=f"m{h + 1}", tail=f"m{t_ + 1}", evidence=(0, len(text))) for t, h, t_ in relations]
    return Document(id=doc_id, path=f"{doc_id}.txt", sha256="", lang=lang, meta=Meta(), text=text,
                    mentions=mentions, relations=rels)
