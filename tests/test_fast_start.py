"""Python starts fast on a reader's later visits: the first visit starts plainly and keeps a memory
snapshot in Cache Storage, keyed to the runtime's version and the wheel's sha256; the next visit
starts from it. A snapshot that cannot be read, or that belongs to another version, is dropped
for a plain start, silently, and a good one is kept in its place.

A snapshot fixes the hash seed of every start made from it, so the first test shows the tools'
answers do not depend on it: every path of every tool, under two hash seeds, gives the same
output, byte for byte.

The browser tests share one persistent Chromium profile, in order, as a reader's visits would."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from urllib.parse import urlsplit

import pytest

import decision_tools
from harness import ROOT
from wizard_driver import TOOL_IDS, current_question, expected_step, open_tool, paths, run_path, shown_step

SNAPSHOT_CACHE = "toolkit-python-snapshot"

# Run in a subprocess under a given PYTHONHASHSEED: every path of every tool through the function
# the browser's worker calls, one sha256 of all the answers a tool, and the count of paths.
_EVERY_PATH = """
import hashlib, json
import decision_tools
from decision_tools.browser import handle
from decision_tools.engine import paths
out = {}
for tool_id in decision_tools.TOOLS:
    digest, count = hashlib.sha256(), 0
    for path in paths(decision_tools.tool(tool_id)):
        request = {"method": "step", "params": {"tool": tool_id, "answers": path["answers"]}}
        digest.update(handle(json.dumps(request)).encode())
        count += 1
    out[tool_id] = [count, digest.hexdigest()]
print(json.dumps(out))
"""


def test_every_path_of_every_tool_answers_the_same_under_any_hash_seed():
    runs = [subprocess.Popen([sys.executable, "-c", _EVERY_PATH], cwd=ROOT, text=True, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env={"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": seed})
            for seed in ("1", "4242")]
    answers = []
    for run in runs:
        out, err = run.communicate(timeout=900)
        assert run.returncode == 0, err
        answers.append(json.loads(out))
    first, second = answers
    assert sorted(first) == sorted(decision_tools.TOOLS)
    assert all(count > 0 for count, _ in first.values())
    assert first == second, "an answer depends on the hash seed: a set or dict order leaks into the output"


# --- in the browser ---------------------------------------------------------------------------



def in_both_builds(test):
    return pytest.mark.browser(pytest.mark.both_engines(test))

ONE_BUILD = ("the worker and its snapshot are the same files in both builds; "
             "the first two tests prove both builds start from it")


@pytest.fixture(scope="module")
def visits(playwright, browser_type_launch_args, site_server, tmp_path_factory):
    """One Chromium profile kept across this module's tests (its disk cache and Cache Storage),
    with a guard: any request to another host fails the test that made it."""
    profile = playwright.chromium.launch_persistent_context(str(tmp_path_factory.mktemp("profile")),
                                                            **browser_type_launch_args)
    profile.set_default_timeout(120_000)
    outside: list[str] = []
    origin = urlsplit(site_server).netloc
    profile.on("request", lambda r: None if urlsplit(r.url).netloc == origin else outside.append(r.url))
    yield profile, outside
    profile.close()


@pytest.fixture
def visit(visits, site_server):
    """A new tab in the kept profile, on the site's home page (no Python there): a later visit,
    with none of an earlier tab's answers."""
    profile, outside = visits
    outside.clear()
    page = profile.new_page()
    page.goto(site_server)
    yield page
    page.close()
    assert not outside, f"the page requested outside hosts: {outside}"


def snapshot_key(site_dir, site_server, runtime: str | None = None, sha256: str | None = None) -> str:
    """The key the worker must use: the runtime's version and the wheel's sha256, in the tools'
    folder (or, given `runtime` or `sha256`, the key another version would have)."""
    [staged] = [p.name for p in (site_dir / "assets" / "pyodide").iterdir()]
    [lock] = (site_dir / "assets" / "decision-tools").glob("*/pyodide-lock.json")
    wheel = json.loads(lock.read_text())["packages"]["decision-tools"]["sha256"]
    return (f"{site_server}assets/decision-tools/{lock.parent.name}/python-snapshot/"
            f"{runtime or staged}/{sha256 or wheel}")


def kept(page) -> dict:
    """What the snapshot cache holds: {key: size in bytes}."""
    return page.evaluate("""async (name) => {
        const shelf = await caches.open(name);
        const out = {};
        for (const key of await shelf.keys()) out[key.url] = (await (await shelf.match(key)).arrayBuffer()).byteLength;
        return out;
    }""", SNAPSHOT_CACHE)


def wait_until_kept(page, key: str, only: bool = True) -> None:
    """Wait (polling: Cache Storage answers with promises) until a snapshot of over 1 MB is kept
    under `key` and, with `only`, nothing else is."""
    deadline = time.monotonic() + 120
    while True:
        shelf = kept(page)
        if shelf.get(key, 0) > 1_000_000 and (not only or len(shelf) == 1):
            return
        assert time.monotonic() < deadline, f"no snapshot kept under {key} within 120 s; the cache holds {shelf}"
        page.wait_for_timeout(250)


def start_used(page) -> list[str]:
    return page.evaluate("performance.getEntriesByType('mark').map((m) => m.name)"
                         ".filter((n) => n.startsWith('dt:python-start:'))")


def put(page, key: str, source_key: str | None = None, garbage: int = 4096) -> None:
    """Put, under `key`, a copy of the snapshot at `source_key`, or `garbage` random bytes."""
    page.evaluate("""async ([name, key, source, size]) => {
        const shelf = await caches.open(name);
        const bytes = source ? await (await shelf.match(source)).arrayBuffer()
                             : crypto.getRandomValues(new Uint8Array(size));
        await shelf.put(key, new Response(bytes));
    }""", [SNAPSHOT_CACHE, key, source_key, garbage])


def reaches_its_result(page, site_server, tool: str) -> None:
    """Open `tool`, answer a full path, and check the result is what CPython's presenter gives."""
    path = paths(tool)[0]
    wizard = open_tool(page, site_server, tool)
    run_path(page, wizard, tool, path["answers"])
    assert current_question(wizard) is None
    assert shown_step(page, wizard) == expected_step(page, wizard, tool, path["answers"])


@in_both_builds
def test_first_visit_starts_plainly_then_keeps_a_snapshot(visit, site_dir, site_server):
    open_tool(visit, site_server, TOOL_IDS[0])
    assert start_used(visit) == ["dt:python-start:plain"]
    key = snapshot_key(site_dir, site_server)
    wait_until_kept(visit, key)
    assert list(kept(visit)) == [key]
    # Kept as its pages that hold anything: the header names the memory's length, and the entry
    # is well under it (python-snapshot-pages.js; tests/test_snapshot_pages.py has the format).
    stored, memory = visit.evaluate("""async ([name, key]) => {
        const bytes = await (await (await caches.open(name)).match(key)).arrayBuffer();
        return [bytes.byteLength, new DataView(bytes).getUint32(4, true)];
    }""", [SNAPSHOT_CACHE, key])
    assert memory > 20_000_000 and stored < 0.75 * memory, f"{stored:,} bytes kept for {memory:,} of memory"


@in_both_builds
def test_next_visit_starts_from_the_snapshot_and_a_tool_reaches_its_result(visit, site_server):
    # Another tool than the first visit's: its words were never read before the snapshot was taken.
    reaches_its_result(visit, site_server, TOOL_IDS[-1])
    assert start_used(visit) == ["dt:python-start:snapshot"]


@in_both_builds
@pytest.mark.one_engine(ONE_BUILD)
def test_unreadable_snapshot_falls_back_to_a_plain_start_and_is_replaced(visit, site_dir, site_server):
    key = snapshot_key(site_dir, site_server)
    put(visit, key, garbage=4096)
    reaches_its_result(visit, site_server, TOOL_IDS[0])
    assert start_used(visit) == ["dt:python-start:plain"]
    wait_until_kept(visit, key)
    assert list(kept(visit)) == [key]


@in_both_builds
@pytest.mark.one_engine(ONE_BUILD)
def test_snapshot_of_another_version_is_not_used_and_is_deleted(visit, site_dir, site_server):
    key = snapshot_key(site_dir, site_server)
    # A good snapshot, but filed for other tools or another runtime: neither may be used.
    others = [snapshot_key(site_dir, site_server, sha256="0" * 64), snapshot_key(site_dir, site_server, runtime="0.0.1")]
    for other in others:
        put(visit, other, source_key=key)
    visit.evaluate("async ([name, key]) => (await caches.open(name)).delete(key)", [SNAPSHOT_CACHE, key])
    reaches_its_result(visit, site_server, TOOL_IDS[0])
    assert start_used(visit) == ["dt:python-start:plain"]
    wait_until_kept(visit, key)
    assert list(kept(visit)) == [key]
