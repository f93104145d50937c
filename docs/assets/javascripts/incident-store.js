// Where the incident log is kept: this browser's IndexedDB, one record per incident, so two
// open tabs never overwrite each other's entries; the log's settings beside them (its lock, when
// a copy was last saved, whether persistent storage was asked for); and a BroadcastChannel, so
// each tab hears when another has changed the log. Nothing here leaves the browser.

const DB_NAME = "councillor-safety-toolkit";
const STORE = "incidents";
const SETTINGS = "settings";
const CHANNEL = "councillor-safety-toolkit:incident-log";

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

// Version 2 added the settings. onBlocked runs while a tab with an older toolkit holds version 1 open.
export async function openLog(onBlocked = () => {}) {
  const req = indexedDB.open(DB_NAME, 2);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains(STORE)) db.createObjectStore(STORE, { keyPath: "id" });
    if (!db.objectStoreNames.contains(SETTINGS)) db.createObjectStore(SETTINGS, { keyPath: "name" });
  };
  req.onblocked = onBlocked;
  const db = await request(req);
  db.onversionchange = () => db.close();  // a newer toolkit in another tab is upgrading: let it
  return db;
}

// One transaction over the entries and the settings: resolves once the change is on disk,
// rejects if any part of it failed, and then none of it is kept.
function write(db, change) {
  return new Promise((resolve, reject) => {
    const tx = db.transaction([STORE, SETTINGS], "readwrite");
    const stores = { entries: tx.objectStore(STORE), settings: tx.objectStore(SETTINGS) };
    try { change(stores.entries, stores.settings); } catch (error) { try { tx.abort(); } catch { /* already done */ } reject(error); return; }
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

export const readSetting = (db, name) => request(db.transaction(SETTINGS).objectStore(SETTINGS).get(name));
export const putSetting = (db, record) => write(db, (_, settings) => settings.put(record));

// Every record replaced and the lock set (a record) or taken off (null), at once: the log is never
// left half locked.
export const relock = (db, records, lock) => write(db, (store, settings) => {
  records.forEach((r) => store.put(r));
  if (lock) settings.put(lock); else settings.delete("lock");
});

// The whole log deleted, and its lock with it: a forgotten passphrase leaves a log to start again.
export const clearLocked = (db) => write(db, (store, settings) => { store.clear(); settings.delete("lock"); });

// The log's other tabs and windows: tell() them this one changed the log; onChange(type) runs
// when one of them did. Without BroadcastChannel each tab sees the others' changes on reload.
export function otherTabs(onChange) {
  const channel = "BroadcastChannel" in window ? new BroadcastChannel(CHANNEL) : null;
  channel?.addEventListener("message", ({ data }) => onChange(data?.type));
  return {
    // "changed", or "lock": the reader left quickly or locked the log, so every tab locks it.
    tell(type = "changed") { channel?.postMessage({ type }); },
    close() { channel?.close(); },
  };
}
