// Module worker: load the self-hosted Pyodide and the decision_tools wheel (by name, from the
// site's own pyodide-lock.json, sha256 checked), then answer "evaluate" messages. It keeps no
// answers: each message carries them all and the engine replays them. Nothing leaves the browser.
// The incident log uses the same worker for "insights" and "read-log" (decision_tools.incidents).

let evaluateJson;
let incidentsJson;

async function init(runtime, tools) {
  const { loadPyodide } = await import(`${runtime}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL: runtime, lockFileURL: `${tools}pyodide-lock.json`,
                                      stdout: () => {}, stderr: () => {} });
  const failed = [];
  await pyodide.loadPackage("decision-tools", { errorCallback: (m) => failed.push(m), messageCallback: () => {} });
  if (failed.length) throw new Error(failed.join("; "));
  pyodide.runPython(`
import json, decision_tools
def _evaluate_json(tool, answers):
    try:
        return json.dumps(decision_tools.evaluate(tool, json.loads(answers)))
    except decision_tools.DecisionToolError as error:
        return json.dumps({"error": str(error)})
from decision_tools import incidents as _incidents
def _incidents_json(action, data):
    try:
        run = _incidents.insights if action == "insights" else _incidents.read_log
        return json.dumps({"result": run(json.loads(data))})
    except _incidents.IncidentLogError as error:
        return json.dumps({"error": str(error)})
`);
  evaluateJson = pyodide.globals.get("_evaluate_json");
  incidentsJson = pyodide.globals.get("_incidents_json");
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "init") {
      await init(data.runtime, data.tools);
      self.postMessage({ type: "ready" });
    } else if (data.type === "evaluate") {
      const step = JSON.parse(evaluateJson(data.tool, JSON.stringify(data.answers)));
      self.postMessage(step.error ? { type: "error", id: data.id, message: step.error }
                                  : { type: "step", id: data.id, step });
    } else if (data.type === "insights" || data.type === "read-log") {
      // A bad log is an answer, not a failure: it comes back as { error } with the same id.
      self.postMessage({ type: data.type, id: data.id, ...JSON.parse(incidentsJson(data.type, JSON.stringify(data.data))) });
    }
  } catch (error) {
    self.postMessage({ type: "error", id: data.id, message: `The tool could not start: ${error.message}` });
  }
};
