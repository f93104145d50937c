"""One hand, one phone, in a hurry: the toolkit at 320 and 390 px wide (and at 768 px and at 200%
zoom for search), with the keyboard alone, as a frightened reader would use it.

- Search opens, shows what is typed, and closes; the quick exit stays in reach.
- Tab reaches only what can be seen (the closed navigation drawer and search take no focus), on
  every kind of page, on a phone and on a desktop; "Skip to the question" reaches a tool in three
  presses.
- The council's contacts are cards with working tap-to-call links, the most urgent first.
- A result's first controls are "Print this result" and "Add this to my incident log", and the
  second fills the log's form for the reader to check and save.
- The Shift count is shown, announced and reset; "Covering your tracks" is linked from every page
  and from the incident log.
- axe finds nothing wrong in any of these states, at both widths. Screenshots at 390 px are
  written to test-results/ for a reviewer to look at.
"""

from __future__ import annotations

import pytest

from harness import ROOT, SLOW_MACHINE_TIMEOUT_MS
from test_incident_log import axe
from wizard_driver import click_and_wait, open_tool, run_path, wait_engine_ready

pytestmark = pytest.mark.browser

PHONES = [320, 390]
SHOTS = ROOT / "test-results"

VISIBLE = """(e) => {
    if (!e || e === document.body) return {ok: false, why: 'nothing focused'};
    const r = e.getBoundingClientRect();
    const style = getComputedStyle(e);
    const where = `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent || e.value || '').trim().slice(0, 40)}"`;
    if (r.width < 1 || r.height < 1) return {ok: false, why: `no size: ${where}`};
    if (r.bottom <= 0 || r.right <= 0 || r.top >= innerHeight || r.left >= innerWidth) return {ok: false, why: `off screen: ${where}`};
    if (style.visibility === 'hidden' || Number(style.opacity) === 0) return {ok: false, why: `invisible: ${where}`};
    const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), y = Math.min(Math.max(r.top + Math.min(r.height / 2, 8), 0), innerHeight - 1);
    const hit = document.elementFromPoint(x, y);
    if (!hit || !(hit === e || e.contains(hit) || hit.contains(e) || hit.closest('label') === e.closest('label') && hit.closest('label')))
        return {ok: false, why: `covered by ${hit && hit.tagName.toLowerCase()}.${hit && hit.className}: ${where}`};
    return {ok: true, why: where};
}"""


def phone(browser, width: int, height: int = 740, scale: float = 1):
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=scale)
    context.set_default_timeout(SLOW_MACHINE_TIMEOUT_MS)
    context.set_default_navigation_timeout(SLOW_MACHINE_TIMEOUT_MS)
    return context, context.new_page()


@pytest.fixture
def at_width(browser, request):
    """A page at a given width, closed afterwards; the outside-request guard covers `context`."""
    opened = []

    def make(width: int, height: int = 740, scale: float = 1):
        context, page = phone(browser, width, height, scale)
        opened.append(context)
        return page

    yield make
    for context in opened:
        context.close()


def focused_is_visible(page) -> dict:
    page.wait_for_timeout(350)  # Material's skip link fades in
    return page.evaluate(f"({VISIBLE})(document.activeElement)")


# -- search ------------------------------------------------------------------------------------

def open_search(page):
    page.get_by_role("button", name="Search").click()
    page.locator(".md-search__input").wait_for(state="visible")


# Closed search is out of sight however the theme hides it (Material fades it out, Zensical may not).
SEARCH_BOX_GONE = """() => {
  const box = document.querySelector('.md-search__input');
  for (let e = box; e; e = e.parentElement) {
    const style = getComputedStyle(e);
    if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') return true;
  }
  const r = box.getBoundingClientRect();
  return r.width === 0 || r.height === 0 || r.right <= 0 || r.left >= innerWidth || r.bottom <= 0 || r.top >= innerHeight;
}"""


@pytest.mark.both_engines  # each engine's theme lays out the search dialog in its own way
@pytest.mark.parametrize("width, scale", [(320, 1), (390, 1), (768, 1), (640, 2)],
                         ids=["320px", "390px", "768px", "200%-zoom"])
def test_search_opens_shows_what_is_typed_and_closes_with_the_exit_in_reach(at_width, site_server, width, scale):
    page = at_width(width, 740 if scale == 1 else 400, scale)
    page.goto(site_server)
    if width < 960:
        open_search(page)
    else:
        page.locator(".md-search__input").click()
    box = page.locator(".md-search__input")
    box.press_sequentially("harassment")
    assert box.input_value() == "harassment"
    assert box.evaluate(VISIBLE)["ok"], box.evaluate(VISIBLE)["why"]
    page.locator(".md-search-result__item").first.wait_for()
    exit_button = page.locator(".dt-exit__button")
    assert exit_button.evaluate(VISIBLE)["ok"], exit_button.evaluate(VISIBLE)["why"]
    assert axe(page) == [], "search open"
    if width == 390:
        page.screenshot(path=str(SHOTS / "phone-390-search.png"))
    # The arrow beside the box closes search (on a phone); Escape closes it anywhere.
    page.keyboard.press("Escape")
    page.wait_for_function("!document.getElementById('__search').checked")
    if width < 960:  # on a phone the panel is gone, and takes no focus
        page.wait_for_function("document.querySelector('.md-search').inert")
        page.wait_for_function(SEARCH_BOX_GONE)


# -- focus only what can be seen ----------------------------------------------------------------

PAGE_KINDS = {"home": "", "guidance": "law/harassment/", "tool": "tools/report/", "incident log": "tools/incident-log/",
              "contacts": "support/", "handbook": "handbooks/start-here.html"}


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_tab_reaches_only_what_can_be_seen(at_width, site_server, width, kind):
    page = at_width(width, 800)
    page.goto(site_server + PAGE_KINDS[kind])
    page.wait_for_timeout(300)
    seen, hidden = [], []
    for _ in range(45):
        page.keyboard.press("Tab")
        found = focused_is_visible(page)
        if found["why"] == "nothing focused" and seen:
            break  # past the last control: the browser's own chrome is next
        seen.append(found["why"])
        if not found["ok"]:
            hidden.append(found["why"])
    assert not hidden, f"{kind} at {width}px: {len(hidden)} of {len(seen)} Tab stops cannot be seen: {hidden[:5]}"


@pytest.mark.parametrize("width", [390, 1280])
def test_a_keyboard_user_reaches_the_tool_in_three_presses(at_width, site_server, width):
    page = at_width(width, 800)
    page.goto(site_server + "tools/harassment/")
    page.locator(".dt-wizard--live").wait_for()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Skip to the question"
    assert focused_is_visible(page)["ok"]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.closest('.dt-wizard') !== null")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "radio"
    assert "#" not in page.url


# -- contacts --------------------------------------------------------------------------------------

@pytest.mark.parametrize("width", PHONES)
def test_contacts_are_cards_a_thumb_can_use(at_width, site_server, width):
    from build_hooks.contacts import contacts_by_role

    page = at_width(width)
    page.goto(site_server + "support/")
    cards = page.locator(".contact-cards .dt-contact")
    council = contacts_by_role(ROOT / "docs")
    assert cards.count() == len(council)
    assert cards.first.get_attribute("data-role") == "police-emergency"  # the most urgent first
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth"), "the page scrolls sideways"
    for n in range(cards.count()):
        card = cards.nth(n)
        contact = council[card.get_attribute("data-role")]
        box = card.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, contact["role"]
        if contact["tel"]:
            link = card.locator(f'a[href="{contact["tel"]}"]')
            assert link.inner_text() == contact["phone"]
            assert link.evaluate(VISIBLE)["ok"] or link.scroll_into_view_if_needed() is None
    text = page.locator("article").inner_text()
    for council_words in ("the build checks every row", "for a council to fill in", "police-emergency"):
        assert council_words not in text
    assert axe(page) == [], f"contacts at {width}px"
    if width == 390:
        page.screenshot(path=str(SHOTS / "phone-390-contacts.png"))


# -- act from the result ------------------------------------------------------------------------------

ANSWERS = {"danger": "no", "what_happened": ["threat_kill"], "channel": ["letter"], "occasions": "once",
           "council": "principal"}


@pytest.mark.parametrize("width", PHONES)
def test_print_and_add_to_the_log_come_first_and_the_log_is_filled_in_then_saved(at_width, site_server, width):
    page = at_width(width)
    wizard = open_tool(page, site_server, "harassment")
    if width == 390:
        page.screenshot(path=str(SHOTS / "phone-390-tool-question.png"))
    run_path(page, wizard, "harassment", ANSWERS)
    result = wizard.locator(".dt-result")
    controls = result.locator("button, a").evaluate_all("es => es.slice(0, 2).map((e) => e.textContent.trim())")
    assert controls == ["Print this result", "Add this to my incident log"]
    top = result.locator(".dt-result__tools").bounding_box()["y"] - result.locator(".dt-result__title").bounding_box()["y"]
    assert top < 200, f"the result's actions are {top}px below its title"
    assert axe(page) == [], f"result at {width}px"
    if width == 390:
        page.screenshot(path=str(SHOTS / "phone-390-tool-result.png"))
    title = result.locator(".dt-result__title").inner_text()
    result.get_by_role("link", name="Add this to my incident log").click()
    page.wait_for_url("**/tools/incident-log/**")
    form = page.locator(".incident-log .il-form")
    form.wait_for()
    page.wait_for_function("document.querySelector('.incident-log textarea').value.length > 0")
    what = page.locator(".incident-log textarea").first.input_value()
    assert title in what and "Someone threatened to kill you" in what
    assert page.locator(".incident-log input[name=channel][value=letter]").is_checked()
    assert page.locator(".incident-log input[name=threat]").is_checked()
    assert page.evaluate("sessionStorage.getItem('incident-log:draft')") is None, "the draft is used once"
    assert axe(page) == [], f"incident log filled in at {width}px"
    form.get_by_role("button", name="Save").first.click()
    page.locator(".il-list li").first.wait_for()
    assert title in page.locator(".il-list").inner_text()


def test_every_keep_a_record_link_also_points_to_the_incident_log():
    """In the tools' results, and on First steps."""
    from decision_tools import TOOLS, content

    for tool_id in TOOLS:
        words = content.for_tool(tool_id)
        for finding_id, finding in (words.get("findings", default={}) or {}).items():
            links = finding.get("links", ())
            pages = {(words.get("links", link, "page"), words.get("links", link, "anchor", default="")) for link in links}
            if ("abuse/first-steps.md", "keep-a-record") in pages:
                assert ("tools/incident-log.md", "") in pages, f"{tool_id}: finding {finding_id}"
    first_steps = (ROOT / "docs/abuse/first-steps.md").read_text(encoding="utf-8")
    section = first_steps[first_steps.index("{#keep-a-record}"):]
    section = section[: section.index("\n## ")]
    assert "(../tools/incident-log.md)" in section


# -- leaving quickly ---------------------------------------------------------------------------------

@pytest.mark.parametrize("width", PHONES)
def test_the_shift_count_is_shown_announced_and_reset(at_width, site_server, width):
    page = at_width(width)
    page.goto(site_server + "support/")
    count = page.locator("[data-dt-exit-count]")
    said = page.locator("[data-dt-exit-said]")
    assert count.is_hidden()
    page.keyboard.press("Shift")
    assert count.is_visible() and count.locator(".dt-exit__dot--on").count() == 1
    assert said.inner_text() == "Shift pressed once: press it 2 more times to leave this site."
    assert axe(page) == [], f"Shift count at {width}px"
    # The count runs out 5 seconds after the first press (axe above may take longer than that).
    page.wait_for_function("document.querySelector('[data-dt-exit-count]').hidden", timeout=15000)
    assert "started again" in said.inner_text()
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    assert count.locator(".dt-exit__dot--on").count() == 2
    assert said.inner_text() == "Shift pressed twice: press it 1 more time to leave this site."
    page.wait_for_timeout(5500)  # the count runs out after 5 seconds
    assert count.is_hidden() and "started again" in said.inner_text()
    page.keyboard.press("Shift")
    assert count.locator(".dt-exit__dot--on").count() == 1  # counting from one again
    assert page.url.endswith("/support/")


def test_covering_your_tracks_is_linked_from_every_page_and_the_incident_log(site_dir):
    from harness import all_pages

    for rel in all_pages(site_dir):
        if rel == "start-here/covering-your-tracks/":
            continue  # the page itself
        html = (site_dir / rel / "index.html").read_text(encoding="utf-8")
        assert 'covering-your-tracks/"' in html, f"{rel or 'home'}: no link to covering your tracks"
    log = (site_dir / "tools/incident-log/index.html").read_text(encoding="utf-8")
    article = log[log.index("<article"):log.index("</article>")]
    assert "covering-your-tracks/" in article


@pytest.mark.parametrize("width", PHONES)
def test_the_home_page_leads_with_first_steps_the_tools_and_the_log(at_width, site_server, width):
    page = at_width(width)
    page.goto(site_server)
    article = page.locator("article")
    links = article.locator(".start-links a").evaluate_all("as => as.map((a) => new URL(a.href).pathname)")
    assert links == ["/abuse/first-steps/", "/tools/", "/tools/incident-log/"]
    # Right after "In danger now? Call 999", and each big enough for a thumb.
    assert article.locator(".admonition.danger + .start-links").count() == 1
    for n in range(3):
        box = article.locator(".start-links a").nth(n).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 0.8 * (width - 32)
    assert axe(page) == [], f"home at {width}px"
    if width == 390:
        page.screenshot(path=str(SHOTS / "phone-390-home.png"))
