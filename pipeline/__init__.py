"""Bilingual (English + Russian) extraction of organisations, places, persons, dates and their relations.

The public API, for notebooks and programs (importing it loads no model; models load on first need):

    import pipeline
    models = pipeline.load_models()                          # spaCy + Natasha, once
    doc = pipeline.process_text("RSM was founded in Moscow on 7 March 2011.", models=models)
    result = pipeline.run_corpus(["corpus"], out=Path("outputs"))  # the four output files
"""

from __future__ import annotations

from pathlib import Path

from .core.errors import ConfigError, InputError, PipelineError
from .core.records import Document, Entity, Fact, Manifest, Mention, Meta, Relation
from .core.settings import Settings, load_settings
from .core.versions import __version__
from .corpus.execute import load_models as _load_models
from .corpus.flow import process_documents
from .corpus.run import RunResult
from .corpus.run import run_corpus as _run_corpus
from .ingest.read import InputDocument

__all__ = ["ConfigError", "Document", "Entity", "Fact", "InputDocument", "InputError", "Manifest", "Mention", "Meta",
           "PipelineError", "Relation", "RunResult", "Settings", "__version__", "load_models", "load_settings",
           "process_documents", "process_text", "run_corpus"]


def load_models(settings: Settings | None = None):
    """Both languages' models (spaCy's English model, Natasha's Russian models), built once, to pass around."""
    return _load_models(settings or Settings())


def process_text(text: str, *, models=None, lang: str | None = None, published: str | None = None,
                 doc_id: str = "text") -> Document:
    """One text through every stage: mentions with normal forms, date values, entity ids and relations.

    lang: "en", "ru" or "mixed" (detected when None); published: the ISO date relative dates count from.
    """
    models = models or load_models()
    document = InputDocument(id=doc_id, path=doc_id, sha256="", text=text, meta=Meta(lang=lang, published=published))
    records, _, _ = process_documents(models, [document])
    return records[0]


def run_corpus(paths, out: Path | None = None, settings: Settings | None = None, **options) -> RunResult:
    """Every supported document below `paths`; with `out`, the four output files are written there.

    options: progress (callback), models (built models to reuse), workers, executor ("local" or "dask"),
    scheduler (a Dask scheduler address).
    """
    return _run_corpus([Path(p) for p in paths], Path(out) if out is not None else None, settings or Settings(),
                       **options)
