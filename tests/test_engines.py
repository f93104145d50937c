"""The two builds `make test` makes, MkDocs' (site/) and Zensical's (site-zensical/), are the same
toolkit: the same pages, the same files from docs/, and the same content on every page, the
theme's chrome left out (tests/engine_content.py). The comparison is written to
test-results/engine-content.md, each difference with its reason; a difference with no reason fails.
Also: the scripts say plainly, and do not throw, when a page arrives without its build-time data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from engine_content import compare
from harness import ENGINE_SITES, ROOT, all_pages

MKDOCS, ZENSICAL = ENGINE_SITES["mkdocs"], ENGINE_SITES["zensical"]
REPORT = ROOT / "test-results" / "engine-content.md"


@pytest.fixture(scope="module")
def both():
    for engine, site in ENGINE_SITES.items():
        if not (site / "index.html").exists():
            pytest.fail(f"{site.name}/ has not been built by {engine}. Run 'make test' (or 'make sites').", pytrace=False)
    return MKDOCS, ZENSICAL


def test_both_engines_build_the_same_pages(both):
    assert all_pages(ZENSICAL) == all_pages(MKDOCS)
    assert (ZENSICAL / "404.html").is_file() and (ZENSICAL / "handbooks/report.json").is_file()


def test_every_file_from_docs_is_in_both_sites_as_it_is(both):
    """Everything that is not a page (the council's logo and colours, the scripts, Pyodide, the
    neutral quick-exit page) is copied unchanged by both."""
    docs = ROOT / "docs"
    files = [p.relative_to(docs) for p in docs.rglob("*") if p.is_file() and p.suffix != ".md"
             and not any(part.startswith(".") for part in p.relative_to(docs).parts)]
    assert files
    for rel in files:
        for site in both:
            assert (site / rel).read_bytes() == (docs / rel).read_bytes(), f"{site.name}/{rel}"


def test_handbooks_are_the_same_in_both(both):
    """The handbook pages are assembled from each build's articles: the same articles, the same handbooks."""
    for page in sorted((MKDOCS / "handbooks").glob("*.html")):
        mkdocs = re.sub(r"<link rel=\"stylesheet\" href=\"[^\"]*\">\n", "", page.read_text())
        zensical = re.sub(r"<link rel=\"stylesheet\" href=\"[^\"]*\">\n", "", (ZENSICAL / "handbooks" / page.name).read_text())
        assert zensical == mkdocs, f"handbooks/{page.name}"


def test_page_content_is_the_same_or_each_difference_has_its_reason(both):
    comparison = compare(MKDOCS, ZENSICAL, all_pages(MKDOCS), all_pages(ZENSICAL))
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(comparison.report(), encoding="utf-8")
    assert comparison.pages == len(all_pages(MKDOCS))
    unexplained = [f"{d.page} ({d.part}): -{d.removed[:3]} +{d.added[:3]}" for d in comparison.unexplained]
    assert not unexplained, f"pages whose content differs with no known reason (see {REPORT}):\n" + "\n".join(unexplained)
    assert not any(comparison.only_in.values()), comparison.only_in


def _page(site: Path, rel: str, article: str, toc: str = "", title: str = "A page") -> None:
    (site / rel).mkdir(parents=True, exist_ok=True)
    (site / rel / "index.html").write_text(
        f"<html><head><title>{title}</title></head><body><header>theme {site.name}</header>"
        f'<nav class="md-nav md-nav--secondary" aria-label="On this page"><ul>{toc}</ul></nav>'
        f'<article class="md-content__inner md-typeset">{article}</article><footer>{site.name}</footer></body></html>')


def test_the_comparison_leaves_out_chrome_and_finds_a_changed_word(tmp_path):
    """The comparison itself: attribute order, white space, the theme's header and footer and
    Zensical's skip target are no difference; one changed word in a page's content is, unexplained."""
    first, second = tmp_path / "first", tmp_path / "second"
    entry = '<li><a href="#why" class="md-nav__link"><span>Why</span></a></li>'
    _page(first, "", '<h1 id="a" class="x">Home</h1>\n<p>Call 999.</p>', entry)
    _page(second, "", '<a id="__skip" tabindex="-1"></a><h1 class="x" id="a">Home</h1> <p>Call  999.</p>', entry)
    _page(first, "law/", "<p>Harassment is a crime.</p>")
    _page(second, "law/", "<p>Harassment is a tort.</p>")
    comparison = compare(first, second, ["", "law/"], ["", "law/"])
    assert comparison.pages == 2
    assert [(d.page, d.part, d.removed, d.added) for d in comparison.unexplained] == [
        ("law/", "content", ["Harassment is a crime."], ["Harassment is a tort."])]
    assert "## law/: content" in comparison.report() and "NOT EXPLAINED" in comparison.report()


# --- A page that reaches the browser without its build-time data ---------------------------------

def _strip(route, pattern: str):
    response = route.fetch()
    route.fulfill(response=response, body=re.sub(pattern, "", response.text(), flags=re.S))


@pytest.mark.browser
def test_wizard_without_its_data_says_so_and_does_not_throw(page, site_server):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route(re.compile(r".*/tools/post/$"),
               lambda route: _strip(route, r'<script type="application/json" class="dt-wizard__data">.*?</script>'))
    page.goto(site_server + "tools/post/")
    alert = page.locator('.dt-wizard[data-tool="post"]').get_by_role("alert")
    alert.wait_for()
    assert "missing what it needs from the build" in alert.inner_text()
    assert errors == []


@pytest.mark.browser
def test_incident_log_without_its_data_says_so_and_does_not_throw(page, site_server):
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route(re.compile(r".*/tools/incident-log/$"),
               lambda route: _strip(route, r'<script type="application/json" class="incident-log__data">.*?</script>'))
    page.goto(site_server + "tools/incident-log/")
    alert = page.locator(".incident-log").get_by_role("alert")
    alert.wait_for()
    assert "missing what it needs from the build" in alert.inner_text() and "on paper" in alert.inner_text()
    assert errors == []
