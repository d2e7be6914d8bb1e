"""Scoring facts against a fact gold (realwiki_dev format): names, dates, clusters, the hand-made run in
tests/data/facts_eval, confidence thresholds, the report, and `pipeline eval` on a fact gold."""

import json
import re
import shutil

import pytest

from pipeline.core.errors import InputError
from pipeline.core.records import Entity, Evidence, Fact
from pipeline.core.settings import Settings
from pipeline.tools.facts_eval import (
    Side,
    collect_run,
    evaluate_facts,
    fold,
    format_facts_report,
    gold_texts_folder,
    is_facts_gold,
    load_facts_gold,
    name_clusters,
    name_forms,
    score_run_folder,
    side_matches,
)

from ..common import DATA, cli, record

FIXTURE = DATA / "facts_eval"
GOLD = FIXTURE / "gold-facts.jsonl"


@pytest.fixture(scope="module")
def result():
    """The hand-written run in tests/data/facts_eval/run scored against the fixture's gold."""
    return score_run_folder(GOLD, FIXTURE / "run")


@pytest.mark.parametrize("written, folded", [
    ("Пётр Соколов", "петр соколов"),                          # ё and е alike
    ("Федера́ция незави́симых профсою́зов", "федерация независимых профсоюзов"),  # stress marks dropped
    ("Российский", "россиискии"),                              # й loses its breve too, on both sides alike
    ("The Harbour Workers' Union", "harbour workers union"),   # leading "the", apostrophe
    ("Progress Party (Russia)", "progress party"),             # a trailing bracket
    ("«Соцпроф»", "соцпроф"),
    ("Republican Party of Russia – People's Freedom Party", "republican party of russia peoples freedom party"),
    ("Saint-Petersburg  branch", "saint petersburg branch"),
])
def test_fold(written, folded):
    assert fold(written) == folded


def test_name_forms_take_the_clusters_and_a_quoted_tail():
    cluster = ["Северная лига профсоюзов", "СЛП", "Северной лиге профсоюзов"]
    clusters = name_clusters({cluster[0]: cluster[1:]})
    assert name_forms("Северная лига профсоюзов", clusters) == {fold(name) for name in cluster}
    assert name_forms("СЛП", clusters) == {fold(name) for name in cluster}
    assert name_forms("Союз лесорубов Поморья «Тайга»", clusters) == {
        fold("Союз лесорубов Поморья Тайга"), fold("Союз лесорубов Поморья")}
    assert name_forms("Союз «Тайга»", clusters) == {fold("Союз Тайга")}  # one word left: not a name of its own


@pytest.mark.parametrize("gold, produced, for_recall, for_precision", [
    ("2011-03-07", "2011-03-07", True, True),
    ("2011-03", "2011-03-07", True, True),     # finer than the gold: counts both ways
    ("2011-03-07", "2011", False, True),       # coarser: consistent, but not what the text states
    ("2011-03-07", "2011-04", False, False),
    ("2011", "2012", False, False),
    ("2011", "2011-SP", True, True),
])
def test_dates_on_the_same_line_of_time(gold, produced, for_recall, for_precision):
    side = Side(date=produced)
    assert side_matches(gold, side, {}, for_precision=False) is for_recall
    assert side_matches(gold, side, {}, for_precision=True) is for_precision
    assert not side_matches(gold, Side(names=frozenset({produced})), {}, for_precision=True)


def test_the_fixture_is_a_fact_gold_with_its_texts():
    gold = load_facts_gold(GOLD)
    assert is_facts_gold(GOLD)
    assert [text.stem for text in gold] == ["en-harbour-workers", "ru-severnaya-liga", "en-kola-pilots"]
    assert gold_texts_folder(GOLD, gold) == FIXTURE / "texts"


def test_an_entity_gold_is_not_a_fact_gold(tmp_path):
    entity_gold = tmp_path / "gold.jsonl"
    entity_gold.write_text(json.dumps({"id": "d", "lang": "en", "text": "x", "entities": []}) + "\n")
    assert not is_facts_gold(entity_gold) and not is_facts_gold(tmp_path / "missing.jsonl")


def test_recall_and_precision_per_type(result):
    rows = {kind: (row["matched"], row["required"], row["correct"], row["produced"])
            for kind, row in result["per_type"].items()}
    assert rows == {
        "affiliated_with": (1, 1, 1, 1),    # produced the other way round
        "alias_of": (2, 3, None, None),     # HWU by entity names, Союз портовых рабочих by a mention; СЛП is apart
        "founded_on": (1, 2, 2, 2),         # "1998" for "1998-05-12": right for precision, missed for recall
        "headquartered_in": (1, 2, 2, 2),   # Архангельск is optional; the Kola text has no document in the run
        "joined": (1, 2, 1, 1),             # a quoted tail and an inflected also_names form
        "joined_on": (1, 2, 1, 1),
        "leader_of": (2, 2, 2, 3),          # Irina Volkova does not lead the federation
        "located_in": (1, 1, 1, 2),         # Архангельск is not the country
        "member_of": (0, 0, 1, 1),          # optional only
        "merged_into": (1, 1, 1, 1),
    }
    facts = result["facts"]
    assert (facts["matched"], facts["required"], facts["correct"], facts["produced"]) == (11, 16, 12, 14)
    assert facts["precision"] == 12 / 14 and facts["recall"] == 11 / 16
    assert result["texts"] == 3 and result["texts_without_run"] == ["en-kola-pilots.txt"]


def test_misses_and_wrong_facts_name_the_text(result):
    assert [(m["file"], m["predicate"], m["object"]) for m in result["misses"]] == [
        ("en-harbour-workers.txt", "founded_on", "1998-05-12"),
        ("ru-severnaya-liga.txt", "alias_of", "Северная лига профсоюзов"),
        ("en-kola-pilots.txt", "headquartered_in", "Murmansk"),
        ("en-kola-pilots.txt", "joined", "Harbour Workers' Union"),
        ("en-kola-pilots.txt", "joined_on", "2006"),
    ]
    assert [(w["file"], w["subject"], w["predicate"], w["object"], w["confidence"]) for w in result["wrong"]] == [
        ("en-harbour-workers.txt", "per:irina-volkova", "leader_of", "org:baltic-dockers-federation", 0.75),
        ("ru-severnaya-liga.txt", "org:severnaya-liga-profsoyuzov", "located_in", "loc:arkhangelsk", 0.4),
    ]


def test_confidence_thresholds_drop_facts_but_not_aliases(result):
    rows = [(row["min_confidence"], row["matched"], row["correct"], row["produced"]) for row in result["thresholds"]]
    assert rows == [
        (0.0, 11, 12, 14),
        (0.5, 11, 12, 13),   # the wrong located_in (0.4) goes
        (0.7, 10, 10, 11),   # headquartered_in Murmansk (0.6) and Архангельск (0.5) go; Murmansk was required
        (0.8, 10, 9, 9),     # member_of (0.7, optional) and the wrong leader_of (0.75) go
        (0.9, 8, 7, 7),      # merged_into (0.8) and founded_on 2001-03-03 (0.85) go; both aliases stay
    ]


def test_a_fact_counts_for_every_text_its_evidence_comes_from():
    first = record("The Left Front met in Moscow.", [("Left Front", "ORG"), ("Moscow", "LOC")], doc_id="a",
                   **{"Left Front": {"entity": "org:left-front"}, "Moscow": {"entity": "loc:moscow"}})
    second = record("Левый фронт в Москве.", [("Левый фронт", "ORG")], doc_id="b", lang="ru",
                    **{"Левый фронт": {"entity": "org:left-front"}})
    entity = Entity(id="org:left-front", label="ORG", name="Left Front", names={"en": ["Left Front"]}, mentions=2,
                    documents=["a", "b"])
    fact = Fact(id="f", subject="org:left-front", predicate="headquartered_in", object="loc:moscow",
                evidence=[Evidence(document=d, start=0, end=4, text="text") for d in ("a", "b", "c/elsewhere")])
    run = collect_run([entity], [first, second], [fact])
    assert sorted(run.by_text) == ["a", "b", "elsewhere"]
    produced = run.by_text["b"][0]
    assert produced.confidence == 1.0  # none given
    assert produced.subject_side.names == {"left front", "левыи фронт"}  # entity names and mention forms
    assert produced.object_side.names == {"moscow"}


def test_report_tables_and_lists(result):
    report = format_facts_report(result, show=1)
    assert "alias_of                  3        2   0.667        -        -       -" in report
    assert "all                      16       11   0.688       14       12   0.857" in report
    assert "  0.90       16        8   0.500        7        7   1.000   0.667" in report
    assert "missed (1 of 5):\n  en-harbour-workers: Harbour Workers' Union founded_on 1998-05-12\n" in report
    assert "wrong (1 of 2):" in report
    assert "no document in the run for: en-kola-pilots.txt" in report
    assert report.rstrip().endswith("facts: precision 0.857 (12/14), recall 0.688 (11/16), F1 0.763")
    assert "missed" not in format_facts_report(result, show=0)


@pytest.mark.parametrize("line, message", [
    ("{broken", "gold.jsonl:2: not JSON"),
    (json.dumps({"file": "b.txt"}), 'gold.jsonl:2: not a fact gold line (a JSON object with "file" and a list'),
    (json.dumps({"file": "b.txt", "facts": [{"subject": "A", "predicate": "founded_by", "object": "B"}]}),
     "gold.jsonl:2: unknown predicate 'founded_by'; valid: founded_on,"),
    (json.dumps({"file": "b.txt", "facts": [{"subject": "A", "predicate": "joined"}]}),
     "gold.jsonl:2: every fact needs string subject, predicate and object"),
    (json.dumps({"file": "b.txt", "facts": [], "also_names": {"A": "B"}}), 'gold.jsonl:2: "also_names" should map'),
    (json.dumps({"file": "a.txt", "facts": []}), "gold.jsonl:2: 'a.txt' is also the text of line 1"),
])
def test_a_bad_gold_line_is_named(tmp_path, line, message):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"file": "a.txt", "facts": []}) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as raised:
        load_facts_gold(gold)
    assert message in str(raised.value)


def test_a_missing_text_is_named(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"file": "a.txt", "facts": []}) + "\n" + json.dumps({"file": "b.txt", "facts": []}))
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("A text.")
    with pytest.raises(InputError, match=r"gold\.jsonl:2: text 'b\.txt' not found in .*texts"):
        gold_texts_folder(gold, load_facts_gold(gold))


def test_eval_refuses_a_fact_gold_without_its_texts_before_loading_a_model(tmp_path):
    gold = tmp_path / "gold.jsonl"
    shutil.copy(GOLD, gold)
    result = cli("eval", str(gold))
    assert result.returncode == 2
    assert "no texts/ folder next to it" in result.stderr and "Traceback" not in result.stderr
    labels = cli("eval", str(GOLD), "--labels", "ORG")
    assert labels.returncode == 2 and "--labels goes with the entity gold format" in labels.stderr


@pytest.mark.models
def test_eval_on_a_fact_gold_in_the_library_and_the_command(tmp_path, models):
    gold = tmp_path / "gold-facts.jsonl"
    (tmp_path / "texts").mkdir()
    kept = ("ru-severnaya-liga.txt", "en-kola-pilots.txt")
    lines = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if json.loads(line)["file"] in kept]
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    for name in kept:
        shutil.copy(FIXTURE / "texts" / name, tmp_path / "texts" / name)
    out = tmp_path / "run"
    result = evaluate_facts(gold, Settings(), out=out, models=models)
    assert result["texts"] == 2 and result["texts_without_run"] == [] and result["run_errors"] == []
    assert {kind: row["required"] for kind, row in result["per_type"].items() if row["required"]} == {
        "alias_of": 1, "founded_on": 1, "headquartered_in": 1, "joined": 2, "joined_on": 2, "leader_of": 1}
    assert [row["min_confidence"] for row in result["thresholds"]] == [0.0, 0.5, 0.7, 0.8, 0.9]
    assert result["facts"]["matched"] > 0
    # the command into the kept folder takes every document from its cache and prints the same scores
    done = cli("eval", str(gold), "--json", "--pred-out", str(out))
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == result
    shown = cli("eval", str(gold), "--pred-out", str(out), "--show", "1")
    assert shown.returncode == 0, shown.stderr
    assert "BY CONFIDENCE" in shown.stdout
    assert all(m.group(1) == "1" for m in re.finditer(r"^(?:missed|wrong) \((\d+) of", shown.stdout, re.M))
