"""Page artefacts found without changing the text: glued infobox keys, "…Edit" headings, citation markers, the
lines a copied wiki page carries around its article (navigation, categories, edit links)."""

from __future__ import annotations

import re

from ..core.resources import infobox_keys

_HEADING_EDIT = re.compile(r"^(?P<title>[A-Z][^\n]{0,80}?[a-z)])Edit[ \t]*$", re.M)
# A short line whose first words run straight into a capitalised value: "Political positionFar-left".
_GENERIC_GLUE = re.compile(r"^(?P<key>[A-Z][a-z]{2,}(?: [a-z]{2,}){0,3})(?=[A-Z][a-z]|[0-9])", re.M)
_CITATION = re.compile(r"\[(?:\d{1,3}|[a-z]|citation needed|note \d+)\]"
                       # a copied reference's "Archived 2013-12-24 at the Wayback Machine": the word, not the date
                       r"|\bArchived(?= [\w ,-]{4,20} at the Wayback Machine)")


def glue_points(text: str, keys: tuple[str, ...] | None = None) -> list[int]:
    """Offsets where a word is glued to the next one by a lost layout: infobox key|value, heading|Edit."""
    keys = infobox_keys() if keys is None else keys
    points = set()
    offset = 0
    for line in text.split("\n"):
        point = _infobox_glue(line, keys)
        if point:
            points.add(offset + point)
        offset += len(line) + 1
    for match in _HEADING_EDIT.finditer(text):
        points.add(match.end("title"))
    return sorted(points)


def _infobox_glue(line: str, keys: tuple[str, ...]) -> int | None:
    for key in keys:
        if line.startswith(key) and len(line) > len(key) and (line[len(key)].isupper() or line[len(key)].isdigit()):
            return len(key)
    match = _GENERIC_GLUE.match(line)
    if match and len(line) <= 60 and len(line.split()) <= 6:
        return match.end("key")
    return None


# A "Key value" line of a copied infobox that lost its colon and cells ("Founded May 1992", "Key people Ann Lee"):
# short, no sentence in it, a known key, one space, a value that opens with a capital, a digit or a bracket.
_KEY_LINE_LENGTH = 80
_KEY_LINES_NEAR = 2  # another key line within this many lines makes a block of them (a lone headline is no row)


def key_spans(text: str, keys: tuple[str, ...] | None = None) -> list[tuple[int, int]]:
    """Keys that open the "Key value" lines of a copied infobox written without colons, where another key line (or
    a key glued to its value) stands within two lines ("Hubs Domodedovo Airport" after "Founded 1992"); the key
    is no part of a name."""
    keys = infobox_keys() if keys is None else keys
    found: list[tuple[int, int, int]] = []  # (line number, start, end)
    rows: set[int] = set()  # every line that is a key's, glued or not
    offset = 0
    for number, line in enumerate(text.split("\n")):
        if _infobox_glue(line, keys):
            rows.add(number)
        elif len(line.strip()) <= _KEY_LINE_LENGTH and ". " not in line and not line.rstrip().endswith("."):
            lead = len(line) - len(line.lstrip())
            for key in keys:
                rest = line[lead + len(key):lead + len(key) + 2]
                if line.startswith(key, lead) and len(rest) == 2 and rest[0] == " " \
                        and (rest[1].isupper() or rest[1].isdigit() or rest[1] in "(«\""):
                    found.append((number, offset + lead, offset + lead + len(key)))
                    rows.add(number)
                    break
        offset += len(line) + 1
    return [(start, end) for number, start, end in found
            if any(other != number and abs(other - number) <= _KEY_LINES_NEAR for other in rows)]


def glued_key_spans(text: str, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """The keys of glued infobox lines ("ВладелецМихаил Комиссар" -> "Владелец"), and of "Key value" lines."""
    spans, offset = [], 0
    for line in text.split("\n"):
        point = _infobox_glue(line, keys)
        if point:
            spans.append((offset, offset + point))
        offset += len(line) + 1
    return sorted(spans + key_spans(text, keys))


def heading_spans(text: str) -> list[tuple[int, int]]:
    """Lines that are section headings of a copied wiki page ("Ideological principlesEdit")."""
    return [(m.start(), m.end()) for m in _HEADING_EDIT.finditer(text)]


def citation_spans(text: str) -> list[tuple[int, int]]:
    """Citation markers such as "[4]" or "[citation needed]", and "Archived" before "... at the Wayback Machine"."""
    return [(m.start(), m.end()) for m in _CITATION.finditer(text)]


# Lines of a copied wiki page that are not its article: they name nothing the article says.
_BOILERPLATE = re.compile(
    r"^[ \t]*(?:From Wikipedia, the free encyclopedia|Jump to (?:content|navigation|search)|"
    r"The Full Wiki|Note: Many of our articles [^\n]*|"  # a mirror's masthead and its note on citations
    r"Материал из Википедии\W+свободной энциклопедии|Перейти к(?::| навигации| поиску)[^\n]*|"
    r"(?:Categories|Hidden categories|Категории|Скрытые категории)\s*:[^\n]*|"
    r"\[(?:edit|править(?: \| править код)?)\]|Retrieved from [^\n]*|Источник\s*—[^\n]*)[ \t]*$", re.M)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Lines such as "From Wikipedia, the free encyclopedia", "Jump to content", "Перейти к: навигация, поиск",
    "Категории: ...", "[edit]"."""
    return [(m.start(), m.end()) for m in _BOILERPLATE.finditer(text)]
