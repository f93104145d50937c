"""Every decision tool: a flow file (routing and fact rules) and a content file (its words) each."""

from . import harassment, post, report, respond, safety_plan

TOOLS = {tool.id: tool for tool in (harassment.TOOL, report.TOOL, respond.TOOL, post.TOOL, safety_plan.TOOL)}
