"""axe-core finds no violations at the first question, a later question, the error
state and every result of every tool; nor on the quick exit's neutral page or the failed state."""

import pytest

from wizard_driver import (TOOL_IDS, axe_violations, click_and_wait, covering_paths, current_question, open_tool,
                           run_path)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("tool", TOOL_IDS)
def test_every_wizard_state_is_accessible(page, site_server, tool):
    wizard = open_tool(page, site_server, tool)
    problems = {}
    problems["first question"] = axe_violations(page)

    wizard.get_by_role("button", name="Continue").click()   # nothing chosen
    summary = wizard.locator(".dt-error-summary")
    summary.wait_for()
    assert page.evaluate("document.activeElement.classList.contains('dt-error-summary')"), "focus the error summary"
    assert page.title().startswith("Error: ")
    problems["error"] = axe_violations(page)
    # The summary's link moves focus to the field, and puts nothing in the URL.
    url = page.url
    summary.get_by_role("link").click()
    assert page.evaluate("document.activeElement.closest('.dt-question') !== null") and page.url == url

    later_seen = False

    def check_later(question):
        nonlocal later_seen
        if not later_seen and question["id"] != first_id:
            problems[f"later question {question['id']}"] = axe_violations(page)
            later_seen = True

    first_id = current_question(wizard)["id"]
    for n, path in enumerate(covering_paths(tool)):
        if n:
            click_and_wait(page, wizard.get_by_role("button", name="Start again"))
        run_path(page, wizard, tool, path["answers"], on_question=check_later)
        problems[f"result {path['result']}"] = axe_violations(page)
    assert later_seen, f"{tool}: no path has a second question to check"
    assert {state: found for state, found in problems.items() if found} == {}


def test_failed_state_and_neutral_page_are_accessible(page, site_server):
    page.route("**/assets/pyodide/**", lambda route: route.abort())
    page.goto(f"{site_server}tools/{TOOL_IDS[0]}/")
    page.locator(".dt-wizard--failed").wait_for(timeout=60_000)
    assert axe_violations(page) == []
    page.goto(f"{site_server}recipes/soup.html")
    assert axe_violations(page, within=None) == []
