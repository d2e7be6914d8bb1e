"""Every pydantic record the pipeline reads or writes: documents, mentions, entities, facts, manifest."""

from __future__ import annotations

import hashlib
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

Label = Literal["ORG", "LOC", "PER", "DATE"]
Lang = Literal["en", "ru"]
DocLang = Literal["en", "ru", "mixed"]
MentionSource = Literal["spacy", "natasha", "rule", "gazetteer", "model", "human"]  # human: a reviewer's correction
RelationType = Literal[
    "founded_on", "merged_into", "joined", "joined_on", "member_of", "affiliated_with",
    "headquartered_in", "has_branch_in", "located_in", "leader_of", "publishes", "alias_of",
]
LABELS: tuple[str, ...] = get_args(Label)
RELATION_TYPES: tuple[str, ...] = get_args(RelationType)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Meta(_Record):
    """Document metadata from front matter or HTML head; unknown keys are kept in `extra`."""

    title: str | None = None
    source: str | None = None
    published: str | None = Field(None, description="ISO date as given: 2011, 2011-03 or 2011-03-09")
    url: str | None = None
    lang: DocLang | None = None
    extra: dict[str, str] = Field(default_factory=dict)


class Mention(_Record):
    """One entity mention: an exact character span of the document's `text`."""

    id: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str
    label: Label
    lang: Lang
    normal: str
    value: str | None = None
    entity: str | None = None
    source: MentionSource
    translit: str | None = Field(None, description="Latin key of a Russian name's normal form (Wikipedia scheme)")

    @property
    def dated(self) -> bool:
        """A DATE with a calendar value ("2011-03"), which a relation can hold; not "PRESENT_REF" ("now")."""
        return self.label == "DATE" and bool(self.value) and self.value[0].isdigit()

    @model_validator(mode="after")
    def _span_is_ordered(self) -> Mention:
        if self.end <= self.start or len(self.text) != self.end - self.start:
            raise ValueError(f"mention {self.id}: span {self.start}:{self.end} does not fit text {self.text!r}")
        if self.label != "DATE" and self.value is not None:
            raise ValueError(f"mention {self.id}: only DATE mentions carry a value")
        return self


class Relation(_Record):
    """A relation between two mentions of one document, with the span of the stating sentence."""

    type: RelationType
    head: str
    tail: str
    evidence: tuple[int, int]
    pattern: str | None = None
    confidence: float | None = Field(None, ge=0, le=1, description="how sure the pattern or model is")


class Document(_Record):
    """One line of documents.jsonl."""

    id: str
    path: str
    sha256: str
    lang: DocLang
    meta: Meta
    text: str
    mentions: list[Mention]
    relations: list[Relation]
    _sentences: list[tuple[int, int]] = PrivateAttr(default_factory=list)  # from the parse; not written
    _syntax: list[list[list]] = PrivateAttr(default_factory=list)  # trees of sentences with 2+ names; not written

    @model_validator(mode="after")
    def _offsets_point_into_text(self) -> Document:
        for m in self.mentions:
            if self.text[m.start:m.end] != m.text:
                raise ValueError(f"{self.id}: mention {m.id} text {m.text!r} != text[{m.start}:{m.end}]")
        ids = {m.id for m in self.mentions}
        for r in self.relations:
            if r.head not in ids or r.tail not in ids:
                raise ValueError(f"{self.id}: relation {r.type} names an unknown mention")
        return self


class Entity(_Record):
    """One line of entities.jsonl: a canonical thing across documents and languages."""

    id: str
    label: Label
    name: str
    names: dict[str, list[str]]
    mentions: int
    documents: list[str]


class Evidence(_Record):
    """Where a fact is stated: a document and a character span of its text, and the pattern that read it."""

    document: str
    start: int
    end: int
    text: str
    pattern: str | None = None
    confidence: float | None = Field(None, ge=0, le=1)


class Fact(_Record):
    """One line of facts.jsonl: a distinct (subject, predicate, object) with all its evidence."""

    id: str
    subject: str
    predicate: RelationType
    object: str
    confidence: float | None = Field(None, ge=0, le=1, description="1 - the product of (1 - each evidence's)")
    evidence: list[Evidence]


class InputFailure(_Record):
    """A document that could not be processed, and why."""

    path: str
    error: str


class Manifest(_Record):
    """manifest.json: what produced the outputs, what they hold, how long it took, what failed."""

    versions: dict[str, str]
    config: dict
    counts: dict[str, int | dict[str, int]]
    timings: dict[str, float]
    errors: list[InputFailure]
    skipped: list[str] = Field(default_factory=list, description="files below PATH with unsupported extensions")
    warnings: list[InputFailure] = Field(default_factory=list, description="documents processed with a caveat "
                                         "(a reviewer's corrections made on another text, not applied)")
    inputs: str | None = Field(None, description="digest of everything the outputs depend on: each file's id and "
                               "bytes, the extraction key, the gazetteer, the corrections")
    outputs: dict[str, str] = Field(default_factory=dict, description="sha256 of each JSONL output as written")


# A reviewer's corrections of one document (kept beside a corpus: pipeline/corpus/corrections.py)


class _Strict(BaseModel):
    """A record read from a file people edit: no unknown field, no type coerced."""

    model_config = ConfigDict(extra="forbid", strict=True)  # "5" or true is no offset


class CorrectedName(_Strict):
    start: int
    end: int
    label: str


class CorrectedRelation(_Strict):
    head: int  # index into the correction's mentions
    tail: int
    type: str


class Correction(_Strict):
    """One document as a reviewer left it."""

    id: str
    text_sha256: str
    text: str
    lang: str | None = None
    dct: str | None = None
    mentions: list[CorrectedName]
    relations: list[CorrectedRelation]

    def digest(self) -> str:
        """What the correction says (a changed correction extracts its document again)."""
        return hashlib.sha256(self.model_dump_json(exclude={"text"}).encode()).hexdigest()

    def as_gold(self) -> dict:
        """The correction in the gold format `pipeline eval` reads."""
        entities = [{"start": m.start, "end": m.end, "label": m.label, "text": self.text[m.start:m.end]}
                    for m in self.mentions]
        gold = {"id": self.id, "lang": self.lang, "text": self.text, "entities": entities,
                "relations": [r.model_dump() for r in self.relations], "ignore": []}
        return {**gold, "dct": self.dct} if self.dct else gold
