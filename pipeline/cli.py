"""The command line: a thin typer layer over the library; the only place that prints and exits."""

from __future__ import annotations

import errno
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .core.errors import PipelineError
from .core.settings import load_settings
from .tools.show import visible

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="Extract organisations, places, persons, dates and relations from English and Russian texts.")


class _Progress:
    """Progress on stderr: on a terminal a bar with documents done, from the cache, failed, rate and time left
    (rich); otherwise a plain line per document extracted or failed (those from the cache are counted, not
    listed), with the same figures. Names are shown `visible`, and the bar takes them as text, not rich markup."""

    def __init__(self, label: str) -> None:
        self.label = label
        import time

        self.counts = {"extracted": 0, "cached": 0, "failed": 0}
        self.started = time.perf_counter()  # the rate counts the models' loading: a first guess errs long
        self.bar = None
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self.bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                TextColumn("{task.fields[figures]}"), console=Console(stderr=True), transient=False)
            self.task = None

    def __call__(self, number: int, total: int, name: str, status: str = "extracted") -> None:
        import time

        if status in self.counts:
            self.counts[status] += 1
        figures = self._figures(number, total, status, time.perf_counter())
        if self.bar is not None:
            if self.task is None:
                self.bar.start()
                self.task = self.bar.add_task(self.label, total=total, figures="")
            from rich.markup import escape

            short = Path(name.split(" (part ")[0]).name + (f" ({name.split(' (part ')[1]}" if " (part " in name else "")
            self.bar.update(self.task, completed=number if status != "reading" else number - 1,
                            description=f"{self.label} {escape(visible(short[:40]))}", figures=figures)
        elif status != "cached":
            sys.stderr.write(f"{self.label} [{number}/{total}] {visible(name)}" + (f"  ({figures})" if figures else "")
                             + "\n")
            sys.stderr.flush()

    def _figures(self, number: int, total: int, status: str, now: float) -> str:
        parts = [f"{self.counts['cached']} from cache"] if self.counts["cached"] else []
        if self.counts["failed"]:
            parts.append(f"{self.counts['failed']} failed")
        done = self.counts["extracted"] + self.counts["failed"]
        if done and now > self.started:
            rate = done / (now - self.started)
            left = (total - number + (status == "reading")) / rate
            parts.append(f"{rate:.2f} docs/s, {int(left) // 60}:{int(left) % 60:02d} left")
        return "; ".join(parts)

    def close(self) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.stop()
            self.task = None


@app.command()
def run(
    paths: Annotated[list[Path], typer.Argument(help="files or folders; folders are read recursively")],
    out: Annotated[Path, typer.Option("--out", help="output folder")] = Path("outputs"),
    workers: Annotated[int | None, typer.Option("--workers", min=1,
                                                help="worker processes (default: all cores)")] = None,
    executor: Annotated[str, typer.Option("--executor", help="local (this machine) or dask")] = "local",
    scheduler: Annotated[str | None, typer.Option("--scheduler", help="Dask scheduler address, e.g. tcp://host:8786 "
                                                     "(default with dask: a local cluster)")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="TOML settings file")] = None,
) -> None:
    """Process every supported document below PATHS and write documents, entities, facts and manifest into OUT."""
    import os

    from .corpus.run import run_corpus

    if executor not in ("local", "dask"):
        _fail(f"--executor {executor!r}: valid values are local, dask", 2)
    if scheduler and executor != "dask":
        _fail("--scheduler goes with --executor dask", 2)
    settings = load_settings(config)
    progress = _Progress("extract")
    try:
        result = run_corpus(paths, out, settings, progress=progress,
                            workers=workers or os.cpu_count() or 1, executor=executor, scheduler=scheduler)
    except KeyboardInterrupt:
        progress.close()
        typer.echo(f"\ninterrupted: nothing is lost: the files in {visible(str(out))}/ are those of the last complete "
                   "run, and the documents extracted so far are kept in its cache; the next run resumes from there",
                   err=True)
        raise typer.Exit(130) from None
    finally:
        progress.close()
    for failure in result.manifest.errors:  # `visible`: a file named "x\nerror: ..." forges no line
        typer.echo(f"error: {visible(failure.error)}", err=True)
    for warning in result.manifest.warnings:
        typer.echo(f"warning: {visible(warning.error)}", err=True)
    counts = result.manifest.counts
    if result.up_to_date:
        typer.echo(f"outputs in {visible(str(out))}/ are up to date: nothing changed since the run that wrote them "
                   f"({counts['documents']} documents, {counts['entities']} entities, {counts['facts']} facts)",
                   err=True)
        raise typer.Exit(1 if result.manifest.errors else 0)
    typer.echo(f"{counts['documents']} documents, {sum(counts['mentions'].values())} mentions, "
               f"{counts['entities']} entities, {counts['facts']} facts -> {visible(str(out))}/ "
               f"({counts['extracted']} extracted, {counts['from_cache']} from cache"
               + (f", {counts['failed']} failed)" if counts["failed"] else ")"), err=True)
    raise typer.Exit(1 if result.manifest.errors else 0)


@app.command("eval")
def evaluate_command(
    gold: Annotated[Path | None, typer.Argument(help="gold JSONL in either format (see above); told apart by its "
                                                     "first line")] = None,
    corrections: Annotated[Path | None, typer.Option("--corrections", help="corpus folder: score against every "
                                                     "document its reviewers corrected")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
    labels: Annotated[str | None, typer.Option("--labels", help="entity format: comma-separated labels, "
                                                                "e.g. PER,LOC,ORG")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="TOML settings file")] = None,
    pred_out: Annotated[Path | None, typer.Option("--pred-out", help="entity format: also write the predictions to "
                                                  "this file, gold format; fact format: run into this folder and "
                                                  "keep it (a re-run reuses its cache)")] = None,
    show: Annotated[int, typer.Option("--show", min=0, help="fact format: how many missed and wrong facts to "
                                                            "list")] = 10,
) -> None:
    """Run the pipeline over the texts of a gold file and print its scores; the first line tells the format.

    Entity format (id, lang, text, entities, relations, ignore): P, R, F1 per label and relation type, exact spans.

    Fact format (realwiki_dev: file, facts, optional, also_names; texts in texts/ beside it): fact P, R per type.

    For facts also P, R when keeping only facts of confidence >= 0.5 ... 0.9, and the missed and wrong facts.
    """
    from .tools.facts_eval import evaluate_facts, format_facts_report, is_facts_gold

    if (gold is None) == (corrections is None):
        _fail("give a GOLD file or --corrections CORPUS_DIR", 2)
    if gold is not None and is_facts_gold(gold):
        if labels:
            _fail("--labels goes with the entity gold format; this is a fact gold file", 2)
        result = evaluate_facts(gold, load_settings(config), out=pred_out, progress=_Progress("eval"))
        _echo_lines(json.dumps(result, ensure_ascii=False, indent=2) if as_json else format_facts_report(result, show))
        return

    from .corpus.execute import load_models
    from .tools.evaluate import as_gold_format, format_report, load_gold, predict, score

    wanted = [x.strip().upper() for x in labels.split(",")] if labels else None
    if wanted and not set(wanted) <= {"ORG", "LOC", "PER", "DATE"}:
        _fail(f"--labels {labels!r}: valid labels are ORG, LOC, PER, DATE", 2)
    if corrections is not None:
        from .corpus.corrections import gold_of

        docs = gold_of([corrections])
        if not docs:
            _fail(f"--corrections {corrections}: no corrections in {corrections}/.corrections/ (pipeline import "
                  "... --into)", 2)
    else:
        docs = load_gold(gold)
    models = load_models(load_settings(config))
    predicted = predict(models, docs, progress=_Progress("eval"))
    result = score(docs, predicted, wanted)
    if pred_out is not None:
        pred_out.parent.mkdir(parents=True, exist_ok=True)
        pred_out.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in as_gold_format(predicted)),
                            encoding="utf-8")
    _echo_lines(json.dumps(result, ensure_ascii=False, indent=2) if as_json else format_report(result))


@app.command()
def review(
    out_dir: Annotated[Path, typer.Argument(help="a run's output folder")],
    html: Annotated[Path | None, typer.Option("--html", help="page to write (default DIR/review.html)")] = None,
) -> None:
    """Write one self-contained HTML page to browse the run's documents, mentions, entities and facts."""
    from .tools.review import gazetteer_suggestions, write_review

    typer.echo(f"review page: {visible(str(write_review(out_dir, html)))}", err=True)
    suggestions = gazetteer_suggestions(out_dir)
    if suggestions:
        typer.echo(f"{len(suggestions)} names reviewers added are not in the gazetteer; lines for it "
                   "(id, label, English names, Russian names):", err=True)
        for line in suggestions:  # each field already `visible`: a tab in a name would break the line
            typer.echo(line)


@app.command("export")
def export_command(
    out_dir: Annotated[Path, typer.Argument(help="a run's output folder")],
    target: Annotated[Path, typer.Argument(help="tasks JSON to write")],
    format: Annotated[str, typer.Option("--format", help="label-studio")] = "label-studio",
) -> None:
    """Export the run's mentions and relations as Label Studio tasks (plus the labelling config to paste)."""
    from .io.atomic import write_text
    from .tools.labelstudio import export_tasks, labelling_config

    _only_label_studio(format)
    tasks = export_tasks(out_dir)
    write_text(target, json.dumps(tasks, ensure_ascii=False, indent=1) + "\n")
    config = target.with_suffix(".label-config.xml")
    write_text(config, labelling_config())
    typer.echo(visible(f"{len(tasks)} tasks -> {target}; labelling config -> {config}"), err=True)


@app.command("import")
def import_command(
    source: Annotated[Path, typer.Argument(help="Label Studio JSON export")],
    out: Annotated[Path | None, typer.Option("--out", help="gold JSONL to write")] = None,
    into: Annotated[Path | None, typer.Option("--into", help="corpus folder: keep the reviewed documents' "
                                              "corrections in CORPUS/.corrections/ for the next run")] = None,
    format: Annotated[str, typer.Option("--format", help="label-studio")] = "label-studio",
) -> None:
    """Turn reviewed Label Studio annotations into gold for 'pipeline eval' (--out), or into corrections the next
    'pipeline run' of the corpus applies (--into)."""
    from .corpus.corrections import store_corrections
    from .io.atomic import write_text
    from .tools.labelstudio import import_tasks

    _only_label_studio(format)
    if (out is None) == (into is None):
        _fail("give one of --out GOLD.jsonl or --into CORPUS_DIR", 2)
    if into is not None:
        if not into.is_dir():
            _fail(f"--into {into}: no such corpus folder", 2)
        written = store_corrections(import_tasks(source, reviewed_only=True), into)
        typer.echo(visible(f"{len(written)} reviewed documents -> {into}/.corrections/; the next 'pipeline run "
                           f"{into}' applies them"), err=True)
        return
    gold = import_tasks(source)
    write_text(out, "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold))
    typer.echo(visible(f"{len(gold)} documents -> {out}"), err=True)


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="document id, e.g. ru/perm-news-2011-04-20")],
    out_dir: Annotated[Path, typer.Option("--dir", help="a run's output folder")] = Path("outputs"),
) -> None:
    """Print one document with its mentions coloured by label, and its relations."""
    from .core.records import Document, Entity
    from .io.atomic import current_outputs
    from .io.jsonl import read_records
    from .tools.show import show_document

    shown = out_dir
    out_dir = current_outputs(out_dir)  # documents and entities of one set, whatever a run switches in meanwhile
    documents = {d.id: d for d in read_records(out_dir / "documents.jsonl", Document)}
    if doc_id not in documents:
        close = [d for d in documents if doc_id in d][:5]
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        _fail(f"no document {doc_id!r} in {shown}/documents.jsonl{hint}", 2)
    entities = out_dir / "entities.jsonl"
    names = {e.id: e.name for e in read_records(entities, Entity)} if entities.exists() else {}
    typer.echo(show_document(documents[doc_id], colour=sys.stdout.isatty(), names=names))


@app.command()
def add(
    files: Annotated[list[Path], typer.Argument(help="files to add (.txt, .md, .html; any supported encoding)")],
    corpus: Annotated[Path, typer.Option("--corpus", help="corpus folder")] = Path("corpus"),
    title: Annotated[str | None, typer.Option("--title")] = None,
    source: Annotated[str | None, typer.Option("--source", help="outlet")] = None,
    published: Annotated[str | None, typer.Option("--published", help="YYYY-MM-DD or DD.MM.YYYY")] = None,
    url: Annotated[str | None, typer.Option("--url")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="ru or en")] = None,
    config: Annotated[Path | None, typer.Option("--config", help="TOML settings file")] = None,
) -> None:
    """Add sources to a corpus folder as UTF-8 text with front matter; exact duplicates are refused."""
    from .core.errors import InputError
    from .tools.add import add_source, published_date

    if lang not in (None, "ru", "en"):
        _fail(f"--lang {lang!r}: valid values are ru, en", 2)
    if published is not None:
        try:
            published = published_date(published)
        except ValueError as exc:
            _fail(f"--published {exc}", 2)
    if corpus.exists() and not corpus.is_dir():
        _fail(f"--corpus {corpus}: not a folder; give the corpus folder (it is made when missing)", 2)
    settings = load_settings(config)
    failed = 0
    for file in files:
        try:
            target = add_source(file, corpus, settings, title=title, source=source, published=published, url=url,
                                lang=lang)
        except InputError as exc:
            typer.echo(f"error: {visible(str(exc))}", err=True)
            failed += 1
            continue
        typer.echo(visible(f"added {target.path} (id {target.path.relative_to(corpus).with_suffix('').as_posix()}); "
                           f"the next 'pipeline run {corpus}' will pick it up"))
        for warning in target.warnings:
            typer.echo(f"warning: {visible(warning)}", err=True)
        if target.published is None:
            typer.echo(visible(f"note: {target.path} has no published date: relative dates in it (\"yesterday\", "
                               "\"в прошлом году\") will not resolve; give one with --published"), err=True)
    raise typer.Exit(1 if failed else 0)


def _only_label_studio(format: str) -> None:
    if format != "label-studio":
        _fail(f"--format {format!r}: the only format is label-studio", 2)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output records."""
    from pydantic.json_schema import models_json_schema

    from .core.records import Document, Entity, Fact, Manifest

    _, definitions = models_json_schema([(m, "serialization") for m in (Document, Entity, Fact, Manifest)],
                                        title="pipeline output records")
    typer.echo(json.dumps(definitions, ensure_ascii=False, indent=2))


train_app = typer.Typer(no_args_is_help=True, help="Rebuild a shipped model from training data (make models-ner, "
                        "make models-relations); make test never trains.")
app.add_typer(train_app, name="train")


@train_app.command("ner")
def train_ner(
    lang: Annotated[str, typer.Argument(help="en or ru")],
    train: Annotated[list[str], typer.Option("--train", help="gold texts to train on (repeatable); FILE:N its "
                                                            "first N texts, FILE:-N all but its last N")],
    out: Annotated[Path, typer.Option("--out", help="the tagger's folder (its model card is kept)")],
    select: Annotated[float, typer.Option("--select", help="the last share of each --train file, held back "
                                                           "to choose the best model")] = 0.1,
    dev: Annotated[Path | None, typer.Option("--dev", help="choose the best model on this file instead")] = None,
    start: Annotated[Path | None, typer.Option("--start", help="a trained tagger to go on training")] = None,
    max_steps: Annotated[int | None, typer.Option("--max-steps", help="stop after this many updates")] = None,
    limit: Annotated[int, typer.Option("--limit", help="read only this many texts of each file")] = 0,
    recognizer: Annotated[bool, typer.Option("--recognizer", help="train a recognizer that takes the place of "
                                                                  "spaCy's English NER (names, dates and its "
                                                                  "other labels) instead of a tagger beside it")]
    = False,
) -> None:
    """Train a name tagger with spaCy (models/configs/ner-LANG.cfg) and write it into OUT."""
    from .tools.train_ner import LABELS, SILVER
    from .tools.train_ner import train as train_tagger

    if lang not in LABELS:
        _fail(f"{lang!r}: the taggers are {', '.join(sorted(LABELS))}", 2)
    if recognizer and lang not in SILVER:
        _fail(f"--recognizer: only for {', '.join(sorted(SILVER))} (a base model's NER to take the place of)", 2)
    train_tagger(lang, train, out, dev, select, max_steps, limit, start, recognizer)


@train_app.command("relations")
def train_relations(
    train: Annotated[Path, typer.Option("--train", help="gold documents with relations (JSONL)")],
    out: Annotated[Path, typer.Option("--out", help="the weights file")] = Path("models/relation_pairs.json"),
    dev: Annotated[Path | None, typer.Option("--dev", help="documents only reported on")] = None,
    hold_out: Annotated[int, typer.Option("--hold-out", help="the last N training documents only reported on")] = 0,
    pipeline: Annotated[bool, typer.Option("--pipeline", help="also train on the pipeline's mentions")] = False,
    c: Annotated[float | None, typer.Option("--C", help="inverse L2 strength")] = None,
    min_count: Annotated[int | None, typer.Option("--min-count", help="features seen fewer times are left out")] = None,
    max_iter: Annotated[int | None, typer.Option("--max-iter")] = None,
    folds: Annotated[int | None, typer.Option("--folds", help="cross-validation folds for the thresholds "
                                                          "(0: none)")] = None,
    target_precision: Annotated[float | None, typer.Option("--target-precision")] = None,
) -> None:
    """Train a relation pair classifier (scikit-learn) and write its weights to OUT; a setting not given is
    the one the shipped models were trained with (pipeline.tools.train_relations.TrainSettings)."""
    from .tools.train_relations import TrainSettings, train_and_save

    given = {"C": c, "min_count": min_count, "max_iter": max_iter, "folds": folds, "target_precision": target_precision}
    settings = TrainSettings(**{k: v for k, v in given.items() if v is not None})  # the rest: the shipped model's
    typer.echo(visible(train_and_save(train, out, dev, hold_out, pipeline, settings), lines=True), err=True)


def _fail(message: str, code: int) -> None:
    typer.echo(f"error: {visible(message)}", err=True)
    raise typer.Exit(code)


def _echo_lines(text: str) -> None:
    """Print a report or JSON of many lines, corpus text in it `visible` (in JSON the escapes stay valid JSON)."""
    typer.echo(visible(text, lines=True))


def _os_message(exc: OSError) -> str:
    """The message "<filename>: <strerror>" (both files of a rename), or the reason alone when no file is named."""
    files = " -> ".join(str(f) for f in (exc.filename, exc.filename2) if f is not None)
    reason = exc.strerror or errno.errorcode.get(exc.errno or 0) or str(exc)
    return f"{files}: {reason}" if files else reason


def main() -> None:
    """Entry point: library errors, and the OS, decoding and nesting errors a bad file or folder raises, become
    one-line messages with exit 2; any other exception is a bug and keeps its traceback."""
    try:
        app()
    except PipelineError as exc:
        message = str(exc)
    except OSError as exc:  # a folder that is read-only or full, --out naming a file: the library may not catch all
        message = _os_message(exc)
    except (UnicodeError, RecursionError) as exc:
        message = str(exc) or type(exc).__name__
    else:
        return
    typer.echo(f"error: {visible(message)}", err=True)
    sys.exit(2)



if __name__ == "__main__":
    main()
