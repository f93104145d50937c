"""Printable handbooks: one for each top-level section of the navigation, and one for the whole toolkit.

A handbook is an HTML page (`site/handbooks/<slug>.html`) with a cover, a contents list and every
page of its section in navigation order, assembled from the built site's `<article>` content, and
a PDF of it (`site/handbooks/<slug>.pdf`) printed by headless Chromium: tagged for screen readers,
with an outline and page numbers. Links between pages of the same handbook become links inside it.

Run after the engine (MkDocs or Zensical): `python -m build_hooks handbooks` (the `make build`
step), or call `build()` from Python. Everything follows the `nav:` of mkdocs.yml, so new pages need no changes here.
"""

from __future__ import annotations

import html
import json
import os
import posixpath
import re
import tempfile
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property, lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
# The same flags the browser tests use: without the networking ones Chromium reaches for Google's
# hosts, and the resolver rule makes sure a handbook can load nothing from anywhere else.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
FOLDER = "handbooks"  # inside the site: handbooks/<slug>.html, handbooks/<slug>.pdf, handbooks/report.json
WHOLE_TOOLKIT = "whole-toolkit"
LIST_PLACEHOLDER = '<div class="handbook-list"></div>'  # in docs/about/handbooks.md; filled by the hook
_SIZE_SLOT = re.compile(r'<span class="handbook-size" data-handbook="([a-z0-9-]+)">[^<]*</span>')


class HandbookError(Exception):
    """A handbook cannot be made; the message says what is wrong, where, and what to do."""


@dataclass(frozen=True)
class Page:
    src: str  # docs-relative Markdown path, e.g. "law/harassment.md"
    url: str  # site-relative URL, e.g. "law/harassment/" ("" for the home page)
    file: str  # site-relative built file, e.g. "law/harassment/index.html"
    section: str  # top-level section title ("" for a page outside any section)

    @cached_property  # asked for at every link and id of the page
    def anchor(self) -> str:
        """The id of this page inside a handbook: its URL as a slug ("home" for the home page)."""
        return slugify(self.url) or "home"


@dataclass(frozen=True)
class Handbook:
    slug: str
    title: str
    pages: tuple[Page, ...] = field(default_factory=tuple)

    @property
    def html_path(self) -> str:
        return f"{FOLDER}/{self.slug}.html"

    @property
    def pdf_path(self) -> str:
        return f"{FOLDER}/{self.slug}.pdf"


# --- Which handbooks there are: from the nav alone ------------------------------------------------

def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def load_config(config_file: Path) -> dict:
    """mkdocs.yml as MkDocs reads it (its own YAML loader, so `!ENV` and `INHERIT` work)."""
    from mkdocs.utils import yaml_load

    try:
        with open(config_file, encoding="utf-8") as stream:
            config = yaml_load(stream)
    except FileNotFoundError:
        raise HandbookError(f"{config_file}: not found. Run this from the toolkit's folder.") from None
    if not isinstance(config.get("nav"), list) or not config["nav"]:
        raise HandbookError(f"{config_file}: has no 'nav:' list, so there are no sections to print.")
    config["config_file_path"] = str(Path(config_file).resolve())  # as MkDocs' own config has it
    return config


def _page(src: str, section: str, directory_urls: bool) -> Page:
    stem = src[: -len(".md")] if src.endswith(".md") else src
    folder, name = posixpath.split(stem)
    if name in ("index", "README"):
        url = f"{folder}/" if folder else ""
        file = f"{url}index.html"
    elif directory_urls:
        url = f"{stem}/"
        file = f"{url}index.html"
    else:
        url = file = f"{stem}.html"
    return Page(src=src, url=url, file=file, section=section)


def _nav_pages(items: list, section: str, directory_urls: bool, where: str) -> list[Page]:
    pages = []
    for item in items:
        if isinstance(item, str):
            pages.append(_page(item, section, directory_urls))
            continue
        if not isinstance(item, dict) or len(item) != 1:
            raise HandbookError(f"mkdocs.yml nav ({where}): {item!r} is neither a page path nor "
                                "'Title: path' nor 'Section: [...]'.")
        [(title, value)] = item.items()
        if isinstance(value, list):
            pages += _nav_pages(value, section or str(title), directory_urls, f"{where} > {title}")
        elif isinstance(value, str) and value.endswith(".md"):
            pages.append(_page(value, section, directory_urls))
        # Anything else is a link to somewhere outside the docs: nothing to print.
    return pages


def plan(config: dict) -> list[Handbook]:
    """One handbook per top-level nav section (pages in navigation order), then the whole toolkit."""
    directory_urls = config.get("use_directory_urls", True)
    handbooks, everything = [], []
    for item in config["nav"]:
        pages = _nav_pages([item], "", directory_urls, "top level")
        everything += pages
        if isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item.values())), list):
            title = str(next(iter(item)))
            if pages:
                handbooks.append(Handbook(slugify(title), title, tuple(pages)))
    handbooks.append(Handbook(WHOLE_TOOLKIT, "The whole toolkit", tuple(everything)))
    slugs = [h.slug for h in handbooks]
    for slug in slugs:
        if slugs.count(slug) > 1:
            raise HandbookError(f"mkdocs.yml nav: two handbooks would be called '{slug}'. "
                                "Give the sections different titles.")
    return handbooks


def handbook_starting_at(handbooks: list[Handbook], src: str) -> Handbook | None:
    """The section handbook whose first page is `src` (for the "Print this section" link)."""
    for handbook in handbooks:
        if handbook.slug != WHOLE_TOOLKIT and handbook.pages[0].src == src:
            return handbook
    return None


def links(handbook: Handbook, from_url: str) -> dict:
    """What a page at `from_url` needs to link to a handbook (the template's `handbook`)."""
    return {"slug": handbook.slug, "title": handbook.title,
            "html": relative_url(handbook.html_path, from_url),
            "pdf": relative_url(handbook.pdf_path, from_url)}


def list_html(handbooks: list[Handbook], from_url: str) -> str:
    """The list of every handbook, for docs/about/handbooks.md. Sizes are filled in after printing."""
    items = []
    for handbook in handbooks:
        link = links(handbook, from_url)
        title = html.escape(handbook.title)
        pages = len(handbook.pages)
        items.append(
            f'<li><strong>{title}</strong> ({pages} page{"s" if pages != 1 else ""} of the toolkit): '
            f'<a href="{html.escape(link["html"])}">open &lsquo;{title}&rsquo; to read or print</a>, or '
            f'<a href="{html.escape(link["pdf"])}">download &lsquo;{title}&rsquo; '
            f'(<span class="handbook-size" data-handbook="{handbook.slug}">PDF</span>)</a></li>')
    return '<ul class="handbook-list">\n' + "\n".join(items) + "\n</ul>"


def relative_url(target: str, from_url: str) -> str:
    """A site-relative `target` ("handbooks/x.pdf") as seen from the page at site-relative `from_url`."""
    base = "/" + from_url
    folder = base if base.endswith("/") else posixpath.dirname(base) + "/"
    relative = posixpath.relpath("/" + target, folder)
    return relative + "/" if (not target or target.endswith("/")) and not relative.endswith("/") else relative


# --- Assembling a handbook page from the built site -----------------------------------------------

_ARTICLE_START, _ARTICLE_END = '<article class="md-content__inner md-typeset">', "</article>"
_PAGE_ACTIONS = re.compile(r'<div class="page-actions"[^>]*>.*?</div>', re.S)
# The theme's skip-link target, which Zensical puts at the top of the article: chrome, not content.
_SKIP_TARGET = re.compile(r'<a id="__skip" tabindex="-1">\s*</a>')
_SCRIPT = re.compile(r"<script\b.*?</script>", re.S)
_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TAG = re.compile(r"<[^>]+>")
_STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"[^>]*>')
_BODY = re.compile(r"<body\b([^>]*)>")
_LANG = re.compile(r'<html\b[^>]*\blang="([^"]+)"')
_QUICK_EXIT = re.compile(r'<aside class="dt-exit".*?</aside>', re.S)
_HREF = re.compile(r'href="([^"]*)"')
# The attributes a page's article changes inside a handbook: ids and what points at them, image
# paths, and content tabs' radio groups. A pattern that starts with a plain space is several times
# quicker in Python's re than one that starts with any white space; both give the same result.
_PLACED_ATTRIBUTES = ("id", "for", "aria-labelledby", "aria-describedby", "aria-controls", "src", "name")
_ATTRIBUTE = re.compile(f'( )({"|".join(_PLACED_ATTRIBUTES)})="([^"]*)"')
_ATTRIBUTE_AFTER_ANY_SPACE = re.compile(f'(?<=\\s)()({"|".join(_PLACED_ATTRIBUTES)})="([^"]*)"')
_HEADING = re.compile(r"<(/?)h([1-6])\b")
_LINK = re.compile(r'<a\b([^>]*?)(?<=\s)href="([^"]*)"([^>]*)>(.*?)</a>', re.S)


def _text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub("", fragment)).split())


def _read_built(site_dir: Path, page: Page) -> str:
    path = site_dir / page.file
    if not path.exists():
        raise HandbookError(f"{path}: missing, but mkdocs.yml nav lists {page.src}. "
                            "Run 'mkdocs build' (make build does) before making handbooks.")
    return path.read_text(encoding="utf-8")


# Each built page's article, by file and its modification time and size: a page is in two or
# three handbooks (and its title is read first), so it is read and cut out once, not each time.
_ARTICLES: dict[Path, tuple[tuple[int, int], str]] = {}


def _built_article(site_dir: Path, page: Page) -> str:
    path = site_dir / page.file
    try:
        stat = path.stat()
    except FileNotFoundError:
        return _article(_read_built(site_dir, page), page, site_dir)  # says what is missing
    key = (stat.st_mtime_ns, stat.st_size)
    kept = _ARTICLES.get(path)
    if kept is None or kept[0] != key:
        kept = _ARTICLES[path] = (key, _article(_read_built(site_dir, page), page, site_dir))
    return kept[1]


def _article(built: str, page: Page, site_dir: Path) -> str:
    start = built.find(_ARTICLE_START)
    end = built.find(_ARTICLE_END, start) if start >= 0 else -1
    if end < 0:
        raise HandbookError(f"{site_dir / page.file}: has no <article> with the page's content; "
                            "was it built with the Material theme?")
    article = built[start + len(_ARTICLE_START):end]
    article = _SCRIPT.sub("", _PAGE_ACTIONS.sub("", _SKIP_TARGET.sub("", article)))
    # A page listing the handbooks may already have the last build's sizes in it: not in a handbook.
    return _SIZE_SLOT.sub(lambda m: f'<span class="handbook-size" data-handbook="{m[1]}">PDF</span>',
                          article).strip()


def page_title(article: str, page: Page) -> str:
    match = _H1.search(article)
    if not match:
        raise HandbookError(f"docs/{page.src}: has no '# Heading'; every page needs one (it is the "
                            "page's title in handbooks).")
    return _text(match[1])


@lru_cache(maxsize=65536)  # the same links recur on every page and in every handbook
def _site_target(page_url: str, href: str) -> tuple[str, str] | None:
    """(site-relative path, fragment) for a link on the page at `page_url` to somewhere in the
    site, else None."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith("#"):
        return None
    resolved = urlsplit(urljoin("http://site/" + page_url, href))
    path = resolved.path.lstrip("/")
    if path.endswith("index.html") and not page_url.endswith(".html"):
        path = path[: -len("index.html")]
    return path, resolved.fragment


class _Rewriter:
    """Rewrites one page's links, ids and image paths for its place inside a handbook."""

    def __init__(self, page: Page, inside: dict[str, Page], titles: dict[str, str],
                 sections: dict[str, str], site_url: str):
        self.page, self.inside, self.site_url = page, inside, site_url
        self.titles, self.sections = titles, sections

    def _id(self, value: str) -> str:
        return f"{self.page.anchor}--{value}"

    def _site_target(self, href: str) -> tuple[str, str] | None:
        return _site_target(self.page.url, href)

    def _note(self, path: str, text: str) -> str:
        """Where a link to another toolkit page goes, said in words for paper."""
        title, section = self.titles[path], self.sections[path]
        if text == title:
            return f"in the toolkit, section ‘{section}’" if section else "in the toolkit"
        if not section or section == title:
            return f"in the toolkit: ‘{title}’"
        return f"in the toolkit: ‘{title}’, section ‘{section}’"

    def link(self, match: re.Match) -> str:
        before, href, after, text = match[1], html.unescape(match[2]), match[3], match[4]

        def anchor(target: str, extra: str = "") -> str:
            return f'<a{before}{extra}href="{html.escape(target)}"{after}>{text}</a>'

        if href.startswith("#"):
            return anchor(f"#{self._id(href[1:])}" if href[1:] else f"#{self.page.anchor}")
        site = self._site_target(href)
        if site is None:
            return match[0]  # another host, mailto: or tel:: print.js shows these on paper
        path, fragment = site
        if path in self.inside:
            target_page = self.inside[path]
            return anchor("#" + (f"{target_page.anchor}--{fragment}" if fragment else target_page.anchor))
        target = (self.site_url.rstrip("/") + "/" + path) if self.site_url else "../" + path
        target += f"#{fragment}" if fragment else ""
        # Marked, so a PDF printed without site_url can drop links that would point at this machine.
        if path in self.titles:  # another page of the toolkit: say where, since paper has no links
            note = html.escape(self._note(path, _text(text)))
            return anchor(target, f'data-handbook-site-link data-print-target="{note}" ')
        return anchor(target, "data-handbook-site-link ")

    def __call__(self, article: str) -> str:
        return _LINK.sub(self.link, _placed(self.page, article))


# Each page's article with its ids and image paths made its own and its headings moved down a
# level: the same in every handbook the page is in, so made once a page (the links differ).
_PLACED: dict[str, tuple[str, str]] = {}


def _placed(page: Page, article: str) -> str:
    kept = _PLACED.get(page.src)
    if kept is None or kept[0] is not article:
        kept = _PLACED[page.src] = (article, _place(page, article))
    return kept[1]


def _place(page: Page, article: str) -> str:
    def attribute(match: re.Match) -> str:
        space, name, value = match[1], match[2], match[3]
        if name == "src":
            site = _site_target(page.url, html.unescape(value))
            return match[0] if site is None else f'{space}src="../{html.escape(site[0])}"'
        if name == "name":  # a content tab's radio group
            return f'{space}name="{page.anchor}--{value}"' if value.startswith("__tabbed_") else match[0]
        return f'{space}{name}="{" ".join(f"{page.anchor}--{v}" for v in value.split())}"'

    article = _attributes_pattern(article).sub(attribute, article)
    # The handbook's own title is the one h1; each page's headings move down a level.
    return _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}", article)


def _attributes_pattern(article: str) -> re.Pattern:
    """The quicker pattern, unless an attribute here follows a tab or a line break, not a space."""
    if any(f"{space}{name}=\"" in article for space in "\t\n\r\f" for name in _PLACED_ATTRIBUTES):
        return _ATTRIBUTE_AFTER_ANY_SPACE
    return _ATTRIBUTE


def build_date() -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set, so a rebuild of the same sources prints the same cover."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.fromtimestamp(int(epoch), timezone.utc) if epoch else datetime.now(timezone.utc)


def toolkit_version() -> str:
    from .runtime import toolkit_version as version

    return version()


def _format_date(moment: datetime) -> str:
    return f"{moment.day} {moment:%B %Y}"  # GOV.UK style: 21 November 2026


def assemble(handbook: Handbook, site_dir: Path, config: dict, *, date: datetime, version: str,
             titles: dict[str, str], sections: dict[str, str], cover: str | None = None) -> str:
    """The handbook as one HTML page. `cover`: its inside cover, when already made (it is the same
    for every handbook)."""
    inside = {page.url: page for page in handbook.pages}
    from_page = handbook.pages[0]
    first = _read_built(site_dir, from_page)
    # The site's own stylesheets (Material's, the council's, print.css), re-pointed from handbooks/.
    styles = []
    for href in _STYLESHEET.findall(first):
        path = urlsplit(urljoin("http://site/" + from_page.url, html.unescape(href))).path.lstrip("/")
        styles.append(f'<link rel="stylesheet" href="{html.escape(relative_url(path, handbook.html_path))}">')
    body = _BODY.search(first)
    lang = _LANG.search(first)
    site_name = config.get("site_name", "")
    council = ((config.get("extra") or {}).get("council") or {}).get("name", "")
    home = relative_url("", handbook.html_path)
    script = relative_url("assets/javascripts/print.js", handbook.html_path)
    exit_script = relative_url("assets/javascripts/quick-exit.js", handbook.html_path)
    quick_exit = _quick_exit(first, from_page, handbook, site_dir)
    theme = config.get("theme")
    logo = theme.get("logo") if hasattr(theme, "get") else None  # a dict, or MkDocs' Theme
    logo = (f'<img class="handbook-cover__logo" alt="" src="{html.escape(relative_url(logo, handbook.html_path))}">\n'
            if logo else "")

    parts = []
    for page in handbook.pages:
        rewrite = _Rewriter(page, inside, titles, sections, config.get("site_url") or "")
        article = rewrite(_built_article(site_dir, page))
        kicker = (f'<p class="handbook-page__section">{html.escape(page.section)}</p>'
                  if handbook.slug == WHOLE_TOOLKIT and page.section else "")
        parts.append(f'<section class="handbook-page" id="{page.anchor}">{kicker}\n{article}\n</section>')
    contents_html = _contents(handbook, titles)

    pdf = f"{handbook.slug}.pdf"
    return f"""<!doctype html>
<html lang="{html.escape(lang[1] if lang else 'en')}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>{html.escape(handbook.title)}: handbook - {html.escape(site_name)}</title>
{chr(10).join(styles)}
</head>
<body{body[1] if body else ''} class="handbook">
{quick_exit}
<nav class="page-actions handbook__actions md-typeset" aria-label="Handbook">
<a href="{html.escape(home)}">Back to the toolkit</a>
<button type="button" class="md-button md-button--primary" data-print-page>Print this handbook</button>
<a href="{html.escape(pdf)}" download>Download the PDF</a>
</nav>
<main class="md-typeset handbook__content">
<header class="handbook-cover">
{logo}<p class="handbook-cover__toolkit">{html.escape(site_name)}</p>
<h1 class="handbook-cover__title">{html.escape(handbook.title)}</h1>
<p class="handbook-cover__council">{html.escape(council)}</p>
<dl class="handbook-cover__facts">
<dt>Date</dt><dd>{_format_date(date)}</dd>
<dt>Version</dt><dd>{html.escape(version)}</dd>
<dt>Contents</dt><dd>{len(handbook.pages)} page{"s" if len(handbook.pages) != 1 else ""} of the toolkit</dd>
</dl>
<p class="handbook-cover__note">{html.escape(config.get('copyright') or 'Guidance, not legal advice.')}</p>
</header>
{inside_cover(config, site_dir) if cover is None else cover}
<nav class="handbook-contents" aria-labelledby="handbook-contents">
<h2 id="handbook-contents">Contents</h2>
{contents_html}
</nav>
{chr(10).join(parts)}
</main>
<script type="module" src="{html.escape(script)}"></script>
<script type="module" src="{html.escape(exit_script)}"></script>
</body>
</html>
"""


# The contacts a handbook's inside cover gives, the most urgent first, where the council lists them.
KEY_CONTACTS = ("police-emergency", "police-non-emergency", "police-adviser", "clerk", "member-support",
                "monitoring-officer", "wellbeing", "samaritans")


def _quick_exit(built: str, from_page: Page, handbook: Handbook, site_dir: Path) -> str:
    """The site's own quick exit (overrides/partials/quick-exit.html), as a page built it, with its
    link re-pointed from handbooks/: one markup for it, wherever it shows."""
    found = _QUICK_EXIT.search(built)
    if not found:  # a frightened reader must be able to leave the handbook as fast as any page
        raise HandbookError(f"{site_dir / from_page.file}: has no 'Leave this site quickly' block "
                            "(<aside class=\"dt-exit\">, from overrides/partials/quick-exit.html), so the "
                            "handbook would have none. Was the page built with the toolkit's overrides?")

    def from_handbook(link: re.Match) -> str:
        path = urlsplit(urljoin("http://site/" + from_page.url, html.unescape(link[1]))).path.lstrip("/")
        return f'href="{html.escape(relative_url(path, handbook.html_path))}"'

    return _HREF.sub(from_handbook, found[0])


def toolkit_address(config: dict) -> str:
    """Where a reader finds the toolkit again: site_url, or the council's own wording for it."""
    council = (config.get("extra") or {}).get("council") or {}
    return config.get("site_url") or council.get("toolkit_location") or ""


def inside_cover(config: dict, site_dir: Path) -> str:
    """The way back from paper: the toolkit's address and the council's key contacts."""
    from decision_tools.present import contact_html

    from .contacts import contacts_by_role

    docs_dir = Path(config.get("config_file_path") or ROOT / "mkdocs.yml").parent / (config.get("docs_dir") or "docs")
    contacts = contacts_by_role(docs_dir)
    cards = "".join(contact_html(role, {"contacts": contacts}) for role in KEY_CONTACTS if role in contacts)
    address = toolkit_address(config)
    where = (f'<p class="handbook-inside__address">Find the toolkit at <strong>{html.escape(address)}</strong>. '
             "Its decision tools and your incident log are there, not on paper.</p>" if address else "")
    return (f'<section class="handbook-inside" aria-labelledby="handbook-inside">'
            f'<h2 id="handbook-inside">In danger now? Call 999. Key contacts</h2>{where}'
            f'<ul class="dt-contacts contact-cards">{cards}</ul></section>')


def _contents(handbook: Handbook, titles: dict[str, str]) -> str:
    """The contents list; the whole toolkit's is grouped by section."""
    def items(pages) -> str:
        return "".join(f'<li class="handbook-contents__item"><a href="#{p.anchor}">'
                       f'{html.escape(titles[p.url])}</a></li>' for p in pages)

    if handbook.slug != WHOLE_TOOLKIT:
        return f"<ol>{items(handbook.pages)}</ol>"
    groups: dict[str, list[Page]] = {}
    for page in handbook.pages:
        groups.setdefault(page.section, []).append(page)
    return "<ol>" + "".join(f"<li>{html.escape(section)}<ol>{items(pages)}</ol></li>" if section
                            else items(pages) for section, pages in groups.items()) + "</ol>"


def all_titles(config: dict, site_dir: Path) -> dict[str, str]:
    """Every nav page's title (its h1), by site-relative URL."""
    [whole] = [h for h in plan(config) if h.slug == WHOLE_TOOLKIT]
    titles = {}
    for page in whole.pages:
        titles[page.url] = page_title(_built_article(site_dir, page), page)
    return titles


def write_pages(site_dir: Path, config: dict, *, date: datetime | None = None,
                version: str | None = None) -> list[Handbook]:
    """Write every handbook's HTML page into site/handbooks/. Fast: no browser."""
    handbooks = plan(config)
    titles = all_titles(config, site_dir)
    sections = {page.url: page.section for page in handbooks[-1].pages}
    date = date or build_date()
    version = version or toolkit_version()
    folder = site_dir / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    cover = inside_cover(config, site_dir)
    for handbook in handbooks:
        page = assemble(handbook, site_dir, config, date=date, version=version,
                        titles=titles, sections=sections, cover=cover)
        (site_dir / handbook.html_path).write_text(page, encoding="utf-8")
    return handbooks


# --- Printing the PDFs -----------------------------------------------------------------------------

def _footer(handbook: Handbook, site_name: str) -> str:
    # Chromium draws this in the bottom margin of every page; it takes inline styles only.
    label = html.escape(f"{site_name}: {handbook.title}")
    return ('<div style="width:100%;font-size:8pt;color:#444;padding:0 16mm;display:flex;'
            'justify-content:space-between;font-family:Helvetica,Arial,sans-serif">'
            f'<span>{label}</span><span>Page <span class="pageNumber"></span> of '
            '<span class="totalPages"></span></span></div>')


def print_pdfs(site_dir: Path, handbooks: list[Handbook], config: dict) -> None:
    """Print each handbook page to its PDF in one headless Chromium."""
    if not Path(CHROMIUM).exists():
        raise HandbookError(f"{CHROMIUM} is missing: handbooks are printed by Debian's Chromium. "
                            "Run 'make build' (it installs it), or 'apt-get install chromium'.")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise HandbookError("Playwright is not installed: run 'make build' to set up .venv.") from None
    site_name = config.get("site_name", "")
    with tempfile.TemporaryDirectory(prefix="toolkit-handbooks-") as scratch, sync_playwright() as playwright:
        # Chromium writes a profile and caches: into the Makefile's folders, or a throwaway one.
        env = {**os.environ, "XDG_CONFIG_HOME": os.environ.get("XDG_CONFIG_HOME", f"{scratch}/config"),
               "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", f"{scratch}/cache")}
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=env)
        try:
            page = browser.new_page()
            for handbook in handbooks:
                page.goto((site_dir / handbook.html_path).resolve().as_uri(), wait_until="load")
                if not config.get("site_url"):
                    # Links to the rest of the site would point at this build machine; on paper
                    # print.css names the page instead.
                    page.evaluate("document.querySelectorAll('a[data-handbook-site-link]')"
                                  ".forEach(a => a.removeAttribute('href'))")
                _print_with_page_numbers(page, site_dir / handbook.pdf_path, handbook,
                                         _footer(handbook, site_name))
        finally:
            browser.close()


def _print_with_page_numbers(page, pdf: Path, handbook: Handbook, footer: str) -> None:
    """Paper has no links, so the contents gets page numbers and each link inside the handbook
    says "(page N)". Print (untagged, quicker) to find where every link target lands, write the
    numbers in, and print again, tagged, until the numbers hold: usually once."""
    numbers: dict[str, int] = {}
    for attempt in range(6):
        final = attempt > 0  # the first print only finds where things land
        page.evaluate(_SET_NUMBERS, numbers)
        page.pdf(path=pdf, format="A4", prefer_css_page_size=True, print_background=True,
                 tagged=final, outline=final, display_header_footer=final,
                 header_template="<div></div>", footer_template=footer)
        landed = anchor_pages(pdf)
        missing = [p.anchor for p in handbook.pages if p.anchor not in landed]
        if missing:
            raise HandbookError(f"{pdf}: Chromium left out the link targets of {missing}.")
        if final and landed == numbers:
            return
        numbers = landed
    raise HandbookError(f"{pdf}: the page numbers written into it kept moving its pages. "
                        "Look for a very long page title or a page with many links near a page break.")


# Writes the page numbers in: after each entry in the contents, and after each link to
# somewhere else in the handbook (print.css shows data-print-target after a link, on paper).
_SET_NUMBERS = """numbers => {
  for (const [id, number] of Object.entries(numbers)) {
    const href = '[href="#' + CSS.escape(id) + '"]';
    const entry = document.querySelector('.handbook-contents a' + href);
    if (entry) {
      let slot = entry.parentElement.querySelector(':scope > .handbook-contents__page');
      if (!slot) {
        slot = document.createElement('span');
        slot.className = 'handbook-contents__page';
        entry.after(slot);
      }
      slot.textContent = number;
    }
    for (const link of document.querySelectorAll('.handbook-page a' + href)) {
      link.setAttribute('data-print-target', 'page ' + number);
    }
  }
}"""


def _pdf_objects(data: bytes) -> dict[int, bytes]:
    # Chromium (Skia) writes its page tree and destinations as plain, uncompressed objects.
    return {int(m[1]): m[2] for m in
            re.finditer(rb"(?m)^(\d+) 0 obj\s*(<<.*?>>)\s*(?:endobj|stream)", data, re.S)}


def _pages_in_order(pdf: Path, objects: dict[int, bytes]) -> list[int]:
    roots = [n for n, body in objects.items() if re.search(rb"/Type\s*/Pages\b", body) and b"/Parent" not in body]
    if len(roots) != 1:
        raise HandbookError(f"{pdf}: cannot find its page tree; was it printed by Chromium?")

    def walk(number: int) -> list[int]:
        body = objects[number]
        if not re.search(rb"/Type\s*/Pages\b", body):
            return [number]
        kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body)
        return [page for kid in re.findall(rb"(\d+) 0 R", kids[1] if kids else b"") for page in walk(int(kid))]

    return walk(roots[0])


def pdf_page_count(pdf: Path) -> int:
    """Pages in a PDF, from its page tree."""
    return len(_pages_in_order(pdf, _pdf_objects(pdf.read_bytes())))


def anchor_pages(pdf: Path) -> dict[str, int]:
    """The page (from 1) that each named destination (an element id) is on."""
    objects = _pdf_objects(pdf.read_bytes())
    order = {number: index for index, number in enumerate(_pages_in_order(pdf, objects), start=1)}
    catalog = next((body for body in objects.values() if re.search(rb"/Type\s*/Catalog\b", body)), b"")
    dests = re.search(rb"/Dests\s+(\d+) 0 R", catalog)
    if not dests:
        return {}
    names = re.findall(rb"/([^\s/\[]+)\s*\[(\d+) 0 R", objects[int(dests[1])])
    decode = lambda name: re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m[1], 16)]), name).decode()
    return {decode(name): order[int(page)] for name, page in names if int(page) in order}


def report(site_dir: Path, handbooks: list[Handbook]) -> list[dict]:
    rows = []
    for handbook in handbooks:
        pdf = site_dir / handbook.pdf_path
        rows.append({"slug": handbook.slug, "title": handbook.title, "html": handbook.html_path,
                     "pdf": handbook.pdf_path, "toolkit_pages": len(handbook.pages),
                     "pdf_pages": pdf_page_count(pdf), "pdf_bytes": pdf.stat().st_size})
    (site_dir / FOLDER / "report.json").write_text(json.dumps({"handbooks": rows}, indent=2) + "\n",
                                                   encoding="utf-8")
    return rows


def format_size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} KB"


def format_report(rows: list[dict], site_dir: Path = Path("site")) -> str:
    width = max(len(r["title"]) for r in rows)
    lines = [f"{'Handbook':<{width}}  {'PDF pages':>9}  {'Size':>8}  File"]
    lines += [f"{r['title']:<{width}}  {r['pdf_pages']:>9}  {format_size(r['pdf_bytes']):>8}  "
              f"{(site_dir / r['pdf']).as_posix()}" for r in rows]
    return "\n".join(lines)


def fill_sizes(site_dir: Path, rows: list[dict]) -> None:
    """Put each PDF's page count and size into the site's links to it (GOV.UK: say what a file is)."""
    by_slug = {r["slug"]: r for r in rows}

    def fill(match: re.Match) -> str:
        row = by_slug.get(match[1])
        label = f"PDF, {format_size(row['pdf_bytes'])}, {row['pdf_pages']} pages" if row else "PDF"
        return f'<span class="handbook-size" data-handbook="{match[1]}">{label}</span>'

    for path in site_dir.rglob("*.html"):
        if path.parts[len(site_dir.parts)] == "assets":
            continue
        text = path.read_text(encoding="utf-8")
        if 'class="handbook-size"' in text:
            path.write_text(_SIZE_SLOT.sub(fill, text), encoding="utf-8")


def build(site_dir: Path = ROOT / "site", config_file: Path = ROOT / "mkdocs.yml") -> list[dict]:
    """Write every handbook page and PDF, report.json, and the sizes on the links. Returns the rows."""
    if not (site_dir / "index.html").exists():
        raise HandbookError(f"{site_dir}: no built site. Run 'mkdocs build' first (make build does).")
    config = load_config(config_file)
    handbooks = write_pages(site_dir, config)
    print_pdfs(site_dir, handbooks, config)
    rows = report(site_dir, handbooks)
    fill_sizes(site_dir, rows)
    return rows
