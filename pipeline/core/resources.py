"""The project's data files in models/: where they are and how they are read (gazetteer, infobox keys)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ConfigError
from .script import CYRILLIC
from .settings import Settings

MODELS = Path(__file__).resolve().parent.parent.parent / "models"
DEFAULT_GAZETTEER = MODELS / "gazetteer.tsv"
DEFAULT_EN_TAGGER = MODELS / "ner-en"


def en_tagger_path(settings: Settings) -> Path | None:
    """The English name tagger's folder: the setting, else the shipped one; None when the setting is "" (none)."""
    if settings.en_tagger == "":
        return None
    return Path(settings.en_tagger) if settings.en_tagger else DEFAULT_EN_TAGGER
INFOBOX_KEYS = MODELS / "infobox_keys.txt"


@dataclass(frozen=True)
class Entry:
    """One gazetteer line: a stable id, a label and names per language (first = preferred)."""

    id: str
    label: str
    names: dict[str, tuple[str, ...]]


def gazetteer_path(settings: Settings) -> Path:
    """The gazetteer a run uses: the configured file, else the one shipped in models/."""
    return Path(settings.gazetteer) if settings.gazetteer else DEFAULT_GAZETTEER


def load_gazetteer(path: Path = DEFAULT_GAZETTEER) -> tuple[Entry, ...]:
    """Read the TSV gazetteer: id, label, English names, Russian names (names separated by ' | ').

    A name written "~Name" links mentions the models found but is not itself looked for in the text.
    Read again whenever the file changes.
    """
    try:
        stat = Path(path).stat()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the gazetteer: {exc.strerror or exc}") from None
    return _load(Path(path), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _load(path: Path, mtime_ns: int, size: int) -> tuple[Entry, ...]:
    entries = []
    for number, line in enumerate(_lines(path, "the gazetteer"), 1):
        if not line.strip() or line.startswith("#") or line.startswith("id\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 4 or fields[1] not in ("ORG", "LOC", "PER"):
            raise ConfigError(f"{path}:{number}: expected 4 tab-separated fields id, label (ORG|LOC|PER), en, ru")
        names = {lang: tuple(n.strip() for n in value.split("|") if n.strip())
                 for lang, value in zip(("en", "ru"), fields[2:])}
        entries.append(Entry(fields[0].strip(), fields[1], names))
    return tuple(entries)


def _lines(path: Path, what: str) -> list[str]:
    """The lines of a UTF-8 data file; ConfigError names the file and says why it cannot be read."""
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read {what}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read {what}: not UTF-8 text (byte {exc.start}); save it as UTF-8") \
            from None


@lru_cache(maxsize=4)
def infobox_keys(path: Path = INFOBOX_KEYS, lang: str = "en") -> tuple[str, ...]:
    """Infobox labels a copied page may glue to their values or write without a colon, in one language:
    models/infobox_keys.txt and the keys of models/infobox_relations.tsv, longest first."""
    lines = _lines(path, "the infobox keys")
    keys = {line.strip() for line in lines if line.strip() and not line.startswith("#")}
    keys |= {k.key for k in infobox_table()}
    return tuple(sorted((k for k in keys if bool(CYRILLIC.search(k)) == (lang == "ru")), key=lambda k: (-len(k), k)))


@dataclass(frozen=True)
class InfoboxKey:
    """An infobox key and what its value states: relation type, the value's label, the value's role."""

    key: str
    relation: str
    label: str
    role: str  # "head": the value is the relation's head ("Leader: X"); "tail": the page is the head


INFOBOX_RELATIONS = MODELS / "infobox_relations.tsv"


@lru_cache(maxsize=4)
def infobox_table(path: Path = INFOBOX_RELATIONS) -> tuple[InfoboxKey, ...]:
    """The infobox keys (models/infobox_relations.tsv), longest first: those that state a relation, and those
    (relation "-") that state none but end the value of the key above ("Owner", "Revenue")."""
    keys = []
    for number, line in enumerate(_lines(path, "the infobox relations"), 1):
        if not line.strip() or line.startswith("#") or line.startswith("key\t"):
            continue
        fields = [f.strip() for f in line.split("\t")]
        stop = len(fields) == 4 and fields[1:] == ["-", "-", "-"]  # a key that states nothing ends the one above
        if not stop and (len(fields) != 4 or fields[1] == "-" or fields[3] not in ("head", "tail")
                         or fields[2] not in ("ORG", "LOC", "PER", "DATE")):
            raise ConfigError(f"{path}:{number}: expected key, relation, value label, head|tail (or - - -)")
        keys.append(InfoboxKey(*fields))
    return tuple(sorted(keys, key=lambda k: -len(k.key)))


# What may stand before a key: a list bullet ("- Leader: ..."), or a table's cell border ("| Leader | ... |").
INFOBOX_BULLET = r"[ \t]*(?:[-•*–][ \t]+|\|[ \t]*)?"


@lru_cache(maxsize=4)
def infobox_key_pattern(path: Path = INFOBOX_RELATIONS) -> tuple[re.Pattern[str], dict[str, InfoboxKey]]:
    """One pattern for every relation key at the start of a line (longest first, any case, spaces or no-break
    spaces), and the keys by their lower-case form."""
    keys = {k.key.lower(): k for k in infobox_table(path)}
    alternatives = "|".join(re.escape(k).replace(r"\ ", "[ \u00a0]") for k in sorted(keys, key=len, reverse=True))
    return re.compile(INFOBOX_BULLET + f"(?P<key>{alternatives})", re.I), keys


RELATION_TRIGGERS = MODELS / "relation_triggers.tsv"


@lru_cache(maxsize=4)
def trigger_words(path: Path = RELATION_TRIGGERS) -> dict[str, frozenset[str]]:
    """The tree rules' words by group (models/relation_triggers.tsv: group, lang, lemma, relation, note)."""
    groups: dict[str, set[str]] = {}
    for number, line in enumerate(_lines(path, "the relation triggers"), 1):
        if not line.strip() or line.startswith("#") or line.startswith("group\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 5 or fields[1] not in ("en", "ru") or not fields[0].strip() or not fields[2].strip():
            raise ConfigError(f"{path}:{number}: expected group, lang (en|ru), lemma, relation, note")
        groups.setdefault(fields[0].strip(), set()).add(fields[2].strip())
    return {group: frozenset(words) for group, words in groups.items()}


NAME_KINDS = MODELS / "name_kinds.tsv"
_NAME_KIND_LABELS = ("ORG", "LOC", "PER")


@lru_cache(maxsize=4)
def name_kinds(lang: str, path: Path = NAME_KINDS) -> dict[str, str]:
    """Kind nouns that say what a name is, lemma -> label (models/name_kinds.tsv: lang, lemma, label)."""
    kinds: dict[str, str] = {}
    for number, line in enumerate(_lines(path, "the name kinds"), 1):
        if not line.strip() or line.startswith("#") or line.startswith("lang\t"):
            continue
        fields = line.split("\t")
        if len(fields) != 3 or fields[0] not in ("en", "ru") or fields[2] not in _NAME_KIND_LABELS \
                or not fields[1].strip():
            raise ConfigError(f"{path}:{number}: expected lang (en|ru), lemma, label (ORG|LOC|PER)")
        if fields[0] == lang:
            kinds[fields[1].strip()] = fields[2]
    return kinds


RELATION_PATTERNS = MODELS / "relation_patterns.yaml"
WORDS = MODELS / "words"


@lru_cache(maxsize=64)
def words(name: str, folder: Path = WORDS) -> dict[str, str]:
    """A word list of models/words/<name>.tsv, in its order: word -> value ("" when a line has none).

    One word (or phrase) a line, optionally a tab and a value; lines starting with "#" are comments.
    """
    path = Path(folder) / f"{name}.tsv"
    found: dict[str, str] = {}
    for number, line in enumerate(_lines(path, "the word list"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) > 2 or not fields[0].strip():
            raise ConfigError(f"{path}:{number}: expected a word, optionally a tab and its value")
        found[fields[0].strip()] = fields[1].strip() if len(fields) == 2 else ""
    return found


GIVEN_NAMES = MODELS / "given_names_ru.txt"


@lru_cache(maxsize=2)
def given_names(path: Path = GIVEN_NAMES) -> frozenset[str]:
    """Russian given names in Latin letters, lower case (models/given_names_ru.txt)."""
    return frozenset(line.strip() for line in _lines(path, "the given names")
                     if line.strip() and not line.startswith("#"))
