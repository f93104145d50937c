// The incident log's one way to Python (decision_tools.incidents, in Pyodide):
//
//   await callPython("insights", { entries })  // { result: what the log shows }
//   await callPython("read-log", { data })     // { result: the file's entries } or { error }
//   releasePython()                            // the log has left the page: let Python go
//
// A call resolves with { result }, with { error: message } when Python will not accept a log
// (a bad file is an answer, not a failure), or with { failed: true } when Python could not start.
// It never rejects for those. Python starts on the first call, not with the page, so an empty log
// loads none of it.
//
// For now Python runs in the wizard's worker (wizard-worker.js), which takes
// { type: method, id, data } and answers with the same id; that stays inside this file.

const workerUrl = new URL("wizard-worker.js", import.meta.url);
// Which of a method's params the worker takes as its data.
const DATA = { insights: "entries", "read-log": "data" };

let worker = null;
let state = "off";          // off, starting, ready, failed
let seq = 0;
const waiting = new Map();  // request id -> resolve
const queue = [];           // requests made before Python was ready

// Where the build staged Pyodide and the decision_tools wheel: on the log's own element.
function stagedAt() {
  const root = document.querySelector(".incident-log[data-runtime][data-tools]");
  if (!root) throw new Error("the page does not say where Python is");
  return { runtime: new URL(root.dataset.runtime, location.href).href,
           tools: new URL(root.dataset.tools, location.href).href };
}

function start() {
  if (state !== "off") return;
  state = "starting";
  let staged;
  try {
    staged = stagedAt();
    worker = new Worker(workerUrl, { type: "module" });
  } catch (error) { failed(error); return; }
  worker.addEventListener("error", (event) => { event.preventDefault(); failed(event.message); });
  worker.addEventListener("message", ({ data }) => heard(data));
  worker.postMessage({ type: "init", ...staged });
}

function heard(message) {
  if (message.type === "ready") {
    state = "ready";
    while (queue.length) worker.postMessage(queue.shift());
  } else if (message.type === "error") {
    failed(message.message);
  } else if (waiting.has(message.id)) {
    const resolve = waiting.get(message.id);
    waiting.delete(message.id);
    resolve("error" in message ? { error: message.error } : { result: message.result });
  }
}

function failed(detail) {
  console.error("Incident log insights:", detail);
  worker?.terminate();
  worker = null;
  state = "failed";
  for (const resolve of waiting.values()) resolve({ failed: true });
  waiting.clear();
  queue.length = 0;
}

export function callPython(method, params) {
  if (!(method in DATA)) return Promise.reject(new Error(`Python has no method "${method}" for the incident log`));
  start();
  if (state === "failed") return Promise.resolve({ failed: true });
  const message = { type: method, id: ++seq, data: params[DATA[method]] };
  const answer = new Promise((resolve) => waiting.set(message.id, resolve));
  if (state === "ready") worker.postMessage(message); else queue.push(message);
  return answer;
}

// Calls still waiting are dropped, never answered: the log that made them has gone, and an
// answer now could only change a page the reader has left. The next call starts Python again.
export function releasePython() {
  worker?.terminate();
  worker = null;
  state = "off";
  waiting.clear();
  queue.length = 0;
}
