"""link_entities(documents) -> entities: one id per real-world thing, across documents and both languages.

Within a document, mentions of one label are joined when they are the same name, an acronym of a name
(initials), a name and the name given in brackets after it, a name and its translation on the next line,
a Russian generic noun and the quoted name after it (лиги «Вперёд»), or a surname/short form and the one
full name it ends. Across documents, clusters are joined by the gazetteer id their names map to, by the
same distinctive name, or by a Russian name whose transliteration is an English name. Two different
gazetteer ids are never joined, and generic names ("Central Council") are never joined across documents.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from ..core.errors import InputError
from ..core.records import Document, Entity, Mention
from ..normalise.translit import slug
from .aliases import within_document_links
from .keys import GENERIC, gazetteer_index, is_generic, mention_keys, name_key

_PREFIX = {"ORG": "org", "LOC": "loc", "PER": "per"}


class _MentionForLinking(NamedTuple):
    """What linking keeps of a mention."""

    id: str
    label: str
    lang: str
    normal: str
    text: str
    translit: str | None
    start: int


@dataclass
class _Cluster:
    label: str
    mentions: list[tuple[str, Mention]] = field(default_factory=list)
    keys: set[str] = field(default_factory=set)
    gazetteer: Counter = field(default_factory=Counter)


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def link_entities(documents: list[Document], gazetteer_path: Path,
                  previous: dict[tuple[str, str], str] | None = None) -> list[Entity]:
    """Set mention.entity on every non-DATE mention and return the entities, sorted by id.

    previous: (label, name key) -> id from an earlier run's entities.jsonl, so that ids stay as they were.
    """
    entities, assignment = link(documents, gazetteer_path, previous)
    for doc in documents:
        assign(doc, assignment)
    return entities


def link(documents: Iterable[Document], gazetteer_path: Path, previous: dict[tuple[str, str], str] | None = None
         ) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    """The entities, and (document id, mention id) -> entity id; reads each document once and keeps only a
    small summary of its mentions, so a corpus can be linked as a stream."""
    index, display = gazetteer_index(gazetteer_path)
    clusters: list[_Cluster] = []
    for doc in documents:
        clusters += _document_clusters(doc, index)
    merged = _merge_across_documents(clusters)
    return _entities(merged, display, previous or {})


def assign(doc: Document, assignment: dict[tuple[str, str], str]) -> None:
    """Set each mention's entity id from a linking result."""
    for m in doc.mentions:
        m.entity = assignment.get((doc.id, m.id))


def _document_clusters(doc: Document, index: dict[tuple[str, str], str]) -> list[_Cluster]:
    mentions = [m for m in doc.mentions if m.label != "DATE"]
    union = _Union(len(mentions))
    by_key: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        for key in mention_keys(m):
            if (m.label, key) in by_key:
                union.join(by_key[(m.label, key)], i)
            else:
                by_key[(m.label, key)] = i
    known = [next((index[(m.label, k)] for k in sorted(mention_keys(m)) if (m.label, k) in index), None)
             for m in mentions]
    for i, j, _ in within_document_links(doc.text, doc.mentions, mentions):
        if known[i] is None or known[j] is None or known[i] == known[j]:
            union.join(i, j)
    groups: dict[int, _Cluster] = {}
    for i, m in enumerate(mentions):
        cluster = groups.setdefault(union.find(i), _Cluster(m.label))
        kept = _MentionForLinking(m.id, m.label, m.lang, m.normal, m.text, m.translit, m.start)
        cluster.mentions.append((doc.id, kept))
        keys = mention_keys(m)
        cluster.keys |= keys
        for key in keys:
            if (m.label, key) in index:
                cluster.gazetteer[index[(m.label, key)]] += 1
                break
    return [groups[k] for k in sorted(groups)]


def _distinctive(cluster: _Cluster) -> set[str]:
    """Keys that may join clusters of different documents: no generic names, no single-word persons."""
    out = set()
    keys = set().union(*(mention_keys(m) for _, m in cluster.mentions if not is_generic(m)))
    for key in keys:
        words = key.split()
        if all(w in GENERIC for w in words):
            continue
        if cluster.label == "PER" and len(words) < 2:
            continue
        if len(key) < 3:
            continue
        out.add(key)
    return out


def _merge_across_documents(clusters: list[_Cluster]) -> list[_Cluster]:
    union = _Union(len(clusters))
    gazetteer_of = {i: (c.gazetteer.most_common(1)[0][0] if c.gazetteer else None) for i, c in enumerate(clusters)}
    roots_gazetteer = dict(gazetteer_of)

    def allowed(ra: int, rb: int) -> bool:
        ga, gb = roots_gazetteer.get(ra), roots_gazetteer.get(rb)
        return ga is None or gb is None or ga == gb

    def join(i: int, j: int) -> None:
        ri, rj = union.find(i), union.find(j)
        if ri == rj or not allowed(ri, rj):
            return
        union.join(ri, rj)
        root = union.find(ri)
        roots_gazetteer[root] = roots_gazetteer.get(ri) or roots_gazetteer.get(rj)

    first_with: dict[tuple[str, str], int] = {}
    for i, c in enumerate(clusters):
        handles = {("gazetteer", gazetteer_of[i])} if gazetteer_of[i] else set()
        handles |= {(c.label, key) for key in _distinctive(c)}
        for handle in sorted(handles):
            if handle in first_with:
                join(first_with[handle], i)
            else:
                first_with[handle] = i
    groups: dict[int, _Cluster] = {}
    for i, c in enumerate(clusters):
        target = groups.setdefault(union.find(i), _Cluster(c.label))
        target.mentions += c.mentions
        target.keys |= c.keys
        target.gazetteer.update(c.gazetteer)
    return [groups[k] for k in sorted(groups)]


def _entities(clusters: list[_Cluster], display: dict[str, str],
              previous: dict[tuple[str, str], str]) -> tuple[list[Entity], dict[tuple[str, str], str]]:
    taken: set[str] = set()
    planned = []
    for cluster in sorted(clusters, key=lambda c: (c.mentions[0][0], c.mentions[0][1].start)):
        gazetteer_id = cluster.gazetteer.most_common(1)[0][0] if cluster.gazetteer else None
        names: dict[str, Counter] = defaultdict(Counter)
        for _, m in cluster.mentions:
            names[m.lang][m.normal] += 1
        # an earlier run's id only for the same name; a person's one word (a surname, a first name) is no name:
        # "Иванов" in one text and "Igor Ivanov" in another may be two people
        earlier = Counter(previous[(cluster.label, k)] for k in cluster.keys
                          if (cluster.label, k) in previous and (cluster.label != "PER" or " " in k))
        entity_id = gazetteer_id or next((i for i, _ in sorted(earlier.items(), key=lambda x: (-x[1], x[0]))
                                          if i not in taken), None)
        if entity_id is None:
            base = f"{_PREFIX[cluster.label]}:{slug(_id_name(names))}"
            entity_id, n = base, 1
            while entity_id in taken:
                n += 1
                entity_id = f"{base}-{n}"
        taken.add(entity_id)
        planned.append((entity_id, cluster, names))
    entities, assignment = [], {}
    for entity_id, cluster, names in planned:
        for doc_id, m in cluster.mentions:
            assignment[(doc_id, m.id)] = entity_id
        preferred = display.get(entity_id) or _id_name(names)
        entities.append(Entity(
            id=entity_id,
            label=cluster.label,
            name=preferred,
            names={lang: sorted(c, key=lambda n: (-c[n], n)) for lang, c in sorted(names.items())},
            mentions=len(cluster.mentions),
            documents=sorted({doc_id for doc_id, _ in cluster.mentions}),
        ))
    return sorted(entities, key=lambda e: e.id), assignment


def _id_name(names: dict[str, Counter]) -> str:
    """The name an entity is known by: its most frequent English name of several words, else any."""
    for lang in ("en", "ru"):
        counts = names.get(lang)
        if counts:
            return sorted(counts, key=lambda n: (-(len(n.split()) > 1), -counts[n], -len(n), n))[0]
    return "x"


def previous_ids(path: Path) -> dict[tuple[str, str], str]:
    """(label, name key) -> id from an earlier run's entities.jsonl; empty when there is none. InputError when
    it is there but unreadable (the caller warns, and the ids are then new)."""
    out: dict[tuple[str, str], str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return out
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: unreadable ({getattr(exc, 'strerror', None) or exc})") from None
    for number, line in enumerate(lines, 1):
        try:
            entity = Entity.model_validate_json(line)
        except ValueError:
            raise InputError(f"{path}:{number}: not an entity record") from None
        for names in entity.names.values():
            for name in names:
                out.setdefault((entity.label, name_key(name)), entity.id)
    return out
    for line in lines:
        try:
            entity = Entity.model_validate_json(line)
        except ValueError:
            return {}
        for names in entity.names.values():
            for name in names:
                out.setdefault((entity.label, name_key(name)), entity.id)
    return out
