"""build_hooks.extension, the page transforms both engines run, on its own: its links are MkDocs'
own for every pair of pages, it reads Zensical's page context as Zensical 0.0.73 gives it, it
says plainly when no engine told it the page, and its setting is checked. And the MkDocs hooks
are adapters only: at most 20 lines each, calling only what the Zensical build also runs."""

from __future__ import annotations

import ast
from pathlib import Path

import markdown
import pytest
from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from build_hooks import extension, urls
from build_hooks.pages import page_files

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
HOOKS = sorted((ROOT / "build_hooks" / "mkdocs_hooks").glob("*.py"))
SAMPLE = page_files(DOCS)


@pytest.mark.parametrize("directory_urls", [True, False])
def test_page_urls_and_links_are_mkdocs_own_for_every_pair_of_pages(directory_urls):
    files = {src: File(src, str(DOCS), "site", directory_urls) for src in SAMPLE}
    for src in SAMPLE:
        assert urls.page_url(src, directory_urls) == files[src].url
    for here in SAMPLE:
        page_url = "" if files[here].url == "./" else files[here].url  # MkDocs' Page.url
        found = urls.page_urls(DOCS, page_url, here, directory_urls)
        for there in SAMPLE:
            expected = "" if there == here else get_relative_url(files[there].url, page_url)
            assert found[there] == expected, (here, there)


def test_source_links_are_written_as_in_the_markdown_file():
    links = urls.source_links(DOCS, "tools/respond.md")
    assert links["tools/respond.md"] == ""
    assert links["tools/index.md"] == "index.md"
    assert links["support/index.md"] == "../support/index.md"
    assert urls.source_links(DOCS, "index.md")["law/harassment.md"] == "law/harassment.md"
    assert urls.source_folder("tools/respond.md") == "tools/" and urls.source_folder("index.md") == ""


class _ZensicalPage:  # what zensical.extensions.context.Page holds (0.0.73)
    def __init__(self, path, url, meta):
        self.path, self.url, self.meta = path, url, meta


class _ZensicalContext(markdown.preprocessors.Preprocessor):
    """Zensical's ContextPreprocessor as it registers itself: name, page and config."""

    def __init__(self, md, page, config):
        super().__init__(md)
        self.page, self.config = page, config

    def run(self, lines):
        return lines


ZENSICAL_NAV = [  # Zensical's parsed nav, as zensical.config._convert_nav makes it
    {"title": None, "url": "index.md", "children": []},
    {"title": "The law", "url": None, "children": [
        {"title": None, "url": "law/index.md", "children": []},
        {"title": "Harassment", "url": "law/harassment.md", "children": []}]},
    {"title": "GOV.UK", "url": "https://www.gov.uk/", "children": []},
]


def test_zensical_nav_reads_back_as_mkdocs_yml_writes_it():
    assert extension.mkdocs_nav(ZENSICAL_NAV) == [
        "index.md", {"The law": ["law/index.md", {"Harassment": "law/harassment.md"}]}, {"GOV.UK": "https://www.gov.uk/"}]
    assert extension.mkdocs_nav([]) is None


def test_the_page_comes_from_zensical_context_and_its_meta_reaches_the_template():
    md = markdown.Markdown(extensions=["toc", "build_hooks.extension"])
    meta = {}
    config = {"root_dir": str(ROOT), "docs_dir": "docs", "nav": ZENSICAL_NAV, "use_directory_urls": True}
    md.preprocessors.register(_ZensicalContext(md, _ZensicalPage("law/index.md", "law/", meta), config),
                              extension.ZENSICAL_CONTEXT, 0)
    page = extension.page_of(md)
    assert (page.src, page.url, page.docs_dir, page.links_from_source) == ("law/index.md", "law/", ROOT / "docs", True)
    md.convert("# The law\n")
    assert meta["toolkit_handbook"] == {"slug": "the-law", "title": "The law",
                                        "html": "../handbooks/the-law.html", "pdf": "../handbooks/the-law.pdf"}


def test_without_a_page_it_says_how_to_give_it_one():
    extension.set_page(None)
    with pytest.raises(extension.TransformError, match=r"list build_hooks/mkdocs_hooks/pages\.py under hooks:"):
        markdown.markdown("# Hello\n", extensions=["build_hooks.extension"])


def test_a_wizard_page_gets_its_tool_and_its_contents_entry():
    extension.set_page(extension.PageContext(src="tools/post.md", url="tools/post/", docs_dir=DOCS))
    try:
        md = markdown.Markdown(extensions=["toc", "md_in_html", "build_hooks.extension"])
        html = md.convert('# Before you post\n\n<div class="dt-wizard" data-tool="post"></div>\n')
    finally:
        extension.set_page(None)
    assert 'class="dt-wizard__data"' in html and 'id="dt-post-logic"' in html
    assert [child["id"] for child in md.toc_tokens[0]["children"]] == ["dt-post-logic"]


def test_turned_off_it_leaves_the_page_as_written():
    extension.set_page(None)  # no page needed: it does nothing
    text = '# Hi\n\n<div class="dt-wizard" data-tool="post"></div>\n'
    html = markdown.markdown(text, extensions=["build_hooks.extension"],
                             extension_configs={"build_hooks.extension": {"enabled": False}})
    assert '<div class="dt-wizard" data-tool="post"></div>' in html


def test_an_unknown_tool_names_the_page():
    extension.set_page(extension.PageContext(src="tools/x.md", url="tools/x/", docs_dir=DOCS))
    try:
        with pytest.raises(extension.TransformError, match=r"^docs/tools/x\.md: the page has a wizard for tool 'nope'"):
            markdown.markdown('<div class="dt-wizard" data-tool="nope"></div>\n', extensions=["build_hooks.extension"])
    finally:
        extension.set_page(None)


# --- The MkDocs hooks are adapters only ----------------------------------------------------------

@pytest.mark.parametrize("hook", HOOKS, ids=[h.name for h in HOOKS])
def test_each_mkdocs_hook_is_at_most_20_lines(hook):
    lines = hook.read_text().splitlines()
    assert len(lines) <= 20, f"{hook.relative_to(ROOT)} has {len(lines)} lines: move its work into build_hooks"


def _reach(hook: Path) -> set[str]:
    """Every name a hook takes from build_hooks: imported names, and attributes of imported modules."""
    tree = ast.parse(hook.read_text())
    names, modules = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("build_hooks"):
            for alias in node.names:
                (modules if node.module == "build_hooks" and alias.name in {"handbooks"} else names).add(alias.asname or alias.name)
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in modules:
            names.add(node.attr)
    return names


# What the Zensical build runs: `python -m build_hooks build` (its steps) and the extension.
ZENSICAL_BUILD = ("__main__.py", "engines.py", "extension.py", "verify.py")


@pytest.mark.parametrize("hook", HOOKS, ids=[h.name for h in HOOKS])
def test_each_mkdocs_hook_calls_only_what_the_zensical_build_runs_too(hook):
    """A hook holds no logic of its own: each thing it calls in build_hooks, the Zensical build
    calls too. The pages hook's own job, handing MkDocs' page to the extension (set_page), is
    what Zensical does itself through its rendering context."""
    zensical = "\n".join((ROOT / "build_hooks" / name).read_text() for name in ZENSICAL_BUILD)
    reach = _reach(hook) - {"set_page", "PageContext"}
    assert reach or hook.name == "pages.py"
    for name in reach:
        assert f"{name}(" in zensical or f"{name} " in zensical or f"{name})" in zensical, \
            f"{hook.name} calls {name}, which the Zensical build never does"
    assert "ZENSICAL_CONTEXT in md.preprocessors" in (ROOT / "build_hooks" / "extension.py").read_text()
