// Evaluate decision-tool answer paths inside Pyodide (the pinned npm package) and print the
// results as JSON, so a test can compare them with CPython's.
//
//   node tests/pyodide_parity.mjs WHEEL PATHS_JSON
//
// WHEEL is the decision_tools wheel built by build_hooks.runtime.build_wheel, loaded from the
// local file (never by package name: in Node a missing package falls back to a CDN). PATHS_JSON
// is a file holding [{"tool", "answers"}, ...]; bad input gives {"error": "Class: message"}.
// Any attempt to fetch from the network fails.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const indexURL = path.join(root, "node_modules", "pyodide") + path.sep;
const [wheelPath, pathsPath] = process.argv.slice(2);
if (!wheelPath || !pathsPath) {
  console.error("usage: node tests/pyodide_parity.mjs WHEEL PATHS_JSON");
  process.exit(2);
}

const outside = [];
const realFetch = globalThis.fetch;
globalThis.fetch = (resource, ...rest) => {
  const url = String(resource && resource.url ? resource.url : resource);
  if (/^(https?|wss?):/.test(url)) {
    outside.push(url);
    return Promise.reject(new Error(`network fetch refused: ${url}`));
  }
  return realFetch(resource, ...rest);
};

const { loadPyodide } = await import(pathToFileURL(path.join(indexURL, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL });
// A Node Buffer is not a plain typed array to Pyodide: copy it into one.
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel", { extractDir: "/parity" });
pyodide.globals.set("paths_json", readFileSync(pathsPath, "utf8"));
const results = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/parity")
import decision_tools
out = {"python": sys.version.split()[0], "module": decision_tools.__file__,
       "results": []}
for p in json.loads(paths_json):
    try:
        out["results"].append(decision_tools.evaluate(p["tool"], p["answers"]))
    except decision_tools.DecisionToolError as error:
        out["results"].append({"error": type(error).__name__ + ": " + str(error)})
json.dumps(out, sort_keys=True)
`);
const parsed = JSON.parse(results);
parsed.outside = outside;
process.stdout.write(JSON.stringify(parsed));
