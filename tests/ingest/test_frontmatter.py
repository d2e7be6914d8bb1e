"""YAML front matter becomes metadata and is not part of the text; broken front matter is refused clearly."""

from pathlib import Path

import pytest

from pipeline.core.errors import InputError
from pipeline.ingest.frontmatter import split_front_matter


def test_front_matter_is_metadata_and_not_text():
    text, meta = split_front_matter(
        "---\ntitle: Съезд\npublished: 2011-03-09\nurl: https://example.org/a\nauthor: И. Иванов\n---\n\nТекст.\n",
        Path("a.md"))
    assert text == "Текст.\n"
    assert (meta.title, meta.published, meta.url) == ("Съезд", "2011-03-09", "https://example.org/a")
    assert meta.extra == {"author": "И. Иванов"}


def test_text_without_front_matter_is_the_file_content_unchanged():
    body = "---not front matter\nline two\n"
    text, meta = split_front_matter(body, Path("a.txt"))
    assert text == body
    assert meta.title is None and meta.published is None


@pytest.mark.parametrize("header, reason", [
    ("---\ntitle: [unclosed\n---\nText\n", "broken front matter"),
    ("---\n- a list\n---\nText\n", "not a mapping"),
    ("---\nlang: de\n---\nText\n", "lang 'de'"),
])
def test_bad_front_matter_names_the_file_and_the_problem(header, reason):
    with pytest.raises(InputError, match=reason):
        split_front_matter(header, Path("a.md"))


BILLION_LAUGHS = ('---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
                  + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
                  + "---\nText.\n")


@pytest.mark.parametrize("header, reason", [
    (BILLION_LAUGHS, r"front matter uses YAML aliases \(&/\*\), which are not accepted"),
    ("---\nbase: &b {title: A}\nother:\n  <<: *b\n---\nText\n", "front matter uses YAML aliases"),
    ("---\npublished: 2011-02-30\n---\nText\n", "front matter published '2011-02-30' is no calendar date"),
    ("---\npublished: 31.02.2020\n---\nText\n", "front matter published '31.02.2020' is no calendar date"),
    ("---\npublished: last spring\n---\nText\n", "front matter published 'last spring' is not a date written"),
    ("---\ntitle: [a, b]\n---\nText\n", "front matter title is a list; expected a single value"),
    ("---\nurl: {a: 1}\n---\nText\n", "front matter url is a mapping; expected a single value"),
    ("---\nnote: " + "x" * 10_001 + "\n---\nText\n", "front matter 'note' is 10,001 characters long; at most 10,000"),
    ("---\n" + "".join(f"k{i}: v\n" for i in range(201)) + "---\nText\n", "201 keys; at most 200"),
    ("---\nn: " + "[" * 5000 + "\n---\nText\n", "front matter nested too deeply"),
    ("---\nn: " + "1" * 5000 + "\n---\nText\n", "broken front matter: Exceeds the limit"),
    ("---\na: &x 1\nb: &x 2\n---\nText\n", r"broken front matter \(line 3\): found duplicate anchor 'x'"),
])
def test_hostile_front_matter_is_refused_with_one_line_naming_the_file(header, reason):
    with pytest.raises(InputError, match=reason) as info:
        split_front_matter(header, Path("corpus/a.md"))
    assert str(info.value).startswith("corpus/a.md: ") and "\n" not in str(info.value)


@pytest.mark.parametrize("value, iso", [
    ("2011-03-09", "2011-03-09"), ("2011-3-9", "2011-03-09"), ("2011-03-09 10:30:00", "2011-03-09"),
    ("2011-03-09T10:30:00+03:00", "2011-03-09"), ("2011", "2011"), ("2011-03", "2011-03"), ("09.03.2011", "2011-03-09"),
    ("'2011-03-09'", "2011-03-09"), ("0001-01-01", "0001-01-01"), ("9999-12-31", "9999-12-31"),
])
def test_published_is_an_iso_date(value, iso):
    _, meta = split_front_matter(f"---\npublished: {value}\n---\nText\n", Path("a.md"))
    assert meta.published == iso


def test_anchors_without_aliases_and_extra_values_are_kept_as_text():
    _, meta = split_front_matter("---\ntitle: &t Съезд\ntags: [a, b]\nupdated: 2011-03-10 09:00:00\n---\nText\n",
                                 Path("a.md"))
    assert meta.title == "Съезд"
    assert meta.extra == {"tags": "['a', 'b']", "updated": "2011-03-10 09:00:00"}


def test_published_date_is_shared_with_the_add_tool():
    from pipeline.ingest.frontmatter import published_date
    from pipeline.tools.add import published_date as add_published_date

    assert add_published_date is published_date
    with pytest.raises(ValueError, match="'0000' is no calendar date"):
        published_date("0000")
