"""The per-document result cache: an SQLite file in the output folder, keyed by what can change a result."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from ..core.records import Document
from ..core.resources import infobox_keys, infobox_table, load_gazetteer
from ..core.settings import Settings
from ..core.versions import versions

FILE_NAME = ".pipeline-cache.sqlite"


def extraction_key(settings: Settings, gazetteer: Path) -> str:
    """Everything besides a document's bytes that can change what is extracted from it.

    The gazetteer counts by the names it looks for (and their labels): editing ids, display names or
    link-only "~" names changes linking, which always runs again, and re-extracts nothing. The infobox keys
    count too: the English tokenizer splits a key glued to its value, and a page whose lines use them has its
    title named as an organisation.
    """
    looked_for = sorted((e.label, lang, name) for e in load_gazetteer(gazetteer)
                        for lang, names in e.names.items() for name in names if not name.startswith("~"))
    payload = {"versions": versions(), "settings": settings.model_dump(mode="json", exclude={"gazetteer"}),
               "gazetteer": looked_for, "infobox_keys": infobox_keys(),  # the English tokenizer splits at them
               "infobox_relations": [k.key for k in infobox_table()]}  # a page with them has its title named
    return hashlib.sha256(json.dumps(payload, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


class Cache:
    """Extracted document records (before linking) by document id, raw-bytes sha256 and extraction key."""

    def __init__(self, path: Path | None):
        self.path = path
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(str(path) if path else ":memory:")
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS documents (id TEXT PRIMARY KEY, sha256 TEXT, key TEXT, "
                        "record TEXT, sentences TEXT)")

    def has(self, doc_id: str, sha256: str, key: str) -> bool:
        """Whether a record for exactly this document and extraction is stored (without reading it)."""
        return self.db.execute("SELECT 1 FROM documents WHERE id = ? AND sha256 = ? AND key = ?",
                               (doc_id, sha256, key)).fetchone() is not None

    def get(self, doc_id: str, sha256: str, key: str) -> Document | None:
        """The cached record, or None when the document or anything that shapes its result has changed."""
        row = self.db.execute("SELECT record, sentences FROM documents WHERE id = ? AND sha256 = ? AND key = ?",
                              (doc_id, sha256, key)).fetchone()
        if row is None:
            return None
        try:
            record = Document.model_validate_json(row[0])
            parse = json.loads(row[1])
            record._sentences = [tuple(s) for s in parse["sentences"]]
            record._syntax = parse["syntax"]
        except (ValueError, KeyError, TypeError):
            return None  # a damaged row is extracted again
        return record

    def put(self, record: Document, key: str) -> None:
        """Store one record at once (committed), so an interrupted run resumes from here."""
        self.db.execute("INSERT OR REPLACE INTO documents VALUES (?, ?, ?, ?, ?)",
                        (record.id, record.sha256, key, record.model_dump_json(),
                         json.dumps({"sentences": record._sentences, "syntax": record._syntax})))
        self.db.commit()

    def drop(self, doc_id: str) -> None:
        """Forget one document's record."""
        self.db.execute("DELETE FROM documents WHERE id = ?", (doc_id,))
        self.db.commit()

    def close(self) -> None:
        """Close the database file."""
        self.db.close()
