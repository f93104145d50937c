// Keeping the record over months: asking the browser to keep the log (persistent storage) and
// saying plainly whether it will, remembering when a copy was last saved, and reminding the
// reader, calmly, when entries have been added since or a week has passed. The copies themselves
// are made by incident-copies.js; the fingerprint they carry is Python's.

import { putSetting, readSetting } from "./incident-store.js";
import { inOrder } from "./incident-entries.js";
import { callPython } from "./incident-python.js";
import { downloadJson, downloadLocked } from "./incident-copies.js";
import { keepingView, lastCopyLine, reminderView } from "./incident-safe-views.js";

export const REMIND_AFTER_DAYS = 7;  // Safari deletes a site's storage after seven days without a visit
const DAY_MS = 24 * 60 * 60 * 1000;

// Safari on a Mac, iPhone or iPad (every browser on an iPhone or iPad is Safari underneath), not
// opened from the home screen.
function inSafari() {
  const ua = navigator.userAgent;
  const apple = /iPhone|iPad|iPod/.test(ua) || (/Safari\//.test(ua) && !/Chrome|Chromium|Android|Edg|OPR|Firefox/.test(ua));
  const homeScreen = navigator.standalone === true || matchMedia("(display-mode: standalone)").matches;
  return apple && !homeScreen;
}

export const keepingRisk = (persisted) => (inSafari() ? "safari" : persisted ? "kept" : "may-delete");

// A home screen app keeps its own storage only if the site has a web app manifest.
const canBeAnApp = () => Boolean(document.querySelector('link[rel="manifest"]'));

// Why a copy is due, or null: entries and no copy yet, entries added or changed since the last
// copy, or the last copy a week old or more.
export function copyDue(entries, last, now = Date.now()) {
  if (!entries.length) return null;
  if (!last) return { why: "never" };
  const count = entries.filter((e) => (e.updated || e.created || "") > last).length;
  if (count) return { why: "changed", count, last };
  const days = Math.floor((now - Date.parse(last)) / DAY_MS);
  return days >= REMIND_AFTER_DAYS ? { why: "days", days, last } : null;
}

async function persisted() {
  try { return Boolean(await navigator.storage?.persisted?.()); } catch { return false; }
}

// What the log says about keeping it: nothing until an entry is saved or the browser has agreed.
export async function showKeeping(log) {
  const kept = await persisted();
  const asked = log.db ? await readSetting(log.db, "storage").catch(() => null) : null;
  const copies = log.db ? await readSetting(log.db, "copies").catch(() => null) : null;
  log.lastCopy = copies?.last ?? null;
  const show = kept || asked || log.entries.length;
  log.keeping.replaceChildren(...(show ? keepingView(keepingRisk(kept), canBeAnApp()) : []), lastCopyLine(log.lastCopy));
  const due = log.locked ? null : copyDue(log.entries, log.lastCopy);
  log.reminder.hidden = !due;
  log.reminder.replaceChildren(...(due ? reminderView(due) : []));
}

// Asked once, when the first entry is saved: some browsers ask the reader, and asking every time
// would nag. The answer is shown at once.
export async function askToKeep(log) {
  if (!log.db || await readSetting(log.db, "storage").catch(() => null)) return;
  let granted = false;
  try { granted = Boolean(await navigator.storage?.persist?.()); } catch { /* not offered: shown as not kept */ }
  await putSetting(log.db, { name: "storage", asked: new Date().toISOString(), granted }).catch(() => {});
}

// The fingerprint Python gives for these entries, or null when Python cannot run (a copy is then
// saved without one: a copy is never held back).
export async function fingerprintOf(entries) {
  const answer = await callPython("fingerprint", { entries: inOrder(entries) });
  return answer.result ?? null;
}

async function copySaved(log) {
  if (log.db) await putSetting(log.db, { name: "copies", last: new Date().toISOString() }).catch(() => {});
  log.tabs.tell();
  await showKeeping(log);
}

export async function saveJsonCopy(log) {
  downloadJson(log.data, log.entries, await fingerprintOf(log.entries));
  await copySaved(log);
}

export async function saveLockedCopy(log, passphrase) {
  await downloadLocked(log.data, log.entries, await fingerprintOf(log.entries), passphrase);
  await copySaved(log);
}
