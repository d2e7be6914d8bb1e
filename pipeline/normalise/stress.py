"""The stress marks a Russian encyclopedia puts on a name's first mention ("коммунисти́ческая па́ртия"): a reading
aid, not part of the word. Normal forms drop them, and the Russian models read the text without them (the models
were trained on text without them, and cut names at them), on offsets mapped back to the text."""

from __future__ import annotations

import re

_STRESS = re.compile("(?<=[А-Яа-яЁё])[\u0300\u0301]")


def plain(text: str) -> str:
    """The text without stress marks on Cyrillic letters (run on every Russian token: most have none)."""
    return _STRESS.sub("", text) if "\u0301" in text or "\u0300" in text else text


def without_stress(text: str) -> tuple[str, list[int] | None]:
    """The text without stress marks and, when any were removed, each of its offsets (and its end) in `text`."""
    if "\u0301" not in text and "\u0300" not in text:
        return text, None
    marks = {m.start() for m in _STRESS.finditer(text)}
    if not marks:
        return text, None
    kept = [i for i in range(len(text)) if i not in marks]
    return "".join(text[i] for i in kept), kept + [len(text)]
