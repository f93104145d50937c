"""The wizard and the quick exit work under the strict Content-Security-Policy the site will be
served with: scripts and workers from the site only, WebAssembly allowed, no eval, no inline
script or style attributes."""

import pytest

from wizard_driver import TOOL_IDS, longest_path, run_path_with_locators

pytestmark = pytest.mark.browser

POLICY = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; "
          "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'")


def test_wizard_runs_under_a_strict_policy(page, site_server):
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)

    def with_policy(route):
        response = route.fetch()
        headers = {**response.headers, "content-security-policy": POLICY}
        route.fulfill(response=response, headers=headers)

    page.route(lambda url: url.endswith("/") or url.endswith(".html") or url.endswith(".js"), with_policy)
    tool = TOOL_IDS[0]
    path = longest_path(tool)
    page.goto(f"{site_server}tools/{tool}/")
    wizard = page.locator(f'.dt-wizard[data-tool="{tool}"].dt-wizard--live')
    wizard.wait_for()
    run_path_with_locators(wizard, tool, path["answers"])
    assert wizard.locator(".dt-result").get_attribute("data-result") == path["result"]
    # The policy really is in force on the page.
    page.evaluate("""() => { const s = document.createElement('script');
        s.textContent = 'window.__inlineRan = true'; document.head.append(s); }""")
    assert page.evaluate("window.__inlineRan === undefined"), "the policy is not in force"
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(f"{site_server}recipes/soup.html")
    ours = [v for v in violations if "dt-" in v or "wizard" in v or "pyodide" in v.lower()]
    assert ours == [], ours
