// Copies of the incident log, all made in the page (nothing is sent anywhere): the numbered
// evidence log for printing, the CSV spreadsheet, the JSON file to keep, and reading a JSON
// file back in.

import { el } from "./dom.js";
import { chronology, entriesText, inOrder, whenText } from "./incident-entries.js";
import { details } from "./incident-views.js";

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name, class: "dt-visually-hidden" }, name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const today = () => new Date().toISOString().slice(0, 10);

// The file format decision_tools.incidents.read_log reads back (data.format, data.version).
function jsonCopy(data, entries) {
  return JSON.stringify({ format: data.format, version: data.version, exported: new Date().toISOString(),
    incidents: inOrder(entries) }, null, 2);
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

export const downloadJson = (data, entries) =>
  download(`incident-log-${today()}.json`, "application/json", jsonCopy(data, entries));

// One entry the browser would not store, as a log file of its own that can be added back later.
export const downloadEntry = (data, entry) =>
  download(`incident-${entry.when.slice(0, 10)}.json`, "application/json", jsonCopy(data, [entry]));

// The evidence log's children: numbered entries, each with a line to sign and date.
export function evidenceView(data, entries) {
  const list = chronology(entries);
  const printed = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  return [
    el("h2", {}, "Incident log"),
    el("p", { class: "il-sign" }, "Name: ", el("span", { class: "il-line" })),
    el("p", {}, `Printed on ${printed}. ${entriesText(list.length)}, oldest first.`),
    el("ol", { class: "il-evidence__list" }, list.map(({ entry, number }) => el("li", { class: "il-evidence__entry" },
      el("h3", {}, `Entry ${number}: ${whenText(entry.when)}`), details(data, entry),
      el("p", { class: "il-sign" }, "Signed: ", el("span", { class: "il-line" }), " Date: ",
        el("span", { class: "il-line il-line--short" }))))),
    el("p", { class: "il-sign" }, "I confirm that this is a true record. Signed: ", el("span", { class: "il-line" }),
      " Date: ", el("span", { class: "il-line il-line--short" })),
  ];
}

// The chosen file parsed as JSON, or null if it is not JSON at all. Whether it is a log of
// this toolkit is Python's to say (read_log).
export async function readJsonFile(file) {
  try { return { parsed: JSON.parse(await file.text()) }; } catch { return null; }
}
