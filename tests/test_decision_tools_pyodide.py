"""Done when 3: every enumerated path, evaluated inside Pyodide, gives exactly the CPython result.

Node runs the pinned npm Pyodide (Python 3.14) on the wheel the site ships, built from this
checkout by build_hooks.runtime.build_wheel and loaded from the local file."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

import decision_tools
from build_hooks.runtime import NPM_PYODIDE, ROOT, build_wheel
from decision_tools import engine


BAD_INPUT = [
    {"tool": "nope", "answers": {}},
    {"tool": "harassment", "answers": {"danger": "maybe"}},
    {"tool": "harassment", "answers": {"danger": "no", "what_happened": ["none", "hacking"]}},
    {"tool": "report", "answers": {"danger": "no", "what": "threat"}},
    {"tool": "post", "answers": ["public_meeting"]},
]


def cpython(path: dict) -> dict:
    try:
        out = decision_tools.evaluate(path["tool"], path["answers"])
    except decision_tools.DecisionToolError as error:
        out = {"error": type(error).__name__ + ": " + str(error)}
    return json.loads(json.dumps(out, sort_keys=True))


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory):
    node = shutil.which("node")
    if node is None or not (NPM_PYODIDE / "pyodide.mjs").exists():
        pytest.fail("Node and node_modules/pyodide are needed: run 'make build' first.", pytrace=False)
    work = tmp_path_factory.mktemp("parity")
    wheel = build_wheel(work, decision_tools.__version__)
    paths = [p for tool in decision_tools.TOOLS.values() for p in engine.paths(tool)]
    # Some questions still to answer too, so the "question" state is compared as well.
    paths += [{"tool": tool_id, "answers": {}} for tool_id in decision_tools.TOOLS]
    # And bad input, so the errors are the same too.
    paths += BAD_INPUT
    (work / "paths.json").write_text(json.dumps(paths))
    done = subprocess.run([node, str(ROOT / "tests/pyodide_parity.mjs"), str(wheel), str(work / "paths.json")],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    # Node echoes the whole minified line of a failing module: the useful part is at the end.
    assert done.returncode == 0, done.stderr[-3000:]
    return paths, json.loads(done.stdout)


def test_runs_in_pyodide_python_314_from_the_wheel(pyodide_run):
    _, out = pyodide_run
    assert out["python"].startswith("3.14")
    assert out["module"].startswith("/parity/decision_tools/")
    assert out["outside"] == []


def test_every_path_gives_exactly_the_cpython_result(pyodide_run):
    paths, out = pyodide_run
    assert len(out["results"]) == len(paths)
    for path, browser in zip(paths, out["results"]):
        assert browser == cpython(path), path
    assert [r for r in out["results"] if "error" in r] == [cpython(p) for p in BAD_INPUT]
    print(f"\nPyodide parity: {len(paths)} answer sets across {len(decision_tools.TOOLS)} tools")
