"""Write the output files atomically: each goes to a temporary file in DIR and is renamed into place."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel


def write_jsonl(path: Path, records: Iterable[BaseModel]) -> None:
    """One JSON object per line, sorted by id, Cyrillic unescaped; replaces `path` only when complete."""
    lines = sorted((r.model_dump(mode="json") for r in records), key=lambda r: r["id"])
    _atomic_write(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines))


def write_json(path: Path, record: BaseModel) -> None:
    """A pretty-printed JSON file, replaced atomically."""
    _atomic_write(path, json.dumps(record.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n")


def _atomic_write(path: Path, content: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, content: str) -> None:
    """Any text file (a review page, an export), replaced atomically."""
    _atomic_write(path, content)
