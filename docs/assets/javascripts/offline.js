// Offline use after the first visit: registers the toolkit's service worker (service-worker.js at
// the site root, written by the build), which keeps the pages, and once a tool has been used the
// Python runtime, so the toolkit works with no connection. Browsers allow a service worker only
// in a secure context (HTTPS, or this machine): elsewhere nothing is registered and the site works
// as before, online. The root is found from this file's own address, so a site under a folder
// (such as /toolkit/) gets a worker for that folder only.

const ROOT = new URL("../../", import.meta.url);

function register() {
  navigator.serviceWorker.register(new URL("service-worker.js", ROOT), { scope: ROOT.pathname })
    // Without the worker the site still works online; there is nothing for a reader to do.
    .catch(() => {});
}

if (window.isSecureContext && "serviceWorker" in navigator) {
  // After the page has loaded, so storing the toolkit never slows the page being read.
  if (document.readyState === "complete") register();
  else window.addEventListener("load", register, { once: true });
}
