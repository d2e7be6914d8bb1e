from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.ingest import decode, find_documents, read_documents, read_source, split_front_matter
from pipeline.schema import InputFailure, Settings

from .conftest import DATA

RUSSIAN = "Российское социалистическое движение было создано в Москве. Ёлки зелёные."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1251", "koi8_r"])
def test_decode_detects_russian_encodings(encoding):
    assert decode(RUSSIAN.encode(encoding), Path("x.txt")) == RUSSIAN


def test_decode_turns_windows_newlines_into_python_text_mode_newlines():
    assert decode("a\r\nb\rc\n".encode(), Path("x.txt")) == "a\nb\nc\n"


@pytest.mark.parametrize("raw, reason", [
    (b"", "empty file"),
    (b"  \n\n", "empty file"),
    (bytes(range(256)) * 4, "binary file"),
    ("Le café était très fermé à l'été.".encode("latin-1"), "cannot decode"),
])
def test_decode_refuses_what_is_not_russian_or_english_text(raw, reason):
    with pytest.raises(InputError, match=reason) as info:
        decode(raw, Path("corpus/bad.txt"))
    assert str(info.value).startswith("corpus/bad.txt: ")


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


def test_cp1251_and_koi8_files_with_front_matter():
    cp = read_source(DATA / "corpus/ru/kaluga-cp1251.txt", "ru/kaluga-cp1251", Settings())
    koi = read_source(DATA / "corpus/ru/yaroslavl-koi8.txt", "ru/yaroslavl-koi8", Settings())
    assert cp.text.startswith("В понедельник в Калуге") and cp.meta.published == "2012-05-14"
    assert koi.text.startswith("Во вторник, 29 мая 2012 года") and koi.meta.title == "Пикет в Ярославле"


def test_sha256_is_of_the_raw_bytes():
    import hashlib

    path = DATA / "corpus/ru/kaluga-cp1251.txt"
    assert read_source(path, "x", Settings()).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_walk_gives_ids_below_the_root_and_skips_other_extensions():
    walk = find_documents([DATA / "corpus"], Settings())
    assert [doc_id for _, doc_id in walk.files] == [
        "en/branches", "ru/kaluga-cp1251", "ru/novosibirsk", "ru/yaroslavl-koi8"]
    assert walk.skipped == [(DATA / "corpus/notes.csv").as_posix()]


def test_bad_files_become_failures_and_the_rest_is_read():
    items = list(read_documents([DATA / "bad"], Settings()))
    failures = {Path(i.path).name: i.error for i in items if isinstance(i, InputFailure)}
    assert set(failures) == {"empty.txt", "binary.txt", "latin1.txt", "broken-front-matter.md"}
    assert [i.id for i in items if not isinstance(i, InputFailure)] == ["good"]


def test_too_large_file_is_refused_with_the_setting_to_change(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000)
    with pytest.raises(InputError, match="max_file_mb"):
        read_source(big, "big", Settings(max_file_mb=1))
