"""Printing a page of the site in Chromium: clean pages, collapsed blocks open, print buttons that work."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

# Against both engines' builds: the print stylesheet and buttons must work whichever built the site.
pytestmark = [pytest.mark.browser, pytest.mark.both_engines]

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PAGE = "about/handbooks/"  # has a collapsed "Printing tips" block, the print button and the list
CHROME = {"header": ".md-header", "navigation": ".md-sidebar--primary", "table of contents": ".md-sidebar--secondary",
          "search": ".md-search", "footer": ".md-footer", "print button": "[data-print-page]",
          "section link": ".page-actions"}


def _visible(page, selector: str) -> bool:
    return page.locator(selector).first.is_visible()


def test_printed_page_hides_the_chrome_and_opens_collapsed_blocks(page, site_server):
    page.goto(site_server + PAGE)
    tip = page.locator("details").first.locator("li").first
    assert _visible(page, "[data-print-page]") and _visible(page, ".md-header")
    assert not tip.is_visible(), "the tips start collapsed on screen"
    page.emulate_media(media="print")
    for name, selector in CHROME.items():
        assert page.locator(selector).count(), f"the page has no {name} to hide ({selector})"
        assert not _visible(page, selector), f"the {name} is printed"
    assert tip.is_visible(), "a collapsed block prints closed"
    assert page.locator("details").first.evaluate("d => d.open") is False, "print CSS, not a changed page"


def test_a_short_page_prints_without_a_blank_trailing_page(page, site_server, tmp_path):
    page.goto(site_server + "law/harassment/")
    pdf = tmp_path / "page.pdf"
    page.pdf(path=pdf, format="A4")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout.split("\f")[:-1]
    assert text and all(t.strip() for t in text), f"blank page among {len(text)}"
    assert "Harassment" in text[0] and "Skip to content" not in "".join(text)


@pytest.mark.parametrize("path", [PAGE, "handbooks/the-law.html"])
def test_print_button_works_under_the_shipped_strict_csp(page, nginx_server, path):
    """Served by nginx with deploy/nginx.conf, whose policy refuses inline script and style."""
    page.add_init_script("""window.__prints = 0; window.print = () => { window.__prints += 1; };
        window.__csp = []; document.addEventListener("securitypolicyviolation",
          e => window.__csp.push(e.violatedDirective + " " + e.blockedURI));""")
    response = page.goto(nginx_server + path, wait_until="networkidle")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.get_by_role("button", name=re.compile(r"^Print this (page|handbook)$")).click()
    assert page.evaluate("window.__prints") == 1
    assert page.evaluate("window.__csp") == []


def test_details_open_for_the_print_dialog_and_close_after(page, site_server):
    page.goto(site_server + PAGE)
    states = "() => [...document.querySelectorAll('details')].map(d => d.open)"
    assert page.evaluate(states) == [False]
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate(states) == [True]
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate(states) == [False]


def test_link_targets_are_shown_on_paper_only_where_they_matter(page, site_server):
    links = ('<p id="print-links"><a href="https://www.gov.uk/report-crime">report a crime</a> '
             '<a href="https://www.gov.uk/">https://www.gov.uk/</a> '
             '<a href="mailto:member.support@anytown.example.org">Email member support</a> '
             '<a href="mailto:it.help@anytown.example.org">it.help@anytown.example.org</a> '
             '<a href="tel:+441134960102">call member support</a> '
             '<a href="tel:+441134960102">0113 496 0102</a> '
             '<a href="#handbooks">the list</a> <a href="../">the toolkit</a></p>')

    def with_links(route):
        response = route.fetch()
        body = response.text().replace('<h1 id="printable-handbooks">', links + '<h1 id="printable-handbooks">', 1)
        route.fulfill(response=response, body=body)

    page.route(re.compile(r".*/about/handbooks/$"), with_links)
    page.goto(site_server + PAGE)
    page.emulate_media(media="print")
    after = page.evaluate("""() => [...document.querySelectorAll('#print-links a')].map(
        a => getComputedStyle(a, '::after').content)""")
    assert after == ['" (https://www.gov.uk/report-crime)"', "none",
                     '" (member.support@anytown.example.org)"', "none",
                     '" (+441134960102)"', "none", "none", "none"]
    page.emulate_media(media="screen")
    assert page.evaluate("getComputedStyle(document.querySelector('#print-links a'), '::after').content") == "none"


def test_handbook_page_contents_links_work_in_the_browser(page, site_server):
    page.goto(site_server + "handbooks/the-law.html")
    assert page.locator("h1").inner_text() == "The law"
    contents = page.locator(".handbook-contents a")
    assert contents.count() > 1
    second = contents.nth(1)
    target = second.get_attribute("href")
    second.click()
    assert page.evaluate("location.hash") == target
    assert page.locator(target).is_visible()
    assert page.get_by_role("button", name="Print this handbook").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".handbook__actions").is_visible()


@pytest.mark.parametrize(("path", "parts"), [
    # On site pages, the parts this feature adds (the theme's navigation is checked elsewhere).
    (PAGE, [".page-actions", ".handbook-list", "details"]),
    ("law/", [".page-actions"]),
    # A handbook page is this feature's alone: all of it.
    pytest.param("handbooks/whole-toolkit.html", ["html"], marks=pytest.mark.one_engine(
        "the handbook pages are the same HTML from either build (test_engines.py::"
        "test_handbooks_are_the_same_in_both); axe on this one takes over a minute")),
])
def test_print_pages_pass_axe(page, site_server, path, parts):
    page.goto(site_server + path)
    for part in parts:
        assert page.locator(part).count(), f"{path} has no {part}"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("parts => axe.run({include: parts.map(p => [p])})", parts)
    problems = [f"{v['id']}: {v['help']} ({len(v['nodes'])})" for v in result["violations"]]
    assert not problems, problems


def test_every_tab_of_a_tabbed_block_prints(page, site_server):
    import markdown  # the same extension the site uses, so the markup is the real thing

    tabs = markdown.markdown('=== "By email"\n\n    Tab one text\n\n=== "By phone"\n\n    Tab two text\n',
                             extensions=["pymdownx.tabbed", "pymdownx.superfences"],
                             extension_configs={"pymdownx.tabbed": {"alternate_style": True}})
    assert 'class="tabbed-set tabbed-alternate"' in tabs

    def with_tabs(route):
        response = route.fetch()
        route.fulfill(response=response, body=response.text().replace(
            '<h1 id="printable-handbooks">', tabs + '<h1 id="printable-handbooks">', 1))

    page.route(re.compile(r".*/about/handbooks/$"), with_tabs)
    page.goto(site_server + PAGE)
    one, two = page.get_by_text("Tab one text"), page.get_by_text("Tab two text")
    assert one.is_visible() and not two.is_visible()
    page.emulate_media(media="print")
    assert one.is_visible() and two.is_visible()


def test_print_this_section_opens_the_section_handbook(page, site_server):
    page.goto(site_server + "law/")
    download = page.get_by_role("link", name=re.compile(r"^Download ‘The law’ \(PDF, \d+ KB, \d+ pages\)$"))
    pdf = page.request.get(download.evaluate("a => a.href"))
    assert pdf.ok and pdf.body()[:5] == b"%PDF-"
    page.get_by_role("link", name="Print this section").click()
    page.wait_for_url("**/handbooks/the-law.html")
    assert page.locator("h1").inner_text() == "The law"
    assert page.get_by_role("button", name="Print this handbook").is_visible()
