"""With the Pyodide files blocked, and with JavaScript off, the tool page says so
plainly and still shows "How this tool decides", written out from the same definition."""

import pytest

import decision_tools
from wizard_driver import TOOL_IDS

pytestmark = pytest.mark.browser


def assert_logic_shown(page, tool):
    flow = decision_tools.flow(tool)
    logic = page.locator(f'.dt-wizard[data-tool="{tool}"] .dt-logic')
    assert logic.get_by_role("heading", name="How this tool decides").is_visible()
    text = " ".join(logic.inner_text().split())
    for question in flow["questions"]:
        assert " ".join(question["text"].split()) in text, f"{tool}: question {question['id']!r} missing"
        if question["asked_when"]:
            assert " ".join(question["asked_when"].split()) in text, f"{tool}: when {question['id']!r} is asked"
    for finding in flow["findings"]:
        assert " ".join(finding["title"].split()) in text, f"{tool}: finding {finding['id']!r} missing"
        assert " ".join(finding["found_when"].split()) in text, f"{tool}: when {finding['id']!r} is found"


@pytest.mark.parametrize("tool", TOOL_IDS)
def test_blocked_pyodide_gives_a_plain_message_and_the_logic(page, site_server, tool):
    blocked = []

    def block(route):
        blocked.append(route.request.url)
        route.abort()

    page.route("**/assets/pyodide/**", block)
    page.goto(f"{site_server}tools/{tool}/")
    wizard = page.locator(f'.dt-wizard[data-tool="{tool}"]')
    message = wizard.get_by_role("alert")
    message.wait_for(timeout=60_000)
    assert "could not start in your browser" in message.inner_text()
    assert blocked, "the test should have blocked the Pyodide files"
    # The questions are gone rather than left looking usable.
    assert wizard.locator(".dt-question").count() == 0
    message.get_by_role("link", name="How this tool decides").click()
    assert "?" not in page.url
    assert_logic_shown(page, tool)


@pytest.mark.browser_context_args(java_script_enabled=False)
@pytest.mark.parametrize("tool", TOOL_IDS)
def test_without_javascript_a_plain_message_and_the_logic(page, site_server, tool):
    page.goto(f"{site_server}tools/{tool}/")
    wizard = page.locator(f'.dt-wizard[data-tool="{tool}"]')
    message = wizard.locator(".dt-wizard__message")
    assert message.is_visible()
    assert "JavaScript" in message.inner_text() and "How this tool decides" in message.inner_text()
    assert not wizard.locator(".dt-question").is_visible(), "a question that cannot work is shown"
    assert_logic_shown(page, tool)
