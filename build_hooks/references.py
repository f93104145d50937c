"""What the decision tools name: pages and anchors (links and law references) and contact roles.

Read generically, so whatever the engine adds is seen too. Any object or mapping with a `page`
field is a page reference (its `anchor`, if any, an id on that page), and `contacts` lists role
ids. They are collected from three places, so nothing a reader can be shown is missed:

1. each outcome of each tool (attributed to that outcome in messages);
2. every value the tool's own module defines (shared links and law references that a tool's
   `explain` adds to a result depending on the answers);
3. the result of every answer path, when the engine offers `paths(tool)` and `run(tool, answers)`.

Each reference carries the source file and line that names it, for messages.
"""

from __future__ import annotations

import dataclasses
import inspect
import sys
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Callable
from pathlib import Path

from . import cache
from .problems import Problem


@dataclass(frozen=True)
class Named:
    tool: str
    outcome: str  # "" when the reference is not tied to one outcome
    # Gives the tool's source files, to find the line that names this: only for a message.
    find: Callable[[], list] = field(default=list, kw_only=True, repr=False, compare=False)

    @property
    def who(self) -> str:
        return f"The {self.tool} tool's outcome {self.outcome!r}" if self.outcome else f"The {self.tool} tool"

    def _quoted(self) -> list[str]:
        return []

    @cached_property
    def _where(self) -> tuple[str, int]:
        return _locate(self.find(), self._quoted(), self.outcome)

    @property
    def path(self) -> str:
        """The source file that names it, for messages."""
        return self._where[0]

    @property
    def line(self) -> int:
        return self._where[1]


@dataclass(frozen=True)
class PageRef(Named):
    page: str
    anchor: str

    def _quoted(self) -> list[str]:
        return [self.page, self.anchor] if self.anchor else [self.page]


@dataclass(frozen=True)
class RoleRef(Named):
    role: str

    def _quoted(self) -> list[str]:
        return [self.role]


@dataclass(frozen=True)
class ToolNames:
    pages: list[PageRef]
    roles: list[RoleRef]
    problems: list[Problem]  # a tool that fails on one of its own answer paths


def all_tools() -> dict:
    import decision_tools

    return dict(decision_tools.TOOLS)


_CACHE: dict[tuple, ToolNames] = {}


def tool_references(tools: dict | None = None, root: Path | None = None,
                    docs_dir: Path | None = None) -> ToolNames:
    """Every page reference and contact role any tool can show.

    Cached in memory (tools do not change in a run) and, for the registered tools and with
    `docs_dir`, between builds too (in its .cache/build_hooks/), keyed by a hash of the
    decision_tools package's source (see build_hooks.cache)."""
    registered = tools is None
    tools = all_tools() if registered else tools
    key = (tuple((tool_id, id(tool)) for tool_id, tool in tools.items()), root)
    if key not in _CACHE:
        kept_in = cache.folder_for(docs_dir) if registered and docs_dir is not None else None
        _CACHE[key] = _read_kept(tools, root, kept_in) if kept_in else _read(tools, root)
    return _CACHE[key]


def _read_kept(tools: dict, root: Path | None, folder: Path) -> ToolNames:
    import decision_tools

    package = Path(decision_tools.__file__).resolve().parent
    sources = [part for p in sorted(package.rglob("*.py")) for part in (p.relative_to(package).as_posix(), p.read_bytes())]
    kept = cache.store(folder / "tools.pickle", cache.key(Path(__file__).read_bytes())[:16])
    entry = cache.key(*sources)
    plain = kept.get(entry)
    if plain is None:
        names = _read(tools, root)
        plain = ([(r.tool, r.outcome, r.page, r.anchor) for r in names.pages],
                 [(r.tool, r.outcome, r.role) for r in names.roles], names.problems)
        kept.put(entry, plain)
        kept.save()
        return names
    finders = {tool_id: _finder(tools, tool_id, root) for tool_id in tools}
    return ToolNames([PageRef(*ref, find=finders[ref[0]]) for ref in plain[0] if ref[0] in finders],
                     [RoleRef(*ref, find=finders[ref[0]]) for ref in plain[1] if ref[0] in finders],
                     list(plain[2]))


def _finder(tools: dict, tool_id: str, root: Path | None) -> Callable[[], list]:
    """A function giving the tool's source files, looked for only when first asked."""

    @lru_cache(maxsize=1)
    def find() -> list:
        return _sources(_defining_modules(tools).get(id(tools[tool_id])), root)

    return find


def _read(tools: dict, root: Path | None) -> ToolNames:
    pages: dict[tuple, PageRef] = {}
    roles: dict[tuple, RoleRef] = {}
    problems: list[Problem] = []
    modules = _defining_modules(tools)
    for tool_id, tool in tools.items():
        find = _finder(tools, tool_id, root)

        def note(data, outcome: str) -> None:
            for ref in _walk_pages(data):
                page, anchor = str(ref.get("page") or ""), str(ref.get("anchor") or "")
                if (tool_id, page, anchor) not in pages:
                    pages[(tool_id, page, anchor)] = PageRef(tool_id, outcome, page, anchor, find=find)
            for role in (data.get("contacts") or ()) if isinstance(data, dict) else ():
                if isinstance(role, str) and (tool_id, role) not in roles:
                    roles[(tool_id, role)] = RoleRef(tool_id, outcome, role, find=find)

        for outcome in getattr(tool, "outcomes", ()):
            data = _as_data(outcome)
            note(data, str(data.get("id", "")))
        for result, answers, error in _every_result(tool):
            if error:
                main_path = find()[0][0] if find() else f"decision tool {tool_id}"
                problems.append(Problem(main_path, 1, f"The {tool_id} tool fails on the answers {answers}: {error}",
                                        "Fix the tool: every answer path must lead to a result."))
            else:
                note(result, str(result.get("id", "")))
        module = modules.get(id(tool))
        for name, value in sorted(vars(module).items()) if module else ():
            # Other tools in the same module are read on their own: skip them here.
            if not name.startswith("__") and not inspect.ismodule(value) and not callable(value) \
                    and not hasattr(value, "outcomes"):
                note({"value": _as_data(value)}, "")
    return ToolNames(list(pages.values()), list(roles.values()), problems)


def _every_result(tool):
    """(result, answers, error) for every answer path, if the engine can list them."""
    engine = sys.modules.get(type(tool).__module__)
    paths, run = getattr(engine, "paths", None), getattr(engine, "run", None)
    if not (callable(paths) and callable(run)):
        return
    try:
        every = list(paths(tool))
    except Exception as error:  # a broken tool is reported, not a traceback
        yield {}, {}, str(error)
        return
    for path in every:
        answers = path.get("answers", {}) if isinstance(path, dict) else {}
        try:
            step = run(tool, answers)
        except Exception as error:
            yield {}, answers, str(error)
            continue
        if isinstance(step, dict) and isinstance(step.get("result"), dict):
            yield step["result"], answers, ""


def _as_data(obj, depth: int = 0):
    """Plain dicts and lists from dataclasses, mappings and sequences; anything else as it is."""
    if depth > 12:
        return None
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: _as_data(getattr(obj, f.name), depth + 1) for f in dataclasses.fields(obj)
                if not callable(getattr(obj, f.name))}
    if isinstance(obj, dict):
        return {k: _as_data(v, depth + 1) for k, v in obj.items()}
    if isinstance(obj, (list, tuple, set, frozenset)):
        return [_as_data(v, depth + 1) for v in obj]
    return obj


def _walk_pages(data):
    """Every mapping with a `page` inside `data` (plain dicts and lists), in order."""
    if isinstance(data, dict):
        if isinstance(data.get("page"), str):
            yield data
        children = data.values()
    else:
        children = data
    for child in children:
        if isinstance(child, (dict, list)):
            yield from _walk_pages(child)


def _defining_modules(tools: dict) -> dict[int, object]:
    """id(tool) -> the module that defines it (the one whose source quotes the tool's id).

    Looks first in the package the tools are registered from; only a tool not found there
    (say, one a test builds) makes it look through every loaded module."""
    wanted = {id(tool): tool for tool in tools.values()}
    found: dict[int, list] = {}

    def look(modules) -> None:
        for module in modules:
            try:
                values = list(vars(module).values())
            except TypeError:
                continue
            for value in values:
                if id(value) in wanted:
                    found.setdefault(id(value), []).append(module)

    packages = {type(tool).__module__.split(".")[0] for tool in tools.values()}
    look([m for name, m in list(sys.modules.items()) if name.split(".")[0] in packages])
    if set(wanted) - set(found):
        look([m for name, m in list(sys.modules.items()) if name.split(".")[0] not in packages])
    chosen = {}
    for key, modules in found.items():
        tool_id = str(getattr(wanted[key], "id", ""))
        chosen[key] = next((m for m in modules if _quotes(m, tool_id)), modules[0])
    return chosen


def _quotes(module, text: str) -> bool:
    try:
        source = inspect.getsource(module)
    except (OSError, TypeError):
        return False
    return f'"{text}"' in source or f"'{text}'" in source


def _sources(module, root: Path | None) -> list[tuple[str, list[str]]]:
    """(path for messages, lines) of the tool's module, then the other modules beside it."""
    try:
        file = Path(inspect.getsourcefile(module)).resolve() if module else None
    except TypeError:
        file = None
    if file is None:
        return []
    top = sys.modules.get(module.__name__.split(".")[0])
    top_file = getattr(top, "__file__", None)
    package_base = None
    if top_file:
        package_base = Path(top_file).resolve().parent
        package_base = package_base.parent if hasattr(top, "__path__") else package_base
    bases = [root, Path.cwd(), package_base]
    found = []
    for path in [file] + sorted(p for p in file.parent.glob("*.py") if p != file):
        shown = path.as_posix()
        for base in bases:
            if base is not None and path.is_relative_to(base.resolve()):
                shown = path.relative_to(base.resolve()).as_posix()
                break
        try:
            found.append((shown, path.read_text(encoding="utf-8").splitlines()))
        except (OSError, UnicodeDecodeError):
            continue
    return found


def _locate(sources, values: list[str], outcome: str) -> tuple[str, int]:
    """The file and line that quote every one of `values` (after the outcome's line, if it has one)."""
    for path, lines in sources:
        start = _line_of(lines, [outcome]) if outcome else 0
        line = (_line_of(lines, values, after=start) if start else 0) or _line_of(lines, values)
        if line:
            return path, line
    for path, lines in sources[:1]:
        if outcome and _line_of(lines, [outcome]):
            return path, _line_of(lines, [outcome])
    return (sources[0][0], 1) if sources else ("decision_tools", 0)


def _line_of(lines: list[str], values: list[str], after: int = 0) -> int:
    """The first line (1-based, from `after`) quoting every value; 0 if none."""
    wanted = [v for v in values if v]
    if not wanted:
        return 0
    for number in range(max(after, 1), len(lines) + 1):
        text = lines[number - 1]
        if all(f'"{v}"' in text or f"'{v}'" in text for v in wanted):
            return number
    return 0
