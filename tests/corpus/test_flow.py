"""The stage sequence on records: link the corpus, then relate each record, streaming the records twice."""

from __future__ import annotations

import sys

import pytest

from pipeline.core.resources import DEFAULT_GAZETTEER
from pipeline.corpus.flow import link_and_relate

from ..common import record


def test_records_are_read_twice_linked_then_related_one_at_a_time():
    texts = {"a": "The Left Front was founded on 12 May 2009.", "b": "Members of the Left Front met in Moscow."}
    reads = []

    def records():
        reads.append("pass")
        yield record(texts["a"], [("Left Front", "ORG"), ("12 May 2009", "DATE")], doc_id="a",
                     **{"12 May 2009": {"value": "2009-05-12"}})
        yield record(texts["b"], [("Left Front", "ORG"), ("Moscow", "LOC")], doc_id="b")

    entities, related = link_and_relate(records, DEFAULT_GAZETTEER)
    assert reads == ["pass"]  # linked; the relations wait until asked for
    docs = list(related)
    assert reads == ["pass", "pass"]
    assert [e.id for e in entities] == ["loc:moscow", "org:left-front"]
    assert {m.entity for d in docs for m in d.mentions if m.label == "ORG"} == {"org:left-front"}
    assert [(r.type, r.head, r.tail) for r in docs[0].relations] == [("founded_on", "m1", "m2")]
    assert docs[1].relations == []


class _Kept:
    """Relations remembered by record id (the cache's part in a run)."""

    def __init__(self):
        self.relations = {}

    def get(self, record):
        return self.relations.get(record.id)

    def keep(self, record):
        self.relations[record.id] = record.relations


def _two_records():
    yield record("The Left Front was founded on 12 May 2009.", [("Left Front", "ORG"), ("12 May 2009", "DATE")],
                 doc_id="a", **{"12 May 2009": {"value": "2009-05-12"}})
    yield record("The Left Front is based in Moscow.", [("Left Front", "ORG"), ("Moscow", "LOC")], doc_id="b")


def test_relations_read_once_are_kept_and_a_later_run_takes_them_without_reading_again():
    kept = _Kept()
    _, related = link_and_relate(_two_records, DEFAULT_GAZETTEER, known=kept)
    first = {d.id: [(r.type, r.head, r.tail) for r in d.relations] for d in related}
    assert first == {"a": [("founded_on", "m1", "m2")], "b": [("headquartered_in", "m1", "m2")]}
    assert {i: [(r.type, r.head, r.tail) for r in rs] for i, rs in kept.relations.items()} == first

    def never(records):
        raise AssertionError(f"read again: {[r.id for r in records]}")

    _, related = link_and_relate(_two_records, DEFAULT_GAZETTEER, known=kept, relate=never)
    assert {d.id: [(r.type, r.head, r.tail) for r in d.relations] for d in related} == first


def test_worker_processes_give_each_record_its_own_relations_in_order(monkeypatch):
    from pipeline.core.settings import Settings
    from pipeline.corpus import execute
    from pipeline.corpus.execute import WorkerPool
    from pipeline.corpus.flow import relate_records

    monkeypatch.setattr(execute, "_forks", lambda: False)  # started as on a platform without fork (no models)

    records = [record(f"The {name} was founded in {year}." + " More." * n, [(name, "ORG"), (str(year), "DATE")],
                      doc_id=name, **{str(year): {"value": str(year)}})
               for n, (name, year) in enumerate([("Left Front", 2008), ("Yabloko", 1993), ("Red Youth", 1999),
                                                 ("Other Russia", 2010), ("Labour Russia", 1991)])]
    with WorkerPool(Settings(), 2) as pool:
        pool._started()
        reading = pool.relate(records)
        assert type(reading).__name__ == "_Shared"  # the workers read them, not this process
        shared = reading.get()
    assert shared == relate_records(records)
    assert [[(r.type, records[i].mentions[1].value) for r in rs] for i, rs in enumerate(shared)] == [
        [("founded_on", year)] for year in ("2008", "1993", "1999", "2010", "1991")]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")
def test_workers_are_forked_with_the_models_of_this_process():
    from pipeline.core.settings import Settings
    from pipeline.corpus import execute

    settings = Settings()
    with execute.WorkerPool(settings, 2, models="the models loaded here") as pool:
        # a worker that loaded its own would hand back a Models (after seconds of loading)
        found = pool._started().apply(execute._worker_models, (settings.model_dump_json(),))
    assert found == "the models loaded here"
    assert execute._WORKER == {}  # let go with the pool


def _sample_documents():
    from pipeline.core.settings import Settings
    from pipeline.ingest.read import InputDocument, read_documents
    from pipeline.ingest.walk import walk_corpus

    from ..common import CORPUS

    return [d for d in read_documents(walk_corpus([CORPUS], Settings()), Settings()) if isinstance(d, InputDocument)]


@pytest.mark.models
def test_documents_read_together_are_read_as_each_alone(models):
    from pipeline.corpus.flow import extract_document, extract_documents

    documents = _sample_documents()
    together = extract_documents(models, documents)
    alone = [extract_document(models, d) for d in documents]
    assert [r.model_dump() for r in together] == [r.model_dump() for r in alone]
    assert [(r._sentences, r._syntax) for r in together] == [(r._sentences, r._syntax) for r in alone]


@pytest.mark.models
def test_a_window_that_fails_is_read_document_by_document(models, monkeypatch):
    from pipeline.corpus import execute

    def broken(models, documents):
        raise RuntimeError("one document of the window broke the batch")

    monkeypatch.setattr(execute, "extract_documents", broken)
    documents = _sample_documents()[:3]
    results = list(execute._window(models, documents, None))
    assert [d.id for d, _ in results] == [d.id for d in documents]
    assert all(record is not None and failure is None for _, (record, failure) in results)


def test_a_window_is_dealt_to_the_workers_by_length():
    from pipeline.corpus.execute import _shares
    from pipeline.ingest.read import InputDocument

    window = [InputDocument(id=str(n), path=f"{n}.txt", sha256="", text="x" * size)
              for n, size in enumerate([900, 100, 500, 400, 300, 200, 50, 50])]
    chunks = _shares(window, 2)
    assert sorted(d.id for chunk in chunks for d in chunk) == sorted(d.id for d in window)  # each once
    sizes = [sum(len(d.text) for d in chunk) for chunk in chunks]
    assert max(sizes) - min(sizes) <= 100  # 1,250 and 1,250 here
    assert len(_shares(window[:1], 4)) == 1  # no empty chunk for an idle worker
