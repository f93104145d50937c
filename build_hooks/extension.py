"""The toolkit's page transforms, as one Python-Markdown extension that MkDocs and Zensical both run.

    markdown_extensions:
      - build_hooks.extension          # options: enabled (default true)

On each page it:
- shows contact tables with `mailto:` and `tel:` links and each role's name (build_hooks.contacts),
  before Markdown reads the page;
- fills each decision-tool placeholder with its first question, its data and "How this tool
  decides" (build_hooks.wizards), and adds "How this tool decides" to the page's contents list;
- fills the incident log's placeholder (build_hooks.incident_log);
- fills the list of handbooks on docs/about/handbooks.md, and on a section's first page sets
  `page.meta.toolkit_handbook`, which overrides/partials/page-actions.html shows as "Print this
  section" (build_hooks.handbooks).

The work is all in the modules named; this file only connects them to Python-Markdown. Each needs
to know which page it is rendering. Zensical registers a preprocessor named "rendering_context" on
every page's Markdown with the page's path, URL and metadata and the site's configuration; MkDocs
does not, so its adapter (build_hooks/mkdocs_hooks/pages.py) hands the page over with `set_page`
just before the page's Markdown is converted.

An error names the page and what to fix (TransformError). The checks that `python -m build_hooks
check` runs before either engine find every problem a page's content can cause here, with its line.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from markdown import Extension, Markdown
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor

from . import handbooks, incident_log, wizards
from .contacts import render_page_contacts
from .pages import shown_path
from .runtime import RuntimeError_
from .urls import page_urls, site_root, source_folder, source_links

ZENSICAL_CONTEXT = "rendering_context"  # the name Zensical registers its page context under


class TransformError(Exception):
    """A page cannot be built; the message names the page and what to fix."""


@dataclass
class PageContext:
    """The page being rendered and what the transforms need to know about its site."""

    src: str  # docs-relative Markdown path: "tools/harassment.md"
    url: str  # site-relative URL, as the engine has it: "" for the home page, "tools/harassment/"
    docs_dir: Path
    nav: list | None = None  # `nav:` as written in mkdocs.yml (None: no handbooks)
    use_directory_urls: bool = True
    meta: dict = field(default_factory=dict)  # the page's metadata, the very dict its template reads
    # True when the engine rewrites links in the page's HTML as written in its Markdown file
    # (Zensical); MkDocs leaves the HTML as it is. See build_hooks.urls.
    links_from_source: bool = False

    def urls(self) -> dict[str, str]:
        """Every page's URL relative to this page, for what the browser reads (data, JSON)."""
        return page_urls(self.docs_dir, self.url, self.src, self.use_directory_urls)

    def links(self) -> dict[str, str]:
        """How this page's HTML links to each page, so that the engine leaves or makes them `urls()`."""
        return source_links(self.docs_dir, self.src) if self.links_from_source else self.urls()

    @property
    def link_base(self) -> str:
        """Where a link in this page's HTML to a file of the site (not a page) is written from."""
        return source_folder(self.src) if self.links_from_source else self.url

    @property
    def shown(self) -> str:
        """How messages name the page: "docs/tools/harassment.md"."""
        return shown_path(self.docs_dir, None, self.src)


@dataclass(frozen=True)
class Options:
    """The extension's settings in mkdocs.yml, typed and checked."""

    enabled: bool = True

    @classmethod
    def from_config(cls, config: dict) -> "Options":
        enabled = config.get("enabled", True)
        if not isinstance(enabled, bool):
            raise TransformError(f"build_hooks.extension in mkdocs.yml: enabled is {enabled!r}; it must be true or false.")
        return cls(enabled=enabled)


_handed: PageContext | None = None


def set_page(context: PageContext | None) -> None:
    """For an engine that does not say which page it renders (MkDocs): the next page's context."""
    global _handed
    _handed = context


def page_of(md: Markdown) -> PageContext:
    """The page `md` is rendering: from Zensical's rendering context, or as an adapter handed it."""
    if ZENSICAL_CONTEXT in md.preprocessors:
        found = md.preprocessors[ZENSICAL_CONTEXT]
        config = found.config
        return PageContext(src=found.page.path, url=found.page.url,
                           docs_dir=Path(config["root_dir"]) / config["docs_dir"],
                           nav=mkdocs_nav(config.get("nav")), use_directory_urls=config["use_directory_urls"],
                           meta=found.page.meta, links_from_source=True)
    if _handed is None:
        raise TransformError("build_hooks.extension does not know which page it is rendering. With MkDocs, "
                             "list build_hooks/mkdocs_hooks/pages.py under hooks: in mkdocs.yml.")
    return _handed


def mkdocs_nav(nav) -> list | None:
    """Zensical's parsed `nav` (items with title, url and children) as mkdocs.yml writes it."""
    if not nav:
        return None

    def item(entry):
        if isinstance(entry, list):
            return [item(child) for child in entry]
        if entry.get("children") or entry.get("url") is None:
            return {entry["title"]: [item(child) for child in entry.get("children") or []]}
        return {entry["title"]: entry["url"]} if entry.get("title") else entry["url"]

    return [item(entry) for entry in nav]


@lru_cache(maxsize=8)
def _plan(nav_json: str, use_directory_urls: bool) -> list[handbooks.Handbook]:
    return handbooks.plan({"nav": json.loads(nav_json), "use_directory_urls": use_directory_urls})


def handbook_plan(page: PageContext) -> list[handbooks.Handbook]:
    """The handbooks the site's navigation makes (none without a nav)."""
    if not page.nav:
        return []
    try:
        return _plan(json.dumps(page.nav, sort_keys=True), page.use_directory_urls)
    except handbooks.HandbookError as error:
        raise TransformError(str(error)) from None


class _Step:
    """What every transform shares: the extension's options, and the page, with errors named."""

    def __init__(self, md: Markdown, options: Options):
        super().__init__(md)
        self.options = options

    def page(self) -> PageContext:
        return page_of(self.md)


class ContactTables(_Step, Preprocessor):
    """Before Markdown reads the page: contact tables get links, and a section's first page its handbook."""

    def run(self, lines: list[str]) -> list[str]:
        if not self.options.enabled:  # the guard
            return lines
        page = self.page()
        handbook = handbooks.handbook_starting_at(handbook_plan(page), page.src)
        if handbook:
            page.meta["toolkit_handbook"] = handbooks.links(handbook, page.url)
        if not any("|" in line for line in lines):
            return lines
        return render_page_contacts("\n".join(lines), page.docs_dir, page.src).split("\n")


class Placeholders(_Step, Postprocessor):
    """After Markdown: the decision tools, the incident log and the handbook list filled in."""

    def run(self, text: str) -> str:
        if not self.options.enabled:  # the guard
            return text
        tools = wizards.placeholders(text)
        log = incident_log.PLACEHOLDER in text
        books = handbooks.LIST_PLACEHOLDER in text
        if not (tools or log or books):
            return text
        page = self.page()
        urls = page.urls()
        try:
            if tools:
                text = wizards.render_wizards(text, base_url=site_root(page.url), page_urls=urls,
                                              links=page.links(), docs_dir=page.docs_dir)
                wizards.add_to_toc(getattr(self.md, "toc_tokens", []), tools)
            if log:
                text = incident_log.render_incident_log(text, base_url=site_root(page.url), page_urls=urls)
        except (RuntimeError_, wizards.WizardError, incident_log.IncidentLogError) as error:
            raise TransformError(f"{page.shown}: {error}") from None
        if books:
            text = text.replace(handbooks.LIST_PLACEHOLDER, handbooks.list_html(handbook_plan(page), page.link_base))
        return text


class ToolkitExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"enabled": [True, "Run the toolkit's page transforms; false leaves pages as written."]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        options = Options.from_config(self.getConfigs())
        # Before whitespace is normalised (30), so the contact tables are read as the file has them.
        md.preprocessors.register(ContactTables(md, options), "toolkit_contacts", 35)
        # After raw HTML is put back (30) and everything else: the placeholders are raw HTML.
        md.postprocessors.register(Placeholders(md, options), "toolkit_placeholders", 1)


def makeExtension(**kwargs) -> ToolkitExtension:
    return ToolkitExtension(**kwargs)
