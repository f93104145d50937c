// Where the incident log is kept: this browser's IndexedDB, one record per incident, so two
// open tabs never overwrite each other's entries; and a BroadcastChannel, so each tab hears
// when another has changed the log. Nothing here leaves the browser.

const DB_NAME = "councillor-safety-toolkit";
const STORE = "incidents";
const CHANNEL = "councillor-safety-toolkit:incident-log";

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function openLog() {
  const req = indexedDB.open(DB_NAME, 1);
  req.onupgradeneeded = () => req.result.createObjectStore(STORE, { keyPath: "id" });
  req.onblocked = () => {};
  return request(req);
}

// One transaction: resolves once the change is on disk, rejects if any part of it failed.
function write(db, change) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, "readwrite");
    try { change(tx.objectStore(STORE)); } catch (error) { try { tx.abort(); } catch { /* already done */ } reject(error); return; }
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("The change was not saved."));
  });
}

export const readAll = (db) => request(db.transaction(STORE).objectStore(STORE).getAll());
export const readOne = (db, id) => request(db.transaction(STORE).objectStore(STORE).get(id));
export const putAll = (db, entries) => write(db, (store) => entries.forEach((e) => store.put(e)));
export const remove = (db, id) => write(db, (store) => store.delete(id));
export const clearAll = (db) => write(db, (store) => store.clear());

// The log's other tabs and windows: tell() them this one changed the log; onChange runs
// when one of them did. Without BroadcastChannel each tab sees the others' changes on reload.
export function otherTabs(onChange) {
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(CHANNEL) : null;
  channel?.addEventListener("message", () => onChange());
  return {
    tell() { channel?.postMessage({ type: "changed" }); },
    close() { channel?.close(); },
  };
}
