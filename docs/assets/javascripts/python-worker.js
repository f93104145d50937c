// Module worker: loads the self-hosted Pyodide and the decision_tools wheel (named in the site's
// own pyodide-lock.json, sha256 checked), then answers requests through one Python function,
// decision_tools.browser.handle: JSON in, JSON out. It keeps nothing: each request carries what
// it needs. Nothing leaves the browser. The page talks to it only through python.js.
//
// Two ways to start. The first visit starts Python plainly, then keeps a memory snapshot of it
// (python-snapshot.js); later visits start from that snapshot, several times faster. A snapshot
// that is missing, unreadable or refused falls back to a plain start, silently. The answer to
// "init" says which start was used: { start: "snapshot" } or { start: "plain" }.

import { canKeepSnapshots, findSnapshot, forgetOtherSnapshots, forgetSnapshot, keepSnapshot,
         snapshotKey } from "./python-snapshot.js";

const PACKAGE = "decision-tools";
let handle = null;

// The site's lock file, and its entry for the wheel: file name, version and sha256.
async function readLock(tools) {
  const response = await fetch(`${tools}pyodide-lock.json`);
  if (!response.ok) throw new Error(`pyodide-lock.json could not be fetched (${response.status})`);
  const text = await response.text();
  const entry = JSON.parse(text).packages?.[PACKAGE];
  if (!entry?.file_name || !/^[0-9a-f]{64}$/.test(entry.sha256 ?? "")) {
    throw new Error(`pyodide-lock.json has no usable entry for ${PACKAGE}`);
  }
  return { text, entry };
}

// The wheel's bytes, checked against the lock file by the browser itself (Subresource Integrity
// works over plain http too, where crypto.subtle is not available).
async function fetchWheel(tools, entry) {
  const digest = String.fromCharCode(...entry.sha256.match(/../g).map((pair) => parseInt(pair, 16)));
  const response = await fetch(`${tools}${entry.file_name}`, { integrity: `sha256-${btoa(digest)}` });
  if (!response.ok) throw new Error(`${entry.file_name} could not be fetched (${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

// Unpack the wheel into site-packages and import the tools. After a snapshot start the modules
// are already in memory, but not their files (each tool's words, read when first needed): a
// snapshot holds memory, not the file system, so the wheel is unpacked on every start.
function install(pyodide, wheel, version) {
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: sitePackages });
  const found = pyodide.pyimport("decision_tools").__version__;
  if (found !== version) throw new Error(`decision_tools ${found} was found where ${version} was expected`);
  return pyodide.pyimport("decision_tools.browser").handle;
}

async function fromSnapshot(loadPyodide, options, saved, wheel, version) {
  const pyodide = await loadPyodide({ ...options, _loadSnapshot: saved.bytes });
  return install(pyodide, await wheel, version);
}

function snapshotOf(pyodide) {
  try {
    return pyodide.makeMemorySnapshot();
  } catch {
    return null;  // this runtime cannot take one: every visit starts plainly
  }
}

async function init({ runtime, tools }) {
  const [{ loadPyodide, version: runtimeVersion }, { text, entry }] =
    await Promise.all([import(`${runtime}pyodide.mjs`), readLock(tools)]);
  const wheel = fetchWheel(tools, entry);
  wheel.catch(() => {});  // awaited below; this only keeps an early failure from being reported twice
  const key = snapshotKey(tools, runtimeVersion, entry.sha256);
  const options = { indexURL: runtime, lockFileContents: text, stdout: () => {}, stderr: () => {} };
  const saved = await findSnapshot(key);
  if (saved) {
    try {
      handle = await fromSnapshot(loadPyodide, options, saved, wheel, entry.version);
      return { start: "snapshot", afterReady: () => forgetOtherSnapshots(key) };
    } catch {
      await forgetSnapshot(key);  // unreadable, or from another build of the runtime: start plainly
    }
  }
  const keeping = await canKeepSnapshots();
  const pyodide = await loadPyodide({ ...options, _makeSnapshot: keeping });
  const ready = install(pyodide, await wheel, entry.version);
  return { start: "plain", afterReady() {
    // Taken in the same task as the "ready" message and before `handle` is set, so before Python
    // has answered anything: the snapshot holds the tools' code and never a reader's answers.
    const bytes = keeping ? snapshotOf(pyodide) : null;
    handle = ready;
    if (bytes) keepSnapshot(key, bytes).then(() => forgetOtherSnapshots(key));
  } };
}

function answer(id, text) {
  const reply = JSON.parse(text);
  self.postMessage(reply.error ? { id, error: reply.error } : { id, ok: reply.ok });
}

self.onmessage = async ({ data: { id, method, params } }) => {
  try {
    if (method === "init") {
      const started = await init(params);
      self.postMessage({ id, ok: { start: started.start } });
      started.afterReady();
    } else if (!handle) {
      self.postMessage({ id, error: { kind: "failed", message: "Python is not ready" } });
    } else {
      answer(id, handle(JSON.stringify({ method, params })));
    }
  } catch (error) {
    self.postMessage({ id, error: { kind: "failed", message: `The tools could not start: ${error.message}` } });
  }
};
