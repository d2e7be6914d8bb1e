"""Bytes to text: UTF-8 (BOM or not), cp1251 and KOI8-R told apart; what is not text is refused, naming the file."""

from pathlib import Path

import pytest

from pipeline.core.errors import InputError
from pipeline.ingest.decode import declared_charset, decode, usable_charset

RUSSIAN = "Российское социалистическое движение было создано в Москве. Ёлки зелёные."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8_r"])
def test_decode_detects_russian_encodings(encoding):
    assert decode(RUSSIAN.encode(encoding), Path("x.txt")).text == RUSSIAN


def test_decode_turns_windows_newlines_into_python_text_mode_newlines():
    assert decode(b"a\r\nb\rc\n", Path("x.txt")).text == "a\nb\nc\n"


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty file"),
    (b"  \n\n", "empty file"),
    (bytes(range(256)) * 4, "binary file"),
    ("Le café était très fermé à l'été.".encode("latin-1"), "cannot decode"),
    ("Текст\x07 с\x1b управляющими\x0b знаками.\n".encode() * 3, "looks binary"),
])
def test_decode_refuses_what_is_not_russian_or_english_text(raw, reason):
    with pytest.raises(InputError, match=reason) as info:
        decode(raw, Path("corpus/bad.txt"))
    assert str(info.value).startswith("corpus/bad.txt: ")


def test_tabs_form_feeds_and_newlines_are_text_not_control_characters():
    text = "Колонка\tзначение\fстраница\r\nстрока\n" * 5
    assert decode(text.encode(), Path("corpus/ok.txt")).text == text.replace("\r\n", "\n")


STRAY = ("Левый фронт собрался в Москве 9 марта 2011 года. " * 3 + "\n").encode()


def test_utf8_with_one_stray_byte_is_utf8_with_a_replacement_character_and_a_warning():
    decoded = decode(STRAY[:30] + b"\xff" + STRAY[30:], Path("corpus/ru/stray.txt"))
    assert decoded.text == STRAY[:30].decode() + "\ufffd" + STRAY[30:].decode()
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == [
        "corpus/ru/stray.txt: not valid UTF-8 at bytes 30; read as UTF-8 with replacement characters"]


def test_the_warning_shows_the_first_offsets_and_counts_the_rest():
    raw = b"".join(STRAY + b"\xff" for _ in range(8))
    (warning,) = decode(raw, Path("x.txt")).warnings
    assert len(STRAY) == 250  # each stray byte after 250 good ones
    assert warning == ("x.txt: not valid UTF-8 at bytes 250, 501, 752, 1003, 1254 and 3 more; read as UTF-8 with "
                       "replacement characters")


def test_a_short_utf8_russian_line_with_a_stray_byte_is_not_read_as_cp1251():
    raw = "Левый фронт собрался в Москве.".encode()
    decoded = decode(raw[:10] + b"\x98" + raw[10:], Path("x.txt"))
    assert decoded.text.replace("\ufffd", "") == "Левый фронт собрался в Москве." and len(decoded.warnings) == 1


def test_ascii_with_a_windows_dash_is_read_with_a_warning_not_refused():
    raw = b"The Left Front met in Moscow \x96 and in Kaluga." + b" The Left Front met in Moscow." * 10
    decoded = decode(raw, Path("x.txt"))
    assert decoded.text == raw.decode("ascii", "replace") and decoded.text.count("\ufffd") == 1
    assert decoded.warnings == ["x.txt: not valid UTF-8 at bytes 29; read as UTF-8 with replacement characters"]


@pytest.mark.parametrize("encoding", ["cp1251", "koi8_r"])
def test_single_byte_russian_is_still_told_apart_without_warning(encoding):
    decoded = decode((RUSSIAN + "\n").encode(encoding) * 20, Path("x.txt"))
    assert decoded.text == (RUSSIAN + "\n") * 20 and decoded.encoding == encoding.replace("_", "-")
    assert decoded.warnings == []


@pytest.mark.parametrize("charset", ["undefined", "punycode", "idna", "rot13", "base64", "zlib", "hex", "bz2",
                                     "unicode_escape", "raw_unicode_escape", "uu", "quopri", "utf-7", "utf-16",
                                     "utf-32", "no-such-codec"])
def test_a_declared_charset_that_reads_no_page_is_ignored(charset):
    page = f'<meta charset="{charset}"><p>Левый фронт \\u0041 +AGEAYgBj-</p>'.encode()
    assert usable_charset(charset) is None
    assert decode(page, Path("x.html"), declared=charset).text == page.decode()


@pytest.mark.parametrize("charset, encoding", [("windows-1251", "cp1251"), ("koi8-r", "koi8-r"), ("UTF-8", "utf-8")])
def test_a_declared_text_charset_is_used(charset, encoding):
    assert usable_charset(charset) == charset
    assert decode(RUSSIAN.encode(encoding), Path("x.html"), declared=charset).text == RUSSIAN


def test_declared_charset_is_read_from_the_meta_tag():
    assert declared_charset(b'<html><head><meta charset="Punycode">') == "punycode"
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">') == \
        "windows-1251"
    assert declared_charset(b"<p>no declaration</p>") is None
