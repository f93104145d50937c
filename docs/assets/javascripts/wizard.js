// The decision tools on the page: a thin controller. Python (decision_tools, in a worker through
// python.js) decides every step and renders it with its one presenter; this script only puts that
// HTML on the page, reads what the reader chose, and keeps the answers. Answers stay in this
// tab: in memory, and in sessionStorage so that a reload does not lose them. Never in the URL, a
// cookie, localStorage or a request. No inline script, handler or style: it runs under a strict CSP.

import { el } from "./dom.js";
import { python } from "./python.js";

const STORE = "dt-wizard:";
const mounted = new Set();

function readData(root) {
  const script = root.querySelector(".dt-wizard__data");
  if (!script || !root.dataset.runtime || !root.dataset.tools) return null;
  try { return JSON.parse(script.textContent); } catch { return null; }
}

function stored(key) {
  try { return JSON.parse(sessionStorage.getItem(key) || "{}"); } catch { return {}; }
}

function store(key, answers) {
  try {
    if (Object.keys(answers).length) sessionStorage.setItem(key, JSON.stringify(answers));
    else sessionStorage.removeItem(key);
  } catch { /* storage off: the answers stay in memory only */ }
}

// What the reader chose in the question on screen: a value, a list, or null for nothing.
function picked(box) {
  const values = [...box.querySelectorAll("input:checked")].map((i) => i.value);
  if (!values.length) return null;
  return box.dataset.kind === "any_of" ? values : values[0];
}

// The question's own error message and summary, rendered hidden by Python: show them.
function showError(box, pageTitle) {
  const field = box.querySelector(".dt-field");
  const message = box.querySelector(".dt-error-message");
  const summary = box.querySelector(".dt-error-summary");
  const fieldset = box.querySelector("fieldset");
  field.classList.add("dt-field--error");
  message.hidden = false;
  summary.hidden = false;
  const described = (fieldset.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== message.id);
  fieldset.setAttribute("aria-describedby", [...described, message.id].join(" "));
  document.title = `Error: ${pageTitle}`;
  summary.focus();
}

// "None of these" cannot be chosen with anything else (the GOV.UK checkboxes pattern).
function onChange(event) {
  const input = event.target;
  if (input.type !== "checkbox" || !input.checked) return;
  for (const other of input.closest(".dt-checkboxes").querySelectorAll("input")) {
    if (other !== input && (input.hasAttribute("data-exclusive") || other.hasAttribute("data-exclusive"))) other.checked = false;
  }
}

function printResult(stepBox) {
  const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
  for (const date of stepBox.querySelectorAll(".dt-print-date")) date.textContent = today;
  document.documentElement.classList.add("dt-print-result");
  window.print();
}

// The incident log's form is filled from this, on the log's page, for the reader to check and
// save: kept in this tab only (sessionStorage), and cleared by "Leave this site quickly".
function keepForTheLog(record) {
  if (!record) return;
  try { sessionStorage.setItem("incident-log:draft", JSON.stringify(record)); } catch { /* storage off */ }
}

function failed(stepBox, tool) {
  stepBox.replaceChildren(el("div", { class: "dt-wizard__message", role: "alert" },
    el("p", {}, "This tool could not start in your browser, so it cannot ask its questions here. ",
      "You can still follow how it decides: read ", el("a", { href: `#dt-${tool}-logic` }, "How this tool decides"), " below."),
    el("p", {}, "Nothing you chose has been sent anywhere.")));
}

function notBuilt(root) {
  root.classList.add("dt-wizard--failed");
  root.querySelector(".dt-wizard__step")?.replaceChildren();
  root.prepend(el("div", { class: "dt-wizard__message", role: "alert" },
    el("p", {}, "This tool is missing what it needs from the build, so it cannot run on this page. ",
      "Ask whoever looks after this site to rebuild it with the toolkit's build steps."),
    el("p", {}, "Nothing you chose has been sent anywhere.")));
  console.error("Decision tool: the page has no build-time data (.dt-wizard__data, data-runtime, data-tools).");
}

// "Skip to the question", beside Material's "Skip to content": a keyboard user reaches the tool
// in three presses (Tab, Tab, Enter), past the navigation, on a phone as on a desktop.
function addSkipLink(root, tool) {
  const skips = document.querySelector('[data-md-component="skip"]');
  if (!skips || skips.querySelector(".dt-skip")) return;
  const link = el("a", { class: "md-skip dt-skip", href: `#dt-${tool}-question` }, "Skip to the question");
  link.addEventListener("click", (event) => {
    event.preventDefault(); // move focus without putting anything in the URL
    const target = root.querySelector(".dt-fieldset__heading, .dt-result__title") ?? root.querySelector(".dt-wizard__step");
    target?.focus();
    target?.scrollIntoView({ block: "start" });
  });
  skips.append(link);
}

// One wizard: its state, and the handlers that change it.
function mount(root) {
  const data = readData(root);
  if (!data) { notBuilt(root); return { root, leave() {}, destroy() {} }; }
  const tool = root.dataset.tool;
  const status = root.querySelector(".dt-wizard__status");
  const stepBox = root.querySelector(".dt-wizard__step");
  const wizard = { root, tool, data, status, stepBox, key: STORE + tool, pageTitle: document.title,
                   answers: stored(STORE + tool), seq: 0, notice: "", py: null, live: true };
  wizard.py = python({ runtime: new URL(root.dataset.runtime, location.href).href,
                       tools: new URL(root.dataset.tools, location.href).href });
  wizard.py.ready.then(() => performance.mark("dt:engine-ready"), () => fail(wizard));
  const click = (event) => onClick(wizard, event);
  root.addEventListener("click", click);
  root.addEventListener("change", onChange);
  root.classList.add("dt-wizard--live");
  addSkipLink(root, tool);
  performance.mark("dt:first-question");
  if (Object.keys(wizard.answers).length) request(wizard, wizard.answers); // a reload: carry on
  // Leaving forgets the answers and unhooks the page; Python is let go by release, which
  // destroy does at once and update only once the next page's wizards hold it.
  wizard.leave = () => {
    wizard.live = false;
    wizard.answers = {};
    document.querySelector(".dt-skip")?.remove();
    root.removeEventListener("click", click);
    root.removeEventListener("change", onChange);
  };
  wizard.destroy = () => { wizard.leave(); wizard.py.release(); };
  return wizard;
}

function fail(wizard) {
  if (!wizard.live) return;
  wizard.root.classList.add("dt-wizard--failed");
  wizard.status.textContent = "";
  document.title = wizard.pageTitle;
  failed(wizard.stepBox, wizard.tool);
}

async function request(wizard, answers) {
  const mine = ++wizard.seq;
  const start = performance.now();
  wizard.stepBox.querySelector(".dt-continue")?.setAttribute("aria-disabled", "true");
  if (!wizard.py.failed) wizard.status.textContent = "Getting the tool ready. This can take a few seconds the first time.";
  try {
    await wizard.py.ready;
    const step = await wizard.py.call("step", { tool: wizard.tool, answers, chosen: wizard.answers, context: wizard.data });
    if (mine === wizard.seq && wizard.live) show(wizard, step, start);
  } catch (error) {
    if (error.kind === "invalid" && wizard.live) return startAgain(wizard, "Your earlier answers no longer fit this tool, so it has started again.");
    fail(wizard);
  }
}

function show(wizard, step, start) {
  wizard.step = step;
  wizard.status.textContent = wizard.notice;
  wizard.notice = "";
  document.title = wizard.pageTitle;
  // The HTML comes from decision_tools.present, which escapes every value it is given.
  wizard.stepBox.innerHTML = step.html;
  wizard.stepBox.querySelector(".dt-fieldset__heading, .dt-result__title")?.focus();
  performance.measure("dt:step", { start, end: performance.now() });
  store(wizard.key, wizard.answers);
}

function startAgain(wizard, notice = "") {
  wizard.answers = {};
  wizard.notice = notice;
  store(wizard.key, {});
  request(wizard, {});
}

function without(answers, qid) {
  const rest = { ...answers };
  delete rest[qid];
  return rest;
}

function onContinue(wizard) {
  const box = wizard.stepBox.querySelector(".dt-question");
  if (!box || wizard.stepBox.querySelector(".dt-continue[aria-disabled]")) return;
  const value = picked(box);
  if (value === null) { showError(box, wizard.pageTitle); return; }
  wizard.answers = { ...wizard.answers, [box.dataset.question]: value };
  store(wizard.key, wizard.answers);
  request(wizard, wizard.answers);
}

function onClick(wizard, event) {
  const target = event.target.closest("button, a");
  if (!target || !wizard.stepBox.contains(target)) return;
  const answered = wizard.step?.answered ?? [];
  if (target.matches(".dt-continue")) onContinue(wizard);
  // Back and Change ask that question again, with every answer kept to show it ticked.
  else if (target.matches(".dt-back")) request(wizard, without(wizard.answers, answered.at(-1)));
  else if (target.matches("[data-change]")) request(wizard, without(wizard.answers, target.dataset.change));
  else if (target.matches(".dt-restart")) startAgain(wizard);
  else if (target.matches(".dt-print")) printResult(wizard.stepBox);
  else if (target.matches(".dt-add-to-log")) keepForTheLog(wizard.step?.record);
  else if (target.matches(".dt-error-summary a")) {
    event.preventDefault(); // focus the field without putting anything in the URL
    // Material may have made the link absolute: only its #fragment names the field.
    const input = wizard.stepBox.querySelector(new URL(target.href, location.href).hash);
    input?.focus();
    input?.scrollIntoView({ block: "center" });
  }
}

// After "Print this result", print the whole page again next time.
addEventListener("afterprint", () => document.documentElement.classList.remove("dt-print-result"));

function update() {
  // Material's instant navigation swaps pages without reloading: drop wizards that left, mount
  // new ones, and only then let the old ones' Python go, so going from one tool to another keeps
  // the one worker running.
  const left = [...mounted].filter((wizard) => !wizard.root.isConnected);
  for (const wizard of left) { wizard.leave(); mounted.delete(wizard); }
  for (const root of document.querySelectorAll(".dt-wizard[data-tool]:not(.dt-wizard--live)")) mounted.add(mount(root));
  for (const wizard of left) wizard.py?.release();
}

// "Leave this site quickly" (quick-exit.js) asks every wizard to forget its answers first.
document.addEventListener("dt:exit", () => { for (const wizard of mounted) wizard.destroy(); mounted.clear(); });

if (window.document$) window.document$.subscribe(update); else update();
