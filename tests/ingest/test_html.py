"""A web page's visible article text and the metadata in its head."""

from pathlib import Path

import pytest

from pipeline.core.settings import Settings
from pipeline.ingest.html import html_to_text
from pipeline.ingest.read import read_source

from ..common import DATA


def test_html_gives_visible_article_text_and_head_metadata():
    source = read_source(DATA / "corpus/ru/novosibirsk.html", "ru/novosibirsk", Settings())
    assert source.text.startswith("Митинг в Новосибирске\n\nВ субботу, 1 сентября 2012 года")
    assert "Игорь Петров" in source.text
    for invisible in ("tracker", "color: red", "Главная", "©"):  # script, style, nav, footer
        assert invisible not in source.text
    assert source.meta.source == "Сибирский вестник"
    assert source.meta.published == "2012-09-01"
    assert source.meta.url == "https://example.org/nsk/2012/09/01/miting"
    assert source.meta.lang == "ru"


def test_ten_thousand_nested_divs_give_their_text():
    markup = "<html><body>" + "<div>" * 10_000 + "Левый фронт" + "</div>" * 10_000 + "<p>After</p></body></html>"
    assert html_to_text(markup, Path("deep.html"))[0] == "Левый фронт\n\nAfter"


def test_a_thousand_unclosed_paragraphs_and_list_items_give_one_line_each():
    assert html_to_text("<body>" + "<p>para " * 1000, Path("p.html"))[0] == "\n\n".join(["para"] * 1000)
    assert html_to_text("<ul>" + "<li>item " * 1000, Path("li.html"))[0] == "\n\n".join(["item"] * 1000)


def test_blocks_inline_tags_and_invisible_ones_read_as_before():
    markup = ("<html><head><title>T</title><script>x()</script></head><body><div>One <b>bold</b><span> word"
              "</span></div><p hidden>gone</p><!-- note --><ul><li>a</li><li>b<br>c</li></ul>"
              "<style>p {}</style>tail&nbsp;text</body></html>")
    assert html_to_text(markup, Path("a.html"))[0] == "One bold word\n\na\n\nb\n\nc\n\ntail text"


@pytest.mark.parametrize("content, published", [
    ("2012-09-01T10:00:00+07:00", "2012-09-01"), ("2012-09-01", "2012-09-01"), ("2011-02-30", None),
    ("0000-01-01", None), ("Sep 1, 2012", None), ("01.09.2012", "2012-09-01"),
])
def test_a_pages_published_date_that_is_no_date_is_dropped(content, published):
    markup = f'<html><head><meta name="date" content="{content}"></head><body><p>Text</p></body></html>'
    assert html_to_text(markup, Path("a.html"))[1].published == published
