"""infobox_relations(text, mentions) -> the relations an encyclopedia infobox states about its page.

Key/value lines in the forms real pages and their web copies use: "- Leader: Sergei Udaltsov", "LeaderArham
Kothari" (glued), "Headquarters: Moscow", "Лидер Сергей Жаворонков" with more values on the lines below, "Лидер:"
with the value on the next line. The keys and what they state are data (models/infobox_relations.tsv).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass

from ..core.intervals import MentionIndex
from ..core.pages import key_of, page_titles, value_items
from ..core.records import Mention, Relation
from ..core.resources import InfoboxKey
from ..core.script import majority_script
from .triggers import COUNTRIES, FACILITY, REGION

_FILLER = re.compile(r"^[\s,;.•*–|-]*(?:(?:and|и|or|или)[\s,;|]*)?$")  # no ":": a line ending so is a key
_NUMBERED = re.compile(r"[ \t]*(?:[-•*–][ \t]+)?(?P<field>Leader|Affiliation)(?P<number>\d+)(?: (?P<part>Title|Name))?"
                       r"[ \t]*:[ \t]*(?P<value>.*)$", re.I)
_LEADING_TITLE = re.compile(r"(?i)\b(?:president|chair\w*|co-?chair\w*|leader|head|secretary|coordinator|"
                            r"председател\w*|лидер\w*|руководител\w*|секретар\w*)")
# "Key people: X (General Director), Y (CFO)": a person named under such a key leads the organisation only
# when the title in brackets after the name is a leader's (a deputy's or vice-'s title is not)
_PEOPLE_KEYS = {"key people", "ключевые фигуры", "ключевые лица"}
_TOP_TITLE = re.compile(r"(?i)\s*\(\s*(?![^()]*\b(?:deputy|vice|acting|заместител\w*|вице|и\.\s?о\.))[^()]*?\b"
                        r"(?:ceo|chief executive|general director|director general|managing director|president|"
                        r"chair\w*|rector|head coach|генеральн\w+ директор\w*|президент\w*|председател\w*|"
                        r"ректор\w*|главн\w+ тренер\w*)\b")
_LEADER_KEY = InfoboxKey("Leader", "leader_of", "PER", "head")
_AFFILIATION_KEY = InfoboxKey("Affiliation", "affiliated_with", "ORG", "tail")
_NO_VALUE = {"none", "nil", "n/a", "нет", "отсутствует", "vacant", "вакантно"}


@dataclass(frozen=True)
class Line:
    """One line of the text: its span, and where its value starts if it is a key line."""

    start: int
    end: int
    key: InfoboxKey | None = None
    value_start: int = 0


def infobox_relations(text: str, mentions: list[Mention]) -> Iterator[Relation]:
    """Relations from every infobox key line of the text; the subject is the page's organisation, named by its
    title (core/pages.py), else by the line above the infobox or the document's first line; without one, the
    infobox states nothing."""
    lines = _lines(text)
    if all(line.key is None for line in lines):
        return
    organisations: dict[int, list[Mention]] = {}  # line start -> the ORG mentions on that line
    starts = [line.start for line in lines]
    for m in mentions:
        if m.label == "ORG":
            organisations.setdefault(starts[bisect_right(starts, m.start) - 1], []).append(m)
    titled = _titled(text, mentions, lines)
    index = MentionIndex(mentions)
    for i, line in enumerate(lines):
        if line.key is None or line.key.relation == "-":
            continue  # not a key, or one that states nothing ("Owner", "Revenue") and only ends the one above
        values, end = _values(text, lines, i, index)
        if not values:
            continue
        subject = titled or _subject(text, lines, i, organisations)
        if subject is None:
            continue
        name = f"infobox:{line.key.key}"
        evidence = (line.start, end)
        if line.key.relation == "headquartered_in":
            values, within = _headquarters(text, line, end, values)
            for inner, outer in within:  # "Moscow, Russia" / "Россия, Москва": the seat and the country it is in
                yield Relation(type="located_in", head=inner.id, tail=outer.id, evidence=evidence, pattern=name,
                               confidence=0.9)
        if line.key.label == "DATE":  # the first date of each line: "February 1992 (1992-02)\n9 December 2006"
            lines_seen: set[int] = set()
            values = [v for v in values if not (text.count("\n", 0, v.start) in lines_seen
                                                or lines_seen.add(text.count("\n", 0, v.start)))]
        if line.key.key.lower() in _PEOPLE_KEYS:
            values = [v for v in values if _TOP_TITLE.match(text, v.end, end)]
        for value in values:
            head, tail = (value, subject) if line.key.role == "head" else (subject, value)
            yield Relation(type=line.key.relation, head=head.id, tail=tail.id, evidence=evidence, pattern=name,
                           confidence=0.95)


def _headquarters(text: str, line: Line, end: int, values: list[Mention]
                  ) -> tuple[list[Mention], list[tuple[Mention, Mention]]]:
    """The seats a headquarters value names, and the (place, larger place) pairs it states: the country after
    it ("Moscow, Russia"; Russian pages write the country first: "Россия, Москва"), a region between ("Mirny,
    Sakha Republic, Russia": the city is the seat, in the region, in the country); an address gives its city
    (and country): "Москва, ул. Абельмановская, д. 7"; two cities ("Krasnodar, Moscow") are two seats."""
    items = set(value_items(text, line.value_start, end))
    names = [m for m in values if (m.start, m.end) in items]
    countries = [m for m in names if m.normal.lower() in COUNTRIES]
    places = [m for m in names if m not in countries and not FACILITY.search(m.normal)]
    regions = [m for m in places if REGION & set(m.normal.lower().split())]
    cities = [m for m in places if m not in regions]
    if len(cities) == 1 and len(regions) <= 1 and len(countries) <= 1:
        chain = cities + regions + countries  # the city, its region, their country
        return cities, list(zip(chain, chain[1:]))
    return places, []  # "Krasnodar, Moscow": two seats


def _lines(text: str) -> list[Line]:
    out, offset, titles = [], 0, {}
    for raw in text.split("\n"):
        key, value_start = key_of(raw)
        numbered = _NUMBERED.match(raw)
        if numbered and key is None:
            key, value_start = _numbered_key(numbered, titles)
        out.append(Line(offset, offset + len(raw), key, offset + value_start))
        offset += len(raw) + 1
    return out


def _numbered_key(match: re.Match, titles: dict[tuple[str, str], str]) -> tuple[InfoboxKey | None, int]:
    """A numbered field pair: "Leader1 Title: President" then "Leader1 Name: X" (X leads the page's organisation,
    as the title says; "Leader2 Title: Founders" states nothing); "Affiliation1: X" is an affiliation."""
    field, number, part = match["field"].lower(), match["number"], (match["part"] or "").lower()
    if part == "title":
        titles[(field, number)] = match["value"]
        return None, 0
    title = titles.get((field, number), "")
    if field == "leader" and part == "name" and _LEADING_TITLE.search(title):
        return _LEADER_KEY, match.start("value")
    if field == "affiliation" and not part:
        return _AFFILIATION_KEY, match.start("value")
    return None, 0


def _values(text: str, lines: list[Line], i: int, mentions: MentionIndex) -> tuple[list[Mention], int]:
    """The value's mentions on the key line and on the value lines below it; the evidence's end."""
    line = lines[i]
    label = line.key.label
    found = _names_in(text, line.value_start, line.end, mentions, label)
    end = line.end
    j = i + 1
    while j < len(lines) and lines[j].key is None:
        below = lines[j]
        content = text[below.start:below.end]
        if not content.strip():
            if found or j > i + 1:
                break
            j += 1
            continue
        names = _names_in(text, below.start, below.end, mentions, label)
        address = line.key.relation == "headquartered_in" and not found and names  # "Москва, 125167, ..."
        if not address and not _looks_like_value_line(_without(text, below.start, below.end, names)):
            break
        found += names
        end = below.end
        j += 1
    return found, end


def _names_in(text: str, start: int, end: int, mentions: MentionIndex, label: str) -> list[Mention]:
    """Mentions of `label` within [start, end) that are a whole item of the value (a name the model cut short
    is not taken), not inside brackets (an alias or a qualifier); for a date, the first with a value."""
    items = set(value_items(text, start, end, words=label != "ORG"))  # "Alliance of Liberals and Democrats"
    out = []
    for m in mentions.within(start, end):
        if m.label == label:
            if label != "DATE" and (m.start, m.end) not in items:
                continue
            before = text[start:m.start]
            if before.count("(") > before.count(")"):
                continue
            if label == "DATE" and not m.dated:
                continue
            if m.text.casefold() in _NO_VALUE:
                continue  # "European affiliation: None"
            out.append(m)
    return out


def _without(text: str, start: int, end: int, names: list[Mention]) -> str:
    parts, position = [], start
    for m in names:
        parts.append(text[position:m.start])
        position = m.end
    parts.append(text[position:end])
    return "".join(parts)


def _looks_like_value_line(rest: str) -> bool:
    """What is left of a line once its names are taken out: separators, or a bracketed qualifier."""
    rest = re.sub(r"\([^()]*\)|\[[^\[\]]*\]", "", rest)
    return bool(_FILLER.match(rest))


def _titled(text: str, mentions: list[Mention], lines: list[Line]) -> Mention | None:
    """The mention of the page's title (core/pages.py) nearest above the infobox, in the page's main script."""
    lang = majority_script(text[:2000])
    titles = page_titles(text, lang)
    if not titles:
        return None
    named = [m for m in mentions if m.label == "ORG" and m.text in titles]
    if not named:
        return None
    first_key = next((line.start for line in lines if line.key is not None), len(text))
    above = [m for m in named if m.start < first_key]
    return max(above, key=lambda m: m.start) if above else named[0]  # the infobox's own name line


def _subject(text: str, lines: list[Line], i: int, organisations: dict[int, list[Mention]]) -> Mention | None:
    """The page's organisation: the topmost line of the infobox's head that is one ORG name, else the first
    line of the document if it is one (a page title, "= Name (Russia) =")."""
    j = i - 1
    titles: list[Mention] = []
    while j >= 0 and i - j <= 60:
        line = lines[j]
        content = text[line.start:line.end].strip().strip("=").strip().strip("«»\"")
        if line.key is None and content:
            whole = [m for m in organisations.get(line.start, ()) if m.end <= line.end and m.text == content]
            if whole:
                titles.append(whole[0])
            elif not _looks_like_value_line(content) and not _is_key_like(content):
                break
        j -= 1
    if titles:
        return titles[-1]  # the topmost: the page's title, not a value line of a key above
    first = lines[0]
    title = re.sub(r"\s*\([^()]*\)$", "", text[first.start:first.end].strip().strip("=").strip())
    whole = [m for m in organisations.get(first.start, ()) if m.end <= first.end and m.text == title]
    return whole[0] if whole else None


def _is_key_like(content: str) -> bool:
    """An infobox line whose key states no relation ("Ideology: ...", "Слоган ..."): short, key then value."""
    content = content.replace("\u00a0", " ")
    if len(content) >= 200 or content.endswith("."):
        return False
    if re.fullmatch(r"[A-ZА-ЯЁ][\w-]*(?: [\w-]+){0,3}:?", content):
        return True  # a key whose value is on the lines below, or has none ("Идеология")
    return bool(re.match(r"^[-•*]?\s*[A-ZА-ЯЁ][\w /-]{1,40}(?::|\s{2,}|(?<=[a-zа-яё])(?=[A-ZА-ЯЁ0-9]))", content))
