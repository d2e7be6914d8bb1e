"""add_source: a file becomes UTF-8 text with front matter in corpus/<lang>/, named from its metadata, once."""

from __future__ import annotations

import hashlib
import shutil

import pytest
import yaml

from pipeline.core.errors import InputError
from pipeline.core.settings import Settings
from pipeline.tools.add import add_source as _add_source
from pipeline.tools.add import published_date

from ..common import DATA, cli

FIXTURES = DATA / "corpus"


def copy(tmp_path, relative: str):
    """A fixture copied into tmp_path/inbox (the fixture itself is never touched)."""
    target = tmp_path / "inbox" / relative.split("/")[-1]
    target.parent.mkdir(exist_ok=True)
    shutil.copyfile(FIXTURES / relative, target)
    return target


def front_and_body(path) -> tuple[dict, str]:
    text = path.read_bytes().decode("utf-8")
    assert text.startswith("---\n")
    header, body = text[4:].split("\n---\n\n", 1)
    return yaml.safe_load(header), body


def test_cp1251_text_with_front_matter_becomes_utf8_named_from_source_and_date(tmp_path):
    source = copy(tmp_path, "ru/kaluga-cp1251.txt")
    corpus = tmp_path / "corpus"

    target = add_source(source, corpus, Settings())

    assert target == corpus / "ru" / "kaluzhsky-listok-2012-05-14.txt"
    front, body = front_and_body(target)
    assert front == {"title": "Новое отделение в Калуге", "source": "Калужский листок", "published": "2012-05-14",
                     "url": "https://example.org/kaluga/2012-05-14", "lang": "ru",
                     "original_file": "kaluga-cp1251.txt",
                     "original_sha256": hashlib.sha256(source.read_bytes()).hexdigest()}
    assert body.startswith("В понедельник в Калуге открылось отделение Союза левых социалистов.")
    assert body.endswith("у здания администрации Калужской области.\n")
    assert source.read_bytes() == (FIXTURES / "ru" / "kaluga-cp1251.txt").read_bytes()


def test_adding_the_same_bytes_again_is_refused(tmp_path):
    corpus = tmp_path / "corpus"
    first = add_source(copy(tmp_path, "ru/kaluga-cp1251.txt"), corpus, Settings())
    again = tmp_path / "elsewhere" / "renamed.txt"
    again.parent.mkdir()
    shutil.copyfile(FIXTURES / "ru" / "kaluga-cp1251.txt", again)

    with pytest.raises(InputError, match="already in the corpus") as error:
        add_source(again, corpus, Settings())

    assert str(first) in str(error.value)
    assert sorted(p.name for p in corpus.rglob("*")) == ["kaluzhsky-listok-2012-05-14.txt", "ru"]


def test_html_file_takes_its_head_metadata_and_visible_text(tmp_path):
    source = copy(tmp_path, "ru/novosibirsk.html")
    corpus = tmp_path / "corpus"

    target = add_source(source, corpus, Settings())

    assert target == corpus / "ru" / "sibirsky-vestnik-2012-09-01.txt"
    front, body = front_and_body(target)
    assert {k: front[k] for k in ("title", "source", "published", "url", "lang", "original_file")} == {
        "title": "Митинг в Новосибирске", "source": "Сибирский вестник", "published": "2012-09-01",
        "url": "https://example.org/nsk/2012/09/01/miting", "lang": "ru", "original_file": "novosibirsk.html"}
    assert "Выступил председатель профсоюза Игорь Петров." in body
    assert "Москва" not in body and "<p>" not in body


def test_overrides_win_over_the_file_metadata(tmp_path):
    source = copy(tmp_path, "ru/kaluga-cp1251.txt")

    target = add_source(source, tmp_path / "corpus", Settings(), title="Калуга: новое отделение", source="Листок",
                        published="2012-05-15", url=None)

    assert target == tmp_path / "corpus" / "ru" / "listok-2012-05-15.txt"
    front, _ = front_and_body(target)
    assert (front["title"], front["source"], front["published"]) == ("Калуга: новое отделение", "Листок", "2012-05-15")
    assert front["url"] == "https://example.org/kaluga/2012-05-14"


def test_file_without_metadata_is_named_from_its_stem_and_language_detected(tmp_path):
    source = copy(tmp_path, "en/branches.txt")

    target = add_source(source, tmp_path / "corpus", Settings())

    assert target == tmp_path / "corpus" / "en" / "branches.txt"
    front, body = front_and_body(target)
    assert front == {"title": source.read_text(encoding="utf-8").splitlines()[0].strip(), "lang": "en",
                     "original_file": "branches.txt",
                     "original_sha256": hashlib.sha256(source.read_bytes()).hexdigest()}
    assert body == source.read_text(encoding="utf-8").rstrip() + "\n"


def test_a_different_file_with_the_same_metadata_gets_a_numbered_name(tmp_path):
    corpus = tmp_path / "corpus"
    first = add_source(copy(tmp_path, "ru/kaluga-cp1251.txt"), corpus, Settings())
    changed = tmp_path / "kaluga-update.txt"
    changed.write_bytes((FIXTURES / "ru" / "kaluga-cp1251.txt").read_bytes() + "\nДобавлено позже.\n".encode("cp1251"))
    before = first.read_bytes()

    second = add_source(changed, corpus, Settings())

    assert second == corpus / "ru" / "kaluzhsky-listok-2012-05-14-2.txt"
    assert first.read_bytes() == before
    front, body = front_and_body(second)
    assert front["original_file"] == "kaluga-update.txt"
    assert body.endswith("Добавлено позже.\n")


def add_source(*args, **kwargs):
    return _add_source(*args, **kwargs).path


@pytest.mark.parametrize("value, expected", [
    ("2020-03-14", "2020-03-14"), ("14.03.2020", "2020-03-14"), ("4.3.2020", "2020-03-04"), ("2020", "2020"),
    ("2020-03", "2020-03"), ("2020-03-14T09:30:00+03:00", "2020-03-14"), ("2020-3-4", "2020-03-04"),
    ("2020-03-14 09:30:00", "2020-03-14"), ("0001-01-01", "0001-01-01"),
])
def test_a_published_date_is_read_as_iso(value, expected):
    assert published_date(value) == expected


@pytest.mark.parametrize("value, reason", [
    ("2020-02-30", "no calendar date"), ("31.02.2020", "no calendar date"), ("2020-13", "no calendar date"),
    ("14/03/2020", "YYYY-MM-DD"), ("yesterday", "YYYY-MM-DD"), ("0000", "no calendar date"),
])
def test_a_published_date_that_is_no_date_is_refused_with_the_reason(value, reason):
    with pytest.raises(ValueError, match=reason):
        published_date(value)


def test_add_tells_the_published_date_or_that_relative_dates_will_not_resolve(tmp_path):
    source = copy(tmp_path, "en/branches.txt")
    added = _add_source(source, tmp_path / "corpus", Settings(), published="14.03.2020")
    assert added.published == "2020-03-14" and added.path.name == "branches-2020-03-14.txt"
    assert front_and_body(added.path)[0]["published"] == "2020-03-14"
    other = tmp_path / "other.txt"
    other.write_text("Second text\n\nThe Left Front met yesterday.\n", encoding="utf-8")
    assert _add_source(other, tmp_path / "corpus", Settings()).published is None


def test_the_cli_refuses_a_published_date_that_is_no_date(tmp_path):
    source = copy(tmp_path, "en/branches.txt")
    done = cli("add", str(source), "--corpus", str(tmp_path / "corpus"), "--published", "2020-02-30")
    assert done.returncode == 2 and "--published '2020-02-30' is no calendar date" in done.stderr
    assert not (tmp_path / "corpus").exists()
    done = cli("add", str(source), "--corpus", str(tmp_path / "corpus"))
    assert done.returncode == 0 and "no published date: relative dates in it" in done.stderr


def test_add_refuses_a_file_whose_front_matter_date_is_no_date(tmp_path):
    source = tmp_path / "note.md"
    source.write_text("---\npublished: 2011-02-30\n---\n\nThe Left Front met.\n", encoding="utf-8")
    with pytest.raises(InputError, match=f"^{source}: front matter published '2011-02-30' is no calendar date$"):
        _add_source(source, tmp_path / "corpus", Settings())
    assert not (tmp_path / "corpus").exists()


def test_add_writes_a_front_matter_time_stamp_as_its_day(tmp_path):
    source = tmp_path / "note.md"
    source.write_text("---\npublished: 2011-03-09 10:30:00\n---\n\nThe Left Front met.\n", encoding="utf-8")
    added = _add_source(source, tmp_path / "corpus", Settings())
    assert added.published == "2011-03-09" and front_and_body(added.path)[0]["published"] == "2011-03-09"


def test_add_says_when_bytes_of_the_original_were_replaced(tmp_path):
    source = tmp_path / "stray.txt"
    good = "Левый фронт провёл митинг в Москве 5 мая 2012 года.\n".encode()
    source.write_bytes(good[:10] + b"\xff" + good[10:])  # after the first word
    added = _add_source(source, tmp_path / "corpus", Settings())
    assert added.warnings == (f"{source}: not valid UTF-8 at bytes 10; read as UTF-8 with replacement characters",)
    done = cli("add", str(tmp_path / "stray.txt"), "--corpus", str(tmp_path / "other"))
    assert done.returncode == 0 and f"warning: {source}: not valid UTF-8 at bytes 10" in done.stderr
