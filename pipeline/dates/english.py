"""read_english(text) -> When: what an English date expression states."""

from __future__ import annotations

import re

from ..core.resources import words
from .when import SEASONS, When

MONTHS = {m: i for i, ms in enumerate(
    ["jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
     "sep sept september", "oct october", "nov november", "dec december"], 1) for m in ms.split()}
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                        "sunday"])}
NUMBERS = {word: int(value) for word, value in words("date_numbers_en").items()}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                "eighties": 8, "nineties": 9}

_M = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_D = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_Y = r"(?P<year>1[0-9]\d\d|20\d\d)"
_WD = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_N = r"(?P<n>" + "|".join(NUMBERS) + r"|\d+)"
_UNIT = r"(?P<unit>day|week|month|year|quarter)s?"
_LEADING = re.compile(r"^(?:the\s+)?(?:very\s+)?(?:early|late|mid|earlier|later|end of|beginning of|start of|"
                      r"nearly|almost|about|around|approximately|roughly|some|more than|less than|over|just|"
                      r"middle of|first days of|last days of|first half of|closing days of)[\s-]+(?:the\s+)?")
_REFS = words("date_references_en")  # "now" -> PRESENT_REF, "recently" -> PAST_REF, "soon" -> FUTURE_REF
_DEICTIC = {"this": 0, "last": -1, "next": 1, "past": -1, "coming": 1, "this past": 0, "this coming": 1}
_ANAPHORIC = {"following": 1, "next": 1, "previous": -1, "preceding": -1, "same": 0, "prior": -1}


def read_english(text: str) -> When | None:
    """The fields an English date expression states, or None when it is not one we can read."""
    t = _normal(text)
    if t in _REFS:
        return When(ref=_REFS[t])
    for reader in (_absolute, _relative, _named_periods):
        when = reader(t)
        if when is not None:
            return when
    stripped = _LEADING.sub("", t)
    if stripped != t:
        return read_english(stripped)
    return None


def _normal(text: str) -> str:
    t = " ".join(text.lower().replace("’", "'").split())
    t = re.sub(r"[–—]", "-", t).strip(" .,;:!?\"'()")
    t = re.sub(r"'s\b", "", t)
    return re.sub(r"^(?:on|in|at|by|during|since|until|from)\s+", "", t)


def _absolute(t: str) -> When | None:
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
        return When(year=int(m[1]), month=int(m[2]), day=int(m[3]))
    if m := re.fullmatch(r"(\d{4})-(\d{2})", t):
        return When(year=int(m[1]), month=int(m[2])) if 1 <= int(m[2]) <= 12 else None
    if m := re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", t):  # American month/day/year
        return When(year=int(m[3]), month=int(m[1]), day=int(m[2]))
    if m := re.fullmatch(r"(?:the\s+)?(\d{1,2})\s*-\s*(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + _M
                         + r"(?:,?\s+" + _Y + r")?", t):
        return When(year=_int(m["year"]), month=MONTHS[m["month"]], day=int(m[1]), end_day=int(m[2]))
    if m := re.fullmatch(_M + r"\s+(\d{1,2})\s*-\s*(\d{1,2})(?:,?\s+" + _Y + r")?", t):
        return When(year=_int(m["year"]), month=MONTHS[m["month"]], day=int(m[2]), end_day=int(m[3]))
    if m := re.fullmatch(r"(?:(?:from|between)\s+)?" + _Y + r"\s*(?:-|/|to|and|through)\s*(\d{4})", t):
        return When(year=int(m["year"]), end_year=int(m[2])) if int(m[2]) > int(m["year"]) else None
    if m := re.fullmatch(r"(?:" + _WD + r",?\s+)?(?:the\s+)?" + _D + r"\s+(?:of\s+)?" + _M + r"(?:,?\s+" + _Y + r")?",
                         t):
        return When(year=_int(m["year"]), month=MONTHS[m["month"]], day=int(m["day"]))
    if m := re.fullmatch(r"(?:" + _WD + r",?\s+)?" + _M + r"\s+" + _D + r"(?:,?\s+" + _Y + r")?", t):
        return When(year=_int(m["year"]), month=MONTHS[m["month"]], day=int(m["day"]))
    if m := re.fullmatch(_M + r"(?:,?\s+(?:of\s+)?" + _Y + r")?", t):
        return When(year=_int(m["year"]), month=MONTHS[m["month"]])
    if m := re.fullmatch(_M + r"\s+(this|last|next) year", t):
        return When(month=MONTHS[m["month"]], year_offset=_DEICTIC[m[2]], deictic=True)
    if m := re.fullmatch(r"(last|next|this)\s+" + _M, t):
        return When(month=MONTHS[m["month"]], direction=_DEICTIC[m[1]], deictic=True) if m[1] != "this" else \
            When(month=MONTHS[m["month"]], deictic=True)
    if t in ("the current year", "the fiscal year", "the calendar year", "the year to date", "this fiscal year"):
        return When(shift=("year", 0), deictic=True)
    if m := re.fullmatch(r"(?:the\s+)?(?:(?:fiscal|calendar|financial)\s+(?:year\s+)?|year\s+)?" + _Y, t):
        return When(year=int(m["year"]))
    if m := re.fullmatch(r"(?:the\s+)?(1[0-9]|20)(\d)0'?s", t):
        return When(decade=m[1] + m[2])
    if m := re.fullmatch(r"(?:the\s+)?'(\d)0s", t):
        return When(decade="19" + m[1])
    if m := re.fullmatch(r"(?:the\s+)?(" + "|".join(DECADE_WORDS) + r")", t):
        return When(decade="19" + str(DECADE_WORDS[m[1]]))
    if m := re.fullmatch(r"(?:the\s+)?(\d{1,2})(?:st|nd|rd|th) century", t):
        return When(decade=f"{int(m[1]) - 1:02d}")
    return None


def _relative(t: str) -> When | None:
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return When(shift=("day", 0), deictic=True)
    if t in ("yesterday", "last night"):
        return When(shift=("day", -1), deictic=True)
    if t == "tomorrow":
        return When(shift=("day", 1), deictic=True)
    if t == "the day before yesterday":
        return When(shift=("day", -2), deictic=True)
    if t == "the day after tomorrow":
        return When(shift=("day", 2), deictic=True)
    if t in ("the day before", "the eve", "the previous day", "the preceding day", "the day prior"):
        return When(shift=("day", -1))
    if t in ("the same day", "that day", "that same day", "the very same day"):
        return When(shift=("day", 0))
    if m := re.fullmatch(r"(this|last|next|the past|the coming|this past|this coming)\s+(week|month|year|quarter|"
                         r"weekend)", t):
        return When(shift=(m[2], _DEICTIC[m[1].replace("the ", "")]), deictic=True)
    if m := re.fullmatch(r"the\s+(weekend)", t):
        return When(shift=("weekend", 0), deictic=True)
    if m := re.fullmatch(r"(?:the\s+)?(following|next|previous|preceding|same|prior)\s+(day|week|month|year)", t):
        return When(shift=(m[2], _ANAPHORIC[m[1]]))
    if t in ("a year ago", "a year earlier", "year-earlier", "the year-ago quarter", "the year-earlier quarter",
             "the year-earlier period", "the year-ago period", "the same quarter a year earlier",
             "the year-ago period", "the comparable period a year earlier"):
        # in a report on quarters, "a year earlier" is that quarter a year before
        return When(shift=("year", -1), same_period=True, deictic=t == "a year ago")
    if t in ("the quarter", "the latest quarter", "the latest period", "the period", "the most recent quarter"):
        return When(same_period=True)
    if t in ("last year quarter", "the quarter a year ago", "the quarter a year earlier", "year-ago"):
        return When(shift=("year", -1), same_period=True)
    if t in ("the year", "the full year", "the whole year", "the entire year"):
        return When(shift=("year", 0), deictic=True)
    if t in ("the current quarter", "this quarter"):
        return When(shift=("quarter", 0), deictic=True)
    if m := re.fullmatch(_N + r"\s+" + _UNIT + r"\s+(?P<dir>ago|earlier|later|before|after|previously|"
                         r"afterwards|on)", t):
        n = NUMBERS.get(m["n"]) if not m["n"].isdigit() else int(m["n"])
        sign = -1 if m["dir"] in ("ago", "earlier", "before", "previously") else 1
        return When(shift=(m["unit"], sign * n), deictic=m["dir"] == "ago")
    if re.fullmatch(r"(?:several|a few|few|many|some)\s+(?:days|weeks|months|years|decades)\s+ago|"
                    r"years ago|long ago", t):
        return When(ref="PAST_REF")
    if m := re.fullmatch(r"(?:(last|next|this)\s+)?" + _WD + r"(?:\s+(?:morning|afternoon|evening|night))?", t):
        return When(weekday=WEEKDAYS[m["weekday"]], direction={"last": -1, "next": 1}.get(m[1] or "", 0),
                    deictic=True)
    return None


def _named_periods(t: str) -> When | None:
    if m := re.fullmatch(r"(?:(this|last|next|this past|this coming)\s+|the\s+)?(spring|summer|fall|autumn|winter)"
                         r"(?:\s+(?:of\s+)?" + _Y + r")?", t):
        if m["year"]:
            return When(year=int(m["year"]), season=SEASONS[m[2]])
        return When(season=SEASONS[m[2]], year_offset=_DEICTIC.get(m[1] or "this", 0), deictic=True)
    if m := re.fullmatch(_Y + r"\s+(spring|summer|fall|autumn|winter)", t):
        return When(year=int(m["year"]), season=SEASONS[m[2]])
    quarter = r"(?:fiscal\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?quarter"
    if m := re.fullmatch(r"(?:(?P<rel>this|last|next) year\s+)?(?:the\s+)?" + quarter
                         + r"(?:\s+(?:of\s+)?(?:fiscal\s+)?" + _Y + r")?", t):
        if m["year"]:
            return When(year=int(m["year"]), quarter=ORDINALS[m["q"]])
        return When(quarter=ORDINALS[m["q"]], year_offset=_DEICTIC.get(m["rel"] or "this", 0), deictic=True)
    if m := re.fullmatch(r"(?:the\s+)?year-(?:ago|earlier)\s+" + quarter, t):
        return When(quarter=ORDINALS[m["q"]], year_offset=-1, deictic=True)
    if m := re.fullmatch(r"(?:the\s+)?" + _Y + r"\s+" + quarter, t):
        return When(year=int(m["year"]), quarter=ORDINALS[m["q"]])
    if m := re.fullmatch(r"(?:the\s+)?(first|second|last)\s+half(?:\s+of\s+(?:the\s+year\s+)?" + _Y + r")?", t):
        half = 1 if m[1] == "first" else 2
        return When(year=int(m["year"]), half=half) if m["year"] else When(half=half, deictic=True)
    return None


def _int(value: str | None) -> int | None:
    return int(value) if value else None
