// The incident log: add, change and delete incidents, kept only in this browser (IndexedDB, one
// record per incident, so two open tabs never overwrite each other's entries). Print, CSV and
// JSON copies are made here, in the page; nothing is ever sent anywhere. The insights and the
// check of an imported file are Python (decision_tools.incidents), through python.js.
// No inline script, handler or style: it runs under a strict CSP.

import { el, hidden } from "./dom.js";
import { python as startPython } from "./python.js";

const DB_NAME = "councillor-safety-toolkit";
const STORE = "incidents";
const CHANNEL = "councillor-safety-toolkit:incident-log";
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

const button = (cls, ...text) => el("button", { type: "button", class: cls }, ...text);

// "2 November 2026 at 09:00", as decision_tools.incidents words it.
function whenText(when) {
  const [date, time] = when.split("T");
  const [y, m, d] = date.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y} at ${time}`;
}

// Oldest first, numbered: the same order as decision_tools.incidents.chronology.
function chronology(entries) {
  const key = (e) => [e.when, e.created || "", e.id];
  return [...entries].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  }).map((e, i) => ({ entry: e, number: i + 1 }));
}

function newId() {
  // crypto.randomUUID needs a secure context; an intranet may serve plain HTTP.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// ---- storage: one IndexedDB record per incident --------------------------------------------

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function openLog() {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "id" });
  req.onblocked = () => {};
  return request(req);
}

function write(db, change) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, "readwrite");
    try { change(tx.objectStore(STORE)); } catch (error) { try { tx.abort(); } catch { /* already done */ } reject(error); return; }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("The change was not saved."));
  });
}

const readAll = (db) => request(db.transaction(STORE).objectStore(STORE).getAll());
const putAll = (db, entries) => write(db, (store) => entries.forEach((e) => store.put(e)));
const remove = (db, id) => write(db, (store) => store.delete(id));
const clearAll = (db) => write(db, (store) => store.clear());

// ---- copies: JSON, CSV, print ----------------------------------------------------------------

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name, class: "dt-visually-hidden" }, name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const today = () => new Date().toISOString().slice(0, 10);

function jsonCopy(data, entries) {
  return JSON.stringify({ format: data.format, version: data.version, exported: new Date().toISOString(),
    incidents: chronology(entries).map((c) => c.entry) }, null, 2);
}

function csvCell(value) {
  let text = String(value ?? "");
  // A cell starting with = + - @ would run as a formula in a spreadsheet.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

function csvCopy(data, entries) {
  const head = ["Number", "Date", "Time", "How", "Where exactly", "Who", "What was said or done", "A threat",
    "Evidence", "How it affected me", "Who I told", "Told the police", "What happens next"];
  const rows = chronology(entries).map(({ entry: e, number }) => [number, e.when.slice(0, 10), e.when.slice(11),
    data.channels[e.channel], e.platform, e.who || "Not known", e.what, e.threat ? "Yes" : "No", e.evidence,
    e.effect, e.told, e.told_police ? "Yes" : "No", e.follow_up]);
  return "\ufeff" + [head, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

function details(data, e) {
  const rows = [["How", [data.channels[e.channel], e.platform].filter(Boolean).join(": ")],
    ["Who", e.who || "Not known"], ["What was said or done", e.what],
    ["A threat", e.threat ? "Yes" : "No"], ["Evidence", e.evidence], ["How it affected me", e.effect],
    ["Who I told", e.told], ["Told the police", e.told_police ? "Yes" : "No"], ["What happens next", e.follow_up]];
  return el("dl", { class: "il-details" }, rows.filter(([, v]) => v).map(([k, v]) =>
    el("div", { class: "il-details__row" }, el("dt", {}, k), el("dd", {}, v))));
}

function evidenceView(data, entries) {
  const list = chronology(entries);
  const printed = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  return [
    el("h2", {}, "Incident log"),
    el("p", { class: "il-sign" }, "Name: ", el("span", { class: "il-line" })),
    el("p", {}, `Printed on ${printed}. ${list.length} ${list.length === 1 ? "entry" : "entries"}, oldest first.`),
    el("ol", { class: "il-evidence__list" }, list.map(({ entry, number }) => el("li", { class: "il-evidence__entry" },
      el("h3", {}, `Entry ${number}: ${whenText(entry.when)}`), details(data, entry),
      el("p", { class: "il-sign" }, "Signed: ", el("span", { class: "il-line" }), " Date: ",
        el("span", { class: "il-line il-line--short" }))))),
    el("p", { class: "il-sign" }, "I confirm that this is a true record. Signed: ", el("span", { class: "il-line" }),
      " Date: ", el("span", { class: "il-line il-line--short" })),
  ];
}

// ---- the form ----------------------------------------------------------------------------------

function field(id, label, hint, control) {
  return el("div", { class: "dt-field il-field", "data-field": id },
    el("label", { class: "il-label", for: `il-${id}` }, label),
    hint ? el("div", { class: "dt-hint", id: `il-${id}-hint` }, hint) : null,
    control);
}

function textInput(id, { multiline = false, type = "text", autocomplete = "off" } = {}) {
  const attrs = { id: `il-${id}`, name: id, class: multiline ? "il-input il-textarea" : "il-input",
    "aria-describedby": `il-${id}-hint`, autocomplete };
  return multiline ? el("textarea", { ...attrs, rows: "4" }) : el("input", { ...attrs, type });
}

function checkbox(id, label) {
  return el("div", { class: "dt-checkboxes__item" },
    el("input", { class: "dt-checkboxes__input", type: "checkbox", id: `il-${id}`, name: id }),
    el("label", { class: "dt-checkboxes__label", for: `il-${id}` }, label));
}

function formView(data) {
  const channels = Object.entries(data.channels).map(([value, label]) => el("div", { class: "dt-radios__item" },
    el("input", { class: "dt-radios__input", type: "radio", id: `il-channel-${value}`, name: "channel", value }),
    el("label", { class: "dt-radios__label", for: `il-channel-${value}` }, label)));
  return el("form", { class: "il-form", novalidate: true },
    el("div", { class: "il-form__errors" }),
    el("fieldset", { class: "dt-fieldset il-when", "aria-describedby": "il-when-hint" },
      el("legend", { class: "il-legend" }, "When did it happen?"),
      el("div", { class: "dt-hint", id: "il-when-hint" }, "If you are not sure, give your best guess."),
      el("div", { class: "il-when__parts" },
        field("date", "Date", "", el("input", { id: "il-date", name: "date", type: "date", class: "il-input il-input--date" })),
        field("time", "Time", "", el("input", { id: "il-time", name: "time", type: "time", class: "il-input il-input--time" })))),
    el("div", { class: "dt-field il-field", "data-field": "channel" },
      el("fieldset", { class: "dt-fieldset", id: "il-channel" },
        el("legend", { class: "il-legend" }, "How did it happen?"),
        el("div", { class: "dt-radios" }, channels))),
    field("platform", "Where exactly? (optional)",
      "For example X, Facebook, the email address or the phone number it came from.", textInput("platform")),
    field("who", "Who was it? (optional)",
      "Their name or account name, if you know it. Leave this blank if you do not know.", textInput("who")),
    field("what", "What was said or done?",
      "Write down the exact words if you can, and anything that worried you.", textInput("what", { multiline: true })),
    el("fieldset", { class: "dt-fieldset il-field" },
      el("legend", { class: "il-legend" }, "Was it a threat?"),
      el("div", { class: "dt-checkboxes" }, checkbox("threat", "It threatened me, my family or my home"))),
    field("evidence", "Where is the evidence? (optional)",
      "For example screenshot file names, links to posts, or where you keep a letter. Take screenshots before you block or report anyone.",
      textInput("evidence", { multiline: true })),
    field("effect", "How did it affect you? (optional)",
      "For example, if you felt frightened, could not sleep or changed your routine.", textInput("effect", { multiline: true })),
    field("told", "Who have you told? (optional)",
      "For example member support or the police, and any reference numbers they gave you.", textInput("told", { multiline: true })),
    el("div", { class: "dt-checkboxes il-field" }, checkbox("told_police", "I have reported it to the police")),
    field("follow_up", "What happens next? (optional)",
      "Anything you need to do or chase, with dates.", textInput("follow_up", { multiline: true })),
    el("div", { class: "dt-actions" },
      el("button", { type: "submit", class: "md-button md-button--primary il-save" }, "Save this incident"),
      el("button", { type: "button", class: "md-button il-cancel", hidden: true }, "Cancel")));
}

const TEXT_FIELDS = ["platform", "who", "what", "evidence", "effect", "told", "follow_up"];

function readForm(form) {
  const value = (name) => form.elements[name].value;
  return {
    date: value("date"), time: value("time"), channel: form.querySelector("input[name=channel]:checked")?.value ?? "",
    ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, value(name).trim()])),
    threat: form.elements.threat.checked, told_police: form.elements.told_police.checked,
  };
}

function fillForm(form, entry) {
  form.reset();
  if (!entry) {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    form.elements.date.value = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    form.elements.time.value = `${pad(now.getHours())}:${pad(now.getMinutes())}`;
    return;
  }
  [form.elements.date.value, form.elements.time.value] = entry.when.split("T");
  const channel = form.querySelector(`input[name=channel][value="${entry.channel}"]`);
  if (channel) channel.checked = true;
  for (const name of TEXT_FIELDS) form.elements[name].value = entry[name] ?? "";
  form.elements.threat.checked = Boolean(entry.threat);
  form.elements.told_police.checked = Boolean(entry.told_police);
}

function problems(values) {
  const found = [];
  if (!values.date) found.push(["date", "il-date", "Enter the date it happened, or your best guess"]);
  if (!values.time) found.push(["time", "il-time", "Enter the time it happened, or your best guess"]);
  if (!values.channel) found.push(["channel", `il-channel-${values.firstChannel}`, "Select how it happened"]);
  if (!values.what) found.push(["what", "il-what", "Describe what was said or done"]);
  return found;
}

function errorSummary(items) {
  return el("div", { class: "dt-error-summary", tabindex: "-1" },
    el("div", { role: "alert" },
      el("h2", { class: "dt-error-summary__title" }, "There is a problem"),
      el("ul", { class: "dt-error-summary__list" }, items.map(([, target, text]) =>
        el("li", {}, el("a", { href: `#${target}` }, text))))));
}

function clearErrors(scope) {
  scope.querySelectorAll(".dt-error-message").forEach((m) => m.remove());
  scope.querySelectorAll(".dt-field--error").forEach((f) => f.classList.remove("dt-field--error"));
  scope.querySelectorAll("[aria-invalid]").forEach((i) => {
    i.removeAttribute("aria-invalid");
    const ids = (i.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.endsWith("-error"));
    if (ids.length) i.setAttribute("aria-describedby", ids.join(" ")); else i.removeAttribute("aria-describedby");
  });
}

function markError(box, input, id, text) {
  box.classList.add("dt-field--error");
  const message = el("p", { class: "dt-error-message", id: `${id}-error` }, hidden("Error: "), text);
  const anchor = box.querySelector(".dt-hint") ?? box.querySelector("label, legend");
  anchor.after(message);
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), `${id}-error`].filter(Boolean).join(" "));
}

// ---- the page -----------------------------------------------------------------------------------

function mount(root) {
  const data = JSON.parse(root.querySelector(".incident-log__data").textContent);
  const pageTitle = document.title;
  let db = null;
  let entries = [];
  let editing = null;       // the id of the entry in the form, when changing one
  let editingBase = null;   // its "updated" stamp when the change started, to spot a change elsewhere
  let py = null;            // the Python worker's client, started when first needed
  let pyReady = false;
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(CHANNEL) : null;

  const status = el("p", { class: "il-status", role: "status" });
  const storageNotice = el("div", { class: "il-notice il-notice--warning", hidden: true });
  const form = formView(data);
  const formHeading = el("h2", { id: "add", tabindex: "-1" }, "Add an incident");
  const saveProblem = el("div", { class: "il-save-problem" });
  const insightsBox = el("div", { class: "il-insights", "aria-live": "polite" });
  const countText = el("p", { class: "il-count" });
  const list = el("ol", { class: "il-list" });
  const importInput = el("input", { type: "file", id: "il-import", name: "import", class: "il-file",
    accept: ".json,application/json", "aria-describedby": "il-import-hint" });
  const importField = el("div", { class: "dt-field il-field", "data-field": "import" },
    el("label", { class: "il-label", for: "il-import" }, "Add entries from a saved copy"),
    el("div", { class: "dt-hint", id: "il-import-hint" },
      "Choose a .json file saved from this page. Its entries are added to your log. If an entry is already in your log, the copy in the file replaces it."),
    importInput);
  const importErrors = el("div", { class: "il-import__errors" });
  const confirmAll = el("div", { class: "il-confirm", hidden: true });
  const evidence = el("section", { class: "il-evidence", "aria-label": "Evidence log for printing" });

  root.append(
    status, storageNotice,
    formHeading, form, saveProblem,
    el("h2", { id: "shows" }, "What your log shows"), insightsBox,
    el("h2", { id: "your-log" }, "Your log"), countText, list,
    el("h2", { id: "save" }, "Print or save your log"),
    el("p", {}, "Print a numbered evidence log to sign and date, for the police, the council or a solicitor. Or save a copy: a spreadsheet (CSV) to read, or a JSON file you can add back to this log later, on this or another device."),
    el("div", { class: "dt-actions" },
      button("md-button il-print", "Print the evidence log"),
      button("md-button il-csv", "Download a spreadsheet (CSV)"),
      button("md-button il-json", "Download a copy to keep (JSON)")),
    importErrors, importField,
    el("div", { class: "dt-actions" }, button("md-button il-import", "Add entries from this file")),
    el("h2", { id: "delete" }, "Delete the whole log"),
    el("p", {}, "This deletes every entry from this browser. You cannot undo it."),
    el("div", { class: "dt-actions" }, button("md-button il-delete-all", "Delete the whole log")),
    confirmAll, evidence);
  root.classList.add("incident-log--live");
  fillForm(form, null);

  function say(text) { status.textContent = ""; setTimeout(() => { status.textContent = text; }, 50); }

  function storageFailed(error) {
    if (error) console.error("Incident log storage:", error);
    db = null;
    storageNotice.hidden = false;
    storageNotice.replaceChildren(
      el("h2", {}, "This browser cannot save your log"),
      el("p", {}, "This browser is not letting the toolkit store anything. This often happens in a private or incognito window, or when the device is full. You can still fill in the form: when you save, you will be offered a file to download instead."));
  }

  // -- Python, through python.js: { result } or { error } (a bad log) or { failed: true } --
  function python(method, params) {
    if (!py) {
      py = startPython({ runtime: new URL(root.dataset.runtime, location.href).href,
                         tools: new URL(root.dataset.tools, location.href).href });
      py.ready.then(() => { pyReady = true; }, (error) => console.error("Incident log insights:", error.message));
    }
    return py.ready.then(() => py.call(method, params)).then(
      (result) => ({ result }),
      (error) => (error.kind === "invalid" ? { error: error.message } : { failed: true }));
  }

  function linkTo(link, text) {
    const url = data.pages[link.page];
    return el("a", { href: url + (link.anchor ? `#${link.anchor}` : "") }, text ?? link.title);
  }

  const links = (items) => el("ul", { class: "il-links" }, items.map((link) => el("li", {}, linkTo(link))));

  let insightsSeq = 0;
  async function showInsights() {
    if (!entries.length) {
      insightsBox.replaceChildren(el("p", {}, "Nothing yet. When you add incidents, this points out anyone who appears more than once, and threats to report."));
      return;
    }
    const mine = ++insightsSeq;
    if (!pyReady) insightsBox.replaceChildren(el("p", { class: "il-waiting" }, "Checking your log for patterns. This can take a few seconds the first time."));
    const answer = await python("insights", { entries });
    if (mine !== insightsSeq) return;
    if (answer.failed || answer.error) {
      insightsBox.replaceChildren(el("p", {}, "The pattern check could not run in this browser. Your log is safe: you can still add entries, print it and save copies."));
      if (answer.error) console.error("Incident log insights:", answer.error);
      return;
    }
    const r = answer.result;
    const parts = [];
    if (r.report_now.length) {
      parts.push(el("div", { class: "il-notice il-notice--warning il-report-now" },
        el("h3", {}, "Threats to report"),
        el("ul", {}, r.report_now.map((t) => el("li", {}, el("p", {}, t.message), links(t.links))))));
    }
    if (r.patterns.length) {
      parts.push(el("div", { class: "il-notice il-patterns" },
        el("h3", {}, "The same person more than once"),
        el("ul", {}, r.patterns.map((p) => el("li", {}, el("p", {}, p.message), links(p.links))))));
    }
    if (!parts.length) parts.push(el("p", {}, "No one appears more than once, and there are no threats waiting to be reported."));
    const table = (caption, head, rows) => el("table", { class: "il-counts" },
      el("caption", {}, caption),
      el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col" }, h)))),
      el("tbody", {}, rows.map(([name, count]) => el("tr", {}, el("th", { scope: "row" }, name), el("td", {}, String(count))))));
    parts.push(el("div", { class: "il-counts-box" },
      table("Entries by person", ["Person", "Entries"], r.by_person.map((p) => [p.who, p.count])),
      table("Entries by how it happened", ["How", "Entries"], r.by_channel.map((c) => [c.label, c.count]))));
    insightsBox.replaceChildren(...parts);
  }

  // -- the list --
  function render() {
    const ordered = chronology(entries);
    countText.textContent = entries.length
      ? `${entries.length} ${entries.length === 1 ? "entry" : "entries"}, oldest first.`
      : "Your log is empty.";
    list.replaceChildren(...ordered.map(({ entry, number }) => {
      const title = `${number}. ${whenText(entry.when)}: ${data.channels[entry.channel]}${entry.who ? `, ${entry.who}` : ""}`;
      return el("li", { class: "il-entry", "data-id": entry.id },
        el("h3", { class: "il-entry__title", tabindex: "-1" }, title),
        details(data, entry),
        el("div", { class: "dt-actions il-entry__actions" },
          button("dt-link il-change", "Change", hidden(` entry ${number}`)),
          button("dt-link il-delete", "Delete", hidden(` entry ${number}`))),
        el("div", { class: "il-confirm", hidden: true }));
    }));
    evidence.replaceChildren(...evidenceView(data, entries));
    showInsights();
  }

  async function reload() {
    if (!db) return;
    try { entries = await readAll(db); } catch (error) { storageFailed(error); }
    if (editing && !entries.some((e) => e.id === editing)) {
      say("The entry you were changing was deleted in another tab or window. Save it again to keep it.");
      editing = null;
      setEditing(null);
    }
    render();
  }

  function changed() { channel?.postMessage({ type: "changed" }); }

  // -- add and change --
  function setEditing(entry) {
    editing = entry?.id ?? null;
    editingBase = entry?.updated ?? null;
    formHeading.textContent = entry ? `Change entry ${chronology(entries).find((c) => c.entry.id === entry.id).number}` : "Add an incident";
    form.querySelector(".il-save").textContent = entry ? "Save changes" : "Save this incident";
    form.querySelector(".il-cancel").hidden = !entry;
  }

  function showFormErrors(found) {
    const summary = errorSummary(found);
    form.querySelector(".il-form__errors").replaceChildren(summary);
    for (const [name, target, text] of found) {
      const box = form.querySelector(`[data-field="${name}"]`);
      const input = name === "channel" ? box.querySelector("fieldset") : form.elements[name];
      markError(box, input, `il-${name}`, text);
    }
    document.title = `Error: ${pageTitle}`;
    summary.focus();
  }

  async function save(event) {
    event.preventDefault();
    clearErrors(form);
    form.querySelector(".il-form__errors").replaceChildren();
    saveProblem.replaceChildren();
    document.title = pageTitle;
    const values = readForm(form);
    const found = problems({ ...values, firstChannel: Object.keys(data.channels)[0] });
    if (found.length) { showFormErrors(found); return; }
    const now = new Date().toISOString();
    const before = entries.find((e) => e.id === editing);
    const entry = { id: before?.id ?? newId(), when: `${values.date}T${values.time}`, channel: values.channel };
    for (const name of TEXT_FIELDS) if (values[name]) entry[name] = values[name];
    entry.threat = values.threat;
    entry.told_police = values.told_police;
    entry.created = before?.created ?? now;
    entry.updated = now;
    try {
      if (!db) throw new Error("storage is not available");
      if (before) {
        // Another tab or window may have changed this entry since this change started: say so
        // rather than overwrite it. Saving again replaces it.
        const stored = await request(db.transaction(STORE).objectStore(STORE).get(before.id));
        if (stored && stored.updated !== editingBase) {
          editingBase = stored.updated;
          changedElsewhere(before.id);
          return;
        }
      }
      await putAll(db, [entry]);
    } catch (error) {
      console.error("Incident log storage:", error);
      notSaved(entry);
      return;
    }
    changed();
    const wasEditing = Boolean(before);
    await reload();
    setEditing(null);
    fillForm(form, null);
    const number = chronology(entries).find((c) => c.entry.id === entry.id).number;
    const banner = el("div", { class: "il-notice il-notice--success", tabindex: "-1", role: "status" },
      el("p", {}, wasEditing ? `Entry ${number} has been changed.` : `Entry ${number} has been saved in your log.`));
    saveProblem.replaceChildren(banner);
    banner.focus();
  }

  function changedElsewhere(id) {
    const number = chronology(entries).find((c) => c.entry.id === id).number;
    const box = el("div", { class: "dt-error-summary il-changed-elsewhere", tabindex: "-1" },
      el("div", { role: "alert" },
        el("h2", { class: "dt-error-summary__title" }, `Entry ${number} was changed in another tab or window`),
        el("p", {}, "Nothing has been overwritten. Your version is still in the form, and the other version is in your log below."),
        el("p", {}, "To keep your version instead, select “Save changes” again. To keep the other version, select “Cancel”.")));
    form.querySelector(".il-form__errors").replaceChildren(box);
    box.focus();
  }

  function notSaved(entry) {
    const keep = button("md-button md-button--primary il-download-entry", "Download this entry");
    keep.addEventListener("click", () => download(`incident-${entry.when.slice(0, 10)}.json`, "application/json",
      jsonCopy(data, [entry])));
    const box = el("div", { class: "dt-error-summary il-not-saved", tabindex: "-1" },
      el("div", { role: "alert" },
        el("h2", { class: "dt-error-summary__title" }, "Your entry has not been saved"),
        el("p", {}, "This browser would not store it. It may be a private window, or the device may be full. What you typed is still in the form."),
        el("p", {}, "Download it now to keep it. Later, in a normal browser window, you can add it to your log from the file under \u201cPrint or save your log\u201d.")),
      el("div", { class: "dt-actions" }, keep));
    form.querySelector(".il-form__errors").replaceChildren(box);
    document.title = `Error: ${pageTitle}`;
    box.focus();
  }

  // -- delete --
  function askDelete(item) {
    const entry = entries.find((e) => e.id === item.dataset.id);
    const number = chronology(entries).find((c) => c.entry.id === entry.id).number;
    const box = item.querySelector(".il-confirm");
    const headingId = `il-confirm-${entry.id}`;
    box.replaceChildren(
      el("p", { class: "il-confirm__question", id: headingId, tabindex: "-1" }, `Delete entry ${number}? You cannot undo this.`),
      el("div", { class: "dt-actions" },
        button("md-button md-button--primary il-delete-yes", `Yes, delete entry ${number}`),
        button("md-button il-delete-no", "No, keep it")));
    box.setAttribute("role", "group");
    box.setAttribute("aria-labelledby", headingId);
    box.hidden = false;
    box.querySelector(".il-confirm__question").focus();
  }

  async function deleteEntry(item) {
    try { await remove(db, item.dataset.id); } catch (error) { storageFailed(error); say("The entry could not be deleted: this browser is not letting the toolkit change its storage."); return; }
    if (editing === item.dataset.id) { setEditing(null); fillForm(form, null); }
    changed();
    await reload();
    say("The entry has been deleted.");
    countText.setAttribute("tabindex", "-1");
    countText.focus();
  }

  function askDeleteAll() {
    confirmAll.replaceChildren(
      el("h3", { id: "il-confirm-all", tabindex: "-1" }, "Delete your whole log?"),
      el("p", {}, `This deletes all ${entries.length} ${entries.length === 1 ? "entry" : "entries"} from this browser. You cannot undo this. If you might need the log later, download a copy first.`),
      el("div", { class: "dt-actions" },
        button("md-button md-button--primary il-delete-all-yes", "Yes, delete everything"),
        button("md-button il-delete-all-no", "No, keep my log")));
    confirmAll.setAttribute("role", "group");
    confirmAll.setAttribute("aria-labelledby", "il-confirm-all");
    confirmAll.hidden = false;
    confirmAll.querySelector("h3").focus();
  }

  async function deleteAll() {
    try { if (db) await clearAll(db); } catch (error) { storageFailed(error); say("The log could not be deleted: this browser is not letting the toolkit change its storage."); return; }
    confirmAll.hidden = true;
    changed();
    await reload();
    setEditing(null);
    fillForm(form, null);
    say("Your log has been deleted from this browser.");
    countText.setAttribute("tabindex", "-1");
    countText.focus();
  }

  // -- import --
  function importProblem(text) {
    clearErrors(importField);
    const summary = errorSummary([["import", "il-import", text]]);
    importErrors.replaceChildren(summary);
    markError(importField, importInput, "il-import", text);
    document.title = `Error: ${pageTitle}`;
    summary.focus();
  }

  async function importFile() {
    clearErrors(importField);
    importErrors.replaceChildren();
    document.title = pageTitle;
    const file = importInput.files[0];
    if (!file) { importProblem("Choose a file to add entries from"); return; }
    let parsed;
    try { parsed = JSON.parse(await file.text()); } catch {
      importProblem(`\u201c${file.name}\u201d is not an incident log saved from this toolkit. Your log has not been changed.`);
      return;
    }
    say("Checking the file. This can take a few seconds the first time.");
    const answer = await python("read-log", { data: parsed });
    if (answer.failed) { importProblem("The file could not be checked in this browser, so nothing was added. Your log has not been changed."); return; }
    if (answer.error) { importProblem(`\u201c${file.name}\u201d could not be added. ${answer.error} Your log has not been changed.`); return; }
    if (!db) { importProblem("This browser cannot save your log, so nothing was added."); return; }
    try { await putAll(db, answer.result); } catch (error) {
      storageFailed(error);
      importProblem("This browser would not store the entries, so nothing was added. Your log has not been changed.");
      return;
    }
    changed();
    importInput.value = "";
    await reload();
    say(`Added ${answer.result.length} ${answer.result.length === 1 ? "entry" : "entries"} from \u201c${file.name}\u201d.`);
  }

  function printLog() {
    evidence.replaceChildren(...evidenceView(data, entries));
    document.documentElement.classList.add("il-printing");
    window.print();
  }

  function onClick(event) {
    const target = event.target.closest("button, a");
    if (!target || !root.contains(target)) return;
    const item = target.closest(".il-entry");
    if (target.matches(".il-change")) {
      const entry = entries.find((e) => e.id === item.dataset.id);
      clearErrors(form);
      form.querySelector(".il-form__errors").replaceChildren();
      saveProblem.replaceChildren();
      fillForm(form, entry);
      setEditing(entry);
      formHeading.focus();
    } else if (target.matches(".il-cancel")) {
      setEditing(null);
      clearErrors(form);
      form.querySelector(".il-form__errors").replaceChildren();
      fillForm(form, null);
      formHeading.focus();
    } else if (target.matches(".il-delete")) askDelete(item);
    else if (target.matches(".il-delete-yes")) deleteEntry(item);
    else if (target.matches(".il-delete-no")) {
      item.querySelector(".il-confirm").hidden = true;
      item.querySelector(".il-delete").focus();
    } else if (target.matches(".il-delete-all")) askDeleteAll();
    else if (target.matches(".il-delete-all-yes")) deleteAll();
    else if (target.matches(".il-delete-all-no")) { confirmAll.hidden = true; root.querySelector(".il-delete-all").focus(); }
    else if (target.matches(".il-print")) printLog();
    else if (target.matches(".il-csv")) download(`incident-log-${today()}.csv`, "text/csv;charset=utf-8", csvCopy(data, entries));
    else if (target.matches(".il-json")) download(`incident-log-${today()}.json`, "application/json", jsonCopy(data, entries));
    else if (target.matches(".il-import")) importFile();
    else if (target.matches(".dt-error-summary a")) {
      // Focus the field without putting anything in the URL.
      event.preventDefault();
      const input = document.getElementById(target.getAttribute("href").slice(1));
      input?.focus();
      input?.scrollIntoView({ block: "center" });
    }
  }

  root.addEventListener("click", onClick);
  form.addEventListener("submit", save);
  channel?.addEventListener("message", () => reload());

  (async () => {
    try { db = await openLog(); } catch (error) { storageFailed(error); }
    await reload();
    if (!db) render();
    root.classList.add("incident-log--ready");
  })();

  return {
    root,
    destroy() { py?.release(); channel?.close(); root.removeEventListener("click", onClick); },
  };
}

addEventListener("afterprint", () => document.documentElement.classList.remove("il-printing"));

const mounted = new Set();
function update() {
  for (const log of mounted) {
    if (!log.root.isConnected) { log.destroy(); mounted.delete(log); }
  }
  for (const root of document.querySelectorAll(".incident-log:not(.incident-log--live)")) mounted.add(mount(root));
}

if (window.document$) window.document$.subscribe(update); else update();
