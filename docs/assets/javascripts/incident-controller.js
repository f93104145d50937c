// The incident log: add, change and delete incidents, kept only in this browser. Print, CSV and
// JSON copies are made in the page; nothing is ever sent anywhere. The insights and the check of
// an imported file are Python (decision_tools.incidents). No inline script, handler or style:
// it runs under a strict CSP.
//
// This file is the controller (loaded by incident-log.js only on the log's own page): it mounts
// the log, keeps its state and wires its events. The
// other incident-*.js modules do one job each: entries (the entry model and its order), store
// (IndexedDB and the other tabs), python (the one way to Python), form, views and safe-views
// (building what is shown), copies (print, CSV, JSON), import (reading a copy back), keeping
// (persistent storage and the reminder to save a copy), lock (Web Crypto) and locking (the lock
// on this device).

import { chronology, entriesText, inOrder, makeEntry, numberOf } from "./incident-entries.js";
import { clearAll, openLog, otherTabs, putAll, readAll, readOne, remove } from "./incident-store.js";
import { callPython, releasePython } from "./incident-python.js";
import { clearFormErrors, fillForm, markFormErrors, problems, readForm, showAboveForm } from "./incident-form.js";
import {
  changedElsewhereBox, countLine, deleteAllQuestion, deleteQuestion, downloadEntryButton, entryItem,
  insightsEmpty, insightsFailed, insightsView, insightsWaiting, layOut, notBuiltView, notSavedBox, pageParts,
  savedBanner, storageWarning,
} from "./incident-views.js";
import { downloadCsv, downloadEntry, evidenceView, fingerprintView } from "./incident-copies.js";
import { importFile } from "./incident-import.js";
import { askToKeep, fingerprintOf, saveJsonCopy, saveLockedCopy, showKeeping } from "./incident-keeping.js";
import { WrongPassphrase } from "./incident-lock.js";
import {
  askDeleteLocked, deleteLocked, forgetOnExit, keepLocked, lockChangedElsewhere, lockNow, openRecord, openRecords,
  readNewPassphrase, removeLock, sealRecords, setLock, startLocked, unlock,
} from "./incident-locking.js";

// ---- the log's state, and what every step shares --------------------------------------------
//
// A mounted log is one object: the parts of the page it changes (pageParts) and
//   db           the IndexedDB database, or null when this browser will not store anything
//   entries      what the store holds, in no order (chronology() gives the log's order)
//   editing      the id of the entry in the form, when changing one
//   editingBase  its "updated" stamp when the change started, to spot a change elsewhere
//   warm         Python has answered this log before, so the next answer comes quickly
//   insightsSeq  the latest insights asked for: an answer that comes after a newer one is dropped
//   printSeq     the same for the evidence log's fingerprint
//   lastCopy     when a copy was last saved (incident-keeping.js)
//   lock, key, locked   the lock on this device (incident-locking.js)

const DRAFT = "incident-log:draft";  // written by wizard.js, in this tab only

function say(log, text) {
  // Emptied first and set a moment later, so a screen reader announces the same words again.
  log.status.textContent = "";
  setTimeout(() => { log.status.textContent = text; }, 50);
}

function storageFailed(log, error) {
  if (error) console.error("Incident log storage:", error);
  log.db = null;
  log.storageNotice.hidden = false;
  log.storageNotice.replaceChildren(...storageWarning());
}

function focusCount(log) {
  log.countText.setAttribute("tabindex", "-1");
  log.countText.focus();
}

async function askPython(log, method, params) {
  const answer = await callPython(method, params);
  if (!answer.failed) log.warm = true;
  return answer;
}

// ---- showing the log --------------------------------------------------------------------------

async function reload(log) {
  if (!log.db || log.locked) return;
  try { log.entries = await openRecords(log, await readAll(log.db)); } catch (error) {
    if (error instanceof WrongPassphrase) { lockNow(log, { tellOthers: false }); return; }
    storageFailed(log, error);
  }
  if (log.editing && !log.entries.some((e) => e.id === log.editing)) {
    say(log, "The entry you were changing was deleted in another tab or window. Save it again to keep it.");
    setEditing(log, null);
  }
  render(log);
}

function render(log) {
  log.countText.textContent = countLine(log.entries.length);
  log.list.replaceChildren(...chronology(log.entries).map(({ entry, number }) => entryItem(log.data, entry, number)));
  log.evidence.replaceChildren(...(log.locked ? [] : evidenceView(log.data, log.entries)));
  showInsights(log);
  showKeeping(log);
  if (!log.locked && log.entries.length) showFingerprint(log);
}

// The evidence log's fingerprint, from Python; resolves once it is on the page.
async function showFingerprint(log) {
  const mine = ++log.printSeq;
  const found = await fingerprintOf(log.entries);
  const line = log.evidence.querySelector(".il-evidence__fingerprint");
  if (mine !== log.printSeq || !line) return;
  line.replaceChildren(...fingerprintView(found ? found.match(/.{4}/g).join(" ") : false));
}

async function showInsights(log) {
  // Counted even for an empty log, so an answer still on its way about deleted entries is dropped.
  const mine = ++log.insightsSeq;
  if (!log.entries.length) {
    log.insightsBox.replaceChildren(insightsEmpty());
    return;
  }
  if (!log.warm) log.insightsBox.replaceChildren(insightsWaiting());
  const answer = await askPython(log, "insights", { entries: inOrder(log.entries) });
  if (mine !== log.insightsSeq) return;
  if (answer.failed || answer.error) {
    log.insightsBox.replaceChildren(insightsFailed());
    if (answer.error) console.error("Incident log insights:", answer.error);
    return;
  }
  log.insightsBox.replaceChildren(...insightsView(log.data, answer.result));
}

// ---- add and change ---------------------------------------------------------------------------

function setEditing(log, entry) {
  log.editing = entry?.id ?? null;
  log.editingBase = entry?.updated ?? null;
  log.formHeading.textContent = entry ? `Change entry ${numberOf(log.entries, entry.id)}` : "Add an incident";
  log.form.querySelector(".il-save").textContent = entry ? "Save changes" : "Save this incident";
  log.form.querySelector(".il-cancel").hidden = !entry;
}

function startChange(log, { item }) {
  const entry = log.entries.find((e) => e.id === item.dataset.id);
  clearFormErrors(log.form);
  log.saveProblem.replaceChildren();
  fillForm(log.form, entry);
  setEditing(log, entry);
  log.formHeading.focus();
}

function cancelChange(log) {
  setEditing(log, null);
  clearFormErrors(log.form);
  fillForm(log.form, null);
  log.formHeading.focus();
}

function showFormErrors(log, found) {
  const summary = markFormErrors(log.form, found);
  document.title = `Error: ${log.pageTitle}`;
  summary.focus();
}

async function save(log, event) {
  event.preventDefault();
  clearFormErrors(log.form);
  log.saveProblem.replaceChildren();
  document.title = log.pageTitle;
  const values = readForm(log.form);
  const found = problems(values, Object.keys(log.data.channels)[0]);
  if (found.length) { showFormErrors(log, found); return; }
  const before = log.entries.find((e) => e.id === log.editing);
  const entry = makeEntry(values, before, new Date().toISOString());
  if (!(await store(log, entry, before))) return;
  log.tabs.tell();
  if (!before) await askToKeep(log);
  await reload(log);
  setEditing(log, null);
  fillForm(log.form, null);
  const banner = savedBanner(numberOf(log.entries, entry.id), Boolean(before));
  log.saveProblem.replaceChildren(banner);
  banner.focus();
}

// Stores the entry and says true; or says false, the form showing why and keeping what was typed.
async function store(log, entry, before) {
  try {
    if (!log.db) throw new Error("storage is not available");
    if (before && await changedSince(log, before)) return false;
    await putAll(log.db, await sealRecords(log, [entry]));
    return true;
  } catch (error) {
    console.error("Incident log storage:", error);
    notSaved(log, entry);
    return false;
  }
}

// Another tab or window may have changed this entry since this change started: say so rather
// than overwrite it. Saving again replaces it.
async function changedSince(log, before) {
  const stored = await openRecord(log, await readOne(log.db, before.id));
  if (!stored || stored.updated === log.editingBase) return false;
  log.editingBase = stored.updated;
  const box = changedElsewhereBox(numberOf(log.entries, before.id));
  showAboveForm(log.form, box);
  box.focus();
  return true;
}

function notSaved(log, entry) {
  const keep = downloadEntryButton();
  keep.addEventListener("click", () => downloadEntry(log.data, entry));
  const box = notSavedBox(keep);
  showAboveForm(log.form, box);
  document.title = `Error: ${log.pageTitle}`;
  box.focus();
}

// ---- delete -----------------------------------------------------------------------------------

// A question asked in place (delete an entry, delete everything): a group named by it.
function ask(box, labelId, ...children) {
  box.replaceChildren(...children);
  box.setAttribute("role", "group");
  box.setAttribute("aria-labelledby", labelId);
  box.hidden = false;
}

function askDelete(log, { item }) {
  const entry = log.entries.find((e) => e.id === item.dataset.id);
  const box = item.querySelector(".il-confirm");
  ask(box, `il-confirm-${entry.id}`, ...deleteQuestion(entry, numberOf(log.entries, entry.id)));
  box.querySelector(".il-confirm__question").focus();
}

function keepEntry(log, { item }) {
  item.querySelector(".il-confirm").hidden = true;
  item.querySelector(".il-delete").focus();
}

async function deleteEntry(log, { item }) {
  try { await remove(log.db, item.dataset.id); } catch (error) {
    storageFailed(log, error);
    say(log, "The entry could not be deleted: this browser is not letting the toolkit change its storage.");
    return;
  }
  if (log.editing === item.dataset.id) { setEditing(log, null); fillForm(log.form, null); }
  log.tabs.tell();
  await reload(log);
  say(log, "The entry has been deleted.");
  focusCount(log);
}

function askDeleteAll(log) {
  ask(log.confirmAll, "il-confirm-all", ...deleteAllQuestion(log.entries.length));
  log.confirmAll.querySelector("h3").focus();
}

function keepLog(log) {
  log.confirmAll.hidden = true;
  log.root.querySelector(".il-delete-all").focus();
}

async function deleteAll(log) {
  try { if (log.db) await clearAll(log.db); } catch (error) {
    storageFailed(log, error);
    say(log, "The log could not be deleted: this browser is not letting the toolkit change its storage.");
    return;
  }
  log.confirmAll.hidden = true;
  log.tabs.tell();
  await reload(log);
  setEditing(log, null);
  fillForm(log.form, null);
  say(log, "Your log has been deleted from this browser.");
  focusCount(log);
}

// ---- print, copies ---------------------------------------------------------------------------

async function printLog(log) {
  log.evidence.replaceChildren(...evidenceView(log.data, log.entries));
  if (log.entries.length) await showFingerprint(log);
  document.documentElement.classList.add("il-printing");
  window.print();
}

async function lockedCopySubmit(log, form) {
  const passphrase = readNewPassphrase(log, form, "copy");
  if (passphrase === null) return;
  await saveLockedCopy(log, passphrase);
  say(log, "Your locked copy has been downloaded. It needs the passphrase you chose to open it.");
}

// Focus the field an error summary links to, or the copies the reminder links to, without
// putting anything in the URL (Material's instant navigation would take it for a new page).
function focusErrorTarget(log, { target, event }) {
  event.preventDefault();
  const input = document.getElementById(target.getAttribute("href").slice(1));
  input?.focus();
  input?.scrollIntoView({ block: "center" });
}

// ---- events -----------------------------------------------------------------------------------

// Every button and link of the log, by class: one listener on the log serves the entries and
// questions that are drawn again and again. The first match wins.
const ACTIONS = [
  [".il-change", startChange],
  [".il-cancel", cancelChange],
  [".il-delete", askDelete],
  [".il-delete-yes", deleteEntry],
  [".il-delete-no", keepEntry],
  [".il-delete-all", askDeleteAll],
  [".il-delete-all-yes", deleteAll],
  [".il-delete-all-no", keepLog],
  [".il-print", printLog],
  [".il-csv", (log) => downloadCsv(log.data, log.entries)],
  [".il-json", saveJsonCopy],
  [".il-import", importFile],
  [".il-lock-now", (log) => lockNow(log)],
  [".il-unlock-forever", removeLock],
  [".il-delete-locked", askDeleteLocked],
  [".il-delete-locked-yes", deleteLocked],
  [".il-delete-locked-no", keepLocked],
  [".dt-error-summary a, .il-reminder__link", focusErrorTarget],
];

function clicked(log, event) {
  const target = event.target.closest("button, a");
  if (!target || !log.root.contains(target)) return;
  const action = ACTIONS.find(([selector]) => target.matches(selector));
  action?.[1](log, { target, item: target.closest(".il-entry"), event });
}

// The log's other forms, by class; the entry form has its own listener.
const FORMS = [[".il-lock-form", setLock], [".il-unlock-form", unlock], [".il-copy-form", lockedCopySubmit]];

function submitted(log, event) {
  const form = FORMS.find(([selector]) => event.target.matches(selector));
  if (!form) return;
  event.preventDefault();
  form[1](log, event.target);
}

// ---- mounting ---------------------------------------------------------------------------------

// "Add this to my incident log", from a decision tool's result: its draft fills the form, dated
// now, for the reader to check and save. It is used once and then forgotten. True if it was there.
function fillFromTool(log) {
  let draft = null;
  try {
    draft = JSON.parse(sessionStorage.getItem(DRAFT) || "null");
    sessionStorage.removeItem(DRAFT);
  } catch { return false; }
  if (!draft || typeof draft.what !== "string") return false;
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  const when = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
  fillForm(log.form, { when, channel: draft.channel || "", what: draft.what, threat: Boolean(draft.threat) });
  say(log, "The form is filled in from the tool's result. Check it, add anything you know, and save it.");
  log.formHeading.focus();
  return true;
}

const OLDER_TAB = "Close the toolkit's other tabs or windows to open your log: one of them has an older version of it open.";

async function start(log) {
  try { log.db = await openLog(() => say(log, OLDER_TAB)); } catch (error) { storageFailed(log, error); }
  const locked = log.db ? await startLocked(log) : false;
  await reload(log);
  if (!log.db || locked) render(log);
  if (!locked) fillFromTool(log);
  log.root.classList.add("incident-log--ready");
}

async function otherTabChanged(log, type) {
  await lockChangedElsewhere(log, type);
  await reload(log);
}

// The data the build put in the page, or null if the page has none (or it cannot be read).
function builtData(root) {
  const script = root.querySelector(".incident-log__data");
  if (!script || !root.dataset.runtime || !root.dataset.tools) return null;
  try { return JSON.parse(script.textContent); } catch { return null; }
}

function newLog(root, data) {
  const log = { ...pageParts(data), root, data, pageTitle: document.title, db: null, entries: [],
    editing: null, editingBase: null, warm: false, insightsSeq: 0, printSeq: 0, lastCopy: null,
    lock: null, key: null, locked: false };
  // What the other modules' steps may ask of the log.
  Object.assign(log, { reload: () => reload(log), render: () => render(log), say: (text) => say(log, text),
    stopEditing: () => { setEditing(log, null); clearFormErrors(log.form); fillForm(log.form, null); },
    afterUnlock: () => { if (!fillFromTool(log)) focusCount(log); } });
  log.tabs = otherTabs((type) => otherTabChanged(log, type));
  return log;
}

export function mount(root) {
  const data = builtData(root);
  if (!data) {
    root.classList.add("incident-log--failed");
    root.replaceChildren(notBuiltView());
    console.error("Incident log: the page has no build-time data (.incident-log__data, data-runtime, data-tools).");
    return { root, destroy() {} };
  }
  const log = newLog(root, data);
  layOut(root, log);
  root.classList.add("incident-log--live");
  fillForm(log.form, null);
  const onClick = (event) => clicked(log, event);
  const onSubmit = (event) => submitted(log, event);
  const onExit = () => forgetOnExit(log);
  root.addEventListener("click", onClick);
  root.addEventListener("submit", onSubmit);
  document.addEventListener("dt:exit", onExit);
  log.form.addEventListener("submit", (event) => save(log, event));
  start(log);
  return {
    root,
    destroy() {
      releasePython();
      log.tabs.close();
      root.removeEventListener("click", onClick);
      root.removeEventListener("submit", onSubmit);
      document.removeEventListener("dt:exit", onExit);
    },
  };
}

addEventListener("afterprint", () => document.documentElement.classList.remove("il-printing"));
