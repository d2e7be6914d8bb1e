"""The output folder's lock: held by the run's own process only, never written through a link."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from pipeline.io.lock import LOCK_NAME, BusyError, output_lock

HOLD_AND_FORK = """
import os, sys, time
from pathlib import Path
from pipeline.io.lock import output_lock
with output_lock(Path(sys.argv[1])):
    child = os.fork()
    if child == 0:  # a forked worker: it lives on after its parent is killed
        time.sleep(30)
        os._exit(0)
    print(child, flush=True)
    time.sleep(30)
"""


def test_a_lock_file_that_is_a_symbolic_link_is_replaced_and_its_target_untouched(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / LOCK_NAME).symlink_to(target)

    with output_lock(out) as replaced:
        assert "symbolic link" in replaced and str(out / LOCK_NAME) in replaced
        assert not (out / LOCK_NAME).is_symlink()
        assert (out / LOCK_NAME).read_text(encoding="ascii") == str(os.getpid())
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_a_lock_file_that_is_a_second_name_of_another_file_is_replaced(tmp_path):
    target = tmp_path / "precious.txt"
    target.write_text("keep me\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    os.link(target, out / LOCK_NAME)

    with output_lock(out) as replaced:
        assert "second name" in replaced
    assert target.read_text(encoding="utf-8") == "keep me\n"


def test_an_ordinary_lock_says_nothing_and_a_second_holder_is_refused(tmp_path):
    with output_lock(tmp_path) as replaced:
        assert replaced is None
        with pytest.raises(BusyError, match=rf"process {os.getpid()}\)"):
            with output_lock(tmp_path):
                pass


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_child_forked_while_the_lock_is_held_does_not_keep_it_after_its_parent_is_killed(tmp_path):
    holder = subprocess.Popen([sys.executable, "-c", HOLD_AND_FORK, str(tmp_path)], stdout=subprocess.PIPE,
                              text=True)
    child = int(holder.stdout.readline())
    try:
        holder.kill()
        holder.wait(10)
        assert _alive(child)  # the forked child lives on ...
        with output_lock(tmp_path):  # ... and the folder is free at once
            pass
    finally:
        os.kill(child, 9)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return not any(line.startswith("State:") and "Z" in line for line in status)
    except FileNotFoundError:
        return False
