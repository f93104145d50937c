"""Each tool can be completed with the keyboard alone; Back, Change, Start again and
Leave quickly work; afterwards no answer remains in the page, sessionStorage, localStorage, a
cookie or the URL."""

import json

import pytest

import decision_tools
from wizard_driver import (TOOL_IDS, click_and_wait, current_question, longest_path, open_tool,
                           run_path, steps_shown, stored_state)

pytestmark = pytest.mark.browser

MAX_TABS = 200


def active(page) -> dict:
    return page.evaluate("""() => { const e = document.activeElement;
        return {tag: e.tagName, type: e.type || '', value: e.value || '', text: e.textContent.trim(),
                inWizard: !!e.closest('.dt-wizard'), cls: e.className || ''}; }""")


def tab_until(page, test, what: str, key="Tab"):
    """Press Tab (or `key`) until the focused element passes `test`; where focus already is counts."""
    if test(active(page)):
        return
    for _ in range(MAX_TABS):
        page.keyboard.press(key)
        if test(active(page)):
            return
    raise AssertionError(f"{MAX_TABS} presses of {key} never reached {what}")


def press_and_wait(page, key):
    before = steps_shown(page)
    page.keyboard.press(key)
    page.wait_for_function(f"performance.getEntriesByName('dt:step').length > {before}", timeout=30_000)


def answer_by_keyboard(page, tool, qid, kind, value):
    wanted = value if isinstance(value, list) else [value]
    if kind == "any_of":
        for v in wanted:
            tab_until(page, lambda a: a["type"] == "checkbox" and a["value"] == v, f"checkbox {v!r}")
            page.keyboard.press("Space")
    else:
        tab_until(page, lambda a: a["type"] == "radio", f"the answers to {qid!r}")
        for _ in range(20):
            if active(page)["value"] == wanted[0]:
                break
            page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")
    assert page.locator(f"#dt-{tool}-{qid}-{wanted[0]}").is_checked()
    tab_until(page, lambda a: a["tag"] == "BUTTON" and a["text"] == "Continue", "Continue")
    press_and_wait(page, "Enter")


def assert_nothing_kept(page, answers: dict):
    state = stored_state(page)
    assert not any(k.startswith("dt-wizard") for k in state["session"]), state["session"]
    assert state["local"] == {} and state["cookie"] == "", state
    assert "?" not in state["url"] and "#" not in state["url"], state["url"]
    for qid in answers:
        assert qid not in state["url"]
    assert state["checked"] == 0 and state["answers_shown"] == 0, state


@pytest.mark.parametrize("tool", TOOL_IDS)
def test_tool_completed_with_keyboard_alone(page, site_server, tool):
    path = longest_path(tool)
    wizard = open_tool(page, site_server, tool)
    tab_until(page, lambda a: a["inWizard"], "the wizard")
    while (q := current_question(wizard)) is not None:
        answer_by_keyboard(page, tool, q["id"], q["kind"], path["answers"][q["id"]])
        # Focus moves to the new step's heading, so the next Tab goes into its answers.
        assert "dt-fieldset__heading" in active(page)["cls"] or "dt-result__title" in active(page)["cls"]
    assert wizard.locator(".dt-result").get_attribute("data-result") == path["result"]

    # Back, by keyboard, returns to the last question with its answer still chosen.
    last = wizard.locator(".dt-answers .dt-summary__row").last.locator("[data-change]").get_attribute("data-change")
    tab_until(page, lambda a: a["text"] == "Back", "Back", key="Shift+Tab")
    press_and_wait(page, "Enter")
    assert current_question(wizard)["id"] == last
    assert wizard.locator(".dt-question input:checked").count() >= 1

    # Start again, by keyboard: back to the first question, nothing kept anywhere.
    tab_until(page, lambda a: a["text"] == "Start again", "Start again")
    press_and_wait(page, "Enter")
    assert current_question(wizard)["id"] == page.evaluate("document.querySelector('.dt-question').dataset.question")
    assert_nothing_kept(page, path["answers"])
    page.reload()
    wizard.locator(".dt-question").wait_for()
    page.wait_for_timeout(500)
    assert_nothing_kept(page, path["answers"])


def test_change_link_reopens_that_question_and_keeps_later_answers(page, site_server):
    tool = TOOL_IDS[0]
    path = longest_path(tool)
    wizard = open_tool(page, site_server, tool)
    run_path(page, wizard, tool, path["answers"])
    first = wizard.locator("[data-change]").first
    qid = first.get_attribute("data-change")
    click_and_wait(page, first)
    assert current_question(wizard)["id"] == qid
    assert wizard.locator(".dt-question input:checked").count() >= 1  # the answer given is pre-filled
    click_and_wait(page, wizard.get_by_role("button", name="Continue"))
    # Nothing changed, so the later answers still stand and the same result returns.
    assert wizard.locator(".dt-result").get_attribute("data-result") == path["result"]


def test_answers_survive_a_reload_in_session_storage_only(page, site_server):
    tool = TOOL_IDS[0]
    path = longest_path(tool)
    wizard = open_tool(page, site_server, tool)
    run_path(page, wizard, tool, path["answers"])
    state = stored_state(page)
    assert list(state["session"]) == [f"dt-wizard:{tool}"] and state["local"] == {} and state["cookie"] == ""
    page.reload()
    wizard.locator(".dt-result").wait_for(timeout=120_000)
    assert wizard.locator(".dt-result").get_attribute("data-result") == path["result"]


@pytest.mark.parametrize("how", ["button", "shift"])
def test_leave_quickly_replaces_the_page_and_forgets_answers(page, site_server, how):
    tool = TOOL_IDS[0]
    path = longest_path(tool)
    page.goto(site_server)                       # the page before the tool, in the history
    wizard = open_tool(page, site_server, tool)
    run_path(page, wizard, tool, path["answers"])
    if how == "button":
        tab_until(page, lambda a: a["text"] == "Leave this site quickly", "the exit button", key="Shift+Tab")
        page.keyboard.press("Enter")
    else:
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
        page.keyboard.press("Shift")
    page.wait_for_url(f"{site_server}recipes/soup.html")
    assert page.title() == "Easy vegetable soup"
    state = stored_state(page)
    assert state["session"] == {} and state["local"] == {} and state["cookie"] == ""
    # The tool page was replaced in the history: Back skips it.
    page.go_back()
    assert page.url == site_server
    open_tool(page, site_server, tool, wait_ready=False)
    assert_nothing_kept(page, path["answers"])


def test_shift_pressed_with_other_keys_between_does_not_leave(page, site_server):
    page.goto(site_server)
    for key in ("Shift", "Shift", "a", "Shift"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url == site_server


def test_stored_answers_the_tool_no_longer_accepts_start_it_again(page, site_server):
    """Answers kept in sessionStorage from before a site update must not break the tool."""
    tool = TOOL_IDS[0]
    first = decision_tools.evaluate(tool, {})["question"]["id"]
    page.goto(f"{site_server}support/")
    page.evaluate("([key, value]) => sessionStorage.setItem(key, value)",
                  [f"dt-wizard:{tool}", json.dumps({first: "not-an-option"})])
    wizard = open_tool(page, site_server, tool)
    page.wait_for_function("performance.getEntriesByName('dt:step').length > 0", timeout=30_000)
    assert current_question(wizard)["id"] == first
    assert "started again" in wizard.locator(".dt-wizard__status").inner_text()
    assert wizard.locator(".dt-wizard--failed").count() == 0
    assert stored_state(page)["session"] == {}
