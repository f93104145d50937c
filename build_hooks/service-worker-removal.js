// Written as service-worker.js when the toolkit's offline use is switched off (build_hooks/offline.py):
// in a browser that still has the toolkit's worker, this takes its place at once, deletes the
// toolkit's offline caches and removes itself, so every page comes from the site again.

const PREFIX = "toolkit-offline-";

async function remove() {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
  await Promise.all(names.map((name) => caches.delete(name)));
  await self.registration.unregister();
}

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(remove()));
