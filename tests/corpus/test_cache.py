"""The result cache: a record comes back only for the same document, bytes and extraction key; damage is survived."""

from __future__ import annotations

import sqlite3

from pipeline.core.records import Relation
from pipeline.core.resources import DEFAULT_GAZETTEER
from pipeline.core.settings import Settings
from pipeline.corpus.cache import FILE_NAME, Cache, extraction_key

from ..common import record


def _stored(tmp_path):
    doc = record("The Left Front met in Moscow.", [("Left Front", "ORG"), ("Moscow", "LOC")], doc_id="en/a")
    doc = doc.model_copy(update={"sha256": "abc"})
    doc._sentences = [(0, 29)]
    cache = Cache(tmp_path / FILE_NAME)
    cache.put(doc, "key1")
    return cache, doc


def test_a_record_comes_back_whole_with_its_sentences(tmp_path):
    cache, doc = _stored(tmp_path)
    back = cache.get("en/a", "abc", "key1")
    assert back == doc and back._sentences == [(0, 29)]
    assert cache.has("en/a", "abc", "key1")


def test_other_bytes_or_another_extraction_key_miss(tmp_path):
    cache, _ = _stored(tmp_path)
    assert cache.get("en/a", "abd", "key1") is None and not cache.has("en/a", "abc", "key2")
    assert cache.get("en/b", "abc", "key1") is None


def test_records_survive_closing_and_a_dropped_one_is_gone(tmp_path):
    cache, _ = _stored(tmp_path)
    cache.close()
    reopened = Cache(tmp_path / FILE_NAME)
    assert reopened.has("en/a", "abc", "key1")
    reopened.drop("en/a")
    assert not reopened.has("en/a", "abc", "key1")


def test_a_damaged_row_reads_as_missing(tmp_path):
    cache, _ = _stored(tmp_path)
    cache.close()
    with sqlite3.connect(tmp_path / FILE_NAME) as db:
        db.execute("UPDATE documents SET record = '{broken' WHERE id = 'en/a'")
    assert Cache(tmp_path / FILE_NAME).get("en/a", "abc", "key1") is None


def test_the_key_changes_with_settings_and_looked_for_names_but_not_with_ids(tmp_path):
    gazetteer = tmp_path / "g.tsv"
    gazetteer.write_text("loc:tula\tLOC\tTula\tТула\n", encoding="utf-8")
    base = extraction_key(Settings(), gazetteer)
    assert base == extraction_key(Settings(), gazetteer)
    assert base != extraction_key(Settings(mixed_share=0.25), gazetteer)
    gazetteer.write_text("loc:tula-city\tLOC\tTula | ~Tula-city\tТула\n", encoding="utf-8")  # linking only
    assert extraction_key(Settings(), gazetteer) == base
    gazetteer.write_text("loc:tula\tLOC\tTula | Tula City\tТула\n", encoding="utf-8")  # a new name to look for
    assert extraction_key(Settings(), gazetteer) != base
    assert extraction_key(Settings(), DEFAULT_GAZETTEER) != base


def test_relations_come_back_only_for_the_same_entity_ids(tmp_path):
    cache, doc = _stored(tmp_path)
    doc.mentions[0].entity, doc.mentions[1].entity = "org:left-front", "loc:moscow"
    assert cache.relations(doc, "key1") is None
    doc.relations = [Relation(type="headquartered_in", head="m1", tail="m2", evidence=(0, 29), pattern="tree:hq",
                              confidence=0.85)]
    cache.keep_relations(doc, "key1")
    cache.close()
    cache = Cache(tmp_path / FILE_NAME)
    assert cache.relations(doc, "key1") == doc.relations
    assert cache.relations(doc, "key2") is None  # another extraction
    doc.mentions[1].entity = "loc:moscow-oblast"  # linked otherwise: the relations are read again
    assert cache.relations(doc, "key1") is None


def test_a_record_read_without_its_parse_gets_it_on_demand(tmp_path):
    cache, doc = _stored(tmp_path)
    back = cache.get("en/a", "abc", "key1", parse=False)
    assert back.model_dump() == doc.model_dump() and back._sentences == []
    assert cache.add_parse(back, "key1") and back._sentences == [(0, 29)]


def _many(tmp_path, count: int = 200) -> None:
    cache, doc = _stored(tmp_path)
    for number in range(count):
        cache.put(doc.model_copy(update={"id": f"en/{number:04d}", "text": doc.text + " " * 400}), "key1")
    cache.close()


def _cut(path, size: int) -> None:
    with open(path, "r+b") as handle:
        handle.truncate(size)


def test_a_cache_file_that_is_no_database_is_set_aside_with_a_warning_and_made_anew(tmp_path):
    (tmp_path / FILE_NAME).write_bytes(b"\x8f random bytes that are no SQLite file " * 50)

    cache = Cache(tmp_path / FILE_NAME)

    assert cache.damaged.startswith(f"{tmp_path / FILE_NAME}: the cache was damaged")
    (kept,) = tmp_path.glob(f"{FILE_NAME}.damaged-*")
    assert kept.name in cache.damaged and kept.read_bytes().startswith(b"\x8f random")
    assert not cache.has("en/a", "abc", "key1")
    cache.put(record("Yabloko met.", [("Yabloko", "ORG")], doc_id="en/b"), "key1")
    assert Cache(tmp_path / FILE_NAME).damaged is None  # the new one is sound


def test_a_truncated_cache_file_is_set_aside_when_opened(tmp_path):
    _many(tmp_path)
    _cut(tmp_path / FILE_NAME, 3000)  # the header and part of the schema

    cache = Cache(tmp_path / FILE_NAME)

    assert cache.damaged and len(list(tmp_path.glob(f"{FILE_NAME}.damaged-*"))) == 1
    assert not cache.has("en/0001", "abc", "key1")


def test_an_intact_cache_is_not_called_damaged(tmp_path):
    _many(tmp_path, 3)
    cache = Cache(tmp_path / FILE_NAME)
    assert cache.damaged is None and cache.has("en/0001", "abc", "key1")
