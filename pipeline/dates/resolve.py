"""DATE values: ISO 8601 as TIMEX3 writes it; year-less and relative dates resolved against the context.

A date expression is first read into a `When` (what the words say: fields, or a shift from an anchor), then
resolved: deictic words ("yesterday", "last year", "в прошлом году") count from the document's date,
anaphoric ones ("a day earlier", "the following month", "на следующий день") and year-less dates count from
the last fully specified date before them, else the document's date. No anchor, no value.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .english import read_english
from .russian import read_russian
from .tense import clause_tense
from .when import When

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class Anchor:
    """A date the context supplies, and how precisely it is known: "day", "month" or "year"."""

    date: dt.date
    precision: str


def resolve_dates(doc: Doc, published: str | None) -> Doc:
    """Set Span._.value on every DATE entity, in text order, carrying the anchor forward.

    A Russian date stated in numbers and month names (Span._.stated) keeps that value; the others are read here.
    """
    document_date = parse_iso(published)
    full = latest = quarter = None  # the last full date, the last month-or-day date, the last quarter
    parsed = doc.has_annotation("DEP")
    for ent in doc.ents:
        if ent.label_ != "DATE":
            continue
        value, when = ent._.stated, None
        if not value or value.startswith("XXXX"):
            when = read_russian(ent.text) if ent._.lang == "ru" else read_english(ent.text)
            if when is not None and when.same_period and (quarter or not when.shift):
                value = _same_period(when, quarter)
            elif when is not None:
                tense = clause_tense(ent, parsed, weekday=when.weekday is not None) \
                    if when.month or when.weekday is not None else 0
                value = resolve(when, full, document_date, tense, latest)
        ent._.value = value
        if value and re.fullmatch(r"\d{4}-Q\d", value) and not (when is not None and when.same_period):
            quarter = value
        stated = parse_iso(value)
        if stated is not None and stated.precision != "year":
            latest = stated
            if stated.precision == "day":
                full = stated
    return doc


def date_value(text: str, lang: str, anchor: Anchor | None, document_date: Anchor | None = None,
               tense: int = 0, latest: Anchor | None = None) -> str | None:
    """The TIMEX3 value of one date expression, or None when it cannot be determined.

    anchor: the last fully specified date before it; latest: the last date stated to the month or day
    ("the following month" after "December 2011"); tense: -1 past, 1 future, 0 unknown.
    """
    when = read_russian(text) if lang == "ru" else read_english(text)
    if when is None:
        return None
    return resolve(when, anchor, document_date, tense, latest)


def _same_period(when: When, quarter: str | None) -> str | None:
    """"the quarter" is the quarter last mentioned; "a year earlier" that quarter a year before."""
    if quarter is None:
        return None
    year, q = int(quarter[:4]), quarter[-1]
    shift = when.shift[1] if when.shift else 0
    return f"{year + shift:04d}-Q{q}"


def resolve(when: When, anchor: Anchor | None, document_date: Anchor | None, tense: int = 0,
            latest: Anchor | None = None) -> str | None:
    """Fill what the expression leaves open from the anchor or the document date, if known precisely enough."""
    if when.ref:
        return when.ref
    base = document_date if when.deictic else (anchor or document_date)
    if when.shift is not None:
        unit, n = when.shift
        if not when.deictic and latest is not None and unit in ("month", "quarter", "year") and (
                anchor is None or latest.date > anchor.date):
            base = latest
        if base is None or _PRECISION[base.precision] < _PRECISION[_NEEDS.get(unit, "day")]:
            return None
        return move(base.date, unit, n)
    if when.weekday is not None:
        day = document_date or base
        if day is None or day.precision != "day":
            return None
        return _weekday(day.date, when.weekday, when.direction or (1 if tense > 0 else 0))
    year = when.year
    if year is None:
        if base is None:
            return None
        year = base.date.year + when.year_offset
        if when.month and not (when.direction or when.year_offset or when.deictic) and document_date \
                and document_date.precision == "day":
            year = _nearest_year(when.month, when.day, base.date, document_date.date, tense)
        if when.direction and when.month and base.precision != "year":
            # "last April": the latest April before the document's month; "next April" the first after
            month = base.date.month
            year = base.date.year - (when.month >= month) if when.direction < 0 else base.date.year + (
                when.month <= month)
    if when.decade is not None:
        return when.decade
    if when.season:
        return f"{year:04d}-{when.season}"
    if when.quarter:
        return f"{year:04d}-Q{when.quarter}"
    if when.half:
        return f"{year:04d}-H{when.half}"
    if when.end_day and when.month:
        if not (_valid(year, when.month, when.day) and _valid(year, when.month, when.end_day)) \
                or when.end_day <= (when.day or 0):
            return None
        return f"{year:04d}-{when.month:02d}-{when.day:02d}/{year:04d}-{when.month:02d}-{when.end_day:02d}"
    if when.end_year:
        return f"{year:04d}/{when.end_year:04d}"
    if when.month and when.day:
        return f"{year:04d}-{when.month:02d}-{when.day:02d}" if _valid(year, when.month, when.day) else None
    if when.month:
        return f"{year:04d}-{when.month:02d}"
    return f"{year:04d}"


def move(base: dt.date, unit: str, n: int) -> str | None:
    """`base` moved by n units, written at that unit's precision; None when that falls outside years 1-9999."""
    try:
        return _moved(base, unit, n)
    except OverflowError:
        return None  # an anchor at the edge of the calendar ("yesterday" in a file dated 0001-01-01)


def _moved(base: dt.date, unit: str, n: int) -> str | None:
    if unit == "day":
        return (base + dt.timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (base + dt.timedelta(weeks=n)).isocalendar()
        return f"{year:04d}-W{week:02d}"
    if unit == "weekend":
        day = base + dt.timedelta(weeks=n)
        day -= dt.timedelta(days=(day.weekday() + 1) % 7)  # the last Sunday on or before
        year, week, _ = day.isocalendar()
        return f"{year:04d}-W{week:02d}-WE"
    if unit == "month":
        index = base.year * 12 + base.month - 1 + n
        return f"{index // 12:04d}-{index % 12 + 1:02d}" if dt.MINYEAR <= index // 12 <= dt.MAXYEAR else None
    if unit == "quarter":
        index = base.year * 4 + (base.month - 1) // 3 + n
        return f"{index // 4:04d}-Q{index % 4 + 1}" if dt.MINYEAR <= index // 4 <= dt.MAXYEAR else None
    return f"{base.year + n:04d}" if dt.MINYEAR <= base.year + n <= dt.MAXYEAR else None


def _nearest_year(month: int, day: int | None, around: dt.date, document: dt.date, tense: int) -> int:
    """The year, next to that of `around`, that puts a year-less date nearest `around` or the document's date,
    not against the tense.

    `around` is the last full date before it, else the document's date: a news report's "in January" (written
    in October) is the coming January, its "November" (written in January) the last one; "staff employed on
    28 November" after "paid on 10 January 2014" is November 2013; and a story of March that says "in September"
    in an October report means the September just past. A past-tense verb rules out dates well after the
    document's date, a future one dates well before it.
    """
    best = None
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            candidate = dt.date(year, month, day or 15)
        except ValueError:
            continue
        distance = min(abs((candidate - around).days), abs((candidate - document).days))
        if _against_tense(year, month, day, document, tense):
            continue
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1] if best else around.year


def _against_tense(year: int, month: int, day: int | None, document: dt.date, tense: int) -> bool:
    """True when a past-tense date would fall months after the document, or a future one months before."""
    try:
        distance = (dt.date(year, month, day or 15) - document).days
    except ValueError:
        return False
    return (tense < 0 and distance > 90) or (tense > 0 and distance < -90)


def _weekday(base: dt.date, weekday: int, direction: int) -> str | None:
    if direction > 0:
        days = (weekday - base.weekday()) % 7 or 7
    else:
        days = -((base.weekday() - weekday) % 7)
        if direction < 0 and days == 0:
            days = -7
    try:
        return (base + dt.timedelta(days=days)).isoformat()
    except OverflowError:
        return None  # the week before 0001-01-01 or after 9999-12-31


def _valid(year: int, month: int | None, day: int | None) -> bool:
    try:
        dt.date(year, month or 1, day or 1)
        return True
    except ValueError:
        return False


_PRECISION = {"year": 0, "month": 1, "day": 2}
_NEEDS = {"day": "day", "week": "day", "weekend": "day", "month": "month", "quarter": "month", "year": "year"}


def parse_iso(value: str | None) -> Anchor | None:
    """The anchor an ISO value gives ("2011-03-09", "2011-03", "2011", "2011-03-09T10:00"); None if none."""
    if not value:
        return None
    try:
        if re.match(r"\d{4}-\d{2}-\d{2}", value):
            return Anchor(dt.date.fromisoformat(value[:10]), "day")
        if re.fullmatch(r"\d{4}-\d{2}", value):
            return Anchor(dt.date.fromisoformat(value + "-01"), "month")
        if re.fullmatch(r"\d{4}", value):
            return Anchor(dt.date(int(value), 1, 1), "year")
    except ValueError:
        return None
    return None

