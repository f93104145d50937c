// Adding entries back from a saved copy: plain or locked, and checked, if the reader gives it,
// against the fingerprint on a printed evidence log. Python (decision_tools.incident_copy) reads
// and checks the file; the page only unlocks a locked copy. Whatever goes wrong, nothing is added
// and the log is left as it was.

import { putAll } from "./incident-store.js";
import { callPython } from "./incident-python.js";
import { clearErrors, errorSummary, markError } from "./incident-form.js";
import { readFileText } from "./incident-copies.js";
import { WrongPassphrase, lockingWorks, openCopy } from "./incident-lock.js";
import { sealRecords } from "./incident-locking.js";
import { importedView } from "./incident-safe-views.js";
import { askToKeep } from "./incident-keeping.js";

const UNCHANGED = "Your log has not been changed.";
const FIELD = { file: "import", printed: "import-fingerprint", passphrase: "import-passphrase" };

const grouped = (hex) => hex.match(/.{4}/g).join(" ");

// A problem shown the GOV.UK way, on the field it is about: "file", "printed" or "passphrase".
function problem(log, part, text) {
  const name = FIELD[part] ?? FIELD.file;
  clearErrors(log.importBox);
  const summary = errorSummary([[name, `il-${name}`, text]]);
  log.importErrors.replaceChildren(summary);
  markError(log.importBox.querySelector(`[data-field="${name}"]`), log.root.querySelector(`#il-${name}`), `il-${name}`, text);
  document.title = `Error: ${log.pageTitle}`;
  summary.focus();
  return null;
}

async function check(log, params) {
  const answer = await callPython("check-copy", params);
  if (!answer.failed) log.warm = true;
  return answer;
}

// A locked copy's text, unlocked with the passphrase given; or null, the problem shown.
async function unlocked(log, file, locked) {
  const input = log.root.querySelector("#il-import-passphrase");
  if (!lockingWorks()) return problem(log, "file", `\u201c${file.name}\u201d is a locked copy, and this page cannot unlock it: it needs a secure connection (https). ${UNCHANGED}`);
  if (!input.value) return problem(log, "passphrase", `\u201c${file.name}\u201d is a locked copy: enter the passphrase it was locked with`);
  try { return await openCopy(locked, input.value); } catch (error) {
    if (!(error instanceof WrongPassphrase)) throw error;
    return problem(log, "passphrase", `The passphrase is not the one \u201c${file.name}\u201d was locked with, or the file has been damaged. ${UNCHANGED}`);
  }
}

// What Python found in the file, unlocked first if it is locked; or null, the problem shown.
async function checked(log, file, text, printed) {
  let answer = await check(log, { text, printed });
  if (answer.result?.locked) {
    const inside = await unlocked(log, file, answer.result.locked);
    if (inside === null) return null;
    answer = await check(log, { text: inside, printed, unlocked: true });
  }
  if (answer.failed) return problem(log, "file", `The file could not be checked in this browser, so nothing was added. ${UNCHANGED}`);
  if (answer.error) return problem(log, answer.part, `\u201c${file.name}\u201d could not be added. ${answer.error} ${UNCHANGED}`);
  return answer.result;
}

async function store(log, entries) {
  try {
    if (!log.db) throw new Error("storage is not available");
    await putAll(log.db, await sealRecords(log, entries));
    return true;
  } catch (error) {
    console.error("Incident log storage:", error);
    problem(log, "file", `This browser would not store the entries, so nothing was added. ${UNCHANGED}`);
    return false;
  }
}

export async function importFile(log) {
  clearErrors(log.importBox);
  log.importErrors.replaceChildren();
  document.title = log.pageTitle;
  const file = log.importInput.files[0];
  if (!file) { problem(log, "file", "Choose a file to add entries from"); return; }
  const text = await readFileText(file);
  if (text === null) { problem(log, "file", `\u201c${file.name}\u201d could not be read. ${UNCHANGED}`); return; }
  log.say("Checking the file. This can take a few seconds the first time.");
  const printed = log.root.querySelector("#il-import-fingerprint").value;
  const found = await checked(log, file, text, printed);
  if (!found || !(await store(log, found.entries))) return;
  log.tabs.tell();
  await askToKeep(log);
  for (const input of log.importBox.querySelectorAll("input")) input.value = "";
  await log.reload();
  const done = importedView(found.entries.length, file.name, { ...found, grouped: grouped(found.fingerprint) });
  log.importErrors.replaceChildren(done);
  done.focus();
}
