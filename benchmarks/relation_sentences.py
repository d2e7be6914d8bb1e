"""Relation extraction on the sentence tables: precision and recall per language and per type, and what went wrong.

    python benchmarks/relation_sentences.py [--lang en|ru] [--type TYPE] [--all]

Loads the models once, runs every sentence of tests/data/relation_sentences/{en,ru}.tsv through the pipeline
and prints P/R per language and per relation type, then each missed fact and each wrong relation (with the
pattern that produced it) under its sentence. --type shows only the misses and wrong relations of one type;
--all also prints every sentence with what the pipeline produced. Target: P >= 0.95 and R >= 0.80 per language.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repository root, for tests.relate

from pipeline import load_models
from pipeline.core.records import RELATION_TYPES
from tests.relate.sentence_table import LANGS, Score, load_tables, miss_cause, processor, score_table


def _pr(counts) -> str:
    return f"P {counts.precision:.2f} ({counts.correct}/{counts.produced})  R {counts.recall:.2f} " \
           f"({counts.found}/{counts.expected})"


def print_summary(score: Score, rows_by_lang: dict) -> None:
    """Per language, then per type and language, P/R with the counts behind them."""
    for lang, rows in rows_by_lang.items():
        stating = sum(1 for r in rows if r.facts)
        print(f"{lang}: {len(rows)} sentences ({stating} stating facts, {len(rows) - stating} stating none), "
              f"{sum(len(r.facts) for r in rows)} facts   {_pr(score.counts(lang))}")
    print(f"\n{'type':<18}" + "".join(f"{lang + ' P':>16}{lang + ' R':>16}" for lang in rows_by_lang))
    for predicate in RELATION_TYPES:
        cells = []
        for lang in rows_by_lang:
            c = score.counts(lang, predicate)
            cells.append(f"{c.precision:>8.2f} {c.correct:>3}/{c.produced:<3}"
                         f"{c.recall:>8.2f} {c.found:>3}/{c.expected:<3}")
        print(f"{predicate:<18}" + "".join(cells))


def print_problems(score: Score, predicate: str | None) -> None:
    """Each sentence with a missed fact or a wrong relation, what was expected and what was produced."""
    problems: dict = defaultdict(lambda: ([], []))
    mentions = {(row.lang, row.line): found for row, _, found in score.results}
    causes: dict[str, int] = defaultdict(int)
    for row, triple in score.misses:
        if predicate in (None, triple.predicate):
            cause = miss_cause(triple, mentions[(row.lang, row.line)])
            causes["relation not read (mentions found)" if cause == "mentions found" else "mentions missing, "
                   "cut short or of another label"] += 1
            problems[(row.lang, row.line, row.sentence)][0].append(f"{triple}   ({cause})")
    for row, produced in score.wrong:
        if predicate in (None, produced.predicate):
            problems[(row.lang, row.line, row.sentence)][1].append(produced)
    misses, wrong = sum(len(m) for m, _ in problems.values()), sum(len(w) for _, w in problems.values())
    print(f"\n{misses} missed facts, {wrong} wrong relations" + (f" of type {predicate}" if predicate else ""))
    for cause, count in sorted(causes.items()):
        print(f"  missed because {cause}: {count}")
    for (lang, line, sentence), (missed, wrong_ones) in sorted(problems.items()):
        print(f"\n[{lang}.tsv:{line}] {sentence}")
        for triple in missed:
            print(f"    missed: {triple}")
        for produced in wrong_ones:
            print(f"    wrong:  {produced}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lang", choices=LANGS, help="score one language's table only")
    parser.add_argument("--type", choices=RELATION_TYPES, help="list the misses and wrong relations of one type")
    parser.add_argument("--all", action="store_true", help="print every sentence with the relations produced")
    args = parser.parse_args()
    tables = {lang: rows for lang, rows in load_tables().items() if args.lang in (None, lang)}
    started = time.perf_counter()
    process = processor(load_models())
    score = score_table([row for rows in tables.values() for row in rows], process)
    print(f"scored in {time.perf_counter() - started:.1f} s (models loaded once)\n")
    print_summary(score, tables)
    if args.all:
        for row, produced, _ in score.results:
            print(f"\n[{row.lang}.tsv:{row.line}] {row.sentence}")
            print("    expected: " + ("; ".join(map(str, row.facts)) or "-"))
            print("    produced: " + ("\n              ".join(map(str, produced)) or "-"))
    print_problems(score, args.type)


if __name__ == "__main__":
    main()
