"""The walk: every supported file below the given paths, once, with its document id."""

from pipeline.core.settings import Settings
from pipeline.ingest.walk import walk_corpus

from ..common import DATA


def test_walk_gives_ids_below_the_root_and_skips_other_extensions():
    walk = walk_corpus([DATA / "corpus"], Settings())
    assert [doc_id for _, doc_id in walk.files] == [
        "en/branches", "ru/kaluga-cp1251", "ru/novosibirsk", "ru/yaroslavl-koi8"]
    assert walk.skipped == [(DATA / "corpus/notes.csv").as_posix()]


def _corpus(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "ru").mkdir(parents=True)
    (corpus / "en.txt").write_text("The Left Front met in Moscow.\n", encoding="utf-8")
    (corpus / "ru" / "doc.txt").write_text("Левый фронт собрался в Москве.\n", encoding="utf-8")
    return corpus


def test_a_file_reached_twice_is_one_document_with_its_id_below_the_outermost_folder(tmp_path):
    corpus = _corpus(tmp_path)
    for paths in ([corpus, corpus], [corpus, corpus / "ru"], [corpus / "ru", corpus], [corpus / "ru" / "doc.txt",
                                                                                          corpus]):
        walk = walk_corpus(paths, Settings())
        assert sorted(doc_id for _, doc_id in walk.files) == ["en", "ru/doc"], paths


def test_nothing_below_the_output_folder_is_read(tmp_path):
    corpus = _corpus(tmp_path)
    out = corpus / "out"
    out.mkdir()
    (out / "review.html").write_text("<html><body>The review page</body></html>", encoding="utf-8")
    (out / "notes.txt").write_text("Not a source.\n", encoding="utf-8")
    walk = walk_corpus([corpus], Settings(), out)
    assert sorted(doc_id for _, doc_id in walk.files) == ["en", "ru/doc"]
    assert walk.skipped == []
    assert len(walk_corpus([corpus], Settings()).files) == 4  # without an output folder, all are read


def test_the_output_folder_given_as_input_is_a_clear_error(tmp_path):
    import pytest

    from pipeline.core.errors import InputError

    corpus = _corpus(tmp_path)
    with pytest.raises(InputError, match="is the output folder"):
        walk_corpus([corpus / "ru"], Settings(), corpus)
