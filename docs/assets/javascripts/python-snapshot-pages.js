// How a memory snapshot is laid out in storage: only its 64 KB pages that hold anything. Almost
// half of Python's memory is untouched zeros, so this keeps about 17 MB of the 31 MB on the
// reader's device, and a start reads that much less back. Unpacking is a copy, with no inflating
// to pay for (gzip made the snapshot smaller still, but the start slower).
//
//   header: four 32-bit little-endian numbers: MAGIC, the memory's length, the page size, and how
//           many pages are kept; then each kept page's number, in increasing order
//   body:   the kept pages' bytes, in the same order (the memory's last page may be short)

export const MAGIC = 0x31505344;  // "DSP1"
export const PAGE = 65536;

function isZero(words, start, end) {
  for (let i = start; i < end; i++) if (words[i] !== 0) return false;
  return true;
}

// `memory` (a Uint8Array) as a Blob of its header and its pages that are not all zeros.
export function packSnapshot(memory) {
  // Whole 32-bit words, read from an aligned copy if the view is not aligned.
  const aligned = memory.byteOffset % 4 === 0 ? memory : memory.slice();
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, Math.floor(aligned.length / 4));
  const kept = [];
  for (let start = 0, n = 0; start < memory.length; start += PAGE, n++) {
    const end = Math.min(start + PAGE, memory.length);
    const tail = aligned.subarray(Math.floor(end / 4) * 4, end);  // bytes past the last whole word
    if (!isZero(words, start / 4, Math.floor(end / 4)) || tail.some((byte) => byte !== 0)) kept.push(n);
  }
  const header = new DataView(new ArrayBuffer(16 + 4 * kept.length));
  [MAGIC, memory.length, PAGE, kept.length, ...kept].forEach((n, i) => header.setUint32(4 * i, n, true));
  return new Blob([header, ...kept.map((n) => aligned.subarray(n * PAGE, Math.min((n + 1) * PAGE, memory.length)))]);
}

// The memory packed in `buffer` (an ArrayBuffer), as a Uint8Array. Throws on anything that is not
// a well-formed snapshot, so the worker starts plainly instead.
export function unpackSnapshot(buffer) {
  const fail = (why) => { throw new Error(`the kept snapshot is not usable: ${why}`); };
  if (buffer.byteLength < 16) fail("it is too short");
  const view = new DataView(buffer);
  const [magic, length, page, count] = [0, 4, 8, 12].map((at) => view.getUint32(at, true));
  if (magic !== MAGIC || page !== PAGE) fail("it is in another format");
  const bodyStart = 16 + 4 * count;
  if (bodyStart > buffer.byteLength) fail("its list of pages is cut short");
  const memory = new Uint8Array(length);
  let at = bodyStart;
  let last = -1;
  for (let i = 0; i < count; i++) {
    const n = view.getUint32(16 + 4 * i, true);
    const size = Math.min(PAGE, length - n * PAGE);
    if (n <= last || size <= 0 || at + size > buffer.byteLength) fail(`page ${n} is out of place`);
    memory.set(new Uint8Array(buffer, at, size), n * PAGE);
    at += size;
    last = n;
  }
  if (at !== buffer.byteLength) fail("it has bytes left over");
  return memory;
}
