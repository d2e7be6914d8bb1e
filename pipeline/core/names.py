"""initials(name): the acronym a name gives, shared by extraction (acronyms in text) and linking (no models)."""

from __future__ import annotations

import os
import re
from functools import lru_cache

FUNCTION_WORDS = {
    "of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "&",
    "и", "в", "во", "на", "по", "для", "имени", "им", "за", "с", "со", "о", "об",
}


@lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """Upper-case first letters of the content words: "Russian Socialist Movement" -> "RSM"."""
    words = re.findall(r"[\w'’]+", name)
    return "".join(w[0].upper() for w in words if w.lower() not in FUNCTION_WORDS and w[0].isalpha())


_ADJECTIVE_END = ("ая", "яя", "ое", "ее", "ые", "ие", "ий", "ый")
# what a case form may have in place of an entry's last letters: "росси|ей", "коре|и", "штат|ов", "соединенн|ых"
_CASE_ENDING = frozenset("а я у ю е и ы о ь й ой ей ом ем ию ии ов ев ам ям ах ях ых их ую юю ого его ому ему ыми ими "
                         "ами ями".split()) | {""}


def is_case_form(word: str, entry: str) -> bool:
    """Whether a lower-case word is a lexicon entry's word: the same, or for a Russian entry a case form of it: all
    of the entry but its last letter (its last two for an adjective), then a case ending ("россией", "кореи",
    "штатов", "казахстаном", "южной", "университета"; not "кубань" of "куба" or "франциско" of "франция")."""
    if word == entry:
        return True
    if not re.fullmatch("[а-я-]+", entry):
        return False
    stem = len(entry) - (2 if entry.endswith(_ADJECTIVE_END) else 1 if entry[-1] in "аяоеиыйь" else 0)
    common = len(os.path.commonprefix((word, entry)))
    return common >= max(stem, 3) and word[min(common, stem):] in _CASE_ENDING | {entry[stem:]}
