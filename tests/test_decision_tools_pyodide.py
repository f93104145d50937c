"""Every enumerated path, answered inside Pyodide through the worker's own glue, gives exactly
the CPython answer: the step's data and its HTML from the one presenter.

Node runs the pinned npm Pyodide (Python 3.14) on the wheel the site ships, built from this
checkout by build_hooks.runtime.build_wheel and loaded from the local file. Both sides call
decision_tools.browser.handle, the function python-worker.js calls."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess

import pytest

import decision_tools
from build_hooks.runtime import NPM_PYODIDE, ROOT, build_wheel
from decision_tools import engine
from decision_tools.browser import handle

CONTEXT = {"version": decision_tools.__version__,
           "contacts": {"police-emergency": {"title": "Police: emergency (999)", "phone": "999", "tel": "tel:999"},
                        "member-support": {"title": "Member support", "email": "member.support@anytown.example.org"}},
           "pages": {"abuse/first-steps.md": "../../abuse/first-steps/", "law/harassment.md": "../../law/harassment/"}}

BAD_INPUT = [
    {"method": "step", "params": {"tool": "nope", "answers": {}}},
    {"method": "step", "params": {"tool": "harassment", "answers": {"danger": "maybe"}}},
    {"method": "step", "params": {"tool": "harassment", "answers": {"danger": "no", "what_happened": ["none", "hacking"]}}},
    {"method": "step", "params": {"tool": "harassment", "answers": ["danger"]}},
    {"method": "nonsense", "params": {}},
]


def requests() -> list[dict]:
    found = [{"method": "step", "params": {"tool": tool_id, "answers": {}, "context": CONTEXT}}
             for tool_id in decision_tools.TOOLS]
    for tool_id, tool in decision_tools.TOOLS.items():
        found += [{"method": "step", "params": {"tool": tool_id, "answers": p["answers"], "context": CONTEXT}}
                  for p in engine.paths(tool)]
    return found + BAD_INPUT


def digest(request: dict) -> str:
    return hashlib.sha256(handle(json.dumps(request)).encode()).hexdigest()


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory):
    node = shutil.which("node")
    if node is None or not (NPM_PYODIDE / "pyodide.mjs").exists():
        pytest.fail("Node and node_modules/pyodide are needed: run 'make build' first.", pytrace=False)
    work = tmp_path_factory.mktemp("parity")
    wheel = build_wheel(work, decision_tools.__version__)
    sent = requests()
    (work / "requests.json").write_text(json.dumps(sent))
    done = subprocess.run([node, str(ROOT / "tests/pyodide_parity.mjs"), str(wheel), str(work / "requests.json")],
                          cwd=ROOT, capture_output=True, text=True, timeout=1200)
    # Node echoes the whole minified line of a failing module: the useful part is at the end.
    assert done.returncode == 0, done.stderr[-3000:]
    return sent, json.loads(done.stdout)


def test_runs_in_pyodide_python_314_from_the_wheel(pyodide_run):
    _, out = pyodide_run
    assert out["python"].startswith("3.14")
    assert out["module"].startswith("/parity/decision_tools/")
    assert out["outside"] == []


def test_every_path_gives_exactly_the_cpython_answer(pyodide_run):
    sent, out = pyodide_run
    assert len(out["digests"]) == len(sent)
    different = [r for r, d in zip(sent, out["digests"]) if d != digest(r)]
    assert not different, f"{len(different)} differ, the first: {json.dumps(different[0])[:500]}"
    print(f"\nPyodide parity: {len(sent)} requests across {len(decision_tools.TOOLS)} tools")


def test_bad_input_is_an_answer_naming_what_is_wrong():
    answers = [json.loads(handle(json.dumps(r))) for r in BAD_INPUT]
    assert [a["error"]["kind"] for a in answers] == ["invalid", "invalid", "invalid", "invalid", "bad-request"]
    assert "unknown tool 'nope'" in answers[0]["error"]["message"]
