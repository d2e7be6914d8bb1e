"""No single file aborts a run: hostile bytes, HTML and front matter each become one failure or one document,
and the good files beside them are read."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.core.records import InputFailure
from pipeline.core.settings import Settings
from pipeline.dates.resolve import date_value, parse_iso
from pipeline.ingest.read import InputDocument, read_documents
from pipeline.ingest.walk import walk_corpus

GOOD = {"good-en.txt": "The Left Front met in Moscow on 9 March 2011.\n",
        "good-ru.txt": "Левый фронт собрался в Москве 9 марта 2011 года.\n"}
RUSSIAN = "Митинг в Новосибирске прошёл в субботу. Полиция задержала двоих.\n"
RELATIVE = [("yesterday", "en"), ("a day earlier", "en"), ("next week", "en"), ("last Monday", "en"),
            ("next month", "en"), ("в прошлом году", "ru"), ("на следующий день", "ru")]


def read_corpus(folder: Path, files: dict[str, bytes]) -> list[InputDocument | InputFailure]:
    """The good documents and `files` in `folder`, walked and read as a run reads them."""
    for name, text in GOOD.items():
        (folder / name).write_text(text, encoding="utf-8")
    for name, raw in files.items():
        (folder / name).write_bytes(raw)
    return list(read_documents(walk_corpus([folder], Settings()), Settings()))


def check(folder: Path, items: list[InputDocument | InputFailure], bad: list[str]) -> None:
    """Each bad file one failure or one document, messages one line naming the file; the good ones read."""
    by_path: dict[str, list] = {}
    for item in items:
        by_path.setdefault(item.path, []).append(item)
    for name in bad:
        path = (folder / name).as_posix()
        assert len(by_path.get(path, [])) == 1, (name, by_path.get(path))
        (item,) = by_path[path]
        messages = [item.error] if isinstance(item, InputFailure) else item.warnings
        for message in messages:
            assert message.startswith(f"{path}: ") and "\n" not in message, message
        if isinstance(item, InputDocument):
            for text, lang in RELATIVE:  # an anchor at the calendar's edge resolves to nothing, not to a crash
                date_value(text, lang, None, parse_iso(item.meta.published))
    for name, text in GOOD.items():
        (item,) = by_path[(folder / name).as_posix()]
        assert isinstance(item, InputDocument) and item.text == text and item.warnings == []


_TAGS = ["div", "p", "li", "ul", "span", "b", "article", "main", "script", "style", "table", "td", "title", "head",
         "body", "html", "br", "h1", "template", "svg"]
_CHARSETS = ["utf-8", "windows-1251", "koi8-r", "undefined", "punycode", "idna", "rot13", "base64", "zlib", "hex",
             "unicode_escape", "raw_unicode_escape", "uu", "quopri", "utf-7", "utf-16", "latin-1", "nonsense", ""]
_DATES = ["2011-03-09", "2011-02-30", "0001-01-01", "9999-12-31", "0000-01-01", "2011-13-01", "2011-3-9",
          "2011-03-09 10:00:00", "2011-03-09T10:00:00Z", "14.03.2020", "31.02.2020", "2011", "2011-03", "yesterday",
          "[2011]", "{a: 1}", "2011.5", "1" * 5000]

html_token = st.one_of(
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"</{t}>"),
    st.tuples(st.sampled_from(["div", "p", "li", "span"]), st.integers(0, 3000)).map(lambda d: f"<{d[0]}>" * d[1]),
    st.sampled_from(_CHARSETS).map(lambda c: f'<meta charset="{c}">'),
    st.sampled_from(_DATES).map(lambda d: f'<meta name="date" content="{d}">'),
    st.sampled_from(["&amp;", "&nbsp;", "&#0;", "&#x110000;", "&#xD800;", "&bogus;", "&#99999999999;", "<!--", "-->",
                     "<![CDATA[", "<?php", "<!DOCTYPE html>", "<p hidden>", '<a href="x">', "</", "<"]),
    st.text(max_size=30),
    st.just(RUSSIAN),
)
html_page = st.lists(html_token, max_size=30).map("".join)
yaml_line = st.one_of(
    st.sampled_from(["title", "source", "url", "lang", "published", "author", "tags"]).flatmap(
        lambda key: st.one_of(st.sampled_from(_DATES), st.text(max_size=20)).map(lambda v: f"{key}: {v}")),
    st.sampled_from(["a: &x [lol, lol, lol]", "b: [*x, *x, *x]", "c: &y {k: v}", "<<: *y", "title: *x",
                     "tags: [a, b", "lang: ru", "lang: de", "published: !!timestamp 2011-02-30",
                     "x: !!python/object:os.system ls", "? [a, b]\n: c", "n: " + "[" * 2000, "big: 0x" + "f" * 5000]),
    st.text(max_size=40),
)
front_matter = st.tuples(st.lists(yaml_line, max_size=8), st.sampled_from(["---", "..."]),
                         st.sampled_from(["Body text.\n", RUSSIAN, "", "\n"])).map(
    lambda t: "---\n" + "\n".join(t[0]) + f"\n{t[1]}\n" + t[2])
encoding = st.sampled_from(["utf-8", "cp1251", "koi8_r", "utf-16", "latin-1"])


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """Russian text in some encoding with a few bytes overwritten or inserted."""
    raw = bytearray((RUSSIAN * draw(st.integers(1, 5))).encode(draw(encoding), "replace"))
    for _ in range(draw(st.integers(0, 4))):
        raw.insert(draw(st.integers(0, len(raw))), draw(st.integers(0, 255)))
    return bytes(raw)


def to_bytes(text: str, codec: str) -> bytes:
    return text.encode(codec, "replace")


hostile_file = st.one_of(
    st.tuples(st.sampled_from([".txt", ".md", ".html"]), st.binary(max_size=600)),
    st.tuples(st.sampled_from([".txt", ".md"]), damaged()),
    st.tuples(st.sampled_from([".html", ".htm"]), st.builds(to_bytes, html_page, encoding)),
    st.tuples(st.sampled_from([".md", ".txt"]), st.builds(to_bytes, front_matter, encoding)),
)


@settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(hostile_file, min_size=1, max_size=3))
def test_no_hostile_file_escapes_or_stops_the_good_ones(files):
    named = {f"bad{i}{ext}": raw for i, (ext, raw) in enumerate(files)}
    with tempfile.TemporaryDirectory() as folder:  # (not tmp_path: one folder per example)
        check(Path(folder), read_corpus(Path(folder), named), list(named))


ANCHOR_BOMB = ('---\na: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
               + "".join(f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
               + "---\nText.\n")
STRAY = ("Левый фронт собрался в Москве 9 марта 2011 года. " * 3 + "\n").encode()


def test_each_reproduced_file_gives_its_own_message_and_the_good_ones_are_read(tmp_path):
    files = {
        "bomb.md": ANCHOR_BOMB.encode(),
        "feb30.md": b"---\npublished: 2011-02-30\n---\nText.\n",
        "year1.md": b"---\npublished: 0001-01-01\n---\nThe day before, they met.\n",
        "deep.html": b"<html><body>" + b"<div>" * 10_000 + b"deep text" + b"</div>" * 10_000 + b"</body></html>",
        "unclosed.html": b"<html><body>" + b"<p>para " * 1000 + b"</body></html>",
        "undefined.html": b'<html><head><meta charset="undefined"></head><body>Left Front</body></html>',
        "punycode.html": '<meta charset="punycode"><p>Левый фронт</p>'.encode(),
        "stray.txt": STRAY[:30] + b"\xff" + STRAY[30:],
    }
    folder, items = tmp_path, read_corpus(tmp_path, files)
    check(folder, items, list(files))
    found = {Path(i.path).name: i for i in items}
    errors = {name: item.error.split(": ", 1)[1] for name, item in found.items() if isinstance(item, InputFailure)}
    assert errors == {"bomb.md": "front matter uses YAML aliases (&/*), which are not accepted",
                      "feb30.md": "front matter published '2011-02-30' is no calendar date"}
    assert found["year1.md"].meta.published == "0001-01-01"
    assert found["deep.html"].text == "deep text"
    assert found["unclosed.html"].text == "\n\n".join(["para"] * 1000)
    assert found["undefined.html"].text == "Left Front" and found["punycode.html"].text == "Левый фронт"
    assert found["stray.txt"].text == STRAY[:30].decode() + "\ufffd" + STRAY[30:].decode()
    assert found["stray.txt"].warnings == [
        f"{folder / 'stray.txt'}: not valid UTF-8 at bytes 30; read as UTF-8 with replacement characters"]


def test_an_anchor_at_the_calendars_edge_resolves_to_nothing():
    assert date_value("yesterday", "en", None, parse_iso("0001-01-01")) is None
    assert date_value("a day earlier", "en", parse_iso("0001-01-01")) is None
    assert date_value("tomorrow", "en", None, parse_iso("9999-12-31")) is None
    assert date_value("next week", "en", None, parse_iso("9999-12-31")) is None
    assert date_value("last Monday", "en", None, parse_iso("0001-01-01")) is None
    assert date_value("next year", "en", None, parse_iso("9999")) is None
    assert date_value("yesterday", "en", None, parse_iso("0001-01-02")) == "0001-01-01"
