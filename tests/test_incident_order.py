"""The incident log's one order, chronology in docs/assets/javascripts/incident-entries.js, run
in Node: oldest first, then by when the entry was first saved, then by id. Python's insights
number the entries in the order the page gives them (test_incidents.py), so this is the order
behind every number the reader sees, on screen, on paper and in the copies."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from harness import ROOT

ENTRIES = ROOT / "docs" / "assets" / "javascripts" / "incident-entries.js"


def run(script: str, value):
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node is needed for the JavaScript tests.", pytrace=False)
    program = f"import * as m from {json.dumps(ENTRIES.as_uri())};\n" \
              f"const value = {json.dumps(value)};\nconsole.log(JSON.stringify({script}));"
    done = subprocess.run([node, "--input-type=module", "-e", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def order(entries) -> list[tuple[int, str]]:
    return [(c["number"], c["entry"]["id"]) for c in run("m.chronology(value)", entries)]


def test_oldest_first_and_numbered_from_one():
    log = [{"id": "c", "when": "2026-11-09T09:00"}, {"id": "a", "when": "2026-10-30T23:59"},
           {"id": "b", "when": "2026-11-09T08:59"}]
    assert order(log) == [(1, "a"), (2, "b"), (3, "c")]


def test_the_same_moment_goes_by_when_it_was_saved_then_by_id():
    when = "2026-11-09T09:00"
    log = [{"id": "z", "when": when, "created": "2026-11-10T10:00:00.000Z"},
           {"id": "y", "when": when, "created": "2026-11-09T10:00:00.000Z"},
           {"id": "b", "when": when}, {"id": "a", "when": when}]
    # An entry with no "created" (say, from a file written by hand) comes before those with one.
    assert order(log) == [(1, "a"), (2, "b"), (3, "y"), (4, "z")]


def test_the_entries_themselves_in_that_order_are_what_python_is_given():
    log = [{"id": "late", "when": "2026-11-09T09:00", "what": "x"}, {"id": "early", "when": "2026-11-01T09:00"}]
    assert run("m.inOrder(value)", log) == [log[1], log[0]]
    assert run("m.numberOf(value, 'late')", log) == 2
