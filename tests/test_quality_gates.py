"""Site-wide quality gates, on every page, served by nginx with the shipped deploy/nginx.conf:
axe-core (WCAG 2.0/2.1/2.2 A and AA, and best practices) with zero violations, a skip link,
visible keyboard focus, no horizontal scrolling at 320 px, no outside request (the guard in
conftest), no console error, and no Content-Security-Policy violation. Against both engines' builds."""

from __future__ import annotations

import gzip
import json
import urllib.request
from pathlib import Path

import pytest

from harness import ROOT, SITE, all_pages
from wizard_driver import READY_TIMEOUT, TOOL_IDS, longest_path, run_path_with_locators

pytestmark = pytest.mark.both_engines

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
# The pages MkDocs built; Zensical builds the same ones (tests/test_engines.py checks).
PAGES = all_pages(SITE) if (SITE / "index.html").exists() else ["(site/ not built: run make build)"]
# Against Zensical's build, one page of each kind, not all: tests/test_engines.py proves every
# page's content the same in both builds, so what can differ is the theme around it, which is
# the same on every page of a kind. Every page with something the toolkit adds is here (each
# tool, the incident log, the contact cards, the handbook list and links), with the home page,
# a section's first page, and plain guidance pages.
ZENSICAL_PAGES = {"", "tools/", *(f"tools/{tool}/" for tool in TOOL_IDS), "tools/incident-log/", "support/",
                  "about/handbooks/", "law/", "law/harassment/", "abuse/first-steps/",
                  "start-here/covering-your-tracks/"}
_ONE_KIND = pytest.mark.one_engine("a page of a kind tested against Zensical's build too (ZENSICAL_PAGES)")

# Records CSP violations from the first moment of each document (init scripts are not subject
# to the page's policy, so this does not weaken what is tested).
_WATCH_CSP = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`));
"""


def fetch(url: str, gzip_ok: bool = True):
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip_ok else {})
    with urllib.request.urlopen(request) as response:
        return response.status, response.headers, response.read()


def staged(site_dir: Path, pattern: str) -> str:
    [path] = sorted(site_dir.glob(pattern))[:1] or [None]
    assert path is not None, f"nothing in {site_dir.name}/ matches {pattern}"
    return path.relative_to(site_dir).as_posix()


# --- Response headers -----------------------------------------------------------------------

EXPECTED_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


def test_every_response_carries_the_security_headers(nginx_server, site_dir):
    for path in ["", "tools/harassment/", staged(site_dir, "assets/pyodide/*/pyodide.asm.wasm"), "no-such-page/"]:
        try:
            _, headers, _ = fetch(nginx_server + path)
        except urllib.error.HTTPError as error:  # the 404 page must carry them too
            assert error.code == 404
            headers = error.headers
        for name, value in EXPECTED_SECURITY_HEADERS.items():
            assert headers[name] == value, f"{path or '/'}: {name}"
        csp = headers["Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
        assert directives["default-src"] == "'self'"
        assert directives["script-src"] == "'self' 'wasm-unsafe-eval'", "no inline script, no eval"
        assert directives["worker-src"] == "'self'"
        assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
        assert "camera=()" in headers["Permissions-Policy"] and "geolocation=()" in headers["Permissions-Policy"]


@pytest.mark.parametrize("pattern, content_type", [
    ("assets/pyodide/*/pyodide.asm.wasm", "application/wasm"),
    ("assets/pyodide/*/pyodide.mjs", "text/javascript"),
    ("assets/pyodide/*/pyodide.asm.mjs", "text/javascript"),
    ("assets/pyodide/*/python_stdlib.zip", "application/zip"),
    ("assets/decision-tools/*/pyodide-lock.json", "application/json"),
    ("assets/javascripts/bundle.*.min.js", "application/javascript"),
])
def test_runtime_files_are_typed_compressed_and_cached_for_ever(nginx_server, site_dir, pattern, content_type):
    path = staged(site_dir, pattern)
    _, headers, body = fetch(nginx_server + path)
    assert headers["Content-Type"].split(";")[0] == content_type
    assert headers["Content-Encoding"] == "gzip", f"{path} should be sent compressed"
    assert gzip.decompress(body) == (site_dir / path).read_bytes()
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_pages_are_revalidated_so_updated_contacts_show_at_once(nginx_server):
    _, headers, _ = fetch(nginx_server + "support/")
    assert headers["Content-Type"].startswith("text/html")
    assert headers["Cache-Control"] == "no-cache"


# --- Every page in Chromium -----------------------------------------------------------------

@pytest.fixture
def gated_page(page):
    """A page that records console errors, uncaught errors and CSP violations."""
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"uncaught: {e}"))
    page.add_init_script(_WATCH_CSP)
    page.problems = problems
    return page


def run_axe(page) -> list[dict]:
    # Evaluated rather than added as a <script> tag: the site's policy rightly refuses inline script.
    page.evaluate(AXE.read_text())
    result = page.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]][:5]}
            for v in result["violations"]]


def focus_is_visible(page) -> str | None:
    """None if the focused element shows a focus indicator, else a description of it."""
    return page.evaluate("""() => {
      const el = document.activeElement;
      if (!el || el === document.body) return "nothing focused";
      const s = getComputedStyle(el);
      const outline = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0;
      const ring = s.boxShadow && s.boxShadow !== "none";
      return outline || ring ? null : el.outerHTML.slice(0, 120);
    }""")


def test_the_pages_tested_against_both_builds_are_pages_of_the_site():
    assert ZENSICAL_PAGES <= set(PAGES), sorted(ZENSICAL_PAGES - set(PAGES))


@pytest.mark.browser
@pytest.mark.parametrize("path", [path if path in ZENSICAL_PAGES else pytest.param(path, marks=_ONE_KIND)
                                  for path in PAGES])
def test_page_passes_the_quality_gates(gated_page, nginx_server, path):
    page = gated_page
    page.set_viewport_size({"width": 1280, "height": 800})
    response = page.goto(nginx_server + path, wait_until="networkidle")
    assert response.ok, f"HTTP {response.status}"

    violations = run_axe(page)
    assert violations == [], json.dumps(violations, indent=1)

    # The first Tab reaches a visible skip link whose target is on the page.
    page.keyboard.press("Tab")
    skip = page.evaluate("""() => {
      const a = document.activeElement;
      if (!a.classList.contains("md-skip")) return null;
      const id = decodeURIComponent(new URL(a.href).hash.slice(1));
      return {id, found: !!document.getElementById(id), samePage: new URL(a.href).pathname === location.pathname};
    }""")
    assert skip, "the first Tab should reach the skip link"
    # The focused one: a tool page also has "Skip to the question" (wizard.js), after it.
    assert focus_is_visible(page) is None and page.locator(".md-skip:focus").is_visible()
    assert skip["found"] and skip["samePage"], f"skip link target #{skip['id']} is not on this page"

    # Every one of the next few Tabs shows where the focus is.
    for _ in range(8):
        page.keyboard.press("Tab")
        hidden = focus_is_visible(page)
        assert hidden is None, f"focus is not visible on: {hidden}"

    # Reflow (WCAG 1.4.10): no horizontal scrolling at 320 CSS pixels.
    # Measured once the theme's transitions have run: if the Tabs above opened search, its overlay
    # grows to cover the screen and is wider than 320 px only while it animates. (A transition cut
    # short by the resize is cancelled: settled, not finished.)
    page.set_viewport_size({"width": 320, "height": 640})
    page.evaluate("""Promise.allSettled(document.getAnimations()
        .filter((a) => a.effect.getComputedTiming().endTime !== Infinity).map((a) => a.finished))""")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"the page scrolls sideways at 320 px ({width} px wide)"

    assert page.evaluate("window.__cspViolations") == []
    assert page.problems == []


@pytest.mark.browser
@pytest.mark.parametrize("tool", TOOL_IDS)
def test_every_wizard_completes_a_path_under_nginx_and_its_policy(gated_page, nginx_server, tool):
    """The longest answer path of each tool, served by nginx with deploy/nginx.conf: the policy
    is really sent, the result is the one CPython gives, and nothing breaks the policy."""
    page = gated_page
    path = longest_path(tool)
    response = page.goto(f"{nginx_server}tools/{tool}/")
    assert "script-src 'self' 'wasm-unsafe-eval'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    wizard = page.locator(f'.dt-wizard[data-tool="{tool}"].dt-wizard--live')
    wizard.wait_for()
    run_path_with_locators(wizard, tool, path["answers"])
    assert wizard.locator(".dt-result").get_attribute("data-result", timeout=READY_TIMEOUT) == path["result"]
    assert page.evaluate("window.__cspViolations") == []
    assert page.problems == []
