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


def walk_corpus(paths: Iterable[Path], settings: Settings, output: Path | None = None) -> Walk:
    """Every supported file below each path (recursively, sorted), with its document id, once: a file reached
    from two of the paths ("corpus corpus/ru") is one document, its id taken below the outermost folder given.
    Nothing below `output` (the run's output folder, wherever it is) is read."""
    walk = Walk([], [])
    roots = list(map(Path, paths))
    for root in roots:
        if not root.exists():
            raise InputError(f"{root}: no such file or folder")
    written = output.resolve() if output is not None else None
    if written is not None:
        for root in roots:
            if root.resolve().is_relative_to(written):
                raise InputError(f"{root}: is the output folder {output} or inside it; outputs are never input")
    # the outermost folders first, so that a file below two of them takes its id below the outer one
    order = sorted(range(len(roots)), key=lambda i: len(roots[i].resolve().parts))
    seen: set[Path] = set()
    for root in (roots[i] for i in order):
        if root.is_file():
            candidates, base = [root], root.parent
        else:
            candidates, base = list(_walk(root, root.resolve(), settings.follow_symlinks, set(), walk)), root
        for path in candidates:
            real = path.resolve()
            if real in seen or written is not None and real.is_relative_to(written):
                continue  # reached before, or written by the tool
            seen.add(real)
            if path.suffix.lower() in settings.extensions:
                walk.files.append((path, path.relative_to(base).with_suffix("").as_posix()))
            else:
                walk.skipped.append(path.as_posix())
    walk.refused = list({failure.path: failure for failure in walk.refused}.values())  # a link reached twice
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
