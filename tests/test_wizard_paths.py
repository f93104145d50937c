"""For every tool, the browser reaches every kind of result, showing exactly what CPython's
presenter renders for the same answers (one presenter, so the views cannot drift).

Answer paths come from `python -m decision_tools paths TOOL`; one page load per tool, with
"Start again" between paths. The result's links must point at the right pages of the site."""

import pytest

from wizard_driver import (TOOL_IDS, click_and_wait, covering_paths, expected_step, lead_ids, open_tool, run_path,
                           shown_step)

# Against both engines' builds: every path of every tool, whichever engine built the page.
pytestmark = [pytest.mark.browser, pytest.mark.both_engines]


@pytest.mark.parametrize("tool", TOOL_IDS)
def test_browser_reaches_every_result_as_cpython_renders_it(page, site_server, tool):
    wizard = open_tool(page, site_server, tool)
    question = wizard.locator(".dt-wizard__step .dt-question")
    built = question.evaluate("e => e.outerHTML")   # the first question as the build rendered it
    reached = set()
    for path in covering_paths(tool):
        run_path(page, wizard, tool, path["answers"])
        assert shown_step(page, wizard) == expected_step(page, wizard, tool, path["answers"]), path["answers"]
        reached.add(wizard.locator(".dt-result").get_attribute("data-result"))
        click_and_wait(page, wizard.get_by_role("button", name="Start again"))
        # The script shows the first question exactly as the build did: no change of shape.
        # (Material makes in-page links absolute when the page loads: compare them as written.)
        assert question.evaluate("e => e.outerHTML") == built.replace(f'href="{page.url}#', 'href="#')
    assert reached == lead_ids(tool), f"{tool}: results never reached in the browser: {lead_ids(tool) - reached}"


@pytest.mark.one_engine("it visits the linked pages' headings, which tests/test_engines.py proves the same in "
                        "both builds (every page's content, ids included); over 3 minutes on a busy machine")
def test_result_links_reach_real_headings(page, site_server):
    """Every law and guidance link any tool declares lands on a heading that exists."""
    from build_hooks.references import tool_references

    for page_path, anchor in sorted({(r.page, r.anchor) for r in tool_references().pages}):
        url = site_server + (page_path[:-len("index.md")] if page_path.endswith("index.md") else page_path[:-3] + "/")
        assert page.goto(url).ok, f"{page_path} is not a page of the site"
        if anchor:
            assert page.locator(f"#{anchor}").count() == 1, f"{page_path} has no heading with id {anchor!r}"
