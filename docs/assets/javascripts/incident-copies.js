// Copies of the incident log, all made in the page (nothing is sent anywhere): the numbered
// evidence log for printing, with each entry's dates and the log's fingerprint; the CSV
// spreadsheet; the JSON file to keep, plain or locked; and reading a saved file back in.

import { el } from "./dom.js";
import { chronology, entriesText, inOrder, whenText } from "./incident-entries.js";
import { details } from "./incident-views.js";
import { lockedCopy } from "./incident-lock.js";

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name, class: "dt-visually-hidden" }, name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const today = () => new Date().toISOString().slice(0, 10);

// The file format decision_tools.incident_copy.check_copy reads back (data.format, data.version).
// `fingerprint` is Python's, of these entries; a copy made while Python cannot run has none.
function jsonCopy(data, entries, fingerprint) {
  return JSON.stringify({ format: data.format, version: data.version, exported: new Date().toISOString(),
    ...(fingerprint ? { fingerprint } : {}), incidents: inOrder(entries) }, null, 2);
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
  // The byte order mark makes Excel read the file as UTF-8.
  return "\ufeff" + [head, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export const downloadCsv = (data, entries) =>
  download(`incident-log-${today()}.csv`, "text/csv;charset=utf-8", csvCopy(data, entries));

export const downloadJson = (data, entries, fingerprint) =>
  download(`incident-log-${today()}.json`, "application/json", jsonCopy(data, entries, fingerprint));

// The same copy, locked with the passphrase (incident-lock.js).
export async function downloadLocked(data, entries, fingerprint, passphrase) {
  const text = await lockedCopy(data.locked_format, passphrase, jsonCopy(data, entries, fingerprint));
  download(`incident-log-${today()}-locked.json`, "application/json", text);
}

// One entry the browser would not store, as a log file of its own that can be added back later.
export const downloadEntry = (data, entry) =>
  download(`incident-${entry.when.slice(0, 10)}.json`, "application/json", jsonCopy(data, [entry]));

const STAMP = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" };
const stampText = (iso) => (iso ? new Date(iso).toLocaleString("en-GB", STAMP) : "Not recorded");

// When the entry was first written and last changed, as this device's clock said: notes made at
// the time carry weight.
function written(entry) {
  return el("dl", { class: "il-details il-written" },
    el("div", { class: "il-details__row" }, el("dt", {}, "First written"), el("dd", {}, stampText(entry.created))),
    el("div", { class: "il-details__row" }, el("dt", {}, "Last changed"), el("dd", {}, stampText(entry.updated))));
}

// The fingerprint line: `grouped` is Python's fingerprint in groups of four, or null while it is
// being worked out, or false when it could not be.
export function fingerprintView(grouped) {
  if (grouped === null) return ["Fingerprint: being worked out."];
  if (grouped === false) return ["Fingerprint: it could not be worked out in this browser."];
  return ["Fingerprint of this log (SHA-256): ", el("span", { class: "il-fingerprint" }, grouped),
    ". A copy of this log saved with the same entries has the same fingerprint: add it back on the toolkit’s incident log page with this fingerprint, and it says whether they match."];
}

// The evidence log's children: numbered entries, each with its dates and a line to sign and date,
// and (once Python has worked it out) the fingerprint of them all. An empty log has no fingerprint.
export function evidenceView(data, entries) {
  const list = chronology(entries);
  const printed = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  return [
    el("h2", {}, "Incident log"),
    el("p", { class: "il-sign" }, "Name: ", el("span", { class: "il-line" })),
    el("p", {}, `Printed on ${printed}. ${entriesText(list.length)}, oldest first.`),
    list.length ? el("p", { class: "il-evidence__fingerprint" }, ...fingerprintView(null)) : null,
    el("ol", { class: "il-evidence__list" }, list.map(({ entry, number }) => el("li", { class: "il-evidence__entry" },
      el("h3", {}, `Entry ${number}: ${whenText(entry.when)}`), details(data, entry), written(entry),
      el("p", { class: "il-sign" }, "Signed: ", el("span", { class: "il-line" }), " Date: ",
        el("span", { class: "il-line il-line--short" }))))),
    el("p", { class: "il-sign" }, "I confirm that this is a true record. Signed: ", el("span", { class: "il-line" }),
      " Date: ", el("span", { class: "il-line il-line--short" })),
  ].filter(Boolean);
}

// The chosen file's text, or null if it cannot be read. Whether it is a log of this toolkit is
// Python's to say (decision_tools.incident_copy.check_copy).
export async function readFileText(file) {
  try { return await file.text(); } catch { return null; }
}
