"""render_review(out_dir) -> one self-contained HTML page to browse a run's documents, entities and facts.

The page carries the run's records as JSON and draws one document at a time on demand, so a corpus of
thousands of documents loads fast. Every piece of corpus text reaches the page through textContent, never
as markup: a source holding "<script>" shows it as text.
"""

from __future__ import annotations

import json
from pathlib import Path

from .emit import write_text
from .errors import InputError
from .schema import Document, Entity, Fact

_HEAD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>Review: __TITLE__</title>
<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;display:flex;height:100vh;color:#222}
nav{width:300px;overflow:auto;border-right:1px solid #ccc;padding:8px;box-sizing:border-box}
main{flex:1;overflow:auto;padding:12px 20px}
nav input,nav select{width:100%;margin:2px 0 6px;box-sizing:border-box}
.doc{padding:3px 4px;cursor:pointer;border-radius:3px}.doc:hover,.doc.on{background:#eef}
.counts{color:#555;font-size:12px}
.text{white-space:pre-wrap;border:1px solid #ddd;padding:10px;border-radius:4px;max-width:60em}
mark{background:none;border-bottom:3px solid;padding:0 1px;cursor:pointer}
mark.ORG{border-color:#0072B2;background:#e6f1f8}mark.LOC{border-color:#009E73;background:#e5f5f0;border-bottom-style:double}
mark.PER{border-color:#D55E00;background:#fbece3;border-bottom-style:dashed}mark.DATE{border-color:#CC79A7;background:#f8eef4;border-bottom-style:dotted}
mark.dim{opacity:.25}mark.focus{outline:2px solid #000}
.evidence{background:#fff3b0}
.legend span{margin-right:10px}
table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ddd;padding:2px 6px;vertical-align:top;text-align:left}
#info{position:sticky;top:0;background:#fafafa;border:1px solid #ddd;padding:6px;margin-bottom:8px;min-height:1.5em}
a{color:#0057a3;cursor:pointer}
</style></head><body>
<nav><b>Documents</b>
<input id="filter" placeholder="filter documents by id or title">
<label>Label <select id="label"><option value="">all</option><option>ORG</option><option>LOC</option><option>PER</option><option>DATE</option></select></label>
<label>Entity <select id="entity"><option value="">all</option></select></label>
<div><a id="show-entities">Entities</a> · <a id="show-facts">Facts</a></div>
<div id="docs"></div></nav>
<main><div class="legend"><mark class="ORG">ORG</mark> <mark class="LOC">LOC</mark> <mark class="PER">PER</mark> <mark class="DATE">DATE</mark></div>
<div id="info">Click a highlighted mention for its normal form, value, entity and source.</div>
<div id="view"></div></main>
<script id="data" type="application/json">__DATA__</script>
<script>
"use strict";
const DATA = JSON.parse(document.getElementById("data").textContent);
const byId = new Map(DATA.documents.map(d => [d.id, d]));
const entities = new Map(DATA.entities.map(e => [e.id, e]));
const $ = id => document.getElementById(id);
function el(tag, text, cls) { const n = document.createElement(tag); if (text != null) n.textContent = text; if (cls) n.className = cls; return n; }
function counts(d) { const c = {ORG: 0, LOC: 0, PER: 0, DATE: 0}; d.mentions.forEach(m => c[m.label]++); return c; }
function listDocs() {
  const q = $("filter").value.toLowerCase(), label = $("label").value, ent = $("entity").value;
  const box = $("docs"); box.replaceChildren();
  for (const d of DATA.documents) {
    if (q && !(d.id.toLowerCase().includes(q) || (d.meta.title || "").toLowerCase().includes(q))) continue;
    if (ent && !d.mentions.some(m => m.entity === ent)) continue;
    if (label && !d.mentions.some(m => m.label === label)) continue;
    const c = counts(d), row = el("div", null, "doc"); row.dataset.id = d.id;
    row.append(el("div", d.id), el("div", `ORG ${c.ORG} · LOC ${c.LOC} · PER ${c.PER} · DATE ${c.DATE}`, "counts"));
    row.onclick = () => { location.hash = "doc=" + encodeURIComponent(d.id); };
    box.append(row);
  }
}
function showDoc(id, focus, evidence) {
  const d = byId.get(id); if (!d) return;
  document.querySelectorAll(".doc").forEach(r => r.classList.toggle("on", r.dataset.id === id));
  const view = $("view"); view.replaceChildren();
  view.append(el("h2", d.meta.title || d.id), el("div", [d.id, d.lang, d.meta.source, d.meta.published, d.meta.url].filter(Boolean).join(" · "), "counts"));
  const text = el("div", null, "text"); text.id = "doc-text";
  const label = $("label").value, ent = $("entity").value;
  let pos = 0; const ms = [...d.mentions].sort((a, b) => a.start - b.start);
  const cut = (a, b) => { if (b <= a) return; if (evidence && b > evidence[0] && a < evidence[1]) {
      const s = Math.max(a, evidence[0]), e = Math.min(b, evidence[1]);
      if (s > a) text.append(d.text.slice(a, s)); text.append(el("span", d.text.slice(s, e), "evidence")); if (e < b) text.append(d.text.slice(e, b));
    } else text.append(d.text.slice(a, b)); };
  for (const m of ms) {
    if (m.start < pos) continue;
    cut(pos, m.start);
    const mark = el("mark", d.text.slice(m.start, m.end), m.label); mark.dataset.mention = m.id;
    if ((label && m.label !== label) || (ent && m.entity !== ent)) mark.classList.add("dim");
    if (focus === m.id) mark.classList.add("focus");
    mark.title = `${m.label} · ${m.normal}` + (m.value ? ` · ${m.value}` : "") + (m.entity ? ` · ${m.entity}` : "") + ` · ${m.source}`;
    mark.onclick = () => info(d, m);
    text.append(mark); pos = m.end;
  }
  cut(pos, d.text.length);
  view.append(text);
  if (d.relations.length) {
    view.append(el("h3", "Relations"));
    const t = el("table"), mid = new Map(d.mentions.map(m => [m.id, m]));
    t.append(row(["type", "head", "tail", "pattern", ""], "th"));
    for (const r of d.relations) {
      const link = el("a", "show evidence"); link.onclick = () => showDoc(d.id, null, r.evidence);
      t.append(row([r.type, mid.get(r.head).text, mid.get(r.tail).text, r.pattern || "", link]));
    }
    view.append(t);
  }
  const f = document.querySelector("mark.focus, .evidence"); if (f) f.scrollIntoView({block: "center"});
}
function row(cells, tag) { const tr = el("tr"); cells.forEach(c => { const td = el(tag || "td"); if (c instanceof Node) td.append(c); else td.textContent = c; tr.append(td); }); return tr; }
function info(d, m) {
  const e = m.entity && entities.get(m.entity);
  $("info").textContent = `${m.label} “${m.text}” · normal: ${m.normal}` + (m.value ? ` · value: ${m.value}` : "") +
    ` · entity: ${m.entity || "—"}` + (e ? ` (${e.name})` : "") + ` · source: ${m.source}` + (m.translit ? ` · ${m.translit}` : "");
}
function showEntities() {
  const view = $("view"); view.replaceChildren(el("h2", "Entities"));
  const t = el("table"); t.append(row(["id", "label", "name", "English names", "Russian names", "mentions", "documents"], "th"));
  for (const e of DATA.entities) {
    const docs = el("div"); e.documents.forEach(id => { const a = el("a", id); a.onclick = () => { $("entity").value = e.id; listDocs(); location.hash = "doc=" + encodeURIComponent(id); }; docs.append(a, " "); });
    t.append(row([e.id, e.label, e.name, (e.names.en || []).join(" | "), (e.names.ru || []).join(" | "), String(e.mentions), docs]));
  }
  view.append(t);
}
function showFacts() {
  const view = $("view"); view.replaceChildren(el("h2", "Facts"));
  const t = el("table"); t.append(row(["subject", "predicate", "object", "evidence"], "th"));
  const name = id => (entities.get(id) || {}).name || id;
  for (const f of DATA.facts) {
    const ev = el("div");
    f.evidence.forEach(x => { const a = el("a", `${x.document} [${x.start}–${x.end}]`); a.title = x.text; a.onclick = () => { location.hash = "doc=" + encodeURIComponent(x.document) + "&ev=" + x.start + "-" + x.end; }; ev.append(a, el("br")); });
    t.append(row([name(f.subject), f.predicate, f.object.startsWith("date:") ? f.object.slice(5) : name(f.object), ev]));
  }
  view.append(t);
}
function route() {
  const p = new URLSearchParams(location.hash.slice(1));
  if (p.get("view") === "entities") return showEntities();
  if (p.get("view") === "facts") return showFacts();
  const id = p.get("doc"); const ev = (p.get("ev") || "").split("-").map(Number);
  if (id) showDoc(id, null, ev.length === 2 && !isNaN(ev[0]) ? ev : null);
}
for (const e of DATA.entities) { const o = el("option", `${e.name} (${e.label}, ${e.mentions})`); o.value = e.id; $("entity").append(o); }
$("filter").oninput = listDocs;
$("label").onchange = $("entity").onchange = () => { listDocs(); route(); };
$("show-entities").onclick = () => { location.hash = "view=entities"; };
$("show-facts").onclick = () => { location.hash = "view=facts"; };
window.onhashchange = route;
listDocs(); route();
</script></body></html>
"""


def render_review(out_dir: Path) -> str:
    """The review page for the outputs in `out_dir` (documents.jsonl, entities.jsonl, facts.jsonl)."""
    documents = read_records(out_dir / "documents.jsonl", Document)
    data = {
        "documents": [d.model_dump(mode="json") for d in documents],
        "entities": [e.model_dump(mode="json") for e in read_records(out_dir / "entities.jsonl", Entity)],
        "facts": [f.model_dump(mode="json") for f in read_records(out_dir / "facts.jsonl", Fact)],
    }
    payload = json.dumps(data, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e")
    payload = payload.replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    title = f"{len(documents)} documents in {out_dir.name or out_dir}"
    return _HEAD.replace("__TITLE__", _escape(title)).replace("__DATA__", payload)


def write_review(out_dir: Path, html_path: Path | None = None) -> Path:
    """Write the review page (default DIR/review.html) and return its path."""
    target = html_path or out_dir / "review.html"
    write_text(target, render_review(out_dir))
    return target


def read_records(path: Path, model) -> list:
    """Every line of a run's JSONL file as a validated record; InputError names the file and line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc}); run 'pipeline run' first") from None
    records = []
    for number, line in enumerate(lines, 1):
        try:
            records.append(model.model_validate_json(line))
        except ValueError as exc:
            raise InputError(f"{path}:{number}: not a valid {model.__name__} record: {exc}") from None
    return records


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
