// The incident log's form: building it, reading it, filling it, checking it, and showing what
// is wrong the GOV.UK way (a summary that links to each field, and a message on the field). The
// import field uses the same error markup.

import { el, hidden } from "./dom.js";
import { TEXT_FIELDS } from "./incident-entries.js";

function field(id, label, hint, control) {
  return el("div", { class: "dt-field il-field", "data-field": id },
    el("label", { class: "il-label", for: `il-${id}` }, label),
    hint ? el("div", { class: "dt-hint", id: `il-${id}-hint` }, hint) : null,
    control);
}

function textInput(id, { multiline = false, type = "text", autocomplete = "off" } = {}) {
  const attrs = { id: `il-${id}`, name: id, class: multiline ? "il-input il-textarea" : "il-input",
    "aria-describedby": `il-${id}-hint`, autocomplete };
  return multiline ? el("textarea", { ...attrs, rows: "4" }) : el("input", { ...attrs, type });
}

function checkbox(id, label) {
  return el("div", { class: "dt-checkboxes__item" },
    el("input", { class: "dt-checkboxes__input", type: "checkbox", id: `il-${id}`, name: id }),
    el("label", { class: "dt-checkboxes__label", for: `il-${id}` }, label));
}

function whenFields() {
  return el("fieldset", { class: "dt-fieldset il-when", "aria-describedby": "il-when-hint" },
    el("legend", { class: "il-legend" }, "When did it happen?"),
    el("div", { class: "dt-hint", id: "il-when-hint" }, "If you are not sure, give your best guess."),
    el("div", { class: "il-when__parts" },
      field("date", "Date", "", el("input", { id: "il-date", name: "date", type: "date", class: "il-input il-input--date" })),
      field("time", "Time", "", el("input", { id: "il-time", name: "time", type: "time", class: "il-input il-input--time" }))));
}

function channelField(data) {
  const channels = Object.entries(data.channels).map(([value, label]) => el("div", { class: "dt-radios__item" },
    el("input", { class: "dt-radios__input", type: "radio", id: `il-channel-${value}`, name: "channel", value }),
    el("label", { class: "dt-radios__label", for: `il-channel-${value}` }, label)));
  return el("div", { class: "dt-field il-field", "data-field": "channel" },
    el("fieldset", { class: "dt-fieldset", id: "il-channel" },
      el("legend", { class: "il-legend" }, "How did it happen?"),
      el("div", { class: "dt-radios" }, channels)));
}

export function formView(data) {
  return el("form", { class: "il-form", novalidate: true },
    el("div", { class: "il-form__errors" }),
    whenFields(),
    channelField(data),
    field("platform", "Where exactly? (optional)",
      "For example X, Facebook, the email address or the phone number it came from.", textInput("platform")),
    field("who", "Who was it? (optional)",
      "Their name or account name, if you know it. Leave this blank if you do not know.", textInput("who")),
    field("what", "What was said or done?",
      "Write down the exact words if you can, and anything that worried you.", textInput("what", { multiline: true })),
    el("fieldset", { class: "dt-fieldset il-field" },
      el("legend", { class: "il-legend" }, "Was it a threat?"),
      el("div", { class: "dt-checkboxes" }, checkbox("threat", "It threatened me, my family or my home"))),
    field("evidence", "Where is the evidence? (optional)",
      "For example screenshot file names, links to posts, or where you keep a letter. Take screenshots before you block or report anyone.",
      textInput("evidence", { multiline: true })),
    field("effect", "How did it affect you? (optional)",
      "For example, if you felt frightened, could not sleep or changed your routine.", textInput("effect", { multiline: true })),
    field("told", "Who have you told? (optional)",
      "For example member support or the police, and any reference numbers they gave you.", textInput("told", { multiline: true })),
    el("div", { class: "dt-checkboxes il-field" }, checkbox("told_police", "I have reported it to the police")),
    field("follow_up", "What happens next? (optional)",
      "Anything you need to do or chase, with dates.", textInput("follow_up", { multiline: true })),
    el("div", { class: "dt-actions" },
      el("button", { type: "submit", class: "md-button md-button--primary il-save" }, "Save this incident"),
      el("button", { type: "button", class: "md-button il-cancel", hidden: true }, "Cancel")));
}

export function readForm(form) {
  const value = (name) => form.elements[name].value;
  return {
    date: value("date"), time: value("time"), channel: form.querySelector("input[name=channel]:checked")?.value ?? "",
    ...Object.fromEntries(TEXT_FIELDS.map((name) => [name, value(name).trim()])),
    threat: form.elements.threat.checked, told_police: form.elements.told_police.checked,
  };
}

// The entry to change, or (no entry) an empty form dated now.
export function fillForm(form, entry) {
  form.reset();
  if (!entry) {
    const now = new Date();
    const pad = (n) => String(n).padStart(2, "0");
    form.elements.date.value = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    form.elements.time.value = `${pad(now.getHours())}:${pad(now.getMinutes())}`;
    return;
  }
  [form.elements.date.value, form.elements.time.value] = entry.when.split("T");
  const channel = form.querySelector(`input[name=channel][value="${entry.channel}"]`);
  if (channel) channel.checked = true;
  for (const name of TEXT_FIELDS) form.elements[name].value = entry[name] ?? "";
  form.elements.threat.checked = Boolean(entry.threat);
  form.elements.told_police.checked = Boolean(entry.told_police);
}

// [field name, id to link to, message] for each answer the form still needs.
export function problems(values, firstChannel) {
  const found = [];
  if (!values.date) found.push(["date", "il-date", "Enter the date it happened, or your best guess"]);
  if (!values.time) found.push(["time", "il-time", "Enter the time it happened, or your best guess"]);
  if (!values.channel) found.push(["channel", `il-channel-${firstChannel}`, "Select how it happened"]);
  if (!values.what) found.push(["what", "il-what", "Describe what was said or done"]);
  return found;
}

export function errorSummary(items) {
  return el("div", { class: "dt-error-summary", tabindex: "-1" },
    el("div", { role: "alert" },
      el("h2", { class: "dt-error-summary__title" }, "There is a problem"),
      el("ul", { class: "dt-error-summary__list" }, items.map(([, target, text]) =>
        el("li", {}, el("a", { href: `#${target}` }, text))))));
}

export function clearErrors(scope) {
  scope.querySelectorAll(".dt-error-message").forEach((m) => m.remove());
  scope.querySelectorAll(".dt-field--error").forEach((f) => f.classList.remove("dt-field--error"));
  scope.querySelectorAll("[aria-invalid]").forEach((i) => {
    i.removeAttribute("aria-invalid");
    const ids = (i.getAttribute("aria-describedby") || "").split(" ").filter((id) => id && !id.endsWith("-error"));
    if (ids.length) i.setAttribute("aria-describedby", ids.join(" ")); else i.removeAttribute("aria-describedby");
  });
}

export function markError(box, input, id, text) {
  box.classList.add("dt-field--error");
  const message = el("p", { class: "dt-error-message", id: `${id}-error` }, hidden("Error: "), text);
  const anchor = box.querySelector(".dt-hint") ?? box.querySelector("label, legend");
  anchor.after(message);
  input.setAttribute("aria-invalid", "true");
  input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), `${id}-error`].filter(Boolean).join(" "));
}

// The box at the top of the form, for its error summary or a save that went wrong.
export const showAboveForm = (form, ...boxes) => form.querySelector(".il-form__errors").replaceChildren(...boxes);

// No errors shown in the form, neither the summary nor on any field.
export function clearFormErrors(form) {
  clearErrors(form);
  showAboveForm(form);
}

// The summary above the form and a message on each field; returns the summary, to focus.
export function markFormErrors(form, found) {
  const summary = errorSummary(found);
  showAboveForm(form, summary);
  for (const [name, , text] of found) {
    const box = form.querySelector(`[data-field="${name}"]`);
    const input = name === "channel" ? box.querySelector("fieldset") : form.elements[name];
    markError(box, input, `il-${name}`, text);
  }
  return summary;
}
