"""page_subject: on a page with an organisation's infobox, the title's names are ORG wherever they stand.

The title lines are read by core/pages.py. The general models often miss them ("Nashi" as a person, "Oborona"
as a place), and every fact of the infobox hangs on them.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.pages import key_of, page_titles, value_items
from ..core.script import SCRIPT
from ..dates.english import read_english
from ..dates.russian import read_russian
from ..normalise.stress import plain, without_stress
from .spans import doc_text, make_span, set_entities

_ITEM = re.compile(r"[A-ZА-ЯЁ«\"][^\n:;|]*")
_PERSON = re.compile(r"(?:[A-ZА-ЯЁ][\w'’-]*\.?\s+){1,3}[A-ZА-ЯЁ][\w'’-]+")
_NO_NAME = {"none", "nil", "n/a", "нет", "отсутствует"}


@Language.component("page_subject", requires=["doc.ents"], assigns=["doc.ents", "span._.source"])
def page_subject(doc: Doc) -> Doc:
    """Title names of an organisation's page become ORG spans, at the title and wherever else they stand, and so
    do the items of its infobox lines that list organisations."""
    lang = doc.lang_ if doc.lang_ in SCRIPT else "en"
    text = doc_text(doc)
    titles = page_titles(text, lang)
    if not titles:
        return doc
    found, keys = _infobox_names(doc, text, lang)
    read, offsets = without_stress(text)  # the first sentence of a Russian article stresses the title's words
    for title in sorted(dict.fromkeys(plain(t) for t in titles), key=len, reverse=True):  # ties in page order
        for match in re.finditer(rf"(?<!\w){re.escape(title)}(?!\w)", read):
            start, end = (offsets[match.start()], offsets[match.end()]) if offsets else match.span()
            span = make_span(doc, start, end, "ORG", "rule", lang)
            if span is not None:
                found.append(span)
    current = [e for e in doc.ents if not any(a <= e.start_char and e.end_char <= b for a, b in keys)]
    if found or len(current) < len(doc.ents):
        set_entities(doc, _merged(found, current))  # a key ("Headquarters", "Штаб-квартира") names nothing
    return doc


def _infobox_names(doc: Doc, text: str, lang: str) -> tuple[list[Span], list[tuple[int, int]]]:
    """The items of the infobox lines whose values are names ("Merger: A, B, C", "Headquarters: Moscow, Russia",
    "Chairman: Vasily Yakemenko", "Founded | 15 April 2008"): each item that reads as a name of the key's label
    is one, as the page lists it. Also the spans of the keys themselves."""
    spans, keys, offset = [], [], 0
    lines = text.split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    for number, line in enumerate(lines):
        offset = starts[number]
        key, value_start = key_of(line)
        if key is not None:
            keys.append((offset, offset + value_start))
            if key.relation == "-":
                continue  # "Owner", "Revenue": a key whose value is no name of ours
            value_from, value_to = offset + value_start, offset + len(line)
            if value_start == len(line) and "|" not in line:  # the key alone (not a table row with an empty
                # cell): its value is the next line with text ("Дата основания:")
                below = next((k for k in range(number + 1, min(number + 4, len(lines))) if lines[k].strip()), None)
                if below is not None and key_of(lines[below])[0] is None:
                    value_from, value_to = starts[below], starts[below] + len(lines[below])
            items = value_items(text, value_from, value_to, words=key.label == "PER")
            if key.label == "DATE":  # one date, commas and all: "April 8, 2012 (2012-04-08)"
                value = re.match(r"[^(\[|]*", text[value_from:value_to]).group(0)
                start = value_from + len(value) - len(value.lstrip())
                items = [(start, start + len(value.strip()))] if value.strip() else []
            for start, end in items:
                name = text[start:end]
                if _is_item(name, key.label):
                    span = make_span(doc, start, end, key.label, "rule", lang)
                    if span is not None:
                        spans.append(span)
    return spans, keys


def _is_item(name: str, label: str) -> bool:
    """Whether a value's item reads as one name of the key's label: a date read in full, an organisation's name
    of up to eight words,
    a place of up to four without digits, a person's two to four capitalised words ("Council of Oborona" and
    "Collective leadership" are no persons)."""
    if label == "DATE":  # "Founded | 15 April 2008 |": a date in full, as its reader reads it
        when = read_russian(name) if SCRIPT["ru"].search(name) else read_english(name)
        return when is not None and when.year is not None and when.shift is None and not when.deictic \
            and when.end_year is None and when.end_day is None
    if not _ITEM.fullmatch(name) or name.casefold() in _NO_NAME:
        return False
    if label == "ORG":
        return len(name.split()) <= 8
    if label == "LOC":
        return len(name.split()) <= 4 and not any(ch.isdigit() for ch in name)
    if label == "PER":
        return bool(_PERSON.fullmatch(name))
    return False


def _one_script(text: str) -> bool:
    return not (SCRIPT["en"].search(text) and SCRIPT["ru"].search(text))


def _merged(found: list[Span], current: list[Span]) -> list[Span]:
    """The title's spans replace what they overlap, except a longer ORG that holds them (a name in one script and on
    one line that the model tagged as an organisation keeps the title inside it: `People's Freedom Party "For
    Russia without Lawlessness and Corruption"`)."""
    kept = []
    for span in found:
        holder = [e for e in current if e.label_ == "ORG" and e.start <= span.start and span.end <= e.end
                  and (e.start, e.end) != (span.start, span.end) and _one_script(e.text) and "\n" not in e.text]
        if not holder:
            kept.append(span)
    taken = {i for s in kept for i in range(s.start, s.end)}
    return kept + [e for e in current if not taken.intersection(range(e.start, e.end))]
