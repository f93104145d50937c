// Module worker: load the self-hosted Pyodide and the decision_tools wheel, then answer
// "evaluate" messages. Answers never leave this browser.

let evaluateJson;

async function init(runtime, tools) {
  const { loadPyodide } = await import(`${runtime}pyodide.mjs`);
  const pyodide = await loadPyodide({ indexURL: runtime, lockFileURL: `${tools}pyodide-lock.json` });
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
`);
  evaluateJson = pyodide.globals.get("_evaluate_json");
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "init") {
      await init(data.runtime, data.tools);
      self.postMessage({ type: "ready" });
    } else if (data.type === "evaluate") {
      const step = JSON.parse(evaluateJson(data.tool, JSON.stringify(data.answers)));
      self.postMessage(step.error ? { type: "error", message: step.error } : { type: "step", step });
    }
  } catch (error) {
    self.postMessage({ type: "error", message: `The tool could not start: ${error.message}` });
  }
};
