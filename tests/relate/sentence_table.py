"""Tables of short English and Russian sentences with the relations each states, and their scorer.

A table (tests/data/relation_sentences/<lang>.tsv) has the columns `sentence`, `facts` and `optional`: facts are
`;`-separated `subject | predicate | object` triples (none for a sentence that states no relation), names as
written (Russian ones in the nominative), dates as ISO values. Optional facts are defensible readings: producing
one is not wrong, missing one is not a miss. The scorer runs every sentence through the pipeline and compares the
relations it produces with the facts, by name, so that the table never depends on mention ids or offsets.

Used by tests/relate/test_sentence_table.py and by benchmarks/relation_sentences.py (the one place of this code).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import process_text
from pipeline.core.records import RELATION_TYPES, Document, Mention

TABLES = Path(__file__).resolve().parent.parent / "data" / "relation_sentences"
LANGS = ("en", "ru")
DATE_TAILS = frozenset({"founded_on", "joined_on"})
UNDIRECTED = frozenset({"alias_of", "affiliated_with"})  # scored in either direction
PUBLISHED = "2026-11-29"  # the published date every sentence is read with
# the contract's head and tail labels (member_of also PER -> ORG, for "a member of"), to tell why a fact was missed
LABELS = {"founded_on": ("ORG", "DATE"), "merged_into": ("ORG", "ORG"), "joined": ("ORG PER", "ORG"),
          "joined_on": ("ORG PER", "DATE"), "member_of": ("ORG PER", "ORG"), "affiliated_with": ("ORG", "ORG"),
          "headquartered_in": ("ORG", "LOC"), "has_branch_in": ("ORG", "LOC"), "located_in": ("LOC ORG", "LOC"),
          "leader_of": ("PER", "ORG"), "publishes": ("ORG", "ORG"), "alias_of": ("ORG", "ORG")}

_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_QUOTES = str.maketrans("", "", "«»\"“”„")
_QUOTED_TAIL = re.compile(r"[«\"“„]([^«»\"“”„]+)[»\"”“]\s*$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Triple:
    """One stated fact: `subject | predicate | object`, the object a date value for founded_on and joined_on."""

    subject: str
    predicate: str
    object: str

    def __str__(self) -> str:
        return f"{self.subject} | {self.predicate} | {self.object}"


@dataclass(frozen=True)
class Row:
    """One sentence of a table with the facts it states (and the defensible ones it may be read as stating)."""

    sentence: str
    lang: str
    facts: tuple[Triple, ...]
    optional: tuple[Triple, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Produced:
    """A relation the pipeline produced, by the text of its mentions (a date by its value), and its pattern."""

    predicate: str
    head: str
    tail: str
    pattern: str | None = None

    def __str__(self) -> str:
        return f"{self.head} | {self.predicate} | {self.tail}" + (f"   [{self.pattern}]" if self.pattern else "")


@dataclass
class Counts:
    """Produced relations and how many are right; expected facts and how many were found."""

    produced: int = 0
    correct: int = 0
    expected: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        """Correct / produced; 1.0 when nothing was produced."""
        return self.correct / self.produced if self.produced else 1.0

    @property
    def recall(self) -> float:
        """Found / expected; 1.0 when nothing was expected."""
        return self.found / self.expected if self.expected else 1.0

    def add(self, other: Counts) -> None:
        """Add another count into this one."""
        self.produced += other.produced
        self.correct += other.correct
        self.expected += other.expected
        self.found += other.found


@dataclass
class Score:
    """A table's score: per language, per (language, type), and the misses and wrong relations with their rows."""

    by_lang: dict[str, Counts] = field(default_factory=dict)
    by_type: dict[tuple[str, str], Counts] = field(default_factory=dict)
    misses: list[tuple[Row, Triple]] = field(default_factory=list)
    wrong: list[tuple[Row, Produced]] = field(default_factory=list)
    results: list[tuple[Row, list[Produced], list[Mention]]] = field(default_factory=list)  # what each row gave

    def counts(self, lang: str | None = None, predicate: str | None = None) -> Counts:
        """Counts summed over the languages and types asked for (all when None)."""
        total = Counts()
        for (row_lang, row_type), counts in self.by_type.items():
            if lang in (None, row_lang) and predicate in (None, row_type):
                total.add(counts)
        return total


def parse_facts(cell: str, where: str = "") -> tuple[Triple, ...]:
    """`S | p | O; S | p | O` -> triples; raises ValueError naming `where` on a malformed triple."""
    triples = []
    for part in cell.split(";"):
        if not part.strip():
            continue
        pieces = [p.strip() for p in part.split("|")]
        if len(pieces) != 3 or not all(pieces):
            raise ValueError(f"{where}: {part.strip()!r} is not `subject | predicate | object`")
        subject, predicate, obj = pieces
        if predicate not in RELATION_TYPES:
            raise ValueError(f"{where}: unknown predicate {predicate!r}; one of {', '.join(RELATION_TYPES)}")
        if predicate in DATE_TAILS and not _ISO.fullmatch(obj):
            raise ValueError(f"{where}: {predicate} needs an ISO date value (1995, 2004-04, 2008-10-18), not {obj!r}")
        triples.append(Triple(subject, predicate, obj))
    return tuple(triples)


def load_table(path: Path | str, lang: str | None = None) -> list[Row]:
    """The rows of a table; the language is the file's stem (en.tsv, ru.tsv) unless given."""
    path = Path(path)
    lang = lang or path.stem
    rows, header_seen = [], False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen and cells[0].strip() == "sentence":
            header_seen = True
            continue
        if len(cells) > 3:
            raise ValueError(f"{path}:{number}: more than 3 tab-separated columns")
        cells += [""] * (3 - len(cells))
        where = f"{path}:{number}"
        rows.append(Row(cells[0].strip(), lang, parse_facts(cells[1], where), parse_facts(cells[2], where), number))
    return rows


def load_tables(folder: Path = TABLES) -> dict[str, list[Row]]:
    """Both languages' tables: {"en": rows, "ru": rows}."""
    return {lang: load_table(folder / f"{lang}.tsv") for lang in LANGS}


def fold(name: str) -> str:
    """A name as compared: casefolded, ё as е, without quotes, stress marks or a leading "the", spaces collapsed."""
    name = name.replace("\u0301", "").translate(_QUOTES).casefold().replace("ё", "е")
    return _SPACES.sub(" ", name).strip().removeprefix("the ")


def name_keys(name: str) -> set[str]:
    """The folded name, and the quoted name it ends with ("партия «Яблоко»" -> "яблоко") when there is one."""
    keys = {fold(name)}
    quoted = _QUOTED_TAIL.search(name.strip())
    if quoted:
        keys.add(fold(quoted.group(1)))
    return keys - {""}


def mention_keys(mention: Mention) -> set[str]:
    """What an expected name may equal: the mention's text or normal form, folded."""
    return name_keys(mention.text) | name_keys(mention.normal)


def _side_matches(expected: str, mention: Mention, is_date: bool) -> bool:
    if is_date:
        return mention.label == "DATE" and mention.value == expected
    return bool(name_keys(expected) & mention_keys(mention))


def relation_matches(triple: Triple, predicate: str, head: Mention, tail: Mention) -> bool:
    """Does a produced relation (predicate, head mention, tail mention) state the expected triple?"""
    if predicate != triple.predicate:
        return False
    is_date = predicate in DATE_TAILS
    if _side_matches(triple.subject, head, False) and _side_matches(triple.object, tail, is_date):
        return True
    return predicate in UNDIRECTED and _side_matches(triple.subject, tail, False) \
        and _side_matches(triple.object, head, False)


def _side_problem(name: str, labels: str, mentions: list[Mention], is_date: bool) -> str | None:
    if is_date:
        return None if any(m.label == "DATE" and m.value == name for m in mentions) else f"no date valued {name}"
    found = [m for m in mentions if name_keys(name) & mention_keys(m)]
    if any(m.label in labels.split() for m in found):
        return None
    if found:
        return f"{found[0].text!r} is {found[0].label}"
    folded = fold(name)
    cut = [m for m in mentions if m.label != "DATE" and (fold(m.text) in folded or fold(m.normal) in folded)]
    if cut:
        return f"name cut: {cut[0].text!r}"
    return f"no mention of {name!r}"


def miss_cause(triple: Triple, mentions: list[Mention]) -> str:
    """Why a fact may have been missed: its names were not found as mentions of the contract's labels (so no
    relation rule could state it), or "mentions found" (the relation itself was not read)."""
    head_labels, tail_labels = LABELS[triple.predicate]
    problems = [_side_problem(triple.subject, head_labels, mentions, False),
                _side_problem(triple.object, tail_labels, mentions, triple.predicate in DATE_TAILS)]
    if triple.predicate in UNDIRECTED and any(problems):  # the other direction may be fine
        swapped = [_side_problem(triple.object, head_labels, mentions, False),
                   _side_problem(triple.subject, tail_labels, mentions, False)]
        problems = swapped if not any(swapped) else problems
    return "; ".join(p for p in problems if p) or "mentions found"


def produced_relations(doc: Document) -> dict[Produced, list[tuple[Mention, Mention]]]:
    """A document's distinct relations, keyed by (predicate, head text, tail text or date value); an undirected
    type's two directions are one relation. Each key keeps its mention pairs, since any of them may match."""
    by_id = {m.id: m for m in doc.mentions}
    found: dict[tuple[str, str, str], tuple[Produced, list[tuple[Mention, Mention]]]] = {}
    for relation in doc.relations:
        head, tail = by_id[relation.head], by_id[relation.tail]
        key = (relation.type, head.text, tail.value or tail.text)
        if relation.type in UNDIRECTED and key[2] < key[1]:
            key = (relation.type, key[2], key[1])
        found.setdefault(key, (Produced(*key, relation.pattern), []))[1].append((head, tail))
    return dict(found.values())


def score_rows(rows: Iterable[Row], documents: Iterable[Document]) -> Score:
    """Score each row against the document the pipeline made of its sentence (rows and documents in step)."""
    score = Score()
    for row, doc in zip(rows, documents):
        produced = produced_relations(doc)
        score.results.append((row, list(produced), list(doc.mentions)))
        lang_counts = score.by_lang.setdefault(row.lang, Counts())
        for triple in row.facts:
            counts = score.by_type.setdefault((row.lang, triple.predicate), Counts())
            counts.expected += 1
            lang_counts.expected += 1
            if any(relation_matches(triple, p.predicate, h, t) for p, pairs in produced.items() for h, t in pairs):
                counts.found += 1
                lang_counts.found += 1
            else:
                score.misses.append((row, triple))
        for relation, pairs in produced.items():
            counts = score.by_type.setdefault((row.lang, relation.predicate), Counts())
            counts.produced += 1
            lang_counts.produced += 1
            if any(relation_matches(t, relation.predicate, h, m) for t in row.facts + row.optional for h, m in pairs):
                counts.correct += 1
                lang_counts.correct += 1
            else:
                score.wrong.append((row, relation))
    return score


def processor(models) -> Callable[[str, str], Document]:
    """`process(sentence, lang)`: one sentence through every stage of the pipeline, with the given models."""
    def process(sentence: str, lang: str) -> Document:
        return process_text(sentence, models=models, lang=lang, published=PUBLISHED)

    return process


def score_table(rows: Iterable[Row], process: Callable[[str, str], Document]) -> Score:
    """Run `process(sentence, lang)` on every row and score the relations it produces against the row's facts.

    Precision = distinct produced relations matching a stated or optional fact / distinct produced relations;
    recall = stated facts matched / stated facts. Names match folded (see `fold`) against a mention's text or
    normal form; dates by value; alias_of and affiliated_with in either direction.
    """
    rows = list(rows)
    return score_rows(rows, (process(row.sentence, row.lang) for row in rows))
