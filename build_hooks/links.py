"""Cross-links: every page and heading a link, a decision tool or the navigation names must exist.

MkDocs checks links between pages itself (its warnings fail `--strict` builds) but without line
numbers; these checks give `path:line` and a suggestion, and add what MkDocs cannot know:

- every page and anchor a decision-tool result names (`page` and `anchor` of its links and law
  references), with anchors computed the way MkDocs' toc extension makes them
  (`{#id}` attr_list ids first, then slugs of the other headings, made unique);
- every decision-tool placeholder names a real tool;
- every page the navigation names exists, and no page is an orphan: left out of the
  navigation AND linked from nowhere (not from another page, not from a tool);
- links to outside sites are allowed, and listed by `external_links` (for a report).
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .pages import Page, read_pages, shown_path
from .problems import Problem
from .project import NavEntry
from .references import all_tools, tool_references

_OUTSIDE_SCHEMES = ("http", "https", "ftp", "ftps")
HOME = "index.md"


@dataclass(frozen=True)
class ExternalLink:
    path: str
    line: int
    url: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.url}"


_shown = shown_path


def _suggest(wanted: str, choices, what: str) -> str:
    close = difflib.get_close_matches(wanted, sorted(choices), n=1, cutoff=0.6)
    return f"Did you mean {what} '{close[0]}'? " if close else ""


def _check_anchor(target_page: Page, anchor: str, where: str, line: int, named: str) -> Problem | None:
    if not anchor or anchor in target_page.anchors:
        return None
    return Problem(where, line, f"{named} '#{anchor}' on {target_page.rel}, which has no heading or element with that id",
                   f"{_suggest(anchor, target_page.anchors, 'the anchor')}"
                   f"Use one of the page's ids, or give a heading that id with '## Heading {{#{anchor}}}'.")


def _resolve(page: Page, target: str) -> tuple[str, str, str]:
    """(kind, docs-relative path, anchor) for a link: kind is outside, other, absolute, or local."""
    if ":" in target or "?" in target or target.startswith("//"):
        parts = urlsplit(target)
        if parts.scheme or parts.netloc:
            outside = parts.scheme.lower() in _OUTSIDE_SCHEMES or (not parts.scheme and parts.netloc)
            return ("outside" if outside else "other"), target, ""
        path, anchor = parts.path, parts.fragment
    else:  # most links: a page, maybe with an anchor (urlsplit is slow for what it would add)
        path, _, anchor = target.partition("#")
    path, anchor = unquote(path), unquote(anchor)
    if path.startswith("/"):
        return "absolute", path, anchor
    if not path:
        return "local", page.rel, anchor
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
    return "local", resolved + ("/" if path.endswith("/") else ""), anchor


def check_links(docs_dir: Path, *, root: Path | None = None, nav: list[NavEntry] | None = None,
                config_file: str = "mkdocs.yml", tools: dict | None = None,
                pages: dict[str, Page] | None = None) -> list[Problem]:
    """Every broken link, anchor, tool reference, placeholder and navigation entry, and every orphan."""
    pages = read_pages(docs_dir) if pages is None else pages
    tools = all_tools() if tools is None else tools
    problems: list[Problem] = []
    linked: set[str] = set()

    for rel, page in pages.items():
        where = _shown(docs_dir, root, rel)
        if page.unreadable:
            problems.append(Problem(where, 1, f"This page {page.unreadable}", "Save it as UTF-8 text."))
            continue
        for link in page.links:
            what = "image" if link.image else "link"
            kind, target, anchor = _resolve(page, link.target)
            if kind in ("outside", "other"):
                continue
            if kind == "absolute":
                problems.append(Problem(where, link.line, f"The {what} '{link.target}' starts with '/', so it breaks when the site is not at the top of its web address",
                                        "Use a relative link to the Markdown file, such as '../support/index.md'."))
                continue
            if target == ".." or target.startswith("../"):
                problems.append(Problem(where, link.line, f"The {what} '{link.target}' points outside docs/",
                                        "Link only to pages and files inside docs/."))
                continue
            folder = target.rstrip("/")
            if target.endswith("/") or (not target.endswith(".md") and folder and (docs_dir / folder).is_dir()):
                index = posixpath.join(folder, "index.md") if folder not in (".", "") else HOME
                hint = f"link to '{posixpath.relpath(index, posixpath.dirname(rel) or '.')}'" if index in pages else "link to a Markdown file"
                problems.append(Problem(where, link.line, f"The {what} '{link.target}' points to a folder, not a page",
                                        f"MkDocs only checks and rewrites links to files: {hint}."))
                continue
            if target.endswith(".md"):
                if target not in pages:
                    close = difflib.get_close_matches(target, sorted(pages), n=1, cutoff=0.6)
                    hint = f"Did you mean '{posixpath.relpath(close[0], posixpath.dirname(rel) or '.')}'? " if close else ""
                    problems.append(Problem(where, link.line, f"The {what} '{link.target}' points to {target}, which does not exist",
                                            f"{hint}Link to a page in docs/ by its file name, relative to this page."))
                    continue
                if target != rel:
                    linked.add(target)
                wrong = _check_anchor(pages[target], anchor, where, link.line, f"The {what} '{link.target}' names")
                if wrong:
                    problems.append(wrong)
            elif not (docs_dir / target).is_file():
                problems.append(Problem(where, link.line, f"The {what} '{link.target}' points to {target}, which does not exist",
                                        "Put the file in docs/ or correct the link."))
        for tool_id, line in page.wizards:
            if tool_id not in tools:
                problems.append(Problem(where, line, f"The decision-tool placeholder names tool {tool_id!r}, which does not exist",
                                        f"{_suggest(tool_id, tools, 'the tool')}The tools are: {', '.join(tools)}."))

    named_by_tools = tool_references(tools, root, docs_dir)
    for ref in named_by_tools.pages:
        named = f"{ref.who} names"
        if ref.page not in pages:
            problems.append(Problem(ref.path, ref.line, f"{named} page {ref.page!r}, which is not in docs/",
                                    f"{_suggest(ref.page, pages, 'the page')}Name a page by its path in docs/, like 'law/harassment.md'."))
            continue
        linked.add(ref.page)
        if ref.anchor and ref.anchor not in pages[ref.page].anchors:
            problems.append(_check_anchor(pages[ref.page], ref.anchor, ref.path, ref.anchor_line or ref.line, named))

    if nav is not None:
        in_nav = set()
        for entry in nav:
            page = posixpath.normpath(entry.page)
            in_nav.add(page)
            if page not in pages:
                problems.append(Problem(config_file, entry.line, f"The navigation names {entry.page!r}, which is not in docs/",
                                        f"{_suggest(page, pages, 'the page')}Correct the path or add the page."))
        for rel in pages:
            if rel not in in_nav and rel not in linked and rel != HOME:
                problems.append(Problem(_shown(docs_dir, root, rel), 1,
                                        "No page links here and the navigation leaves this page out, so readers cannot find it",
                                        "Add it to nav: in mkdocs.yml, link to it from another page, or delete it."))
    return problems


def external_links(docs_dir: Path, *, root: Path | None = None, pages: dict[str, Page] | None = None) -> list[ExternalLink]:
    """Every link to an outside site in the content, where it is. Allowed: this is a report."""
    pages = read_pages(docs_dir) if pages is None else pages
    found = []
    for rel, page in pages.items():
        for link in page.links:
            if _resolve(page, link.target)[0] == "outside":
                found.append(ExternalLink(_shown(docs_dir, root, rel), link.line, link.target))
    return found
