"""Reviewing: the HTML page in a real headless browser, the Label Studio round trip, show and add."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest

from pipeline.labelstudio import export_tasks, import_tasks
from pipeline.review import render_review, write_review
from pipeline.run import run_corpus
from pipeline.schema import Settings

from .conftest import DATA

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ("<script>document.title='PWNED'</script> <img src=x onerror=\"document.title='PWNED'\"> </textarea> "
           "</script><script>document.title='PWNED'</script>\nThe Left Front met in Moscow on 7 March 2011.\n")
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory, pipelines):
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copytree(ROOT / "corpus", corpus, dirs_exist_ok=True)
    (corpus / "en" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    run_corpus([corpus], out, Settings(), pipelines=pipelines)
    page = write_review(out)
    documents = [json.loads(line) for line in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    return out, page, documents


def _browser(*args: str) -> str:
    profile = tempfile.mkdtemp()
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *args]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=120).stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)


needs_browser = pytest.mark.skipif(BROWSER is None, reason="no headless browser: install Debian's chromium "
                                                           "(.ci/run does) to check the review page for real")


@needs_browser
def test_every_document_shows_all_its_mentions(reviewed):
    _, page, documents = reviewed
    for doc in documents:
        dom = _browser("--dump-dom", f"{page.as_uri()}#doc={quote(doc['id'], safe='')}")
        assert dom.count("data-mention=") == len(doc["mentions"]), doc["id"]


@needs_browser
def test_hostile_document_is_shown_as_text_and_runs_nothing(reviewed):
    _, page, documents = reviewed
    dom = _browser("--dump-dom", f"{page.as_uri()}#doc=en%2Fhostile")
    assert "PWNED" not in dom.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom  # shown, as text
    assert "<img" not in dom and "&lt;img src=x onerror=" in dom  # no element, the markup shown as text


@needs_browser
def test_screenshot_of_the_review_page(reviewed):
    _, page, _ = reviewed
    shot = ROOT / "outputs" / "review-test.png"
    shot.parent.mkdir(exist_ok=True)
    shot.unlink(missing_ok=True)
    _browser(f"--screenshot={shot}", "--window-size=1280,860", f"{page.as_uri()}#doc=en%2Frsm-wikipedia")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_page_embeds_corpus_text_only_as_escaped_data(reviewed):
    out, _, _ = reviewed
    html = render_review(out)
    assert "document.title='PWNED'" not in html.replace("\\u003c", "<").split('<script id="data"')[0]
    assert "<script>document.title" not in html and "</textarea>" not in html
    assert html.count("<script") == 2  # the data block and the page's own code


def test_label_studio_round_trip_reproduces_mentions_and_relations(reviewed, tmp_path):
    out, _, documents = reviewed
    exported = tmp_path / "tasks.json"
    exported.write_text(json.dumps(export_tasks(out)), encoding="utf-8")
    gold = {g["id"]: g for g in import_tasks(exported)}
    assert set(gold) == {d["id"] for d in documents}
    for doc in documents:
        g = gold[doc["id"]]
        assert g["text"] == doc["text"]
        assert [(e["start"], e["end"], e["label"]) for e in g["entities"]] == \
            [(m["start"], m["end"], m["label"]) for m in sorted(doc["mentions"], key=lambda m: (m["start"], m["end"]))]
        spans = {m["id"]: (m["start"], m["end"]) for m in doc["mentions"]}
        ours = sorted((r["type"], spans[r["head"]], spans[r["tail"]]) for r in doc["relations"])
        theirs = sorted((r["type"], (g["entities"][r["head"]]["start"], g["entities"][r["head"]]["end"]),
                         (g["entities"][r["tail"]]["start"], g["entities"][r["tail"]]["end"])) for r in g["relations"])
        assert ours == theirs


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], capture_output=True, text=True, timeout=600)


def test_show_prints_the_document_with_its_mentions(reviewed):
    out, _, _ = reviewed
    result = _cli("show", "en/hostile", "--dir", str(out))
    assert result.returncode == 0
    assert "[ORG Left Front]" in result.stdout and "[LOC Moscow]" in result.stdout
    assert _cli("show", "en/missing", "--dir", str(out)).returncode == 2


def test_add_converts_names_and_refuses_duplicates(tmp_path):
    corpus = tmp_path / "corpus"
    source = DATA / "corpus" / "ru" / "kaluga-cp1251.txt"
    first = _cli("add", str(source), "--corpus", str(corpus))
    assert first.returncode == 0, first.stderr
    added = corpus / "ru" / "kaluzhsky-listok-2012-05-14.txt"
    assert added.exists() and "pipeline run" in first.stdout
    text = added.read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Новое отделение в Калуге\n") and "В понедельник в Калуге" in text
    assert f"original_sha256: {hashlib.sha256(source.read_bytes()).hexdigest()}" in text
    again = _cli("add", str(source), "--corpus", str(corpus))
    assert again.returncode == 1 and "already in the corpus" in again.stderr
    html = _cli("add", str(DATA / "corpus" / "ru" / "novosibirsk.html"), "--corpus", str(corpus), "--title", "Митинг")
    assert html.returncode == 0 and (corpus / "ru" / "sibirsky-vestnik-2012-09-01.txt").exists()
    run = run_corpus([corpus], None, Settings())
    assert sorted(d.id for d in run.documents) == ["ru/kaluzhsky-listok-2012-05-14", "ru/sibirsky-vestnik-2012-09-01"]
    assert run.documents[1].meta.title == "Митинг"


@needs_browser
def test_a_thousand_documents_load_without_drawing_them(tmp_path):
    from pipeline.schema import Document, Meta, Mention

    out = tmp_path / "big"
    out.mkdir()
    text = "The Left Front met in Moscow. " * 40
    lines = []
    for n in range(1000):
        mentions = [Mention(id=f"m{i + 1}", start=30 * i + 4, end=30 * i + 14, text="Left Front", label="ORG",
                            lang="en", normal="Left Front", entity="org:left-front", source="gazetteer")
                    for i in range(40)]
        doc = Document(id=f"en/doc-{n:04d}", path=f"corpus/en/doc-{n:04d}.txt", sha256="", lang="en", meta=Meta(),
                       text=text, mentions=mentions, relations=[])
        lines.append(doc.model_dump_json())
    (out / "documents.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out / "entities.jsonl").write_text("", encoding="utf-8")
    (out / "facts.jsonl").write_text("", encoding="utf-8")
    page = write_review(out)
    dom = _browser("--dump-dom", page.as_uri())
    assert dom.count('class="doc"') == 1000 and "data-mention=" not in dom.split('<script id="data"')[0]
    opened = _browser("--dump-dom", f"{page.as_uri()}#doc=en%2Fdoc-0999")
    assert opened.split('<script id="data"')[0].count("data-mention=") == 40
