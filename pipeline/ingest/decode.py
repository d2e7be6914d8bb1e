"""decode(raw, path) -> text: UTF-8 (with or without BOM), cp1251 or KOI8-R, told apart by how Russian reads."""

from __future__ import annotations

import re
from pathlib import Path

from ..core.errors import InputError

_CYRILLIC_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_CYRILLIC_UPPER = set("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than \t \n \f \r


def decode(raw: bytes, path: Path, declared: str | None = None) -> str:
    """Bytes to text: UTF-8 (with or without BOM), else cp1251 or KOI8-R by which reads as Russian; newlines as \\n."""
    if not raw.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: binary file (NUL bytes); expected text or HTML")
    text = None
    for encoding in ([declared] if declared else []) + ["utf-8-sig"]:
        try:
            text = raw.decode(encoding)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        text = _decode_single_byte_russian(raw)
    if text is None:
        raise InputError(f"{path}: cannot decode as UTF-8, cp1251 or KOI8-R; is it a text file?")
    if _control_share(text) > 0.01:
        raise InputError(f"{path}: looks binary (control characters); expected text or HTML")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _decode_single_byte_russian(raw: bytes) -> str | None:
    best, best_score = None, 0.0
    for encoding in ("cp1251", "koi8_r"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        lower = sum(ch in _CYRILLIC_LOWER for ch in text)
        upper = sum(ch in _CYRILLIC_UPPER for ch in text)
        # Russian prose is mostly lowercase; the wrong one of the two code pages swaps the cases.
        score = lower / (lower + upper) if lower + upper else 0.0
        if _mixed_script_share(text) > 0.2:
            score = 0.0  # Cyrillic letters inside Latin words: another code page (Latin-1 "cafй")
        if score > best_score:
            best, best_score = text, score
    return best if best_score > 0.5 else None


def _mixed_script_share(text: str) -> float:
    words = [w for w in re.findall(r"\w+", text) if any(ord(ch) > 127 for ch in w)]
    mixed = sum(1 for w in words if re.search(r"[A-Za-z]", w) and re.search(r"[А-Яа-яЁё]", w))
    return mixed / len(words) if words else 0.0


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def declared_charset(raw: bytes) -> str | None:
    match = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", raw[:4096], re.I)
    return match.group(1).decode("ascii").lower() if match else None
