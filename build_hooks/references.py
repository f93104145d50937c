"""What the decision tools name: guidance pages and anchors, and contact roles.

Read from what the tools declare, not from their code: each tool's content file
(decision_tools/tools/<id>.toml) lists its links ([links.<id>] page and anchor) and each
finding's contacts, and decision_tools/law.toml gives the page and anchor of every law entry a
tool weighs. Each reference carries the file and line that declares it, for messages. (Whether
every path of a tool runs is `python -m decision_tools check`, which `make build` runs too.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Source:
    """One tool as the checks read it: its id, its words, the law entries it weighs, and the
    law's words (the package's law.toml unless a test gives its own)."""

    id: str
    words: object  # decision_tools.content.Words
    law: tuple[str, ...] = ()
    law_words: object = None


@dataclass(frozen=True)
class PageRef:
    tool: str
    what: str  # "link 'keep_a_record'", "law entry 'harassment'"
    page: str
    anchor: str
    path: str
    line: int  # of the page
    anchor_line: int = 0  # of the anchor, when it has its own

    @property
    def who(self) -> str:
        return f"The {self.tool} tool's {self.what}"


@dataclass(frozen=True)
class RoleRef:
    tool: str
    what: str
    role: str
    path: str
    line: int

    @property
    def who(self) -> str:
        return f"The {self.tool} tool's {self.what}"


@dataclass(frozen=True)
class ToolNames:
    pages: list[PageRef]
    roles: list[RoleRef]


def all_tools() -> dict[str, Source]:
    import decision_tools
    from decision_tools import content

    return {tool_id: Source(tool_id, content.for_tool(tool_id), tuple(tool.law))
            for tool_id, tool in decision_tools.TOOLS.items()}


def _pages(source: Source) -> list[PageRef]:
    from decision_tools import content

    words = source.words
    found = [PageRef(source.id, f"link {link_id!r}", str(link.get("page", "")), str(link.get("anchor", "")),
                     words.path, words.line("links", link_id, "page"), words.line("links", link_id, "anchor"))
             for link_id, link in (words.get("links", default={}) or {}).items()]
    law = source.law_words or content.law()
    for law_id in source.law:
        entry = law.get("entries", law_id, default={}) or {}
        found.append(PageRef(source.id, f"law entry {law_id!r}", str(entry.get("page", "")),
                             str(entry.get("anchor", "")), law.path, law.line("entries", law_id, "page"),
                             law.line("entries", law_id, "anchor")))
    return found


def _roles(source: Source) -> list[RoleRef]:
    words = source.words
    found = []
    for finding_id, finding in (words.get("findings", default={}) or {}).items():
        for role in finding.get("contacts", ()) if isinstance(finding, dict) else ():
            found.append(RoleRef(source.id, f"finding {finding_id!r}", role, words.path,
                                 words.line("findings", finding_id, "contacts")))
    return found


def tool_references(tools: dict[str, Source] | None = None, root: Path | None = None,
                    docs_dir: Path | None = None) -> ToolNames:
    """Every page reference and contact role the tools declare (all registered tools by default)."""
    tools = all_tools() if tools is None else tools
    pages, roles = [], []
    for source in tools.values():
        pages += _pages(source)
        roles += _roles(source)
    return ToolNames(pages, roles)
