"""The walk: every supported file below the given paths, once, with its document id."""

import os

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


def _refused(walk) -> dict[str, str]:
    return {failure.path.rsplit("/", 1)[1]: failure.error.split(": ", 1)[1] for failure in walk.refused}


def test_symbolic_link_loops_are_each_refused_and_the_walk_goes_on(tmp_path):
    corpus = _corpus(tmp_path)
    (corpus / "self.txt").symlink_to("self.txt")
    (corpus / "a.txt").symlink_to("b.txt")
    (corpus / "b.txt").symlink_to("a.txt")
    (corpus / "ru" / "up").symlink_to("..")  # a folder loop
    walk = walk_corpus([corpus], Settings())
    assert sorted(doc_id for _, doc_id in walk.files) == ["en", "ru/doc"]
    assert _refused(walk) == {name: "symbolic link loop; not followed" for name in ("a.txt", "b.txt", "self.txt",
                                                                                    "up")}
    assert all(failure.error.startswith(failure.path + ": ") for failure in walk.refused)


def test_broken_and_outside_links_and_devices_are_refused(tmp_path):
    corpus = _corpus(tmp_path)
    (tmp_path / "outside.txt").write_text("Outside.\n")
    (corpus / "broken.txt").symlink_to("missing.txt")
    (corpus / "out.txt").symlink_to(tmp_path / "outside.txt")
    (corpus / "inside.txt").symlink_to("en.txt")
    os.mkfifo(corpus / "pipe.txt")
    walk = walk_corpus([corpus], Settings())
    assert _refused(walk) == {
        "broken.txt": "broken symbolic link", "pipe.txt": "not a regular file",
        "out.txt": f"symbolic link to {tmp_path / 'outside.txt'}, outside the corpus; not followed (set "
                   "follow_symlinks = true in the config to read it)"}
    assert sorted(doc_id for _, doc_id in walk.files) == ["en", "ru/doc"]  # inside.txt is en.txt, read once
    followed = walk_corpus([corpus], Settings(follow_symlinks=True))
    assert sorted(doc_id for _, doc_id in followed.files) == ["en", "out", "ru/doc"]
    assert followed.linked == {corpus / "out.txt"}


def test_a_root_that_is_a_symbolic_link_loop_is_a_clear_error(tmp_path):
    import pytest

    from pipeline.core.errors import InputError

    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(InputError, match="no such file or folder"):
        walk_corpus([tmp_path / "loop"], Settings())


def test_the_walk_remembers_each_files_identity(tmp_path):
    corpus = _corpus(tmp_path)
    walk = walk_corpus([corpus], Settings())
    for path, _ in walk.files:
        info = path.stat()
        assert walk.seen[path] == (info.st_dev, info.st_ino)
    assert walk.linked == set()
