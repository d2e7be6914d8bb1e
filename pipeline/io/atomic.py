"""Atomic writing: each file goes to a temporary file beside its path and is renamed into place; a run's four
outputs are written into a folder of their own and switched in together."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
import tempfile
import time
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


GENERATIONS = ".generations"  # below an output folder: one folder per complete set of outputs
CURRENT = "current"  # in GENERATIONS: the symbolic link to the set in use
OUTPUT_NAMES = ("documents.jsonl", "entities.jsonl", "facts.jsonl", "manifest.json")


def write_outputs(out: Path, documents: StagedLines, entities, facts, manifest) -> None:
    """The four output files, switched in as one set: they are written complete into a new folder
    `OUT/.generations/gen-*`, then one atomic rename points `OUT/.generations/current` at it; `OUT/NAME` is a
    symbolic link to `.generations/current/NAME`. An interrupted run leaves the previous complete set (or
    none), and a reader never finds files of two runs side by side. The manifest gets the sha256 of the three
    others (`outputs`), by which a later run knows them intact."""
    texts = {"entities.jsonl": jsonl_text(entities), "facts.jsonl": jsonl_text(facts)}
    manifest.outputs = {"documents.jsonl": documents.digest.hexdigest(),
                        **{name: sha256_text(text) for name, text in texts.items()}}
    contents = [(name, lambda text=text: text) for name, text in texts.items()]
    contents.append(("manifest.json",
                     lambda: json.dumps(manifest.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"))
    base = out / GENERATIONS
    base.mkdir(parents=True, exist_ok=True)
    generation = Path(tempfile.mkdtemp(prefix="gen-", dir=base))
    try:
        os.chmod(generation, 0o777 & ~_umask())
        for name, content in contents:
            os.replace(_stage(generation / name, content()), generation / name)
        os.replace(documents.finish(), generation / "documents.jsonl")
        _sync_folder(generation)
    except BaseException:  # nothing is switched: the previous outputs stay, and no temporary is left
        documents.discard()
        shutil.rmtree(generation, ignore_errors=True)
        raise
    _switch(out, generation)


def _switch(out: Path, generation: Path) -> None:
    """Point the output folder at a complete generation, then remove the generations before it."""
    base = generation.parent
    try:
        _link(base / CURRENT, generation.name)
        for name in OUTPUT_NAMES:
            target = f"{GENERATIONS}/{CURRENT}/{name}"
            if not (os.path.islink(out / name) and os.readlink(out / name) == target):
                _link(out / name, target)  # once per folder (a folder written by an earlier version has files)
    except (OSError, NotImplementedError):  # no symbolic links on this file system: the files are moved in
        for name in OUTPUT_NAMES:
            os.replace(generation / name, out / name)
    _sync_folder(base)
    _sync_folder(out)
    remove_stale(out)


def _link(path: Path, target: str) -> None:
    """Make `path` a symbolic link to `target`, replacing what is there in one rename."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    os.symlink(target, temporary)
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def current_outputs(out: Path) -> Path:
    """The folder that holds the output set in use: its generation (read once, it stays whole while a later
    run switches in another), else `out` itself."""
    base = out / GENERATIONS
    try:
        return base / os.readlink(base / CURRENT)
    except OSError:
        return out


def remove_stale(out: Path) -> None:
    """Remove what interrupted runs left in an output folder: temporary files of the outputs and generations
    that are not the current one. Called with the folder's lock held."""
    if not out.is_dir():
        return
    for entry in out.iterdir():
        if entry.name.endswith(".tmp") and any(entry.name.startswith(f".{name}.") for name in OUTPUT_NAMES):
            entry.unlink(missing_ok=True)
    base = out / GENERATIONS
    if not base.is_dir() or base.is_symlink():
        return
    current = current_outputs(out).name
    for entry in base.iterdir():
        if entry.name.startswith("gen-") and entry.name != current and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.endswith(".tmp") and entry.is_symlink():
            entry.unlink(missing_ok=True)


def _sync_folder(folder: Path) -> None:
    """Make the renames in a folder durable (where the platform can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sha256_text(text: str) -> str:
    """The sha256 of a text as these functions write it (UTF-8, newlines as given)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sha256_file(path: Path) -> str | None:
    """The sha256 of a regular file's bytes, None when it cannot be read or is no regular file (a pipe put in
    its place is not waited on)."""
    digest = hashlib.sha256()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        try:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
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
    os.fchmod(fd, 0o666 & ~_umask())
    return fd, tmp


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
