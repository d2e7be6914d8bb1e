"""Bytes to text: UTF-8 (BOM or not), cp1251 and KOI8-R told apart; what is not text is refused, naming the file."""

from pathlib import Path

import pytest

from pipeline.core.errors import InputError
from pipeline.ingest.decode import decode

RUSSIAN = "Российское социалистическое движение было создано в Москве. Ёлки зелёные."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8_r"])
def test_decode_detects_russian_encodings(encoding):
    assert decode(RUSSIAN.encode(encoding), Path("x.txt")) == RUSSIAN


def test_decode_turns_windows_newlines_into_python_text_mode_newlines():
    assert decode(b"a\r\nb\rc\n", Path("x.txt")) == "a\nb\nc\n"


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
    assert decode(text.encode(), Path("corpus/ok.txt")) == text.replace("\r\n", "\n")
