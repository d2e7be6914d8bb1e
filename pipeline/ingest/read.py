"""read_documents(walk) -> InputDocuments or InputFailures; read_source(path) -> one InputDocument."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..core.errors import InputError
from ..core.records import InputFailure, Meta
from ..core.settings import Settings
from .decode import declared_charset, decode
from .frontmatter import split_front_matter
from .html import html_to_text
from .walk import Walk

_HTML_EXTENSIONS = (".html", ".htm")


@dataclass
class InputDocument:
    """A document as read from disk: its id, path, raw-bytes hash, text (offsets refer to it) and metadata."""

    id: str
    path: str
    sha256: str
    text: str
    meta: Meta = field(default_factory=Meta)
    # a reviewer's mentions and relations for this very text (corpus/corrections.py), applied in place of the
    # models' ones: a Correction
    correction: Any = None


def read_documents(walk: Walk, settings: Settings) -> Iterator[InputDocument | InputFailure]:
    """Each file of the walk as an InputDocument, or an InputFailure naming the file and the reason."""
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


def read_source(path: Path, doc_id: str, settings: Settings) -> InputDocument:
    """Read one file into an InputDocument; raises InputError with the file and the reason."""
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
        text, meta = html_to_text(decode(raw, path, declared=declared_charset(raw)), path)
    else:
        text, meta = split_front_matter(decode(raw, path), path)
    if not text.strip():
        raise InputError(f"{path}: no text (the file is empty or holds only metadata)")
    return InputDocument(id=doc_id, path=path.as_posix(), sha256=sha, text=text, meta=meta)
