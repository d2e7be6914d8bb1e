"""page_titles(text, lang) -> the names an encyclopedia page's title lines give to the organisation it is about.

An encyclopedia page (or a web copy of one) starts with its title, and its infobox head repeats the name, often in
a longer official form: "= Nashi (Russian youth movement) =", then `Youth Democratic Anti-Fascist Movement "Nashi"`,
then key lines ("Chairman: ...", "| Founded | 1990 |"). When at least two lines use keys of the infobox table
(models/infobox_relations.tsv: keys that only an organisation's infobox has), the title lines name the
organisation the page is about. Extraction tags them; the infobox reader takes them as its subject.
"""

from __future__ import annotations

import re

from .names import FUNCTION_WORDS, initials
from .resources import InfoboxKey, infobox_key_pattern
from .script import SCRIPT

_MIN_KEY_LINES = 2
_HEAD_LINES = 12  # how far below the title the infobox may start
_NAME = re.compile(r"[A-ZА-ЯЁ][^\n.:!?;]{1,118}")
_NAVIGATION = re.compile(r"(?i)wikipedia|википеди|jump to|перейти к|навигаци|поделись|main menu|\bsearch\b")
_SEPARATOR = re.compile(r"[ \t]*[:|]?[ \t]*")
_WORD_SEPARATOR = re.compile(r"[ \t]+(?:or|and|или|и)[ \t]+")  # "X (disputed) or Y"
_NEVER = re.compile(r"(?!)")


def page_titles(text: str, lang: str) -> list[str]:
    """The organisation names a page's title lines give (in the language's script), top first; none unless
    the page has an organisation's infobox."""
    lines = text.split("\n")
    pattern, _ = infobox_key_pattern()
    keyed = [i for i, line in enumerate(lines) if len(line) < 300 and _is_key_line(pattern, line)]
    if len(keyed) < _MIN_KEY_LINES:
        return []
    first_key = keyed[0]
    top = next((i for i, line in enumerate(lines) if line.strip()), None)
    if top is None or top >= first_key:
        return []
    names: list[str] = []
    for i in range(top, min(first_key, top + _HEAD_LINES)):
        if not names and _is_banner(lines[i]):
            continue
        name = _title_name(lines[i], lang)
        if not names:
            if not name:
                return []  # the page does not start with a title
            names.append(name)
        elif name and _same_name(names[0], name):
            names.append(name)
    return list(dict.fromkeys(names))


def _same_name(title: str, other: str) -> bool:
    """A head line names the title's organisation when it shares a content word with the title or is its
    acronym ("ФНПР"); a navigation line ("Материал из Википедии — свободной энциклопедии") does neither."""
    words = {w.casefold() for w in re.findall(r"\w+", title) if w.casefold() not in FUNCTION_WORDS and len(w) > 2}
    if words & {w.casefold() for w in re.findall(r"\w+", other)}:
        return True
    return other.isupper() and initials(title) == other


def _is_key_line(pattern: re.Pattern[str], line: str) -> bool:
    match = pattern.match(line)
    if match is None:
        return False
    after = line[match.end():]
    return not after or after[0] in ":|\t " or after[0].isupper() or after[0].isdigit()


def _is_banner(line: str) -> bool:
    """A maintenance note, a site's navigation line or a lone table border above the title: not a name."""
    stripped = line.strip()
    return bool(re.search(r"[.!?](?:\s|$)", stripped)) or not re.search(r"\w", stripped) \
        or bool(_NAVIGATION.search(stripped))


def _title_name(line: str, lang: str) -> str | None:
    """The name a title line holds in the language's script: "= Oborona =" -> "Oborona"; "Libertarian Party of
    Russia Либертарианская Партия России | |" -> the part in the document's script; "Nashi (Russian youth
    movement)" -> "Nashi"."""
    content = line.strip().strip("=").strip()
    content = re.sub(r"(?:\s*\|)+\s*$", "", content).strip().lstrip("|").strip()
    content = re.sub(r"\s*\([^()]*\)$", "", content)
    if not content or content.endswith((".", ":")):
        return None
    runs = [m.group(0).strip(" -—–,") for m in re.finditer(r"[^A-Za-zА-Яа-яЁё]*(?:[A-Za-z][^А-Яа-яЁё]*|"
                                                            r"[А-Яа-яЁё][^A-Za-z]*)", content)]
    own = [r for r in runs if SCRIPT[lang].search(r)]
    if len(own) != 1:
        return None
    name = own[0].strip()
    if not _NAME.fullmatch(name) or len(name.split()) > 10 or name.count('"') % 2 or _NAVIGATION.search(name):
        return None
    return name


def key_of(line: str) -> tuple[InfoboxKey | None, int]:
    """The key a line starts with, and where its value starts; (None, 0) for any other line."""
    if len(line) > 300:
        return None, 0
    pattern, keys = infobox_key_pattern()
    match = pattern.match(line)
    if match is None:
        return None, 0
    key = keys[match["key"].lower().replace("\u00a0", " ")]
    after = line[match.end():]
    if not after.strip(" \t:|"):
        return key, len(line)  # the key alone, its value on the lines below: "Дата основания", "Лидер:"
    if (after[:1].isupper() or after[:1].isdigit()) and ":" not in after[:30]:
        return key, match.end()  # glued by a lost layout: "LeaderArham Kothari" (not "Leader2 Name:")
    separator = _SEPARATOR.match(after).end()
    if after[:separator].strip() in (":", "|"):  # "Leader: X", "| Leader | X |"
        return key, match.end() + separator
    if separator and (not after[separator:] or after[separator].isupper() or after[separator].isdigit()) \
            and not line.rstrip().endswith("."):  # "Штаб-квартира Левого фронта находится в Москве.": prose
        return key, match.end() + separator
    return None, 0  # "Leader of the party said ...": prose, not a key


def value_items(text: str, start: int, end: int, words: bool = True) -> list[tuple[int, int]]:
    """Spans of the items of a value separated by commas, semicolons, table borders and (with `words`) "or" and
    "and" (outside brackets and quotes), each trimmed of spaces, quotes and a bracketed qualifier after it. An
    item ending in "!" goes on from a one-word item before it: "Forward, Russia!" is one name."""
    items, depth, quoted, left = [], 0, False, start
    separator = _WORD_SEPARATOR if words else _NEVER
    for i in range(start, end + 1):
        ch = text[i] if i < end else ","
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in '"«»':
            quoted = not quoted if ch == '"' else ch == "«"
        elif depth == 0 and not quoted and (ch in ",;|" or separator.match(text, i, end)):
            a, b = left, i
            bracket = re.search(r"[(\[]", text[a:b])
            if bracket and text[a:a + bracket.start()].strip():
                b = a + bracket.start()  # "Vladimir Basmanov [ru](2002-2008)": the qualifier is not the name
            while a < b and text[a] in " \t\n\u00a0\"«•·▪◦‣*" and not _quotes_inside(text[a:b]):
                a += 1  # a bullet before an item on a line of its own ("  • Ivan Petrov (President)")
            while b > a and text[b - 1] in " \t\n\u00a0.\"»" and not _quotes_inside(text[a:b]):
                b -= 1
            if b > a and text[b - 1] == "!" and items and " " not in text[items[-1][0]:items[-1][1]]:
                a = items.pop()[0]
            if b > a:
                items.append((a, b))
            word = separator.match(text, i, end) if i < end else None
            left = word.end() if word else i + 1
    return items


def _quotes_inside(item: str) -> bool:
    """A name that ends with a quoted part keeps its quotes: `Conservative Movement "New Force"`."""
    body = item.strip(" \t\u00a0.")
    return (body.endswith(('"', "»")) and body.count('"') % 2 == 0 and body.count("«") == body.count("»")
            and not body.startswith(('"', "«")))
