// Main thread: render the decision tools. Python runs in a module worker (wizard-worker.js),
// so the page never freezes while Pyodide loads. (Walking skeleton: grown by the wizard issue.)

const workerUrl = new URL("wizard-worker.js", import.meta.url);

function mount(root) {
  if (root.dataset.mounted) return;
  root.dataset.mounted = "true";
  const tool = root.dataset.tool;
  const answers = {};
  const worker = new Worker(workerUrl, { type: "module" });
  const status = root.querySelector(".dt-wizard__status");
  status.textContent = "Getting the tool ready…";

  worker.onmessage = ({ data }) => {
    if (data.type === "error") { status.textContent = data.message; return; }
    if (data.type === "ready" || data.type === "step") {
      if (data.type === "ready") worker.postMessage({ type: "evaluate", tool, answers });
      else render(data.step);
    }
  };
  worker.postMessage({ type: "init", runtime: new URL(root.dataset.runtime, location.href).href,
                       tools: new URL(root.dataset.tools, location.href).href });

  function render(step) {
    root.replaceChildren();
    if (step.status === "result") {
      const h = document.createElement("h2");
      h.className = "dt-result__title";
      h.textContent = step.result.title;
      const p = document.createElement("p");
      p.textContent = step.result.summary;
      root.append(h, p);
      return;
    }
    const q = step.question;
    const form = document.createElement("form");
    const fieldset = document.createElement("fieldset");
    const legend = document.createElement("legend");
    legend.textContent = q.text;
    fieldset.append(legend);
    for (const option of q.options) {
      const label = document.createElement("label");
      const input = document.createElement("input");
      input.type = "radio"; input.name = q.id; input.value = option.value;
      label.append(input, " ", option.label);
      fieldset.append(label);
    }
    const button = document.createElement("button");
    button.type = "submit"; button.textContent = "Continue"; button.className = "md-button";
    form.append(fieldset, button);
    form.onsubmit = (event) => {
      event.preventDefault();
      const chosen = form.querySelector("input:checked");
      if (!chosen) return;
      answers[q.id] = chosen.value;
      worker.postMessage({ type: "evaluate", tool, answers });
    };
    root.append(form);
    legend.tabIndex = -1;
    legend.focus();
  }
}

function mountAll() { document.querySelectorAll(".dt-wizard[data-tool]").forEach(mount); }

// Material's instant navigation swaps pages without re-running scripts: follow document$.
if (window.document$) window.document$.subscribe(mountAll); else mountAll();
