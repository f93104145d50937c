// The toolkit's service worker: after one visit, the toolkit opens, searches, runs its tools and
// keeps the incident log with no connection. build_hooks/offline.py writes it into the site as
// service-worker.js, with RELEASE filled in: the version, every file the pages need with its
// SHA-256, and the versioned runtime folders. It stores built files only, never a reader's answers
// (those stay in the tab's sessionStorage, and the incident log in IndexedDB).
//
// One release at a time, never a mix: every page and its files are served from the one cache
// this release filled (cache-first), so a page never meets a script of another release. A new
// release installs in the background (every file, each checked against its hash, or none: a
// failed install leaves the old release in place), waits until the toolkit's tabs are closed,
// and on its next opening takes over and deletes the old release's cache.

const RELEASE = null; // filled in by build_hooks/offline.py
const PREFIX = "toolkit-offline-";
const PRECACHE = `${PREFIX}${RELEASE.version}`;
// The Pyodide runtime and the decision tools: folders named by version, so a file there never
// changes under its name and may be served from this cache first.
const RUNTIME_CACHE = `${PREFIX}runtime`;
const ROOT = new URL("./", self.location);
const NOT_FOUND = new URL("404.html", ROOT).href;

// A copy without the "redirected" mark: a page answered with a redirected response is refused.
async function plain(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function storeFile(cache, [path, integrity]) {
  const url = new URL(path, ROOT);
  // "no-cache": asked of the site itself, never an older copy a browser or proxy kept.
  const response = await fetch(url, { cache: "no-cache", credentials: "same-origin", integrity });
  if (!response.ok) throw new Error(`${url.pathname}: the site answered ${response.status}`);
  await cache.put(url, await plain(response));
}

async function install() {
  const cache = await caches.open(PRECACHE);
  try {
    await Promise.all(RELEASE.files.map((file) => storeFile(cache, file)));
  } catch (error) {
    await caches.delete(PRECACHE);  // nothing half-stored is left behind
    throw error;
  }
}

// Runtime files of versions this release no longer uses.
async function pruneRuntime() {
  const cache = await caches.open(RUNTIME_CACHE);
  const kept = RELEASE.runtime.map((folder) => new URL(folder, ROOT).href);
  const old = (await cache.keys()).filter((request) => !kept.some((folder) => request.url.startsWith(folder)));
  await Promise.all(old.map((request) => cache.delete(request)));
}

async function activate() {
  // Only this worker's own caches: another part of the toolkit may keep caches of its own.
  const older = (await caches.keys()).filter((name) => name.startsWith(PREFIX) && name !== PRECACHE && name !== RUNTIME_CACHE);
  await Promise.all(older.map((name) => caches.delete(name)));
  await pruneRuntime();
  // The page that registered a first install is served from now on. After an update no page of
  // the old release is open any more (the update waited for that), so nothing mixes.
  await self.clients.claim();
}

function stripIndex(url) {
  const copy = new URL(url);
  if (copy.pathname.endsWith("/index.html")) copy.pathname = copy.pathname.slice(0, -"index.html".length);
  return copy.href;
}

async function page(request) {
  const cache = await caches.open(PRECACHE);
  const kept = await cache.match(stripIndex(request.url), { ignoreSearch: true });
  if (kept) return kept;
  try {
    return await fetch(request);
  } catch (error) {
    return (await cache.match(NOT_FOUND)) || Response.error();
  }
}

// With no connection, a file this release does not store (the browser's own guess at
// /favicon.ico, say) is answered "not found" rather than left to fail.
function notStored() {
  return new Response(null, { status: 404, statusText: "Not stored for offline use" });
}

async function siteFile(request) {
  const kept = await (await caches.open(PRECACHE)).match(request);
  return kept || fetch(request).catch(notStored);
}

async function runtimeFile(request) {
  const cache = await caches.open(RUNTIME_CACHE);
  const kept = await cache.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  // Whole answers from the site only (not a part of a file, not an error).
  if (response.status === 200 && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

function isRuntime(url) {
  return RELEASE.runtime.some((folder) => url.startsWith(new URL(folder, ROOT).href));
}

self.addEventListener("install", (event) => event.waitUntil(install()));
self.addEventListener("activate", (event) => event.waitUntil(activate()));
self.addEventListener("fetch", (event) => {
  const { request } = event;
  // Only the site's own files are stored: nothing sent (POST), nothing from another host.
  if (request.method !== "GET" || !request.url.startsWith(ROOT.href)) return;
  if (request.mode === "navigate") event.respondWith(page(request));
  else if (isRuntime(request.url)) event.respondWith(runtimeFile(request));
  else event.respondWith(siteFile(request));
});
