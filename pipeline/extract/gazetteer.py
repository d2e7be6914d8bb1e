"""gazetteer: the component that finds the names of models/gazetteer.tsv in the text, with its labels (Russian
organisations' names also in the other cases)."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ..core.resources import DEFAULT_GAZETTEER, load_gazetteer
from ..normalise.inflect import case_forms
from .spans import make_span, set_entities


@Language.factory("gazetteer", requires=["doc.ents"], assigns=["doc.ents", "span._.source"],
                  default_config={"path": None})
def gazetteer(nlp: Language, name: str, path: str | None):
    """Names from the gazetteer become entities with its label; the model's overlapping guesses give way."""
    matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
    lang = nlp.lang if nlp.lang in ("en", "ru") else "en"
    for entry in load_gazetteer(Path(path) if path else DEFAULT_GAZETTEER):
        names = [n for n in entry.names.get(lang, ()) if not n.startswith("~")]  # "~": for linking only
        if lang == "ru" and entry.label == "ORG":  # as the text inflects them: "Конфедерацией труда России"
            names += [form for n in names for form in case_forms(n)]
        if names:
            matcher.add(entry.label, [nlp.make_doc(n) for n in names])

    def find_gazetteer_names(doc: Doc) -> Doc:
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

    return find_gazetteer_names


def _longest_first(matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for start, end, label in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
        if all(end <= s or e <= start for s, e, _ in kept):
            kept.append((start, end, label))
    return kept
