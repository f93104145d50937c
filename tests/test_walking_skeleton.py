"""End to end: the decision tool answers in Chromium, from Python run by the site's own Pyodide."""

import pytest

import decision_tools

pytestmark = pytest.mark.browser


def test_tool_gives_its_answer_from_self_hosted_pyodide(page, site_server):
    wasm = []
    page.on("request", lambda r: wasm.append(r.url) if r.url.endswith("pyodide.asm.wasm") else None)
    page.goto(site_server + "tools/harassment/")
    wizard = page.locator(".dt-wizard")
    # Danger comes first in the harassment tool; "Yes" is answered at once with 999.
    wizard.get_by_label("Yes").check(timeout=120_000)
    wizard.get_by_role("button", name="Continue").click()
    title = wizard.locator(".dt-result__title")
    expected = decision_tools.evaluate("harassment", {"danger": "yes"})["result"]["title"]
    assert title.inner_text(timeout=120_000) == expected
    assert wasm and all(u.startswith(site_server) for u in wasm)
