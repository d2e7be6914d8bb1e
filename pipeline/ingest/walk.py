"""walk_corpus(paths) -> Walk: every supported file below the given paths, with its document id, once."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import InputError
from ..core.records import InputFailure
from ..core.settings import Settings


@dataclass
class Walk:
    """Files found below the given paths: (file, document id) pairs, files skipped for their extension, and
    entries that cannot be documents (broken or outside symbolic links, loops, devices).

    `seen` holds each file's (st_dev, st_ino) as listed, so that reading can tell a file swapped since (for a
    symbolic link, or for one reached through it, those of its target); `linked` the files that were symbolic
    links when listed, which reading follows (it opens the others without following a link)."""

    files: list[tuple[Path, str]]
    skipped: list[str]
    refused: list[InputFailure] = field(default_factory=list)
    seen: dict[Path, tuple[int, int]] = field(default_factory=dict)
    linked: set[Path] = field(default_factory=set)


@dataclass(frozen=True)
class _Entry:
    """A file as the walk saw it."""

    path: Path
    identity: tuple[int, int]  # (st_dev, st_ino) of the file, or of its target for a symbolic link
    link: bool
    folder: bool


def walk_corpus(paths: Iterable[Path], settings: Settings, output: Path | None = None) -> Walk:
    """Every supported file below each path (recursively, sorted), with its document id, once: a file reached
    from two of the paths ("corpus corpus/ru") is one document, its id taken below the outermost folder given.
    Nothing below `output` (the run's output folder, wherever it is) is read."""
    walk = Walk([], [])
    roots = list(map(Path, paths))
    real_roots: dict[Path, Path] = {}
    for root in roots:
        real = _real(root)
        if real is None or not root.exists():
            loop = " (a broken symbolic link or a loop)" if root.is_symlink() else ""
            raise InputError(f"{root}: no such file or folder{loop}")
        real_roots[root] = real
    written = (_real(output) or output.absolute()) if output is not None else None
    if written is not None:
        for root in roots:
            if real_roots[root].is_relative_to(written):
                raise InputError(f"{root}: is the output folder {output} or inside it; outputs are never input")
    # the outermost folders first, so that a file below two of them takes its id below the outer one
    order = sorted(range(len(roots)), key=lambda i: len(real_roots[roots[i]].parts))
    seen: set[Path] = set()
    for root in (roots[i] for i in order):
        if root.is_file():
            entry = _entry(root, root.parent, True, walk)
            candidates, base = [entry] if entry is not None else [], root.parent
        else:
            candidates, base = list(_walk(root, real_roots[root], settings.follow_symlinks, set(), walk)), root
        for entry in candidates:
            path, found = entry.path, _real(entry.path)
            if found is None:
                walk.refused.append(InputFailure(path=path.as_posix(), error=f"{path}: symbolic link loop; not "
                                                                             "followed"))
                continue
            if found in seen or written is not None and found.is_relative_to(written):
                continue  # reached before, or written by the tool
            seen.add(found)
            if path.suffix.lower() in settings.extensions:
                walk.files.append((path, path.relative_to(base).with_suffix("").as_posix()))
                walk.seen[path] = entry.identity
                if entry.link:
                    walk.linked.add(path)
            else:
                walk.skipped.append(path.as_posix())
    walk.refused = list({failure.path: failure for failure in walk.refused}.values())  # a link reached twice
    return walk


def _walk(folder: Path, root: Path, follow: bool, seen: set[Path], walk: Walk) -> Iterator[_Entry]:
    real = _real(folder)
    if real is None or real in seen:
        walk.refused.append(InputFailure(path=folder.as_posix(), error=f"{folder}: symbolic link loop; not followed"))
        return
    seen.add(real)
    try:
        entries = sorted(folder.iterdir(), key=lambda p: p.name)
    except OSError as exc:
        walk.refused.append(InputFailure(path=folder.as_posix(), error=f"{folder}: cannot list: {exc.strerror or exc}"))
        return
    for path in entries:
        if path.name.startswith("."):
            continue
        entry = _entry(path, root, follow, walk)
        if entry is None:
            continue
        if entry.folder:
            yield from _walk(path, root, follow, seen, walk)
        else:
            yield entry


def _entry(path: Path, root: Path, follow: bool, walk: Walk) -> _Entry | None:
    """A file or folder as the walk saw it; anything else (a loop, a device, a link outside) refused: None."""
    def refuse(reason: str) -> None:
        walk.refused.append(InputFailure(path=path.as_posix(), error=f"{path}: {reason}"))

    link = False
    try:
        link = path.is_symlink()
        if link:
            target = Path(os.path.realpath(path, strict=True))  # (raises for a broken link or a loop)
            if not follow and not target.is_relative_to(root):
                return refuse(f"symbolic link to {target}, outside the corpus; not followed (set follow_symlinks "
                              "= true in the config to read it)")
        info = path.stat()
    except (RuntimeError, OSError) as exc:  # pathlib raised RuntimeError for a loop before Python 3.13
        if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
            return refuse("symbolic link loop; not followed")
        if isinstance(exc, FileNotFoundError) and link:
            return refuse("broken symbolic link")
        return refuse(f"cannot read: {exc.strerror or exc}")
    if not stat.S_ISDIR(info.st_mode) and not stat.S_ISREG(info.st_mode):
        return refuse("not a regular file")
    return _Entry(path, (info.st_dev, info.st_ino), link, stat.S_ISDIR(info.st_mode))


def _real(path: Path) -> Path | None:
    """The path with every symbolic link resolved; None for a loop or what cannot be looked up."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return None
