"""MorphVocab: Natasha's morph vocabulary on pymorphy3 instead of pymorphy2 (Natasha's lemmatizer reads it)."""

from __future__ import annotations

from functools import lru_cache

from natasha.morph.vocab import oc_grams, ud_feats, ud_pos
from pymorphy3.analyzer import Parse

from ..normalise.nominative import analyzer


class MorphForm(Parse):
    """A pymorphy3 parse with the attributes Natasha's code reads (normal, UD pos and feats)."""

    def __new__(cls, *args):
        self = Parse.__new__(cls, *args)
        self.normal = self.normal_form
        self.pos = ud_pos(self.tag)
        self.feats = dict(ud_feats(self.tag))
        return self

    def inflect(self, grams):
        return Parse.inflect(self, set(oc_grams(grams)))


class MorphVocab:
    """Natasha's morph vocabulary on pymorphy3 instead of pymorphy2: the interface its extractors use (called with
    a word or `parse(word)` for the word's forms, `TagClass`, `lemmatize`), without pymorphy2 underneath."""

    def __init__(self):
        self.analyzer = analyzer(MorphForm)

    @property
    def TagClass(self):
        return self.analyzer.TagClass

    @lru_cache(10000)  # noqa: B019 - one vocabulary per process, kept for its lifetime
    def parse(self, word: str) -> list[MorphForm]:
        return self.analyzer.parse(word)

    __call__ = parse

    def lemmatize(self, word: str, pos: str, feats: dict) -> str:
        from natasha.morph.lemma import lemmatize

        return lemmatize(self, word, pos, feats)

    def __repr__(self) -> str:
        return "MorphVocab(pymorphy3)"

    def __hash__(self) -> int:
        return id(self)
