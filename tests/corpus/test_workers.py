"""Worker processes end with the run that started them, however it ends (no model needed: the pool alone)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from ..io.test_lock import _alive

POOL_THEN_WAIT = """
import multiprocessing, os, sys, time
from pathlib import Path
from pipeline.corpus.execute import _worker_start
from pipeline.io.lock import output_lock
with output_lock(Path(sys.argv[1])):
    pool = multiprocessing.get_context("fork").Pool(2, initializer=_worker_start, initargs=(os.getpid(),))
    pool.map(abs, range(4))  # started
    pool.map_async(time.sleep, [20, 20], chunksize=1)  # and busy: a worker in the middle of a long document
    time.sleep(0.5)
    print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
    time.sleep(30)
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork start method")
def test_workers_die_with_a_killed_run_and_leave_its_folder_free(tmp_path):
    from pipeline.io.lock import output_lock

    run = subprocess.Popen([sys.executable, "-c", POOL_THEN_WAIT, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    workers = [int(pid) for pid in run.stdout.readline().split()]
    assert len(workers) == 2 and all(_alive(pid) for pid in workers)
    run.kill()  # kill -9 of the run
    run.wait(10)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert not any(_alive(pid) for pid in workers)
        with output_lock(tmp_path):  # the next run starts at once
            pass
    finally:
        for pid in workers:
            if _alive(pid):
                os.kill(pid, 9)
