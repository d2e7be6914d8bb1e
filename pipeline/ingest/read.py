"""read_documents(walk) -> InputDocuments or InputFailures; read_source(path) -> one InputDocument."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import InputError
from ..core.records import Correction, InputFailure, Meta
from ..core.settings import Settings
from .decode import declared_charset, decode
from .frontmatter import split_front_matter
from .html import html_to_text
from .walk import Walk

_HTML_EXTENSIONS = (".html", ".htm")
_MAX_DETAIL = 300  # characters of an unexpected exception's message kept in a failure


@dataclass
class InputDocument:
    """A document as read from disk: its id, path, raw-bytes hash, text (offsets refer to it) and metadata."""

    id: str
    path: str
    sha256: str
    text: str
    meta: Meta = field(default_factory=Meta)
    # a reviewer's mentions and relations for this very text (corpus/corrections.py), applied in place of the
    # models' ones
    correction: Correction | None = None
    # one-line warnings about reading this file ("read as UTF-8 with replacement characters"), for the run to report
    warnings: list[str] = field(default_factory=list)


def read_documents(walk: Walk, settings: Settings) -> Iterator[InputDocument | InputFailure]:
    """Each file of the walk as an InputDocument, or an InputFailure naming the file and the reason."""
    yield from walk.refused
    seen: dict[str, str] = {}
    for path, doc_id in walk.files:
        if doc_id in seen:
            yield InputFailure(path=path.as_posix(), error=f"{path}: same document id {doc_id!r} as {seen[doc_id]}")
            continue
        seen[doc_id] = path.as_posix()
        try:
            item: InputDocument | InputFailure = read_source(path, doc_id, settings, walk.seen.get(path),
                                                             follow=path in walk.linked)
        except Exception as exc:  # whatever one file does, the run goes on: it is that file's failure
            item = InputFailure(path=path.as_posix(), error=failure_message(path, exc))
        yield item


def failure_message(path: Path, exc: BaseException) -> str:
    """One line "{path}: reason" for an exception met reading `path`; an unexpected type is named."""
    if isinstance(exc, InputError):
        reason = str(exc)
    elif isinstance(exc, RecursionError):
        reason = "nested too deeply to read (RecursionError)"
    elif isinstance(exc, MemoryError):
        reason = "too large to read into memory (MemoryError)"
    else:  # a library's message can be long or span lines (a parser's context)
        detail = " ".join(str(exc).split())
        detail = detail if len(detail) <= _MAX_DETAIL else detail[:_MAX_DETAIL] + "…"
        reason = f"cannot read ({type(exc).__name__}: {detail})"
    return reason if reason.startswith(f"{path}: ") else f"{path}: {reason}"


def read_source(path: Path, doc_id: str, settings: Settings, identity: tuple[int, int] | None = None,
                follow: bool = True) -> InputDocument:
    """Read one file into an InputDocument (refused if no longer the `identity` the walk saw, or a symbolic link
    where `follow` is False); raises InputError with the file and the reason."""
    raw = _read_bytes(path, settings, identity, follow)
    sha = hashlib.sha256(raw).hexdigest()
    if path.suffix.lower() in _HTML_EXTENSIONS:
        decoded = decode(raw, path, declared=declared_charset(raw))
        text, meta = html_to_text(decoded.text, path)
    else:
        decoded = decode(raw, path)
        text, meta = split_front_matter(decoded.text, path)
    if not text.strip():
        raise InputError(f"{path}: no text (the file is empty or holds only metadata)")
    return InputDocument(id=doc_id, path=path.as_posix(), sha256=sha, text=text, meta=meta,
                         warnings=decoded.warnings)


def _read_bytes(path: Path, settings: Settings, identity: tuple[int, int] | None, follow: bool) -> bytes:
    """The file's bytes, read from one open file: what is checked (type, identity, size) is what is read."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)  # a FIFO swapped in does not block the run
    if not follow:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    changed = f"{path}: changed since the folder was listed (now a symbolic link or another file); not read"
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ELOOP and not follow:
            raise InputError(changed) from None
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise InputError(changed if identity is not None else f"{path}: not a regular file")
        if identity is not None and (info.st_dev, info.st_ino) != identity:
            raise InputError(changed)
        if info.st_size > settings.max_file_mb * 1024 * 1024:
            raise InputError(f"{path}: {info.st_size / 2**20:.1f} MB is over max_file_mb={settings.max_file_mb:g}; "
                             "raise it in the config to process this file")
        limit = int(settings.max_file_mb * 1024 * 1024)
        with os.fdopen(fd, "rb", closefd=False) as file:
            raw = file.read(limit + 1)
        if len(raw) > limit:  # grown since fstat
            raise InputError(f"{path}: over max_file_mb={settings.max_file_mb:g}; raise it in the config to "
                             "process this file")
        return raw
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
