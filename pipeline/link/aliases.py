"""Names a document itself says are one thing: acronyms, bracketed and next-line translations, quoted names,
short forms; alias_pairs(text, mentions) gives the stated aliases with the primary name."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from ..core.brackets import bracket_items
from ..core.names import initials
from ..core.pages import page_titles
from ..core.records import Mention
from ..core.script import CYRILLIC
from .keys import name_key

_KNOWN_AS = re.compile(r"\s*,?\s*(?:\(\s*)?(?:also|better|commonly|formerly|often|usually)?\s*"
                       r"(?:known|referred\s+to)\s+(?:in\s+\w+\s+)?as\s+|"
                       r"\s*,?\s*(?:a\.k\.a\.|aka)\s+|[»\"]?\s*,?\s*(?:также\s+)?известн\w+\s+(?:как|под\s+названием)\s+[«\"]?",
                       re.I)
_QUOTED_TAIL = re.compile(r"\s*[«\"„“]([^«»\"„“”]+)[»\"“”]\s*$")
_RENAMED = re.compile(r"[»\"]?\s+(?:(?:(?:is|was|has|have)\s+)?chang(?:ed|es|ing) its name to|was renamed(?: as| to)?|"
                      r"renamed itself(?: as| to)?|(?:был\w*\s+)?переименова\w*\s+в|"
                      r"смени\w*\s+(?:сво[её]\s+)?(?:название|наименование|имя)\s+на(?:\s+[а-яё]+)?)\s+[«\"]?", re.I)
_OR = re.compile(r"\s*,\s*(?:or|или)\s+")
_TRANSLATION_CUE = re.compile(r"^\s*\(\s*(?:(?:in\s+)?(?:russian|english)|рус\.?|русск\.?|англ\.?)?\s*:?\s*$", re.I)


def within_document_links(text: str, all_mentions: list[Mention], mentions: list[Mention]
                          ) -> Iterator[tuple[int, int, str]]:
    """Pairs of mention indexes that name one thing by the document's own wording."""
    dates = [(m.start, m.end) for m in all_mentions if m.label == "DATE"]
    by_initials: dict[str, list[int]] = defaultdict(list)
    for j, b in enumerate(mentions):
        if b.label == "ORG" and len(b.text.split()) > 1:
            by_initials[initials(b.normal)].append(j)
    titled = [j for lang in ("en", "ru") for title in page_titles(text, lang)
              for j, m in enumerate(mentions) if m.label == "ORG" and m.text == title]
    for j in sorted(set(titled))[1:]:  # the page's title and its infobox's name line name one organisation
        if mentions[j].text != mentions[min(titled)].text:
            yield min(titled), j, "page-title"
    at = {(m.start, m.end): j for j, m in enumerate(mentions)}
    for i, a in enumerate(mentions):
        if a.label == "ORG":  # "X (Russian: Y, romanized: Z, ABBR)": each listed name is X's
            for j in (at.get(span) for span in bracket_items(text, a.end)):
                if j is not None and mentions[j].label == "ORG":
                    yield i, j, "bracket"
        if a.label == "ORG" and re.fullmatch(r"[A-ZА-ЯЁ]{2,6}", a.text):
            for j in by_initials.get(a.text, ()):
                yield i, j, "acronym"
        for j in range(i + 1, min(i + 3, len(mentions))):
            b = mentions[j]
            if a.label != b.label:
                continue
            between = text[a.end:b.start]
            if a.label == "ORG" and (_KNOWN_AS.fullmatch(between) or _RENAMED.fullmatch(between)
                                     or _OR.fullmatch(between) and re.fullmatch(r"[A-ZА-ЯЁ]{2,6}", b.text)):
                yield i, j, "bracket"  # "X, also known as Y", "X changed its name to Y", "X, or FSB,"
            elif a.label == "ORG" and _TRANSLATION_CUE.match(between) and not _dated_brackets(text, b.end, dates):
                yield i, j, "bracket"  # "Sotsialisticheskoye Soprotivleniye (Socialist Resistance)"
            elif a.label == "ORG" and re.fullmatch(r"\s+[«\"„]", between) and text[b.end:b.end + 1] in "»\"“":
                yield i, j, "quoted-name"  # "Социалистической лиги «Вперёд»"
            elif a.label == "ORG" and _translation_lines(text, a, b):
                yield i, j, "translation-line"
    quoted: dict[str, list[int]] = defaultdict(list)  # "Лига «Вперёд»" and "Социалистической лиги «Вперёд»"
    for j, b in enumerate(mentions):
        tail = _QUOTED_TAIL.search(b.text)
        if b.label == "ORG" and tail:
            quoted[tail.group(1)].append(j)
    for group in quoted.values():
        for i in group:
            fuller = [j for j in group if len(mentions[j].text) > len(mentions[i].text)
                      and _same_head(mentions[i].text, mentions[j].text)]
            if len({mentions[j].normal for j in fuller}) == 1:
                yield i, fuller[0], "short-form"
    endings: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for j, b in enumerate(mentions):
        key = name_key(b.normal)
        if len(b.normal.split()) > 1 and key:
            endings[(b.label, key.split()[-1])].setdefault(key, j)
    for i, a in enumerate(mentions):
        if len(a.text.split()) != 1 or a.label not in ("PER", "ORG") or not a.text[:1].isupper():
            continue
        fuller = endings.get((a.label, name_key(a.normal)), {})
        if len(fuller) == 1:  # "Kothari" and the one "Arham Kothari"; never when two full names end so
            yield i, next(iter(fuller.values())), "short-form"


def _same_head(short: str, full: str) -> bool:
    """The shorter name's words before the quote are words of the fuller one, in any case form (their first three
    letters: "Лига" and "лиги")."""
    head = _QUOTED_TAIL.sub("", short).split()
    stems = {w[:3].casefold() for w in _QUOTED_TAIL.sub("", full).split()}
    return bool(head) and all(w[:3].casefold() in stems for w in head)


def _dated_brackets(text: str, start: int, dates: list[tuple[int, int]]) -> bool:
    """A bracket that also holds a date is a citation ("Wayback Machine (Moskovskiye Novosti, 27 July 2011)")."""
    close = text.find(")", start)
    end = close if close >= 0 else min(len(text), start + 200)
    return any(start <= a < end for a, _ in dates)


def alias_pairs(text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention, str]]:
    """(secondary name, primary name, how) for the aliases a document states: acronyms, bracketed and
    next-line translations. The primary is the full or first-given name. An acronym is stated once: where it
    stands right by an expansion ("в МВД. Министерство внутренних дел ответило"), else by its first use after
    an expansion, with the nearest one before it, else by the use nearest an expansion that follows."""
    names = sorted((m for m in mentions if m.label != "DATE"), key=lambda m: m.start)
    out = []
    acronyms: dict[str, list[tuple[Mention, Mention]]] = defaultdict(list)
    for i, j, kind in within_document_links(text, mentions, names):
        a, b = names[i], names[j]
        if kind == "acronym":
            acronyms[a.text].append((a, b))
        elif kind in ("bracket", "translation-line", "page-title"):
            out.append((b, a, kind))
    for pairs in acronyms.values():
        out.append((*_stating_pair(pairs), "acronym"))
    return sorted(out, key=lambda pair: min(pair[0].start, pair[1].start))


_BESIDE = 80  # characters between an acronym and an expansion that a reader sees together


def _stating_pair(pairs: list[tuple[Mention, Mention]]) -> tuple[Mention, Mention]:
    """Of the (acronym use, expansion) pairs of one acronym, the one that states it (alias_pairs)."""
    def gap(pair):
        a, b = pair
        return b.start - a.end if a.start < b.start else a.start - b.end

    nearest = min(pairs, key=gap)
    if gap(nearest) <= _BESIDE:
        return nearest
    after = [(a, b) for a, b in pairs if b.start < a.start]
    if after:
        first = min(a.start for a, _ in after)
        return max(((a, b) for a, b in after if a.start == first), key=lambda pair: pair[1].start)
    return nearest


def _translation_lines(text: str, a: Mention, b: Mention) -> bool:
    """Two consecutive lines that are each exactly one name, one in Latin and one in Cyrillic letters."""
    if text[a.end:b.start].strip() or "\n" not in text[a.end:b.start]:
        return False
    line_a = text[text.rfind("\n", 0, a.start) + 1:text.find("\n", a.end) if "\n" in text[a.end:] else len(text)]
    line_b_end = text.find("\n", b.end)
    line_b = text[text.rfind("\n", 0, b.start) + 1:line_b_end if line_b_end >= 0 else len(text)]
    scripts = {bool(CYRILLIC.search(a.text)), bool(CYRILLIC.search(b.text))}
    return line_a.strip() == a.text and line_b.strip() == b.text and scripts == {True, False}
