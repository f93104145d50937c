// The optional lock on this device: set a passphrase, and the log's entries are kept encrypted
// (incident-lock.js) and the log asks for the passphrase before it opens. "Leave this site
// quickly", "Lock it now" and the same in any other tab lock it again. The passphrase and the key
// live only in this page's memory while the log is open.
//
// A mounted log (incident-controller.js) keeps here
//   lock    the lock record kept with the entries, or null when the log has no lock
//   key     the key that opens it, while the log is open in this tab
//   locked  the lock is set and this tab has not been given the passphrase
// and gives these steps log.reload(), log.render(), log.stopEditing() and log.say(text).

import { el } from "./dom.js";
import { clearLocked, putAll, readSetting, relock } from "./incident-store.js";
import { MIN_PASSPHRASE, WrongPassphrase, lockingWorks, newLock, openLock, sealEntry, unsealEntry } from "./incident-lock.js";
import { clearFormErrors, fillForm, markFormErrors } from "./incident-form.js";
import { deleteLockedQuestion, lockForm, lockedControls, lockingUnavailable } from "./incident-safe-views.js";

// ---- records in and out of the store ---------------------------------------------------------

// The entries from the store's records. A record saved without the lock (by a tab that had not yet
// heard the log was locked) is locked now. WrongPassphrase if this tab's key cannot open them.
export async function openRecords(log, records) {
  if (records.some((r) => r.sealed) && !log.key) throw new WrongPassphrase("the log is locked");
  const entries = await Promise.all(records.map((r) => unsealEntry(log.key, r)));
  const plain = entries.filter((e, n) => log.key && !records[n].sealed);
  if (plain.length) putAll(log.db, await sealRecords(log, plain)).catch(() => {});
  return entries;
}

export const openRecord = async (log, record) => (record ? unsealEntry(log.key, record) : record);

export const sealRecords = (log, entries) => (log.key ? Promise.all(entries.map((e) => sealEntry(log.key, e))) : entries);

// ---- what the page shows ------------------------------------------------------------------------

export function showLockBox(log) {
  if (!lockingWorks()) log.lockBox.replaceChildren(lockingUnavailable());
  else log.lockBox.replaceChildren(...(log.lock ? lockedControls() : [lockForm()]));
}

// Everything the open log showed is taken off the page, not just hidden, and the key forgotten.
function closeLog(log) {
  log.key = null;
  log.locked = true;
  log.entries = [];
  log.stopEditing();
  log.render();
  log.root.classList.add("incident-log--locked");
  log.unlockPanel.hidden = false;
  log.unlockPanel.querySelector(".il-confirm").hidden = true;
  if (!lockingWorks()) log.unlockPanel.querySelector(".il-unlock-form").replaceChildren(lockingUnavailable());
}

function opened(log, key) {
  log.key = key;
  log.locked = false;
  log.root.classList.remove("incident-log--locked");
  log.unlockPanel.hidden = true;
  showLockBox(log);
}

// At start: true if the log is locked (the page then shows only the passphrase form).
export async function startLocked(log) {
  log.lock = await readSetting(log.db, "lock").catch(() => null) ?? null;
  showLockBox(log);
  if (log.lock) closeLog(log);
  return Boolean(log.lock);
}

// ---- the passphrase forms ------------------------------------------------------------------------

function formProblem(log, form, found) {
  markFormErrors(form, found).focus();
  document.title = `Error: ${log.pageTitle}`;
}

function newPassphraseProblems(form, name) {
  const [first, again] = [form.elements[`${name}-passphrase`].value, form.elements[`${name}-confirm`].value];
  if (first.length < MIN_PASSPHRASE) {
    return [[`${name}-passphrase`, `il-${name}-passphrase`, `Enter a passphrase of at least ${MIN_PASSPHRASE} characters`]];
  }
  if (again !== first) return [[`${name}-confirm`, `il-${name}-confirm`, "The two passphrases are not the same: type it again"]];
  return [];
}

// A new passphrase from a form, or null (the form then shows what is wrong).
export function readNewPassphrase(log, form, name) {
  clearFormErrors(form);
  document.title = log.pageTitle;
  const found = newPassphraseProblems(form, name);
  if (found.length) { formProblem(log, form, found); return null; }
  const passphrase = form.elements[`${name}-passphrase`].value;
  form.reset();
  return passphrase;
}

// ---- steps ------------------------------------------------------------------------------------

export async function setLock(log, form) {
  const passphrase = readNewPassphrase(log, form, "lock");
  if (passphrase === null) return;
  const { key, record } = await newLock(passphrase);
  const sealed = await Promise.all(log.entries.map((e) => sealEntry(key, e)));
  try { await relock(log.db, sealed, record); } catch (error) {
    console.error("Incident log storage:", error);
    log.say("The log could not be locked: this browser would not store it. Your log has not been changed.");
    return;
  }
  log.lock = record;
  opened(log, key);
  log.tabs.tell();
  log.say("Your log is locked. It will ask for your passphrase next time it is opened.");
  log.lockBox.querySelector(".il-lock-now").focus();
}

export async function unlock(log, form) {
  clearFormErrors(form);
  document.title = log.pageTitle;
  const input = form.elements["unlock-passphrase"];
  if (!input.value) { formProblem(log, form, [["unlock-passphrase", "il-unlock-passphrase", "Enter your passphrase"]]); return; }
  let key;
  log.say("Checking your passphrase. This takes a moment, to make it slow to guess.");
  try { key = await openLock(log.lock, input.value); } catch (error) {
    if (!(error instanceof WrongPassphrase)) throw error;
    input.value = "";
    formProblem(log, form, [["unlock-passphrase", "il-unlock-passphrase", "That is not the passphrase for this log. Check it and try again."]]);
    return;
  }
  input.value = "";
  opened(log, key);
  await log.reload();
  log.say("Your log is open.");
  log.afterUnlock();
}

export function lockNow(log, { tellOthers = true } = {}) {
  if (!log.lock) return;
  closeLog(log);
  if (tellOthers) log.tabs.tell("lock");
  log.unlockPanel.querySelector("h2").focus();
}

export async function removeLock(log) {
  try { await relock(log.db, log.entries, null); } catch (error) {
    console.error("Incident log storage:", error);
    log.say("The lock could not be removed: this browser would not store the log. It is still locked.");
    return;
  }
  log.lock = null;
  opened(log, null);
  log.tabs.tell();
  log.say("The lock has been removed. Your log opens without a passphrase on this device.");
  log.lockBox.querySelector("input").focus();
}

// Another tab locked, unlocked or changed the passphrase: this one follows.
export async function lockChangedElsewhere(log, type) {
  if (!log.db) return;
  const record = await readSetting(log.db, "lock").catch(() => null) ?? null;
  const same = record?.salt === log.lock?.salt;
  log.lock = record;
  if (record && (type === "lock" || !same)) { if (!log.locked) closeLog(log); showLockBox(log); return; }
  if (!record && log.locked) opened(log, null);
  if (!same) showLockBox(log);
}

// "Leave this site quickly": nothing of the log is left on the page, and every tab locks it.
export function forgetOnExit(log) {
  const locked = Boolean(log.lock);
  log.key = null;
  log.entries = [];
  fillForm(log.form, null);
  log.root.replaceChildren(el("p", {}, "Leaving this site."));
  if (locked) log.tabs.tell("lock");
}

// ---- a forgotten passphrase -----------------------------------------------------------------

export function askDeleteLocked(log) {
  const box = log.unlockPanel.querySelector(".il-confirm");
  box.replaceChildren(...deleteLockedQuestion());
  box.setAttribute("role", "group");
  box.setAttribute("aria-labelledby", "il-confirm-locked");
  box.hidden = false;
  box.querySelector(".il-confirm__question").focus();
}

export function keepLocked(log) {
  log.unlockPanel.querySelector(".il-confirm").hidden = true;
  log.unlockPanel.querySelector(".il-delete-locked").focus();
}

export async function deleteLocked(log) {
  try { await clearLocked(log.db); } catch (error) {
    console.error("Incident log storage:", error);
    log.say("The locked log could not be deleted: this browser is not letting the toolkit change its storage.");
    return;
  }
  log.lock = null;
  opened(log, null);
  log.tabs.tell();
  await log.reload();
  log.say("Your locked log has been deleted from this browser. You can start a new one.");
  log.formHeading.focus();
}
