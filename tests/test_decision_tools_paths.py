"""Every path of every tool, enumerated and run, and the counts reported.

A path is every answer to each yes/no or one-of question and, for a choose-all question, "none",
each option on its own and, for the question that describes the situation, each pair of options.
Every path's result keeps the toolkit's promises: something to do, known contacts, guidance not
legal advice, and the tool's own sections (the Dowson steps once it is known how often it
happened, the trade-offs of responding, the problems of a post with their fixes)."""

from __future__ import annotations

import json

import pytest

import decision_tools
from decision_tools import engine
from decision_tools.contacts import ROLES

# Paths and leading findings per tool. A change here is a change in what the tools ask or
# conclude: update the numbers deliberately, together with the tool.
COUNTS = {
    "harassment": {"questions": 10, "findings": 25, "paths": 21242},
    "report": {"questions": 5, "findings": 25, "paths": 3185},
    "respond": {"questions": 5, "findings": 16, "paths": 375},
    "post": {"questions": 5, "findings": 21, "paths": 1192},
    "safety-plan": {"questions": 8, "findings": 17, "paths": 480},
}


def test_counts_of_paths_and_findings_per_tool(capsys):
    found = {}
    for tool_id, tool in decision_tools.TOOLS.items():
        paths = engine.paths(tool)
        found[tool_id] = {"questions": len(tool.questions), "findings": len(tool.findings), "paths": len(paths)}
    with capsys.disabled():
        print("\nDecision tools: " + "; ".join(
            f"{t} {c['paths']} paths ({c['questions']} questions, {c['findings']} findings)" for t, c in found.items()))
    assert found == COUNTS


@pytest.mark.parametrize("tool_id", list(decision_tools.TOOLS))
def test_every_path_ends_in_its_result_and_keeps_the_promises(tool_id):
    tool = decision_tools.TOOLS[tool_id]
    for path in engine.paths(tool):
        out = decision_tools.evaluate(tool_id, path["answers"])
        assert out["status"] == "result", path
        result = out["result"]
        assert result["id"] == path["result"]
        assert [a["question"] for a in out["answered"]] == list(path["answers"])
        assert result["actions"] and len(result["actions"]) == len(set(result["actions"])), path
        assert set(result["contacts"]) <= set(ROLES)
        assert any("not legal advice" in n for n in result["notes"]), path
        if tool_id == "harassment" and "occasions" in path["answers"]:
            assert [s["step"] for s in result["dowson"]] == [1, 2, 3, 4, 5, 6]
        if tool_id == "respond":
            assert result["trade_offs"] and any(t["recommended"] for t in result["trade_offs"])
        if tool_id == "post" and result["id"] != "go-ahead":
            assert result["problems"] and all(p["problem"] and p["fix"] for p in result["problems"])


@pytest.mark.parametrize("tool_id", list(decision_tools.TOOLS))
def test_one_answer_short_of_the_end_asks_the_last_question_again(tool_id):
    tool = decision_tools.TOOLS[tool_id]
    for path in engine.paths(tool)[::97]:
        *before, last = path["answers"]
        step = decision_tools.evaluate(tool_id, {q: path["answers"][q] for q in before})
        assert step["status"] == "question" and step["question"]["id"] == last, json.dumps(path)
