"""The words of the decision tools, kept apart from their routing.

Each tool's questions, options, hints, findings, actions and links are in `tools/<id>.toml`,
beside its flow file; the law's words are in `law.toml`; the presenter's own (headings, buttons,
urgency labels) in `present.toml`. A legal reviewer or a council edits wording there without
touching logic. `problems(tool)` lists every id with no text and every text with no id, each with
its file and line, so the build can fail on them.

Read with `tomllib` and `importlib.resources`, so the same files load in CPython and in Pyodide.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PACKAGE = "decision_tools"


@dataclass(frozen=True)
class Words:
    """One content file: its data, and the line of each table and key (for messages)."""

    path: str  # as shown in messages: decision_tools/tools/harassment.toml
    data: dict
    lines: dict[tuple[str, ...], int]

    def get(self, *keys: str, default=None):
        node = self.data
        for key in keys:
            if not isinstance(node, dict) or key not in node:
                return default
            node = node[key]
        return node

    def text(self, *keys: str) -> str:
        value = self.get(*keys)
        if not isinstance(value, str):
            raise KeyError(f"{self.path}: no text at {'.'.join(keys)}")
        return value

    def line(self, *keys: str) -> int:
        """The line that defines `keys`, or of the nearest table above it that exists."""
        for end in range(len(keys), 0, -1):
            if keys[:end] in self.lines:
                return self.lines[keys[:end]]
        return 1


class ContentError(Exception):
    """A content file cannot be read: the message names the file and line."""


_HEADER = re.compile(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$")
_KEY = re.compile(r'^\s*("[^"]*"|[A-Za-z0-9_-]+)\s*=')


def _index_lines(text: str) -> dict[tuple[str, ...], int]:
    """The line of every `[table]` and `key =` in a content file (our files use plain keys)."""
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = tuple(part.strip().strip('"') for part in header[1].split("."))
            lines.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            lines.setdefault((*table, key[1].strip('"')), number)
    return lines


def read(relative: str) -> Words:
    """A content file of the package, such as "tools/harassment.toml"."""
    return _read(relative)


@lru_cache(maxsize=None)
def _read(relative: str) -> Words:
    path = f"{PACKAGE}/{relative}"
    try:
        text = resources.files(PACKAGE).joinpath(relative).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise ContentError(f"{path}: cannot be read ({error})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{path}: {error}") from None
    return Words(path, data, _index_lines(text))


def read_path(path, shown: str | None = None) -> Words:
    """A content file anywhere (a test's own tool, say), shown in messages as `shown`."""
    from pathlib import Path

    text = Path(path).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{shown or path}: {error}") from None
    return Words(shown or str(path), data, _index_lines(text))


# A tool that is not one of the package's (a test's own) registers its words here.
EXTRA: dict[str, Words] = {}


def for_tool(tool_id: str) -> Words:
    if tool_id in EXTRA:
        return EXTRA[tool_id]
    return read(f"tools/{tool_id.replace('-', '_')}.toml")


def law() -> Words:
    return read("law.toml")


def common() -> Words:
    return read("present.toml")
