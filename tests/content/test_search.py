"""The toolkit's search finds the right page for the words the pages themselves use: for each
keyword, the expected page is in the top three results, on both engines' builds. One page load; the
box is cleared between queries. (Phrases in readers' own words are measured by `make bench`;
tests/test_search_browser.py covers the search box itself.)

The box is typed into, as a reader does, so each keystroke's search runs.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.both_engines]

TOP = 3
RESULTS = Path(__file__).resolve().parents[2] / "test-results"

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


def _top(page, base: str) -> list[str]:
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map((a) => a.href)")
    return [urlsplit(urljoin(base, href)).path.removeprefix(urlsplit(base).path) for href in hrefs][:TOP]


def test_search_finds_the_expected_page_in_the_top_three(page, site_server, engine):
    assert len(QUERIES) >= 15
    page.goto(site_server)
    page.keyboard.press("/")  # the toolkit's search opens on "/", as Material's does
    box = page.locator("input.md-search__input")
    box.wait_for(state="visible")
    assert box.evaluate("el => el === document.activeElement"), "'/' should focus the search box"

    misses, report = [], []
    for query, expected in QUERIES:
        want = [_url_path(p) for p in ((expected,) if isinstance(expected, str) else expected)]
        box.press_sequentially(query, delay=30)
        # The results say which search they answer: wait for this one, not a prefix typed on the way.
        page.wait_for_function("(q) => document.querySelector('.md-search-result').dataset.query === q",
                               arg=query)
        top = _top(page, site_server)
        found = any(w in top for w in want)
        report.append(f"{'ok  ' if found else 'MISS'} {query!r}: {top}")
        if not found:
            misses.append(f"{query!r}: expected {' or '.join(w or '(start page)' for w in want)}, "
                          f"top {TOP} were {top}")
        box.press("Control+a")
        box.press("Backspace")
        page.wait_for_function("() => !('query' in document.querySelector('.md-search-result').dataset)")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"search-{engine}.txt").write_text(f"Search on the {engine} build: top three results for each query\n\n"
                           + "\n".join(report) + "\n", encoding="utf-8")
    print("\n" + "\n".join(report))
    assert not misses, f"{len(misses)} of {len(QUERIES)} queries missed:\n" + "\n".join(misses)


def test_url_path_follows_directory_urls():
    assert _url_path("index.md") == ""
    assert _url_path("law/index.md") == "law/"
    assert _url_path("law/harassment.md") == "law/harassment/"
