// Locking with a passphrase, in the page only (Web Crypto): the lock on this device and locked
// copies. AES-GCM, with a 256-bit key from PBKDF2-SHA-256 of the passphrase; the salt and the
// number of rounds are kept with what they lock, so it can be opened again. The passphrase and
// the key are never stored or sent anywhere: a page that is closed has forgotten them.
//
// Web Crypto only works on a secure page (https, or this computer itself): elsewhere
// lockingWorks() is false and the page says why it cannot lock.

const ROUNDS = 600000;  // OWASP's advice for PBKDF2-SHA-256; decision_tools.incident_copy accepts 100,000 to 10,000,000
const CHECK = "councillor-safety-toolkit: the passphrase is right";

export const MIN_PASSPHRASE = 8;

export class WrongPassphrase extends Error {}

export const lockingWorks = () => Boolean(globalThis.crypto?.subtle && window.isSecureContext);

const toBase64 = (bytes) => btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(""));
const fromBase64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(passphrase, salt, iterations) {
  const material = await crypto.subtle.importKey("raw", new TextEncoder().encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, material,
    { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

// A new key for a passphrase: { key, salt, iterations }, the last two to keep beside what it locks.
export async function newKey(passphrase) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  return { key: await derive(passphrase, salt, ROUNDS), salt: toBase64(salt), iterations: ROUNDS };
}

export const keyFor = (passphrase, { salt, iterations }) => derive(passphrase, fromBase64(salt), iterations);

// Text locked with the key: { iv, data }, both base64. A new random iv every time.
export async function seal(key, text) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: "AES-GCM", iv }, key, new TextEncoder().encode(text));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

// The text back; WrongPassphrase when the key is not the one it was locked with, or it was changed
// (AES-GCM cannot tell those apart, so neither can the message).
export async function unseal(key, { iv, data }) {
  try {
    return new TextDecoder().decode(await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(iv) }, key, fromBase64(data)));
  } catch {
    throw new WrongPassphrase("the passphrase is not the right one, or what it locks has been changed");
  }
}

// ---- the lock on this device: a record kept with the entries (incident-store.js) -------------

export async function newLock(passphrase) {
  const { key, salt, iterations } = await newKey(passphrase);
  return { key, record: { name: "lock", salt, iterations, check: await seal(key, CHECK) } };
}

// The key for the lock record, or WrongPassphrase.
export async function openLock(record, passphrase) {
  const key = await keyFor(passphrase, record);
  if (await unseal(key, record.check) !== CHECK) throw new WrongPassphrase("the passphrase is not the right one");
  return key;
}

// An entry as the store keeps it while the log is locked: its id (random, so it says nothing) and
// the entry itself, locked.
export const sealEntry = async (key, entry) => ({ id: entry.id, sealed: await seal(key, JSON.stringify(entry)) });

export const unsealEntry = async (key, record) => (record.sealed ? JSON.parse(await unseal(key, record.sealed)) : record);

// ---- locked copies: the file decision_tools.incident_copy checks -----------------------------

export async function lockedCopy(format, passphrase, text) {
  const { key, salt, iterations } = await newKey(passphrase);
  const { iv, data } = await seal(key, text);
  return JSON.stringify({ format, version: 1, kdf: "PBKDF2-SHA-256", cipher: "AES-GCM", iterations, salt, iv, data }, null, 2);
}

// The copy's text, from what Python found in the file ({ salt, iv, data, iterations }).
export async function openCopy(locked, passphrase) {
  return unseal(await keyFor(passphrase, locked), locked);
}
