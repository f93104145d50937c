"""Every decision tool, one module each, registered here by id."""

from . import harassment, report

TOOLS = {tool.id: tool for tool in (harassment.TOOL, report.TOOL)}
