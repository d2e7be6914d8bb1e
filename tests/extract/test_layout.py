"""Page artefacts found without changing the text: glued infobox keys, "…Edit" headings, citation markers."""

import pytest

from pipeline.extract.layout import citation_spans, glue_points, heading_spans


@pytest.mark.parametrize("line, cut", [
    ("LeaderArham Kothari", "Leader"),
    ("HeadquartersMoscow, Russia", "Headquarters"),
    ("International affiliationFourth International", "International affiliation"),
    ("Political positionFar-left", "Political position"),
    ("Founded2011", "Founded"),
])
def test_infobox_key_glued_to_its_value_is_cut(line, cut):
    assert glue_points("Title\n" + line + "\n") == [len("Title\n") + len(cut)]


@pytest.mark.parametrize("line", [
    "McDonald's opened in Moscow.",
    "The Russian Socialist Movement was created in 2011 by the merger of two groups, JavaScript aside.",
    "Leader of the group",
])
def test_ordinary_lines_are_not_cut(line):
    assert glue_points(line) == []


def test_wiki_headings_ending_in_edit():
    text = "Body text.\n\nIdeological principlesEdit\n\nMore."
    assert [text[a:b] for a, b in heading_spans(text)] == ["Ideological principlesEdit"]
    assert glue_points(text) == [text.index("Edit")]


def test_citation_markers():
    text = "two organisations.[1][2][3] Shortly [citation needed] after"
    assert [text[a:b] for a, b in citation_spans(text)] == ["[1]", "[2]", "[3]", "[citation needed]"]


def test_the_word_archived_of_a_copied_reference_is_an_artefact_and_its_date_is_not():
    text = "Novaya Gazeta (in Russian). Archived 2013-12-24 at the Wayback Machine. The Archived Papers"
    assert [text[a:b] for a, b in citation_spans(text)] == ["Archived"]  # the date stays text to read
