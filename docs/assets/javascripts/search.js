// The search box in the header: opens and closes Material's search dialog, asks the toolkit's own
// index (search-engine.js) as the reader types, shows the decision tool that fits a situation
// above the results, and moves through the results from the keyboard. Nothing typed leaves the
// device: the index is one file from this site, fetched the first time search opens.
//
// Engine-neutral on purpose: the markup is overrides/partials/search.html, the index is made
// from the built pages, and the site's root is found from this file's own address.

import { Index, matches, snippet } from "./search-engine.js";

const ROOT = new URL("../../", import.meta.url);
const INDEX_URL = new URL("assets/search/index.json", ROOT);
const SHOWN = 10;
let loading = null;

function loadIndex() {
  loading ??= fetch(INDEX_URL, { credentials: "same-origin" })
    .then((response) => {
      if (!response.ok) throw new Error(`${INDEX_URL.pathname}: ${response.status}`);
      return response.json();
    })
    .then((data) => new Index(data));
  return loading;
}

function parts() {
  const dialog = document.querySelector(".dt-search");
  if (!dialog) return null;
  return { dialog, toggle: document.getElementById("__search"), input: dialog.querySelector(".md-search__input"),
    results: dialog.querySelector(".md-search-result"), meta: dialog.querySelector(".md-search-result__meta"), tool: dialog.querySelector(".dt-search-tool"),
    list: dialog.querySelector(".md-search-result__list") };
}

function setOpen(ui, open) {
  if (!ui.toggle || ui.toggle.checked === open) return;
  ui.toggle.checked = open;
  ui.toggle.dispatchEvent(new Event("change", { bubbles: true }));  // hidden-panels.js follows it
}

// The words of `text`, with those the search matched in <mark>, as nodes (never as HTML).
function marked(text, terms) {
  const out = document.createDocumentFragment();
  for (const piece of text.split(/([A-Za-z0-9\u00C0-\u024F'\u2019]+)/)) {
    if (piece && matches(piece, terms)) {
      const mark = document.createElement("mark");
      mark.textContent = piece;
      out.append(mark);
    } else if (piece) out.append(piece);
  }
  return out;
}

function href(page, anchor) {
  const url = new URL(page.url, ROOT);
  if (anchor) url.hash = anchor;
  return url.href;
}

function resultItem(result) {
  const [best, ...more] = result.sections;
  const item = document.createElement("li");
  item.className = "md-search-result__item";
  const link = document.createElement("a");
  link.className = "md-search-result__link";
  link.href = href(result.page, best.anchor);
  const article = document.createElement("article");
  article.className = "md-search-result__article md-typeset";
  const title = document.createElement("h2");
  title.className = "dt-search-result__title";
  title.append(marked(best.anchor ? `${best.heading}` : result.page.title, result.terms));
  const words = document.createElement("p");
  words.append(marked(snippet(best.text, result.terms), result.terms));
  const where = best.anchor || result.page.tool ? [document.createElement("p")] : [];
  for (const line of where) {
    line.className = "dt-search-result__page";
    line.textContent = best.anchor ? `In: ${result.page.title}` : "A decision tool";
  }
  article.append(title, ...where, words);
  link.append(article);
  item.append(link, ...(more.length ? [alsoOnPage(result, more)] : []));
  return item;
}

function alsoOnPage(result, sections) {
  const also = document.createElement("p");
  also.className = "dt-search-result__also";
  also.append("Also on this page: ");
  sections.forEach((section, i) => {
    const link = document.createElement("a");
    link.href = href(result.page, section.anchor);
    link.textContent = section.anchor ? section.heading : result.page.title;
    also.append(...(i ? ["; ", link] : [link]));
  });
  return also;
}

function showTool(ui, suggestion) {
  ui.tool.replaceChildren();
  ui.tool.hidden = !suggestion;
  if (!suggestion) return;
  const lead = document.createElement("p");
  lead.className = "dt-search-tool__lead";
  lead.textContent = "This tool may help you decide what to do:";
  const link = document.createElement("a");
  link.className = "dt-search-tool__link";
  link.href = new URL(suggestion.page, ROOT).href;
  link.textContent = suggestion.title;
  ui.tool.append(lead, link);
}

async function show(ui, query) {
  const asked = query.trim();
  if (!asked) {
    ui.meta.textContent = "Type what happened, or a question";
    ui.list.replaceChildren();
    showTool(ui, null);
    delete ui.results.dataset.query;
    return;
  }
  let index;
  try {
    index = await loadIndex();
  } catch (error) {
    ui.meta.textContent = "Search could not start. Use the menu to find a page.";
    console.error("search: the index did not load:", error);
    return;
  }
  if (ui.input.value.trim() !== asked) return;  // the reader has typed on
  const results = index.search(asked, SHOWN);
  showTool(ui, index.suggest(asked));
  ui.list.replaceChildren(...results.map(resultItem));
  ui.meta.textContent = results.length ? `${results.length} ${results.length === SHOWN ? "best " : ""}matching page${results.length === 1 ? "" : "s"}`
    : "No matching pages. Try other words, such as what happened or where.";
  ui.results.dataset.query = asked;  // which search the results are for (the tests and bench wait on it)
}

function links(ui) {
  return [...ui.dialog.querySelectorAll(".dt-search-tool__link, .md-search-result__link")];
}

// Arrow keys move between the box and the results; Enter in the box opens the first; Escape closes.
function onKey(ui, event) {
  if (!ui.toggle?.checked) return;
  if (event.key === "Escape") {
    event.preventDefault();
    setOpen(ui, false);
    ui.input.blur();
    return;
  }
  const all = links(ui);
  const at = all.indexOf(document.activeElement);
  if (event.key === "Enter" && event.target === ui.input && all.length) {
    event.preventDefault();
    all[0].click();
  } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
    if (at < 0 && event.target !== ui.input) return;
    event.preventDefault();
    const next = event.key === "ArrowDown" ? at + 1 : at - 1;
    (next < 0 ? ui.input : all[Math.min(next, all.length - 1)])?.focus();
  }
}

function onGlobalKey(ui, event) {
  const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
  if (typing || event.ctrlKey || event.metaKey || event.altKey || !["f", "s", "/"].includes(event.key)) return;
  event.preventDefault();
  setOpen(ui, true);
  ui.input.focus();
}

function bind(ui) {
  if (ui.dialog.dataset.bound) return;
  ui.dialog.dataset.bound = "true";
  let timer = 0;
  ui.input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => show(ui, ui.input.value), 60);
  });
  ui.input.addEventListener("focus", () => { setOpen(ui, true); loadIndex().catch(() => {}); });
  ui.dialog.querySelector("form").addEventListener("submit", (event) => event.preventDefault());
  ui.dialog.querySelector("form").addEventListener("reset", () => setTimeout(() => { show(ui, ""); ui.input.focus(); }));
  ui.dialog.addEventListener("keydown", (event) => onKey(ui, event));
  ui.dialog.addEventListener("click", (event) => { if (event.target.closest("a[href]")) setOpen(ui, false); });
  // Tab out of search (to a link outside it) closes it, so nothing open covers what has focus.
  ui.dialog.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !ui.dialog.contains(event.relatedTarget)) setOpen(ui, false);
  });
  // Opened from the header's Search button or label: put the reader in the box.
  ui.toggle?.addEventListener("change", () => { if (ui.toggle.checked) setTimeout(() => ui.input.focus()); });
}

// Material's stylesheet places the results below the box; a theme that styles only its own
// search (Zensical's) leaves them in the page's flow: search.css then styles the dialog itself.
function markUnstyled(ui) {
  // Checked once: after it, search.css's own rules place the results, so the test would pass.
  const output = ui.dialog.querySelector(".md-search__output");
  if (output && getComputedStyle(output).position === "static") document.documentElement.classList.add("dt-search-unstyled");
}

let globalKeys = false;
function ready() {
  const ui = parts();
  if (!ui || !ui.input) return;
  markUnstyled(ui);
  bind(ui);
  if (!globalKeys) {
    globalKeys = true;
    document.addEventListener("keydown", (event) => { const now = parts(); if (now) onGlobalKey(now, event); });
  }
}

if (window.document$) window.document$.subscribe(ready); else ready();
