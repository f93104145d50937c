"""The foundation's contracts, in CPython: the tool engine, the runtime, the council's name.

The contacts and CLI checks moved to tests/build_hooks/."""

import json
import zipfile

import pytest

import decision_tools
from build_hooks.runtime import ROOT, build_wheel


def test_tool_returns_next_question_then_result():
    step = decision_tools.evaluate("harassment", {})
    assert step["status"] == "question" and step["question"]["id"] == "danger"
    step = decision_tools.evaluate("harassment", {"danger": "yes"})
    assert step["status"] == "result" and step["result"]["id"] == "emergency"
    assert "police-emergency" in step["result"]["contacts"]


def test_invalid_answer_names_the_question_and_allowed_values():
    with pytest.raises(decision_tools.InvalidAnswer, match=r"'danger'.*'yes', 'no'"):
        decision_tools.evaluate("harassment", {"danger": "maybe"})
    with pytest.raises(decision_tools.UnknownTool, match="unknown tool 'nope'"):
        decision_tools.evaluate("nope", {})


def test_wheel_is_pure_and_reproducible(tmp_path):
    first = build_wheel(tmp_path / "a", "0.0.1")
    second = build_wheel(tmp_path / "b", "0.0.1")
    assert first.name == "decision_tools-0.0.1-py3-none-any.whl"
    assert first.read_bytes() == second.read_bytes()
    names = zipfile.ZipFile(first).namelist()
    assert "decision_tools/engine.py" in names and not any(n.startswith("build_hooks") for n in names)


def test_staged_lock_lists_the_wheel_with_its_hash():
    [lock] = (ROOT / "docs/assets/decision-tools").glob("*/pyodide-lock.json")
    entry = json.loads(lock.read_text())["packages"]["decision-tools"]
    assert (lock.parent / entry["file_name"]).exists() and len(entry["sha256"]) == 64


def test_council_name_is_set_in_one_place_and_shown_on_every_page():
    from build_hooks.handbooks import load_config

    name = load_config(ROOT / "mkdocs.yml")["extra"]["council"]["name"]
    for page in ("index.html", "law/harassment/index.html", "support/index.html"):
        html = (ROOT / "site" / page).read_text()
        assert f"Published by {name} for its councillors." in html, page
        assert "squidfunk" not in html, "no generator credit link"
