"""Reviewers' corrections kept beside a corpus, applied by the next run.

`pipeline import FILE --format label-studio --into CORPUS` stores, for every task a reviewer annotated, one JSON
file `CORPUS/.corrections/<document id>.json`: the text it was made on (and its sha256), the reviewer's mentions
(span and label) and relations (between those mentions). A run over CORPUS reads them: for a document whose
text is still the one corrected, the reviewer's mentions and relations replace the models' (normal forms,
date values and entity links are computed as for any mention); for a document whose text has changed since,
they are not applied and the run says so. `pipeline eval --corrections CORPUS` scores the models against them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..core.errors import InputError
from ..core.records import LABELS, RELATION_TYPES
from ..io.atomic import sha256_text, write_text

FOLDER = ".corrections"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CorrectedName(_Strict):
    start: int
    end: int
    label: str


class CorrectedRelation(_Strict):
    head: int  # index into the correction's mentions
    tail: int
    type: str


class Correction(_Strict):
    """One document as a reviewer left it."""

    id: str
    text_sha256: str
    text: str
    lang: str | None = None
    dct: str | None = None
    mentions: list[CorrectedName]
    relations: list[CorrectedRelation]

    def digest(self) -> str:
        """What the correction says (a changed correction extracts its document again)."""
        return hashlib.sha256(self.model_dump_json(exclude={"text"}).encode()).hexdigest()

    def as_gold(self) -> dict:
        """The correction in the gold format `pipeline eval` reads."""
        entities = [{"start": m.start, "end": m.end, "label": m.label, "text": self.text[m.start:m.end]}
                    for m in self.mentions]
        gold = {"id": self.id, "lang": self.lang, "text": self.text, "entities": entities,
                "relations": [r.model_dump() for r in self.relations], "ignore": []}
        return {**gold, "dct": self.dct} if self.dct else gold


@dataclass
class Found:
    """A correction and the file it was read from."""

    correction: Correction
    path: Path


def store_corrections(gold: list[dict], corpus: Path) -> list[Path]:
    """One correction file per gold document (the reviewed tasks of a Label Studio export), replacing an
    earlier one of the same document."""
    written = []
    for doc in gold:
        mentions = [CorrectedName(start=e["start"], end=e["end"], label=e["label"]) for e in doc["entities"]]
        relations = [CorrectedRelation(**r) for r in doc.get("relations", [])]
        correction = Correction(id=doc["id"], text_sha256=sha256_text(doc["text"]), text=doc["text"],
                                lang=doc.get("lang"), dct=doc.get("dct"), mentions=mentions, relations=relations)
        target = _path(corpus, doc["id"])
        write_text(target, correction.model_dump_json(indent=1) + "\n")
        written.append(target)
    return written


def load_corrections(folders: list[Path]) -> dict[str, Found]:
    """Every correction kept below the given corpus folders, by document id; a broken file is an InputError
    naming it."""
    found: dict[str, Found] = {}
    for folder in folders:
        base = Path(folder) / FOLDER
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.json")):
            try:
                correction = Correction.model_validate_json(path.read_text(encoding="utf-8"))
            except (OSError, ValueError, ValidationError) as exc:
                raise InputError(f"{path}: not a correction file: {str(exc).splitlines()[0]}") from None
            _check(correction, path)
            found.setdefault(correction.id, Found(correction, path))
    return found


def _check(correction: Correction, path: Path) -> None:
    size = len(correction.text)
    for m in correction.mentions:
        if not 0 <= m.start < m.end <= size or m.label not in LABELS:
            raise InputError(f"{path}: mention {m.start}-{m.end} {m.label} does not fit the text or the labels")
    for r in correction.relations:
        if r.type not in RELATION_TYPES or not (0 <= r.head < len(correction.mentions)
                                                 and 0 <= r.tail < len(correction.mentions)):
            raise InputError(f"{path}: relation {r.type} {r.head}->{r.tail} names no mention of the file")


def _path(corpus: Path, doc_id: str) -> Path:
    parts = [p for p in doc_id.split("/") if p not in ("", ".", "..")]
    if not parts:
        raise InputError(f"document id {doc_id!r} cannot name a correction file")
    return Path(corpus) / FOLDER / Path(*parts[:-1]) / f"{parts[-1]}.json"


def gold_of(folders: list[Path]) -> list[dict]:
    """Every correction below the folders, in the gold format, by document id."""
    return [found.correction.as_gold() for _, found in sorted(load_corrections(folders).items())]

