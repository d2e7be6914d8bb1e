"""The stage sequence on records: link the corpus, then relate each record, streaming the records twice."""

from __future__ import annotations

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
