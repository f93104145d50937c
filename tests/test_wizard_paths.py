"""Done-when 1: for every tool, the browser reaches every result, equal to CPython's.

Answer paths come from `python -m decision_tools paths TOOL`; one page load per tool, with
"Start again" between paths. The result's links must point at the right pages of the site."""

import pytest

from wizard_driver import (TOOL_IDS, click_and_wait, covering_paths, expected_result, open_tool, outcome_ids,
                           run_path, shown_result)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("tool", TOOL_IDS)
def test_browser_reaches_every_result_as_cpython_does(page, site_server, tool):
    wizard = open_tool(page, site_server, tool)
    question = wizard.locator(".dt-wizard__step .dt-question")
    built = question.evaluate("e => e.outerHTML")   # the first question as the build rendered it
    reached = set()
    for path in covering_paths(tool):
        run_path(page, wizard, tool, path["answers"])
        shown = shown_result(wizard)
        assert shown == expected_result(tool, path["answers"], site_server), f"{tool}: path {path['answers']}"
        assert shown["id"] == path["result"]
        reached.add(shown["id"])
        click_and_wait(page, wizard.get_by_role("button", name="Start again"))
        # The script renders the first question exactly as the build did: no change of shape.
        assert question.evaluate("e => e.outerHTML") == built
    assert reached == outcome_ids(tool), f"{tool}: results never reached in the browser: {outcome_ids(tool) - reached}"


def test_result_links_reach_real_headings(page, site_server):
    """Every law and guidance link in every result lands on a heading that exists."""
    import decision_tools

    targets = set()
    for tool in TOOL_IDS:
        for outcome in decision_tools.flow(tool)["outcomes"]:
            for ref in outcome.get("law", []) + outcome.get("links", []):
                targets.add((ref["page"], ref.get("anchor", "")))
    for page_path, anchor in sorted(targets):
        url = site_server + (page_path[:-len("index.md")] if page_path.endswith("index.md") else page_path[:-3] + "/")
        assert page.goto(url).ok, f"{page_path} is not a page of the site"
        if anchor:
            assert page.locator(f"#{anchor}").count() == 1, f"{page_path} has no heading with id {anchor!r}"
