"""trained_names: the project's own name tagger (models/ner-<lang>/, trained by pipeline.tools.train_ner) run
over the document's tokens; its names go to doc.spans["trained"], for the language's entity component to weigh
against the base model's (doc.ents are left as they are).

The tagger runs on a copy of the tokens: spaCy's entity recognizer keeps the entities a Doc already has, and the
base model's must not steer it.
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
