// Main thread: render the decision tools. Python runs only in a module worker
// (wizard-worker.js), so the page never freezes while Pyodide loads. This script fetches
// nothing unless the page has a wizard. Answers stay in this tab: in memory, and in
// sessionStorage only so that a reload does not lose them. Never in the URL, a cookie,
// localStorage or a request. No inline script, handler or style: it runs under a strict CSP.

import { el, hidden } from "./dom.js";

const workerUrl = new URL("wizard-worker.js", import.meta.url);
const STORE = "dt-wizard:";
const mounted = new Set();

const answerText = (a) => (Array.isArray(a.answer_text) ? a.answer_text.join(", ") : a.answer_text);

// The same markup as build_hooks/wizards.py question_html (a browser test compares them).
function questionView(tool, q, chosen) {
  const base = `dt-${tool}-${q.id}`;
  const multiple = q.kind === "any_of";
  const kind = multiple ? "checkboxes" : "radios";
  const saysAll = q.text.toLowerCase().includes("all that apply");
  const hint = q.hint || (multiple && !saysAll ? "Select all that apply." : "");
  const picked = [].concat(chosen ?? []);
  const items = [];
  for (const option of q.options) {
    const exclusive = multiple && option.value === "none";
    if (exclusive) items.push(el("div", { class: `dt-${kind}__divider` }, "or"));
    const id = `${base}-${option.value}`;
    const input = el("input", {
      class: `dt-${kind}__input`, id, name: base, type: multiple ? "checkbox" : "radio", value: option.value,
      "data-exclusive": exclusive, "aria-describedby": option.hint ? `${id}-hint` : null,
    });
    input.checked = picked.includes(option.value);
    items.push(el("div", { class: `dt-${kind}__item` }, input,
      el("label", { class: `dt-${kind}__label`, for: id }, option.label),
      option.hint ? el("div", { class: `dt-hint dt-${kind}__hint`, id: `${id}-hint` }, option.hint) : null));
  }
  return el("div", { class: "dt-question", "data-question": q.id, "data-kind": q.kind },
    el("div", { class: "dt-field" },
      el("fieldset", { class: "dt-fieldset", "aria-describedby": hint ? `${base}-hint` : null },
        el("legend", { class: "dt-fieldset__legend" },
          el("h2", { class: "dt-fieldset__heading", tabindex: "-1" }, q.text)),
        hint ? el("div", { class: "dt-hint", id: `${base}-hint` }, hint) : null,
        el("div", { class: `dt-${kind}` }, items))),
    el("div", { class: "dt-actions" },
      el("button", { type: "button", class: "md-button md-button--primary dt-continue" }, "Continue")));
}

function answersView(answered) {
  return el("div", { class: "dt-answers" },
    el("h3", { class: "dt-answers__title" }, "Your answers"),
    el("dl", { class: "dt-summary" }, answered.map((a) =>
      el("div", { class: "dt-summary__row" },
        el("dt", { class: "dt-summary__key" }, a.text),
        el("dd", { class: "dt-summary__value" }, answerText(a)),
        el("dd", { class: "dt-summary__actions" },
          el("button", { type: "button", class: "dt-link", "data-change": a.question },
            "Change", hidden(` your answer to: ${a.text}`)))))));
}

function pageLink(data, page, anchor, text) {
  const url = data.pages[page];
  if (url === undefined) return text;
  return el("a", { href: anchor ? `${url}#${anchor}` : url }, text);
}

function contactView(data, role) {
  const c = data.contacts[role];
  if (!c) {
    return el("li", { class: "dt-contact" }, el("p", { class: "dt-contact__role" }, role),
      el("p", {}, "Your council has not listed this contact yet. See ",
        pageLink(data, "support/index.md", "", "Support and contacts"), "."));
  }
  return el("li", { class: "dt-contact" },
    el("p", { class: "dt-contact__role" }, c.title),
    c.name && c.name !== c.title ? el("p", {}, c.name) : null,
    c.phone ? el("p", {}, "Phone: ", c.tel ? el("a", { href: c.tel }, c.phone) : c.phone) : null,
    c.email ? el("p", {}, "Email: ", el("a", { href: `mailto:${c.email}` }, c.email)) : null,
    c.notes ? el("p", { class: "dt-contact__notes" }, c.notes) : null);
}

const URGENCY = { emergency: "Emergency: act now", urgent: "Urgent", soon: "Act soon", routine: "When you can" };

function resultView(data, step) {
  const r = step.result;
  const section = (title, ...body) => (body.flat().length ? [el("h3", {}, title), ...body] : []);
  const printed = el("p", { class: "dt-print-only dt-result__printed" });
  return el("div", { class: "dt-result", "data-result": r.id, "data-urgency": r.urgency },
    el("p", { class: "dt-print-only" }, data.title),
    el("h2", { class: "dt-result__title", tabindex: "-1" }, r.title),
    el("p", { class: `dt-tag dt-tag--${r.urgency}` }, URGENCY[r.urgency] ?? r.urgency),
    el("p", { class: "dt-result__summary" }, r.summary),
    section("What to do", r.actions.length ? el("ol", { class: "dt-result__actions" }, r.actions.map((a) => el("li", {}, a))) : []),
    section("Who to contact", r.contacts.length ? el("ul", { class: "dt-contacts" }, r.contacts.map((role) => contactView(data, role))) : []),
    section("Why", r.why.length ? el("ul", { class: "dt-result__why" }, r.why.map((w) => el("li", {}, w))) : []),
    section("The law", r.law.length ? el("ul", { class: "dt-result__law" }, r.law.map((ref) => el("li", {},
      pageLink(data, ref.page, ref.anchor, `${ref.act}, ${ref.section}`), `: ${ref.name}.`,
      el("span", { class: "dt-result__law-plain" }, ` ${ref.plain}`)))) : []),
    section("Find out more", r.links.length ? el("ul", { class: "dt-result__links" }, r.links.map((link) =>
      el("li", {}, pageLink(data, link.page, link.anchor, link.title)))) : []),
    (r.notes ?? []).map((n) => el("p", { class: "dt-result__note" }, n)),
    printed);
}

function mount(root) {
  const tool = root.dataset.tool;
  const data = JSON.parse(root.querySelector(".dt-wizard__data").textContent);
  const status = root.querySelector(".dt-wizard__status");
  const stepBox = root.querySelector(".dt-wizard__step");
  const pageTitle = document.title;
  const storeKey = STORE + tool;
  let chosen = {};        // every answer given, for replay and to pre-fill a question
  let step = null;        // the step on screen (null: the build-time first question)
  let ready = false;
  let pending = null;     // a request made before Python was ready
  let seq = 0;
  let stepStart = 0;
  let notice = "";        // a message to show with the next step
  let worker = null;

  try { chosen = JSON.parse(sessionStorage.getItem(storeKey) || "{}"); } catch { chosen = {}; }

  function save() {
    try {
      if (Object.keys(chosen).length) sessionStorage.setItem(storeKey, JSON.stringify(chosen));
      else sessionStorage.removeItem(storeKey);
    } catch { /* storage off: answers stay in memory only */ }
  }

  function fail(detail) {
    if (detail) console.error("Decision tool:", detail);
    worker?.terminate();
    worker = null;
    root.classList.add("dt-wizard--failed");
    status.textContent = "";
    stepBox.replaceChildren(el("div", { class: "dt-wizard__message", role: "alert" },
      el("p", {}, "This tool could not start in your browser, so it cannot ask its questions here. ",
        "You can still follow how it decides: read ",
        el("a", { href: `#dt-${tool}-logic` }, "How this tool decides"), " below."),
      el("p", {}, "Nothing you chose has been sent anywhere.")));
    document.title = pageTitle;
  }

  function request(answers) {
    const message = { type: "evaluate", id: ++seq, tool, answers };
    stepStart = performance.now();
    if (ready) { worker.postMessage(message); return; }
    pending = message;
    status.textContent = "Getting the tool ready. This can take a few seconds the first time.";
    stepBox.querySelector(".dt-continue")?.setAttribute("aria-disabled", "true");
  }

  function withoutAnswer(qid) {
    const answers = { ...chosen };
    delete answers[qid];
    return answers;
  }

  function show(next) {
    step = next;
    status.textContent = notice;
    notice = "";
    document.title = pageTitle;
    const parts = [];
    if (next.answered.length) {
      parts.push(el("p", { class: "dt-nav" }, el("button", { type: "button", class: "dt-link dt-back" }, "Back")));
    }
    if (next.status === "question") {
      parts.push(questionView(tool, next.question, chosen[next.question.id]));
    } else {
      parts.push(resultView(data, next));
      parts.push(el("div", { class: "dt-actions" },
        el("button", { type: "button", class: "md-button md-button--primary dt-print" }, "Print this result")));
    }
    if (next.answered.length) {
      parts.push(answersView(next.answered));
      parts.push(el("p", { class: "dt-nav" }, el("button", { type: "button", class: "dt-link dt-restart" }, "Start again")));
    }
    stepBox.replaceChildren(...parts);
    stepBox.querySelector(".dt-fieldset__heading, .dt-result__title").focus();
    performance.measure("dt:step", { start: stepStart, end: performance.now() });
    save();
  }

  function currentQuestion() {
    const box = stepBox.querySelector(".dt-question");
    return box && { id: box.dataset.question, kind: box.dataset.kind, box };
  }

  function showError(q) {
    const field = q.box.querySelector(".dt-field");
    const first = q.box.querySelector("input");
    const errorId = `dt-${tool}-${q.id}-error`;
    const none = q.box.querySelector("input[data-exclusive] + label");
    const text = q.kind === "any_of"
      ? `Select at least one option${none ? `, or \u201c${none.textContent}\u201d` : ""}`
      : "Select one answer";
    stepBox.querySelector(".dt-error-summary")?.remove();
    q.box.querySelector(".dt-error-message")?.remove();
    field.classList.add("dt-field--error");
    const fieldset = field.querySelector("fieldset");
    const describedBy = (fieldset.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && id !== errorId);
    fieldset.setAttribute("aria-describedby", [...describedBy, errorId].join(" "));
    const message = el("p", { class: "dt-error-message", id: errorId }, hidden("Error: "), text);
    (fieldset.querySelector(".dt-hint:not(.dt-radios__hint):not(.dt-checkboxes__hint)") ?? fieldset.querySelector("legend")).after(message);
    const summary = el("div", { class: "dt-error-summary", tabindex: "-1" },
      el("div", { role: "alert" },
        el("h2", { class: "dt-error-summary__title" }, "There is a problem"),
        el("ul", { class: "dt-error-summary__list" }, el("li", {}, el("a", { href: `#${first.id}` }, text)))));
    q.box.before(summary);
    document.title = `Error: ${pageTitle}`;
    summary.focus();
  }

  function onContinue() {
    if (!worker) return;
    const q = currentQuestion();
    if (pending) return; // already waiting for Python: the request goes as soon as it is ready
    const picked = [...q.box.querySelectorAll("input:checked")].map((i) => i.value);
    if (!picked.length) { showError(q); return; }
    chosen[q.id] = q.kind === "any_of" ? picked : picked[0];
    save();
    request(chosen);
  }

  function restart() {
    chosen = {};
    save();
    pending = null;
    request({});
  }

  function onClick(event) {
    const target = event.target.closest("button, a");
    if (!target || !stepBox.contains(target)) return;
    if (target.matches(".dt-continue")) onContinue();
    else if (target.matches(".dt-back")) request(withoutAnswer(step.answered.at(-1).question));
    else if (target.matches("[data-change]")) request(withoutAnswer(target.dataset.change));
    else if (target.matches(".dt-restart")) restart();
    else if (target.matches(".dt-print")) printResult();
    else if (target.matches(".dt-error-summary a")) {
      // Focus the field without putting anything in the URL.
      event.preventDefault();
      const input = stepBox.querySelector(target.getAttribute("href"));
      input?.focus();
      input?.scrollIntoView({ block: "center" });
    }
  }

  function onChange(event) {
    // GOV.UK checkboxes: "None of these" cannot be chosen with anything else.
    const input = event.target;
    if (input.type !== "checkbox" || !input.checked) return;
    const others = [...input.closest(".dt-checkboxes").querySelectorAll("input")].filter((i) => i !== input);
    for (const other of others) {
      if (input.hasAttribute("data-exclusive") || other.hasAttribute("data-exclusive")) other.checked = false;
    }
  }

  function printResult() {
    const stamp = stepBox.querySelector(".dt-result__printed");
    const today = new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    stamp.textContent = `Printed on ${today} from the Councillor Safety Toolkit, version ${data.version}. ` +
      "This is guidance, not legal advice.";
    document.documentElement.classList.add("dt-print-result");
    window.print();
  }

  function onMessage({ data: message }) {
    if (message.type === "ready") {
      ready = true;
      performance.mark("dt:engine-ready");
      if (pending) { const m = pending; pending = null; worker.postMessage(m); }
    } else if (message.type === "step") {
      if (message.id === seq) show(message.step);
    } else if (message.type === "invalid") {
      // Answers kept from an older version of the tool: start again rather than stop working.
      console.warn("Decision tool:", message.message);
      chosen = {};
      save();
      notice = "Your earlier answers no longer fit this tool, so it has started again.";
      request({});
    } else if (message.type === "error") {
      fail(message.message);
    }
  }

  root.addEventListener("click", onClick);
  root.addEventListener("change", onChange);
  try {
    worker = new Worker(workerUrl, { type: "module" });
  } catch (error) {
    fail(error);
    return { root, destroy() {} };
  }
  worker.addEventListener("message", onMessage);
  worker.addEventListener("error", (event) => { event.preventDefault(); fail(event.message || "the worker did not load"); });
  worker.addEventListener("messageerror", () => fail("a message could not be read"));
  worker.postMessage({ type: "init", runtime: new URL(root.dataset.runtime, location.href).href,
                       tools: new URL(root.dataset.tools, location.href).href });
  root.classList.add("dt-wizard--live");
  performance.mark("dt:first-question");
  if (Object.keys(chosen).length) request(chosen); // a reload: carry on where the reader was

  return {
    root,
    destroy() {
      worker?.terminate();
      worker = null;
      chosen = {};
      root.removeEventListener("click", onClick);
      root.removeEventListener("change", onChange);
    },
  };
}

// After "Print this result", print the whole page again next time.
addEventListener("afterprint", () => document.documentElement.classList.remove("dt-print-result"));

function update() {
  // Material's instant navigation swaps pages without reloading: drop wizards that left.
  for (const wizard of mounted) {
    if (!wizard.root.isConnected) { wizard.destroy(); mounted.delete(wizard); }
  }
  for (const root of document.querySelectorAll(".dt-wizard[data-tool]:not(.dt-wizard--live)")) {
    mounted.add(mount(root));
  }
}

// "Leave this site quickly" (quick-exit.js) asks every wizard to forget its answers first.
document.addEventListener("dt:exit", () => { for (const wizard of mounted) wizard.destroy(); mounted.clear(); });

if (window.document$) window.document$.subscribe(update); else update();
