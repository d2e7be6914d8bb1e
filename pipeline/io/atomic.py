"""Atomic writing: each output goes to a temporary file beside its path and is renamed into place."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel

from .jsonl import jsonl_text


class StagedLines:
    """A JSONL file written record by record into a temporary file beside its final path."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        fd, self.tmp = _temporary(path)
        self.handle = os.fdopen(fd, "w", encoding="utf-8", newline="\n")
        self.digest = hashlib.sha256()  # of the file as written (the manifest keeps it)

    def write(self, record: BaseModel) -> None:
        """Append one record (callers write them in id order)."""
        line = json.dumps(record.model_dump(mode="json"), ensure_ascii=False) + "\n"
        self.handle.write(line)
        self.digest.update(line.encode("utf-8"))

    def finish(self) -> str:
        """Flush and sync; the temporary file's path, ready to be renamed."""
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        return self.tmp

    def discard(self) -> None:
        if not self.handle.closed:
            self.handle.close()
        Path(self.tmp).unlink(missing_ok=True)


def write_outputs(out: Path, documents: StagedLines, entities, facts, manifest) -> None:
    """The four output files: each is complete in a temporary file first, then all are renamed into place
    together, so an interrupted run leaves the previous complete outputs (or none). The manifest gets the
    sha256 of the three others (`outputs`), by which a later run knows them intact."""
    texts = {"entities.jsonl": jsonl_text(entities), "facts.jsonl": jsonl_text(facts)}
    manifest.outputs = {"documents.jsonl": documents.digest.hexdigest(),
                        **{name: sha256_text(text) for name, text in texts.items()}}
    contents = [(out / name, lambda text=text: text) for name, text in texts.items()]
    contents.append((out / "manifest.json",
                     lambda: json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"))
    staged: list[tuple[str, Path]] = []
    try:
        for path, content in contents:
            staged.append((_stage(path, content()), path))
        staged.insert(0, (documents.finish(), documents.path))
    except BaseException:  # nothing is renamed: the previous outputs stay, and no temporary file is left
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)


def sha256_text(text: str) -> str:
    """The sha256 of a text as these functions write it (UTF-8, newlines as given)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str | None:
    """The sha256 of a file's bytes, None when it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def write_text(path: Path, content: str) -> None:
    """Any text file (a review page, an export, a JSONL file), replaced atomically when complete."""
    os.replace(_stage(path, content), path)


def _stage(path: Path, content: str) -> str:
    """A complete, synced temporary file beside `path`, ready to be renamed over it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temporary(path)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def _temporary(path: Path) -> tuple[int, str]:
    """A temporary file beside `path`, with the permissions any new file gets (the umask's, not mkstemp's 0600):
    an output renamed into place is readable as the user's other files are."""
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    mask = os.umask(0)
    os.umask(mask)
    os.fchmod(fd, 0o666 & ~mask)
    return fd, tmp
