"""Material's built-in search finds the right page: for each realistic query, the expected page is
in the top three results. One page load; the box is cleared between queries.

Material's search box ignores Playwright's .fill(), so the test types, as a reader does.
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

pytestmark = pytest.mark.browser

TOP = 3
REPORT = Path(__file__).resolve().parents[2] / "test-results" / "search.txt"

# (what a councillor types, the page that answers it: docs path). Where two pages each answer the
# query fully, both are given, with the reason.
QUERIES = [
    ("threat to kill", "law/offences.md"),
    ("block someone on X", "abuse/respond-ignore-or-block.md"),
    ("home visit", "personal-safety/home-visits.md"),
    ("pre-election", "social-media/elections.md"),
    ("defamation", "law/defamation.md"),
    ("ward surgery", "personal-safety/ward-surgeries.md"),
    # who they are and how to reach them, or what the role is
    ("monitoring officer", ("support/index.md", "about/glossary.md")),
    ("two-factor", "online-safety/accounts.md"),
    # how to keep a record, or what the police need as evidence
    ("screenshot evidence", ("abuse/first-steps.md", "law/working-with-the-police.md")),
    ("pile-on", "abuse/index.md"),
    ("Dowson", "law/harassment.md"),
    ("taxi", "personal-safety/travelling.md"),
    ("rules of engagement", "social-media/your-own-page.md"),
    ("data protection", "social-media/the-law-when-you-post.md"),
    ("Samaritans", "support/wellbeing.md"),
    ("phishing", "online-safety/accounts.md"),
    ("cycling home", "personal-safety/travelling.md"),
    ("protest outside my house", "personal-safety/at-home.md"),
    ("restraining order", "law/harassment.md"),
    ("predetermination", "social-media/planning-and-licensing.md"),
    ("hate incident", "personal-safety/reporting-incidents.md"),
    ("mute", "abuse/respond-ignore-or-block.md"),
    ("report to Facebook", "abuse/reporting-to-platforms.md"),
    ("taking a break", "abuse/looking-after-yourself.md"),
    ("stalking", "law/harassment.md"),
    ("Online Safety Act", "law/communications-offences.md"),
]


def _url_path(docs_path: str) -> str:
    """docs path to the site path MkDocs gives it with use_directory_urls."""
    stem = docs_path.removesuffix(".md")
    if stem == "index":
        return ""
    return (stem.removesuffix("/index") if stem.endswith("/index") else stem) + "/"


def _results(page, base: str) -> tuple[str, list[str]]:
    meta = page.locator(".md-search-result__meta").inner_text()
    hrefs = page.eval_on_selector_all(
        ".md-search-result__list > .md-search-result__item",
        "items => items.map(i => i.querySelector('a.md-search-result__link').href)")
    paths = []
    for href in hrefs:
        path = urlsplit(urljoin(base, href)).path.removeprefix(urlsplit(base).path)
        paths.append(path)
    return meta, paths


def _settled(page, base: str, timeout: float = 15.0) -> list[str]:
    """The result list once it has stopped changing (the search worker answers each keystroke)."""
    deadline = time.monotonic() + timeout
    last, same = None, 0
    while time.monotonic() < deadline:
        meta, paths = _results(page, base)
        now = (meta, tuple(paths))
        same = same + 1 if now == last else 0
        last = now
        if same >= 5 and "Type to start" not in meta:  # unchanged for a second
            return paths
        page.wait_for_timeout(200)
    raise AssertionError(f"search results did not settle within {timeout} s (last: {last})")


def test_search_finds_the_expected_page_in_the_top_three(page, site_server):
    assert len(QUERIES) >= 15
    page.goto(site_server)
    page.keyboard.press("/")  # Material opens search on "/"
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    assert box.evaluate("el => el === document.activeElement"), "'/' should focus the search box"
    page.wait_for_function(
        "() => !document.querySelector('.md-search-result__meta').innerText.includes('Initializing')",
        timeout=30_000)

    misses, report = [], []
    for query, expected in QUERIES:
        want = [_url_path(p) for p in ((expected,) if isinstance(expected, str) else expected)]
        box.press_sequentially(query, delay=30)
        top = _settled(page, site_server)[:TOP]
        found = any(w in top for w in want)
        report.append(f"{'ok  ' if found else 'MISS'} {query!r}: {top}")
        if not found:
            misses.append(f"{query!r}: expected {' or '.join(w or '(start page)' for w in want)}, "
                          f"top {TOP} were {top}")
        box.press("Control+a")
        box.press("Backspace")
        page.wait_for_function(
            "() => document.querySelector('.md-search-result__meta').innerText.includes('Type to start')",
            timeout=10_000)
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text("Search: top three results for each query\n\n" + "\n".join(report) + "\n",
                      encoding="utf-8")
    print("\n" + "\n".join(report))
    assert not misses, f"{len(misses)} of {len(QUERIES)} queries missed:\n" + "\n".join(misses)


def test_url_path_follows_directory_urls():
    assert _url_path("index.md") == ""
    assert _url_path("law/index.md") == "law/"
    assert _url_path("law/harassment.md") == "law/harassment/"
