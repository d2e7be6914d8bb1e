"""Russian date expressions: find_russian_dates(text) -> spans, read_russian(text) -> When."""

from __future__ import annotations

import re

from ..core.resources import words
from .when import When

_MONTH_STEMS = list(words("date_month_stems_ru"))  # January to December
_MONTH = (r"(?P<month>январ[ьяею]|феврал[ьяею]|март[аеу]?|апрел[ьяею]|ма[йяею]|июн[ьяею]|июл[ьяею]|"
          r"август[аеу]?|сентябр[ьяею]|октябр[ьяею]|ноябр[ьяею]|декабр[ьяею])")
_YEAR_WORD = r"(?:года|году|год|годом|г\.?)"
_NUMBERS = {word: int(value) if value else None for word, value in words("date_numbers_ru").items()}
_ORDINALS = {word: int(value) for word, value in words("date_ordinals_ru").items()}
_SEASONS = {"весн": "SP", "лет": "SU", "осен": "FA", "зим": "WI"}
_WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4, "пятница": 4,
             "субботу": 5, "суббота": 5, "воскресенье": 6}
_UNITS = {"д": "day", "н": "week", "м": "month", "г": "year", "л": "year"}
_DAY_WORDS = "|".join(sorted(_ORDINALS, key=len, reverse=True))

# Where a date is in Russian text; group "span" (when present) is the mention, else the whole match.
_FIND = [re.compile(p, re.I) for p in [
    r"\b(?:(?:на следующий день|на другой день)(?! после)|назавтра|накануне|"
    r"дн[её]м (?:ранее|раньше|позже|позднее)|"
    r"в тот же день|в этот же день|через (?:(?:\w+) )?(?:день|дня|дней|неделю|недели|недель|месяц|месяца|"
    r"месяцев|год|года|лет)(?! после)|(?:(?:\w+) )?(?:дня|дней|недели|недель|месяца|месяцев|года|лет) спустя|"
    r"сегодня|вчера|позавчера|завтра|послезавтра|в (?:прошлом|этом|текущем|нынешнем|следующем|будущем) "
    r"(?:году|месяце)|на (?:прошлой|этой|следующей|будущей) неделе|(?:(?:\w+) )?(?:год|года|лет|месяц|месяца|"
    r"месяцев|неделю|недели|недель|дня|дней) назад|в настоящее время)\b",
    # the beginning, end or middle of a month or a year, without the preposition before it ("до начала 2009 года")
    r"\b(?P<span>(?:начале|конце|середине|начала|конца|середины) (?:" + _MONTH + r"(?: (?:этого|прошлого|"
    r"следующего|текущего) года| \d{4} " + _YEAR_WORD + r")?|\d{4} " + _YEAR_WORD + r"))",
    r"(?<![\d.])\d{1,2}\s*[-–—]\s*\d{1,2} " + _MONTH + r"(?: \d{4}(?: " + _YEAR_WORD + r")?)?",
    r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{4}(?![\d.])",
    r"(?<![\d.])\d{1,2} " + _MONTH + r"(?: \d{4}(?: " + _YEAR_WORD + r")?| (?:этого|прошлого|следующего|текущего) "
    r"года)?(?!\w)",
    r"(?<![\d.])\d{4}\s*[-–—]\s*\d{4}(?:-х)? (?:годах|годы|годов|гг\.?)",
    r"(?<![\d.])\d{3}0-(?:е|х) (?:годы|годах|годов)",
    # two years joined by a dash are a period ("«Металлург» (1961—1969)"), unless a word follows that they count
    # ("1500—2000 экземпляров"); an ISO date is a date in any language
    r"(?<![\d.\-/])(?:1[5-9]\d\d|20\d\d)\s*[–—-]\s*(?:1[5-9]\d\d|20\d\d)(?![\d\-/])(?!\s*[а-яёa-z%])",
    r"(?<![\d\-/])(?:1[5-9]\d\d|20\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d\-/])",
    r"\b(?:(?:этой|этим|прошлой|прошлым|следующей|следующим|будущей|будущим)\s+)?(?:весной|летом|осенью|зимой)"
    r"(?: (?:этого|прошлого|следующего) года| \d{4} " + _YEAR_WORD + r")?",
    r"\b(?:первом|втором|третьем|четвертом|четвёртом|I|II|III|IV) квартале(?: (?:этого|прошлого) года| \d{4} "
    + _YEAR_WORD + r")?",
    r"\b(?:" + _DAY_WORDS + r") " + _MONTH + r"(?: \d{4} " + _YEAR_WORD + r")?",
    r"(?<![\w.])(?P<span>" + _MONTH + r"(?: (?:этого|прошлого|следующего|текущего) года| \d{4} " + _YEAR_WORD
    + r")?)(?!\w)",
    r"(?<![\d.])\d{4} (?:году|года)\b",
    r"\bв?о? (?P<span>понедельник|вторник|среду|четверг|пятницу|субботу|воскресенье)\b",
]]


# A date stated in numbers and month names: a day, a month and a year in the shapes that Russian writes them
# ("12 марта 2011 года", "12 марта", "марте 2011", "2011 г.", "2011 году", "12.03.2011", "12.03.11"), any form of
# the month's name ("мартом") and of the year word ("в 2011 годах", "2012гг.", "2011 лет" are forms of it);
# numbers out of a day's, a month's or a year's range are no date. A number and a word need no space between.
_MONTH_FORM = (r"(?<![а-яёa-z])(?P<month>(?:январ|феврал|апрел|июн|июл|сентябр|октябр|ноябр|декабр)(?:ь|я|ю|е|ём|ем)"
               r"|(?:март|август)(?:а|у|ом|е)?|ма(?:й|я|ю|ем|е))(?![а-яё])")
_YEAR_FORM = r"(?:гг?(?![а-яё])\.?|год(?:а|у|ом|е|ы|ов|ам|ами|ах)?(?![а-яё])|лет(?![а-яё]))"
_SP = r"[^\S\n]*"  # (within a line)
_YEAR_DIGITS = r"(?P<year>\d{4})(?!\d)"
_STATED = [re.compile(p, re.I) for p in [
    r"(?<!\d)(?P<day>\d{1,2})" + _SP + r"\." + _SP + r"(?P<mon>\d{1,2})" + _SP + r"\." + _SP
    + r"(?P<year>\d{4}|\d{2})(?!\d)(?:" + _SP + _YEAR_FORM + ")?",
    r"(?<!\d)(?P<day>\d{1,2})" + _SP + _MONTH_FORM + "(?:" + _SP + _YEAR_DIGITS + "(?:" + _SP + _YEAR_FORM + ")?)?",
    _MONTH_FORM + _SP + _YEAR_DIGITS + "(?:" + _SP + _YEAR_FORM + ")?",
    r"(?<!\d)" + _YEAR_DIGITS + _SP + _YEAR_FORM,
]]


def _stated_fields(match: re.Match) -> tuple[int | None, int | None, int | None] | None:
    """(year, month, day) of a match of _STATED, or None when a number is out of its range."""
    fields = match.groupdict()
    year = month = day = None
    if fields.get("year"):
        year = int(fields["year"])
        if len(fields["year"]) == 2:
            year += 1900
        elif not 1000 <= year <= 2100:
            return None
    if fields.get("mon"):
        month = int(fields["mon"])
    elif fields.get("month"):
        month = _month(fields["month"].lower())
    if fields.get("day"):
        day = int(fields["day"])
        if not 1 <= day <= 31:
            return None
    if month is not None and not 1 <= month <= 12:
        return None
    return year, month, day


def _stated_spans(text: str) -> list[tuple[int, int]]:
    """The dates of text in the shapes of _STATED; a year the shape cannot take leaves the shorter date before it
    ("12 марта 3011": "12 марта")."""
    found = []
    for pattern in _STATED:
        for match in pattern.finditer(text):
            if _stated_fields(match) is not None:
                found.append(match.span())
            elif pattern is _STATED[1] and 1 <= int(match.group("day")) <= 31:
                found.append((match.start(), match.end("month")))
    return found


def stated_russian(text: str) -> str | None:
    """The value a date stated in full in one of the shapes of _STATED has ("12.03.2011" -> "2011-03-12", "марте
    2011 года" -> "2011-03"; a year-less one "XXXX-03-12"), else None."""
    for pattern in _STATED:
        match = pattern.fullmatch(text.strip())
        fields = _stated_fields(match) if match else None
        if fields is not None:
            year, month, day = fields
            if year is None:
                return f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
            return f"{year:04d}" + (f"-{month:02d}" if month else "") + (f"-{day:02d}" if month and day else "")
    return None


def find_russian_dates(text: str, edges: set[int] | None = None) -> list[tuple[int, int]]:
    """Character spans of the date expressions in a Russian text (longest first where they overlap); with
    `edges`, only those that start and end at one of them (the tokens' edges: "марте 2003-го" holds the date
    "марте", not "марте 2003")."""
    found = _stated_spans(text)
    for pattern in _FIND:
        for m in pattern.finditer(text):
            start, end = m.span("span") if "span" in pattern.groupindex and m.group("span") else m.span()
            if _is_month_only(text[start:end]) and text[start].isupper() and start > 0 \
                    and text[start - 1] not in "\n.!?«\"":
                continue  # "Марта" with a capital inside a sentence is a name, not March
            found.append((start, end))
    if edges is not None:
        found = [(start, end) for start, end in found if start in edges and end in edges]
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= a or b <= start for a, b in kept):
            kept.append((start, end))
    return sorted(kept)


def read_russian(text: str) -> When | None:
    """The fields a Russian date expression states, or None when it is not one we can read."""
    t = " ".join(text.lower().replace("ё", "е").split()).strip(" ,;:")
    t = re.sub(r"[–—]", "-", t)
    t = re.sub(r"^(?:в|во|на|с|к|до|по|со)\s+(?=\S)", "", t) if not _fixed_phrase(t) else t
    t = re.sub(r"^(?:в\s+)?(?:начале|конце|середине|начала|конца|середины|первой половине|второй половине)\s+",
               "", t)
    t = re.sub(r"^(?:ровно|почти|около|примерно|более|менее|уже|еще|лишь|всего)\s+", "", t)
    for reader in (_relative, _absolute):
        when = reader(t)
        if when is not None:
            return when
    return None


def _fixed_phrase(t: str) -> bool:
    return bool(re.match(r"(?:на (?:следующий|другой) день|на (?:прошлой|этой|следующей|будущей) неделе|"
                         r"в (?:прошлом|этом|текущем|нынешнем|следующем|будущем) |в тот |в этот )", t))


def _relative(t: str) -> When | None:
    simple = {
        "на следующий день": ("day", 1, False), "на другой день": ("day", 1, False), "назавтра": ("day", 1, False),
        "накануне": ("day", -1, False), "днем ранее": ("day", -1, False), "днем раньше": ("day", -1, False),
        "днем позже": ("day", 1, False), "днем позднее": ("day", 1, False), "в тот же день": ("day", 0, False),
        "в этот же день": ("day", 0, False), "сегодня": ("day", 0, True), "вчера": ("day", -1, True),
        "позавчера": ("day", -2, True), "завтра": ("day", 1, True), "послезавтра": ("day", 2, True),
    }
    if t in simple:
        unit, n, deictic = simple[t]
        return When(shift=(unit, n), deictic=deictic)
    if t in ("сейчас", "в настоящее время", "ныне", "теперь"):
        return When(ref="PRESENT_REF")
    if m := re.fullmatch(r"в (прошлом|этом|текущем|нынешнем|следующем|будущем) (году|месяце)", t):
        n = {"прошлом": -1, "следующем": 1, "будущем": 1}.get(m[1], 0)
        return When(shift=("year" if m[2] == "году" else "month", n), deictic=True)
    if m := re.fullmatch(r"на (прошлой|этой|следующей|будущей) неделе", t):
        return When(shift=("week", {"прошлой": -1, "этой": 0}.get(m[1], 1)), deictic=True)
    if m := re.fullmatch(r"(?:через (?:(\w+) )?(день|дня|дней|неделю|недели|недель|месяц|месяца|месяцев|год|года|лет)"
                         r"|(?:(\w+) )?(дня|дней|недели|недель|месяца|месяцев|года|лет) спустя)", t):
        number, unit = (m[1], m[2]) if m[2] else (m[3], m[4])
        n = _number(number)
        return When(shift=(_UNITS[unit[0]], n)) if n else None
    if m := re.fullmatch(r"(?:(\w+) )?(год|года|лет|месяц|месяца|месяцев|неделю|недели|недель|дня|дней) назад", t):
        n = _number(m[1])
        return When(shift=(_UNITS[m[2][0]], -n), deictic=True) if n else When(ref="PAST_REF")
    if m := re.fullmatch(r"(?:(прошл|следующ|будущ)\w+ )?(понедельник|вторник|среду|среда|четверг|пятницу|пятница|"
                         r"субботу|суббота|воскресенье)", t):
        direction = {"прошл": -1, "следующ": 1, "будущ": 1}.get(m[1] or "", 0)
        return When(weekday=_WEEKDAYS[m[2]], direction=direction, deictic=True)
    return None


def _absolute(t: str) -> When | None:
    year_tail = r"(?: (?P<year>\d{4})(?: " + _YEAR_WORD + r")?| (?P<rel>этого|прошлого|следующего|текущего) года)?"
    if m := re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", t):
        return When(year=int(m[3]), month=int(m[2]), day=int(m[1]))
    if m := re.fullmatch(r"(?:с )?(\d{1,2}) ?(?:-|по) ?(\d{1,2}) " + _MONTH + year_tail, t):
        return _with_year(m, When(month=_month(m["month"]), day=int(m[1]), end_day=int(m[2])))
    if m := re.fullmatch(r"(\d{1,2}) " + _MONTH + year_tail, t):
        return _with_year(m, When(month=_month(m["month"]), day=int(m[1])))
    if m := re.fullmatch(r"((?:двадцать |тридцать )?(?:" + _DAY_WORDS + r")) " + _MONTH + year_tail, t):
        day = sum(_ORDINALS.get(w, {"двадцать": 20, "тридцать": 30}.get(w, 0)) for w in m[1].split())
        return _with_year(m, When(month=_month(m["month"]), day=day))
    if m := re.fullmatch(_MONTH + year_tail, t):
        return _with_year(m, When(month=_month(m["month"])))
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", t):
        return When(year=int(m[1]), month=int(m[2]), day=int(m[3]))
    if m := re.fullmatch(r"(\d{4}) ?- ?(\d{4})(?:(?:-х)? (?:годах|годы|годов|гг\.?))?", t):
        return When(year=int(m[1]), end_year=int(m[2])) if int(m[2]) > int(m[1]) else None
    if m := re.fullmatch(r"(\d{3})0-(?:е|х) (?:годы|годах|годов)", t):
        return When(decade=m[1])
    if m := re.fullmatch(r"(\d{4})(?: " + _YEAR_WORD + r")?", t):
        return When(year=int(m[1]))
    if m := re.fullmatch(r"(?:(этой|этим|прошлой|прошлым|следующей|следующим|будущей|будущим) )?(весн|лет|осен|зим)\w*"
                         + year_tail, t):
        season = _SEASONS[m[2]]
        if m["year"] or m["rel"]:
            return _with_year(m, When(season=season))
        offset = {"прошл": -1, "следу": 1, "будущ": 1}.get((m[1] or "")[:5], 0)
        return When(season=season, year_offset=offset, deictic=True)
    if m := re.fullmatch(r"(первом|втором|третьем|четвертом|i|ii|iii|iv) квартале" + year_tail, t):
        quarter = {"первом": 1, "втором": 2, "третьем": 3, "четвертом": 4, "i": 1, "ii": 2, "iii": 3, "iv": 4}[m[1]]
        return _with_year(m, When(quarter=quarter))
    return None


def _with_year(m: re.Match, when: When) -> When:
    if m["year"]:
        return When(**{**when.__dict__, "year": int(m["year"])})
    if m["rel"]:
        offset = {"прошлого": -1, "следующего": 1}.get(m["rel"], 0)
        return When(**{**when.__dict__, "year_offset": offset, "deictic": True})
    return when


def _month(word: str) -> int:
    for number, stem in enumerate(_MONTH_STEMS, 1):
        if word.startswith(stem) and (stem != "ма" or word[:3] in ("май", "мая", "мае", "маю")):
            return number
    raise ValueError(word)


def _is_month_only(text: str) -> bool:
    return bool(re.fullmatch(_MONTH, text.lower()))


def _number(word: str | None) -> int | None:
    if word is None:
        return 1
    if word.isdigit():
        return int(word)
    return _NUMBERS.get(word)
