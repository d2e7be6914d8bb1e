"""output_lock(folder): one run at a time writes into an output folder; a second one stops with a clear message.

The lock is an advisory lock (flock) on `.pipeline.lock` in the folder, held for the run's whole length by the
process that runs it; the operating system releases it when that process ends however it ends, so a killed
run leaves no stale lock. Worker processes forked during the run close their copy of the lock's descriptor at
once (an flock belongs to the open file, which a fork shares): a worker outliving a killed run does not keep
its folder locked. The lock file is opened without following a symbolic link and must be a regular file of
its own, so the lock never writes into another file.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import PipelineError

LOCK_NAME = ".pipeline.lock"
_HELD: set[int] = set()  # descriptors of the locks this process holds (closed in every child it forks)


class BusyError(PipelineError):
    """Another run holds the output folder."""


def _close_in_child() -> None:
    for fd in _HELD:
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_close_in_child)


@contextmanager
def output_lock(folder: Path) -> Iterator[str | None]:
    """Hold the folder's lock while the block runs; BusyError at once if another process holds it. Gives a
    warning when a lock file that was a link or a special file had to be replaced (never written through)."""
    try:
        import fcntl
    except ImportError:  # no flock on this system: runs are not guarded
        yield None
        return
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCK_NAME
    fd, replaced = _open_own(path, folder)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise BusyError(f"{folder}: another pipeline run (process {holder}) is writing into this folder; "
                            "wait for it to end, or give another --out") from None
        _HELD.add(fd)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield (f"{path}: the lock file was {replaced}; replaced by a file of its own (what it led to is "
               "untouched)") if replaced else None
    finally:
        _HELD.discard(fd)
        os.close(fd)  # releases the lock


def _open_own(path: Path, folder: Path) -> tuple[int, str | None]:
    """The lock file opened, never through a symbolic link, and a regular file with no other name; one that is
    not is removed (the link, not what it leads to) and made anew. Also what was replaced, if anything."""
    flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    replaced = None
    for _ in range(2):
        try:
            fd = os.open(path, flags, 0o666)
        except OSError as exc:
            if not path.is_symlink() or replaced:
                raise PipelineError(f"{folder}: cannot write into this folder ({exc.strerror or exc})") from None
            replaced = "a symbolic link"
        else:
            info = os.fstat(fd)
            if stat.S_ISREG(info.st_mode) and info.st_nlink == 1:
                return fd, replaced
            os.close(fd)
            if replaced:
                break
            replaced = "a special file" if not stat.S_ISREG(info.st_mode) else "a second name of another file"
        try:
            os.unlink(path)
        except OSError as exc:
            raise PipelineError(f"{path}: the lock file is {replaced} and cannot be removed ({exc.strerror})") \
                from None
    raise PipelineError(f"{path}: the lock file cannot be made a regular file; remove it")
