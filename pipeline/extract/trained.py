"""The project's own English recognizer (models/ner-<lang>/, trained by pipeline.tools.train_ner), in one of two
ways, told by the labels it learnt (`reads_dates`):

- a recognizer of every label the pipeline takes from spaCy (names, dates, numbers, other kinds as MISC) takes the
  place of spaCy's NER (pipelines.build_models sources it as "ner"); `recognizer_names` then puts its names in
  doc.spans["trained"] too, marked as the only reading (`ALONE`), for the entity component;
- a tagger of names only (`trained_names`) runs beside spaCy's NER, over the document's tokens; its names go to
  doc.spans["trained"], for the language's entity component to weigh against the base model's (doc.ents are left
  as they are). It runs on a copy of the tokens: spaCy's entity recognizer keeps the entities a Doc already has,
  and the base model's must not steer it.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import IDX, LENGTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.errors import ConfigError
from .spans import doc_text

SPANS_KEY = "trained"
ALONE = "alone"  # doc.spans["trained"].attrs[ALONE]: the recognizer's names are doc.ents', no second reading
_NAMES = ("PERSON", "ORG", "GPE", "LOC", "FAC")


def reads_dates(path: Path) -> bool:
    """Whether the recognizer in `path` learnt dates: then it takes the place of spaCy's NER."""
    return "DATE" in _tagger(str(path)).get_pipe("ner").labels


def recognizer(path: Path) -> Language:
    """The loaded recognizer's pipeline (its `ner` is sourced into the English pipeline)."""
    return _tagger(str(path))


@Language.component("recognizer_names", requires=["doc.ents"], assigns=["doc.spans"])
def recognizer_names(doc: Doc) -> Doc:
    """The names of the one recognizer, as the trained reading the entity component looks for."""
    doc.spans[SPANS_KEY] = [e for e in doc.ents if e.label_ in _NAMES]
    doc.spans[SPANS_KEY].attrs[ALONE] = True
    return doc


@lru_cache(maxsize=2)
def _tagger(path: str) -> Language:
    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot load the name tagger ({exc}); rebuild it with `make models-ner`") \
            from None


@Language.factory("trained_names", requires=["doc.ents"], assigns=["doc.spans"], default_config={"path": ""})
def trained_names(nlp: Language, name: str, path: str):
    return TrainedNames(Path(path))


class TrainedNames:
    """Runs a trained spaCy NER over a token copy of each document."""

    def __init__(self, path: Path) -> None:
        self.tagger = _tagger(str(path))  # a spaCy pipeline whose NER has its own token layer

    def _copy(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        offsets = doc.to_array([IDX, LENGTH, SPACY]).tolist()  # no Token object made per word
        return Doc(self.tagger.vocab, words=[text[i:i + n] for i, n, _ in offsets],
                   spaces=[bool(space) for _, _, space in offsets])

    def _keep(self, doc: Doc, tagged: Doc) -> Doc:
        doc.spans[SPANS_KEY] = [Span(doc, e.start, e.end, label=e.label_) for e in tagged.ents]
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return self._keep(doc, self.tagger(self._copy(doc)))

    def pipe(self, docs, batch_size: int = 64):
        docs = list(docs)
        for doc, tagged in zip(docs, self.tagger.pipe((self._copy(d) for d in docs), batch_size=batch_size)):
            yield self._keep(doc, tagged)
