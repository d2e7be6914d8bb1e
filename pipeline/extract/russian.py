"""Russian with Natasha as spaCy components: razdel tokenizer, "ru_morph", "ru_ner", "ru_dates"."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice

from razdel import sentenize, tokenize
from razdel.substring import Substring
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..core.resources import infobox_keys
from ..dates.russian import find_russian_dates, stated_russian
from ..normalise.stress import plain, without_stress
from .boundaries import name_pieces
from .layout import glue_points, glued_key_spans
from .spans import doc_text, make_span, set_entities, token_edges, with_text


@lru_cache(maxsize=1)
def natasha_models():
    """Natasha's news embedding, NER and morphology taggers and morph vocabulary (built once)."""
    from natasha import NewsEmbedding, NewsMorphTagger, NewsNERTagger

    from .natasha_vocab import MorphVocab

    embedding = NewsEmbedding()
    vocab = MorphVocab()
    return {
        "embedding": embedding,
        "ner": NewsNERTagger(embedding),
        "morph": NewsMorphTagger(embedding),
        "vocab": vocab,
    }


class RazdelTokenizer:
    """razdel's tokens and sentences as a spaCy Doc; whitespace other than one space becomes its own token."""

    def __init__(self, vocab):
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool] = []
        sentence_starts = {s.start for s in sentenize(text)}
        position = 0
        for token in _tokens(text, glue_points(text, infobox_keys(lang="ru"))):
            gap = text[position:token.start]
            if gap:
                if gap == " " and words:
                    spaces[-1] = True
                else:
                    if gap.startswith(" ") and words:
                        spaces[-1] = True
                        gap = gap[1:]
                    words.append(gap)
                    spaces.append(False)
                    starts.append(False)
            words.append(token.text)
            spaces.append(False)
            starts.append(token.start in sentence_starts or not starts)
            position = token.stop
        tail = text[position:]
        if tail:
            if tail == " " and words:
                spaces[-1] = True
            else:
                words.append(tail)
                spaces.append(False)
                starts.append(not starts)
        return with_text(Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts or None), text)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs):
        return self


def _tokens(text: str, glued: list[int] = ()):
    """razdel's tokens, with a comma after a number split off ("2011, 18:30"; razdel reads "3,5" as one) and an
    infobox key split from the value glued to it ("ВладелецМихаил": `glued` are the points to split at)."""
    points = iter(glued)
    point = next(points, None)
    for token in tokenize(text):
        while point is not None and point <= token.start:
            point = next(points, None)
        if point is not None and token.start < point < token.stop:
            cut = point - token.start
            yield Substring(token.start, point, token.text[:cut])
            token = Substring(point, token.stop, token.text[cut:])
        if len(token.text) > 1 and token.text.endswith(",") and token.text[:-1].isdigit():
            yield Substring(token.start, token.stop - 1, token.text[:-1])
            yield Substring(token.stop - 1, token.stop, ",")
        else:
            yield token


@Language.factory("ru_morph", assigns=["token.pos", "token.morph"])
def ru_morph(nlp: Language, name: str):
    """Natasha's morphology tagger on each sentence: UD part of speech and features on every token."""
    tagger = natasha_models()["morph"]

    def tag_morphology(doc: Doc) -> Doc:
        sentences = [[t for t in sent if not t.is_space] for sent in doc.sents]
        sentences = [s for s in sentences if s]
        markups = tagger.map([[plain(t.text) for t in s] for s in sentences])
        for tokens, markup in zip(sentences, markups):
            for token, tagged in zip(tokens, markup.tokens):
                token.pos_ = tagged.pos
                token.set_morph("|".join(f"{k}={v}" for k, v in sorted(tagged.feats.items())) or None)
        return doc

    return tag_morphology


@Language.factory("ru_ner", assigns=["doc.ents", "span._.source", "span._.lang"])
def ru_ner(nlp: Language, name: str):
    """Natasha's NER (slovnet news tagger): PER, LOC, ORG spans on the document's exact offsets."""
    return NamesTagger(natasha_models()["ner"])


class NamesTagger:
    """The NER tagger as a spaCy component; `pipe` reads a batch of documents in one call to the tagger (slovnet
    pads them to one length and masks the padding: the same spans as one by one, sooner)."""

    def __init__(self, tagger):
        self.tagger = tagger

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 8) -> Iterator[Doc]:
        iterator = iter(docs)
        while batch := list(islice(iterator, batch_size)):
            texts = [doc_text(doc) for doc in batch]
            unstressed = [without_stress(text) for text in texts]
            wanted = [i for i, text in enumerate(texts) if text.strip()]
            found = dict(zip(wanted, self.tagger.map([unstressed[i][0] for i in wanted])))
            for i, doc in enumerate(batch):
                if i in found:
                    _set_names(doc, texts[i], unstressed[i][1], found[i].spans)
                yield doc


def _set_names(doc: Doc, text: str, offsets: list[int] | None, found) -> None:
    spans = []
    keys = glued_key_spans(text, infobox_keys(lang="ru")) if found else []
    for name in found:
        first, stop = (offsets[name.start], offsets[name.stop]) if offsets else (name.start, name.stop)
        for start, end in name_pieces(text, first, stop):
            start = _past_key(text, start, end, keys)  # "ВладелецМихаил Комиссар": the key is no part of it
            if start >= end:
                continue
            label = "PER" if name.type == "ORG" and _given_name_and_surname(text[start:end]) else name.type
            span = make_span(doc, start, end, label, "natasha", "ru")
            if span is not None:
                spans.append(span)
    set_entities(doc, _with_country(doc, spans))


def _given_name_and_surname(name: str) -> bool:
    """"Сергей Волков", "Анна Сергеевна Морозова": a given name first and a surname last (pymorphy3's dictionary
    marks both) make a person, whatever the tagger read around them (an owner's share in an infobox)."""
    from ..normalise.nominative import analyzer

    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in words):
        return False
    morph = analyzer()
    return "Name" in morph.parse(words[0])[0].tag and any("Surn" in p.tag for p in morph.parse(words[-1]))


def _past_key(text: str, start: int, end: int, keys: list[tuple[int, int]]) -> int:
    """Where a name starts once the infobox key before its value is left out; `end` when the name is a key glued
    to a lower-case value ("Языкрусский")."""
    if start == 0 or text[start - 1] == "\n":
        line = text[start:end]
        if any(line.startswith(key) and len(line) > len(key) and line[len(key)].islower()
               for key in infobox_keys(lang="ru")):
            return end
    for key_start, key_end in keys:
        if key_start <= start < key_end:
            start = key_end
            while start < end and text[start].isspace():
                start += 1
            return start
    return start


_OWN_HEAD = re.compile(r"(?i)(?:парти|союз|федераци|конфедераци|фронт|движени|лиг|объединени|ассоциаци|"
                       r"организаци|профсоюз|партии|договор|комитет|совет|палат|академи|церкв|банк)\w*")


def _with_country(doc: Doc, spans: list[Span]) -> list[Span]:
    """An organisation's name goes on through the country in the genitive that Natasha tags apart: "Конфедерации
    труда России", "Коммунистической партией Российской Федерации" are one name each."""
    out: list[Span] = []
    for span in spans:
        previous = out[-1] if out else None
        if (previous is not None and previous.label_ == "ORG" and span.label_ == "LOC"
                and span.start == previous.end and doc_text(doc)[previous.end_char:span.start_char] == " "
                and any(_OWN_HEAD.fullmatch(t.text) for t in previous)
                and all(t.morph.get("Case") == ["Gen"] for t in span if t.is_alpha)):
            merged = make_span(doc, previous.start_char, span.end_char, "ORG", "natasha", "ru")
            if merged is not None:
                out[-1] = merged
                continue
        out.append(span)
    return out


@Language.factory("ru_dates", requires=["doc.ents"], assigns=["doc.ents", "span._.stated"])
def ru_dates(nlp: Language, name: str):
    """DATE spans (dates.russian.find_russian_dates); a date stated in numbers and month names keeps what it
    states (`stated_russian`), the others are read by the dates stage."""

    def find_dates(doc: Doc) -> Doc:
        text = doc_text(doc)
        dates: list[Span] = []
        for start, end in find_russian_dates(text, token_edges(doc)):
            span = make_span(doc, start, end, "DATE", "rule", "ru")
            if span is not None and not _eve_of_event(span):
                span._.stated = stated_russian(text[start:end])
                dates.append(span)
        dates.sort(key=lambda s: (s.start - s.end, s.start))  # the longest reading of overlapping dates wins
        set_entities(doc, list(doc.ents) + dates)
        return doc

    return find_dates


def _eve_of_event(span: Span) -> bool:
    """"накануне конференции" is the eve of an event, not a date we can place; "накануне, 6 марта" is."""
    if span.text.lower() != "накануне":
        return False
    following = next((t for t in span.doc[span.end:span.end + 3] if not t.is_space), None)
    return following is not None and "Gen" in following.morph.get("Case") and following.pos_ in (
        "NOUN", "PROPN", "ADJ", "DET")
