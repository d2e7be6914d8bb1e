"""walk_corpus(paths) -> Walk: every supported file below the given paths, with its document id, once."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..core.errors import InputError
from ..core.records import InputFailure
from ..core.settings import Settings


@dataclass
class Walk:
    """Files found below the given paths: (file, document id) pairs, files skipped for their extension, and
    entries that cannot be documents (broken or outside symbolic links, loops, devices)."""

    files: list[tuple[Path, str]]
    skipped: list[str]
    refused: list[InputFailure] = field(default_factory=list)


def walk_corpus(paths: Iterable[Path], settings: Settings) -> Walk:
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
