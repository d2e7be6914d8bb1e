"""Date values from an expression and its anchors, without the models: reference words, anchors, no guesses."""

import csv
import datetime as dt

import pytest

from pipeline.dates.resolve import Anchor, date_value

from ..common import DATA

ROWS = list(csv.DictReader((DATA / "date_values.tsv").open(encoding="utf-8"), delimiter="\t"))
REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


@pytest.mark.parametrize("row", [r for r in ROWS if r["value"] in REFS], ids=lambda r: r["date"])
def test_reference_words_have_timex_ref_values(row):
    assert date_value(row["date"], row["lang"], None, None) == row["value"]


DAY = Anchor(dt.date(2011, 3, 7), "day")
YEAR_ONLY = Anchor(dt.date(2011, 1, 1), "year")


@pytest.mark.parametrize("text, lang, anchor, value", [
    ("a day earlier", "en", None, None),                 # no anchor: no value, never a guess
    ("a day earlier", "en", YEAR_ONLY, None),            # an anchor known to the year says nothing of days
    ("March 6", "en", YEAR_ONLY, "2011-03-06"),
    ("31 February 2011", "en", DAY, None),
    ("16 — 13 October 2011", "en", DAY, None),
    ("several days", "en", DAY, None),
    ("накануне", "ru", DAY, "2011-03-06"),
    ("через неделю", "ru", DAY, "2011-W11"),
    ("Седьмого марта", "ru", DAY, "2011-03-07"),
    ("в 2011—2012 годах", "ru", None, "2011/2012"),
    ("весной 2013 года", "ru", None, "2013-SP"),
])
def test_values_from_anchor(text, lang, anchor, value):
    assert date_value(text, lang, anchor, anchor) == value


def test_deictic_counts_from_the_document_date_and_anaphoric_from_the_last_date():
    document = Anchor(dt.date(2011, 4, 20), "day")
    earlier = Anchor(dt.date(2011, 3, 7), "day")
    assert date_value("yesterday", "en", earlier, document) == "2011-04-19"
    assert date_value("the next day", "en", earlier, document) == "2011-03-08"
    assert date_value("вчера", "ru", earlier, document) == "2011-04-19"
    assert date_value("на следующий день", "ru", earlier, document) == "2011-03-08"
