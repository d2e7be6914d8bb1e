"""classify_pairs(document, sentences, classifier) -> relations a trained linear model reads off pairs of names
that share a sentence (weights in models/relation_pairs.json; pure Python, no numpy at run time)."""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import Protocol

from ..core.errors import ConfigError
from ..core.names import FUNCTION_WORDS, initials, is_case_form
from ..core.records import Document, Relation
from ..core.resources import MODELS, trigger_words
from ..core.script import CYRILLIC, LATIN
from .tree import head_word

FEATURE_VERSION = 2
DEFAULT_WEIGHTS = MODELS / "relation_pairs.json"  # Russian: NEREL (models/relation_pairs.md)
ENGLISH_WEIGHTS = MODELS / "relation_pairs_en.json"  # English: Re-DocRED (models/relation_pairs_en.md)
PATTERN = "model:relation_pairs"
NONE = "none"
# (head label, tail label) -> the types such an ordered pair can have; PER pairs are never asked about
PAIR_TYPES: dict[tuple[str, str], tuple[str, ...]] = {
    ("ORG", "LOC"): ("headquartered_in", "located_in"), ("LOC", "LOC"): ("located_in",),
    ("ORG", "DATE"): ("founded_on",), ("ORG", "ORG"): ("member_of", "alias_of"),
}
UNDIRECTED = {"alias_of"}
MAX_PAIRS_PER_UNIT = 400  # a list of 40 names in one "sentence" is a table, not a statement
_CONTEXT = 80  # characters read around the pair for the two words before and after it

_TOKEN = re.compile(r"\w+|[^\w\s]")
_SHORT_NAME = re.compile(r"[A-ZА-ЯЁ][A-ZА-ЯЁа-яёa-z]{1,14}")
_PATH_WORDS = 4  # a dependency path through at most this many words between the names is also read word by word
Tree = Sequence[Sequence]  # [[start, end, lemma, pos, dep, head], ...], as pipeline.extract.syntax stores it


class Span(Protocol):
    """What the features read from a mention: a gold entity or a pipeline Mention both fit."""

    start: int
    end: int
    label: str
    text: str


class PairClassifier:
    """A linear model over sparse string features: softmax of (bias + summed weights) per class."""

    def __init__(self, classes: Sequence[str], bias: Sequence[float], weights: dict[str, dict[str, float]],
                 thresholds: dict[str, float], features: int = FEATURE_VERSION, meta: dict | None = None,
                 floor: float = 0.5):
        if features != FEATURE_VERSION:
            raise ConfigError(f"relation weights use feature set {features}, this code reads {FEATURE_VERSION}; "
                              "rebuild them with `make models-relations`")
        self.classes = list(classes)
        self.bias = list(bias)
        index = {c: i for i, c in enumerate(self.classes)}
        self.weights = {f: [(index[c], w) for c, w in row.items()] for f, row in weights.items()}
        self.thresholds = dict(thresholds)
        self.floor = floor  # whatever threshold the dev data allowed, only a relation likelier than not
        self.features = features
        self.meta = meta or {}

    @classmethod
    def load(cls, path: Path | str = DEFAULT_WEIGHTS) -> PairClassifier:
        """Read the weights file the trainer wrote (pipeline.tools.train_relations)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            return cls(data["classes"], data["bias"], data["weights"], data["thresholds"], data["features"],
                       data.get("meta"))
        except OSError as exc:
            raise ConfigError(f"{path}: cannot read the relation weights: {exc.strerror or exc}") from None
        except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: not a relation weights file ({exc}); rebuild it with "
                              "`make models-relations`") from None

    def probabilities(self, features: Iterator[str] | Sequence[str]) -> dict[str, float]:
        """Class -> probability for one pair's features (unknown features weigh nothing)."""
        scores = list(self.bias)
        weights = self.weights
        for name in features:
            row = weights.get(name)
            if row:
                for i, w in row:
                    scores[i] += w
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return {c: e / total for c, e in zip(self.classes, exp)}


@lru_cache(maxsize=2)
def default_classifier(lang: str = "ru") -> PairClassifier:
    """The shipped model of a language, read once per process."""
    return PairClassifier.load(ENGLISH_WEIGHTS if lang == "en" else DEFAULT_WEIGHTS)


def classify_pairs(document: Document, sentences: list[tuple[int, int]],
                   classifier: PairClassifier | None = None, lang: str | None = None) -> list[Relation]:
    """Relations between names of one sentence whose model probability reaches the class threshold; of a pair
    given a relation both ways ("в Наньпине провинции Фуцзянь" read as either place in the other), only the
    likelier direction. With `lang`, only pairs of two names in that language are scored (the others still
    count as names between), by that language's shipped model unless one is given. The sentences' dependency
    trees (document._syntax) give the path features."""
    classifier = classifier or default_classifier(lang or "ru")
    mentions = sorted(document.mentions, key=lambda m: (m.start, -m.end))
    keep = None if lang is None else [m.lang == lang for m in mentions]
    best: dict[frozenset, tuple[float, Relation]] = {}
    for head, tail, unit, kind, p in score_pairs(document.text, mentions, sentences, classifier, keep,
                                                 document._syntax):
        if p >= max(classifier.thresholds.get(kind, 1.01), classifier.floor):
            pair = frozenset((head, tail))
            if pair not in best or p > best[pair][0]:
                best[pair] = (p, Relation(type=kind, head=mentions[head].id, tail=mentions[tail].id, evidence=unit,
                                          pattern=PATTERN, confidence=round(p, 3)))
    return [rel for _, rel in best.values()]


def score_pairs(text: str, spans: Sequence[Span], sentences: list[tuple[int, int]], classifier: PairClassifier,
                keep: Sequence[bool] | None = None, trees: Sequence[Tree] = ()
                ) -> list[tuple[int, int, tuple[int, int], str, float]]:
    """(head index, tail index, unit, type, probability) of the likeliest type of every candidate pair
    (spans sorted by start; with `keep`, only pairs of two kept spans); an undirected type is given once per
    pair, head = the later name."""
    best: dict[tuple, tuple[int, int, tuple[int, int], str, float]] = {}
    for h, t, unit, features in candidate_features(text, spans, sentences, keep, trees):
        probs = classifier.probabilities(features)
        allowed = PAIR_TYPES[(spans[h].label, spans[t].label)]
        kind = max(allowed, key=lambda k: probs.get(k, 0.0))
        p = probs.get(kind, 0.0)
        if kind in UNDIRECTED:
            if spans[h].text.lower() == spans[t].text.lower():
                continue  # the same name twice is a repetition, not an alias
            key = (kind, min(h, t), max(h, t))
            h, t = max(h, t), min(h, t)
        else:
            key = (kind, h, t)
        if key not in best or best[key][4] < p:
            best[key] = (h, t, unit, kind, p)
    return sorted(best.values(), key=lambda r: (spans[r[0]].start, r[3], spans[r[1]].start))


def units(text: str, sentences: list[tuple[int, int]], skip_citations: bool = False) -> list[tuple[int, int]]:
    """Sentences cut at line breaks (a headline, a dateline, an infobox line or a reference is a unit of its
    own), without the spaces around them, blank ones dropped; with skip_citations also without the citation
    markers a line starts with ("[3] The party ...", left by the sentence before)."""
    out = []
    for start, end in sentences or [(0, len(text))]:
        offset = start
        for line in text[start:end].split("\n"):
            lead = (_CITATIONS if skip_citations else _SPACES).match(line).end()
            if line[lead:].strip():
                out.append((offset + lead, offset + len(line.rstrip())))
            offset += len(line) + 1
    return out


_SPACES = re.compile(r"\s*")
_CITATIONS = re.compile(r"\s*(?:\[\d{1,3}\]\s*)*")


def candidate_features(text: str, spans: Sequence[Span], sentences: list[tuple[int, int]],
                       keep: Sequence[bool] | None = None, trees: Sequence[Tree] = ()
                       ) -> Iterator[tuple[int, int, tuple[int, int], list[str]]]:
    """(head index, tail index, unit, features) for every ordered pair of names in one unit whose labels
    fit a type; overlapping or nested spans are never paired. `spans` must be sorted by start. With `keep`,
    a pair with a span not kept is skipped after the cap per unit (so the pairs kept are scored as without it).
    `trees` (sorted by start) give the dependency path between the two names where one tree holds both."""
    tree_starts = [tree[0][0] for tree in trees if tree]
    trees = [tree for tree in trees if tree]
    position = 0
    context: dict[tuple, list[str]] = {}  # the words before or after a name in a unit: the same in all its pairs
    for unit in units(text, sentences):
        while position < len(spans) and spans[position].start < unit[0]:
            position += 1
        inside = []
        j = position
        while j < len(spans) and spans[j].start < unit[1]:
            if spans[j].end <= unit[1]:
                inside.append(j)
            j += 1
        pairs = [(a, b) for a in inside for b in inside
                 if a != b and (spans[a].label, spans[b].label) in PAIR_TYPES
                 and (spans[a].end <= spans[b].start or spans[b].end <= spans[a].start)]
        roots: dict[tuple[int, int], int | None] = {}  # (tree, span) -> the span's head word on that tree
        for a, b in pairs[:MAX_PAIRS_PER_UNIT]:
            if keep is None or (keep[a] and keep[b]):
                features = pair_features(text, spans, a, b, unit, inside, context)
                lo, hi = min(spans[a].start, spans[b].start), max(spans[a].end, spans[b].end)
                k = bisect_right(tree_starts, lo) - 1
                if k >= 0 and hi <= trees[k][-1][1]:
                    features += path_features(trees[k], k, spans, a, b, roots, features[0][5:])
                yield a, b, unit, features


def pair_features(text: str, spans: Sequence[Span], head: int, tail: int, unit: tuple[int, int],
                  inside: list[int], context: dict[tuple, list[str]] | None = None) -> list[str]:
    """Sparse features of one ordered pair: labels and order, the words between and around, punctuation,
    other names between, brackets, abbreviation, the names' own last words; each also joined with the labels.
    `context` keeps the words read around each name for the next pairs of the same text."""
    h, t = spans[head], spans[tail]
    first, second = (h, t) if h.start < t.start else (t, h)
    order = "ht" if first is h else "th"
    pair = f"{h.label}>{t.label}:{order}"
    between = [spans[i] for i in inside if first.end <= spans[i].start and spans[i].end <= second.start]
    words = _tokens(text, first.end, second.start, between)
    context = {} if context is None else context
    before = context.get((unit[0], first.start, -1))
    if before is None:
        before = context[(unit[0], first.start, -1)] = _tokens(text, max(unit[0], first.start - _CONTEXT),
                                                               first.start, [])[-2:]
    after = context.get((second.end, unit[1], 1))
    if after is None:
        after = context[(second.end, unit[1], 1)] = _tokens(text, second.end, min(unit[1], second.end + _CONTEXT),
                                                            [])[:2]
    gap = text[first.end:second.start]
    f = [f"n={_bucket(len(words))}", f"m={min(len(between), 3)}"]
    f += [f"w={w}" for w in dict.fromkeys(words)]  # each word once, in text order (a set's order would vary by run)
    if words:
        f += [f"w1={words[0]}", f"wl={words[-1]}"]
    if len(words) <= 3:
        f.append("ws=" + " ".join(words))
        # the short gap with which of the two is a country: "Перми, Россия", "Oslo (Norway)" state a place in a
        # country; "Россия, Пермь" is an address read the other way, "Chile, Peru" a list
        f.append(f"wsc={'C' if is_country(first.text) else '-'}{'C' if is_country(second.text) else '-'}="
                 + " ".join(words))
    f += [f"ml={s.label}" for s in between]
    f += [f"mh={s.label}" for s in between if s.label in (h.label, t.label)][:1]
    f += [f"b={w}" for w in before] + [f"a={w}" for w in after]
    f.append("b1=" + (before[-1] if before else "^"))
    f.append("a1=" + (after[0] if after else "$"))
    f.append(f"b1wl={before[-1] if before else '^'}_{words[-1] if words else ''}")  # "в X, штат Y"
    f.append(f"w1a1={words[0] if words else ''}_{after[0] if after else '$'}")  # "X (Y)."
    f += [f"p={p}" for p in ",()—-–«»\":;" if p in gap]
    if re.fullmatch(r"\s*[(\[]\s*[«\"]?\s*", gap):
        f.append("bracket=" + ("close" if re.match(r"\s*[»\"]?\s*[)\],;]", text[second.end:second.end + 3])
                               else "open"))
    f += [f"h:{x}" for x in _name_features(h.text)] + [f"t:{x}" for x in _name_features(t.text)]
    if h.label == t.label == "ORG":
        f += _alias_features(first.text, second.text)
    return ["pair=" + pair] + f + [f"{pair}|{x}" for x in f]


def path_features(tree: Tree, number: int, spans: Sequence[Span], head: int, tail: int,
                  roots: dict[tuple[int, int], int | None], pair: str) -> list[str]:
    """The dependency path between the two names' head words on one tree: its labels (up from the head's
    name, down to the tail's), the words on it (lemmas, and the trigger-word groups of
    models/relation_triggers.tsv they belong to, which carry the lexicon to words training never saw), the
    word where the two branches meet; each also joined with the labels. `roots` keeps head words found."""
    ends = []
    for i in (head, tail):
        if (number, i) not in roots:
            roots[(number, i)] = head_word(tree, spans[i].start, spans[i].end)
        ends.append(roots[(number, i)])
    if None in ends or ends[0] == ends[1]:
        return ["path=none", f"{pair}|path=none"]
    up, down = _ancestors(tree, ends[0]), _ancestors(tree, ends[1])
    common = next((i for i in up if i in set(down)), None)
    if common is None:
        return ["path=none", f"{pair}|path=none"]
    rising, falling = up[:up.index(common)], down[:down.index(common)]
    labels = [f"{tree[i][4]}^" for i in rising] + [f"v{tree[i][4]}" for i in reversed(falling)]
    middle = rising[1:] + ([common] if common not in ends else []) + list(reversed(falling[1:]))
    lemmas = [str(tree[i][2]).lower() for i in middle]
    groups = _groups()
    f = [f"dl={_bucket(len(labels))}", "dp=" + (" ".join(labels) if len(labels) <= 6 else "long")]
    if len(middle) <= _PATH_WORDS:
        f.append("dpw=" + " ".join(labels[:1] + lemmas + labels[-1:]))
    f += [f"dw={w}" for w in dict.fromkeys(lemmas)]
    f += [f"dg={g}" for g in sorted({g for w in lemmas for g in groups.get(w, ())})]
    if common not in ends:
        f.append(f"top={str(tree[common][2]).lower()}")
    else:
        f.append("top=" + ("head" if common == ends[0] else "tail"))
    return f + [f"{pair}|{x}" for x in f]


def _ancestors(tree: Tree, i: int) -> list[int]:
    """Word i and the words above it up to the root (a cycle, which a parser never makes, stops the walk)."""
    out, seen = [i], {i}
    while 0 <= tree[i][5] < len(tree) and tree[i][5] not in seen:
        i = tree[i][5]
        out.append(i)
        seen.add(i)
    return out


# word classes of the rules that say nothing of a path between two names (a kind of organisation, a country's
# name, a lesser title): read on a path they would only split the trigger words' evidence
_NOT_ON_PATH = {"KIND", "REFERENCE", "COUNTRIES", "FORMER_UNION", "BOARD", "ENDED", "LESSER_TITLE"}


@lru_cache(maxsize=1)
def _groups() -> dict[str, tuple[str, ...]]:
    """Lemma -> the trigger-word groups it stands in (both languages; a group is one language's or both)."""
    out: dict[str, list[str]] = {}
    for group, words in trigger_words().items():
        if group in _NOT_ON_PATH:
            continue
        for w in words:
            out.setdefault(w, []).append(group)
    return {w: tuple(sorted(gs)) for w, gs in out.items()}


@lru_cache(maxsize=100_000)
def _name_features(text: str) -> tuple[str, ...]:
    """A name's own features (a name stands in many pairs: they are read once)."""
    words = _TOKEN.findall(text)
    out = [f"last={_stem(words[-1])}" if words else "last=", f"len={min(len(words), 4)}"]
    if words:
        out.append(f"first={_stem(words[0])}")
    if text.isupper() and len(text) > 1:
        out.append("caps")
    if LATIN.search(text) and not CYRILLIC.search(text):
        out.append("latin")
    if is_country(text):
        out.append("country")
    return tuple(out)


def is_country(text: str) -> bool:
    """Whether a name is a country's (COUNTRIES in models/relation_triggers.tsv), a Russian one in any case
    ("России", "Соединённых Штатов Америки" of "россия", "соединенные штаты америки")."""
    words = text.lower().replace("ё", "е").split()
    if words and words[0] == "the":
        words = words[1:]
    if not words or len(words) > 6:
        return False
    candidates = _country_entries().get(tuple(w[:3] for w in words), ())
    return any(all(is_case_form(w, e) for w, e in zip(words, entry)) for entry in candidates)


@lru_cache(maxsize=1)
def _country_entries() -> dict[tuple[str, ...], list[tuple[str, ...]]]:
    """The COUNTRIES entries as word tuples, by the first three letters of each word."""
    out: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for name in trigger_words().get("COUNTRIES", ()):
        words = tuple(name.split())
        out.setdefault(tuple(w[:3] for w in words), []).append(words)
    return out


def _alias_features(a: str, b: str) -> list[str]:
    out = []
    if a.lower() == b.lower():
        out.append("same")
    elif _stem(a.split()[-1]) == _stem(b.split()[-1]):
        out.append("same_last")
    for short, long in ((a, b), (b, a)):
        if len(long.split()) > 1 and _SHORT_NAME.fullmatch(short) and short != long:
            if initials(long) == short.upper():
                out.append("abbr=initials")
            elif is_abbreviation(short, long):
                out.append("abbr=parts")
    return out


def is_abbreviation(short: str, long: str) -> bool:
    """Whether `short` is made of the beginnings of `long`'s words, in order ("Минобрнауки" of "Министерство
    образования и науки", "МГУ" of "Московский государственный университет"); each content word gives some."""
    target = short.lower().replace("ё", "е")
    words = [w.lower().replace("ё", "е") for w in re.findall(r"\w+", long)]
    if not target or not words or len(target) > 20 or len(words) > 12:
        return False

    @cache
    def fits(i: int, k: int) -> bool:  # target[i:] from words[k:]
        if i == len(target):
            return all(w in FUNCTION_WORDS for w in words[k:])
        if k == len(words):
            return False
        skippable = words[k] in FUNCTION_WORDS
        if skippable and fits(i, k + 1):
            return True
        word = words[k]
        return any(fits(i + n, k + 1) for n in range(1, min(len(word), len(target) - i) + 1)
                   if target[i:i + n] == word[:n])

    return fits(0, 0)


def _tokens(text: str, start: int, end: int, names: list[Span]) -> list[str]:
    """Crude stems of the words of text[start:end], a name in between read as its label."""
    out, position = [], start
    for s in names:
        if s.start < position:
            continue  # a name inside one already read
        out += [_stem(w) for w in _TOKEN.findall(text[position:s.start])]
        out.append(f"<{s.label}>")
        position = s.end
    out += [_stem(w) for w in _TOKEN.findall(text[position:end])]
    return out


def _stem(word: str) -> str:
    if word.isdigit():
        return "<num>"
    return word.lower().replace("ё", "е")[:5]


def _bucket(n: int) -> str:
    for limit, name in ((0, "0"), (1, "1"), (2, "2"), (3, "3"), (5, "4-5"), (8, "6-8"), (15, "9-15")):
        if n <= limit:
            return name
    return "16+"
