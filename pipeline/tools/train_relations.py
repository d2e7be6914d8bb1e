"""NEREL-format gold -> models/relation_pairs.json: trains the pair classifier of pipeline.relate.classifier.

    pipeline train relations --train nerel_train.jsonl --dev nerel_dev.jsonl --out models/relation_pairs.json \
        [--pipeline]

Training needs scikit-learn (in requirements-test.lock); the weights it writes are read without it.
Pairs come from the gold names; with --pipeline, the texts also go through the pipeline's extraction and its own
mentions give more pairs, and the thresholds are picked on pipeline mentions, as the model will meet them
(cross-validated training pairs and dev pairs together). The model card is models/relation_pairs.md.
"""

from __future__ import annotations

import json
import re
import sys
import time
import warnings
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import NamedTuple

from ..core.errors import PipelineError
from ..relate.classifier import (
    FEATURE_VERSION,
    NONE,
    PAIR_TYPES,
    UNDIRECTED,
    PairClassifier,
    candidate_features,
    score_pairs,
)
from .evaluate import RELATION_MAP, load_gold

TYPES = sorted({t for types in PAIR_TYPES.values() for t in types})
Key = tuple[str, tuple[int, int, str], tuple[int, int, str]]


class Name(NamedTuple):
    """A gold entity or a pipeline mention, as the features read it."""

    start: int
    end: int
    label: str
    text: str


@dataclass
class Sample:
    """One document as the trainer sees it: names (sorted), sentences, the gold relations it should find."""

    id: str
    text: str
    names: list[Name]
    sentences: list[tuple[int, int]]
    gold: set[Key]
    nested: set[tuple[int, int]] = field(default_factory=set)  # spans of gold names inside other gold names
    trees: list = field(default_factory=list)  # the pipeline's dependency trees of the text (path features)


@dataclass
class TrainSettings:
    """What training can be told; the defaults are what models/relation_pairs.json was built with."""

    C: float = 0.3
    min_count: int = 2
    max_iter: int = 1000
    class_weight: str | None = None
    prune: float = 0.02
    folds: int = 5
    target_precision: float = 0.7
    floor_precision: float = 0.6
    min_predictions: int = 5


def relation_key(kind: str, head: Name, tail: Name) -> Key:
    """The scorer's key of a relation: type and exact spans with labels; undirected types sorted."""
    a, b = (head.start, head.end, head.label), (tail.start, tail.end, tail.label)
    if kind in UNDIRECTED:
        a, b = sorted((a, b))
    return kind, a, b


def gold_sample(doc: dict, sentences: list[tuple[int, int]] | None = None) -> Sample:
    """A gold document with its standalone names (inside no other gold name) and the relations between them
    that our types take (NEREL names mapped as the evaluation maps them, labels fitting the signature)."""
    entities = [_as_pipeline_date(Name(e["start"], e["end"], e["label"], e["text"])) for e in doc.get("entities", [])]
    nested = {(e.start, e.end) for e in entities
              if any(o.start <= e.start and e.end <= o.end and (o.start, o.end) != (e.start, e.end) for o in entities)}
    gold = set()
    for r in doc.get("relations", []) or []:
        kind = RELATION_MAP.get(r["type"], r["type"])
        try:
            head, tail = entities[r["head"]], entities[r["tail"]]
        except (IndexError, TypeError):
            continue
        if (head.start, head.end) in nested or (tail.start, tail.end) in nested:
            continue
        fits = kind in PAIR_TYPES.get((head.label, tail.label), ())
        if kind in UNDIRECTED:
            fits = fits or kind in PAIR_TYPES.get((tail.label, head.label), ())
        if fits:
            gold.add(relation_key(kind, head, tail))
    seen, names = set(), []
    for e in sorted(entities, key=lambda e: (e.start, -e.end)):
        if (e.start, e.end) not in nested and (e.start, e.end) not in seen:
            seen.add((e.start, e.end))
            names.append(e)
    if sentences is None:
        sentences = split_sentences(doc["text"])
    return Sample(doc["id"], doc["text"], names, sentences, gold, nested)


_DATE_PREPOSITION = re.compile(r"(?:[Вв]о?|[Сс]о?|[Нн]а|[Дд]о|[Зз]а|[Пп]о|[Оо]т|[Кк]|[Ii]n|[Oo]n|[Ss]ince)\s+(?=\w)")


def _as_pipeline_date(name: Name) -> Name:
    """A NEREL date without its leading preposition ("в 2003 году" -> "2003 году"), as the pipeline marks dates,
    so that gold and pipeline date pairs read alike and a pipeline date can meet its gold one."""
    lead = _DATE_PREPOSITION.match(name.text) if name.label == "DATE" else None
    if not lead:
        return name
    return Name(name.start + lead.end(), name.end, name.label, name.text[lead.end():])


def split_sentences(text: str) -> list[tuple[int, int]]:
    """razdel's sentences (the Russian pipeline's own splitter), as character spans."""
    from razdel import sentenize  # Natasha's segmenter; no model behind it

    return [(s.start, s.stop) for s in sentenize(text)]


def pipeline_samples(gold_docs: list[dict], log=lambda message: None) -> tuple[list[Sample], list[Sample]]:
    """Each gold document twice, both with the pipeline's sentences and dependency trees: once with the gold
    names, once with the pipeline's own mentions in their place (extraction only: neither linking nor
    relations, so no weights file is needed to train a new one)."""
    from .. import load_models
    from ..core.records import Meta
    from ..corpus.flow import extract_document
    from ..ingest.read import InputDocument

    models, gold_out, pred_out = load_models(), [], []
    for number, doc in enumerate(gold_docs, 1):
        lang = doc.get("lang") if doc.get("lang") in ("en", "ru") else None
        record = extract_document(models, InputDocument(id=doc["id"], path=doc["id"], sha256="", text=doc["text"],
                                                           meta=Meta(lang=lang, published=doc.get("dct") or None)))
        gold = gold_sample(doc, sentences=record._sentences)
        gold.trees = record._syntax
        sample = replace(gold, names=sorted((Name(m.start, m.end, m.label, m.text) for m in record.mentions),
                                            key=lambda n: (n.start, -n.end)))
        gold_out.append(gold)
        pred_out.append(sample)
        if number % 100 == 0:
            log(f"  {number}/{len(gold_docs)} documents\n")
    return gold_out, pred_out


def examples(samples: Iterable[Sample]) -> tuple[list[list[str]], list[str]]:
    """Features and class of every candidate pair: a gold type when the pair is a gold relation, else none;
    a pair whose names only partly cover a gold relation's arguments (a name cut short) is left out."""
    features, labels = [], []
    for s in samples:
        stated = _stated_names(s)
        for h, t, _, f in candidate_features(s.text, s.names, s.sentences, trees=s.trees):
            head, tail = s.names[h], s.names[t]
            kinds = [k for k in PAIR_TYPES[(head.label, tail.label)] if relation_key(k, head, tail) in s.gold]
            if not kinds and (_partly_gold(head, tail, s.gold) or (head.text, tail.text) in stated):
                continue
            features.append(f)
            labels.append(kinds[0] if kinds else NONE)
    return features, labels


def _stated_names(sample: Sample) -> set[tuple[str, str]]:
    """The (head, tail) name texts of the gold relations, both ways: another pair of the same two names (Re-DocRED
    marks a relation only in the sentences its annotators gave as evidence) is no example of "none"."""
    spans = {(n.start, n.end, n.label): n.text for n in sample.names}
    texts = {(start, end): sample.text[start:end] for _, (start, end, _l), _t in sample.gold} | {
        (start, end): sample.text[start:end] for _, _h, (start, end, _l) in sample.gold}
    out = set()
    for _, a, b in sample.gold:
        pair = (spans.get(a, texts[a[:2]]), spans.get(b, texts[b[:2]]))
        out |= {pair, pair[::-1]}
    return out


def _partly_gold(head: Name, tail: Name, gold: set[Key]) -> bool:
    def overlap(name: Name, span: tuple[int, int, str]) -> bool:
        return name.start < span[1] and span[0] < name.end

    return any(overlap(head, a) and overlap(tail, b) or kind in UNDIRECTED and overlap(head, b) and overlap(tail, a)
               for kind, a, b in gold)


def fit(features: list[list[str]], labels: list[str], settings: TrainSettings) -> PairClassifier:
    """Multinomial logistic regression (scikit-learn) over the binary features seen min_count times."""
    try:
        from scipy.sparse import csr_matrix
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.linear_model import LogisticRegression
    except ImportError:
        raise PipelineError("training needs scikit-learn: pip install -r requirements-test.lock") from None
    counts = Counter(x for f in features for x in set(f))
    vocabulary = {x: i for i, x in enumerate(sorted(x for x, c in counts.items() if c >= settings.min_count))}
    rows, cols = [], []
    for r, f in enumerate(features):
        for c in sorted({vocabulary[x] for x in f if x in vocabulary}):
            rows.append(r)
            cols.append(c)
    matrix = csr_matrix(([1.0] * len(rows), (rows, cols)), shape=(len(features), len(vocabulary)))
    if len(set(labels)) < 2:
        raise PipelineError("the training documents hold no relation of our types between names of one sentence")
    model = LogisticRegression(C=settings.C, max_iter=settings.max_iter, class_weight=settings.class_weight)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # a short smoke run stops early on purpose
        model.fit(matrix, labels)
    classes = [str(c) for c in model.classes_]
    coef, bias = model.coef_, model.intercept_
    if len(classes) == 2:  # scikit-learn keeps one row for two classes: as a softmax, it is +-half of it
        coef, bias = [-coef[0] / 2, coef[0] / 2], [-bias[0] / 2, bias[0] / 2]
    names = sorted(vocabulary, key=vocabulary.get)
    weights: dict[str, dict[str, float]] = {}
    for ci, cls in enumerate(classes):
        for fi, w in enumerate(coef[ci]):
            if abs(w) >= settings.prune:
                weights.setdefault(names[fi], {})[cls] = round(float(w), 4)
    return PairClassifier(classes, [round(float(b), 4) for b in bias], weights, {})


def scored(samples: Iterable[Sample], classifier: PairClassifier) -> tuple[dict[str, list], Counter]:
    """Per type, (probability, correct) of every pair the model ranks as that type, and the gold counts;
    pairs naming a nested gold span are left out, as the evaluation leaves them out."""
    found: dict[str, list[tuple[float, bool]]] = defaultdict(list)
    gold: Counter = Counter()
    for s in samples:
        gold.update(k[0] for k in s.gold)
        for h, t, _, kind, p in score_pairs(s.text, s.names, s.sentences, classifier, trees=s.trees):
            head, tail = s.names[h], s.names[t]
            if (head.start, head.end) in s.nested or (tail.start, tail.end) in s.nested:
                continue
            found[kind].append((p, relation_key(kind, head, tail) in s.gold))
    return found, gold


def pick_thresholds(found: dict[str, list], settings: TrainSettings) -> dict[str, float]:
    """Per type, the lowest probability above which precision (tp / (pred + 1): a little under the plain ratio
    on small counts) reaches the target; where no threshold does, the one of best plain precision over at
    least min_predictions pairs if that reaches the floor; else 1.01 (never emitted)."""
    thresholds = {}
    for kind in TYPES:
        ranked = sorted(found.get(kind, []), reverse=True)
        target, best, tp = None, (0.0, 1.01), 0
        for n, (p, hit) in enumerate(ranked, 1):
            tp += hit
            if n < len(ranked) and ranked[n][0] == p:
                continue  # a threshold can only be drawn between distinct probabilities
            if tp / (n + 1) >= settings.target_precision:
                target = p
            if n >= settings.min_predictions and tp / n > best[0]:
                best = (tp / n, p)
        if target is None and best[0] >= settings.floor_precision:
            target = best[1]
        thresholds[kind] = round(target, 4) if target is not None else 1.01
    return thresholds


def cross_validated(train_gold: list[Sample], train_pred: list[Sample], settings: TrainSettings
                    ) -> tuple[dict[str, list], Counter]:
    """scored() of every training document by a model fitted without it (folds by document), on the
    pipeline's mentions when there are any, else on the gold names."""
    found: dict[str, list] = defaultdict(list)
    gold: Counter = Counter()
    targets = train_pred or train_gold
    for fold in range(settings.folds):
        rest = [s for i, s in enumerate(train_gold + train_pred) if i % len(train_gold) % settings.folds != fold]
        model = fit(*examples(rest), settings)
        part, count = scored([s for i, s in enumerate(targets) if i % settings.folds == fold], model)
        for kind, rows in part.items():
            found[kind] += rows
        gold.update(count)
    return found, gold


def report(found: dict[str, list], gold: Counter, thresholds: dict[str, float]) -> dict[str, dict]:
    """Precision and recall per type (and micro) at the thresholds; recall counts every gold relation,
    also those across sentences, which no pair of one sentence can find."""
    rows, total = {}, [0, 0, 0]
    for kind in TYPES:
        kept = [hit for p, hit in found.get(kind, []) if p >= thresholds.get(kind, 1.01)]
        row = [sum(kept), len(kept), gold[kind]]
        total = [a + b for a, b in zip(total, row)]
        rows[kind] = row
    rows["micro"] = total
    return {k: {"tp": tp, "pred": n, "gold": g, "precision": round(tp / n, 3) if n else 0.0,
                "recall": round(tp / g, 3) if g else 0.0} for k, (tp, n, g) in rows.items()}


def format_scores(title: str, scores: dict[str, dict]) -> str:
    """One table of a report()."""
    lines = [title, f"{'':18} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6}"]
    for kind, r in scores.items():
        lines.append(f"{kind:18} {r['gold']:5d} {r['pred']:5d} {r['tp']:5d} {r['precision']:6.3f} {r['recall']:6.3f}")
    return "\n".join(lines) + "\n"


def train(train_docs: list[dict], dev_docs: list[dict], settings: TrainSettings, use_pipeline: bool = False,
          log=lambda message: None) -> tuple[PairClassifier, dict]:
    """Fit on the training documents (gold names, plus the pipeline's mentions with use_pipeline), pick the
    thresholds on the training documents alone (each scored by a model fitted without it: folds by document;
    with no folds, by the model itself), and score the dev documents, which choose nothing."""
    started = time.perf_counter()
    if use_pipeline:
        log("running the pipeline over the training and dev texts ...\n")
        train_gold, train_pred = pipeline_samples(train_docs, log)
        dev_gold, dev_pred = pipeline_samples(dev_docs, log)
    else:
        train_gold, dev_gold = [gold_sample(d) for d in train_docs], [gold_sample(d) for d in dev_docs]
        train_pred, dev_pred = [], []
    features, labels = examples(train_gold + train_pred)
    log(f"{len(labels)} training pairs: {dict(sorted(Counter(labels).items()))}\n")
    if settings.folds > 1:
        log(f"{settings.folds}-fold cross-validation for the thresholds ...\n")
        tuning, tuning_gold = cross_validated(train_gold, train_pred, settings)
    classifier = fit(features, labels, settings)
    log(f"fitted: {len(classifier.weights)} features kept, {time.perf_counter() - started:.0f} s so far\n")
    if settings.folds <= 1:
        tuning, tuning_gold = scored(train_pred or train_gold, classifier)
    classifier.thresholds = pick_thresholds(tuning, settings)
    log(format_scores("training documents, cross-validated, at the thresholds:",
                      report(tuning, tuning_gold, classifier.thresholds)))
    dev = {"dev_gold_names": scored(dev_gold, classifier)} if dev_docs else {}
    if use_pipeline and dev_docs:
        dev["dev_pipeline_mentions"] = scored(dev_pred, classifier)
    scores = {name: report(found, count, classifier.thresholds) for name, (found, count) in dev.items()}
    classifier.meta = {
        "trained": date.today().isoformat(), "seconds": round(time.perf_counter() - started, 1),
        "train_documents": len(train_docs), "dev_documents": len(dev_docs), "pairs": len(labels),
        "pipeline_mentions": use_pipeline, "settings": dict(settings.__dict__), "dev": scores,
    }
    return classifier, scores


def save(classifier: PairClassifier, path: Path) -> None:
    """Write the weights file PairClassifier.load reads (sorted keys, one feature per line for diffs)."""
    head = {"features": FEATURE_VERSION, "classes": classifier.classes, "bias": classifier.bias,
            "thresholds": classifier.thresholds, "meta": classifier.meta}
    lines = [json.dumps(head, ensure_ascii=False, sort_keys=True)[:-1] + ', "weights": {']
    rows = [f"{json.dumps(name, ensure_ascii=False)}: "
            f"{json.dumps({classifier.classes[i]: w for i, w in weights}, sort_keys=True)}"
            for name, weights in sorted(classifier.weights.items())]
    text = "\n".join(lines) + "\n" + ",\n".join(rows) + "\n}}\n"
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(str(path) + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(path)


def train_and_save(train_path: Path, out: Path, dev_path: Path | None = None, hold_out: int = 0,
                   pipeline: bool = False, settings: TrainSettings | None = None, log=None) -> str:
    """Train on `train_path` (all but its last `hold_out` documents), write the weights to `out` and return the
    report: the scores on the held-out and `dev_path` documents (which choose nothing) and the thresholds."""
    train_docs = load_gold(train_path)
    dev_docs = load_gold(dev_path) if dev_path else []
    if hold_out:
        if hold_out >= len(train_docs):
            raise PipelineError(f"--hold-out {hold_out} leaves no training document of {len(train_docs)}")
        train_docs, dev_docs = train_docs[:-hold_out], train_docs[-hold_out:] + dev_docs
    classifier, scores = train(train_docs, dev_docs, settings or TrainSettings(), pipeline,
                               log=log or sys.stderr.write)
    save(classifier, out)
    report = [format_scores(f"dev, {name.replace('_', ' ')}:", table) for name, table in scores.items()]
    report.append(f"thresholds: {classifier.thresholds}\n")
    report.append(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB)\n")
    return "".join(report)
