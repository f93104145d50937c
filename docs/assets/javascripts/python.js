// The one way the page talks to Python: a module worker (python-worker.js) shared by whatever
// on the page needs it (the decision tools, the incident log), and a promise per request id.
//
//   const py = python({ runtime, tools });    // starts the worker once for these URLs
//   await py.ready;                           // Python loaded (rejects if it cannot start):
//                                             // { start: "snapshot" } or { start: "plain" }
//   const step = await py.call("step", { tool, answers, context });
//   py.release();                             // this consumer is done; the last one stops it
//
// A request Python cannot answer rejects with a PythonError whose kind is "invalid" (bad
// answers or a bad file: an answer, not a failure) or "failed" (Python could not start).

export class PythonError extends Error {
  constructor({ kind, message, part }) {
    super(message);
    this.kind = kind;
    this.part = part;  // for a bad incident log: "file", or "printed" (the fingerprint typed from paper)
  }
}

const running = new Map();

export function python({ runtime, tools }) {
  const key = `${runtime} ${tools}`;
  let client = running.get(key);
  if (!client) {
    client = start(runtime, tools, () => running.delete(key));
    running.set(key, client);
  }
  client.users += 1;
  return client;
}

function start(runtime, tools, forget) {
  const waiting = new Map();
  let seq = 0;
  let worker = null;
  let failure = null;
  const client = { users: 0, ready: null, call, release, get failed() { return failure !== null; } };

  function settle(id, message) {
    const promise = waiting.get(id);
    if (!promise) return;
    waiting.delete(id);
    if (message.error) promise.reject(new PythonError(message.error));
    else promise.resolve(message.ok);
  }

  function fail(message) {
    failure = { kind: "failed", message };
    worker?.terminate();
    worker = null;
    forget();
    for (const id of [...waiting.keys()]) settle(id, { error: failure });
  }

  function call(method, params) {
    if (failure) return Promise.reject(new PythonError(failure));
    const id = ++seq;
    const answer = new Promise((resolve, reject) => waiting.set(id, { resolve, reject }));
    worker.postMessage({ id, method, params });
    return answer;
  }

  function release() {
    client.users -= 1;
    if (client.users > 0) return;
    worker?.terminate();
    worker = null;
    forget();
  }

  try {
    worker = new Worker(new URL("python-worker.js", import.meta.url), { type: "module" });
  } catch (error) {
    fail(error.message);
    client.ready = Promise.reject(new PythonError(failure));
    client.ready.catch(() => {});
    return client;
  }
  worker.addEventListener("message", ({ data }) => settle(data.id, data));
  worker.addEventListener("error", (event) => { event.preventDefault(); fail(event.message || "the worker did not load"); });
  worker.addEventListener("messageerror", () => fail("a message could not be read"));
  client.ready = call("init", { runtime, tools });
  // Which start was used, for the bench and the tests: dt:python-start:snapshot or :plain.
  client.ready.then(({ start }) => performance.mark(`dt:python-start:${start}`), () => {});
  return client;
}
