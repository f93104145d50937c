"""Decision tools for councillors: questions and outcomes as data, run in CPython or Pyodide.

Public API:
    list_tools()                 -> [{"id", "title", "description"}]
    evaluate(tool_id, answers)   -> the next question, or the result with its "why" trace
    DecisionToolError            -> bad input (unknown tool, invalid answer), with a clear message
"""

from .engine import DecisionToolError, InvalidAnswer, UnknownTool
from .tools import TOOLS

__all__ = ["DecisionToolError", "InvalidAnswer", "UnknownTool", "evaluate", "list_tools", "TOOLS"]
__version__ = "0.1.0"


def list_tools() -> list[dict]:
    return [{"id": t.id, "title": t.title, "description": t.description} for t in TOOLS.values()]


def evaluate(tool_id: str, answers) -> dict:
    """Replay `answers` (question id -> answer) through the tool named `tool_id`."""
    from .engine import run

    if tool_id not in TOOLS:
        raise UnknownTool(f"unknown tool {tool_id!r}; the tools are: {', '.join(TOOLS)}")
    return run(TOOLS[tool_id], answers)
