"""Shared fixtures: the real models, loaded once per test session, and the sample corpus, processed once.

A test that needs spaCy or Natasha carries @pytest.mark.models and takes the `models` fixture (which refuses
an unmarked test), so that `pytest -m "not models"` runs the model-free part without loading any model.
"""

from __future__ import annotations

import sys

import pytest

from pipeline import load_models
from pipeline.core.settings import Settings
from pipeline.corpus.run import run_corpus

from .common import CORPUS

_MODEL_MODULES = ("spacy", "natasha", "slovnet", "thinc")


@pytest.fixture(scope="session")
def _built_models():
    return load_models(Settings())


def _require_marker(request) -> None:
    if request.node.get_closest_marker("models") is None:
        pytest.fail(f"{request.node.nodeid} uses the models but is not marked @pytest.mark.models")


@pytest.fixture
def models(request, _built_models):
    """Both languages' models (built once per session); only for tests marked `models`."""
    _require_marker(request)
    return _built_models


@pytest.fixture
def nlp_for(models):
    """Text -> processed Doc, routed by language like a document of a run."""
    from pipeline.ingest.language import detect_language

    def run(text: str, published: str | None = None):
        return models.process(text, detect_language(text), published)

    return run


@pytest.fixture(scope="session")
def _sample_run(tmp_path_factory, _built_models):
    out = tmp_path_factory.mktemp("sample-run")
    return out, run_corpus([CORPUS], out, Settings(), models=_built_models)


@pytest.fixture
def sample_run(request, _sample_run):
    """The shipped sample corpus through `run_corpus`, once per session: (output folder, RunResult)."""
    _require_marker(request)
    return _sample_run


def pytest_sessionfinish(session, exitstatus):
    """A run that deselects the models must not have loaded one (a missing marker would hide a slow test)."""
    expression = session.config.getoption("markexpr") or ""
    loaded = [m for m in _MODEL_MODULES if m in sys.modules]
    if expression.replace(" ", "") == "notmodels" and loaded and exitstatus == 0:
        sys.stderr.write(f"\nerror: a test outside the `models` marker imported {', '.join(loaded)}\n")
        session.exitstatus = 1
