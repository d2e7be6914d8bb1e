"""initials(name): the acronym a name gives, shared by extraction (acronyms in text) and linking (no models)."""

from __future__ import annotations

import re
from functools import lru_cache

FUNCTION_WORDS = {
    "of", "the", "and", "for", "in", "on", "at", "to", "de", "du", "des", "la", "le", "&",
    "и", "в", "во", "на", "по", "для", "имени", "им", "за", "с", "со", "о", "об",
}


@lru_cache(maxsize=65536)
def initials(name: str) -> str:
    """Upper-case first letters of the content words: "Russian Socialist Movement" -> "RSM"."""
    words = re.findall(r"[\w'’]+", name)
    return "".join(w[0].upper() for w in words if w.lower() not in FUNCTION_WORDS and w[0].isalpha())
