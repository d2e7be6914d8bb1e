"""case_forms(name) -> a Russian organisation's name in the other cases, for finding it as the text inflects it.

"Конфедерация труда России" is written "Конфедерации труда России", "Конфедерацией труда России"...: the head
noun and the adjectives before it change, the words after the head (its genitive dependents, a quoted name)
stay. Names whose head cannot be read unambiguously give no forms (they are found as written only).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .nominative import parses

_CASES = ("gent", "datv", "accs", "ablt", "loct")
_ADJECTIVE = {"ADJF", "PRTF"}  # "Российский", "Объединённая"
_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)?")


@lru_cache(maxsize=4096)
def case_forms(name: str) -> tuple[str, ...]:
    """The name in the genitive, dative, accusative, instrumental and locative singular (without the name itself
    and without duplicates); () when it does not start with adjectives and a noun in the nominative."""
    words = name.split(" ")
    head = _head(words)
    if head is None:
        return ()
    noun = next(p for p in parses(words[head]) if p.tag.POS == "NOUN" and "nomn" in p.tag and "sing" in p.tag)
    agreement = {g for g in (noun.tag.gender, noun.tag.animacy) if g}  # "Российский союз" -> "Российский союз"
    forms = []
    for case in _CASES:
        changed = []
        for i, word in enumerate(words[:head + 1]):
            inflected = _inflect(word, case, noun=i == head, agreement=agreement)
            if inflected is None:
                break
            changed.append(inflected)
        else:
            form = " ".join(changed + words[head + 1:])
            if form != name and form not in forms:
                forms.append(form)
    return tuple(forms)


def _head(words: list[str]) -> int | None:
    """The index of the first noun, when every word before it is an adjective agreeing in the nominative."""
    for i, word in enumerate(words):
        if not _WORD.fullmatch(word) or (len(word) > 1 and word.isupper()):
            return None  # an abbreviation ("ФНПР") is written the same in every case
        readings = [p for p in parses(word) if "nomn" in p.tag and "sing" in p.tag]
        if any(p.tag.POS == "NOUN" for p in readings) and not any(p.tag.POS in _ADJECTIVE for p in readings):
            return i
        if not any(p.tag.POS in _ADJECTIVE for p in readings):
            return None
    return None


def _inflect(word: str, case: str, noun: bool, agreement: set[str]) -> str | None:
    wanted = {"NOUN"} if noun else _ADJECTIVE
    for reading in parses(word):
        if reading.tag.POS in wanted and "nomn" in reading.tag and "sing" in reading.tag:
            changed = reading.inflect({case}) if noun else None
            if not noun and case == "accs" and {"masc", "inan"} <= agreement:
                changed = reading  # an inanimate masculine's adjective keeps its nominative form in the accusative
            elif not noun:
                gender = agreement & {"masc", "femn", "neut"}
                changed = reading.inflect({case, *gender}) or reading.inflect({case})
            if changed is None:
                return None
            text = changed.word
            return text[:1].upper() + text[1:] if word[:1].isupper() else text
    return None
