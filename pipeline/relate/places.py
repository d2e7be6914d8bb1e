"""containers(sentence, i) -> the words naming the places that the place at word i is said to lie in, read off the
tree (relate/tree.py): "у Кале во Франции" (the second hangs from the first, in the locative), "в Грейт-Данмоу,
графство Эссекс", "San Diego, California" (a region word or name in apposition), "в городе Росарио в центральной
части Аргентины" (what is said of the word the name is given), "Омск, столица белого движения в Сибири", "Макао —
автономия в составе Китая", "в Наньпине провинции Фуцзянь", "район Москвы" (a region's name in the genitive, or a
district's whole), "в Портапике близ Галифакса в провинции Новая Шотландия" (a region after the place).
"""

from __future__ import annotations

from .tree import Sentence
from .triggers import PLACE_KIND, REGION, WHOLE

_NEAR = {("prep", p) for p in ("в", "во", "близ", "около", "у", "под", "in", "near")}
_IN = (("prep", "в"), ("prep", "во"))


def containers(s: Sentence, i: int) -> list[int]:
    """Words (names, or words that a name hangs from) for the places the place at word i lies in."""
    words = [i]
    parent = s.parent(i)
    if parent is not None and parent.lemma in PLACE_KIND and parent.i not in s.mention_at \
            and s.tokens[i].dep in ("appos", "flat", "flat:name", "compound"):
        words.append(parent.i)
    words += [c.i for c in s.children(i, "appos") if c.lemma in PLACE_KIND and c.i not in s.mention_at]
    district = s.tokens[i].lemma in PLACE_KIND
    inside = []
    for word in words:
        for role, j in s.arguments(word):
            if role == ("prep", "in") or role in _IN and s.tokens[j].pos.endswith(":Loc"):
                whole = s.tokens[j].lemma in WHOLE and j not in s.mention_at
                inside += [k for r, k in s.arguments(j) if r in (("prep", "of"), "gen")] if whole \
                    else _named(s, j)
            elif role == "gen" and (district or s.tokens[j].lemma in REGION):
                inside += _named(s, j)
    for c in s.children(i, "appos"):
        if c.lemma in REGION:
            inside += [n.i for n in s.children(c.i, "appos", "flat", "flat:name", "nmod", "compound")]
    return inside + _region_after(s, i)


def _region_after(s: Sentence, i: int) -> list[int]:
    """"в Портапике и Энфилде близ Галифакса в провинции Новая Шотландия", "родился в Уфе в Республике
    Башкортостан": a place and, after it and hung from the same word, a region in the locative that a region
    word names (not "в Москве в Кремле", two places of which neither says it is the larger)."""
    found = s.role(i)
    lost_preposition = found is not None and found[1] == "obl" and s.tokens[i].pos.endswith(":Loc")
    if found is None or found[1] not in _NEAR and not lost_preposition:  # a locative always has one
        return []
    out = []
    listed = set(s.conjuncts(i))  # "in Eastern Siberia, the Tomsk region and Africa": a list, not a region after
    for role, j in s.arguments(found[0]):
        t = s.tokens[j]
        if j > i and j not in listed and (role in _IN or role == ("prep", "in")) \
                and (":" not in t.pos or t.pos.endswith(":Loc")) and t.lemma in REGION:  # not "в область": whither
            out += _named(s, j)
    return out


def _named(s: Sentence, j: int) -> list[int]:
    """Word j if it is a name, else the names a place word is given ("провинции Новая Шотландия")."""
    if j in s.mention_at or s.tokens[j].lemma not in PLACE_KIND:
        return [j]
    return [c.i for c in s.children(j, "appos", "flat", "flat:name", "amod", "compound") if c.i in s.mention_at]
