"""split_front_matter(text) -> (body, Meta): YAML front matter at the top of a text file becomes metadata."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from ..core.errors import InputError
from ..core.records import Meta

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, path: Path) -> tuple[str, Meta]:
    """Separate YAML front matter from the body; the body is returned unchanged apart from that."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text, Meta()
    try:
        data = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        raise InputError(f"{path}: broken front matter{line}: {getattr(exc, 'problem', exc)}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: front matter is not a mapping of keys to values")
    body = text[match.end():].lstrip("\n")
    return body, meta_from_mapping(data, path)


def meta_from_mapping(data: dict, path: Path) -> Meta:
    """Metadata keys to a Meta record: dates as ISO strings, unknown keys kept as strings."""
    known = {"title", "source", "published", "url", "lang"}
    values = {k: _plain(v) for k, v in data.items() if k in known and v is not None}
    if "lang" in values and values["lang"] not in ("en", "ru", "mixed"):
        raise InputError(f"{path}: front matter lang {values['lang']!r} is not one of en, ru, mixed")
    extra = {str(k): _plain(v) for k, v in data.items() if k not in known and v is not None}
    return Meta(**values, extra=extra)


def _plain(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)
