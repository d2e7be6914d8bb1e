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
