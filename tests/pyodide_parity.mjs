// Answer decision-tool requests inside Pyodide (the pinned npm package) through the glue the
// browser's worker calls, decision_tools.browser.handle, and print a digest of each answer, so a
// test can compare them with CPython's.
//
//   node tests/pyodide_parity.mjs WHEEL REQUESTS_JSON
//
// WHEEL is the decision_tools wheel built by build_hooks.runtime.build_wheel, loaded from the
// local file (never by package name: in Node a missing package falls back to a CDN).
// REQUESTS_JSON is a file holding [request, ...], each what python.js sends the worker:
// {"method", "params"}. Prints {"python", "module", "digests": [sha256 of each answer], "outside"}.
// Any attempt to fetch from the network fails.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const indexURL = path.join(root, "node_modules", "pyodide") + path.sep;
const [wheelPath, requestsPath] = process.argv.slice(2);
if (!wheelPath || !requestsPath) {
  console.error("usage: node tests/pyodide_parity.mjs WHEEL REQUESTS_JSON");
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
pyodide.globals.set("requests_json", readFileSync(requestsPath, "utf8"));
const out = pyodide.runPython(`
import hashlib, json, sys
sys.path.insert(0, "/parity")
import decision_tools
from decision_tools.browser import handle
digests = [hashlib.sha256(handle(json.dumps(r)).encode()).hexdigest() for r in json.loads(requests_json)]
json.dumps({"python": sys.version.split()[0], "module": decision_tools.__file__, "digests": digests})
`);
const parsed = JSON.parse(out);
parsed.outside = outside;
process.stdout.write(JSON.stringify(parsed));
