"""Reviewers' corrections kept beside a corpus, applied by the next run.

`pipeline import FILE --format label-studio --into CORPUS` stores, for every task a reviewer annotated, one JSON
file `CORPUS/.corrections/<document id>.json`: the text it was made on (and its sha256), the reviewer's mentions
(span and label) and relations (between those mentions). A run over CORPUS reads them: for a document whose
text is still the one corrected, the reviewer's mentions and relations replace the models' (normal forms,
date values and entity links are computed as for any mention); for a document whose text has changed since,
they are not applied and the run says so. `pipeline eval --corrections CORPUS` scores the models against them.
"""

from __future__ import annotations

import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from ..core.errors import InputError
from ..core.records import LABELS, RELATION_TYPES, CorrectedName, CorrectedRelation, Correction, InputFailure
from ..io.atomic import sha256_text, write_text

FOLDER = ".corrections"
MAX_ID = 200  # characters of a document id
_MAX_PART = 250  # bytes of one part of an id: with ".json", the 255 a file name may have
_CONTROL = ("Cc", "Cf", "Cs", "Zl", "Zp")  # NUL, escapes, invisible format marks, lone surrogates, line breaks


@dataclass
class Found:
    """A correction and the file it was read from."""

    correction: Correction
    path: Path


def store_corrections(gold: list[dict], corpus: Path) -> list[Path]:
    """One correction file per gold document (the reviewed tasks of a Label Studio export), replacing an
    earlier one of the same document; every document is checked before the first file is written."""
    staged: dict[Path, str] = {}
    for number, doc in enumerate(gold, 1):
        correction = _correction_of(doc, number)
        target = _path(corpus, correction.id)
        if target in staged:
            raise InputError(f"gold document {number}: document id {correction.id!r} is given twice")
        staged[target] = correction.model_dump_json(indent=1) + "\n"
    for target, content in staged.items():
        try:
            write_text(target, content)
        except OSError as exc:
            raise InputError(f"{target}: cannot write: {exc.strerror or exc}") from None
    return list(staged)


def load_corrections(folders: list[Path], warnings: list[InputFailure] | None = None) -> dict[str, Found]:
    """Every correction kept below the given corpus folders, by document id. A broken file, or one that no
    longer fits its own text, is an InputError naming it; with a `warnings` list it is left out and reported
    there instead, so that a run goes on without it."""
    found: dict[str, Found] = {}
    for folder in folders:
        base = Path(folder) / FOLDER
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*.json")):
            try:
                correction = _read(path, Path(folder))
            except InputError as exc:
                if warnings is None:
                    raise
                warnings.append(InputFailure(path=str(path), error=f"{exc}; not applied (fix or delete the file)"))
                continue
            found.setdefault(correction.id, Found(correction, path))
    return found


def id_problem(doc_id: str) -> str | None:
    """Why a document id cannot name a correction file (None when it can): ids are clean relative paths, one
    file per id, so that no two ids share a file and none points outside `.corrections/`."""
    if not doc_id:
        return "is empty"
    if len(doc_id) > MAX_ID:
        return f"is {len(doc_id)} characters long; at most {MAX_ID}"
    control = next((c for c in doc_id if unicodedata.category(c) in _CONTROL), None)
    if control is not None:
        return f"holds the control character {control!r}"
    if "\\" in doc_id:
        return "holds a backslash; the parts of an id are separated by '/'"
    if doc_id.startswith("/"):
        return "starts with '/'; an id is a relative path"
    parts = doc_id.split("/")
    if any(p in ("", ".", "..") for p in parts):
        return "has an empty, '.' or '..' part"
    if any(len(p.encode("utf-8")) > _MAX_PART for p in parts):
        return f"has a part longer than {_MAX_PART} bytes, too long for a file name"
    return None


def _correction_of(doc: dict, number: int) -> Correction:
    """A gold document as a checked Correction; InputError names the document."""
    name = doc.get("id") if isinstance(doc, dict) and isinstance(doc.get("id"), str) else str(number)
    try:
        entities = doc.get("entities") or []
        mentions = [CorrectedName(start=e["start"], end=e["end"], label=e["label"]) for e in entities]
        relations = [CorrectedRelation(**r) for r in doc.get("relations") or []]
        correction = Correction(id=doc["id"], text_sha256=sha256_text(doc["text"]), text=doc["text"],
                                lang=doc.get("lang"), dct=doc.get("dct"), mentions=mentions, relations=relations)
    except ValidationError as exc:
        raise InputError(f"gold document {name}: {_first_error(exc)}") from None
    except (AttributeError, KeyError, TypeError, UnicodeEncodeError) as exc:
        raise InputError(f"gold document {name}: not a gold document ({type(exc).__name__}: {exc})") from None
    problem = _problem(correction)
    if problem:
        raise InputError(f"gold document {name}: {problem}")
    return correction


def _read(path: Path, corpus: Path) -> Correction:
    """One correction file, checked; InputError names the file and says what is wrong with it."""
    try:
        mode = path.lstat().st_mode
        if stat.S_ISLNK(mode):
            raise InputError(f"{path}: is a symbolic link, not a correction file")
        if not stat.S_ISREG(mode):
            raise InputError(f"{path}: is not a regular file, not a correction file")
        text = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not a correction file: not UTF-8 (at byte offset {exc.start})") from None
    try:
        correction = Correction.model_validate_json(text, strict=True)
    except ValidationError as exc:
        raise InputError(f"{path}: not a correction file: {_first_error(exc)}") from None
    problem = _problem(correction)
    if problem is None and _path(corpus, correction.id) != path:
        problem = f"document id {correction.id!r} belongs in {_path(corpus, correction.id)}"
    if problem:
        raise InputError(f"{path}: {problem}")
    return correction


def _problem(correction: Correction) -> str | None:
    """What makes a correction unusable on its own text (None when nothing does)."""
    problem = id_problem(correction.id)
    if problem:
        return f"document id {correction.id[:80]!r} {problem}"
    try:
        if sha256_text(correction.text) != correction.text_sha256:
            return "text_sha256 is not the sha256 of its text"
    except UnicodeEncodeError:
        return "its text holds a lone surrogate, which UTF-8 cannot store"
    size = len(correction.text)
    for m in correction.mentions:
        if not 0 <= m.start < m.end <= size or m.label not in LABELS:
            return f"mention {m.start}-{m.end} {m.label} does not fit the text or the labels"
        if not correction.text[m.start:m.end].strip():
            return f"mention {m.start}-{m.end} {m.label} is only whitespace"
    for r in correction.relations:
        if r.type not in RELATION_TYPES or not (0 <= r.head < len(correction.mentions)
                                                 and 0 <= r.tail < len(correction.mentions)):
            return f"relation {r.type} {r.head}->{r.tail} names no mention of the file"
    return None


def _first_error(exc: ValidationError) -> str:
    """The first of pydantic's complaints, with where it is: "mentions.0.start: Input should be ..."."""
    error = exc.errors()[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else error["msg"]


def _path(corpus: Path, doc_id: str) -> Path:
    problem = id_problem(doc_id)
    if problem:
        raise InputError(f"document id {doc_id[:80]!r} {problem}; it cannot name a correction file")
    parts = doc_id.split("/")
    return Path(corpus) / FOLDER / Path(*parts[:-1]) / f"{parts[-1]}.json"


def gold_of(folders: list[Path]) -> list[dict]:
    """Every correction below the folders, in the gold format, by document id."""
    return [found.correction.as_gold() for _, found in sorted(load_corrections(folders).items())]

