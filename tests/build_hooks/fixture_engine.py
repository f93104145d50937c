"""A tiny engine of its own, for the tests: tools whose results depend on the answers, as the
real engine's `explain` makes them. The checks find what such a tool names by running every
answer path (this module's `paths` and `run`, found beside the tool's class)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class AnswerTool:
    id: str
    outcomes: tuple = ()


def paths(tool):
    return [{"tool": tool.id, "answers": {"what": answer}, "result": "advice"} for answer in ("post", "letter")]


def run(tool, answers):
    if tool.id == "fixture-crash" and answers["what"] == "letter":
        raise KeyError("no route for 'letter'")
    links = []
    if answers["what"] == "letter":
        links.append({"title": "Letters", "page": "law/harassment.md", "anchor": "letters"})  # <- path anchor
    return {"tool": tool.id, "status": "result",
            "result": {"id": "advice", "links": links, "contacts": ["member-support"]}}


DYNAMIC = AnswerTool("fixture-dynamic")
CRASH = AnswerTool("fixture-crash")


def line_of(marker: str) -> int:
    with open(__file__, encoding="utf-8") as source:
        return next(n for n, text in enumerate(source, 1) if text.rstrip().endswith(f"# <- {marker}"))
