// What the incident log shows about keeping the record safe, built with dom.js's el: whether
// the browser will keep it, the reminder to save a copy, locked copies, the lock on this device
// and the locked log's passphrase form. These only build elements; the controllers decide when.

import { el } from "./dom.js";
import { entriesText } from "./incident-entries.js";
import { MIN_PASSPHRASE } from "./incident-lock.js";

const button = (cls, ...text) => el("button", { type: "button", class: cls }, ...text);

const DATE = { day: "numeric", month: "long", year: "numeric" };
export const dateText = (iso) => new Date(iso).toLocaleDateString("en-GB", DATE);

// ---- passphrase forms --------------------------------------------------------------------------

function passphrase(name, label, hint, autocomplete) {
  const id = `il-${name}`;
  return el("div", { class: "dt-field il-field", "data-field": name },
    el("label", { class: "il-label", for: id }, label),
    hint ? el("div", { class: "dt-hint", id: `${id}-hint` }, hint) : null,
    el("input", { type: "password", id, name, class: "il-input il-input--passphrase", autocomplete, spellcheck: "false",
      "aria-describedby": hint ? `${id}-hint` : null }));
}

// A new passphrase, typed twice. `name` prefixes the fields: "lock" gives lock-passphrase, lock-confirm.
function newPassphrase(name) {
  return [
    passphrase(`${name}-passphrase`, "Passphrase",
      `At least ${MIN_PASSPHRASE} characters. Three or four words you will remember, with spaces, are hard to guess.`, "new-password"),
    passphrase(`${name}-confirm`, "Type the passphrase again", "", "new-password"),
  ];
}

const problemsBox = () => el("div", { class: "il-form__errors" });

// ---- not possible on this page -----------------------------------------------------------------

export const lockingUnavailable = () => el("p", { class: "il-cannot-lock" },
  "Locking needs the toolkit to be opened over a secure connection (an address starting https://), which this page does not have. Ask your council's web team to fix this. Until then, keep copies somewhere only you can reach.");

// ---- the lock on this device -------------------------------------------------------------------

export function lockForm() {
  return el("form", { class: "il-subform il-lock-form", novalidate: true },
    problemsBox(),
    el("div", { class: "il-notice il-notice--warning il-forget-warning" },
      el("h3", {}, "If you forget the passphrase, your log is lost"),
      el("p", {}, "Nobody can open a locked log without its passphrase: not the council, and not the makers of this toolkit. Before you lock it, save a copy, and keep the passphrase somewhere safe.")),
    ...newPassphrase("lock"),
    el("div", { class: "dt-actions" }, el("button", { type: "submit", class: "md-button md-button--primary" }, "Lock my log")));
}

export const lockedControls = () => [
  el("p", {}, "Your log is locked. It needs your passphrase each time it is opened on this device, and \u201cLeave this site quickly\u201d locks it again."),
  el("div", { class: "dt-actions" },
    button("md-button il-lock-now", "Lock it now"),
    button("md-button il-unlock-forever", "Remove the lock")),
];

// The page while the log is locked: the passphrase, and what to do if it is forgotten.
export function unlockView() {
  return el("section", { class: "il-locked", "aria-labelledby": "il-locked-title" },
    el("h2", { id: "il-locked-title", tabindex: "-1" }, "Your log is locked"),
    el("form", { class: "il-subform il-unlock-form", novalidate: true },
      problemsBox(),
      passphrase("unlock-passphrase", "Passphrase", "The passphrase you chose when you locked your log.", "current-password"),
      el("div", { class: "dt-actions" }, el("button", { type: "submit", class: "md-button md-button--primary" }, "Open my log"))),
    el("h3", {}, "If you have forgotten your passphrase"),
    el("p", {}, "Nobody can open your log without it. You can delete the locked log from this browser and start again, then add back the entries from any copy you saved."),
    el("div", { class: "dt-actions" }, button("md-button il-delete-locked", "Delete the locked log")),
    el("div", { class: "il-confirm", hidden: true }));
}

export const deleteLockedQuestion = () => [
  el("p", { class: "il-confirm__question", id: "il-confirm-locked", tabindex: "-1" },
    "Delete your locked log from this browser? Nobody will be able to get it back."),
  el("div", { class: "dt-actions" },
    button("md-button md-button--primary il-delete-locked-yes", "Yes, delete the locked log"),
    button("md-button il-delete-locked-no", "No, keep it")),
];

// ---- locked copies -----------------------------------------------------------------------------

export function lockedCopyForm() {
  return el("form", { class: "il-subform il-copy-form", novalidate: true },
    el("h3", {}, "Save a locked copy"),
    el("p", {}, "A locked copy can only be read with the passphrase you choose now. Use one for a copy you email, or keep on a computer others use. If you forget the passphrase, the copy cannot be opened."),
    problemsBox(),
    ...newPassphrase("copy"),
    el("div", { class: "dt-actions" }, el("button", { type: "submit", class: "md-button" }, "Download a locked copy")));
}

// ---- will the browser keep it ------------------------------------------------------------------

// `risk` is from keepingRisk(): "kept", "may-delete" or "safari"; `homeScreen` when the site can be
// added to the home screen as an app (it has a web app manifest).
export function keepingView(risk, homeScreen) {
  if (risk === "kept") {
    return [el("p", { class: "il-keeping il-keeping--kept" },
      "This browser has agreed to keep your log until you delete it. Clearing the browser\u2019s history or site data would still delete it, so save a copy from time to time.")];
  }
  const said = risk === "safari"
    ? "Safari deletes what a website keeps after seven days of using Safari without visiting it, so your log could be lost if you do not open it for a week."
    : "This browser has not agreed to keep your log: it may delete it to make space on the device.";
  const remedies = [
    homeScreen ? el("li", {}, "Add the toolkit to your home screen (in Safari: Share, then Add to Home Screen) and open your log from there: a home screen app keeps what it stores.") : null,
    risk === "safari" && !homeScreen ? el("li", {}, "Open your log at least once a week.") : null,
    el("li", {}, "Save a copy after you add entries, under \u201cPrint or save your log\u201d."),
  ];
  return [el("p", { class: "il-keeping il-keeping--at-risk" }, said), el("p", {}, "To keep it safe:"), el("ul", {}, remedies)];
}

export const lastCopyLine = (last) => el("p", { class: "il-last-copy" },
  last ? `You last saved a copy on ${dateText(last)}.` : "You have not saved a copy of your log yet.");

// ---- the reminder ------------------------------------------------------------------------------

// `due` is from copyDue(): { why: "never" | "changed" | "days", count, days, last }.
export function reminderView(due) {
  const said = {
    never: "You have not saved a copy of your log yet. If this browser ever deletes your log, a copy is how you get it back.",
    changed: `${entriesText(due.count)} ${due.count === 1 ? "has" : "have"} been added or changed since you last saved a copy, on ${due.last && dateText(due.last)}.`,
    days: `You last saved a copy ${due.days} days ago, on ${due.last && dateText(due.last)}.`,
  }[due.why];
  return [
    el("h2", { class: "il-reminder__title" }, "Save a copy of your log"),
    el("p", {}, said),
    el("p", {}, el("a", { href: "#save", class: "il-reminder__link" }, "Save a copy now")),
  ];
}

// ---- import -------------------------------------------------------------------------------------

export function importExtras() {
  return [
    passphrase("import-passphrase", "Passphrase, if it is a locked copy", "Leave this empty for a copy that is not locked.", "off"),
    el("div", { class: "dt-field il-field", "data-field": "import-fingerprint" },
      el("label", { class: "il-label", for: "il-import-fingerprint" }, "Fingerprint on the printed evidence log (optional)"),
      el("div", { class: "dt-hint", id: "il-import-fingerprint-hint" },
        "To check the file against a printed evidence log, type the 64 letters and numbers printed after \u201cFingerprint\u201d. Spaces do not matter."),
      el("input", { type: "text", id: "il-import-fingerprint", name: "import-fingerprint", class: "il-input", autocomplete: "off",
        spellcheck: "false", "aria-describedby": "il-import-fingerprint-hint" })),
  ];
}

// What an import found out about the file's fingerprint, in a box to focus.
export function importedView(count, name, check) {
  const said = [`Added ${entriesText(count)} from \u201c${name}\u201d.`];
  if (check.printed === "matches") said.push("The file matches the printed evidence log: their fingerprints are the same.");
  else if (check.saved === "matches") said.push("The file has not been changed since it was saved.");
  else said.push("The file was saved before copies had a fingerprint, so it cannot be checked.");
  return el("div", { class: "il-notice il-notice--success il-imported", tabindex: "-1" },
    el("p", {}, said.join(" ")),
    el("p", {}, "Its fingerprint: ", el("span", { class: "il-fingerprint" }, check.grouped)));
}
