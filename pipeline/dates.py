"""DATE values: ISO 8601 as TIMEX3 writes it, year-less and relative dates resolved against the context."""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

_MONTHS = {m: i for i, ms in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
     "sep sept september", "oct october", "nov november", "dec december"], 1) for m in ms.split()}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[5-9]\d\d|20\d\d)"
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "several": None, "few": None}
_PATTERNS = [
    ("ymd", re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})$")),
    ("ym", re.compile(r"^(?P<year>\d{4})-(?P<month>\d{2})$")),
    ("range", re.compile(r"^(?:the\s+)?(?P<d1>[0-3]?\d)\s*[-–—]+\s*(?P<d2>[0-3]?\d)\s+" + _MONTH
                         + r"(?:,?\s+" + _YEAR + r")?$", re.I)),
    ("dmy", re.compile(r"^(?:the\s+)?" + _DAY + r"\s+(?:of\s+)?" + _MONTH + r"(?:,?\s+" + _YEAR + r")?$", re.I)),
    ("mdy", re.compile(r"^" + _MONTH + r"\s+" + _DAY + r"(?:,?\s+" + _YEAR + r")?$", re.I)),
    ("my", re.compile(r"^(?:early\s+|late\s+|mid-?)?" + _MONTH + r"(?:,?\s+(?:of\s+)?" + _YEAR + r")?$", re.I)),
    ("y", re.compile(r"^(?:(?:the\s+)?(?:year|fiscal year|fiscal)\s+)?" + _YEAR + r"$", re.I)),
    ("decade", re.compile(r"^(?:the\s+)?(?P<year>1[5-9]\d|20\d)0'?s$", re.I)),
    ("shift", re.compile(r"^(?P<n>a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+"
                         r"(?P<unit>day|week|month|year)s?\s+(?P<dir>earlier|later|before|after|ago)$", re.I)),
    ("next", re.compile(r"^(?:the\s+)?(?P<dir>next|following|previous|preceding|last|this|same)\s+"
                        r"(?P<unit>day|week|month|year)$", re.I)),
    ("deictic", re.compile(r"^(?P<word>today|yesterday|tomorrow|now|currently|the day before)$", re.I)),
]


def resolve_dates(doc: Doc, published: str | None) -> Doc:
    """Set Span._.value on every DATE entity; the anchor is the last full date before it, else `published`."""
    anchor = _parse_iso(published)
    document_date = anchor
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        if ent._.value and not ent._.value.startswith("XXXX"):
            value = ent._.value
        else:
            value = date_value(ent.text, anchor, document_date, partial=ent._.value)
        ent._.value = value
        full = _parse_iso(value) if value and len(value) == 10 else None
        if full:
            anchor = full
    return doc


def date_value(text: str, anchor: dt.date | None, document_date: dt.date | None = None,
               partial: str | None = None) -> str | None:
    """The ISO value of an English date expression, or None when it cannot be determined."""
    if partial:  # "XXXX-03-07": the model found day and month but no year
        return f"{anchor.year:04d}{partial[4:]}" if anchor else None
    text = " ".join(text.split()).strip(" .,;")
    for kind, pattern in _PATTERNS:
        match = pattern.match(text)
        if match:
            return _value(kind, match, anchor, document_date)
    return None


def _value(kind: str, m: re.Match, anchor: dt.date | None, document_date: dt.date | None) -> str | None:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else (anchor.year if anchor else None)
    month = _MONTHS.get(groups["month"].lower()) if groups.get("month") and not groups["month"].isdigit() else (
        int(groups["month"]) if groups.get("month") else None)
    if kind in ("ymd", "dmy", "mdy"):
        day = int(groups["day"])
        if year is None or not _valid(year, month, day):
            return None
        return f"{year:04d}-{month:02d}-{day:02d}"
    if kind == "range":
        d1, d2 = int(groups["d1"]), int(groups["d2"])
        if year is None or not (_valid(year, month, d1) and _valid(year, month, d2)) or d1 >= d2:
            return None
        return f"{year:04d}-{month:02d}-{d1:02d}/{year:04d}-{month:02d}-{d2:02d}"
    if kind in ("ym", "my"):
        return f"{year:04d}-{month:02d}" if year and month and 1 <= month <= 12 else None
    if kind == "y":
        return f"{year:04d}"
    if kind == "decade":
        return groups["year"]
    if kind == "shift":
        return _shift(groups, anchor, document_date)
    if kind == "next":
        return _neighbour(groups, anchor)
    if kind == "deictic":
        return _deictic(groups["word"].lower(), anchor, document_date)
    return None


def _shift(groups: dict, anchor: dt.date | None, document_date: dt.date | None) -> str | None:
    n = _NUMBERS.get(groups["n"].lower()) if not groups["n"].isdigit() else int(groups["n"])
    direction = groups["dir"].lower()
    base = document_date if direction == "ago" else anchor
    if n is None or base is None:
        return None
    sign = 1 if direction in ("later", "after") else -1
    return _move(base, groups["unit"].lower(), sign * n)


def _neighbour(groups: dict, anchor: dt.date | None) -> str | None:
    if anchor is None:
        return None
    word = groups["dir"].lower()
    sign = {"next": 1, "following": 1, "previous": -1, "preceding": -1, "last": -1}.get(word, 0)
    return _move(anchor, groups["unit"].lower(), sign)


def _deictic(word: str, anchor: dt.date | None, document_date: dt.date | None) -> str | None:
    if word in ("now", "currently"):
        return "PRESENT_REF"
    if word == "the day before":
        return _move(anchor, "day", -1) if anchor else None
    if document_date is None:
        return None
    return _move(document_date, "day", {"today": 0, "yesterday": -1, "tomorrow": 1}[word])


def _move(base: dt.date, unit: str, n: int) -> str:
    """`base` moved by n units, written at that unit's precision."""
    if unit == "day":
        return (base + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (base + dt.timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + n
        return f"{index // 12:04d}-{index % 12 + 1:02d}"
    return f"{base.year + n:04d}"


def _valid(year: int, month: int | None, day: int) -> bool:
    try:
        dt.date(year, month or 0, day)
        return True
    except ValueError:
        return False


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        if len(value) >= 10:
            return dt.date.fromisoformat(value[:10])
        if len(value) == 7:
            return dt.date.fromisoformat(value + "-01")
        if len(value) == 4 and value.isdigit():
            return dt.date(int(value), 1, 1)
    except ValueError:
        return None
    return None
