"""The two alphabets, as patterns matching one letter: Cyrillic (Russian) and Latin (English)."""

from __future__ import annotations

import re

CYRILLIC = re.compile("[А-Яа-яЁё]")
LATIN = re.compile("[A-Za-z]")
SCRIPT = {"en": LATIN, "ru": CYRILLIC}  # the alphabet of each language


def majority_script(text: str) -> str:
    """ "ru" when the text has more Cyrillic letters than Latin ones, else "en"."""
    return "ru" if len(CYRILLIC.findall(text)) > len(LATIN.findall(text)) else "en"
