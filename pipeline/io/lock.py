"""output_lock(folder): one run at a time writes into an output folder; a second one stops with a clear message.

The lock is an advisory lock (flock) on `.pipeline.lock` in the folder, held for the run's whole length; the
operating system releases it when the process ends however it ends, so a killed run leaves no stale lock.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..core.errors import PipelineError

LOCK_NAME = ".pipeline.lock"


class BusyError(PipelineError):
    """Another run holds the output folder."""


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's lock while the block runs; BusyError at once if another process holds it."""
    try:
        import fcntl
    except ImportError:  # no flock on this system: runs are not guarded
        yield
        return
    folder.mkdir(parents=True, exist_ok=True)
    fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o666)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise BusyError(f"{folder}: another pipeline run (process {holder}) is writing into this folder; "
                            "wait for it to end, or give another --out") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(fd)  # releases the lock
