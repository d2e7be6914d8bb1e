"""Reading files into InputDocuments: encodings with front matter, raw-bytes hashes, failures instead of crashes."""

import hashlib
from pathlib import Path

import pytest

from pipeline.core.errors import InputError
from pipeline.core.records import InputFailure
from pipeline.core.settings import Settings
from pipeline.ingest.read import read_documents, read_source
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
