"""How a Python memory snapshot is kept on the reader's device (python-snapshot-pages.js): only
its 64 KB pages that hold anything, unpacked to exactly the memory that was packed. Anything that
is not a well-formed snapshot is refused with a reason, so the worker starts Python plainly.
Run in Node, as the module is plain JavaScript with no browser API but Blob."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from harness import ROOT

MODULE = (ROOT / "docs" / "assets" / "javascripts" / "python-snapshot-pages.js").as_uri()

# Memory of 5 pages and a short one: bytes set in pages 0, 3 and the short last page only.
_SCRIPT = """
import { packSnapshot, unpackSnapshot, PAGE } from "%s";
const memory = new Uint8Array(5 * PAGE + 123);
memory[7] = 1; memory[3 * PAGE + 5] = 9; memory[5 * PAGE + 122] = 4;
const packed = new Uint8Array(await packSnapshot(memory).arrayBuffer());
const back = unpackSnapshot(packed.slice().buffer);
// An unaligned view packs the same.
const offset = new Uint8Array(memory.length + 1); offset.set(memory, 1);
const unaligned = new Uint8Array(await packSnapshot(offset.subarray(1)).arrayBuffer());
const refused = (bytes) => { try { unpackSnapshot(bytes.buffer); return null; } catch (e) { return e.message; } };
const swapped = packed.slice(); swapped.set([3, 0, 0, 0], 16); swapped.set([0, 0, 0, 0], 20);
console.log(JSON.stringify({
  memory: memory.length, packed: packed.length,
  same: back.length === memory.length && back.every((b, i) => b === memory[i]),
  unaligned: unaligned.length === packed.length && unaligned.every((b, i) => b === packed[i]),
  empty: (await packSnapshot(new Uint8Array(2 * PAGE)).arrayBuffer()).byteLength,
  short: refused(packed.slice(0, packed.length - 1)),
  longer: refused(new Uint8Array([...packed, 0])),
  random: refused(new Uint8Array(4096).map((_, i) => (i * 7919) %% 251)),
  tiny: refused(new Uint8Array(8)),
  disorder: refused(swapped),
}));
""" % MODULE


@pytest.fixture(scope="module")
def outcome() -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node is needed (as for the Pyodide parity test): it is not on PATH.", pytrace=False)
    done = subprocess.run([node, "--input-type=module", "-e", _SCRIPT], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_only_pages_that_hold_anything_are_kept(outcome):
    # The header (16 bytes and 4 a page kept), pages 0 and 3 whole, and the short last page.
    assert outcome["packed"] == 16 + 3 * 4 + 2 * 65536 + 123
    assert outcome["empty"] == 16


def test_unpacking_gives_back_exactly_the_memory_packed(outcome):
    assert outcome["same"] and outcome["unaligned"]


@pytest.mark.parametrize("case, reason", [
    ("short", "page 5 is out of place"), ("longer", "it has bytes left over"),
    ("random", "it is in another format"), ("tiny", "it is too short"), ("disorder", "page 0 is out of place"),
])
def test_anything_else_is_refused_with_a_reason(outcome, case, reason):
    assert outcome[case] == f"the kept snapshot is not usable: {reason}"
