"""Compare what two builds of the toolkit say on each page, leaving out the theme's chrome.

For each page, three parts are compared after making each canonical (tags with their attributes
sorted, text with its white space collapsed, so that a line break or attribute order is no
difference):
- **content**: the page's `<article>` (its Markdown, what build_hooks.extension adds, the page's
  print actions), without the one thing the theme puts in it, the skip link's target;
- **contents list**: the entries of the page's table of contents (each one's link and words);
- **title**: the document's `<title>`.
Header, navigation, search, footer and scripts are the theme's, and left out.

A difference is reported with a reason when KNOWN has one for it, and as unexplained otherwise.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
_TOC_START = re.compile(r'<nav class="md-nav md-nav--secondary"[^>]*>')
_NAV_TAG = re.compile(r"<(/?)nav\b")
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
# The theme's own element inside the article: Zensical's skip link points at this anchor;
# Material for MkDocs points its skip link at the page's first heading instead.
_CHROME_IN_ARTICLE = re.compile(r'<a id="__skip" tabindex="-1">\s*</a>')

# Differences that are understood: (part, a pattern every changed line matches, the reason).
KNOWN: list[tuple[str, re.Pattern, str]] = []


class _Canonical(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.out.append("<" + tag + "".join(f' {k}="{v}"' if v is not None else f" {k}" for k, v in sorted(attrs)) + ">")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        text = " ".join(data.split())
        if text:
            self.out.append(text)


def canonical(html: str) -> list[str]:
    parser = _Canonical()
    parser.feed(html)
    parser.close()
    return parser.out


def _toc(html: str) -> str:
    """The page's table of contents: its first secondary navigation, nested lists and all."""
    start = _TOC_START.search(html)
    if not start:
        return ""
    depth = 1
    for tag in _NAV_TAG.finditer(html, start.end()):
        depth += -1 if tag[1] else 1
        if depth == 0:
            return html[start.end():tag.start()]
    return html[start.end():]


def parts(html: str) -> dict[str, list[str]]:
    article = _ARTICLE.search(html)
    title = _TITLE.search(html)
    toc_entries = re.findall(r'<a href="([^"]*)" class="md-nav__link">(.*?)</a>', _toc(html), re.S)
    return {
        "content": canonical(_CHROME_IN_ARTICLE.sub("", article[1])) if article else ["(no article)"],
        # Each entry's link and words: the theme wraps them in markup of its own.
        "contents list": [f'{href} {" ".join(w for w in canonical(text) if not w.startswith("<"))}'
                          for href, text in toc_entries],
        "title": canonical(title[1]) if title else [],
    }


@dataclass
class Difference:
    page: str
    part: str
    removed: list[str]  # in the first build only
    added: list[str]  # in the second build only
    reason: str = ""  # empty: not explained


@dataclass
class Comparison:
    names: tuple[str, str]
    pages: int = 0
    only_in: dict[str, list[str]] = field(default_factory=dict)
    differences: list[Difference] = field(default_factory=list)

    @property
    def unexplained(self) -> list[Difference]:
        return [d for d in self.differences if not d.reason]

    def report(self) -> str:
        first, second = self.names
        lines = [f"# Page content: {first} and {second} builds", "",
                 f"{self.pages} pages compared: each page's article, contents list and title, the theme's chrome "
                 "(header, navigation, search, footer, scripts) left out.", ""]
        for name, pages in self.only_in.items():
            if pages:
                lines += [f"Built only by {name}: {', '.join(pages)}", ""]
        differing = sorted({d.page for d in self.differences})
        if not differing and not any(self.only_in.values()):
            lines.append("**No page differs.**")
        else:
            lines += [f"**{len(differing)} page(s) differ** ({len(self.unexplained)} difference(s) without a reason).", ""]
        for d in self.differences:
            lines += [f"## {d.page}: {d.part}", "", f"Reason: {d.reason or 'NOT EXPLAINED'}", "", "```diff"]
            lines += [f"- {line}" for line in d.removed[:40]] + [f"+ {line}" for line in d.added[:40]]
            lines += ["```", ""]
        return "\n".join(lines) + "\n"


def _reason(part: str, changed: list[str]) -> str:
    for known_part, pattern, reason in KNOWN:
        if known_part == part and changed and all(pattern.search(line) for line in changed):
            return reason
    return ""


def compare(first: Path, second: Path, pages: list[str], others: list[str], names=("mkdocs", "zensical")) -> Comparison:
    """Compare `pages` (site-relative, '' for the home page) built in both; `others` are the pages
    the second build has, to find pages only one build made."""
    result = Comparison(names, only_in={names[0]: sorted(set(pages) - set(others)),
                                        names[1]: sorted(set(others) - set(pages))})
    for page in sorted(set(pages) & set(others)):
        result.pages += 1
        a = parts((first / page / "index.html").read_text(encoding="utf-8"))
        b = parts((second / page / "index.html").read_text(encoding="utf-8"))
        for part in a:
            if a[part] == b[part]:
                continue
            removed, added = [], []
            for line in difflib.unified_diff(a[part], b[part], lineterm="", n=0):
                if line.startswith(("---", "+++", "@@")):
                    continue
                (removed if line.startswith("-") else added).append(line[1:])
            result.differences.append(Difference(page or "(home page)", part, removed, added,
                                                 _reason(part, removed + added)))
    return result
