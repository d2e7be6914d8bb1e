"""read_documents(paths) -> Sources: walk folders, detect encodings, split front matter, extract HTML text."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import InputError
from .webpage import html_to_text
from .schema import InputFailure, Meta, Settings

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_CYRILLIC_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_CYRILLIC_UPPER = set("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_HTML_EXTENSIONS = (".html", ".htm")


@dataclass
class Source:
    """A document as read from disk: its id, path, raw-bytes hash, text (offsets refer to it) and metadata."""

    id: str
    path: str
    sha256: str
    text: str
    meta: Meta = field(default_factory=Meta)


@dataclass
class Walk:
    """Files found below the given paths: (file, document id) pairs, files skipped for their extension, and
    entries that cannot be documents (broken or outside symbolic links, loops, devices)."""

    files: list[tuple[Path, str]]
    skipped: list[str]
    refused: list[InputFailure] = field(default_factory=list)


def find_documents(paths: Iterable[Path], settings: Settings) -> Walk:
    """Every supported file below each path (recursively, sorted), with its document id."""
    walk = Walk([], [])
    for root in map(Path, paths):
        if not root.exists():
            raise InputError(f"{root}: no such file or folder")
        if root.is_file():
            candidates, base = [root], root.parent
        else:
            candidates, base = list(_walk(root, root.resolve(), settings.follow_symlinks, set(), walk)), root
        for path in candidates:
            if path.suffix.lower() in settings.extensions:
                walk.files.append((path, path.relative_to(base).with_suffix("").as_posix()))
            else:
                walk.skipped.append(path.as_posix())
    return walk


def _walk(folder: Path, root: Path, follow: bool, seen: set[Path], walk: Walk) -> Iterator[Path]:
    real = folder.resolve()
    if real in seen:
        walk.refused.append(InputFailure(path=folder.as_posix(), error=f"{folder}: symbolic link loop; not followed"))
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        walk.refused.append(InputFailure(path=folder.as_posix(), error=f"{folder}: cannot list: {exc.strerror or exc}"))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_symlink():
            target = entry.resolve()
            if not target.exists():
                walk.refused.append(InputFailure(path=entry.as_posix(), error=f"{entry}: broken symbolic link"))
                continue
            if not follow and not target.is_relative_to(root):
                walk.refused.append(InputFailure(
                    path=entry.as_posix(), error=f"{entry}: symbolic link to {target}, outside the corpus; not "
                                                 "followed (set follow_symlinks = true in the config to read it)"))
                continue
        if entry.is_dir():
            yield from _walk(entry, root, follow, seen, walk)
        elif entry.is_file():
            yield entry
        else:
            walk.refused.append(InputFailure(path=entry.as_posix(), error=f"{entry}: not a regular file"))


def read_documents(paths: Iterable[Path], settings: Settings) -> Iterator[Source | InputFailure]:
    """Each document below `paths` as a Source, or an InputFailure naming the file and the reason."""
    walk = find_documents(paths, settings)
    yield from walk.refused
    seen: dict[str, str] = {}
    for path, doc_id in walk.files:
        if doc_id in seen:
            yield InputFailure(path=path.as_posix(), error=f"same document id {doc_id!r} as {seen[doc_id]}")
            continue
        seen[doc_id] = path.as_posix()
        try:
            yield read_source(path, doc_id, settings)
        except InputError as exc:
            yield InputFailure(path=path.as_posix(), error=str(exc))


def read_source(path: Path, doc_id: str, settings: Settings) -> Source:
    """Read one file into a Source; raises InputError with the file and the reason."""
    try:
        size = path.stat().st_size
        if size > settings.max_file_mb * 1024 * 1024:
            raise InputError(f"{path}: {size / 2**20:.1f} MB is over max_file_mb={settings.max_file_mb:g}; "
                             "raise it in the config to process this file")
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    sha = hashlib.sha256(raw).hexdigest()
    if path.suffix.lower() in _HTML_EXTENSIONS:
        text, meta = html_to_text(decode(raw, path, declared=_declared_charset(raw)), path)
    else:
        text, meta = split_front_matter(decode(raw, path), path)
    if not text.strip():
        raise InputError(f"{path}: no text (the file is empty or holds only metadata)")
    return Source(id=doc_id, path=path.as_posix(), sha256=sha, text=text, meta=meta)


def decode(raw: bytes, path: Path, declared: str | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else cp1251 or KOI8-R by which reads as Russian; newlines as \\n."""
    if not raw.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: binary file (NUL bytes); expected text or HTML")
    text = None
    for encoding in ([declared] if declared else []) + ["utf-8-sig"]:
        try:
            text = raw.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        text = _decode_single_byte_russian(raw)
    if text is None:
        raise InputError(f"{path}: cannot decode as UTF-8, cp1251 or KOI8-R; is it a text file?")
    if _control_share(text) > 0.01:
        raise InputError(f"{path}: looks binary (control characters); expected text or HTML")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_single_byte_russian(raw: bytes) -> str | None:
    best, best_score = None, 0.0
    for encoding in ("cp1251", "koi8_r"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        lower = sum(ch in _CYRILLIC_LOWER for ch in text)
        upper = sum(ch in _CYRILLIC_UPPER for ch in text)
        # Russian prose is mostly lowercase; the wrong one of the two code pages swaps the cases.
        score = lower / (lower + upper) if lower + upper else 0.0
        if _mixed_script_share(text) > 0.2:
            score = 0.0  # Cyrillic letters inside Latin words: another code page (Latin-1 "cafй")
        if score > best_score:
            best, best_score = text, score
    return best if best_score > 0.5 else None


def _mixed_script_share(text: str) -> float:
    words = [w for w in re.findall(r"\w+", text) if any(ord(ch) > 127 for ch in w)]
    mixed = sum(1 for w in words if re.search(r"[A-Za-z]", w) and re.search(r"[А-Яа-яЁё]", w))
    return mixed / len(words) if words else 0.0


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)


def _declared_charset(raw: bytes) -> str | None:
    match = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", raw[:4096], re.I)
    return match.group(1).decode("ascii").lower() if match else None


def split_front_matter(text: str, path: Path) -> tuple[str, Meta]:
    """Separate YAML front matter from the body; the body is returned unchanged apart from that."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return text, Meta()
    try:
        data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        raise InputError(f"{path}: broken front matter{line}: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: front matter is not a mapping of keys to values")
    body = text[match.end():].lstrip("\n")
    return body, meta_from_mapping(data, path)


def meta_from_mapping(data: dict, path: Path) -> Meta:
    """Metadata keys to a Meta record: dates as ISO strings, unknown keys kept as strings."""
    known = {"title", "source", "published", "url", "lang"}
    values = {k: _plain(v) for k, v in data.items() if k in known and v is not None}
    if "lang" in values and values["lang"] not in ("en", "ru", "mixed"):
        raise InputError(f"{path}: front matter lang {values['lang']!r} is not one of en, ru, mixed")
    extra = {str(k): _plain(v) for k, v in data.items() if k not in known and v is not None}
    return Meta(**values, extra=extra)


def _plain(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)
