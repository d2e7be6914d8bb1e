"""nominative(words, label): a Russian name in the nominative, on pymorphy3 (head and agreeing words change)."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import lru_cache

import pymorphy3
from pymorphy3.analyzer import Parse

_UD_CASE = {"Nom": "nomn", "Gen": "gent", "Dat": "datv", "Acc": "accs", "Ins": "ablt", "Loc": "loct",
            "Voc": "voct", "Par": "gent"}
_CASE_ALIASES = {"gent": {"gent", "gen2"}, "loct": {"loct", "loc2"}, "accs": {"accs"}, "datv": {"datv"},
                 "ablt": {"ablt"}, "nomn": {"nomn"}, "voct": {"voct"}}
_UD_GENDER = {"Masc": "masc", "Fem": "femn", "Neut": "neut"}
_AGREEING = {"ADJ", "DET", "NUM", "VERB"}
_QUOTES = "«»\"„“”"


@lru_cache(maxsize=2)
def analyzer(result_type: type = Parse) -> pymorphy3.MorphAnalyzer:
    """The pymorphy3 analyser with its Russian dictionary, loaded once per result type."""
    return pymorphy3.MorphAnalyzer(result_type=result_type)


@lru_cache(maxsize=100_000)
def parses(word: str) -> tuple[Parse, ...]:
    """pymorphy3's readings of a word (names repeat, so they are remembered)."""
    return tuple(analyzer().parse(word))


@dataclass(frozen=True)
class Word:
    """A token of a name as the morphology sees it: text, UD part of speech and features."""

    text: str
    pos: str
    feats: dict[str, str]
    space: str = ""


def nominative(words: list[Word], label: str) -> str:
    """The name in the nominative: the head and the words agreeing with it change, other words stay."""
    if label == "PER":
        forms = _person(words)
    else:
        forms = _phrase(words)
    return "".join(f + w.space for f, w in zip(forms, words)).strip()


def _phrase(words: list[Word]) -> list[str]:
    forms = [w.text for w in words]
    frozen = _quoted(words)
    found = _head_by_tagger(words, frozen) or _head_by_dictionary(words, frozen)
    if found is None:
        return forms
    head, case, parse = found
    if case == "nomn":
        return forms
    grams = parse.tag.grammemes
    number = "plur" if "plur" in grams or "Pltm" in grams else "sing"
    new_head = parse.inflect({"nomn", number} if "Pltm" not in grams else {"nomn"})
    if new_head is None:
        return forms
    forms[head] = _shape(new_head.word, words[head].text)
    gender = str(parse.tag.gender) if parse.tag.gender else None
    for i in range(head):
        word = words[i]
        if i in frozen or not _is_word(word.text):
            continue
        modifier = _best(word, case, nouns=False)
        grams = {"nomn", "plur"} if number == "plur" else {"nomn", "sing", gender or "masc"}
        inflected = _inflect_keeping_stem(modifier, grams) if modifier is not None else None
        if inflected is not None:
            forms[i] = _shape(inflected.word, word.text)
    return forms


def _inflect_keeping_stem(parse: Parse, grams: set[str]) -> Parse | None:
    """The form in `grams` nearest the word as written: a lexeme can hold two forms for one slot, and the
    name's own stem is the one to keep ("Высшей школы" -> "Высшая школа", not "Высочайшая")."""
    first = parse.inflect(grams)
    if first is None:
        return None
    options = [f for f in parse.lexeme if grams <= f.tag.grammemes and f.tag.POS == first.tag.POS
               and ("Supr" in f.tag.grammemes) == ("Supr" in parse.tag.grammemes)]
    return max(options, key=lambda f: (len(os.path.commonprefix([f.word, parse.word])), f.word == first.word),
               default=first)


def _head_by_tagger(words: list[Word], frozen: set[int]):
    """The first noun of the name, its case from the tagger, and its dictionary parse in that case."""
    head = next((i for i, w in enumerate(words) if i not in frozen and w.pos in ("NOUN", "PROPN")
                 and _is_word(w.text) and not _adjective_before_noun(words, i)), None)
    if head is None:
        return None
    case = _UD_CASE.get(words[head].feats.get("Case", ""))
    if case is None:
        return None
    modifiers_agree = all(i in frozen or not _is_word(words[i].text)
                          or _best(words[i], case, nouns=False) is not None for i in range(head))
    parse = _best(words[head], case, nouns=True)
    return (head, case, parse) if parse is not None and modifiers_agree else None


def _head_by_dictionary(words: list[Word], frozen: set[int]):
    """When the tagger misreads a rare name: adjectives then a noun sharing one case in the dictionary."""
    for i, word in enumerate(words):
        if i in frozen or not _is_word(word.text):
            return None
        readings = parses(word.text)
        if i + 1 < len(words) and _modifies(readings, words[i + 1]):
            continue
        nouns = [p for p in readings if p.tag.POS == "NOUN"]
        for noun in sorted(nouns, key=lambda p: -p.score):
            case = str(noun.tag.case)
            if all(_best(Word(w.text, "ADJ", {}), case, nouns=False) is not None for w in words[:i]):
                return i, case, noun
        if not any(p.tag.POS in ("ADJF", "PRTF") for p in readings):
            return None
    return None


def _modifies(readings, following: Word) -> bool:
    """An adjective reading that shares a case with a noun reading of the next word."""
    adjective_cases = {str(p.tag.case) for p in readings if p.tag.POS in ("ADJF", "PRTF") and p.tag.case}
    if not adjective_cases or not _is_word(following.text):
        return False
    return any(p.tag.POS == "NOUN" and str(p.tag.case) in adjective_cases for p in parses(following.text))


def _adjective_before_noun(words: list[Word], i: int) -> bool:
    """A capitalised adjective the tagger took for a proper noun ("Невским хронографом")."""
    if i + 1 >= len(words) or words[i + 1].pos not in ("NOUN", "PROPN"):
        return False
    case = _UD_CASE.get(words[i].feats.get("Case", ""))
    if case is None or _UD_CASE.get(words[i + 1].feats.get("Case", "")) != case:
        return False
    return _best(Word(words[i].text, "ADJ", words[i].feats), case, nouns=False) is not None


def _person(words: list[Word]) -> list[str]:
    gender = _person_gender(words)
    forms = []
    for i, word in enumerate(words):
        case = _UD_CASE.get(word.feats.get("Case", ""), None)
        if not _is_word(word.text) or case in (None, "nomn") or _is_initial(word.text):
            forms.append(word.text)
            continue
        forms.append(_shape(_person_word(word.text, case, gender, first=i == 0), word.text))
    return forms


def _person_word(text: str, case: str, gender: str | None, first: bool) -> str:
    cases = _CASE_ALIASES.get(case, {case})
    # a declinable reading before an indeclinable one: "Анне" is the dative of "Анна" before the French "Анне"
    for parse in sorted(parses(text), key=lambda p: "Fixd" in p.tag.grammemes):
        tag = parse.tag
        if not ({"Name", "Surn", "Patr"} & tag.grammemes) or not (cases & tag.grammemes):
            continue
        common = "ms-f" in tag.grammemes
        if gender and not common and tag.gender is not None and str(tag.gender) != gender:
            continue
        if "Fixd" in tag.grammemes:
            return text
        target = {"nomn", "sing"} | ({gender} if gender and common else set())
        inflected = parse.inflect(target)
        if inflected is not None:
            return inflected.word
    by_suffix = _surname_by_suffix(text, case, gender)
    if by_suffix != text or gender == "femn":
        return by_suffix
    for parse in parses(text):  # a surname that is also a common noun: "Лебедю" -> "Лебедь"
        tag = parse.tag
        if tag.POS == "NOUN" and cases & tag.grammemes and "sing" in tag.grammemes and str(tag.gender) == "masc":
            inflected = parse.inflect({"nomn", "sing"})
            if inflected is not None:
                return inflected.word
    if not first and gender in ("masc", "femn"):
        for parse in parses(text):  # a surname declined as an adjective: "Полевого" -> "Полевой"
            if parse.tag.POS == "ADJF" and cases & parse.tag.grammemes and "sing" in parse.tag.grammemes:
                inflected = parse.inflect({"nomn", "sing", gender})
                if inflected is not None:
                    return inflected.word
    return text


# Surname endings by gender and case, for names the dictionary does not know ("Жмыховым" -> "Жмыхов").
_MASC_SUFFIXES = [("овым", "ов"), ("евым", "ев"), ("ёвым", "ёв"), ("иным", "ин"), ("ыным", "ын"),
                  ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"), ("ына", "ын"),
                  ("ову", "ов"), ("еву", "ев"), ("ёву", "ёв"), ("ину", "ин"), ("ыну", "ын"),
                  ("ове", "ов"), ("еве", "ев"), ("ёве", "ёв"), ("ине", "ин"), ("ыне", "ын"),
                  ("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"),
                  ("цкого", "цкий"), ("цкому", "цкий"), ("цким", "цкий"), ("цком", "цкий")]
_FEM_SUFFIXES = [("овой", "ова"), ("евой", "ева"), ("ёвой", "ёва"), ("иной", "ина"), ("ыной", "ына"),
                 ("ову", "ова"), ("еву", "ева"), ("ёву", "ёва"), ("ину", "ина"), ("ыну", "ына"),
                 ("ской", "ская"), ("скую", "ская"), ("цкой", "цкая"), ("цкую", "цкая")]
_CONSONANT_ENDINGS = {"gent": "а", "datv": "у", "accs": "а", "ablt": "ом", "loct": "е"}


def _surname_by_suffix(text: str, case: str, gender: str | None) -> str:
    low = text.lower()
    if low.endswith(("ых", "их", "ко", "аго", "яго")):
        return text  # indeclinable Russian and Ukrainian surnames
    for suffix, replacement in (_FEM_SUFFIXES if gender == "femn" else _MASC_SUFFIXES):
        if low.endswith(suffix) and len(low) > len(suffix) + 1:
            return low[: -len(suffix)] + replacement
    if gender == "masc":
        ending = _CONSONANT_ENDINGS.get(case)
        if ending and low.endswith(ending) and len(low) > len(ending) + 2:
            stem = low[: -len(ending)]
            if stem[-1] not in "аеёиоуыэюяйь":
                return stem  # a foreign or consonant-final surname: "Дюпоном" -> "Дюпон"
    return text


def _person_gender(words: list[Word]) -> str | None:
    for word in words:
        for parse in parses(word.text):
            if "Name" in parse.tag.grammemes and str(parse.tag.gender) in ("masc", "femn"):
                if not word.feats.get("Gender") or _UD_GENDER.get(word.feats["Gender"]) == parse.tag.gender:
                    return parse.tag.gender
    genders = [_UD_GENDER.get(w.feats.get("Gender", "")) for w in words]
    return next((g for g in genders if g), None)


def _best(word: Word, case: str, nouns: bool):
    cases = _CASE_ALIASES.get(case, {case})
    number = {"Sing": "sing", "Plur": "plur"}.get(word.feats.get("Number", ""))
    candidates = []
    for parse in parses(word.text):
        tag = parse.tag
        if not (cases & tag.grammemes):
            continue
        if nouns and tag.POS != "NOUN":
            continue
        if not nouns and tag.POS not in ("ADJF", "PRTF", "NUMR"):
            continue
        score = parse.score + (0.5 if number and number in tag.grammemes else 0) + (
            0.3 if {"Geox", "Orgn"} & tag.grammemes else 0)
        candidates.append((score, parse))
    return max(candidates, key=lambda c: c[0])[1] if candidates else None


def _quoted(words: list[Word]) -> set[int]:
    """Indexes of the words inside or on quotes: a quoted name is kept as written."""
    inside, frozen = False, set()
    for i, w in enumerate(words):
        quotes = [ch for ch in w.text if ch in _QUOTES]
        if inside or quotes:
            frozen.add(i)
        for ch in quotes:
            inside = True if ch in "«„" else False if ch in "»“”" else not inside
    return frozen


def _is_word(text: str) -> bool:
    return bool(re.fullmatch(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*", text)) and not (text.isupper() and len(text) > 1)


def _is_initial(text: str) -> bool:
    return bool(re.fullmatch(r"[А-ЯЁA-Z]\.?", text))


def _shape(new: str, old: str) -> str:
    """The new word written like the old one: capitals per hyphenated part, ё only where it was."""
    if "ё" not in old.lower():
        new = new.replace("ё", "е")
    if old.isupper() and len(old) > 1:
        return new.upper()
    old_parts, new_parts = old.split("-"), new.split("-")
    if len(old_parts) == len(new_parts):
        return "-".join(n.capitalize() if o[:1].isupper() else n for o, n in zip(old_parts, new_parts))
    return new.capitalize() if old[:1].isupper() else new
