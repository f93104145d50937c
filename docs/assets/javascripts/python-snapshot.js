// The reader's own memory snapshot of Python with the decision tools imported, kept in Cache
// Storage on their device so the next visit starts in a fraction of the time. It holds code
// only: it is taken before Python answers anything (python-worker.js), so no answer, log entry
// or passphrase is ever in it, and "Start again" or the quick exit have nothing to clear here.
//
// One entry at a time, named by the runtime's version and the wheel's sha256: a site updated to
// another runtime or other tools no longer finds the old entry, and the old one is deleted.
// Kept as its pages that hold anything (python-snapshot-pages.js).
// Anything wrong (no Cache Storage, as on a plain-http intranet; storage full; a bad entry) means
// a plain start, never an error for the reader.

import { packSnapshot, unpackSnapshot } from "./python-snapshot-pages.js";

export const SNAPSHOT_CACHE = "toolkit-python-snapshot";

// Never requested over the network: a name in Cache Storage, beside the wheel it was made from.
export function snapshotKey(tools, runtimeVersion, wheelSha256) {
  return new URL(`python-snapshot/${encodeURIComponent(runtimeVersion)}/${wheelSha256}`, tools).href;
}

async function openShelf() {
  try {
    return self.caches ? await self.caches.open(SNAPSHOT_CACHE) : null;
  } catch {
    return null;  // storage switched off, or refused in this context
  }
}

// The snapshot kept for `key` as { bytes: a promise of its bytes, so reading them overlaps with
// loading the runtime }, or null when there is none. A bad entry rejects the promise.
export async function findSnapshot(key) {
  const shelf = await openShelf();
  const found = await shelf?.match(key).catch(() => undefined);
  if (!found) return null;
  const bytes = found.arrayBuffer().then(unpackSnapshot);
  bytes.catch(() => {});  // awaited by the start; this keeps a refused entry from being logged as unhandled
  return { bytes };
}

export async function forgetSnapshot(key) {
  const shelf = await openShelf();
  await shelf?.delete(key).catch(() => false);
}

// Keep `bytes` under `key`. Never throws.
export async function keepSnapshot(key, bytes) {
  const shelf = await openShelf();
  try {
    await shelf?.put(key, new Response(packSnapshot(bytes), { headers: { "Content-Type": "application/octet-stream" } }));
  } catch {
    await shelf.delete(key).catch(() => false);  // a half-written entry must not be found next time
  }
}

// Delete every snapshot but `key`'s: those of another runtime or other tools are never used again.
export async function forgetOtherSnapshots(key) {
  const shelf = await openShelf();
  for (const old of await shelf?.keys().catch(() => []) ?? []) {
    if (old.url !== key) await shelf.delete(old).catch(() => false);
  }
}

export async function canKeepSnapshots() {
  return (await openShelf()) !== null;
}
