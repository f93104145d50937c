// What an incident entry is, and the log's one order. Plain data: no page, no storage.

// The entry's free-text fields, in the order the form asks and a record stores them.
export const TEXT_FIELDS = ["platform", "who", "what", "evidence", "effect", "told", "follow_up"];

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
  "October", "November", "December"];

// "2 November 2026 at 09:00", as decision_tools.incidents words it.
export function whenText(when) {
  const [date, time] = when.split("T");
  const [y, m, d] = date.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y} at ${time}`;
}

// "1 entry", "3 entries".
export const entriesText = (count) => `${count} ${count === 1 ? "entry" : "entries"}`;

// Oldest first, numbered. The log's order is worked out here only: Python's insights
// (decision_tools.incidents) number the entries in the order they are given, which is this one.
export function chronology(entries) {
  const key = (e) => [e.when, e.created || "", e.id];
  return [...entries].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  }).map((e, i) => ({ entry: e, number: i + 1 }));
}

// The entries themselves, in the log's order: what Python and the JSON copy are given.
export const inOrder = (entries) => chronology(entries).map((c) => c.entry);

export const numberOf = (entries, id) => chronology(entries).find((c) => c.entry.id === id).number;

function newId() {
  // crypto.randomUUID needs a secure context; an intranet may serve plain HTTP.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

// The record to store from the form's values: a new one, or `before` changed. Empty text
// fields are left out, and the keys keep the order records have always had.
export function makeEntry(values, before, now) {
  const entry = { id: before?.id ?? newId(), when: `${values.date}T${values.time}`, channel: values.channel };
  for (const name of TEXT_FIELDS) if (values[name]) entry[name] = values[name];
  entry.threat = values.threat;
  entry.told_police = values.told_police;
  entry.created = before?.created ?? now;
  entry.updated = now;
  return entry;
}
