"""The walk: every supported file below the given paths, once, with its document id."""

from pipeline.core.settings import Settings
from pipeline.ingest.walk import walk_corpus

from ..common import DATA


def test_walk_gives_ids_below_the_root_and_skips_other_extensions():
    walk = walk_corpus([DATA / "corpus"], Settings())
    assert [doc_id for _, doc_id in walk.files] == [
        "en/branches", "ru/kaluga-cp1251", "ru/novosibirsk", "ru/yaroslavl-koi8"]
    assert walk.skipped == [(DATA / "corpus/notes.csv").as_posix()]
