"""After the engine: has every page of the built site what the toolkit's page transforms add?

Zensical silently ignores what it does not run (MkDocs hooks, unknown plugins), so a page could
reach readers with an empty decision tool or a contact table of bare role ids, and the build
would still pass. This reads the built pages back, and reports each gap by the page's file and
line, as the checks do:
- a decision-tool placeholder not filled in (no first question, no data, no written-out logic);
- the incident log or the list of handbooks not filled in;
- a contact table whose role ids were not turned into what each role is;
- a section's first page without its "Print this section" link.

    verify_site(Path("mkdocs.yml"), Path("site")) -> [Problem]     (`python -m build_hooks verify`)
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

from decision_tools.contacts import ROLES

from . import handbooks, incident_log
from .contacts import is_contact_table
from .pages import read_pages, shown_path
from .problems import Problem
from .project import load_project
from .urls import page_url

_FIX = ("Is build_hooks.extension listed under markdown_extensions in mkdocs.yml? Both engines need it "
        "(Zensical runs no MkDocs hooks). Then build again")


def built_file(src: str, use_directory_urls: bool = True) -> str:
    """The site-relative file a docs-relative page is built into: "law/harassment/index.html"."""
    url = unquote(page_url(src, use_directory_urls))
    if url == "./":
        return "index.html"
    return url + "index.html" if url.endswith("/") else url


def _line_of(docs_dir: Path, rel: str, text: str) -> int:
    try:
        lines = (docs_dir / rel).read_text(encoding="utf-8").splitlines()
    except OSError:
        return 0
    return next((n for n, line in enumerate(lines, 1) if text in line), 0)


def verify_site(config_file: Path, site_dir: Path) -> list[Problem]:
    project = load_project(Path(config_file))
    config = handbooks.load_config(Path(config_file)) if project.nav else {}
    directory_urls = config.get("use_directory_urls", True)
    plan = handbooks.plan(config) if config else []
    first_pages = {h.pages[0].src: h for h in plan if h.slug != handbooks.WHOLE_TOOLKIT}
    problems: list[Problem] = []
    for rel, page in read_pages(project.docs_dir).items():
        where = shown_path(project.docs_dir, project.root, rel)
        built = Path(site_dir) / built_file(rel, directory_urls)
        if not built.is_file():
            problems.append(Problem(where, 0, f"The page was not built: {built} is missing",
                                    "Look at the engine's messages above"))
            continue
        html = built.read_text(encoding="utf-8")

        def missing(line: int, what: str) -> None:
            problems.append(Problem(where, line, f"{what} was not filled in when the site was built", _FIX))

        for tool, line in page.wizards:
            if f'<div class="dt-wizard" data-tool="{tool}" data-runtime=' not in html:
                missing(line, f"The decision tool {tool!r}")
        for placeholder, what in ((incident_log.PLACEHOLDER, "The incident log"),
                                  (handbooks.LIST_PLACEHOLDER, "The list of handbooks")):
            if placeholder in html:
                missing(_line_of(project.docs_dir, rel, placeholder), what)
        for table in (t for t in page.tables if is_contact_table(t)):
            bare = [row for row in table.rows if row.cells and row.cells[0] in ROLES and f"<td>{row.cells[0]}</td>" in html]
            if bare:
                missing(bare[0].line, "The contact table (its role ids, emails and phone numbers)")
        section = first_pages.get(rel)
        if section and f'data-handbook="{section.slug}"' not in html:
            missing(1, f"The 'Print this section' link to the handbook '{section.title}'")
    return problems
