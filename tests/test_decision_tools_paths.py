"""Done when 1: every path of every tool is enumerated and run, and the counts are reported.

Each path is replayed through `evaluate`, and every result is checked for what the toolkit
promises on every result: it says what to do, names only known contact roles, says it is
guidance and when the law was checked, and carries the tool's own promises (the Dowson steps,
the who-to-tell list, the recommended course, the problems with their fixes)."""

from __future__ import annotations

import pytest

import decision_tools
from decision_tools import engine, law
from decision_tools.contacts import ROLES

# Paths and results per tool. A change here is a change in what the tools ask or conclude:
# update the numbers deliberately, together with the tool.
COUNTS = {
    "harassment": {"questions": 9, "results": 6, "paths": 313},
    "report": {"questions": 5, "results": 7, "paths": 82},
    "respond": {"questions": 6, "results": 10, "paths": 18},
    "post": {"questions": 4, "results": 3, "paths": 10},
    "safety-plan": {"questions": 7, "results": 3, "paths": 384},
}

ALL_PATHS = [(tool_id, p) for tool_id, tool in decision_tools.TOOLS.items() for p in engine.paths(tool)]


def _ids(item):
    tool_id, path = item
    return f"{tool_id}:" + ",".join(f"{k}={'+'.join(v) if isinstance(v, list) else v}" for k, v in path["answers"].items())


def test_counts_of_paths_and_results_per_tool(capsys):
    found = {}
    for tool_id, tool in decision_tools.TOOLS.items():
        paths = engine.paths(tool)
        found[tool_id] = {"questions": len(tool.questions), "results": len({p["result"] for p in paths}),
                          "paths": len(paths)}
        assert found[tool_id]["results"] == len(tool.outcomes), f"{tool_id}: every result is reached by some path"
    with capsys.disabled():
        print("\nDecision tools: " + "; ".join(
            f"{t} {c['paths']} paths to {c['results']} results ({c['questions']} questions)" for t, c in found.items()))
    assert found == COUNTS


def test_every_path_ends_at_its_result_with_its_answers_in_order():
    for tool_id, path in ALL_PATHS:
        out = decision_tools.evaluate(tool_id, path["answers"])
        assert out["status"] == "result", path
        assert out["result"]["id"] == path["result"]
        assert [a["question"] for a in out["answered"]] == list(path["answers"])
        # One step short of the end, the same answers ask the last question again.
        *before, last = path["answers"]
        step = decision_tools.evaluate(tool_id, {q: path["answers"][q] for q in before})
        assert step["status"] == "question" and step["question"]["id"] == last


@pytest.mark.parametrize("item", ALL_PATHS, ids=[_ids(i) for i in ALL_PATHS])
def test_every_result_keeps_the_toolkit_promises(item):
    tool_id, path = item
    result = decision_tools.evaluate(tool_id, path["answers"])["result"]
    assert result["actions"] and all(a.strip() for a in result["actions"])
    assert len(result["actions"]) == len(set(result["actions"])), "no action repeated"
    assert set(result["contacts"]) <= set(ROLES)
    assert law.NOT_LEGAL_ADVICE in result["notes"] and law.LAST_CHECKED in result["notes"]
    assert len(result["why"]) >= len(path["answers"])
    for ref in result["law"]:
        assert ref["act"] and ref["name"] and ref["plain"] and ref["page"]
    if tool_id == "harassment":
        assert law.YOUR_SENSE_COUNTS in result["notes"]
        assert [s["step"] for s in result["dowson"]] == [1, 2, 3, 4, 5, 6]
        assert all(s["status"] in ("met", "not met", "not known") and s["because"] for s in result["dowson"])
        assert result["offences"] == [r["id"] for r in result["law"] if r["id"] in result["offences"]]
    if tool_id == "report":
        whos = [t["who"] for t in result["tell"]]
        assert "Keep a record" in whos, "always keep a record"
        council = [t for t in result["tell"] if t["role"] == "member-support"]
        assert council and ("register of potentially violent persons" in council[0]["how"]
                            or result["id"] == "call-999")
    if tool_id == "respond":
        assert result["recommended"] and result["trade_offs"]
    if tool_id == "post":
        assert result["title"] in ("Go ahead", "Change it first", "Don't post: ask for advice first")
        if result["id"] == "go-ahead":
            assert result["problems"] == []
        else:
            assert result["problems"] and all(p["problem"] and p["fix"] for p in result["problems"])
