"""names: acronyms read as the initials of a name in the document, names repeated where the model missed them."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.names import initials, is_case_form
from ..core.resources import trigger_words
from ..core.script import CYRILLIC
from .layout import boilerplate_spans
from .spans import copy_span, doc_text, make_span, set_entities, tokens_written

_ACRONYM = re.compile(r"^[A-ZА-ЯЁ]{2,6}$")
_REFERENCE_WORDS = trigger_words()["REFERENCE"] - {"it", "its"}
# Common nouns a model takes for a name: "в Интернете" is no organisation or place, nor are "СМИ" (the media) or
# a legal form standing alone ("ПАО").
_COMMON_NOUN = re.compile(r"(?i:интернет\w{0,3}|internet|рунет\w{0,3})|СМИ|ОАО|ООО|ЗАО|ПАО|АО|ГУП|ФГУП|НКО")
# A picture's or a file's name left on a copied page ("Moscow Narkomput X27.jpg", "RZD.svg") names nothing.
_FILE_NAME = re.compile(r"(?i).*\.(?:jpe?g|png|gif|svg|webp|tiff?|pdf|docx?)")


@Language.component("names", requires=["doc.ents"], assigns=["doc.ents", "span._.source"])
def names(doc: Doc) -> Doc:
    """Acronyms of the document's organisation names become ORG; names repeat where the model missed them; the
    lines a copied page carries around its article ("Jump to content", "Категории: ...") name nothing."""
    ents = list(doc.ents)
    ents = _acronyms(doc, ents)
    ents = _repeat_names(doc, ents)
    if doc.lang_ == "en":
        ents = _without_headline_verbs(doc, _surnames(doc, ents))
    page = boilerplate_spans(doc_text(doc))
    set_entities(doc, [e for e in ents if not any(a <= e.start_char and e.end_char <= b for a, b in page)
                       and not (e.label_ != "DATE" and (_COMMON_NOUN.fullmatch(e.text) or _FILE_NAME.fullmatch(e.text)))
                       and not _kind_word(e)])
    return doc


def _kind_word(ent: Span) -> bool:
    """An organisation "named" by one word that only says what kind it is ("Университет", "Компания", "the
    Party" capitalised): a reference to an organisation, not its name (models/relation_triggers.tsv, REFERENCE)."""
    if ent.label_ != "ORG" or len(ent) != 1:
        return False
    word = ent[0].text.lower().replace("ё", "е")
    return any(is_case_form(word, entry) for entry in _REFERENCE_WORDS)  # a Russian word in any case


def _acronyms(doc: Doc, ents: list[Span]) -> list[Span]:
    expansions = {}
    for ent in ents:
        if ent.label_ == "ORG" and len(ent) >= 2:
            short = initials(ent.text)
            if len(short) >= 2:
                expansions.setdefault(short, ent)
    if not expansions:
        return ents
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    relabelled = []
    for token in tokens_written(doc, [short for short in expansions if _ACRONYM.match(short)]):
        current = by_token.get(token.i)
        if current is not None and (current.start, current.end) != (token.i, token.i + 1):
            continue  # part of a longer name
        span = make_span(doc, token.idx, token.idx + len(token), "ORG", "rule", expansions[token.text]._.lang)
        if span is not None:
            relabelled.append(span)
    done = {s.start for s in relabelled}
    return relabelled + [e for e in ents if not (len(e) == 1 and e.start in done)]


def _surnames(doc: Doc, ents: list[Span]) -> list[Span]:
    """A person named in full ("Gennady Voronin") is named by the surname alone after that ("Voronin said"): the
    lone surname, where no name stands on it or where a place was read, is that person. Not where the word is
    also an organisation of the document (a company named after its founder), nor inside a longer run of
    capitalised words ("Voronin Street")."""
    full = {}
    for ent in ents:
        last = ent[-1]
        if ent.label_ == "PER" and len(ent) >= 2 and last.is_alpha and last.is_title and len(last) >= 3:
            full.setdefault(last.text, ent)
    for ent in ents:
        if ent.label_ == "ORG" and len(ent) == 1:
            full.pop(ent.text, None)
    if not full:
        return ents
    by_token = {i: e for e in ents for i in range(e.start, e.end)}
    replaced, added = set(), []
    for token in tokens_written(doc, list(full)):
        current = by_token.get(token.i)
        if current is not None and not (len(current) == 1 and current.label_ == "LOC"):
            continue
        if _in_capitalised_run(doc, token.i):
            continue
        span = make_span(doc, token.idx, token.idx + len(token), "PER", "rule", full[token.text]._.lang)
        if span is not None:
            added.append(span)
            if current is not None:
                replaced.add((current.start, current.end))
    return [e for e in ents if (e.start, e.end) not in replaced] + added


def _without_headline_verbs(doc: Doc, ents: list[Span]) -> list[Span]:
    """A title-case headline glues its verb to the name before it ("Mikhail Titov Named as Opera Director",
    "Petrov Removed"): a name read once whose last word is a verb, and which without that word is a name of the
    document, loses the verb."""
    counts = Counter(e.text for e in ents)
    out = []
    for ent in ents:
        last = ent[-1]
        if ent.label_ != "DATE" and len(ent) >= 2 and counts[ent.text] == 1 and last.pos_ == "VERB" \
                and last.tag_ in ("VBD", "VBN", "VBZ") and last.is_title and ent[:-1].text in counts:
            trimmed = copy_span(doc, ent, ent.start, ent.end - 1, ent.label_)
            if trimmed is not None:
                out.append(trimmed)
                continue
        out.append(ent)
    return out


def _in_capitalised_run(doc: Doc, i: int) -> bool:
    """A title-case word right before (not at a sentence start) or right after: part of another name."""
    before = i > 0 and doc[i - 1].is_title and doc[i - 1].is_alpha and not doc[i].is_sent_start
    after = i + 1 < len(doc) and doc[i + 1].is_title and doc[i + 1].is_alpha
    return bool(before or after)


def _repeat_names(doc: Doc, ents: list[Span]) -> list[Span]:
    """A multi-word or all-capital name found once is a name wherever else it stands in the document."""
    labels: dict[str, Counter] = defaultdict(Counter)
    for ent in ents:
        if ent.label_ != "DATE" and (len(ent) > 1 or _ACRONYM.match(ent.text)):
            labels[ent.text][ent.label_] += 1
    if not labels:
        return ents
    label_of = {text: counts.most_common(1)[0][0] for text, counts in labels.items()}
    taken = {i for e in ents for i in range(e.start, e.end)}
    out = [copy_span(doc, e, e.start, e.end, label_of.get(e.text, e.label_)) or e for e in ents]
    document_text = doc_text(doc)
    first_tokens = defaultdict(list)
    for text in label_of:
        first_tokens[text.split()[0] if " " in text else text].append(text)
    for token in tokens_written(doc, list(first_tokens)):
        candidates = first_tokens[token.text]
        if token.i in taken:
            continue
        for text in sorted(candidates, key=len, reverse=True):
            end_char = token.idx + len(text)
            if document_text[token.idx:end_char] != text:
                continue
            span = make_span(doc, token.idx, end_char, label_of[text], "rule", None)
            if span is None or taken.intersection(range(span.start, span.end)):
                continue
            span._.lang = "ru" if CYRILLIC.search(text) else "en"
            out.append(span)
            taken.update(range(span.start, span.end))
            break
    return out
