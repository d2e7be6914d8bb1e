import datetime as dt

import pytest

from pipeline.dates import date_value

ANCHOR = dt.date(2011, 3, 7)


@pytest.mark.parametrize("text, value", [
    ("7 March 2011", "2011-03-07"),
    ("March 7, 2011", "2011-03-07"),
    ("the 7th of March 2011", "2011-03-07"),
    ("April 2011", "2011-04"),
    ("2011", "2011"),
    ("2013-12-24", "2013-12-24"),
    ("March 6", "2011-03-06"),
    ("a day earlier", "2011-03-06"),
    ("two days later", "2011-03-09"),
    ("the following month", "2011-04"),
    ("the next year", "2012"),
    ("13 — 16 October 2011", "2011-10-13/2011-10-16"),
    ("the 1990s", "199"),
    ("now", "PRESENT_REF"),
])
def test_english_date_values(text, value):
    assert date_value(text, ANCHOR, ANCHOR) == value


@pytest.mark.parametrize("text", ["March 6", "a day earlier", "the following month"])
def test_no_anchor_no_value(text):
    assert date_value(text, None, None) is None


@pytest.mark.parametrize("text", ["31 February 2011", "several days", "the past", "16 — 13 October 2011"])
def test_undeterminable_dates_have_no_value(text):
    assert date_value(text, ANCHOR, ANCHOR) is None


def test_year_less_partial_value_from_a_model_takes_the_anchor_year():
    assert date_value("6 марта", ANCHOR, partial="XXXX-03-06") == "2011-03-06"
    assert date_value("6 марта", None, partial="XXXX-03-06") is None
