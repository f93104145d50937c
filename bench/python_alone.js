// Benchmark only, never shipped: the floor under "Python ready". A page with nothing on it but
// what a tool page uses to start Python: python.js and its worker, the kept snapshot and the
// service worker (offline.js). No theme, no stylesheet, no wizard. Its time to Python ready is
// the runtime's own on this machine and browser, with nothing else on the page to slow it.
// bench/browser.py writes the page beside each tool page, with the tool page's runtime and tools.
import { python } from "../javascripts/python.js";
import "../javascripts/offline.js";

const root = document.querySelector("[data-runtime]");
const py = python({ runtime: new URL(root.dataset.runtime, location.href).href,
                    tools: new URL(root.dataset.tools, location.href).href });
performance.mark("dt:first-question");  // the worker is started: as the wizard marks it
py.ready.then(() => performance.mark("dt:engine-ready"), () => {});
