"""Shared fixtures: the real models, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.nlp import Pipelines, build_pipelines, process
from pipeline.schema import Settings

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def pipelines() -> Pipelines:
    return build_pipelines(Settings())


@pytest.fixture(scope="session")
def nlp_for(pipelines):
    """Text -> processed Doc, routed by language like a document of a run."""
    from pipeline.language import detect_language

    def run(text: str, published: str | None = None):
        return process(pipelines, text, detect_language(text), published)

    return run


def ents(doc, label: str | None = None) -> list[tuple[str, str]]:
    """(text, label) of the Doc's entities, optionally of one label."""
    return [(e.text, e.label_) for e in doc.ents if label is None or e.label_ == label]
