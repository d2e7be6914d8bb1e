"""What a run does with an output folder it cannot use or that fills up: one clear error, the previous outputs
kept. An empty corpus needs no model, so these run in the fast suite."""

from __future__ import annotations

import errno
import sqlite3

import pytest

from pipeline.core.errors import PipelineError
from pipeline.core.records import InputFailure
from pipeline.core.settings import Settings
from pipeline.corpus import run as run_module
from pipeline.corpus.cache import FILE_NAME
from pipeline.corpus.run import run_corpus


def test_an_output_path_that_is_a_file_is_one_clear_error(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "taken").write_text("a file\n", encoding="utf-8")
    with pytest.raises(PipelineError, match=rf"^{tmp_path / 'taken'}: is not a folder"):
        run_corpus([tmp_path / "corpus"], tmp_path / "taken", Settings())
    assert (tmp_path / "taken").read_text(encoding="utf-8") == "a file\n"


def test_an_output_folder_below_a_file_is_one_clear_error(tmp_path):
    (tmp_path / "corpus").mkdir()
    (tmp_path / "taken").write_text("a file\n", encoding="utf-8")
    with pytest.raises(PipelineError, match="cannot make the output folder"):
        run_corpus([tmp_path / "corpus"], tmp_path / "taken" / "out", Settings())


def test_a_full_disk_while_writing_is_one_error_and_the_previous_outputs_stay(tmp_path, monkeypatch):
    (tmp_path / "corpus").mkdir()
    out = tmp_path / "out"
    run_corpus([tmp_path / "corpus"], out, Settings())
    before = (out / "manifest.json").read_bytes()
    (tmp_path / "corpus" / "notes.csv").write_text("a,b\n", encoding="utf-8")  # something changed: written anew

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device", str(out / "facts.jsonl"))

    monkeypatch.setattr(run_module, "write_outputs", full)
    with pytest.raises(PipelineError, match=r"facts\.jsonl: cannot write the outputs \(No space left on device\); "
                                            "the previous outputs are kept"):
        run_corpus([tmp_path / "corpus"], out, Settings())
    assert (out / "manifest.json").read_bytes() == before


def test_a_cache_found_damaged_during_the_run_is_set_aside_and_the_run_made_again(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"damaged")
    warnings: list[InputFailure] = []
    tries = []

    def run():
        tries.append(1)
        if len(tries) == 1:
            raise sqlite3.DatabaseError("database disk image is malformed")
        return "the second run's result"

    assert run_module._again_if_damaged(run, tmp_path, warnings) == "the second run's result"
    (warning,) = warnings
    assert "database disk image is malformed" in warning.error
    assert len(list(tmp_path.glob(f"{FILE_NAME}.damaged-*"))) == 1


def test_a_full_disk_in_the_cache_is_not_taken_for_damage(tmp_path):
    def run():
        raise sqlite3.OperationalError("database or disk is full")

    with pytest.raises(sqlite3.OperationalError):
        run_module._again_if_damaged(run, tmp_path, [])
