"""Step through a decision tool in tests: the next question, or the result, asserting which."""

from __future__ import annotations

from typing import Callable

import decision_tools


def steps(tool_id: str) -> tuple[Callable[[dict], dict], Callable[[dict], str], Callable[[dict], dict]]:
    """(ask, next_question, result) for one tool.

    ask(answers) -> the raw step; next_question(answers) -> the id of the question asked next
    (failing if the tool gives a result instead); result(answers) -> the result (failing if the
    tool asks another question instead)."""

    def ask(answers: dict) -> dict:
        return decision_tools.evaluate(tool_id, answers)

    def next_question(answers: dict) -> str:
        out = ask(answers)
        assert out["status"] == "question", out.get("result", {}).get("id")
        return out["question"]["id"]

    def result(answers: dict) -> dict:
        out = ask(answers)
        assert out["status"] == "result", out.get("question", {}).get("id")
        return out["result"]

    return ask, next_question, result
