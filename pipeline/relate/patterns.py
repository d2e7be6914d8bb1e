"""How the contract's relations are written, in English and Russian, as patterns over sentence templates
(the patterns themselves are data: models/relation_patterns.yaml).

A template is the sentence with each mention replaced by ⟨LABELn⟩ (n = its index in the sentence), so a
pattern says what stands between the names: "⟨ORG0⟩ was created on ⟨DATE1⟩ by the fusion of ⟨ORG2⟩ and ⟨ORG3⟩".
Groups: `head` and `tail` name one mention each; `heads`/`tails` a list of them ("⟨LOC1⟩, ⟨LOC2⟩ and ⟨LOC3⟩").
A role whose group is absent or empty is the document's main organisation ("It was created…", "its
headquarters are in…"), and the relation says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from ..core.errors import ConfigError
from ..core.records import RELATION_TYPES
from ..core.resources import RELATION_PATTERNS

ORG, LOC, PER, DATE = (rf"⟨{x}\d+⟩" for x in ("ORG", "LOC", "PER", "DATE"))  # a name's slot in a template
_GAP = r"[^⟨.;]"  # text between names, within one clause
_PAREN = r"(?:\s*\([^()]*\))?"
_LIST_LOC = rf"{LOC}(?:(?:,\s*|\s+(?:and|и)\s+|,\s*(?:and|а также|и)\s+){LOC})*"
_LIST_ORG = rf"[«\"]?{ORG}[^.;:]*"  # names up to the end of the clause; brackets, appositions, relative clauses dropped
_NAMES = rf"[«\"]?{ORG}[»\"]?(?:(?:,\s*|\s+(?:and|и)\s+)[«\"]?{ORG}[»\"]?)+"  # only names and "and" between them


@dataclass(frozen=True)
class Pattern:
    """One way a relation is written; `name` is shown on every relation it produces."""

    name: str
    type: str
    lang: str
    regex: re.Pattern[str]
    date_also: str | None = None  # a second relation to the sentence's date: joined -> joined_on


_BLOCKS = {"ORG": ORG, "LOC": LOC, "PER": PER, "DATE": DATE, "GAP": _GAP, "PAREN": _PAREN, "LIST_LOC": _LIST_LOC,
           "LIST_ORG": _LIST_ORG, "NAMES": _NAMES}
_BLOCK = re.compile(r"%([A-Z_]+)%")


def load_patterns(path: Path = RELATION_PATTERNS) -> list[Pattern]:
    """The patterns of models/relation_patterns.yaml, compiled; ConfigError names the file and the entry."""
    try:
        entries = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the relation patterns: {exc}") from None
    if not isinstance(entries, list):
        raise ConfigError(f"{path}: expected a list of patterns")
    patterns = []
    for number, entry in enumerate(entries, 1):
        where = f"{path}: pattern {number} ({entry.get('name', 'no name') if isinstance(entry, dict) else entry!r})"
        if not isinstance(entry, dict) or not {"name", "type", "lang", "regex"} <= set(entry) \
                or not set(entry) <= {"name", "type", "lang", "regex", "date_also"}:
            raise ConfigError(f"{where}: expected name, type, lang, regex and optionally date_also")
        if entry["type"] not in RELATION_TYPES or entry.get("date_also", "joined_on") not in RELATION_TYPES \
                or entry["lang"] not in ("en", "ru", "*"):
            raise ConfigError(f"{where}: unknown type or lang")
        regex = "".join(entry["regex"]) if isinstance(entry["regex"], list) else entry["regex"]
        unknown = {b for b in _BLOCK.findall(regex) if b not in _BLOCKS}
        if unknown:
            raise ConfigError(f"{where}: unknown building block %{sorted(unknown)[0]}%")
        try:
            compiled = re.compile(_BLOCK.sub(lambda m: _BLOCKS[m[1]], regex))
        except re.error as exc:
            raise ConfigError(f"{where}: not a regular expression: {exc}") from None
        patterns.append(Pattern(entry["name"], entry["type"], entry["lang"], compiled, entry.get("date_also")))
    return patterns


PATTERNS: list[Pattern] = load_patterns()
