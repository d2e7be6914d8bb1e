"""Reading and resolving date expressions one at a time, English and Russian, without loading any model."""

import datetime as dt

import pytest

from pipeline.dates.english import read_english
from pipeline.dates.resolve import Anchor, date_value, move, parse_iso
from pipeline.dates.russian import find_russian_dates, read_russian
from pipeline.dates.when import When

DOCUMENT = Anchor(dt.date(2011, 4, 20), "day")  # a Wednesday, ISO week 16
EARLIER = Anchor(dt.date(2011, 3, 7), "day")  # a Monday, ISO week 10
MARCH_FIRST = Anchor(dt.date(2011, 3, 1), "day")
DECEMBER = Anchor(dt.date(2011, 12, 1), "month")
OCTOBER_DAY = Anchor(dt.date(2011, 10, 20), "day")
JUNE_DAY = Anchor(dt.date(2011, 6, 1), "day")


@pytest.mark.parametrize("text, dates", [
    ("Встреча прошла 7 марта 2011 года в Москве.", ["7 марта 2011 года"]),
    ("Вчера Марта Иванова сказала, что уедет на следующей неделе.", ["Вчера", "на следующей неделе"]),
    ("Форум пройдёт 15–17 мая, договор подписан 07.03.2011 в Москве.", ["15–17 мая", "07.03.2011"]),
    ("Компания открыла офис в Новосибирске.", []),
])
def test_find_russian_dates_returns_the_spans_of_date_expressions(text, dates):
    assert find_russian_dates(text) == [(text.index(d), text.index(d) + len(d)) for d in dates]


@pytest.mark.parametrize("text, lang, when", [
    ("7 марта 2011 года", "ru", When(year=2011, month=3, day=7)),
    ("в прошлом году", "ru", When(shift=("year", -1), deictic=True)),
    ("на следующий день", "ru", When(shift=("day", 1))),
    ("three days ago", "en", When(shift=("day", -3), deictic=True)),
    ("the weather", "en", None),
])
def test_read_states_the_fields_of_an_expression(text, lang, when):
    assert (read_russian(text) if lang == "ru" else read_english(text)) == when


@pytest.mark.parametrize("text, lang, anchor, document, value", [
    ("07.03.2011", "ru", None, None, "2011-03-07"),  # day.month.year, no anchor needed
    ("29 февраля 2011 года", "ru", None, None, None),  # not a leap year
    ("позавчера", "ru", EARLIER, DOCUMENT, "2011-04-18"),  # deictic: from the document's date
    ("the next day", "en", EARLIER, DOCUMENT, "2011-03-08"),  # anaphoric: from the anchor
    ("накануне", "ru", MARCH_FIRST, DOCUMENT, "2011-02-28"),
    ("next week", "en", EARLIER, DOCUMENT, "2011-W17"),
    ("yesterday", "en", None, None, None),  # no date to count from
    ("с 15 по 17 мая 2011 года", "ru", None, None, "2011-05-15/2011-05-17"),
    ("осенью прошлого года", "ru", None, DOCUMENT, "2010-FA"),
    ("в третьем квартале прошлого года", "ru", None, DOCUMENT, "2010-Q3"),
    ("the 1990s", "en", None, DOCUMENT, "199"),
    ("in January", "en", None, OCTOBER_DAY, "2012-01"),  # the January nearest the document's date
    ("currently", "en", None, None, "PRESENT_REF"),
])
def test_date_value(text, lang, anchor, document, value):
    assert date_value(text, lang, anchor, document) == value


def test_following_month_counts_from_the_latest_month_mentioned():
    assert date_value("the following month", "en", None, DOCUMENT, latest=DECEMBER) == "2012-01"


@pytest.mark.parametrize("text, lang, document, tense, value", [
    ("in February", "en", JUNE_DAY, 0, "2011-02"),  # the nearest February
    ("in February", "en", JUNE_DAY, 1, "2012-02"),  # a future verb rules out the February before
    ("в следующий вторник", "ru", DOCUMENT, 0, "2011-04-26"),
])
def test_date_value_follows_the_tense(text, lang, document, tense, value):
    assert date_value(text, lang, None, document, tense=tense) == value


@pytest.mark.parametrize("base, unit, n, value", [
    (dt.date(2011, 1, 1), "week", 0, "2010-W52"),  # 1 January 2011 is in the last ISO week of 2010
    (dt.date(2011, 11, 5), "quarter", 1, "2012-Q1"),
    (dt.date(2011, 3, 13), "weekend", 0, "2011-W10-WE"),
])
def test_move_writes_the_unit_precision(base, unit, n, value):
    assert move(base, unit, n) == value


@pytest.mark.parametrize("value, anchor", [
    ("2011-03-09T10:00", Anchor(dt.date(2011, 3, 9), "day")),
    ("2011-03", Anchor(dt.date(2011, 3, 1), "month")),
    ("2011-02-30", None),
])
def test_parse_iso_gives_the_anchor_and_its_precision(value, anchor):
    assert parse_iso(value) == anchor
