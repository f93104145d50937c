"""Decision tools for councillors: answers become facts, facts become findings, one result.

Public API:
    list_tools()                 -> [{"id", "title", "description"}]
    evaluate(tool_id, answers)   -> the next question, or the result (decision_tools.result)
    flow(tool_id)                -> the tool written out as data: questions, findings, law
    DecisionToolError            -> bad input (unknown tool, invalid answer), with a clear message
"""

from . import content
from . import engine as _engine
from .engine import DecisionToolError, InvalidAnswer, UnknownTool
from .tools import TOOLS

__all__ = ["DecisionToolError", "InvalidAnswer", "UnknownTool", "evaluate", "flow", "list_tools", "TOOLS"]
__version__ = "0.3.0"


def list_tools() -> list[dict]:
    return [{"id": t.id, "title": content.for_tool(t.id).text("title"),
             "description": content.for_tool(t.id).text("description")} for t in TOOLS.values()]


def tool(tool_id):
    """The tool named `tool_id`, or UnknownTool naming the tools there are."""
    if not isinstance(tool_id, str) or tool_id not in TOOLS:
        raise UnknownTool(f"unknown tool {tool_id!r}; the tools are: {', '.join(TOOLS)}")
    return TOOLS[tool_id]


def evaluate(tool_id: str, answers) -> dict:
    """Replay `answers` (question id -> answer) through the tool named `tool_id`."""
    return _engine.run(tool(tool_id), answers)


def flow(tool_id: str) -> dict:
    """The tool as data, written out from its definition (decision_tools.outline)."""
    from .outline import flow as _flow

    return _flow(tool(tool_id))
