"""Date values, English and Russian: a table of phrases in context, read by reading the texts."""

import csv

import pytest

from ..common import DATA

ROWS = list(csv.DictReader((DATA / "date_values.tsv").open(encoding="utf-8"), delimiter="\t"))
REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


@pytest.mark.models
@pytest.mark.parametrize("row", [r for r in ROWS if r["value"] not in REFS], ids=lambda r: r["date"])
def test_date_found_in_context_with_its_value(nlp_for, row):
    doc = nlp_for(row["text"], published=row["published"])
    values = {e.text: e._.value for e in doc.ents if e.label_ == "DATE"}
    assert values.get(row["date"], "not found") == row["value"]
