"""The user-extendable gazetteer (models/gazetteer.tsv) and "gazetteer", the component that applies it."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from .clean import MODELS
from .errors import ConfigError
from .spans import make_span, set_entities

DEFAULT_PATH = MODELS / "gazetteer.tsv"


@dataclass(frozen=True)
class Entry:
    """One gazetteer line: a stable id, a label and names per language (first = preferred)."""

    id: str
    label: str
    names: dict[str, tuple[str, ...]]


def load_gazetteer(path: Path = DEFAULT_PATH) -> tuple[Entry, ...]:
    """Read the TSV gazetteer: id, label, English names, Russian names (names separated by ' | ').

    A name written "~Name" links mentions the models found but is not itself looked for in the text.
    Read again whenever the file changes.
    """
    try:
        stat = Path(path).stat()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the gazetteer: {exc.strerror or exc}") from None
    return _load(Path(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> tuple[Entry, ...]:
    entries = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the gazetteer: {exc.strerror or exc}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[1] not in ("ORG", "LOC", "PER"):
            raise ConfigError(f"{path}:{number}: expected 4 tab-separated fields id, label (ORG|LOC|PER), en, ru")
        names = {lang: tuple(n.strip() for n in value.split("|") if n.strip())
                 for lang, value in zip(("en", "ru"), fields[2:])}
        entries.append(Entry(fields[0].strip(), fields[1], names))
    return tuple(entries)


@Language.factory("gazetteer", requires=["doc.ents"], assigns=["doc.ents", "span._.source"],
                  default_config={"path": None})
def make_gazetteer(nlp: Language, name: str, path: str | None):
    """Names from the gazetteer become entities with its label; the model's overlapping guesses give way."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    lang = nlp.lang if nlp.lang in ("en", "ru") else "en"
    for entry in load_gazetteer(Path(path) if path else DEFAULT_PATH):
        names = [n for n in entry.names.get(lang, ()) if not n.startswith("~")]  # "~": for linking only
        if names:
            matcher.add(entry.label, [nlp.make_doc(n) for n in names])

    def gazetteer(doc: Doc) -> Doc:
        found = []
        for match_id, start, end in matcher(doc):
            found.append((start, end, nlp.vocab.strings[match_id]))
        found = _longest_first(found)
        if not found:
            return doc
        spans = []
        current = list(doc.ents)
        for start, end, label in found:
            span = make_span(doc, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), label, "gazetteer", lang)
            if span is None:
                continue
            covering = [e for e in current if e.start <= start and end <= e.end and (e.start, e.end) != (start, end)]
            if covering and any(e.label_ != "DATE" for e in covering):
                continue  # a longer name found by the model wins ("Novaya Gazeta — Saint-Petersburg" edition)
            spans.append(span)
        taken = {i for s in spans for i in range(s.start, s.end)}
        rest = [e for e in current if not taken.intersection(range(e.start, e.end))]
        set_entities(doc, spans + rest)
        return doc

    return gazetteer


def _longest_first(matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for start, end, label in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if all(end <= s or e <= start for s, e, _ in kept):
            kept.append((start, end, label))
    return kept
