"""decode(raw, path) -> Decoded: UTF-8 (with or without BOM), cp1251 or KOI8-R, told apart by how Russian reads."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from ..core.errors import InputError
from ..core.script import CYRILLIC, LATIN

_CYRILLIC_LOWER = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюя")
_CYRILLIC_UPPER = set("АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")  # control characters other than \t \n \f \r
# codecs Python knows that read no web page: they fail on any input, read IDN labels or backslash escapes, or
# cannot be what an ASCII <meta> was written in (UTF-16/32; a file in those holds NUL bytes and is refused)
_NOT_PAGE_CHARSETS = {"undefined", "punycode", "idna", "unicode-escape", "raw-unicode-escape", "utf-7", "utf-16",
                      "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"}
_ESCAPED = re.compile(r"[\udc80-\udcff]+")  # the bytes that are no UTF-8, as surrogateescape keeps them
MAX_BAD_SHARE = 0.01  # at most this share of the bytes may be no UTF-8 for a file to be read as UTF-8 anyway
MAX_BAD_SEQUENCES = 100
_OFFSETS_SHOWN = 5


@dataclass
class Decoded:
    """A file's text (newlines as \\n), the encoding it was read in, and one-line warnings about the reading."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode(raw: bytes, path: Path, declared: str | None = None) -> Decoded:
    """Bytes to text: the declared charset if usable, UTF-8 (with or without BOM, a few bad bytes replaced and
    warned about), else cp1251 or KOI8-R by which reads as Russian; InputError for what is not text."""
    if not raw.strip():
        raise InputError(f"{path}: empty file")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{path}: binary file (NUL bytes); expected text or HTML")
    decoded = _decode(raw, path, usable_charset(declared))
    if decoded is None:
        raise InputError(f"{path}: cannot decode as UTF-8, cp1251 or KOI8-R; is it a text file?")
    if _control_share(decoded.text) > 0.01:
        raise InputError(f"{path}: looks binary (control characters); expected text or HTML")
    decoded.text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    return decoded


def _decode(raw: bytes, path: Path, declared: str | None) -> Decoded | None:
    bom = len(codecs.BOM_UTF8) if raw.startswith(codecs.BOM_UTF8) else 0
    for encoding in ([declared] if declared else []) + ["utf-8-sig" if bom else "utf-8"]:
        try:
            return Decoded(raw.decode(encoding), codecs.lookup(encoding).name)
        except (UnicodeError, LookupError, ValueError):
            continue
    escaped = raw[bom:].decode("utf-8", "surrogateescape")
    bad = list(islice(_ESCAPED.finditer(escaped), MAX_BAD_SEQUENCES + 1))
    few = False  # few enough bad bytes to read the file as UTF-8 all the same
    if len(bad) <= MAX_BAD_SEQUENCES:
        bad_bytes = sum(m.end() - m.start() for m in bad)
        multi_byte = len(escaped) - len(escaped.encode("ascii", "ignore")) - bad_bytes
        few = bad_bytes <= MAX_BAD_SHARE * len(raw)
        # UTF-8 with a stray byte is still UTF-8 when the rest of it is UTF-8 letters (cp1251 or KOI8-R Russian
        # forms almost none): read as cp1251 it would become mojibake the run cannot tell from text
        if few and multi_byte > len(bad) or multi_byte >= 10 * bad_bytes:
            return _utf8_replaced(raw, bom, escaped, bad, path)
    single_byte = _decode_single_byte_russian(raw)
    if single_byte is not None:
        return single_byte
    if few:
        return _utf8_replaced(raw, bom, escaped, bad, path)  # ASCII with a stray byte (a Windows dash)
    return None


def _utf8_replaced(raw: bytes, bom: int, escaped: str, bad: list[re.Match[str]], path: Path) -> Decoded:
    offsets, done, byte = [], 0, bom
    for match in bad[:_OFFSETS_SHOWN]:
        byte += len(escaped[done:match.start()].encode("utf-8", "surrogateescape"))
        done = match.start()
        offsets.append(str(byte))
    more = f" and {len(bad) - len(offsets)} more" if len(bad) > len(offsets) else ""
    warning = (f"{path}: not valid UTF-8 at bytes {', '.join(offsets)}{more}; read as UTF-8 with replacement "
               "characters")
    return Decoded(raw[bom:].decode("utf-8", "replace"), "utf-8", [warning])


def _decode_single_byte_russian(raw: bytes) -> Decoded | None:
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
            best, best_score = Decoded(text, codecs.lookup(encoding).name), score
    return best if best_score > 0.5 else None


def _mixed_script_share(text: str) -> float:
    words = [w for w in re.findall(r"\w+", text) if any(ord(ch) > 127 for ch in w)]
    mixed = sum(1 for w in words if LATIN.search(w) and CYRILLIC.search(w))
    return mixed / len(words) if words else 0.0


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def declared_charset(raw: bytes) -> str | None:
    """The charset a page's <meta> declares in its first 4 KB, lowercased, as written; None if none."""
    match = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", raw[:4096], re.I)
    return match.group(1).decode("ascii").lower() if match else None


def usable_charset(name: str | None) -> str | None:
    """`name` if it is a text encoding a web page can be written in, else None (the declaration is ignored)."""
    if not name:
        return None
    try:
        if codecs.lookup(name).name in _NOT_PAGE_CHARSETS:
            return None
        b"<p>".decode(name)  # LookupError for codecs from bytes to bytes (base64, zlib, rot13, hex, uu...)
    except (LookupError, UnicodeError, ValueError, TypeError):
        return None
    return name
