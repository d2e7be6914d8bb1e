"""Atomic output writing: write_text, StagedLines and write_outputs leave complete files and no temporaries."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from pipeline.core.records import Document, Entity, Evidence, Fact, InputFailure, Manifest, Mention, Meta, Relation
from pipeline.io import atomic
from pipeline.io.atomic import StagedLines, current_outputs, remove_stale, write_outputs, write_text
from pipeline.io.jsonl import read_records

TEXT = "Союз левых социалистов основан в Казани 12 мая 2009 года."


def document(doc_id: str = "ru/kazan") -> Document:
    org = Mention(id="m1", start=0, end=22, text="Союз левых социалистов", label="ORG", lang="ru",
                  normal="Союз левых социалистов", source="natasha", entity="org-1")
    loc = Mention(id="m2", start=33, end=39, text="Казани", label="LOC", lang="ru", normal="Казань",
                  source="natasha", entity="loc-1")
    date = Mention(id="m3", start=40, end=56, text="12 мая 2009 года", label="DATE", lang="ru",
                   normal="12 мая 2009 года", value="2009-05-12", source="rule")
    return Document(id=doc_id, path=f"{doc_id}.txt", sha256="0" * 64, lang="ru",
                    meta=Meta(title="Казань", published="2009-05-13"), text=TEXT, mentions=[org, loc, date],
                    relations=[Relation(type="founded_on", head="m1", tail="m3", evidence=(0, len(TEXT)))])


def entities() -> list[Entity]:
    return [Entity(id="org-1", label="ORG", name="Союз левых социалистов", names={"ru": ["Союз левых социалистов"]},
                   mentions=1, documents=["ru/kazan"]),
            Entity(id="loc-1", label="LOC", name="Казань", names={"ru": ["Казань"], "en": ["Kazan"]},
                   mentions=1, documents=["ru/kazan"])]


def facts() -> list[Fact]:
    return [Fact(id="f1", subject="org-1", predicate="founded_on", object="2009-05-12",
                 evidence=[Evidence(document="ru/kazan", start=0, end=len(TEXT), text=TEXT, pattern="founded")])]


def manifest() -> Manifest:
    return Manifest(versions={"pipeline": "test"}, config={"workers": 1},
                    counts={"documents": 1, "mentions": {"ORG": 1}}, timings={"total": 0.5},
                    errors=[InputFailure(path="bad.txt", error="bad.txt: empty file")])


def temporaries(folder: Path) -> list[str]:
    return sorted(name for name in os.listdir(folder) if name.endswith(".tmp"))


def test_write_text_creates_the_file_and_its_folder_without_leaving_a_temporary(tmp_path):
    path = tmp_path / "review" / "page.html"

    write_text(path, "<p>Калуга</p>\n")

    assert path.read_text(encoding="utf-8") == "<p>Калуга</p>\n"
    assert os.listdir(path.parent) == ["page.html"]


def test_write_text_replaces_existing_content_whole(tmp_path):
    path = tmp_path / "export.json"
    path.write_text("old content that is much longer than the new one\n", encoding="utf-8")

    write_text(path, "new\n")

    assert path.read_bytes() == b"new\n"
    assert temporaries(tmp_path) == []


def test_staged_lines_discard_leaves_the_old_file_untouched_and_no_temporary(tmp_path):
    path = tmp_path / "documents.jsonl"
    path.write_text("previous run\n", encoding="utf-8")
    staged = StagedLines(path)
    staged.write(document())

    staged.discard()

    assert path.read_text(encoding="utf-8") == "previous run\n"
    assert temporaries(tmp_path) == []


def test_staged_lines_finish_gives_a_temporary_beside_the_path_holding_the_records(tmp_path):
    path = tmp_path / "documents.jsonl"
    path.write_text("previous run\n", encoding="utf-8")
    staged = StagedLines(path)
    staged.write(document("a"))
    staged.write(document("b"))

    tmp = Path(staged.finish())

    assert tmp.parent == tmp_path
    assert tmp.name.startswith(".documents.jsonl.") and tmp.name.endswith(".tmp")
    assert path.read_text(encoding="utf-8") == "previous run\n"
    os.replace(tmp, path)
    assert read_records(path, Document) == [document("a"), document("b")]
    assert "Союз левых социалистов" in path.read_text(encoding="utf-8")


def test_write_outputs_writes_the_four_files_and_no_temporaries(tmp_path):
    out = tmp_path / "outputs"
    staged = StagedLines(out / "documents.jsonl")
    staged.write(document())

    write_outputs(out, staged, entities(), facts(), manifest())

    assert sorted(os.listdir(out)) == [".generations", "documents.jsonl", "entities.jsonl", "facts.jsonl",
                                       "manifest.json"]
    (generation,) = [p for p in (out / ".generations").iterdir() if p.name != "current"]
    assert sorted(os.listdir(generation)) == ["documents.jsonl", "entities.jsonl", "facts.jsonl", "manifest.json"]
    assert read_records(out / "documents.jsonl", Document) == [document()]
    assert read_records(out / "entities.jsonl", Entity) == sorted(entities(), key=lambda e: e.id)
    assert read_records(out / "facts.jsonl", Fact) == facts()
    written = Manifest.model_validate(json.loads((out / "manifest.json").read_text(encoding="utf-8")))
    assert written.model_copy(update={"outputs": {}}) == manifest()
    # the manifest keeps each JSONL output's sha256, as the file holds it
    assert written.outputs == {name: hashlib.sha256((out / name).read_bytes()).hexdigest()
                               for name in ("documents.jsonl", "entities.jsonl", "facts.jsonl")}


def test_write_outputs_replaces_the_previous_outputs(tmp_path):
    out = tmp_path
    for name in ("documents.jsonl", "entities.jsonl", "facts.jsonl", "manifest.json"):
        (out / name).write_text("previous\n", encoding="utf-8")
    staged = StagedLines(out / "documents.jsonl")

    write_outputs(out, staged, [], [], manifest())

    assert (out / "documents.jsonl").read_text(encoding="utf-8") == ""
    assert (out / "entities.jsonl").read_text(encoding="utf-8") == ""
    assert (out / "facts.jsonl").read_text(encoding="utf-8") == ""
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["versions"] == {"pipeline": "test"}
    assert temporaries(out) == []


def _write_set(out: Path, doc_id: str, entity_list: list[Entity]) -> None:
    staged = StagedLines(out / "documents.jsonl")
    staged.write(document(doc_id))
    write_outputs(out, staged, entity_list, facts(), manifest())


def test_a_new_output_set_is_switched_in_by_one_rename_and_the_old_one_is_removed(tmp_path):
    out = tmp_path / "out"
    _write_set(out, "ru/first", entities()[:1])
    held = current_outputs(out)  # a reader that took the set in use before the next run
    _write_set(out, "ru/second", entities())

    assert [d.id for d in read_records(out / "documents.jsonl", Document)] == ["ru/second"]
    assert len(read_records(out / "entities.jsonl", Entity)) == 2
    for name in ("documents.jsonl", "entities.jsonl", "facts.jsonl", "manifest.json"):
        assert os.readlink(out / name) == f".generations/current/{name}"  # the names never change what they are
    generations = sorted(p.name for p in (out / ".generations").iterdir())
    assert len(generations) == 2 and "current" in generations  # the earlier set is gone
    assert current_outputs(out) != held and not held.exists()


def test_a_switch_that_fails_before_the_rename_keeps_the_previous_set_whole(tmp_path, monkeypatch):
    out = tmp_path / "out"
    _write_set(out, "ru/first", entities()[:1])
    before = {name: (out / name).read_bytes() for name in ("documents.jsonl", "entities.jsonl", "manifest.json")}

    def killed(*args):  # the process dies just before the switch
        raise KeyboardInterrupt

    monkeypatch.setattr(atomic, "_switch", killed)
    with pytest.raises(KeyboardInterrupt):
        _write_set(out, "ru/second", entities())
    monkeypatch.undo()

    assert {name: (out / name).read_bytes() for name in before} == before
    in_use = current_outputs(out)
    assert len(list((out / ".generations").iterdir())) == 3  # current, the set in use, the half-set never used
    (out / ".documents.jsonl.abcd1234.tmp").write_text("half", encoding="utf-8")
    remove_stale(out)  # a later run clears what a killed one leaves
    assert sorted(p.name for p in (out / ".generations").iterdir()) == sorted(["current", in_use.name])
    assert temporaries(out) == [] and {name: (out / name).read_bytes() for name in before} == before


def test_an_output_folder_written_by_plain_files_is_taken_over(tmp_path):
    out = tmp_path
    for name in ("documents.jsonl", "entities.jsonl", "facts.jsonl", "manifest.json"):
        (out / name).write_text("previous\n", encoding="utf-8")

    _write_set(out, "ru/kazan", entities())

    assert [d.id for d in read_records(out / "documents.jsonl", Document)] == ["ru/kazan"]
    assert all((out / name).is_symlink() for name in ("documents.jsonl", "entities.jsonl", "facts.jsonl"))


class _Unwritable:
    """A record whose serialisation fails, as a full disk or a broken record would fail staging."""

    def model_dump(self, mode: str = "python") -> dict:
        raise OSError(28, "No space left on device")


def test_write_outputs_that_fails_midway_keeps_the_previous_outputs_and_leaves_no_temporary(tmp_path):
    out = tmp_path
    for name in ("documents.jsonl", "entities.jsonl", "facts.jsonl", "manifest.json"):
        (out / name).write_text("previous\n", encoding="utf-8")
    staged = StagedLines(out / "documents.jsonl")
    staged.write(document())

    with pytest.raises(OSError, match="No space left"):
        write_outputs(out, staged, entities(), [_Unwritable()], manifest())
    staged.discard()

    for name in ("documents.jsonl", "entities.jsonl", "facts.jsonl", "manifest.json"):
        assert (out / name).read_text(encoding="utf-8") == "previous\n", name
    assert temporaries(out) == [] and list(out.glob(".generations/*")) == []


@pytest.mark.parametrize("umask", [0o022, 0o077])
def test_written_files_follow_the_umask_like_any_new_file(tmp_path, umask):
    import stat

    old = os.umask(umask)
    try:
        write_text(tmp_path / "review.html", "<html></html>")
        staged = StagedLines(tmp_path / "documents.jsonl")
        os.replace(staged.finish(), tmp_path / "documents.jsonl")
    finally:
        os.umask(old)
    for name in ("review.html", "documents.jsonl"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o666 & ~umask, name
