"""The toolkit's own search index, made from the built site, so search is the same whichever
engine (MkDocs or Zensical) built the pages.

Run after the engine: `python -m build_hooks search` (a `make build` step). It reads each page's
`<article>`, splits it into sections at its headings (h1 to h3 with an id), and writes
`site/assets/search/index.json`: every page's title and every section's heading and words, with
the words for the search (`build_hooks/search_words.toml`: other words readers use, and the
situations that lead to a decision tool). The browser builds its own lookup from it
(`assets/javascripts/search-engine.js`).

Only what a reader reads is indexed: a tool page's form (its first question, built so the page
works without JavaScript), its data, and the written-out logic under "How this tool decides" are
left out, except that section's heading and opening paragraph.
"""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path

WORDS = Path(__file__).with_name("search_words.toml")
INDEX = Path("assets") / "search" / "index.json"  # inside the site
TOOL_PAGES = "tools/"

# Not read as prose: controls, scripts, and the parts of a tool page that repeat its logic.
_SKIPPED_TAGS = {"script", "style", "noscript", "form", "button", "input", "select", "textarea", "label", "svg", "nav"}
_SKIPPED_CLASSES = {"dt-wizard__data", "dt-wizard__status", "dt-wizard__step", "dt-logic__questions",
                    "dt-logic__results", "dt-logic__result", "dt-logic__law", "dt-logic__note", "page-actions",
                    "headerlink", "md-source-file"}
_SECTION_HEADINGS = {"h1", "h2", "h3"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class SearchIndexError(Exception):
    """The site cannot be indexed; the message names the file and what is wrong."""


@dataclass
class Section:
    anchor: str
    heading: str
    words: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.words).split())


# The built pages' HTML, read a token at a time: several times quicker than html.parser, which it
# matches on every page of the site (tests/test_search_index.py checks it does).
_TOKEN = re.compile(r"""
    <!--.*?-->                                          # a comment
  | <(?P<end>/)?(?P<tag>[a-zA-Z][^\s/>]*)                # a tag, by its name
     (?P<attrs>(?:[^>"']|"[^"]*"|'[^']*')*)>            # and its attributes (a quoted value may hold '>')
  | <[!?][^>]*>                                         # a declaration or processing instruction
  | (?P<text>[^<]+|<)                                   # text: a '<' that starts nothing is text
""", re.S | re.X)
_ATTRIBUTE = re.compile(r"""([^\s/>"'=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?""")
# Their content is text up to their end tag, never tags.
_RAW_TEXT = {tag: re.compile(f"</{tag}", re.I) for tag in ("script", "style")}


def _attributes(text: str) -> dict[str, str | None]:
    found: dict[str, str | None] = {}
    for name, value in _ATTRIBUTE.findall(text):  # value: "" when the attribute has none
        if value[:1] in ("'", '"'):
            value = value[1:-1]
        elif not value:
            found[name.lower()] = None
            continue
        found[name.lower()] = unescape(value)
    return found


def _read(reader: "_ArticleReader", html: str) -> None:
    """Hand `html`'s tags and text to `reader`, as html.parser.HTMLParser would."""
    at, end = 0, len(html)
    while at < end:
        token = _TOKEN.match(html, at)
        at = token.end()
        if token["text"] is not None:
            text = token["text"]
            reader.handle_data(unescape(text) if "&" in text else text)
        elif token["tag"]:
            tag = token["tag"].lower()
            if token["end"]:
                reader.handle_endtag(tag)
                continue
            attrs = token["attrs"]
            reader.handle_starttag(tag, _attributes(attrs) if ("class" in attrs or "id" in attrs) else {})
            if attrs.endswith("/"):
                reader.handle_endtag(tag)
            elif tag in _RAW_TEXT:
                found = _RAW_TEXT[tag].search(html, at)
                close = found.start() if found else end
                if close > at:
                    reader.handle_data(html[at:close])
                at = close


class _ArticleReader:
    """Collects the sections of the first <article> in a page, skipping what readers do not read."""

    def __init__(self) -> None:
        self.sections: list[Section] = []
        self._depth = 0          # inside <article> when > 0
        self._skip = 0           # inside a skipped element when > 0
        self._stack: list[bool] = []  # for each open element: does it start a skip?
        self._heading: tuple[str, str] | None = None  # (tag, id) of the heading being read
        self._heading_words: list[str] = []
        self._logic_open = False  # inside "How this tool decides": only its heading and first paragraph
        self._logic_paragraphs = 0

    def handle_starttag(self, tag: str, attrs: dict):
        if tag == "article" and not self._depth:
            self._depth = 1
            return
        if not self._depth or tag in _VOID:
            return
        classes = set((attrs.get("class") or "").split())
        skips = self._skip > 0 or tag in _SKIPPED_TAGS or bool(classes & _SKIPPED_CLASSES) or self._logic_skips(tag, classes)
        self._stack.append(skips)
        self._skip += skips
        if tag == "article":
            self._depth += 1
        if not self._skip and tag in _SECTION_HEADINGS and attrs.get("id"):
            self._heading, self._heading_words = (tag, attrs["id"]), []

    def _logic_skips(self, tag: str, classes: set[str]) -> bool:
        if "dt-logic" in classes:
            self._logic_open, self._logic_paragraphs = True, 0
            return False
        if not self._logic_open or self._skip:
            return False
        if tag == "p":
            self._logic_paragraphs += 1
            return self._logic_paragraphs > 1
        return tag not in {"h2", "a", "strong", "em", "code"}

    def handle_endtag(self, tag):
        if not self._depth or tag in _VOID:
            return
        if tag == "article":
            self._depth -= 1
            if not self._depth:
                self._logic_open = False
                return
        if self._heading and tag == self._heading[0] and not self._skip:
            heading = " ".join("".join(self._heading_words).split())
            anchor = "" if tag == "h1" else self._heading[1]
            self.sections.append(Section(anchor, heading))
            self._heading = None
        if self._stack:
            self._skip -= self._stack.pop()

    def handle_data(self, data):
        if not self._depth or self._skip:
            return
        if self._heading:
            self._heading_words.append(data)
        elif self.sections:
            self.sections[-1].words.append(data)


def page_sections(html: str) -> list[Section]:
    # Only the article is read: the rest of a page (its navigation above all) is most of its
    # bytes, and parsing it cost most of the index's build time.
    start, end = html.find("<article"), html.rfind("</article>")
    if start < 0 or end < start:
        return []
    reader = _ArticleReader()
    _read(reader, html[start:end + len("</article>")])
    return reader.sections


def read_words(path: Path = WORDS) -> dict:
    """The search's word lists, checked: a mistake names the file and the entry."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise SearchIndexError(f"{path}: cannot read it as TOML: {error}") from None
    alike = data.get("alike", [])
    for i, group in enumerate(alike, 1):
        if not isinstance(group, list) or len(group) < 2 or not all(isinstance(w, str) and w.strip() for w in group):
            raise SearchIndexError(f"{path}: alike entry {i} ({group!r}) must list two or more words, such as [\"tweet\", \"post\"].")
    for i, situation in enumerate(data.get("situation", []), 1):
        missing = [key for key in ("tool", "page", "title", "words") if not situation.get(key)]
        if missing:
            raise SearchIndexError(f"{path}: situation {i} has no {', '.join(missing)}; each needs tool, page, title and words.")
    return {"alike": alike, "situations": data.get("situation", [])}


def build_index(site: Path, words: dict | None = None) -> dict:
    """The index of every page in `site` that has an <article> (the 404 page and handbooks left out)."""
    if not (site / "index.html").is_file():
        raise SearchIndexError(f"{site}: no index.html; build the site first (mkdocs build or zensical build).")
    pages = []
    for html_file in sorted(site.rglob("index.html")):
        url = html_file.parent.relative_to(site).as_posix()
        url = "" if url == "." else url + "/"
        if url.startswith(("handbooks/", "assets/")):
            continue
        sections = page_sections(html_file.read_text(encoding="utf-8"))
        if not sections:
            continue
        title = sections[0].heading
        pages.append({"url": url, "title": title, "tool": url.startswith(TOOL_PAGES) and url != TOOL_PAGES,
                      "sections": [{"anchor": s.anchor, "heading": s.heading, "text": s.text} for s in sections]})
    words = read_words() if words is None else words
    situations = {s["page"] for s in words["situations"]}
    known = {p["url"] for p in pages}
    for page in sorted(situations - known):
        raise SearchIndexError(f"{WORDS}: a situation leads to {page!r}, which is not a page of the site. Pages of tools: "
                               + ", ".join(u for u in sorted(known) if u.startswith(TOOL_PAGES)))
    return {"schema": 1, "pages": pages, **words}


def write_index(site: Path) -> Path:
    index = build_index(site)
    target = site / INDEX
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return target
