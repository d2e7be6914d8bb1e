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
