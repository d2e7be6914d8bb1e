"""detect_language(text) -> document language; foreign_segments(text) -> the runs of the other script."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..core.records import DocLang, Lang
from ..core.script import CYRILLIC, LATIN

_CYRILLIC_RUN = re.compile(r"[А-Яа-яЁё]+")
_LATIN_RUN = re.compile(r"[A-Za-z]+")
_LEFT_JUNK = " \t()[]{}:;,.-–—^*•|/"
_RIGHT_JUNK = " \t([{:;,-–—^*•|/"


@dataclass(frozen=True)
class Segment:
    """A character span of the document that is written in `lang`."""

    start: int
    end: int
    lang: Lang


def detect_language(text: str, mixed_share: float = 0.3) -> DocLang:
    """'ru' or 'en' by the script of most letters; 'mixed' when the minority script has at least `mixed_share`."""
    cyr = len(CYRILLIC.findall(text))
    lat = len(LATIN.findall(text))
    if cyr + lat == 0:
        return "en"
    minority = min(cyr, lat) / (cyr + lat)
    if minority >= mixed_share:
        return "mixed"
    return "ru" if cyr > lat else "en"


def base_language(lang: DocLang, text: str) -> Lang:
    """The language whose model reads the whole document (the majority script for a mixed one)."""
    if lang != "mixed":
        return lang
    return "ru" if len(CYRILLIC.findall(text)) > len(LATIN.findall(text)) else "en"


def foreign_segments(text: str, base: Lang, min_letters: int = 3, min_words: int = 1) -> list[Segment]:
    """Runs of the other script inside one line (no letter of the base script), trimmed of edge punctuation."""
    other: Lang = "ru" if base == "en" else "en"
    base_letters = _LATIN_RUN if base == "en" else _CYRILLIC_RUN
    other_letter = CYRILLIC if base == "en" else LATIN
    segments = []
    offset = 0
    for line in text.split("\n"):
        if min_letters > 0 and not other_letter.search(line):
            offset += len(line) + 1
            continue  # no letter of the other script: no run of it
        for run in _runs_without(base_letters, line):
            start, end = run
            while start < end and line[start] in _LEFT_JUNK:
                start += 1
            while end > start and line[end - 1] in _RIGHT_JUNK:
                end -= 1
            if end > start and line[end - 1] == ")" and "(" not in line[start:end]:
                end -= 1
            chunk = line[start:end]
            if len(other_letter.findall(chunk)) >= min_letters and len(chunk.split()) >= min_words:
                segments.append(Segment(offset + start, offset + end, other))
        offset += len(line) + 1
    return segments


def _runs_without(letters: re.Pattern[str], line: str) -> list[tuple[int, int]]:
    """The stretches of `line` between the runs of `letters` (one script's letters)."""
    runs, start = [], 0
    for match in letters.finditer(line):
        if match.start() > start:
            runs.append((start, match.start()))
        start = match.end()
    if start < len(line):
        runs.append((start, len(line)))
    # a run that starts or ends inside a word of the base script is cut at the word's edge
    return [_cut_to_words(line, s, e) for s, e in runs]


def _cut_to_words(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (line[start].isalnum() and start > 0 and line[start - 1].isalnum()):
        start += 1
    while end > start and (line[end - 1].isalnum() and end < len(line) and line[end].isalnum()):
        end -= 1
    return start, end
