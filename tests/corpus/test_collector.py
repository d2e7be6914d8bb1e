"""A run keeps the loaded models out of Python's garbage collections while it runs, and no longer."""

from __future__ import annotations

import gc

import pytest

pytestmark = pytest.mark.models


def _corpus(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("The Left Front was founded in Moscow on 12 May 2009.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Левый фронт провёл митинг в Москве 7 марта 2011 года.\n", encoding="utf-8")
    return folder


def test_the_models_are_left_out_of_collections_during_a_run_and_given_back_after(models, tmp_path):
    from pipeline import run_corpus

    frozen_during = []

    def heard(phase, info):
        if phase == "start":
            frozen_during.append(gc.get_freeze_count())

    assert gc.get_freeze_count() == 0
    gc.callbacks.append(heard)
    try:
        result = run_corpus([_corpus(tmp_path)], tmp_path / "out", workers=1, models=models)
    finally:
        gc.callbacks.remove(heard)
    assert {e.name for e in result.entities} >= {"Left Front", "Moscow"}
    # from reading the first document on (the collections before are the run's set-up), the models' objects
    # were set aside
    set_aside = [count > 100_000 for count in frozen_during]
    assert set_aside[-1] and sum(set_aside) > len(set_aside) / 2
    assert gc.get_freeze_count() == 0  # and handed back to the collector when the run ended


def test_a_process_that_froze_objects_itself_is_left_as_it_is(models, tmp_path):
    from pipeline import run_corpus

    gc.freeze()
    try:
        before = gc.get_freeze_count()
        run_corpus([_corpus(tmp_path)], tmp_path / "out", workers=1, models=models)
        assert gc.get_freeze_count() >= before > 0
    finally:
        gc.unfreeze()
