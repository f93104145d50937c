// What the incident log shows, built with dom.js's el: the page's parts, each entry, what the
// log shows (Python's insights) and the notices. These only build elements; incident-log.js
// decides when to show them.

import { el, hidden } from "./dom.js";
import { entriesText, whenText } from "./incident-entries.js";
import { formView } from "./incident-form.js";
import { importExtras, lockedCopyForm, lockingUnavailable, unlockView } from "./incident-safe-views.js";
import { lockingWorks } from "./incident-lock.js";

export const button = (cls, ...text) => el("button", { type: "button", class: cls }, ...text);

// ---- the page --------------------------------------------------------------------------------

function importFieldView(input) {
  return el("div", { class: "il-import-box" },
    el("div", { class: "dt-field il-field", "data-field": "import" },
      el("label", { class: "il-label", for: "il-import" }, "Add entries from a saved copy"),
      el("div", { class: "dt-hint", id: "il-import-hint" },
        "Choose a .json file saved from this page, locked or not. Its entries are added to your log. If an entry is already in your log, the copy in the file replaces it."),
      input),
    ...importExtras());
}

// When the page reached the browser without what the build adds (the log's data and where Python
// is): say so, and how to keep a log without it.
export function notBuiltView() {
  return el("div", { class: "incident-log__message", role: "alert" },
    el("p", {}, "The incident log is missing what it needs from the build, so it cannot run on this page. ",
      "Ask whoever looks after this site to rebuild it with the toolkit's build steps."),
    el("p", {}, "You can keep a log on paper instead: write down the date and time, what happened, who it was ",
      "and where your evidence is, and sign and date each entry."));
}

// The parts the log changes as it goes.
export function pageParts(data) {
  const importInput = el("input", { type: "file", id: "il-import", name: "import", class: "il-file",
    accept: ".json,application/json", "aria-describedby": "il-import-hint" });
  return {
    status: el("p", { class: "il-status", role: "status" }),
    storageNotice: el("div", { class: "il-notice il-notice--warning", hidden: true }),
    form: formView(data),
    formHeading: el("h2", { id: "add", tabindex: "-1" }, "Add an incident"),
    saveProblem: el("div", { class: "il-save-problem" }),
    insightsBox: el("div", { class: "il-insights", "aria-live": "polite" }),
    countText: el("p", { class: "il-count" }),
    list: el("ol", { class: "il-list" }),
    importInput,
    importBox: importFieldView(importInput),
    importErrors: el("div", { class: "il-import__errors" }),
    unlockPanel: Object.assign(unlockView(), { hidden: true }),
    reminder: el("div", { class: "il-notice il-reminder", hidden: true }),
    keeping: el("div", { class: "il-keep" }),
    lockBox: el("div", { class: "il-lock" }),
    confirmAll: el("div", { class: "il-confirm", hidden: true }),
    evidence: el("section", { class: "il-evidence", "aria-label": "Evidence log for printing" }),
  };
}

// The parts in page order, with the headings and words around them.
export function layOut(root, p) {
  root.append(
    p.status, p.storageNotice, p.unlockPanel, p.reminder,
    p.formHeading, p.form, p.saveProblem,
    el("h2", { id: "shows" }, "What your log shows"), p.insightsBox,
    el("h2", { id: "your-log" }, "Your log"), p.countText, p.list,
    el("h2", { id: "keep" }, "Keeping your log safe"), p.keeping,
    el("h2", { id: "save", tabindex: "-1" }, "Print or save your log"),
    el("p", {}, "Print a numbered evidence log to sign and date, for the police, the council or a solicitor. It shows when each entry was written and changed, and a fingerprint that any copy of the same log shares. Or save a copy: a spreadsheet (CSV) to read, or a JSON file you can add back to this log later, on this or another device."),
    el("div", { class: "dt-actions" },
      button("md-button il-print", "Print the evidence log"),
      button("md-button il-csv", "Download a spreadsheet (CSV)"),
      button("md-button il-json", "Download a copy to keep (JSON)")),
    lockingWorks() ? lockedCopyForm() : lockingUnavailable(),
    p.importErrors, p.importBox,
    el("div", { class: "dt-actions" }, button("md-button il-import", "Add entries from this file")),
    el("h2", { id: "lock" }, "Lock your log on this device"),
    el("p", {}, "Anyone who can use this browser can read your log. You can set a passphrase that it needs before it opens: your entries are then kept encrypted on this device."),
    p.lockBox,
    el("h2", { id: "delete" }, "Delete the whole log"),
    el("p", {}, "This deletes every entry from this browser. You cannot undo it."),
    el("div", { class: "dt-actions" }, button("md-button il-delete-all", "Delete the whole log")),
    p.confirmAll, p.evidence);
}

// ---- entries -----------------------------------------------------------------------------------

// An entry's answers as a description list, leaving out the empty ones.
export function details(data, e) {
  const rows = [["How", [data.channels[e.channel], e.platform].filter(Boolean).join(": ")],
    ["Who", e.who || "Not known"], ["What was said or done", e.what],
    ["A threat", e.threat ? "Yes" : "No"], ["Evidence", e.evidence], ["How it affected me", e.effect],
    ["Who I told", e.told], ["Told the police", e.told_police ? "Yes" : "No"], ["What happens next", e.follow_up]];
  return el("dl", { class: "il-details" }, rows.filter(([, v]) => v).map(([k, v]) =>
    el("div", { class: "il-details__row" }, el("dt", {}, k), el("dd", {}, v))));
}

export function entryItem(data, entry, number) {
  const title = `${number}. ${whenText(entry.when)}: ${data.channels[entry.channel]}${entry.who ? `, ${entry.who}` : ""}`;
  return el("li", { class: "il-entry", "data-id": entry.id },
    el("h3", { class: "il-entry__title", tabindex: "-1" }, title),
    details(data, entry),
    el("div", { class: "dt-actions il-entry__actions" },
      button("dt-link il-change", "Change", hidden(` entry ${number}`)),
      button("dt-link il-delete", "Delete", hidden(` entry ${number}`))),
    el("div", { class: "il-confirm", hidden: true }));
}

export const countLine = (count) => (count ? `${entriesText(count)}, oldest first.` : "Your log is empty.");

// ---- what the log shows ------------------------------------------------------------------------

export const insightsEmpty = () => el("p", {}, "Nothing yet. When you add incidents, this points out anyone who appears more than once, and threats to report.");
export const insightsWaiting = () => el("p", { class: "il-waiting" }, "Checking your log for patterns. This can take a few seconds the first time.");
export const insightsFailed = () => el("p", {}, "The pattern check could not run in this browser. Your log is safe: you can still add entries, print it and save copies.");

function linkTo(data, link) {
  const url = data.pages[link.page];
  return el("a", { href: url + (link.anchor ? `#${link.anchor}` : "") }, link.title);
}

const links = (data, items) => el("ul", { class: "il-links" }, items.map((link) => el("li", {}, linkTo(data, link))));

function findings(data, cls, heading, items) {
  return el("div", { class: cls },
    el("h3", {}, heading),
    el("ul", {}, items.map((item) => el("li", {}, el("p", {}, item.message), links(data, item.links)))));
}

function countsTable(caption, head, rows) {
  return el("table", { class: "il-counts" },
    el("caption", {}, caption),
    el("thead", {}, el("tr", {}, head.map((h) => el("th", { scope: "col" }, h)))),
    el("tbody", {}, rows.map(([name, count]) => el("tr", {}, el("th", { scope: "row" }, name), el("td", {}, String(count))))));
}

// Python's insights (decision_tools.incidents.insights) as the box's children.
export function insightsView(data, r) {
  const parts = [];
  if (r.report_now.length) {
    parts.push(findings(data, "il-notice il-notice--warning il-report-now", "Threats to report", r.report_now));
  }
  if (r.patterns.length) parts.push(findings(data, "il-notice il-patterns", "The same person more than once", r.patterns));
  if (!parts.length) parts.push(el("p", {}, "No one appears more than once, and there are no threats waiting to be reported."));
  parts.push(el("div", { class: "il-counts-box" },
    countsTable("Entries by person", ["Person", "Entries"], r.by_person.map((p) => [p.who, p.count])),
    countsTable("Entries by how it happened", ["How", "Entries"], r.by_channel.map((c) => [c.label, c.count]))));
  return parts;
}

// ---- notices -----------------------------------------------------------------------------------

export const storageWarning = () => [
  el("h2", {}, "This browser cannot save your log"),
  el("p", {}, "This browser is not letting the toolkit store anything. This often happens in a private or incognito window, or when the device is full. You can still fill in the form: when you save, you will be offered a file to download instead."),
];

export function savedBanner(number, changed) {
  return el("div", { class: "il-notice il-notice--success", tabindex: "-1", role: "status" },
    el("p", {}, changed ? `Entry ${number} has been changed.` : `Entry ${number} has been saved in your log.`));
}

export function changedElsewhereBox(number) {
  return el("div", { class: "dt-error-summary il-changed-elsewhere", tabindex: "-1" },
    el("div", { role: "alert" },
      el("h2", { class: "dt-error-summary__title" }, `Entry ${number} was changed in another tab or window`),
      el("p", {}, "Nothing has been overwritten. Your version is still in the form, and the other version is in your log below."),
      el("p", {}, "To keep your version instead, select “Save changes” again. To keep the other version, select “Cancel”.")));
}

// The box for an entry the browser would not store, with its "Download this entry" button.
export function notSavedBox(keep) {
  return el("div", { class: "dt-error-summary il-not-saved", tabindex: "-1" },
    el("div", { role: "alert" },
      el("h2", { class: "dt-error-summary__title" }, "Your entry has not been saved"),
      el("p", {}, "This browser would not store it. It may be a private window, or the device may be full. What you typed is still in the form."),
      el("p", {}, "Download it now to keep it. Later, in a normal browser window, you can add it to your log from the file under \u201cPrint or save your log\u201d.")),
    el("div", { class: "dt-actions" }, keep));
}

export const downloadEntryButton = () => button("md-button md-button--primary il-download-entry", "Download this entry");

export function deleteQuestion(entry, number) {
  return [
    el("p", { class: "il-confirm__question", id: `il-confirm-${entry.id}`, tabindex: "-1" }, `Delete entry ${number}? You cannot undo this.`),
    el("div", { class: "dt-actions" },
      button("md-button md-button--primary il-delete-yes", `Yes, delete entry ${number}`),
      button("md-button il-delete-no", "No, keep it")),
  ];
}

export function deleteAllQuestion(count) {
  return [
    el("h3", { id: "il-confirm-all", tabindex: "-1" }, "Delete your whole log?"),
    el("p", {}, `This deletes all ${entriesText(count)} from this browser. You cannot undo this. If you might need the log later, download a copy first.`),
    el("div", { class: "dt-actions" },
      button("md-button md-button--primary il-delete-all-yes", "Yes, delete everything"),
      button("md-button il-delete-all-no", "No, keep my log")),
  ];
}
