"""tag_bracket_names(doc): the names a bracket after an organisation's name lists are organisations too.

"The Congress of Russian Communities (Russian: Конгресс русских общин, Kongress russkikh obschin, KRO)": the
bracket's items (core/brackets.py) are the organisation's other names, whatever the models made of them
("Kongress" as a person). A bracket that holds only a capitalised Latin name no model marked is the name's
translation: "Sotsialisticheskoye Soprotivleniye (Socialist Resistance)". Run on the whole document, after
foreign-script segments got their entities.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..core.brackets import bracket_items, bracket_translation
from ..core.script import CYRILLIC
from ..normalise.component import as_written
from .spans import doc_text, make_span, set_entities


def tag_bracket_names(doc: Doc) -> None:
    """ORG spans on the items of the name lists in brackets after ORG names, as written."""
    text = doc_text(doc)
    found = []
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        items = bracket_items(text, ent.end_char)
        translation = None if items else bracket_translation(text, ent.end_char)
        if translation and not any(e.start_char < translation[1] and translation[0] < e.end_char for e in doc.ents):
            items = [translation]  # unmarked by the models: a place or a person in brackets stays theirs
        for start, end in items:
            lang = "ru" if CYRILLIC.search(text[start:end]) else "en"
            span = make_span(doc, start, end, "ORG", "rule", lang)
            if span is not None:
                as_written(span)  # a name given in brackets is given in its base form
                found.append(span)
    if found:
        taken = {i for s in found for i in range(s.start, s.end)}
        set_entities(doc, found + [e for e in doc.ents if not taken.intersection(range(e.start, e.end))])
