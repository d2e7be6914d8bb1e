"""split_front_matter(text) -> (body, Meta): YAML front matter at the top of a text file becomes metadata."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from ..core.errors import InputError
from ..core.records import Meta

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
KNOWN_KEYS = ("title", "source", "published", "url", "lang")
MAX_KEYS = 200
MAX_VALUE_CHARS = 10_000
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")  # 14.03.2020, the common Russian writing
_DASHED = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")  # 2020-03-14, and YAML's 2020-3-14
_STAMPED = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})(?:[Tt]|[ \t]+)\d")  # a time stamp: its day


class _AliasRefused(Exception):
    """Front matter uses an alias (*name), the way a few hundred bytes expand to gigabytes."""


class _Loader(yaml.SafeLoader):
    """YAML's safe loader without aliases, and with time stamps kept as the text they are written as."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node:
        """Refuse an alias before it is expanded; compose anything else as the safe loader does."""
        if self.check_event(yaml.AliasEvent):
            raise _AliasRefused()
        return super().compose_node(parent, index)


# yaml's own timestamp constructor raises a bare ValueError on 2011-02-30; published_date says why instead
_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def split_front_matter(text: str, path: Path) -> tuple[str, Meta]:
    """Separate YAML front matter from the body; the body is returned unchanged apart from that."""
    match = FRONT_MATTER.match(text)
    if not match:
        return text, Meta()
    try:
        data = yaml.load(match.group(1) or "", Loader=_Loader) or {}  # (a SafeLoader)
    except _AliasRefused:
        raise InputError(f"{path}: front matter uses YAML aliases (&/*), which are not accepted") from None
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        line = f" (line {where.line + 2})" if where else ""
        problem = getattr(exc, "problem", exc)
        if problem == "second occurrence":  # of an anchor: the context names it
            problem = str(getattr(exc, "context", "")).split(";")[0]
        raise InputError(f"{path}: broken front matter{line}: {_one_line(str(problem))}") from None
    except RecursionError:
        raise InputError(f"{path}: front matter nested too deeply") from None
    except ValueError as exc:  # a number too long for Python to read (over 4300 digits)
        raise InputError(f"{path}: broken front matter: {_one_line(str(exc))}") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: front matter is not a mapping of keys to values")
    body = text[match.end():].lstrip("\n")
    return body, meta_from_mapping(data, path)


def meta_from_mapping(data: dict, path: Path) -> Meta:
    """Metadata keys to a Meta record: published as an ISO date, unknown keys kept as strings; InputError for
    values that are no metadata (lists where one value belongs, overlong text, a date that is no date)."""
    if len(data) > MAX_KEYS:
        raise InputError(f"{path}: front matter has {len(data)} keys; at most {MAX_KEYS} are accepted")
    values: dict[str, str] = {}
    extra: dict[str, str] = {}
    for key, value in data.items():
        name = _plain(key)
        if value is None:
            continue
        if name in KNOWN_KEYS and not isinstance(value, (str, int, float, dt.date)):
            kind = "a list" if isinstance(value, (list, tuple, set)) else "a mapping"
            raise InputError(f"{path}: front matter {name} is {kind}; expected a single value")
        text = _plain(value)
        if len(name) > MAX_VALUE_CHARS or len(text) > MAX_VALUE_CHARS:
            raise InputError(f"{path}: front matter {name[:40]!r} is {max(len(name), len(text)):,} characters "
                             f"long; at most {MAX_VALUE_CHARS:,} are accepted")
        (values if name in KNOWN_KEYS else extra)[name] = text
    if "lang" in values and values["lang"] not in ("en", "ru", "mixed"):
        raise InputError(f"{path}: front matter lang {values['lang']!r} is not one of en, ru, mixed")
    if "published" in values:
        try:
            values["published"] = published_date(values["published"])
        except ValueError as exc:
            raise InputError(f"{path}: front matter published {exc}") from None
    return Meta(**values, extra=extra)


def published_date(value: str) -> str:
    """A published date as the records keep it (ISO: 2020, 2020-03 or 2020-03-14), from ISO or DD.MM.YYYY; a
    ValueError says why another value is not one."""
    text = value.strip()
    stamped = _STAMPED.match(text)
    if stamped:
        text = stamped[1]
    dotted = _DOTTED.fullmatch(text) or _DASHED.fullmatch(text)
    if dotted:
        year, month, day = (dotted[3], dotted[2], dotted[1]) if "." in text else (dotted[1], dotted[2], dotted[3])
        text = f"{year}-{int(month):02d}-{int(day):02d}"
    try:
        if re.fullmatch(r"\d{4}", text):
            dt.date(int(text), 1, 1)
            return text
        if re.fullmatch(r"\d{4}-\d{2}", text):
            dt.date.fromisoformat(text + "-01")
            return text
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(f"{_short(value)!r} is no calendar date") from None
    raise ValueError(f"{_short(value)!r} is not a date written YYYY-MM-DD (or YYYY-MM, YYYY) or DD.MM.YYYY")


def _plain(value: object) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()[:10]
    return str(value)


def _short(value: str) -> str:
    return value if len(value) <= 80 else value[:80] + "…"


def _one_line(message: str) -> str:
    return " ".join(message.split())
