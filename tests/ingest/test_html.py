"""A web page's visible article text and the metadata in its head."""

from pipeline.core.settings import Settings
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
