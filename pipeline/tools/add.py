"""add_source(file, corpus) -> the new corpus file: UTF-8 text with front matter, named from its metadata."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import NamedTuple

import yaml

from ..core.errors import InputError
from ..core.settings import Settings
from ..ingest.frontmatter import FRONT_MATTER, published_date
from ..ingest.language import detect_language
from ..ingest.read import read_source
from ..ingest.walk import walk_corpus
from ..io.atomic import write_text
from ..normalise.translit import slug


class Added(NamedTuple):
    """The corpus file written, its published date (None: relative dates in it will not resolve), and warnings
    about reading the original (bytes replaced in its text)."""

    path: Path
    published: str | None
    warnings: tuple[str, ...] = ()


def add_source(path: Path, corpus: Path, settings: Settings, **overrides: str | None) -> Added:
    """Convert one file into the corpus; raises InputError for an unreadable file, an exact duplicate or a
    published date that is no date. A file without a title takes its first line as one."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    raw = path.read_bytes()
    digest = hashlib.sha256(raw).hexdigest()
    duplicate = _find_duplicate(digest, corpus, settings)
    if duplicate is not None:
        raise InputError(f"{path}: already in the corpus as {duplicate} (same content); not added")
    source = read_source(path, path.stem, settings)
    meta = source.meta.model_dump()
    meta.update({k: v for k, v in overrides.items() if v})
    if meta.get("published"):
        try:
            meta["published"] = published_date(str(meta["published"]))
        except ValueError as exc:
            raise InputError(f"{path}: published date {exc}") from None
    name = slug(meta.get("source") or meta.get("title") or path.stem)[:60]  # (a stem before a first line)
    if not meta.get("title"):
        meta["title"] = next((line.strip()[:200] for line in source.text.splitlines() if line.strip()), None)
    lang = meta.get("lang") or detect_language(source.text, settings.mixed_share)
    front = {k: meta.get(k) for k in ("title", "source", "published", "url") if meta.get(k)}
    front.update({"lang": lang, **meta.get("extra", {}), "original_file": path.name, "original_sha256": digest})
    if meta.get("published"):
        name += "-" + str(meta["published"])[:10]
    target = _free_name(corpus / lang / f"{name}.txt")
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False, width=1000)
    write_text(target, f"---\n{header}---\n\n{source.text.rstrip()}\n")
    return Added(target, meta.get("published"), tuple(source.warnings))


def _find_duplicate(digest: str, corpus: Path, settings: Settings) -> Path | None:
    if not corpus.exists():
        return None
    for file, _ in walk_corpus([corpus], settings).files:
        raw = file.read_bytes()
        if hashlib.sha256(raw).hexdigest() == digest:
            return file
        head = raw[:4096].decode("utf-8", errors="ignore")
        match = FRONT_MATTER.match(head)
        if match and f"original_sha256: {digest}" in (match.group(1) or ""):
            return file
    return None


def _free_name(target: Path) -> Path:
    candidate, n = target, 1
    while candidate.exists():
        n += 1
        candidate = target.with_name(f"{target.stem}-{n}{target.suffix}")
    return candidate
