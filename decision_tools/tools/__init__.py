"""Every decision tool, one module each, registered here by id."""

from . import harassment, post, report, respond, safety_plan

TOOLS = {tool.id: tool for tool in (harassment.TOOL, report.TOOL, respond.TOOL, post.TOOL, safety_plan.TOOL)}
