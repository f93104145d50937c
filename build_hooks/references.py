"""What the decision tools name: pages and anchors (links and law references) and contact roles.

Read generically from each tool's outcomes, so new fields the engine adds are seen too: any
mapping with a `page` key inside an outcome is a page reference (its `anchor`, if any, a heading
id on that page), and `contacts` lists role ids. Each reference carries the tool's source file
and the line that names it, for messages.
"""

from __future__ import annotations

import dataclasses
import inspect
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Named:
    tool: str
    outcome: str
    path: str  # the tool's source file, for messages
    line: int


@dataclass(frozen=True)
class PageRef(Named):
    page: str
    anchor: str


@dataclass(frozen=True)
class RoleRef(Named):
    role: str


def all_tools() -> dict:
    import decision_tools

    return dict(decision_tools.TOOLS)


def tool_references(tools: dict | None = None, root: Path | None = None) -> tuple[list[PageRef], list[RoleRef]]:
    """Every page reference and contact role in every outcome of every tool."""
    pages: list[PageRef] = []
    roles: list[RoleRef] = []
    for tool_id, tool in (all_tools() if tools is None else tools).items():
        path, lines = _source(tool, root)
        for outcome in getattr(tool, "outcomes", ()):
            data = _as_data(outcome)
            outcome_id = str(data.get("id", ""))
            at_outcome = _line_of(lines, [outcome_id])
            for ref in _page_refs(data):
                page, anchor = str(ref.get("page") or ""), str(ref.get("anchor") or "")
                line = _line_of(lines, [page, anchor] if anchor else [page]) or _line_of(lines, [anchor]) or at_outcome
                pages.append(PageRef(tool_id, outcome_id, path, line or 1, page, anchor))
            for role in data.get("contacts") or ():
                line = _line_of(lines, [str(role)], after=at_outcome) or _line_of(lines, [str(role)]) or at_outcome
                roles.append(RoleRef(tool_id, outcome_id, path, line or 1, str(role)))
    return pages, roles


def _as_data(obj) -> dict:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return dataclasses.asdict(obj)
    if isinstance(obj, dict):
        return obj
    return dict(vars(obj)) if hasattr(obj, "__dict__") else {}


def _page_refs(data):
    if isinstance(data, dict):
        if "page" in data:
            yield data
        for value in data.values():
            yield from _page_refs(value)
    elif isinstance(data, (list, tuple)):
        for item in data:
            yield from _page_refs(item)


def _source(tool, root: Path | None) -> tuple[str, list[str]]:
    """The file a tool is defined in (as a path for messages) and its lines."""
    module = sys.modules.get(getattr(getattr(tool, "route", None), "__module__", "") or "")
    try:
        file = Path(inspect.getsourcefile(module)).resolve() if module else None
    except TypeError:
        file = None
    if file is None:
        return f"decision tool {getattr(tool, 'id', '?')}", []
    top = sys.modules.get(module.__name__.split(".")[0])
    bases = [root, Path(top.__file__).resolve().parent.parent if top and getattr(top, "__file__", None) else None,
             Path.cwd()]
    shown = file.as_posix()
    for base in bases:
        if base is not None and file.is_relative_to(base.resolve()):
            shown = file.relative_to(base.resolve()).as_posix()
            break
    return shown, file.read_text(encoding="utf-8").splitlines()


def _line_of(lines: list[str], values: list[str], after: int = 0) -> int:
    """The first line (1-based, from `after`) that has every value as a quoted string; 0 if none."""
    wanted = [v for v in values if v]
    if not wanted:
        return 0
    for number, text in enumerate(lines[after - 1 if after else 0:], start=after or 1):
        if all(f'"{v}"' in text or f"'{v}'" in text for v in wanted):
            return number
    return 0
