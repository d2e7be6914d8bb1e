"""Corrections that stick: a reviewer's Label Studio work imported beside the corpus, applied by the next run,
not applied to a text that changed since, scored by `eval --corrections`, and suggested for the gazetteer."""

from __future__ import annotations

import json

import pytest

from pipeline.core.errors import InputError
from pipeline.core.settings import Settings
from pipeline.corpus.corrections import FOLDER, gold_of, load_corrections
from pipeline.corpus.run import run_corpus
from pipeline.tools.labelstudio import export_tasks
from pipeline.tools.review import gazetteer_suggestions

from ..common import cli

ENGLISH = "Activists of the Vpered group gathered in Kazan on 7 March 2011. Moscow police watched.\n"
RUSSIAN = "Союз левых социалистов основан в Казани в 2009 году.\n"


def _review(tasks: list[dict]) -> list[dict]:
    """What a reviewer does to the English task: deletes "Moscow", marks "Vpered group" (which the models did
    not), and says that the group is based in Kazan."""
    task = next(t for t in tasks if t["data"]["doc_id"] == "en/a")
    text = task["data"]["text"]
    a = text.index("Vpered group")
    b = a + len("Vpered group")
    predicted = [r for r in task["predictions"][0]["result"] if r["type"] == "labels"]
    assert not any((r["value"]["start"], r["value"]["end"]) == (a, b) for r in predicted)  # a missed name
    kept = [r for r in predicted if r["value"]["text"] != "Moscow" and not (r["value"]["start"] < b
                                                                            and a < r["value"]["end"])]
    kazan = next(r for r in kept if r["value"]["text"] == "Kazan")
    added = {"id": "reviewer-1", "from_name": "label", "to_name": "text", "type": "labels",
             "value": {"start": a, "end": b, "text": "Vpered group", "labels": ["ORG"]}}
    relation = {"type": "relation", "from_id": "reviewer-1", "to_id": kazan["id"], "direction": "right",
                "labels": ["headquartered_in"]}
    task["annotations"] = [{"id": 1, "result": [*kept, added, relation], "was_cancelled": False}]
    return tasks


@pytest.mark.models
def test_the_corrections_loop_end_to_end(tmp_path, models):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    (corpus / "en").mkdir(parents=True)
    (corpus / "ru").mkdir()
    (corpus / "en" / "a.txt").write_text(ENGLISH, encoding="utf-8")
    (corpus / "ru" / "b.txt").write_text(RUSSIAN, encoding="utf-8")
    first = run_corpus([corpus], out, Settings(), pipelines=models)
    assert "Moscow" in [m.text for d in first.documents for m in d.mentions]

    export = tmp_path / "reviewed.json"
    export.write_text(json.dumps(_review(export_tasks(out)), ensure_ascii=False), encoding="utf-8")
    done = cli("import", str(export), "--format", "label-studio", "--into", str(corpus))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (corpus / FOLDER / "en").iterdir()) == ["a.json"]  # the reviewed task only

    second = run_corpus([corpus], out, Settings(), pipelines=models)
    english = next(d for d in second.documents if d.id == "en/a")
    assert "Moscow" not in [m.text for m in english.mentions]  # deleted by the reviewer
    group = next(m for m in english.mentions if m.text == "Vpered group")
    assert group.label == "ORG" and group.source == "human" and group.entity == "org:vpered-group"
    assert {m.source for m in english.mentions} == {"human"}
    assert [m.value for m in english.mentions if m.label == "DATE"] == ["2011-03-07"]  # values still computed
    (fact,) = [f for f in second.facts if f.subject == "org:vpered-group"]
    assert (fact.predicate, fact.object) == ("headquartered_in", "loc:kazan")
    assert [e.pattern for e in fact.evidence] == ["human"]
    russian = next(d for d in second.documents if d.id == "ru/b")
    assert "human" not in {m.source for m in russian.mentions}  # not reviewed: the models' reading

    assert any(line.startswith("org:vpered-group\tORG\tVpered group") for line in gazetteer_suggestions(out))
    gold = gold_of([corpus])
    assert [g["id"] for g in gold] == ["en/a"] and len(gold[0]["entities"]) == len(english.mentions)
    scored = cli("eval", "--corrections", str(corpus), "--json")  # the models against the reviewer
    assert scored.returncode == 0, scored.stderr
    scores = json.loads(scored.stdout)
    assert scores["documents"] == 1 and scores["relations"]["headquartered_in"]["gold"] == 1
    assert scores["entities"]["ORG"]["tp"] == 0  # the models' "Vpered" is not the reviewer's "Vpered group"

    (corpus / "en" / "a.txt").write_text(ENGLISH + "More later.\n", encoding="utf-8")
    done = cli("run", str(corpus), "--out", str(out))
    assert done.returncode == 0, done.stderr
    assert (f"warning: {corpus}/en/a.txt: its corrections ({corpus}/{FOLDER}/en/a.json) were made on another "
            "text; not applied") in done.stderr
    records = [json.loads(line) for line in (out / "documents.jsonl").read_text().splitlines()]
    changed = next(d for d in records if d["id"] == "en/a")
    assert "human" not in {m["source"] for m in changed["mentions"]}
    assert "Moscow" in [m["text"] for m in changed["mentions"]]


def test_a_broken_correction_file_is_an_error_naming_it(tmp_path):
    folder = tmp_path / FOLDER
    folder.mkdir()
    (folder / "a.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=r"a\.json: not a correction file"):
        load_corrections([tmp_path])


def test_a_correction_whose_spans_do_not_fit_its_text_is_refused(tmp_path):
    folder = tmp_path / FOLDER
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps({
        "id": "a", "text_sha256": "0", "text": "Short.", "mentions": [{"start": 0, "end": 40, "label": "ORG"}],
        "relations": []}), encoding="utf-8")
    with pytest.raises(InputError, match="does not fit the text"):
        load_corrections([tmp_path])


def test_import_needs_one_destination(tmp_path):
    export = tmp_path / "e.json"
    export.write_text("[]", encoding="utf-8")
    done = cli("import", str(export))
    assert done.returncode == 2 and "give one of --out GOLD.jsonl or --into CORPUS_DIR" in done.stderr
