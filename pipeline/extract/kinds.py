"""What an English name is: the kind its sentence states ("Rosario, a city in Argentina"), and the label the two
models give its words most often in the document (English extraction's last word on labels)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from spacy.tokens import Doc, Span

from ..core.resources import given_names, name_kinds
from .spans import copy_span
from .trained import SPANS_KEY

# spaCy's labels -> ours
LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "DATE": "DATE"}
# the base model's name labels the tagger may correct (its other labels, such as EVENT or LAW, it never learnt)
NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC"}
SPACY_LABEL = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}
# how Russian surnames end, romanised: Petrov, Ivanova, Lebedev, Ilyin, Navalny, Tolstoy, Dostoevsky, Shevchenko,
# Abramovich, Belykh, Kasparyan, Gogoladze
_RUSSIAN_SURNAME = re.compile(r"[a-z]{2,}(?:ov|ova|ev|eva|yov|in|ina|yn|yna|sky|skiy|skii|ski|skaya|ny|nyi|nyy|naya"
                              r"|oy|iy|ykh|ikh|enko|uk|yuk|ich|yan|ian|dze|shvili)")


def stated_kind(span: Span) -> str | None:
    """What the sentence says the name is (models/name_kinds.tsv): "Rosario, a city in Argentina" (apposition),
    "Kama Steel is a steel company" (predicate noun), "the newspaper Socialist" (a kind noun before it), "the city
    of Rosario"."""
    if span.label_ not in NAME_LABELS or not span.doc.has_annotation("DEP"):
        return None  # (a text read without the parser says nothing of its names)
    kinds = name_kinds("en")
    root = span.root
    nouns = [t for t in root.children if t.dep_ == "appos" and t.pos_ == "NOUN" and not span.start <= t.i < span.end]
    if root.dep_ == "nsubj" and root.head.lemma_ == "be":
        nouns += [t for t in root.head.children if t.dep_ == "attr" and t.pos_ == "NOUN"]
    before = span.doc[span.start - 1] if span.start else None
    if before is not None and before.dep_ == "compound" and before.head.i in range(span.start, span.end) \
            and before.is_lower:
        nouns.append(before)
    labels = {kinds[t.lemma_.lower()] for t in nouns if t.lemma_.lower() in kinds}
    of = root.head
    if root.dep_ == "pobj" and of.lower_ == "of" and of.head.pos_ == "NOUN" and of.head.i == of.i - 1 \
            and kinds.get(of.head.lemma_.lower()) == "LOC":
        labels.add("LOC")  # "the city of Rosario"; not "the channel of Ivan Petrov", whose owner he is
    return labels.pop() if len(labels) == 1 else None


def head_kind(span: Span) -> str | None:
    """An organisation's or a place's kind noun that ends the name itself ("Lena Bank", "Kirovsky District")."""
    if span.label_ not in NAME_LABELS or len(span) < 2 or not span[-1].is_title:
        return None
    kind = name_kinds("en").get(span[-1].lower_)
    return kind if kind in ("ORG", "LOC") else None


def russian_person(span: Span) -> bool:
    """A Russian given name (models/given_names_ru.txt) and a word that ends as a Russian surname does, with at most
    a patronymic between: "Mikhail Petrov", "Alexei Ivanovich Navalny" name a person, whatever the models read."""
    words = [t.text for t in span]
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
        return False
    surname = words[-1].lower().rsplit("-", 1)[-1]
    return words[0].lower() in given_names() and _RUSSIAN_SURNAME.fullmatch(surname) is not None


def with_stated_kind(doc: Doc, span: Span) -> Span:
    """The kind the sentence states decides the label; a kind noun ending the name decides only against a person
    ("Lena Bank" is no person; whether "Soviet Union" is a place or an organisation, its last word does not say);
    a Russian given name and surname make a person."""
    kind = stated_kind(span)
    if kind is None and LABELS.get(span.label_) == "PER":
        kind = head_kind(span)
    elif kind is None and span.label_ in NAME_LABELS and russian_person(span):
        kind = "PER"
    if kind is None or LABELS[span.label_] == kind:
        return span
    return copy_span(doc, span, span.start, span.end, SPACY_LABEL[kind]) or span


def voted_labels(doc: Doc, spans: list[Span]) -> list[Span]:
    """Each name takes the label that the two models give its words most often in the document, where one label
    has more votes than any other ("Ivan Petrov" read as a person three times and once as an organisation)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for span in list(doc.ents) + list(doc.spans[SPANS_KEY]):
        if span.label_ in NAME_LABELS:
            votes[span.text][LABELS[span.label_]] += 1
    out = []
    for span in spans:
        counts = votes.get(span.text)
        if span.label_ in NAME_LABELS and counts:
            (best, most), (_, next_most) = (counts.most_common(2) + [(None, 0)])[:2]
            if best != LABELS[span.label_] and most > next_most:
                span = copy_span(doc, span, span.start, span.end, SPACY_LABEL[best]) or span
        out.append(span)
    return out
