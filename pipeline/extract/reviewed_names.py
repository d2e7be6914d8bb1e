"""apply_names(doc, names, published): a reviewer's names in place of the models' (corpus/corrections.py).

The names keep the reviewer's spans and labels exactly (a token a span cuts through is split); their normal
forms and date values are computed as for the models' names, from the same document's analysis; a name on the
very words the models also marked keeps what the models read of it (a Russian date's stated fields).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..core.script import CYRILLIC
from ..dates.resolve import resolve_dates
from ..normalise.component import normalise
from .spans import make_span, set_entities, split_tokens_at


def apply_names(doc: Doc, names: list[tuple[int, int, str]], published: str | None) -> Doc:
    """`doc` with exactly `names` ((start, end, label), offsets into the doc's text) as its entities, source
    "human"; where two of them overlap, the one listed first stays."""
    split_tokens_at(doc, {c for start, end, _ in names for c in (start, end)})
    before = {(e.start_char, e.end_char): e for e in doc.ents}
    spans = []
    for start, end, label in names:
        span = make_span(doc, start, end, label, "human")
        if span is None:
            continue
        model = before.get((start, end))  # (a span's values are kept by its offsets: the model's are this one's)
        span._.lang = model._.lang if model is not None else ("ru" if CYRILLIC.search(span.text) else "en")
        if model is None or model.label_ != label:
            span._.stated = None  # what the date patterns read of a date the reviewer relabelled
        span._.value = None
        spans.append(span)
    set_entities(doc, spans)
    normalise(doc)
    return resolve_dates(doc, published)
