// Module worker: loads the self-hosted Pyodide and the decision_tools wheel (by name, from the
// site's own pyodide-lock.json, sha256 checked), then answers requests through one Python
// function, decision_tools.browser.handle: JSON in, JSON out. It keeps nothing: each request
// carries what it needs. Nothing leaves the browser. The page talks to it only through python.js.

let handle = null;

async function init({ runtime, tools }) {
  const { loadPyodide } = await import(`${runtime}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL: runtime, lockFileURL: `${tools}pyodide-lock.json`,
                                      stdout: () => {}, stderr: () => {} });
  const failed = [];
  await pyodide.loadPackage("decision-tools", { errorCallback: (m) => failed.push(m), messageCallback: () => {} });
  if (failed.length) throw new Error(failed.join("; "));
  handle = pyodide.pyimport("decision_tools.browser").handle;
}

function answer(id, text) {
  const reply = JSON.parse(text);
  self.postMessage(reply.error ? { id, error: reply.error } : { id, ok: reply.ok });
}

self.onmessage = async ({ data: { id, method, params } }) => {
  try {
    if (method === "init") {
      await init(params);
      self.postMessage({ id, ok: true });
    } else if (!handle) {
      self.postMessage({ id, error: { kind: "failed", message: "Python is not ready" } });
    } else {
      answer(id, handle(JSON.stringify({ method, params })));
    }
  } catch (error) {
    self.postMessage({ id, error: { kind: "failed", message: `The tools could not start: ${error.message}` } });
  }
};
