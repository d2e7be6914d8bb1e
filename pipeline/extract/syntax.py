"""syntax: the dependency trees of the sentences that hold two or more names (or a name and a word such as "the
party"), kept for the relation stage.

English trees come from spaCy's parser (it already ran for the sentences); Russian trees from Natasha's syntax
parser, run only on those sentences (it is the costly part). Each kept sentence is stored plainly, so that the
cache can hold it: a list of tokens [start, end, lemma, pos, dep, head], head being the index of the token's
head within the sentence (-1 for the root). Labels are Universal Dependencies for Russian (pos carries the
case: "NOUN:Gen") and spaCy's English scheme.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

import numpy
from spacy.attrs import DEP, HEAD, IDX, IS_SPACE, LEMMA, LENGTH, LOWER, POS
from spacy.language import Language
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

from ..normalise.component import morph_features
from .spans import doc_text

# Words that refer to the organisation a text is about ("the party was founded ...", "CEO X said"): such a
# sentence needs only one name.
_REFERENCE = re.compile(r"(?i)\b(?:it|its|the (?:party|movement|organi[sz]ation|group|union|league|front|"
                        r"federation|confederation|association|coalition|bloc|company|bank|university|club|firm)|"
                        r"ceo|rector|chief executive|general director)\b|"
                        r"(?<![А-Яа-яЁё])(?:[Пп]арти|[Дд]вижени|[Оо]рганизаци|[Кк]онфедераци|[Фф]едераци|[Сс]оюз|"
                        r"[Кк]омпани|[Бб]анк|[Уу]ниверситет|[Вв]уз|[Кк]луб|[Рр]ектор|[Гг]ендиректор|"
                        r"[Гг]енеральн\w+ директор)")
Tree = list[list]  # [[start, end, lemma, pos, dep, head], ...]


@Language.component("syntax", requires=["doc.ents"])
def syntax(doc: Doc) -> Doc:
    """doc.user_data["syntax"]: the trees of the sentences with two or more names (DATE included), a word
    referring to the text's organisation counting as one."""
    starts = sorted(e.start_char for e in doc.ents)
    text = doc_text(doc)
    units = [piece for s in doc.sents for piece in _lines(s)] if doc.lang_ == "ru" else list(doc.sents)
    sentences = [s for s in units if (names := _names_in(starts, s.start_char, s.end_char)) >= 2
                 or names + bool(_REFERENCE.search(text[s.start_char:s.end_char])) >= 2]
    if doc.lang_ == "ru":
        doc.user_data["syntax"] = _russian_trees(doc, sentences)
    else:
        words = _words(doc) if sentences else None
        doc.user_data["syntax"] = [_spacy_tree(doc.vocab.strings, words, s.start, s.end) for s in sentences]
    return doc


def _names_in(starts: list[int], start: int, end: int) -> int:
    """How many names start within [start, end) (the starts sorted: a long document has many sentences)."""
    return bisect_left(starts, end) - bisect_left(starts, start)


def _lines(sentence) -> list:
    """A sentence cut at its line breaks, each piece parsed on its own: a headline without a stop and the
    sentence under it, "В некрологе говорится:" and the quoted sentence on the next line. (The relation
    patterns and the pair model read lines as units too.)"""
    pieces, first = [], sentence.start
    doc = sentence.doc
    for t in sentence:
        if ("\n" in t.whitespace_ or t.is_space and "\n" in t.text) and first <= t.i < sentence.end - 1:
            pieces.append(doc[first:t.i + 1])
            first = t.i + 1
    pieces.append(doc[first:sentence.end])
    return [p for p in pieces if any(not t.is_space for t in p)]


_WORD_ATTRS = [IDX, LENGTH, LEMMA, LOWER, POS, DEP, IS_SPACE, HEAD]


def _words(doc: Doc):
    """What a tree keeps of every token, as one array (a Token object per word is slow to make): offset, length,
    lemma, lowercase form, part of speech, label, whether it is space, the index of its head."""
    rows = doc.to_array(_WORD_ATTRS)
    rows[:, -1] = rows[:, -1].view(numpy.int64) + numpy.arange(len(doc))  # stored relative to the token
    return rows


def _spacy_tree(strings, words, first: int, end: int) -> Tree:
    return [[idx, idx + length, strings[lemma].lower() or strings[lower], POS_NAMES[pos], strings[dep].lower(),
             -1 if head == i else head - first]
            for i, (idx, length, lemma, lower, pos, dep, space, head) in enumerate(words[first:end].tolist(), first)
            if not space]


@lru_cache(maxsize=1)
def _natasha_syntax():
    from natasha import NewsSyntaxParser

    from .russian import natasha_models

    return NewsSyntaxParser(natasha_models()["embedding"])


def _russian_trees(doc: Doc, sentences) -> list[Tree]:
    if not sentences:
        return []
    from .russian import natasha_models

    vocab = natasha_models()["vocab"]
    words = [[t for t in s if not t.is_space] for s in sentences]
    trees = []
    for tokens, markup in zip(words, _natasha_syntax().map([[t.text for t in ts] for ts in words])):
        tree = []
        for token, parsed in zip(tokens, markup.tokens):
            head = int(parsed.head_id) - 1  # Natasha counts from 1; 0 is the root
            feats = token.morph.to_dict()
            lemma = _lemma(vocab, token.text, token.pos_, str(token.morph)) if token.pos_ else token.lower_
            pos = f"{token.pos_}:{feats['Case']}" if "Case" in feats else token.pos_  # "NOUN:Gen"
            tree.append([token.idx, token.idx + len(token), (lemma or token.lower_).lower(), pos,
                         parsed.rel.lower(), head])
        trees.append(tree)
    return trees


@lru_cache(maxsize=100_000)
def _lemma(vocab, word: str, pos: str, morph: str) -> str:
    """Natasha's lemma of a word read with this part of speech and these features (spaCy's "Case=Gen|..."): a
    text's words recur, and each reading is looked up once."""
    return vocab.lemmatize(word, pos, morph_features(morph))
