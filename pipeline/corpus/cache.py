"""The per-document result cache: an SQLite file in the output folder, keyed by what can change a result."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from pathlib import Path

from ..core.records import Document, Relation
from ..core.resources import (
    MODELS,
    RELATION_PATTERNS,
    WORDS,
    en_tagger_path,
    given_names,
    infobox_keys,
    infobox_table,
    load_gazetteer,
    name_kinds,
    trigger_words,
)
from ..core.settings import Settings
from ..core.versions import versions

FILE_NAME = ".pipeline-cache.sqlite"
RELATION_WEIGHTS = (MODELS / "relation_pairs.json", MODELS / "relation_pairs_en.json")


def extraction_key(settings: Settings, gazetteer: Path) -> str:
    """Everything besides a document's bytes that can change what is extracted from it.

    The gazetteer counts by the names it looks for (and their labels): editing ids, display names or
    link-only "~" names changes linking, which always runs again, and re-extracts nothing. The infobox keys
    count too: the English tokenizer splits a key glued to its value, and a page whose lines use them has its
    title named as an organisation; so do the relation keys, the trigger words and the pair classifier's weights,
    which shape the relations kept with a record (`Cache.relations`), the English name tagger's weights, the kind
    nouns that decide a name's label, the word lists of models/words/ and the relation patterns.
    """
    looked_for = sorted((e.label, lang, name) for e in load_gazetteer(gazetteer)
                        for lang, names in e.names.items() for name in names if not name.startswith("~"))
    payload = {"versions": versions(), "settings": settings.model_dump(mode="json", exclude={"gazetteer"}),
               "gazetteer": looked_for,
               "infobox_keys": infobox_keys() + infobox_keys(lang="ru"),  # the tokenizers split at them
               "infobox_relations": [(k.key, k.relation, k.label, k.role) for k in infobox_table()],
               "relation_triggers": {group: sorted(words) for group, words in trigger_words().items()},
               "relation_weights": [hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None
                                    for path in RELATION_WEIGHTS], "en_tagger": _tagger_digest(settings),
               "name_kinds": sorted(name_kinds("en").items()), "given_names": sorted(given_names()),
               "words": {path.name: path.read_text(encoding="utf-8") for path in sorted(WORDS.glob("*.tsv"))},
               "relation_patterns": RELATION_PATTERNS.read_text(encoding="utf-8")}
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _tagger_digest(settings: Settings) -> str | None:
    """The English name tagger's weights and settings (a retrained tagger in the same folder changes names)."""
    folder = en_tagger_path(settings)
    if folder is None:
        return None
    digest = hashlib.sha256()
    for part in ("config.cfg", "ner/model", "ner/moves"):
        path = folder / part
        digest.update(path.read_bytes() if path.exists() else b"-")
    return digest.hexdigest()


class Cache:
    """Extracted document records (before linking) by document id, raw-bytes sha256 and extraction key."""

    def __init__(self, path: Path | None):
        self.path = path
        self.damaged: str | None = None  # why a damaged cache file was set aside when this one was opened
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = _open(path)
        except sqlite3.DatabaseError as exc:
            if isinstance(exc, sqlite3.OperationalError):
                raise  # a full disk, a read-only folder: not the file's fault
            self.damaged = set_aside(path, exc)
            self.db = _open(path)

    def has(self, doc_id: str, sha256: str, key: str) -> bool:
        """Whether a record for exactly this document and extraction is stored (without reading it)."""
        return self.db.execute("SELECT 1 FROM documents WHERE id = ? AND sha256 = ? AND key = ?",
                               (doc_id, sha256, key)).fetchone() is not None

    def get(self, doc_id: str, sha256: str, key: str, parse: bool = True) -> Document | None:
        """The cached record, or None when the document or anything that shapes its result has changed. With
        `parse`, also its sentences and trees (what relations are read from; linking needs neither)."""
        row = self.db.execute("SELECT record FROM documents WHERE id = ? AND sha256 = ? AND key = ?",
                              (doc_id, sha256, key)).fetchone()
        if row is None:
            return None
        try:
            record = Document.model_validate_json(row[0])
        except ValueError:
            return None  # a damaged row is extracted again
        return record if not parse or self.add_parse(record, key) else None

    def add_parse(self, record: Document, key: str) -> bool:
        """Give a record read without its parse the sentences and trees stored with it; False if unreadable."""
        row = self.db.execute("SELECT sentences FROM documents WHERE id = ? AND sha256 = ? AND key = ?",
                              (record.id, record.sha256, key)).fetchone()
        try:
            parse = json.loads(row[0])
            record._sentences = [tuple(s) for s in parse["sentences"]]
            record._syntax = parse["syntax"]
        except (ValueError, KeyError, TypeError):
            return False
        return True

    def put(self, record: Document, key: str) -> None:
        """Store one record at once (committed), so an interrupted run resumes from here."""
        self.db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
                        (record.id, record.sha256, key, record.model_dump_json(),
                         json.dumps({"sentences": record._sentences, "syntax": record._syntax})))
        self.db.commit()

    def relations(self, record: Document, key: str) -> list[Relation] | None:
        """The relations stored for this record as linked now (the same text, extraction and entity ids), or
        None: an unchanged re-run reads them instead of reading the document again."""
        row = self.db.execute("SELECT relations FROM relations WHERE id = ? AND key = ?",
                              (record.id, _linked_key(record, key))).fetchone()
        if row is None:
            return None
        try:
            return [Relation.model_validate(r) for r in json.loads(row[0])]
        except ValueError:
            return None

    def keep_relations(self, record: Document, key: str) -> None:
        """Store a related record's relations (committed with the next record's extraction or at close)."""
        self.db.execute("INSERT OR REPLACE INTO relations VALUES (?, ?, ?)",
                        (record.id, _linked_key(record, key),
                         json.dumps([r.model_dump(mode="json") for r in record.relations], ensure_ascii=False)))

    def drop(self, doc_id: str) -> None:
        """Forget one document's record."""
        self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self.db.commit()

    def close(self) -> None:
        """Close the database file (committing the relations kept)."""
        self.db.commit()
        self.db.close()


def _open(path: Path | None) -> sqlite3.Connection:
    """The cache database, its tables made; sqlite3.DatabaseError when the file is no database or is damaged."""
    db = sqlite3.connect(str(path) if path else ":memory:")
    try:
        db.execute("PRAGMA journal_mode=WAL")
        # a commit survives the process being stopped; only a power cut may lose the last ones (never the file)
        db.execute("PRAGMA synchronous=NORMAL")
        db.execute("CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, sha256 TEXT, key TEXT, "
                   "record TEXT, sentences TEXT)")
        db.execute("CREATE TABLE IF NOT EXISTS relations (id TEXT PRIMARY KEY, key TEXT, relations TEXT)")
        db.execute("SELECT id, sha256, key FROM documents LIMIT 1").fetchall()
    except sqlite3.DatabaseError:
        db.close()
        raise
    return db


def set_aside(path: Path | None, error: Exception) -> str:
    """Move a damaged cache file (and its journal) aside as `NAME.damaged-<time>`, so that a new one is built;
    the warning that says so."""
    if path is None:
        raise error
    stamp = time.strftime("%Y%m%dT%H%M%S")
    kept = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        try:
            os.replace(f"{path}{suffix}", f"{kept}{suffix}")
        except FileNotFoundError:
            pass
    return (f"{path}: the cache was damaged ({error}); moved aside to {kept.name}, a new one is built "
            "(documents are extracted again)")


def _linked_key(record: Document, key: str) -> str:
    """What a record's relations depend on: its text, the extraction, and the entity of each mention."""
    payload = json.dumps([record.sha256, key, [m.entity for m in record.mentions]])
    return hashlib.sha256(payload.encode()).hexdigest()
