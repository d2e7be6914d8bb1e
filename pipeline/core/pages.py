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
from .resources import infobox_key_pattern

_MIN_KEY_LINES = 2
_HEAD_LINES = 12  # how far below the title the infobox may start
_NAME = re.compile(r"[A-ZА-ЯЁ][^\n.:!?;]{1,118}")
_NAVIGATION = re.compile(r"(?i)wikipedia|википеди|jump to|перейти к|навигаци|поделись|main menu|\bsearch\b")
_SCRIPT = {"en": re.compile(r"[A-Za-z]"), "ru": re.compile(r"[А-Яа-яЁё]")}


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
    own = [r for r in runs if _SCRIPT[lang].search(r)]
    if len(own) != 1:
        return None
    name = own[0].strip()
    if not _NAME.fullmatch(name) or len(name.split()) > 10 or name.count('"') % 2 or _NAVIGATION.search(name):
        return None
    return name
