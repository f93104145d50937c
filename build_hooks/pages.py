"""Read each Markdown page in docs/ once: its tables, links, anchors and wizard placeholders.

markdown-it-py does the parsing (never regular expressions). Two things it does not know are
made plain first, keeping every line where it was so line numbers stay right: YAML front
matter is blanked, and the body of an admonition (`!!! note`), a collapsible block (`??? note`)
or a content tab (`=== "Tab"`) is un-indented, so the links and tables inside it are seen.

Each file is parsed once per change: `read_page` caches by path, modification time and size,
so the checks and the page hooks of one build (and of every rebuild under `mkdocs serve`)
share one parse; `read_pages` also keeps each parse in .cache/build_hooks/ by a hash of the
page's content (see build_hooks.cache), so the next build parses only the pages that changed.

Heading ids follow Python-Markdown's toc extension with its default slugify, as mkdocs.yml
configures it; tests/build_hooks/test_pages.py checks them against Python-Markdown itself.
"""

from __future__ import annotations

import os
import posixpath
import time
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

from . import cache

_BLOCK_MARKERS = ("!!!", "???", "===")


@dataclass(frozen=True)
class Link:
    target: str
    line: int
    image: bool = False


@dataclass(frozen=True)
class Row:
    line: int
    cells: tuple[str, ...]  # plain text of each cell, as many as the header has
    sources: tuple[str, ...]  # the Markdown of each cell, as written
    written: int  # how many cells the line really has (the parser pads or cuts to the header)


@dataclass(frozen=True)
class Table:
    line: int  # the header line
    end: int  # the line after the table
    header: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass
class Page:
    rel: str  # docs-relative, like "support/index.md"
    tables: list[Table] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    anchors: set[str] = field(default_factory=set)
    wizards: list[tuple[str, int]] = field(default_factory=list)  # (tool id, line)
    lookalike_tables: list[tuple[int, str]] = field(default_factory=list)  # (line, first cell)
    unreadable: str = ""  # why the file could not be read, if it could not
    lines: int = 0  # how many lines the page has


@lru_cache(maxsize=1)
def _markdown():
    """markdown-it-py, imported on first need (a rebuild with every page cached needs none).

    Block structure for the whole page; inline parsing (the slower half) only for the text that
    can hold a link, an id or markup: see _inline."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table").disable("inline")


def _escaped_split(text: str) -> list[str]:
    """Split a table row into cells exactly as markdown-it-py does (`\\|` is not a split)."""
    from markdown_it.rules_block.table import escapedSplit

    return escapedSplit(text)


_MARKUP = frozenset("[]<>`\\&*_!")
_LINK_START = frozenset("[<")
_CACHE: dict[str, tuple[tuple[str, int, int], Page]] = {}


def read_page(docs_dir: Path, rel: str, kept: cache.Store | None = None) -> Page:
    """The parsed page `rel` (docs-relative): from memory when the file has not changed, else
    from `kept` (the pages kept between builds) when its content has been parsed before."""
    path = os.path.join(docs_dir, rel)
    stat = os.stat(path)
    key = (path, stat.st_mtime_ns, stat.st_size)
    cached = _CACHE.get(path)
    if cached and cached[0] == key:
        return cached[1]
    with open(path, "rb") as file:
        data = file.read()
    entry = cache.key(rel, data) if kept else ""
    page = kept.get(entry) if kept else None
    if page is None:
        try:
            page = parse(data.decode("utf-8"), rel)
        except UnicodeDecodeError as error:
            page = Page(rel, unreadable=f"is not UTF-8 text (byte {error.start} cannot be read)")
        if kept:
            kept.put(entry, page)
    _CACHE[path] = (key, page)
    return page


def page_files(docs_dir: Path) -> list[str]:
    """Every Markdown page MkDocs would build, docs-relative: hidden folders and files left out, as MkDocs does.

    Every page transform asks for this, so a walk is kept and reused while none of the folders
    it read has changed (a file added, removed or renamed changes its folder's modification time)."""
    top = os.fspath(docs_dir)
    kept = _WALKS.get(top)
    if kept is not None and _unchanged(kept[0]):
        return list(kept[1])
    started = time.time_ns()
    found, folders = [], []
    for folder, dirs, files in os.walk(top):
        folders.append((folder, os.stat(folder).st_mtime_ns))
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = os.path.relpath(folder, top)
        for name in files:
            if name.endswith(".md") and not name.startswith("."):
                found.append(name if base == "." else f"{base}/{name}".replace(os.sep, "/"))
    found.sort()
    # A folder changed within a moment of the walk could change again with the same time (file
    # systems keep times coarsely), so such a walk is not kept: the next call walks again.
    if all(mtime < started - _RACY_NS for _, mtime in folders):
        _WALKS[top] = (tuple(folders), tuple(found))
    return found


_WALKS: dict[str, tuple[tuple[tuple[str, int], ...], tuple[str, ...]]] = {}
_RACY_NS = 100_000_000  # 0.1 s: well over any file system's timestamp step


def _unchanged(folders: tuple[tuple[str, int], ...]) -> bool:
    try:
        return all(os.stat(folder).st_mtime_ns == mtime for folder, mtime in folders)
    except OSError:  # a folder has gone
        return False


def shown_path(docs_dir: Path, root: Path | None, rel: str) -> str:
    """How messages name a page: relative to `root` (the folder mkdocs.yml is in), like
    "docs/support/index.md"; by default relative to the folder docs/ is in."""
    return posixpath.normpath(posixpath.join(_shown_dir(Path(docs_dir), root), rel))


@lru_cache(maxsize=64)
def _shown_dir(docs_dir: Path, root: Path | None) -> str:
    folder = docs_dir.resolve()
    base = (root or folder.parent).resolve()
    return folder.relative_to(base).as_posix() if folder.is_relative_to(base) else folder.as_posix()


def read_pages(docs_dir: Path) -> dict[str, Page]:
    """Every page in docs/, parsed; pages parsed by an earlier build are kept in .cache/."""
    kept = cache.store(cache.folder_for(docs_dir) / "pages.pickle", _version())
    pages = {rel: read_page(docs_dir, rel, kept) for rel in page_files(docs_dir)}
    kept.save()
    return pages


@lru_cache(maxsize=1)
def _version() -> str:
    return cache.version_of("markdown_it", "markdown") + cache.key(Path(__file__).read_bytes())[:16]


def parse(text: str, rel: str = "") -> Page:
    """Parse one page's Markdown. Never raises on any text: it only collects what it finds."""
    lines = _plain_lines(text)
    page = Page(rel, lines=len(lines))
    env: dict = {}
    tokens = _markdown().parse("\n".join(lines), env)
    explicit: set[str] = set()
    headings: list[str] = []  # slug sources, in order, for headings with no explicit id
    table: dict | None = None
    row: dict | None = None
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            start = tok.map[0] if tok.map else 0
            table = {"line": start + 1, "end": tok.map[1] if tok.map else start + 1, "header": (), "rows": []}
        elif tok.type == "tr_open" and table is not None:
            row = {"line": tok.map[0] + 1 if tok.map else table["line"], "cells": [], "sources": []}
        elif tok.type == "tr_close" and table is not None and row is not None:
            if not table["header"]:
                table["header"] = tuple(row["cells"])
            else:
                source = lines[row["line"] - 1] if row["line"] - 1 < len(lines) else ""
                table["rows"].append(Row(row["line"], tuple(row["cells"]), tuple(row["sources"]),
                                         _cell_count(source)))
            row = None
        elif tok.type == "table_close" and table is not None:
            page.tables.append(Table(table["line"], table["end"], table["header"],
                                     tuple(table["rows"])))
            table = None
        elif tok.type == "inline":
            heading = i > 0 and tokens[i - 1].type == "heading_open"
            _inline(tok, env, exact_text=heading or row is not None)
            line = tok.map[0] + 1 if tok.map else 1
            if row is not None:
                row["cells"].append(_plain(tok))
                row["sources"].append(tok.content.strip())
            _collect_links(tok, line, page)
            text_part, attr_id = _attributes(tok.content, heading)
            if attr_id:
                explicit.add(attr_id)
            elif heading:
                headings.append(_plain(tok, upto=len(text_part)))
            if i > 0 and tokens[i - 1].type == "paragraph_open" and row is None:
                first = tok.content.split("\n", 1)[0]
                if "|" in first:
                    cells = [c.strip() for c in _escaped_split(first.strip().strip("|"))]
                    if cells and cells[0]:
                        page.lookalike_tables.append((line, cells[0]))
        if tok.type in ("html_block", "inline"):
            html = [tok] if tok.type == "html_block" else [c for c in tok.children or [] if c.type == "html_inline"]
            for piece in html:
                found = _HtmlIds()
                found.feed(piece.content)
                explicit |= found.ids
                if tok.type == "html_block":
                    line = tok.map[0] + 1 if tok.map else 1
                    page.wizards += [(tool, line + offset) for tool, offset in found.wizards]
    # Headings without an explicit id get Python-Markdown's toc slug, made unique against
    # every id already on the page, in page order: the same id MkDocs gives them.
    from markdown.extensions.toc import slugify, unique

    used = set(explicit)
    for heading in headings:
        used.add(unique(slugify(unescape(heading), "-"), used))
    page.anchors = used
    return page


def _plain_lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[0].strip() == "---":  # YAML front matter, as MkDocs reads it
        for end in range(1, len(lines)):
            if lines[end].strip() in ("---", "..."):
                for j in range(end + 1):
                    lines[j] = ""
                break
    return _unfold_blocks(lines)


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


def _unfold_blocks(lines: list[str]) -> list[str]:
    """Un-indent admonition, details and tab bodies in place, one line for one line."""
    out: list[str] = []
    bodies: list[int] = []  # the indent of each open block's body
    fence = ""
    for line in lines:
        if not line.strip():
            out.append("")
            continue
        width = len(_indent(line.expandtabs(4)))
        while bodies and width < bodies[-1]:
            bodies.pop()
        text = line.expandtabs(4)[bodies[-1]:] if bodies else line
        stripped = text.strip()
        if stripped.startswith(("```", "~~~")):
            fence = "" if fence and stripped.startswith(fence) else (fence or stripped[:3])
        if not fence and stripped.startswith(_BLOCK_MARKERS) and _indent(text) == "":
            bodies.append(width + 4)
            out.append("")
            continue
        out.append(text)
    return out


def _cell_count(source: str) -> int:
    body = source.strip()
    if body.startswith("|"):
        body = body[1:]
    if body.endswith("|") and not body.endswith("\\|"):
        body = body[:-1]
    return len(_escaped_split(body))


def _inline(tok, env: dict, exact_text: bool) -> None:
    """Parse an inline token's children when they matter: when it may hold a link or raw HTML,
    and for headings and table cells (`exact_text`) when it has any markup at all."""
    wanted = _MARKUP if exact_text else _LINK_START
    if not tok.children and not wanted.isdisjoint(tok.content):
        tok.children = []
        _markdown().inline.parse(tok.content, _markdown(), env, tok.children)


def _plain(tok, upto: int | None = None) -> str:
    """The text a reader sees in an inline token (links by their text, code by its content)."""
    if not tok.children:  # plain text: nothing to take out
        return " ".join(tok.content[:upto].split("\n")).strip()
    parts: list[str] = []
    for child in tok.children:
        if child.type in ("text", "text_special", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append(" ")
    text = "".join(parts)
    if upto is not None and upto < len(tok.content):
        # Drop a trailing `{#id}`-style attribute list from a heading's text.
        tail = tok.content[upto:].strip()
        if tail and text.rstrip().endswith(tail):
            text = text.rstrip()[: -len(tail)]
    return text.strip()


def _attributes(content: str, heading: bool) -> tuple[str, str]:
    """Split a trailing attr_list (`{#id .class}` or `{: #id }`) off a block's text."""
    text = content.rstrip()
    if not text.endswith("}"):
        return content, ""
    start = text.rfind("{")
    if start < 0 or (not heading and "\n" in text[start:]):
        return content, ""
    if not heading and start > 0 and text[start - 1] != "\n":
        return content, ""  # a paragraph's attribute list stands on its own last line
    inner = text[start + 1:-1].strip()
    if inner.startswith(":"):
        inner = inner[1:].strip()
    parts = inner.split()
    if not parts or not all(p.startswith(("#", ".")) or "=" in p for p in parts):
        return content, ""
    ids = [p[1:] for p in parts if p.startswith("#") and len(p) > 1]
    return text[:start], ids[-1] if ids else ""


def _collect_links(tok, line: int, page: Page) -> None:
    for child in tok.children or []:
        if child.type in ("softbreak", "hardbreak"):
            line += 1
        elif child.type == "link_open":
            href = child.attrGet("href")
            if isinstance(href, str):
                page.links.append(Link(href, line))
        elif child.type == "image":
            src = child.attrGet("src")
            if isinstance(src, str):
                page.links.append(Link(src, line, image=True))


class _HtmlIds(HTMLParser):
    """The ids in a piece of raw HTML, and any decision-tool placeholders in it."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.wizards: list[tuple[str, int]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "div" and "dt-wizard" in (values.get("class") or "").split():
            self.wizards.append((values.get("data-tool") or "", self.getpos()[0] - 1))
