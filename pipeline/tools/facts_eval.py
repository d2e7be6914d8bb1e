"""Fact gold (realwiki_dev format) + a run's output -> scores: facts per relation type and per confidence threshold.

The matching rules are those of the shared reference scorer (shared/tools/score_facts.py), so both give the same
counts:
- a produced fact counts once for every gold text its evidence comes from (a document meets its gold text by the
  file's stem: `en-parnas` for `en-parnas.txt`);
- names are compared folded (case, accents and stress marks, so ё/е and й/и alike, quotes, dashes, a leading
  "the", a trailing "(...)"): a produced side matches when one of its entity's names or mention forms is one of
  the gold name's forms, that is the name, every name of its `also_names` clusters, and, for a name ending in a
  quoted name, the name without that tail when two words or more remain;
- dates compare ISO values: for recall the produced value is the gold one or finer ("2011-03-07" for "2011-03");
  for precision a coarser one is also consistent ("2011" for "2011-03-07": the same line of time);
- affiliated_with matches in either direction;
- alias_of counts for recall only, when one entity of the run holds both names; produced alias_of facts are left
  out of precision (the pipeline keeps aliases as entity names, not as facts);
- precision = produced non-alias facts matching a required or optional fact / produced non-alias facts;
  recall = required facts matched / required facts.
"""

from __future__ import annotations

import json
import math
import re
import tempfile
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import InputError
from ..core.records import RELATION_TYPES, Document, Entity, Fact
from ..core.settings import Settings
from ..io.jsonl import read_records

if TYPE_CHECKING:
    from ..corpus.flow import Progress
    from ..extract.pipelines import Models

THRESHOLDS: tuple[float, ...] = (0.0, 0.5, 0.7, 0.8, 0.9)
_UNDIRECTED = {"affiliated_with"}
_ALWAYS = math.inf  # an alias_of match: entity names carry no confidence, so it counts at every threshold

_ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?|-(SP|SU|FA|WI|Q\d|H\d))?")
_TRAILING_BRACKETS = re.compile(r"\s*\([^()]*\)\s*$")
_QUOTES = str.maketrans("", "", "«»\"'“”„’`")
_LEADING_THE = re.compile(r"^the\s+")
_SPACES_AND_DASHES = re.compile(r"[\s\-‐–—]+")
_QUOTED_TAIL = re.compile(r'\s*[«"“][^»"”]*[»"”]\s*$')


@dataclass(frozen=True)
class GoldText:
    """One line of a fact gold file: a text's required and optional facts and its name clusters."""

    file: str
    line: int
    facts: list[dict]
    optional: list[dict]
    clusters: dict[str, frozenset[str]]

    @property
    def stem(self) -> str:
        """The file name without extension, which is also the id of the text's document in a run."""
        return Path(self.file).stem


@dataclass(frozen=True)
class Side:
    """One end of a produced fact as the scorer sees it: a date value, or the folded names of an entity."""

    date: str | None = None
    names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class ProducedFact:
    """A fact of the run as stated in one text, with both ends resolved for matching."""

    subject: str
    predicate: str
    object: str
    confidence: float
    subject_side: Side
    object_side: Side
    evidence: str


@dataclass(frozen=True)
class RunFacts:
    """A run's output as the scorer reads it: produced facts per text (file stem), entity names, document stems."""

    by_text: dict[str, list[ProducedFact]]
    entity_names: list[frozenset[str]]
    texts: frozenset[str]


Recalled = list[tuple[GoldText, dict, float | None]]  # each required fact and its best matching confidence
Judged = list[tuple[GoldText, ProducedFact, bool]]  # each produced non-alias fact and whether the gold allows it


def fold(name: str) -> str:
    """A name's matching key: accents, case, a trailing "(...)", quotes, a leading "the" dropped; dashes as spaces."""
    decomposed = unicodedata.normalize("NFD", name)
    key = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn").casefold()
    key = _TRAILING_BRACKETS.sub("", key).translate(_QUOTES).strip()
    key = _LEADING_THE.sub("", key)
    return _SPACES_AND_DASHES.sub(" ", key).strip()


def name_clusters(also_names: dict[str, list[str]]) -> dict[str, frozenset[str]]:
    """Folded name -> the folded names of every `also_names` cluster it is in (canonical name included)."""
    clusters: dict[str, set[str]] = defaultdict(set)
    for canonical, others in also_names.items():
        cluster = {fold(canonical), *(fold(other) for other in others)}
        for name in cluster:
            clusters[name] |= cluster
    return {name: frozenset(cluster) for name, cluster in clusters.items()}


def name_forms(name: str, clusters: dict[str, frozenset[str]]) -> set[str]:
    """The folded forms a gold name stands for: its clusters' names, and the name without a quoted tail
    when two words or more remain ('Объединение профсоюзов России «Соцпроф»' -> 'Объединение профсоюзов России')."""
    key = fold(name)
    forms = set(clusters.get(key, {key}))
    untailed = _QUOTED_TAIL.sub("", name)
    if untailed != name and len(untailed.split()) >= 2:
        forms.add(fold(untailed))
    return forms


def is_iso_date(value: str) -> bool:
    """True for the gold's date values: 2011, 2011-03, 2011-03-07, 2011-SP, 2011-Q2, 2011-H1."""
    return _ISO_DATE.fullmatch(value) is not None


def within(value: str, coarse: str) -> bool:
    """True when `value` is the date `coarse` or a finer date inside it ("2011-03-07" within "2011-03")."""
    return value == coarse or value.startswith(coarse + "-")


def same_line_of_time(a: str, b: str) -> bool:
    """True when one date value is the other or a refinement of it ("2011" and "2011-03-07")."""
    return within(a, b) or within(b, a)


def is_facts_gold(path: Path) -> bool:
    """True when the first non-blank line of `path` is a fact gold line (a JSON object with "file" and "facts")."""
    try:
        with open(path, encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
        data = json.loads(first)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return False  # the entity-format reader reports what is wrong with the file
    return isinstance(data, dict) and "file" in data and "facts" in data


def load_facts_gold(path: Path) -> list[GoldText]:
    """Every text of a fact gold file; InputError names the file and line of a bad line."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; is it a fact gold file?") from None
    texts: list[GoldText] = []
    first_line: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        text = _gold_text(line, number, f"{path}:{number}")
        if text.stem in first_line:
            raise InputError(f"{path}:{number}: {text.file!r} is also the text of line {first_line[text.stem]}; "
                             "write one line per text")
        first_line[text.stem] = number
        texts.append(text)
    return texts


def _gold_text(line: str, number: int, where: str) -> GoldText:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not JSON ({exc.msg}); expected one text's facts per line") from None
    except RecursionError:
        raise InputError(f"{where}: not JSON (nested too deeply); expected one text's facts per line") from None
    if not isinstance(data, dict) or not isinstance(data.get("file"), str) or not isinstance(data.get("facts"), list):
        raise InputError(f'{where}: not a fact gold line (a JSON object with "file" and a list "facts")')
    optional = data.get("optional") or []
    if not isinstance(optional, list):
        raise InputError(f'{where}: "optional" should be a list of facts')
    return GoldText(file=data["file"], line=number, facts=[_gold_fact(f, where) for f in data["facts"]],
                    optional=[_gold_fact(f, where) for f in optional],
                    clusters=name_clusters(_also_names(data.get("also_names"), where)))


def _gold_fact(fact: object, where: str) -> dict:
    if not isinstance(fact, dict) or not all(isinstance(fact.get(k), str) for k in ("subject", "predicate", "object")):
        raise InputError(f"{where}: every fact needs string subject, predicate and object; got {fact!r}")
    if fact["predicate"] not in RELATION_TYPES:
        raise InputError(f"{where}: unknown predicate {fact['predicate']!r}; valid: {', '.join(RELATION_TYPES)}")
    return fact


def _also_names(value: object, where: str) -> dict[str, list[str]]:
    value = value or {}
    if not isinstance(value, dict) or not all(isinstance(names, list) and all(isinstance(n, str) for n in names)
                                              for names in value.values()):
        raise InputError(f'{where}: "also_names" should map a canonical name to a list of names')
    return value


def gold_texts_folder(path: Path, gold: list[GoldText]) -> Path:
    """The `texts/` folder next to the gold file, checked to hold every text the gold names."""
    folder = Path(path).parent / "texts"
    if not folder.is_dir():
        raise InputError(f"{path}: no texts/ folder next to it ({folder}); the gold's texts are read from there")
    for text in gold:
        if not (folder / text.file).is_file():
            raise InputError(f"{path}:{text.line}: text {text.file!r} not found in {folder}")
    return folder


def read_run(folder: Path) -> RunFacts:
    """A run's output folder (entities.jsonl, documents.jsonl, facts.jsonl), read for scoring."""
    folder = Path(folder)
    return collect_run(read_records(folder / "entities.jsonl", Entity),
                       read_records(folder / "documents.jsonl", Document), read_records(folder / "facts.jsonl", Fact))


def collect_run(entities: Iterable[Entity], documents: Iterable[Document], facts: Iterable[Fact]) -> RunFacts:
    """Produced facts per text with both ends resolved to names or dates; a fact without confidence counts as 1."""
    documents = list(documents)
    names = _entity_names(entities, documents)
    stems = {d.id: Path(d.path or d.id).stem for d in documents}
    by_text: dict[str, dict[tuple[str, str, str], ProducedFact]] = defaultdict(dict)
    for fact in facts:
        subject, obj = _side(fact.subject, names), _side(fact.object, names)
        confidence = 1.0 if fact.confidence is None else fact.confidence
        for evidence in fact.evidence:
            stated = by_text[stems.get(evidence.document, Path(evidence.document).stem)]
            key = (fact.subject, fact.predicate, fact.object)
            if key not in stated or confidence > stated[key].confidence:
                stated[key] = ProducedFact(fact.subject, fact.predicate, fact.object, confidence, subject, obj,
                                           evidence.text)
    return RunFacts(by_text={stem: list(stated.values()) for stem, stated in by_text.items()},
                    entity_names=list(names.values()), texts=frozenset(stems.values()))


def _entity_names(entities: Iterable[Entity], documents: list[Document]) -> dict[str, frozenset[str]]:
    """Entity id -> the folded names entities.jsonl gives it and the folded text and normal form of its mentions."""
    names: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        names[entity.id].add(fold(entity.name))
        names[entity.id].update(fold(name) for forms in entity.names.values() for name in forms)
    for document in documents:
        for mention in document.mentions:
            if mention.entity:
                names[mention.entity].update((fold(mention.text), fold(mention.normal)))
    return {entity: frozenset(found - {""}) for entity, found in names.items()}


def _side(value: str, names: dict[str, frozenset[str]]) -> Side:
    if value.startswith("date:"):
        return Side(date=value.removeprefix("date:"))
    return Side(names=names.get(value, frozenset({fold(value)}) - {""}))  # an id no entity has stands for itself


def side_matches(gold_name: str, side: Side, clusters: dict[str, frozenset[str]], for_precision: bool) -> bool:
    """True when a produced end stands for the gold name or date (see the module docstring for dates)."""
    if is_iso_date(gold_name):
        if side.date is None:
            return False
        return same_line_of_time(side.date, gold_name) if for_precision else within(side.date, gold_name)
    return side.date is None and not side.names.isdisjoint(name_forms(gold_name, clusters))


def fact_matches(gold: dict, produced: ProducedFact, clusters: dict[str, frozenset[str]], for_precision: bool) -> bool:
    """True when a produced fact states the gold fact; affiliated_with is read in either direction."""
    if gold["predicate"] != produced.predicate:
        return False

    def ends_match(subject: Side, obj: Side) -> bool:
        return (side_matches(gold["subject"], subject, clusters, for_precision)
                and side_matches(gold["object"], obj, clusters, for_precision))

    return ends_match(produced.subject_side, produced.object_side) or (
        produced.predicate in _UNDIRECTED and ends_match(produced.object_side, produced.subject_side))


def alias_held(gold: dict, entity_names: list[frozenset[str]]) -> bool:
    """alias_of: one entity of the run holds both names, folded (no clusters, no direction)."""
    both = {fold(gold["subject"]), fold(gold["object"])}
    return any(both <= names for names in entity_names)


def _recall_confidence(gold: dict, text: GoldText, run: RunFacts) -> float | None:
    """The highest confidence among the produced facts that state a required fact; None when none does."""
    if gold["predicate"] == "alias_of":
        return _ALWAYS if alias_held(gold, run.entity_names) else None
    found = [p.confidence for p in run.by_text.get(text.stem, []) if fact_matches(gold, p, text.clusters, False)]
    return max(found, default=None)


def score_facts(gold: list[GoldText], run: RunFacts) -> dict:
    """Precision and recall overall, per relation type and per confidence threshold, with misses and wrong facts."""
    recalled: Recalled = []
    judged: Judged = []
    for text in gold:
        recalled += [(text, fact, _recall_confidence(fact, text, run)) for fact in text.facts]
        allowed = text.facts + text.optional
        for produced in sorted(run.by_text.get(text.stem, []), key=lambda p: (p.subject, p.predicate, p.object)):
            if produced.predicate != "alias_of":
                judged.append((text, produced, any(fact_matches(f, produced, text.clusters, True) for f in allowed)))
    return {
        "texts": len(gold),
        "texts_without_run": [text.file for text in gold if text.stem not in run.texts],
        "facts": _scores(recalled, judged, 0.0),
        "per_type": _per_type(recalled, judged),
        "thresholds": [{"min_confidence": t, **_scores(recalled, judged, t)} for t in THRESHOLDS],
        "misses": [{"file": text.file, "subject": fact["subject"], "predicate": fact["predicate"],
                    "object": fact["object"], "quote": fact.get("quote")}
                   for text, fact, best in recalled if best is None],
        "wrong": [{"file": text.file, "subject": p.subject, "predicate": p.predicate, "object": p.object,
                   "confidence": p.confidence, "evidence": p.evidence} for text, p, correct in judged if not correct],
    }


def _scores(recalled: Recalled, judged: Judged, threshold: float) -> dict:
    """Counts and rates when only produced facts with confidence >= threshold are kept (alias_of recall: always)."""
    required = len(recalled)
    matched = sum(best is not None and best >= threshold for _, _, best in recalled)
    kept = [correct for _, produced, correct in judged if produced.confidence >= threshold]
    produced, correct = len(kept), sum(kept)
    return {"required": required, "matched": matched, "recall": _rate(matched, required),
            "produced": produced, "correct": correct, "precision": _rate(correct, produced),
            "f1": _f1(_rate(correct, produced), _rate(matched, required))}


def _per_type(recalled: Recalled, judged: Judged) -> dict[str, dict]:
    """Recall counts of every gold type and precision counts of every produced type (none for alias_of)."""
    types = sorted({fact["predicate"] for _, fact, _ in recalled} | {p.predicate for _, p, _ in judged})
    rows = {}
    for kind in types:
        required = [best for _, fact, best in recalled if fact["predicate"] == kind]
        verdicts = [correct for _, produced, correct in judged if produced.predicate == kind]
        matched = sum(best is not None for best in required)
        row = {"required": len(required), "matched": matched, "recall": _rate(matched, len(required))}
        if kind == "alias_of":
            row.update(produced=None, correct=None, precision=None)
        else:
            row.update(produced=len(verdicts), correct=sum(verdicts), precision=_rate(sum(verdicts), len(verdicts)))
        rows[kind] = row
    return rows


def _rate(part: int, whole: int) -> float:
    return part / whole if whole else 0.0  # not rounded, so that printed figures round once, as the reference's


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_run_folder(gold_path: Path, run_folder: Path) -> dict:
    """Score an existing run's output folder against a fact gold file."""
    return score_facts(load_facts_gold(gold_path), read_run(run_folder))


def evaluate_facts(gold_path: Path, settings: Settings, out: Path | None = None, models: Models | None = None,
                   progress: Progress | None = None) -> dict:
    """Run the pipeline over the gold's texts/ folder into `out` (a temporary folder when None) and score the run.

    Models are built only if a document needs extracting (a re-run into the same `out` comes from its cache).
    """
    from ..corpus.run import run_corpus

    gold = load_facts_gold(gold_path)
    texts = gold_texts_folder(gold_path, gold)
    if out is not None and Path(out).exists() and not Path(out).is_dir():
        raise InputError(f"{out}: not a folder; a fact gold's run is written into a folder (four files and a cache)")
    with tempfile.TemporaryDirectory(prefix="pipeline-eval-") if out is None else nullcontext(out) as folder:
        result = run_corpus([texts], Path(folder), settings, progress=progress, models=models)
        scores = score_facts(gold, read_run(Path(folder)))
    scores["run_errors"] = [failure.error for failure in result.manifest.errors]
    return scores


def format_facts_report(result: dict, show: int = 10) -> str:
    """The fact scores as aligned text tables, then up to `show` missed and `show` wrong facts."""
    lines = [f"texts: {result['texts']}"]
    lines += [f"run error: {error}" for error in result.get("run_errors", [])]
    if result["texts_without_run"]:
        lines.append(f"no document in the run for: {', '.join(result['texts_without_run'])}")
    lines += ["", "FACTS per type (recall over required facts; precision over produced facts except alias_of)",
              f"{'':18} {'required':>8} {'matched':>8} {'R':>7} {'produced':>8} {'correct':>8} {'P':>7}"]
    for kind, row in [*result["per_type"].items(), ("all", result["facts"])]:
        lines.append(f"{kind:18} {_counts(row['matched'], row['required'], row['recall'])} "
                     f"{_counts(row['correct'], row['produced'], row['precision'])}".rstrip())
    lines += ["", "BY CONFIDENCE (facts of confidence >= t; none given counts as 1.0; alias_of recall ignores it)",
              f"{'t':>6} {'required':>8} {'matched':>8} {'R':>7} {'produced':>8} {'correct':>8} {'P':>7} {'F1':>7}"]
    for row in result["thresholds"]:
        lines.append(f"{row['min_confidence']:6.2f} {_counts(row['matched'], row['required'], row['recall'])} "
                     f"{_counts(row['correct'], row['produced'], row['precision'])} {row['f1']:7.3f}")
    lines += _listed("missed", result["misses"], show, _missed_line)
    lines += _listed("wrong", result["wrong"], show, _wrong_line)
    total = result["facts"]
    lines += ["", f"facts: precision {total['precision']:.3f} ({total['correct']}/{total['produced']}), "
              f"recall {total['recall']:.3f} ({total['matched']}/{total['required']}), F1 {total['f1']:.3f}"]
    return "\n".join(lines) + "\n"


def _counts(part: int | None, whole: int | None, rate: float | None) -> str:
    """'whole part rate' in table columns; '-' where nothing is counted (alias_of precision, an empty type)."""
    if whole is None:
        return f"{'-':>8} {'-':>8} {'-':>7}"
    return f"{whole:8d} {part:8d} " + (f"{rate:7.3f}" if whole else f"{'-':>7}")


def _listed(title: str, items: list[dict], show: int, line: Callable[[dict], str]) -> list[str]:
    if not items or show <= 0:
        return []
    return ["", f"{title} ({min(show, len(items))} of {len(items)}):", *(line(item) for item in items[:show])]


def _missed_line(item: dict) -> str:
    return f"  {Path(item['file']).stem}: {item['subject']} {item['predicate']} {item['object']}"


def _wrong_line(item: dict) -> str:
    evidence = item["evidence"] if len(item["evidence"]) <= 80 else item["evidence"][:77] + "..."
    return (f"  {Path(item['file']).stem}: {item['subject']} {item['predicate']} {item['object']} "
            f"(confidence {item['confidence']:.2f}) <- {evidence!r}")
