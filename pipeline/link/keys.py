"""Keys a name is compared by: name_key(text) folds spelling variants; gazetteer_index maps keys to gazetteer ids."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from ..core.records import Mention
from ..core.resources import load_gazetteer
from ..normalise.translit import latin_key, without_format

GENERIC = {
    "council", "committee", "board", "executive", "central", "presidium", "bureau", "secretariat", "government",
    "assembly", "congress", "conference", "party", "movement", "union", "league", "front", "international",
    "organisation", "organization", "group", "the", "of", "and", "political", "national", "federal",
    "совет", "комитет", "исполком", "центральный", "исполнительный", "правление", "президиум", "бюро",
    "секретариат", "правительство", "съезд", "конференция", "партия", "движение", "союз", "лига", "фронт",
    "интернационал", "организация", "группа", "федерация", "политсовет", "координационный", "и",
}


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """A comparison key for a name: case, ё, quotes, hyphens, "the" and "St." spellings folded, format
    characters (zero-width, soft hyphen, bidi) dropped."""
    key = without_format(text).casefold().replace("ё", "е").replace("’", "'")
    key = re.sub(r"[«»\"“”„]", "", key)
    key = re.sub(r"^the\s+", "", key)
    key = re.sub(r"\bst\.?\s*(?=[a-z])", "saint ", key)
    key = re.sub(r"[-‐–—]", " ", key)
    return " ".join(key.split())


def gazetteer_index(path: Path) -> tuple[dict[tuple[str, str], str], dict[str, str]]:
    """(label, name key) -> gazetteer id, for every name and its Latin key; and id -> display name."""
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


def mention_keys(mention: Mention) -> set[str]:
    """The keys of a mention's normal form, its text and its Latin key."""
    keys = {name_key(mention.normal), name_key(mention.text)}
    if mention.translit:
        keys.add(name_key(mention.translit))
    return {k for k in keys if k}


def is_generic(mention: Mention) -> bool:
    """A name made only of generic words ("Central Council", "Центральный совет")."""
    return all(w in GENERIC for w in name_key(mention.normal).split())
