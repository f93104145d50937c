"""A tool written out from its definition: as data, and as a Mermaid graph.

`flow(tool)` is what "How this tool decides" and the handbooks print: every question with when it
is asked, every finding with when it is found and what it brings, and the law the tool weighs
with each entry's elements. `graph(tool)` draws the same: which question can follow which (from
every enumerated path), each arrow labelled with when the next question is asked, and the
findings the last questions lead to.
"""

from __future__ import annotations

from . import content
from .engine import Tool, paths
from .law import BY_ID as LAW
from .result import question_data


def _law_data(law_id: str) -> dict:
    words = content.law()
    entry = LAW[law_id]
    key = ("entries", law_id)
    return {"id": law_id, "kind": entry.kind, "act": words.text(*key, "act"),
            "section": words.get(*key, "section", default=""), "name": words.text(*key, "name"),
            "plain": words.text(*key, "plain"), "page": words.text(*key, "page"),
            "anchor": words.get(*key, "anchor", default=""),
            "elements": [{"id": e.id, "test": words.text(*key, "elements", e.id, "test"), "key": e.key}
                         for e in entry.elements]}


def flow(tool: Tool) -> dict:
    words = content.for_tool(tool.id)
    questions = []
    for q in tool.questions:
        data = question_data(tool, q)
        data["asked_when"] = words.get("questions", q.id, "asked_when", default="") if q.ask else ""
        questions.append(data)
    findings = []
    for f in tool.findings:
        said = words.get("findings", f.id)
        actions = [a for a in words.get("actions", default={}) if a in said.get("actions", ())]
        findings.append({"id": f.id, "urgency": f.urgency, "title": said["title"], "summary": said["summary"],
                         "found_when": said["found_when"],
                         "actions": [_plain_action(words, a) for a in actions],
                         "contacts": list(said.get("contacts", ())),
                         "links": [dict(words.get("links", i), id=i) for i in said.get("links", ())]})
    return {"tool": tool.id, "title": words.text("title"), "description": words.text("description"),
            "stop_when": words.get("stop_when", default="") if tool.stop else "",
            "questions": questions, "findings": findings, "law": [_law_data(i) for i in tool.law],
            "notes": list(words.get("notes", default=())) + list(content.law().get("notes", "every_result"))}


def _plain_action(words: content.Words, action_id: str) -> str:
    """An action as "How this tool decides" prints it: each of its texts, with the answer it is for."""
    value = words.get("actions", action_id)
    if not isinstance(value, dict):
        return value
    if "text" in value:
        return value["text"]
    options = words.get("questions", value["by"], "options", default={})
    variants = [f"{options.get(answer, answer)}: {text}" for answer, text in value.items()
                if answer not in ("by", "otherwise")]
    return " ".join(variants + [f"Otherwise: {value['otherwise']}"])


def _mermaid_text(text: str) -> str:
    # Mermaid ends a statement at ";" and a label at '"', even inside quotes: use its entity codes.
    return text.replace('"', "#quot;").replace(";", "#59;")


def transitions(tool: Tool) -> set[tuple[str, str]]:
    """Every (question, next step) that some enumerated path takes; a result is "result:<lead>"."""
    found: set[tuple[str, str]] = set()
    for path in paths(tool):
        steps = list(path["answers"]) + [f"result:{path['result']}"]
        found.update(zip(steps, steps[1:]))
    return found


def graph(tool: Tool) -> str:
    """A Mermaid flowchart: questions as boxes, leading findings as rounded boxes."""
    words = content.for_tool(tool.id)

    def node(step: str) -> str:  # Mermaid ids: no hyphens, and questions kept apart from results
        return ("r_" + step[7:] if step.startswith("result:") else "q_" + step).replace("-", "_")

    lines = ["flowchart TD"]
    for q in tool.questions:
        lines.append(f'    {node(q.id)}["{_mermaid_text(words.text("questions", q.id, "text"))}"]')
    for f in tool.findings:
        lines.append(f'    {node("result:" + f.id)}(["{_mermaid_text(words.text("findings", f.id, "title"))}"])')
    for source, target in sorted(transitions(tool)):
        if target.startswith("result:"):
            lines.append(f"    {node(source)} --> {node(target)}")
        else:
            when = words.get("questions", target, "asked_when", default="") or "Then"
            lines.append(f'    {node(source)} -->|"{_mermaid_text(when)}"| {node(target)}')
    return "\n".join(lines) + "\n"
