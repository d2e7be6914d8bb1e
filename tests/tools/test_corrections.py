"""Corrections that stick: a reviewer's Label Studio work imported beside the corpus, applied by the next run,
not applied to a text that changed since, scored by `eval --corrections`, and suggested for the gazetteer."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.core.errors import InputError
from pipeline.core.records import InputFailure
from pipeline.core.settings import Settings
from pipeline.corpus.corrections import FOLDER, gold_of, load_corrections, store_corrections
from pipeline.corpus.run import run_corpus
from pipeline.io.atomic import sha256_text
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
    first = run_corpus([corpus], out, Settings(), models=models)
    assert "Moscow" in [m.text for d in first.documents for m in d.mentions]

    export = tmp_path / "reviewed.json"
    export.write_text(json.dumps(_review(export_tasks(out)), ensure_ascii=False), encoding="utf-8")
    done = cli("import", str(export), "--format", "label-studio", "--into", str(corpus))
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (corpus / FOLDER / "en").iterdir()) == ["a.json"]  # the reviewed task only

    second = run_corpus([corpus], out, Settings(), models=models)
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
        "id": "a", "text_sha256": sha256_text("Short."), "text": "Short.",
        "mentions": [{"start": 0, "end": 40, "label": "ORG"}], "relations": []}), encoding="utf-8")
    with pytest.raises(InputError, match="does not fit the text"):
        load_corrections([tmp_path])


TEXT = "Vpered met in Kazan."


def correction(**fields: object) -> dict:
    """A correction file's content: "Vpered" (ORG) based in "Kazan" (LOC), unless fields say otherwise."""
    return {"id": "en/a", "text_sha256": sha256_text(TEXT), "text": TEXT, "lang": "en",
            "mentions": [{"start": 0, "end": 6, "label": "ORG"}, {"start": 14, "end": 19, "label": "LOC"}],
            "relations": [{"head": 0, "tail": 1, "type": "headquartered_in"}], **fields}


def keep(corpus: Path, name: str, content: dict | bytes) -> Path:
    path = corpus / FOLDER / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else json.dumps(content).encode())
    return path


BROKEN = [
    (b"{not json", "not a correction file: Invalid JSON: key must be a string at line 1 column 2"),
    ("Москва".encode("cp1251"), "not a correction file: not UTF-8 (at byte offset 0)"),
    (b"[" * 100_000 + b"]" * 100_000, "not a correction file: Invalid JSON: recursion limit exceeded at line 1 "
     "column 202"),
    (b"[]", "not a correction file: Input should be an object"),
    (correction(mentions={"start": 0}), "not a correction file: mentions: Input should be a valid array"),
    (correction(mentions=[{"start": "0", "end": 6, "label": "ORG"}]),
     "not a correction file: mentions.0.start: Input should be a valid integer"),
    (correction(mentions=[{"start": True, "end": 6, "label": "ORG"}]),
     "not a correction file: mentions.0.start: Input should be a valid integer"),
    (correction(id=7), "not a correction file: id: Input should be a valid string"),
    (correction(surplus=1), "not a correction file: surplus: Extra inputs are not permitted"),
    (correction(mentions=[{"start": 14, "end": 400, "label": "LOC"}], relations=[]),
     "mention 14-400 LOC does not fit the text or the labels"),
    (correction(mentions=[{"start": 0, "end": 6, "label": "MISC"}], relations=[]),
     "mention 0-6 MISC does not fit the text or the labels"),
    (correction(mentions=[{"start": 6, "end": 7, "label": "ORG"}], relations=[]),
     "mention 6-7 ORG is only whitespace"),
    (correction(relations=[{"head": 0, "tail": 5, "type": "headquartered_in"}]),
     "relation headquartered_in 0->5 names no mention of the file"),
    (correction(relations=[{"head": 0, "tail": 1, "type": "based_in"}]),
     "relation based_in 0->1 names no mention of the file"),
    (correction(text_sha256="0"), "text_sha256 is not the sha256 of its text"),
    (correction(id="../en/a"), "document id '../en/a' has an empty, '.' or '..' part"),
    (correction(id="en/b"), "document id 'en/b' belongs in {corpus}/.corrections/en/b.json"),
]


@pytest.mark.parametrize("content, reason", BROKEN)
def test_a_broken_correction_file_is_a_warning_and_the_others_still_apply(tmp_path, content, reason):
    good = keep(tmp_path, "en/b.json", correction(id="en/b"))
    broken = keep(tmp_path, "en/a.json", content)
    warnings: list[InputFailure] = []

    found = load_corrections([tmp_path], warnings)

    assert list(found) == ["en/b"] and found["en/b"].path == good
    message = f"{broken}: {reason.format(corpus=tmp_path)}"
    assert warnings == [InputFailure(path=str(broken), error=f"{message}; not applied (fix or delete the file)")]
    with pytest.raises(InputError) as error:  # eval --corrections: no list, the file is refused
        load_corrections([tmp_path])
    assert str(error.value) == message


def _symlink(corpus: Path) -> Path:
    target = keep(corpus, "elsewhere/a.json", correction())
    link = corpus / FOLDER / "en" / "a.json"
    link.symlink_to(target)
    target.rename(corpus / "a.json")  # out of .corrections/, so that only the link is read
    return link


def _fifo(corpus: Path) -> Path:
    path = corpus / FOLDER / "en" / "a.json"
    os.mkfifo(path)  # reading it would wait for a writer for ever
    return path


def _folder(corpus: Path) -> Path:
    path = corpus / FOLDER / "en" / "a.json"
    path.mkdir()
    return path


@pytest.mark.parametrize("make, reason", [(_symlink, "is a symbolic link, not a correction file"),
                                          (_fifo, "is not a regular file, not a correction file"),
                                          (_folder, "is not a regular file, not a correction file")])
def test_a_correction_that_is_no_regular_file_is_a_warning(tmp_path, make, reason):
    keep(tmp_path, "en/b.json", correction(id="en/b"))
    path = make(tmp_path)
    warnings: list[InputFailure] = []
    assert list(load_corrections([tmp_path], warnings)) == ["en/b"]
    assert [w.error for w in warnings] == [f"{path}: {reason}; not applied (fix or delete the file)"]


def test_good_corrections_load_without_warnings(tmp_path):
    keep(tmp_path, "en/a.json", correction())
    warnings: list[InputFailure] = []
    found = load_corrections([tmp_path], warnings)
    assert warnings == [] and found["en/a"].correction.as_gold()["entities"][1] == \
        {"start": 14, "end": 19, "label": "LOC", "text": "Kazan"}


def test_stored_corrections_load_back(tmp_path):
    gold = {"id": "ru/b", "lang": "ru", "text": TEXT, "entities": [{"start": 0, "end": 6, "label": "ORG"}],
            "relations": [], "ignore": []}
    (path,) = store_corrections([gold], tmp_path)
    assert path == tmp_path / FOLDER / "ru" / "b.json"
    assert load_corrections([tmp_path])["ru/b"].correction.mentions[0].label == "ORG"


def test_store_corrections_refuses_one_document_given_twice(tmp_path):
    gold = {"id": "ru/b", "lang": "ru", "text": TEXT, "entities": [], "relations": []}
    with pytest.raises(InputError, match="gold document 2: document id 'ru/b' is given twice"):
        store_corrections([gold, gold], tmp_path)
    assert not (tmp_path / FOLDER).exists()


def test_import_needs_one_destination(tmp_path):
    export = tmp_path / "e.json"
    export.write_text("[]", encoding="utf-8")
    done = cli("import", str(export))
    assert done.returncode == 2 and "give one of --out GOLD.jsonl or --into CORPUS_DIR" in done.stderr
