"""Russian dates stated in numbers and month names (dates.russian: _STATED, stated_russian): the shapes Russian
writes a day, a month and a year in, found without a chart parser and read to the value they state."""

from __future__ import annotations

import pytest

from pipeline.dates.russian import find_russian_dates, stated_russian


def _dates(text: str) -> list[tuple[str, str | None]]:
    return [(text[a:b], stated_russian(text[a:b])) for a, b in find_russian_dates(text)]


@pytest.mark.parametrize("text, expected", [
    ("Собрание открылось 14 ноября 2019 года в клубе.", [("14 ноября 2019 года", "2019-11-14")]),
    ("Выставку продлили до 3 февраля.", [("3 февраля", "XXXX-02-03")]),
    ("В сентябре 2004 завод сменил владельца.", [("сентябре 2004", "2004-09")]),
    ("Устав приняли 9.10.2003 г., а печать заказали 02.11.03.",
     [("9.10.2003 г.", "2003-10-09"), ("02.11.03", "1903-11-02")]),  # two digits: the twentieth century
    ("Общество основано в 1887 г. купцами.", [("1887 г.", "1887")]),
    ("К 1965 году в хоре пели сорок человек.", [("1965 году", "1965")]),
    ("Сезон закончился 30мая.", [("30мая", "XXXX-05-30")]),  # a number and a word need no space between
    ("Клуб сыграл с ним августом 1999 года.", [("августом 1999 года", "1999-08")]),  # any form of the month
])
def test_a_stated_date_is_found_whole_with_its_value(text, expected):
    assert _dates(text) == expected


@pytest.mark.parametrize("text, wrong", [
    ("В зале стояло 45 стульев и 12 столов.", "45"),  # numbers alone
    ("Их было 40 марта назад.", None),  # (no day of a month is 40: not a stated date)
    ("Счёт 3.15.2010 не сходится.", None),  # no month 15 (found by the finder's other shapes, and given no value)
])
def test_numbers_out_of_range_or_without_a_date_word_are_no_stated_date(text, wrong):
    values = [value for _, value in _dates(text)]
    assert all(value is None for value in values)
    assert wrong is None or all(wrong not in found for found, _ in _dates(text))


def test_a_date_keeps_to_the_edges_it_is_given():
    text = "Цех закрыли в марте 2003-го и открыли лишь осенью."
    month = text.index("марте")
    assert find_russian_dates(text)[0] == (month, month + len("марте 2003"))
    edges = {0, month, month + len("марте"), text.index("2003-го"), text.index(" и ")}  # "2003-го" one token
    assert find_russian_dates(text, edges)[0] == (month, month + len("марте"))


def test_a_year_out_of_range_leaves_the_day_and_month_before_it():
    assert stated_russian("5 марта 3015 года") is None
    assert stated_russian("5 марта") == "XXXX-03-05"


@pytest.mark.models  # (Natasha's grammar needs its morphology)
def test_every_date_of_natashas_date_grammar_is_found_with_the_same_value():
    """Natasha's DatesExtractor, which this finder replaced, over sentences written for this test: each of its
    dates is one of ours, with the value its fields state."""
    from natasha import DatesExtractor, MorphVocab

    text = ("Фонд зарегистрирован 17.06.1998, переименован 1 апреля 2001 г., а с июля 2010 года работает в Туле. "
            "Второй офис открыли 5 декабря; в 2014 году их стало три, к 2016 г. — пять. Отчёт за 12.05.07 "
            "опубликован в мае 2008. Цех построили за 50 лет, в 1956 годах его расширяли.")
    ours = dict(((a, b), stated_russian(text[a:b])) for a, b in find_russian_dates(text))
    theirs = list(DatesExtractor(MorphVocab())(text))
    assert len(theirs) >= 8
    for match in theirs:
        fact = match.fact
        value = (f"{fact.year:04d}" if fact.year else "XXXX") + (f"-{fact.month:02d}" if fact.month else "") \
            + (f"-{fact.day:02d}" if fact.day else "")
        assert ours.get((match.start, match.stop)) == value, text[match.start:match.stop]
