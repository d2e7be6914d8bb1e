"""A run over a corpus with hostile files beside good ones, and over a damaged output folder: each problem is one
error or warning naming its file, the good documents are written, and nothing aborts the run."""

from __future__ import annotations

import os

import pytest

from pipeline.core.settings import Settings
from pipeline.corpus.run import run_corpus

pytestmark = pytest.mark.models

GOOD_EN = "The Left Front opened an office in Samara in May 2012.\n"
GOOD_RU = "Союз левых социалистов провёл съезд в Казани 12 мая 2009 года.\n"
BOMB = "---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n" \
       "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n---\nText.\n"


def _corpus(root):
    (root / "en").mkdir(parents=True)
    (root / "ru").mkdir()
    (root / "en" / "good.txt").write_text(GOOD_EN, encoding="utf-8")
    (root / "ru" / "good.txt").write_text(GOOD_RU, encoding="utf-8")
    return root


def _hostile(root):
    (root / "en" / "bad-date.txt").write_text("---\npublished: 2011-02-30\n---\n" + GOOD_EN, encoding="utf-8")
    (root / "en" / "bomb.txt").write_text(BOMB, encoding="utf-8")
    (root / "en" / "deep.html").write_text("<html><body>" + "<div>" * 10000 + "Deep text." + "</div>" * 10000
                                           + "</body></html>", encoding="utf-8")
    (root / "en" / "unclosed.html").write_text("<html><body>" + "<p>One line." * 1000 + "</body></html>",
                                               encoding="utf-8")
    (root / "en" / "punycode.html").write_bytes(b'<html><head><meta charset="punycode"></head><body><p>'
                                                + GOOD_EN.encode() + b"</p></body></html>")
    (root / "en" / "self.txt").symlink_to("self.txt")
    stray = GOOD_RU.encode("utf-8")
    (root / "ru" / "stray.txt").write_bytes(stray[:10] + b"\xff" + stray[10:])


def _outputs(out):
    return {name: (out / name).read_bytes() for name in ("documents.jsonl", "entities.jsonl", "facts.jsonl")}


def test_hostile_files_cost_one_line_each_and_the_good_documents_are_written(tmp_path, models):
    corpus = _corpus(tmp_path / "corpus")
    _hostile(corpus)

    result = run_corpus([corpus], tmp_path / "out", Settings(), models=models)

    errors = {os.path.basename(e.path): e.error for e in result.manifest.errors}
    warnings = {os.path.basename(w.path): w.error for w in result.manifest.warnings}
    assert set(errors) == {"bad-date.txt", "bomb.txt", "self.txt"}, errors
    for name, error in errors.items():
        assert name in error and "\n" not in error
    assert "stray.txt" in warnings and "byte" in warnings["stray.txt"]
    ids = [d.id for d in result.documents]
    assert {"en/good", "ru/good", "ru/stray", "en/deep", "en/unclosed", "en/punycode"} <= set(ids)
    stray = next(d for d in result.documents if d.id == "ru/stray")
    assert "Казани" in stray.text and "\ufffd" in stray.text  # read as UTF-8, the stray byte replaced
    assert "Deep text." in next(d for d in result.documents if d.id == "en/deep").text


def test_a_damaged_cache_and_entities_file_are_warned_of_and_the_outputs_are_a_clean_runs(tmp_path, models):
    corpus = _corpus(tmp_path / "corpus")
    clean = run_corpus([corpus], tmp_path / "clean", Settings(), models=models)
    out = tmp_path / "out"
    run_corpus([corpus], out, Settings(), models=models)
    cache = out / ".pipeline-cache.sqlite"
    with open(cache, "r+b") as handle:
        handle.truncate(cache.stat().st_size // 2)
    (out / "entities.jsonl").write_bytes(os.urandom(300))  # through the link, into the set in use

    again = run_corpus([corpus], out, Settings(), models=models)

    said = [w.error for w in again.manifest.warnings]
    assert any("the cache was damaged" in w for w in said) and any("entities.jsonl" in w for w in said), said
    assert len(list(out.glob(".pipeline-cache.sqlite.damaged-*"))) == 1
    assert again.manifest.errors == [] and _outputs(out) == _outputs(tmp_path / "clean")
    assert clean.manifest.counts["documents"] == again.manifest.counts["documents"] == 2


def test_a_correction_file_that_no_longer_applies_is_a_warning_not_a_failed_run(tmp_path, models):
    corpus = _corpus(tmp_path / "corpus")
    (corpus / ".corrections" / "en").mkdir(parents=True)
    (corpus / ".corrections" / "en" / "good.json").write_text('{"id": "en/good", "mentions": [', encoding="utf-8")

    result = run_corpus([corpus], tmp_path / "out", Settings(), models=models)

    assert result.manifest.errors == [] and result.manifest.counts["documents"] == 2
    (warning,) = result.manifest.warnings
    assert warning.error.startswith(str(corpus / ".corrections" / "en" / "good.json"))
