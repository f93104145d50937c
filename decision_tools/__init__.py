"""Decision tools for councillors: questions and outcomes as data, run in CPython or Pyodide.

Public API:
    list_tools()                 -> [{"id", "title", "description"}]
    evaluate(tool_id, answers)   -> the next question, or the result with its "why" trace
    flow(tool_id)                -> the whole tool written out: questions, outcomes, rules
    DecisionToolError            -> bad input (unknown tool, invalid answer), with a clear message
"""

from . import engine as _engine
from .engine import DecisionToolError, InvalidAnswer, UnknownTool
from .tools import TOOLS

__all__ = ["DecisionToolError", "InvalidAnswer", "UnknownTool", "evaluate", "flow", "list_tools", "TOOLS"]
__version__ = "0.2.0"


def list_tools() -> list[dict]:
    return [{"id": t.id, "title": t.title, "description": t.description} for t in TOOLS.values()]


def _tool(tool_id):
    if not isinstance(tool_id, str) or tool_id not in TOOLS:
        raise UnknownTool(f"unknown tool {tool_id!r}; the tools are: {', '.join(TOOLS)}")
    return TOOLS[tool_id]


def evaluate(tool_id: str, answers) -> dict:
    """Replay `answers` (question id -> answer) through the tool named `tool_id`."""
    return _engine.run(_tool(tool_id), answers)


def flow(tool_id: str) -> dict:
    """The tool as data: {"tool", "title", "description", "first", "questions", "outcomes", "edges"}.

    Each edge is {"from": question id, "when": plain-English condition, "to": step id}."""
    return _engine.flow(_tool(tool_id))
