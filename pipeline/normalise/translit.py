"""Latin keys for Cyrillic names: Wikipedia's romanisation of Russian (iuliia), used for matching and ids."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import iuliia

from ..core.script import CYRILLIC


@lru_cache(maxsize=100_000)
def without_format(text: str) -> str:
    """`text` without format characters (Unicode Cf: zero-width ones, soft hyphen, bidi marks, BOM)."""
    if text.isascii():  # no Cf character is ASCII: most names need no look at each character
        return text
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def latin_key(name: str) -> str | None:
    """"Социалистическое сопротивление" -> "Sotsialisticheskoye soprotivleniye"; None for a name without Cyrillic.

    ё is read as е first, as most texts write it: "Вперёд" -> "Vpered", the spelling English sources use.
    """
    if not CYRILLIC.search(name):
        return None
    return iuliia.WIKIPEDIA.translate(without_format(name).replace("ё", "е").replace("Ё", "Е"))


def slug(text: str) -> str:
    """A lowercase ASCII key: "Российское социалистическое движение" -> "rossiyskoye-sotsialisticheskoye-dvizheniye"."""
    latin = latin_key(text) or without_format(text)
    ascii_text = unicodedata.normalize("NFKD", latin).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"
