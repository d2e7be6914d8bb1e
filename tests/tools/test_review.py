"""The review page: drawn in a real headless browser, corpus text only ever shown as text."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from urllib.parse import quote

import pytest

from pipeline.core.records import Document, Mention, Meta
from pipeline.tools.review import gazetteer_suggestions, render_review, write_review

from ..common import record

HOSTILE = ("<script>document.title='PWNED'</script> <img src=x onerror=\"document.title='PWNED'\"> </textarea> "
           "</script><script>document.title='PWNED'</script>\nThe Left Front met in Moscow on 7 March 2011.\n")
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no headless browser: install Debian's chromium "
                                                           "(.ci/run does) to check the review page for real")


def _browser(*args: str) -> str:
    profile = tempfile.mkdtemp()
    command = [BROWSER, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync",
               f"--user-data-dir={profile}", *args]
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=120).stdout
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _outputs(folder: Path, documents: list[Document]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "documents.jsonl").write_text("".join(d.model_dump_json() + "\n" for d in documents), encoding="utf-8")
    (folder / "entities.jsonl").write_text("", encoding="utf-8")
    (folder / "facts.jsonl").write_text("", encoding="utf-8")
    return folder


@pytest.fixture
def hostile(tmp_path) -> Path:
    """An output folder holding one document whose text is markup meant to run."""
    doc = record(HOSTILE, [("Left Front", "ORG"), ("Moscow", "LOC"), ("7 March 2011", "DATE")], doc_id="en/hostile",
                 **{"7 March 2011": {"value": "2011-03-07"}})
    return _outputs(tmp_path / "out", [doc])


def test_page_embeds_corpus_text_only_as_escaped_data(hostile):
    html = render_review(hostile)
    page, data = html.split('<script id="data"')
    assert "PWNED" not in page and "<img" not in page
    assert "<script>document.title" not in data and "</textarea>" not in data and "</script><script>" not in data
    assert html.count("<script") == 2  # the data block and the page's own code
    assert json.loads(data.split(">", 1)[1].split("</script>")[0])["documents"][0]["text"] == HOSTILE


def test_page_carries_its_style_and_script_inline(hostile):
    html = write_review(hostile).read_text(encoding="utf-8")
    assert "mark.ORG{" in html and "function showDoc(" in html  # page.css and page.js, put in
    assert "__STYLE__" not in html and "__SCRIPT__" not in html and "__DATA__" not in html
    assert "<title>Review: 1 documents in out</title>" in html


@pytest.mark.models
@needs_browser
def test_every_sample_document_shows_all_its_mentions(sample_run, tmp_path):
    out, result = sample_run
    page = write_review(out, tmp_path / "review.html")
    for doc in result.documents:
        dom = _browser("--dump-dom", f"{page.as_uri()}#doc={quote(doc.id, safe='')}")
        assert dom.count("data-mention=") == len(doc.mentions), doc.id


@needs_browser
def test_hostile_document_is_shown_as_text_and_runs_nothing(hostile):
    page = write_review(hostile)
    dom = _browser("--dump-dom", f"{page.as_uri()}#doc=en%2Fhostile")
    assert "PWNED" not in dom.split("<title>")[1].split("</title>")[0]
    assert "&lt;script&gt;document.title='PWNED'&lt;/script&gt;" in dom  # shown, as text
    assert "<img" not in dom and "&lt;img src=x onerror=" in dom  # no element, the markup shown as text
    assert dom.count("data-mention=") == 3


@needs_browser
def test_screenshot_of_the_review_page_shows_the_document(hostile, tmp_path):
    page = write_review(hostile)
    shot = tmp_path / "review.png"
    _browser(f"--screenshot={shot}", "--window-size=1280,860", f"{page.as_uri()}#doc=en%2Fhostile")
    png = shot.read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1280, 860)
    assert len(png) > 20_000  # a drawn page, not a blank one (a blank 1280x860 PNG is a few kilobytes)


@needs_browser
def test_a_thousand_documents_load_without_drawing_them(tmp_path):
    text = "The Left Front met in Moscow. " * 40
    documents = []
    for n in range(1000):
        mentions = [Mention(id=f"m{i + 1}", start=30 * i + 4, end=30 * i + 14, text="Left Front", label="ORG",
                            lang="en", normal="Left Front", entity="org:left-front", source="gazetteer")
                    for i in range(40)]
        documents.append(Document(id=f"en/doc-{n:04d}", path=f"corpus/en/doc-{n:04d}.txt", sha256="", lang="en",
                                  meta=Meta(), text=text, mentions=mentions, relations=[]))
    page = write_review(_outputs(tmp_path / "big", documents))
    dom = _browser("--dump-dom", page.as_uri())
    assert dom.count('class="doc"') == 1000 and "data-mention=" not in dom.split('<script id="data"')[0]
    opened = _browser("--dump-dom", f"{page.as_uri()}#doc=en%2Fdoc-0999")
    assert opened.split('<script id="data"')[0].count("data-mention=") == 40


def _text_of(dom: str) -> str:
    """The page's visible text (its data block and code left out), tags dropped."""
    import html
    import re

    body = dom.split('<script id="data"')[0]
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)))


def _view(page: Path, fragment: str, shot: Path) -> str:
    """The page's text at `fragment`, and a screenshot of it written to `shot`."""
    _browser(f"--screenshot={shot}", "--window-size=1280,860", "--hide-scrollbars", f"{page.as_uri()}{fragment}")
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000
    return _text_of(_browser("--dump-dom", f"{page.as_uri()}{fragment}"))


@pytest.fixture
def sample_page(sample_run, tmp_path):
    """The sample run's review page, and the run's result."""
    out, result = sample_run
    return write_review(out, tmp_path / "review.html"), result


@pytest.mark.models
@needs_browser
def test_the_landing_view_shows_the_corpus_at_a_glance(sample_page, tmp_path):
    page, result = sample_page
    text = _view(page, "", tmp_path / "overview.png")
    mentions = sum(len(d.mentions) for d in result.documents)
    orgs = sum(m.label == "ORG" for d in result.documents for m in d.mentions)
    assert f"documents ORG LOC PER DATE entities facts {len(result.documents)} {orgs} " in text
    assert sum(int(n) for n in text.split("entities facts ")[1].split()[1:5]) == mentions
    assert "Documents with errors (0)" in text and "Most mentioned" in text
    top = max(result.entities, key=lambda e: e.mentions)
    assert f"Most mentioned entity label mentions documents {top.name} {top.label} {top.mentions}" in text
    assert "Facts per type" in text and "founded_on" in text
    titled = next(d for d in result.documents if d.meta.title)
    assert titled.meta.title in text  # the document list shows titles


@pytest.mark.models
@needs_browser
def test_an_entity_page_has_its_names_facts_documents_and_timeline(sample_page, tmp_path):
    page, result = sample_page
    text = _view(page, "#entity=org%3Arussian-socialist-movement", tmp_path / "entity.png")
    assert "Russian Socialist Movement org:russian-socialist-movement · ORG" in text
    assert "Российское социалистическое движение" in text and "РСД" in text
    dated = sorted(f.object[5:] for f in result.facts
                   if f.subject == "org:russian-socialist-movement" and f.object.startswith("date:"))
    timeline = text.split("Timeline")[1].split(" Facts ")[0]
    assert dated and [d for d in dated if d in timeline] == dated
    assert timeline.index(dated[0]) <= timeline.index(dated[-1])  # in date order
    assert "founded on" in timeline and "7 March 2011" in timeline  # the evidence sentence, inline
    assert "Documents" in text and "ru/press-release-2011-03-07" in text


@pytest.mark.models
@needs_browser
def test_the_facts_view_is_grouped_by_subject_with_evidence_and_filters(sample_page, tmp_path):
    page, result = sample_page
    text = _view(page, "#view=facts", tmp_path / "facts.png")
    assert "Predicate all predicates" in text and "Confidence any confidence" in text
    assert text.count(" predicate object confidence evidence ") == len({f.subject for f in result.facts})
    some = next(f for f in result.facts if f.predicate == "headquartered_in")
    assert some.evidence[0].text in text  # the evidence sentence itself, not only a tooltip
    only = _text_of(_browser("--dump-dom", f"{page.as_uri()}#view=facts&predicate=founded_on"))
    assert "headquartered_in" not in only.split("Confidence")[1] and "founded_on" in only
    sure = _text_of(_browser("--dump-dom", f"{page.as_uri()}#view=facts&confidence=0.9"))
    assert sure.count(" predicate object confidence evidence ") < text.count(" predicate object confidence evidence ")


@needs_browser
def test_a_document_that_does_not_exist_says_so(hostile, tmp_path):
    page = write_review(hostile)
    text = _view(page, "#doc=nope", tmp_path / "missing.png")
    assert "No such document" in text and "No document “nope” in this run" in text


@needs_browser
def test_j_k_and_the_arrow_keys_move_through_the_documents(tmp_path):
    documents = [record(f"The Left Front met in Moscow ({n}).", [("Left Front", "ORG")], doc_id=f"en/doc-{n}")
                 for n in range(3)]
    out = _outputs(tmp_path / "out", documents)
    write_review(out)
    (out / "keys.html").write_text("""<!doctype html><html><body>
<iframe id="f" src="review.html#doc=en%2Fdoc-0"></iframe><pre id="out"></pre><script>
const f = document.getElementById("f");
f.onload = () => {
  const w = f.contentWindow, seen = [];
  for (const key of ["j", "ArrowDown", "ArrowDown", "k", "ArrowUp", "ArrowUp"]) {
    w.document.dispatchEvent(new w.KeyboardEvent("keydown", {key, bubbles: true}));
    w.dispatchEvent(new w.HashChangeEvent("hashchange"));
    seen.push(decodeURIComponent(w.location.hash));
  }
  document.getElementById("out").textContent = seen.join(" ");
};
</script></body></html>""", encoding="utf-8")
    dom = _browser("--allow-file-access-from-files", "--virtual-time-budget=3000", "--dump-dom",
                   (out / "keys.html").as_uri())
    moves = dom.split('<pre id="out">')[1].split("</pre>")[0].split()
    assert moves == ["#doc=en/doc-1", "#doc=en/doc-2", "#doc=en/doc-2", "#doc=en/doc-1", "#doc=en/doc-0",
                     "#doc=en/doc-0"]


def test_gazetteer_suggestions_are_one_tsv_line_each_with_control_characters_escaped(tmp_path):
    text = "The Vpered group met the Iskra circle and Moscow."
    fields = {"source": "human"}
    doc = record(text, [("Vpered group", "ORG"), ("Iskra circle", "ORG"), ("Moscow", "LOC")],
                 **{"Vpered group": {**fields, "entity": "org:vpered-group", "normal": "Vpered\tgroup\nerror: x"},
                    "Iskra circle": {**fields, "entity": "org:iskra", "normal": "Iskra\x1b]0;pwned\x07 circle"},
                    "Moscow": {**fields, "entity": "loc:moscow"}})  # in the gazetteer: not suggested
    (tmp_path / "documents.jsonl").write_text(doc.model_dump_json() + "\n", encoding="utf-8")

    assert gazetteer_suggestions(tmp_path) == ["org:iskra\tORG\tIskra\\x1b]0;pwned\\x07 circle\t",
                                               "org:vpered-group\tORG\tVpered\\tgroup\\nerror: x\t"]
