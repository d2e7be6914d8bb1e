"""Reading files into InputDocuments: encodings with front matter, raw-bytes hashes, failures instead of crashes."""

import hashlib
import os
from pathlib import Path

import pytest

from pipeline.core.errors import InputError
from pipeline.core.records import InputFailure, Meta
from pipeline.core.settings import Settings
from pipeline.ingest.read import InputDocument, read_documents, read_source
from pipeline.ingest.walk import walk_corpus

from ..common import DATA


def test_cp1251_and_koi8_files_with_front_matter():
    cp = read_source(DATA / "corpus/ru/kaluga-cp1251.txt", "ru/kaluga-cp1251", Settings())
    koi = read_source(DATA / "corpus/ru/yaroslavl-koi8.txt", "ru/yaroslavl-koi8", Settings())
    assert cp.text.startswith("В понедельник в Калуге") and cp.meta.published == "2012-05-14"
    assert koi.text.startswith("Во вторник, 29 мая 2012 года") and koi.meta.title == "Пикет в Ярославле"


def test_sha256_is_of_the_raw_bytes():
    path = DATA / "corpus/ru/kaluga-cp1251.txt"
    assert read_source(path, "x", Settings()).sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_bad_files_become_failures_and_the_rest_is_read():
    items = list(read_documents(walk_corpus([DATA / "bad"], Settings()), Settings()))
    failures = {Path(i.path).name: i.error for i in items if isinstance(i, InputFailure)}
    reasons = {name: error.split(": ", 1)[1] for name, error in failures.items()}
    assert reasons.pop("broken-front-matter.md").startswith("broken front matter (line 3)")
    assert reasons == {"empty.txt": "empty file", "binary.txt": "binary file (NUL bytes); expected text or HTML",
                       "latin1.txt": "cannot decode as UTF-8, cp1251 or KOI8-R; is it a text file?"}
    assert all(error.startswith(str(DATA / "bad")) for error in failures.values())  # each names its file
    assert [i.id for i in items if not isinstance(i, InputFailure)] == ["good"]


def test_two_files_with_one_document_id_the_second_is_refused(tmp_path):
    (tmp_path / "note.txt").write_text("The Left Front met.\n", encoding="utf-8")
    (tmp_path / "note.md").write_text("The Left Front met again.\n", encoding="utf-8")
    items = list(read_documents(walk_corpus([tmp_path], Settings()), Settings()))
    assert [i.text for i in items if not isinstance(i, InputFailure)] == ["The Left Front met again.\n"]
    (failure,) = [i for i in items if isinstance(i, InputFailure)]
    assert failure.path.endswith("note.txt") and "same document id 'note'" in failure.error


def test_too_large_file_is_refused_with_the_setting_to_change(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("word " * 300_000)
    with pytest.raises(InputError, match="max_file_mb"):
        read_source(big, "big", Settings(max_file_mb=1))


def _walked(tmp_path, **settings):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("The Left Front met in Moscow.\n", encoding="utf-8")
    (corpus / "b.txt").write_text("Левый фронт собрался в Москве.\n", encoding="utf-8")
    return corpus, walk_corpus([corpus], Settings(**settings))


def _by_name(items) -> dict[str, InputDocument | InputFailure]:
    return {Path(item.path).name: item for item in items}


CHANGED = "changed since the folder was listed (now a symbolic link or another file); not read"


def test_a_file_swapped_for_a_symbolic_link_after_the_walk_is_not_read(tmp_path):
    corpus, walk = _walked(tmp_path)
    (tmp_path / "secret.txt").write_text("root:x:0:0:secret\n")
    (corpus / "a.txt").unlink()
    (corpus / "a.txt").symlink_to(tmp_path / "secret.txt")
    items = _by_name(read_documents(walk, Settings()))
    assert items["a.txt"].error == f"{corpus / 'a.txt'}: {CHANGED}"
    assert items["b.txt"].text == "Левый фронт собрался в Москве.\n"


def test_a_file_swapped_for_another_file_or_a_pipe_after_the_walk_is_not_read(tmp_path):
    corpus, walk = _walked(tmp_path)
    (tmp_path / "other.txt").write_text("Another text.\n")
    os.replace(tmp_path / "other.txt", corpus / "a.txt")
    (corpus / "b.txt").unlink()
    os.mkfifo(corpus / "b.txt")  # opening it must not wait for a writer
    items = _by_name(read_documents(walk, Settings()))
    assert items["b.txt"].error == f"{corpus / 'b.txt'}: {CHANGED}"
    assert items["a.txt"].error == f"{corpus / 'a.txt'}: {CHANGED}"  # (other.txt had its own inode)


def test_a_symbolic_link_the_walk_followed_is_read_and_checked_against_its_target(tmp_path):
    corpus, _ = _walked(tmp_path)
    (tmp_path / "outside.txt").write_text("Outside text.\n")
    (corpus / "c.txt").symlink_to(tmp_path / "outside.txt")
    walk = walk_corpus([corpus], Settings(follow_symlinks=True))
    assert _by_name(read_documents(walk, Settings()))["c.txt"].text == "Outside text.\n"
    (tmp_path / "elsewhere.txt").write_text("Elsewhere.\n")
    (corpus / "c.txt").unlink()
    (corpus / "c.txt").symlink_to(tmp_path / "elsewhere.txt")
    assert _by_name(read_documents(walk, Settings()))["c.txt"].error == f"{corpus / 'c.txt'}: {CHANGED}"


def test_read_source_without_a_walk_follows_links_and_checks_nothing(tmp_path):
    (tmp_path / "a.txt").write_text("The Left Front met.\n")
    (tmp_path / "link.txt").symlink_to("a.txt")
    assert read_source(tmp_path / "link.txt", "link", Settings()).text == "The Left Front met.\n"


@pytest.mark.parametrize("exc, reason", [
    (ValueError("bad value"), "cannot read (ValueError: bad value)"),
    (LookupError("unknown encoding: x"), "cannot read (LookupError: unknown encoding: x)"),
    (RuntimeError("first line\nsecond line"), "cannot read (RuntimeError: first line second line)"),
    (OverflowError("date value out of range"), "cannot read (OverflowError: date value out of range)"),
    (UnicodeError("x"), "cannot read (UnicodeError: x)"),
    (RecursionError("maximum recursion depth exceeded"), "nested too deeply to read (RecursionError)"),
    (MemoryError(), "too large to read into memory (MemoryError)"),
])
def test_any_exception_reading_one_file_is_that_files_failure_on_one_line(tmp_path, monkeypatch, exc, reason):
    corpus, walk = _walked(tmp_path)

    def split(text, path):
        if path.name == "a.txt":
            raise exc
        return text, Meta()

    monkeypatch.setattr("pipeline.ingest.read.split_front_matter", split)
    items = _by_name(read_documents(walk, Settings()))
    assert items["a.txt"].error == f"{corpus / 'a.txt'}: {reason}"
    assert items["b.txt"].text == "Левый фронт собрался в Москве.\n"


def test_a_utf8_file_with_a_stray_byte_is_read_with_a_warning(tmp_path):
    text = "Левый фронт собрался в Москве 9 марта 2011 года.\n" * 3
    raw = text.encode()
    (tmp_path / "stray.txt").write_bytes(raw[:22] + b"\xc0" + raw[22:])
    document = read_source(tmp_path / "stray.txt", "stray", Settings())
    assert document.text == raw[:22].decode() + "\ufffd" + raw[22:].decode()
    assert document.warnings == [
        f"{tmp_path / 'stray.txt'}: not valid UTF-8 at bytes 22; read as UTF-8 with replacement characters"]
