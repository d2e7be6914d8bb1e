"""JSONL files of records: read_records(path, model) validates each line; jsonl_text(records) writes them sorted."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel

from ..core.errors import InputError

R = TypeVar("R", bound=BaseModel)


def read_records(path: Path, model: type[R]) -> list[R]:
    """Every line of a run's JSONL file as a validated record; InputError names the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc}); run 'pipeline run' first") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; is it a file written by 'pipeline run'?") from None
    records = []
    for number, line in enumerate(lines, 1):
        try:
            records.append(model.model_validate_json(line))
        except ValueError as exc:
            raise InputError(f"{path}:{number}: not a valid {model.__name__} record: {exc}") from None
    return records


def jsonl_text(records: Iterable[BaseModel]) -> str:
    """One JSON object per line, sorted by id, Cyrillic unescaped."""
    lines = sorted((r.model_dump(mode="json") for r in records), key=lambda r: r["id"])
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines)
