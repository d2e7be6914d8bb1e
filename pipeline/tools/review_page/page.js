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
    row.append(el("div", d.meta.title || d.id, "title"), el("div", (d.meta.title ? d.id + " · " : "") + `ORG ${c.ORG} · LOC ${c.LOC} · PER ${c.PER} · DATE ${c.DATE}`, "counts"));
    row.onclick = () => { location.hash = "doc=" + encodeURIComponent(d.id); };
    box.append(row);
  }
}
function showDoc(id, focus, evidence) {
  const d = byId.get(id);
  if (!d) { $("view").replaceChildren(el("h2", "No such document"), el("p", `No document “${id}” in this run. Pick one from the list, or see the overview.`, "missing")); return; }
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
      t.append(row([r.type, mentionLink(mid.get(r.head)), mentionLink(mid.get(r.tail)), r.pattern || "", link]));
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
    t.append(row([e.id, e.label, entityLink(e.id), (e.names.en || []).join(" | "), (e.names.ru || []).join(" | "), String(e.mentions), docs]));
  }
  view.append(t);
}
const name = id => id.startsWith("date:") ? id.slice(5) : ((entities.get(id) || {}).name || id);
function entityLink(id) {
  if (id.startsWith("date:")) return el("span", id.slice(5));
  const a = el("a", name(id)); a.onclick = () => { location.hash = "entity=" + encodeURIComponent(id); }; return a;
}
function mentionLink(m) { return m.entity ? entityLink(m.entity) : el("span", m.value || m.normal); }
function evidenceList(f) {
  const box = el("div");
  f.evidence.forEach(x => {
    const item = el("div", null, "ev"), a = el("a", x.document);
    a.onclick = () => { location.hash = "doc=" + encodeURIComponent(x.document) + "&ev=" + x.start + "-" + x.end; };
    item.append(el("q", x.text), " — ", a, x.pattern ? el("span", ` (${x.pattern}${x.confidence != null ? ", " + x.confidence : ""})`, "counts") : "");
    box.append(item);
  });
  return box;
}
function showFacts() {
  const view = $("view"); view.replaceChildren(el("h2", "Facts"));
  const predicate = el("select"), confidence = el("select");
  predicate.id = "fact-predicate"; confidence.id = "fact-confidence";
  predicate.append(el("option", "all predicates")); predicate.firstChild.value = "";
  [...new Set(DATA.facts.map(f => f.predicate))].sort().forEach(p => { const o = el("option", p); o.value = p; predicate.append(o); });
  [["", "any confidence"], ["0.5", "≥ 0.5"], ["0.7", "≥ 0.7"], ["0.9", "≥ 0.9"]].forEach(([v, t]) => { const o = el("option", t); o.value = v; confidence.append(o); });
  const p = new URLSearchParams(location.hash.slice(1));
  predicate.value = p.get("predicate") || ""; confidence.value = p.get("confidence") || "";
  const filters = el("div", null, "filters"); filters.append(el("label", "Predicate "), predicate, el("label", " Confidence "), confidence);
  const refilter = () => { const q = new URLSearchParams({view: "facts"}); if (predicate.value) q.set("predicate", predicate.value); if (confidence.value) q.set("confidence", confidence.value); location.hash = q.toString(); };
  predicate.onchange = confidence.onchange = refilter;
  view.append(filters);
  const least = Number(confidence.value || 0);
  const shown = DATA.facts.filter(f => (!predicate.value || f.predicate === predicate.value) && (f.confidence == null || f.confidence >= least));
  const groups = new Map();
  for (const f of shown) { if (!groups.has(f.subject)) groups.set(f.subject, []); groups.get(f.subject).push(f); }
  const subjects = [...groups.keys()].sort((a, b) => name(a).localeCompare(name(b)));
  for (const s of subjects) {
    const h = el("h3"); h.append(entityLink(s)); view.append(h);
    const t = el("table", null, "facts"); t.append(row(["predicate", "object", "confidence", "evidence"], "th"));
    groups.get(s).sort((a, b) => a.predicate.localeCompare(b.predicate) || a.object.localeCompare(b.object))
      .forEach(f => t.append(row([f.predicate, entityLink(f.object), f.confidence == null ? "" : String(f.confidence), evidenceList(f)])));
    view.append(t);
  }
  if (!shown.length) view.append(el("p", "No fact passes these filters."));
}
function showEntity(id) {
  const e = entities.get(id), view = $("view");
  if (!e) { view.replaceChildren(el("h2", "No such entity"), el("p", `No entity “${id}” in this run.`, "missing")); return; }
  view.replaceChildren(el("h2", e.name), el("div", `${e.id} · ${e.label} · ${e.mentions} mentions in ${e.documents.length} documents`, "counts"));
  const names = el("table"); names.append(row(["language", "names"], "th"));
  Object.entries(e.names).forEach(([lang, ns]) => names.append(row([lang, ns.join(" | ")])));
  view.append(el("h3", "Names"), names);
  const facts = DATA.facts.filter(f => f.subject === id || f.object === id);
  const dated = facts.filter(f => f.subject === id && f.object.startsWith("date:")).sort((a, b) => a.object.localeCompare(b.object));
  if (dated.length) {
    const line = el("ol", null, "timeline"); line.id = "timeline";
    dated.forEach(f => { const li = el("li"); li.append(el("b", f.object.slice(5)), ` ${f.predicate.replace(/_/g, " ")}`, evidenceList(f)); line.append(li); });
    view.append(el("h3", "Timeline"), line);
  }
  const t = el("table", null, "facts"); t.append(row(["subject", "predicate", "object", "evidence"], "th"));
  facts.filter(f => !dated.includes(f)).sort((a, b) => a.predicate.localeCompare(b.predicate) || a.object.localeCompare(b.object))
    .forEach(f => t.append(row([entityLink(f.subject), f.predicate, entityLink(f.object), evidenceList(f)])));
  view.append(el("h3", "Facts"), facts.length > dated.length ? t : el("p", "No other fact."));
  const docs = el("ul");
  e.documents.forEach(d => { const li = el("li"), a = el("a", (byId.get(d) || {meta: {}}).meta.title || d); a.onclick = () => { $("entity").value = id; listDocs(); location.hash = "doc=" + encodeURIComponent(d); }; li.append(a, el("span", " " + d, "counts")); docs.append(li); });
  view.append(el("h3", "Documents"), docs);
}
function showOverview() {
  const view = $("view"); view.replaceChildren(el("h2", "Overview"));
  const labels = {ORG: 0, LOC: 0, PER: 0, DATE: 0};
  DATA.documents.forEach(d => d.mentions.forEach(m => labels[m.label]++));
  const t = el("table", null, "overview"); t.id = "label-counts";
  t.append(row(["documents", "ORG", "LOC", "PER", "DATE", "entities", "facts"], "th"));
  t.append(row([String(DATA.documents.length), ...Object.values(labels).map(String), String(DATA.entities.length), String(DATA.facts.length)]));
  view.append(t);
  const problems = DATA.problems || [];
  view.append(el("h3", `Documents with errors (${problems.filter(p => p.kind === "error").length})`));
  if (problems.length) { const list = el("ul"); problems.forEach(p => list.append(el("li", `${p.kind}: ${p.error}`, p.kind))); view.append(list); }
  else view.append(el("p", "None: every document was read."));
  const top = [...DATA.entities].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name)).slice(0, 15);
  const e = el("table"); e.id = "top-entities"; e.append(row(["entity", "label", "mentions", "documents"], "th"));
  top.forEach(x => e.append(row([entityLink(x.id), x.label, String(x.mentions), String(x.documents.length)])));
  view.append(el("h3", "Most mentioned"), e);
  const per = new Map(); DATA.facts.forEach(f => per.set(f.predicate, (per.get(f.predicate) || 0) + 1));
  const ft = el("table"); ft.id = "facts-per-type"; ft.append(row(["predicate", "facts"], "th"));
  [...per.entries()].sort().forEach(([p, n]) => { const a = el("a", p); a.onclick = () => { location.hash = "view=facts&predicate=" + p; }; ft.append(row([a, String(n)])); });
  view.append(el("h3", "Facts per type"), ft);
}
function move(step) {
  const rows = [...document.querySelectorAll(".doc")]; if (!rows.length) return;
  const at = rows.findIndex(r => r.classList.contains("on"));
  const next = rows[Math.min(rows.length - 1, Math.max(0, at < 0 ? 0 : at + step))];
  location.hash = "doc=" + encodeURIComponent(next.dataset.id);
}
document.addEventListener("keydown", ev => {
  if (ev.target.matches && ev.target.matches("input, select, textarea") || ev.ctrlKey || ev.metaKey || ev.altKey) return;
  if (ev.key === "j" || ev.key === "ArrowDown") { move(1); ev.preventDefault(); }
  else if (ev.key === "k" || ev.key === "ArrowUp") { move(-1); ev.preventDefault(); }
});
function route() {
  const p = new URLSearchParams(location.hash.slice(1));
  if (p.get("view") === "entities") return showEntities();
  if (p.get("view") === "facts") return showFacts();
  if (p.get("entity")) return showEntity(p.get("entity"));
  const id = p.get("doc"); const ev = (p.get("ev") || "").split("-").map(Number);
  if (id) return showDoc(id, null, ev.length === 2 && !isNaN(ev[0]) ? ev : null);
  document.querySelectorAll(".doc").forEach(r => r.classList.remove("on"));
  showOverview();
}
for (const e of DATA.entities) { const o = el("option", `${e.name} (${e.label}, ${e.mentions})`); o.value = e.id; $("entity").append(o); }
$("filter").oninput = listDocs;
$("label").onchange = $("entity").onchange = () => { listDocs(); route(); };
$("show-entities").onclick = () => { location.hash = "view=entities"; };
$("show-facts").onclick = () => { location.hash = "view=facts"; };
$("show-overview").onclick = () => { location.hash = ""; route(); };
window.onhashchange = route;
listDocs(); route();
