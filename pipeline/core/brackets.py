"""bracket_items(text, end) -> the other names a bracket right after a name gives it: "Congress of Russian Communities
(Russian: Конгресс русских общин, Kongress russkikh obschin, KRO)".

An encyclopedia's first sentence names its subject and then, in brackets, the name in the original language, its
romanisation and its abbreviations. Such a bracket is read as a list of names when a language or romanisation cue
opens one of its items ("Russian:", "romanized:", "рус.", "сокр."), or when its first item is written in the other
script. Extraction tags the items; linking takes them as names of the same thing. A bracket holding only a name
of two to six capitalised Latin words is the name's translation ("Sotsialisticheskoye Soprotivleniye (Socialist
Resistance)"): bracket_translation.
"""

from __future__ import annotations

import re

from .script import CYRILLIC, LATIN

_CUE = re.compile(r"(?i)(?:(?:in\s+)?(?:russian|english|ukrainian|belarusian)|romani[sz]ed|transcribed|transliterated|"
                  r"lit\.|literally|abbreviated|abbr\.|short|рус\.|русск\.|англ\.|сокр\.|сокращённо|сокращенно|"
                  r"также|also)\s*:?\s*")
_NAME = re.compile(r"[A-ZА-ЯЁ«\"„][^\n()\[\]]*")
_WORD = r"[A-Z][A-Za-z'’-]*"
_TITLE_CASE = re.compile(rf"\(({_WORD}(?:[ \t]+(?:{_WORD}|of|the|and|for|in|on|de|la|del|des)){{0,4}}[ \t]+{_WORD})\)")


def bracket_items(text: str, end: int) -> list[tuple[int, int]]:
    """Spans of the names listed in the bracket that opens right after offset `end` (a name's end); [] when there
    is no such bracket or it is not a list of names (a date, a place, a comment)."""
    opening = re.match(r"[»\"”]?[ \t]*\(", text[end:end + 5])  # a quoted name's closing quote may stand between
    if opening is None:
        return []
    start = end + opening.end()
    close = text.find(")", start, start + 400)
    if close < 0 or "(" in text[start:close] or re.search(r"\b\d{4}\b", text[start:close]):
        return []  # nested, or a citation's source and date: "(«Новый регион», 9 марта 2011)"
    items, cued = [], False
    for part in re.finditer(r"[^,;]+", text[start:close]):
        a, b = start + part.start(), start + part.end()
        while a < b and text[a] in " \t\u00a0":
            a += 1
        cue = _CUE.match(text, a, b)
        if cue:
            cued = True
            a = cue.end()
        while b > a and text[b - 1] in " \t\u00a0.":
            b -= 1
        name = text[a:b]
        if b > a and _NAME.fullmatch(name) and len(name.split()) <= 8 and not re.fullmatch(r"[\d\s–-]+", name):
            items.append((a, b))
    if not items:
        return []
    own_script = CYRILLIC if CYRILLIC.search(text[max(0, end - 40):end]) else LATIN
    first = text[items[0][0]:items[0][1]]
    if not cued and own_script.search(first):
        return []  # "(Moscow)", "(the party)": not a list of the name's other forms
    return items


def bracket_translation(text: str, end: int) -> tuple[int, int] | None:
    """The span of a name of two to six capitalised Latin words that alone fills the bracket opening right after
    offset `end` ("(Socialist Resistance)", "(Union of Right Forces)"); None for anything else ("(Russia)",
    "(the party)", "(2012–2013)")."""
    match = _TITLE_CASE.match(text, end + 1) if text[end:end + 2] == " (" else None
    return match.span(1) if match else None
