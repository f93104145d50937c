"""Search as a worried councillor uses it, in Chromium on the built site: typed in their own words,
a result opened at its section, the decision tool that fits offered first, all from the keyboard,
at 320 px with axe finding nothing wrong, under the shipped nginx policy, and nothing requested
from anywhere else (the outside-request guard in conftest.py fails any test that does)."""

from __future__ import annotations

import pytest

from test_incident_log import axe

pytestmark = pytest.mark.browser


def open_box(page, width: int):
    if width < 960:
        page.get_by_role("button", name="Search").click()
    else:
        page.locator(".md-search__input").click()
    return page.locator(".md-search__input")


def search_for(page, text: str, width: int = 1280):
    box = open_box(page, width)
    box.press_sequentially(text)
    # The results say which search they answer: wait for this one, not a shorter one typed on the way.
    page.wait_for_function("(t) => document.querySelector('.md-search-result').dataset.query === t", arg=text)
    return box


def result_pages(page) -> list[str]:
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map((a) => new URL(a.href).pathname)")


@pytest.fixture
def at(browser):
    opened = []

    def make(width: int, height: int = 800):
        context = browser.new_context(viewport={"width": width, "height": height})
        opened.append(context)
        return context.new_page()

    yield make
    for context in opened:
        context.close()


@pytest.mark.parametrize("width", [320, 1280])
def test_a_sentence_in_a_readers_words_finds_the_page_that_answers_it(at, site_server, width):
    page = at(width)
    page.goto(site_server)
    search_for(page, "they said they know where I live", width)
    pages = result_pages(page)
    assert pages, "no results"
    assert {"/online-safety/doxxing/", "/personal-safety/at-home/", "/law/offences/"} & set(pages[:3]), pages[:3]
    # The count is announced to screen readers as it changes.
    assert page.locator(".md-search-result__meta").get_attribute("role") == "status"


def test_a_misspelt_word_still_finds_its_page(at, site_server):
    page = at(1280)
    page.goto(site_server)
    search_for(page, "harrased online")
    assert "/law/harassment/" in result_pages(page)[:3]


def test_a_result_opens_at_the_section_that_answers(at, site_server):
    page = at(1280)
    page.goto(site_server)
    search_for(page, "being stalked")
    first = page.locator(".md-search-result__link").first
    assert first.get_attribute("href").endswith("#stalking")
    first.click()
    page.wait_for_url("**/#stalking")
    heading = page.locator("h2#stalking, h3#stalking").first
    heading.wait_for()
    box = heading.bounding_box()
    assert 0 <= box["y"] < 400, f"the section's heading is not in view: {box}"
    assert not page.evaluate("document.getElementById('__search').checked"), "search stayed open over the page"


@pytest.mark.parametrize("text, tool, name", [
    ("someone threatened me", "harassment", "Could this be harassment, or another offence?"),
    ("can I block a resident", "respond", "Should I respond, ignore it, hide it or block them?"),
    ("holding a surgery on my own", "safety-plan", "Plan a safe surgery, visit, meeting or event"),
])
def test_a_situation_offers_its_decision_tool_above_the_results(at, site_server, text, tool, name):
    page = at(390)
    page.goto(site_server)
    search_for(page, text, 390)
    offer = page.locator(".dt-search-tool")
    assert offer.is_visible()
    link = offer.get_by_role("link", name=name)
    # Above the first result, so it is what a reader sees first.
    assert link.bounding_box()["y"] < page.locator(".md-search-result__link").first.bounding_box()["y"]
    link.click()
    page.wait_for_url(f"**/tools/{tool}/")


def test_a_rules_question_offers_no_tool(at, site_server):
    page = at(1280)
    page.goto(site_server)
    search_for(page, "clear my browser history")
    assert page.locator(".dt-search-tool").is_hidden()
    assert result_pages(page)[0] == "/start-here/covering-your-tracks/"


def test_search_works_from_the_keyboard_alone(at, site_server):
    page = at(1280)
    page.goto(site_server + "law/")
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement === document.querySelector('.md-search__input')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("someone keeps messaging me")
    page.wait_for_function("document.querySelector('.md-search-result').dataset.query === 'someone keeps messaging me'")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('dt-search-tool__link')")
    page.keyboard.press("ArrowDown")
    first_result = page.locator(".md-search-result__link").first.get_attribute("href")
    assert page.evaluate("document.activeElement.getAttribute('href')") == first_result
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement === document.querySelector('.md-search__input')")
    # Tab goes into the results too, and search stays open while focus is in it.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('dt-search-tool__link')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked")
    # Enter in the box opens the first result (here the tool, offered first).
    page.keyboard.press("/")
    page.wait_for_function("document.activeElement === document.querySelector('.md-search__input')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/tools/harassment/")


def test_tabbing_out_of_search_closes_it(at, site_server):
    page = at(1280)
    page.goto(site_server)
    page.locator(".md-search__input").click()
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("Tab")  # nothing typed: no results, so the next stop is outside search
    page.wait_for_function("!document.getElementById('__search').checked")
    assert not page.evaluate("document.querySelector('.md-search').contains(document.activeElement)")


def test_results_open_at_320px_pass_axe(at, site_server):
    page = at(320, 640)
    page.goto(site_server)
    search_for(page, "someone threatened me", 320)
    assert page.locator(".dt-search-tool").is_visible()
    # Material styles its dialog itself; search.css's own dialog rules are only for themes that do not.
    assert not page.evaluate("document.documentElement.classList.contains('dt-search-unstyled')")
    assert axe(page) == [], "search results open at 320 px"
    width = page.evaluate("document.querySelector('.md-search__output').scrollWidth")
    assert width <= 320, f"the results are {width}px wide at 320px"


def test_search_works_under_the_shipped_nginx_policy(at, nginx_server):
    page = at(1280)
    violations, errors = [], []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    response = page.goto(nginx_server)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    search_for(page, "death threat")
    assert "/law/offences/" in result_pages(page)[:3]
    assert violations == [] and errors == []


def test_the_index_is_fetched_from_the_site_only_when_search_opens(at, site_server):
    page = at(1280)
    asked = []
    page.on("request", lambda r: asked.append(r.url))
    page.goto(site_server)
    page.wait_for_load_state("networkidle")
    assert not [u for u in asked if "search/" in u], "the index loaded before anyone searched"
    search_for(page, "death threat")
    index = [u for u in asked if u.endswith("assets/search/index.json")]
    assert index and all(u.startswith(site_server) for u in index)
    assert not [u for u in asked if "search_index.json" in u], "Material's own index was loaded too"
