"""Latin keys for Cyrillic names (a simplified BGN/PCGN scheme), used for ids and matching."""

from __future__ import annotations

import re
import unicodedata

_TABLE = dict(zip(
    "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
    ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
     "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"],
))


def latin(text: str) -> str:
    """Cyrillic letters to Latin ones; other characters unchanged."""
    out = []
    for ch in text:
        low = ch.lower()
        if low in _TABLE:
            rep = _TABLE[low]
            out.append(rep.capitalize() if ch != low else rep)
        else:
            out.append(ch)
    return "".join(out)


def slug(text: str) -> str:
    """A lowercase ASCII key: "Российское социалистическое движение" -> "rossiyskoe-sotsialisticheskoe-dvizhenie"."""
    ascii_text = unicodedata.normalize("NFKD", latin(text)).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "x"
