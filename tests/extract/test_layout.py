"""Page artefacts found without changing the text: glued infobox keys, "Key value" lines, "…Edit" headings, citation
markers, a mirror's boilerplate."""

import pytest

from pipeline.extract.layout import boilerplate_spans, citation_spans, glue_points, heading_spans, key_spans


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


def test_keys_of_an_infobox_written_without_colons():
    text = ("Volga Freight Lines\nFounded 1997\nHubs Samara Kurumoch Airport\nFleet size 12\n"
            "Key people Irina Pavlova (CEO)\n\nThe company flies cargo.")
    assert [text[a:b] for a, b in key_spans(text)] == ["Founded", "Hubs", "Fleet size", "Key people"]


@pytest.mark.parametrize("text", [
    "President Kirov Opens Museum\n\nThe museum opened on Monday after a long delay.",  # a lone headline
    "Founded in 1997, the company grew.\nHubs are in Samara. Fleet size grew.",  # sentences, not rows
    "Founded 1997\n\n\n\nHeadquarters Samara",  # too far apart to be one infobox
])
def test_lines_that_only_open_with_a_key_word_are_no_rows(text):
    assert key_spans(text) == []


def test_a_mirror_masthead_and_its_note_are_boilerplate():
    text = ("The Full Wiki\n\nVolga Freight Lines: Wikis\n\nNote: Many of our articles have direct quotes from "
            "sources you can cite.\n\nVolga Freight Lines is a cargo airline.")
    assert [text[a:b].split(":")[0] for a, b in boilerplate_spans(text)] == ["The Full Wiki", "Note"]
