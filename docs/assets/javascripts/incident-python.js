// The incident log's one way to Python (decision_tools.incidents, in Pyodide), through the
// page's shared worker client (python.js):
//
//   await callPython("insights", { entries })  // { result: what the log shows }
//   await callPython("fingerprint", { entries })          // { result: 64 hex digits }
//   await callPython("check-copy", { text, printed })     // { result: what the file holds } or { error, part }
//   releasePython()                            // the log has left the page: let Python go
//
// A call resolves with { result }, with { error: message } when Python will not accept a log
// (a bad file is an answer, not a failure), or with { failed: true } when Python could not start.
// It never rejects for those. Python starts on the first call, not with the page, so an empty log
// loads none of it.

import { python } from "./python.js";

let client = null;

// Where the build staged Pyodide and the decision_tools wheel: on the log's own element.
function stagedAt() {
  const root = document.querySelector(".incident-log[data-runtime][data-tools]");
  if (!root) throw new Error("the page does not say where Python is");
  return { runtime: new URL(root.dataset.runtime, location.href).href,
           tools: new URL(root.dataset.tools, location.href).href };
}

export async function callPython(method, params) {
  try {
    client ??= python(stagedAt());
    await client.ready;
    return { result: await client.call(method, params) };
  } catch (error) {
    if (error.kind === "invalid") return { error: error.message, part: error.part };
    console.error("Incident log insights:", error.message);
    return { failed: true };
  }
}

// Calls still waiting are dropped by the client: the log that made them has gone. The next call
// starts Python again.
export function releasePython() {
  client?.release();
  client = null;
}
