"""link_entities(documents) -> entities: one id per real-world thing, across documents and both languages.

Within a document, mentions of one label are joined when they are the same name, an acronym of a name
(initials), a name and the name given in brackets after it, a name and its translation on the next line,
a Russian generic noun and the quoted name after it (лиги «Вперёд»), or a surname/short form and the one
full name it ends. Across documents, clusters are joined by the gazetteer id their names map to, by the
same distinctive name, or by a Russian name whose transliteration is an English name. Two different
gazetteer ids are never joined, and generic names ("Central Council") are never joined across documents.
"""

from __future__ import annotations

import re
from functools import lru_cache
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .gazetteer import load_gazetteer
from .names import initials
from .schema import Document, Entity, Mention
from .translit import latin_key, slug

_PREFIX = {"ORG": "org", "LOC": "loc", "PER": "per"}
_GENERIC = {
    "council", "committee", "board", "executive", "central", "presidium", "bureau", "secretariat", "government",
    "assembly", "congress", "conference", "party", "movement", "union", "league", "front", "international",
    "organisation", "organization", "group", "the", "of", "and", "political", "national", "federal",
    "совет", "комитет", "исполком", "центральный", "исполнительный", "правление", "президиум", "бюро",
    "секретариат", "правительство", "съезд", "конференция", "партия", "движение", "союз", "лига", "фронт",
    "интернационал", "организация", "группа", "федерация", "политсовет", "координационный", "и",
}
_TRANSLATION_CUE = re.compile(r"^\s*\(\s*(?:(?:in\s+)?(?:russian|english)|рус\.?|русск\.?|англ\.?)?\s*:?\s*$", re.I)


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A comparison key for a name: case, ё, quotes, hyphens, "the" and "St." spellings folded."""
    key = text.casefold().replace("ё", "е").replace("’", "'")
    key = re.sub(r"[«»\"“”„]", "", key)
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"\bst\.?\s*(?=[a-z])", "saint ", key)
    key = re.sub(r"[-‐–—]", " ", key)
    return " ".join(key.split())


class _Light(NamedTuple):
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
    index, display = _gazetteer_index(gazetteer_path)
    clusters: list[_Cluster] = []
    for doc in documents:
        clusters += _document_clusters(doc, index)
    merged = _merge_across_documents(clusters)
    return _entities(merged, display, previous or {})


def assign(doc: Document, assignment: dict[tuple[str, str], str]) -> None:
    """Set each mention's entity id from a linking result."""
    for m in doc.mentions:
        m.entity = assignment.get((doc.id, m.id))


def _gazetteer_index(path: Path) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    index: dict[tuple[str, str], str] = {}
    display: dict[str, str] = {}
    for entry in load_gazetteer(path):
        display[entry.id] = (entry.names.get("en") or entry.names.get("ru"))[0].lstrip("~")
        for lang, names in entry.names.items():
            for name in (n.lstrip("~") for n in names):
                index.setdefault((entry.label, name_key(name)), entry.id)
                if lang == "ru" and (key := latin_key(name)):
                    index.setdefault((entry.label, name_key(key)), entry.id)
    return index, display


def _keys(mention: Mention) -> set[str]:
    keys = {name_key(mention.normal), name_key(mention.text)}
    if mention.translit:
        keys.add(name_key(mention.translit))
    return {k for k in keys if k}


def _document_clusters(doc: Document, index: dict[tuple[str, str], str]) -> list[_Cluster]:
    mentions = [m for m in doc.mentions if m.label != "DATE"]
    union = _Union(len(mentions))
    by_key: dict[tuple[str, str], int] = {}
    for i, m in enumerate(mentions):
        for key in _keys(m):
            if (m.label, key) in by_key:
                union.join(by_key[(m.label, key)], i)
            else:
                by_key[(m.label, key)] = i
    known = [next((index[(m.label, k)] for k in sorted(_keys(m)) if (m.label, k) in index), None) for m in mentions]
    for i, j, _ in _within_document_links(doc.text, doc.mentions, mentions):
        if known[i] is None or known[j] is None or known[i] == known[j]:
            union.join(i, j)
    groups: dict[int, _Cluster] = {}
    for i, m in enumerate(mentions):
        cluster = groups.setdefault(union.find(i), _Cluster(m.label))
        cluster.mentions.append((doc.id, _Light(m.id, m.label, m.lang, m.normal, m.text, m.translit, m.start)))
        keys = _keys(m)
        cluster.keys |= keys
        for key in keys:
            if (m.label, key) in index:
                cluster.gazetteer[index[(m.label, key)]] += 1
                break
    return [groups[k] for k in sorted(groups)]


def _within_document_links(text: str, all_mentions: list[Mention], mentions: list[Mention]):
    """Pairs of mention indexes that name one thing by the document's own wording."""
    dates = [(m.start, m.end) for m in all_mentions if m.label == "DATE"]
    by_initials: dict[str, list[int]] = defaultdict(list)
    for j, b in enumerate(mentions):
        if b.label == "ORG" and len(b.text.split()) > 1:
            by_initials[initials(b.normal)].append(j)
    for i, a in enumerate(mentions):
        if a.label == "ORG" and re.fullmatch(r"[A-ZА-ЯЁ]{2,6}", a.text):
            for j in by_initials.get(a.text, ()):
                yield i, j, "acronym"
        for j in range(i + 1, min(i + 3, len(mentions))):
            b = mentions[j]
            if a.label != b.label:
                continue
            between = text[a.end:b.start]
            if a.label == "ORG" and _TRANSLATION_CUE.match(between) and not _dated_brackets(text, b.end, dates):
                yield i, j, "bracket"  # "Sotsialisticheskoye Soprotivleniye (Socialist Resistance)"
            elif a.label == "ORG" and re.fullmatch(r"\s+[«\"„]", between) and text[b.end:b.end + 1] in "»\"“":
                yield i, j, "quoted-name"  # "Социалистической лиги «Вперёд»"
            elif a.label == "ORG" and _translation_lines(text, a, b):
                yield i, j, "translation-line"
    endings: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)
    for j, b in enumerate(mentions):
        key = name_key(b.normal)
        if len(b.normal.split()) > 1 and key:
            endings[(b.label, key.split()[-1])].setdefault(key, j)
    for i, a in enumerate(mentions):
        if len(a.text.split()) != 1 or a.label not in ("PER", "ORG") or not a.text[:1].isupper():
            continue
        fuller = endings.get((a.label, name_key(a.normal)), {})
        if len(fuller) == 1:  # "Kothari" and the one "Arham Kothari"; never when two full names end so
            yield i, next(iter(fuller.values())), "short-form"


def _dated_brackets(text: str, start: int, dates: list[tuple[int, int]]) -> bool:
    """A bracket that also holds a date is a citation ("Wayback Machine (Moskovskiye Novosti, 27 July 2011)")."""
    close = text.find(")", start)
    end = close if close >= 0 else min(len(text), start + 200)
    return any(start <= a < end for a, _ in dates)


def alias_pairs(text: str, mentions: list[Mention]) -> list[tuple[Mention, Mention, str]]:
    """(secondary name, primary name, how) for the aliases a document states: acronyms, bracketed and
    next-line translations. The primary is the full or first-given name; for an acronym, its nearest
    preceding expansion."""
    names = sorted((m for m in mentions if m.label != "DATE"), key=lambda m: m.start)
    expansions: dict[str, list[Mention]] = defaultdict(list)
    for n in names:
        if n.label == "ORG" and len(n.text.split()) > 1:
            expansions[initials(n.normal)].append(n)
    out = []
    for i, j, kind in _within_document_links(text, mentions, names):
        a, b = names[i], names[j]
        if kind == "acronym":
            if b.start < a.start and not any(b.start < c.start < a.start for c in expansions.get(a.text, ())):
                out.append((a, b, kind))  # the nearest preceding expansion
        elif kind in ("bracket", "translation-line"):
            out.append((b, a, kind))
    return out


def _translation_lines(text: str, a: Mention, b: Mention) -> bool:
    """Two consecutive lines that are each exactly one name, one in Latin and one in Cyrillic letters."""
    if text[a.end:b.start].strip() or "\n" not in text[a.end:b.start]:
        return False
    line_a = text[text.rfind("\n", 0, a.start) + 1:text.find("\n", a.end) if "\n" in text[a.end:] else len(text)]
    line_b_end = text.find("\n", b.end)
    line_b = text[text.rfind("\n", 0, b.start) + 1:line_b_end if line_b_end >= 0 else len(text)]
    scripts = {bool(re.search("[А-Яа-яЁё]", a.text)), bool(re.search("[А-Яа-яЁё]", b.text))}
    return line_a.strip() == a.text and line_b.strip() == b.text and scripts == {True, False}


def _generic(mention: Mention) -> bool:
    return all(w in _GENERIC for w in name_key(mention.normal).split())


def _distinctive(cluster: _Cluster) -> set[str]:
    """Keys that may join clusters of different documents: no generic names, no single-word persons."""
    out = set()
    keys = set().union(*(_keys(m) for _, m in cluster.mentions if not _generic(m))) if cluster.mentions else set()
    for key in keys:
        words = key.split()
        if all(w in _GENERIC for w in words):
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
        earlier = Counter(previous[(cluster.label, k)] for k in cluster.keys if (cluster.label, k) in previous)
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
    """(label, name key) -> id from an earlier run's entities.jsonl; empty when there is none or it is unreadable."""
    out: dict[tuple[str, str], str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
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
