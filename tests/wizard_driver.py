"""Drive the in-page decision tools in Chromium, for the tests/test_wizard_*.py browser tests.

Answer paths come from the engine's own CLI (`python -m decision_tools paths TOOL`), so the tests
cover every tool the engine lists. What the browser shows is compared with what CPython's
presenter renders for the same answers and the page's own build-time data.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import decision_tools

ROOT = Path(__file__).resolve().parent.parent
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TOOL_IDS = [t["id"] for t in decision_tools.list_tools()]
READY_TIMEOUT = 120_000  # Pyodide can take 10+ s on a loaded 2-core machine
STEP_TIMEOUT = 30_000


def paths(tool: str) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "decision_tools", "paths", tool], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def covering_paths(tool: str) -> list[dict]:
    """The first path to each leading finding: enough to reach every kind of result once."""
    first: dict[str, dict] = {}
    for path in paths(tool):
        first.setdefault(path["result"], path)
    return list(first.values())


def section_paths(tool: str) -> list[dict]:
    """A few paths whose results, between them, fill every section the tool can fill."""
    from decision_tools.result import SECTIONS

    chosen, covered = [], set()
    for path in sorted(paths(tool), key=lambda p: -len(p["answers"])):
        result = decision_tools.evaluate(tool, path["answers"])["result"]
        filled = {name for name in SECTIONS if result[name]}
        if filled - covered:
            chosen.append(path)
            covered |= filled
        if len(chosen) >= 3:
            break
    return chosen


def longest_path(tool: str) -> dict:
    """A path with the most questions: it has a later question to look at."""
    return max(paths(tool), key=lambda p: len(p["answers"]))


def lead_ids(tool: str) -> set[str]:
    return {p["result"] for p in paths(tool)}


def open_tool(page, site_server: str, tool: str, *, wait_ready: bool = True):
    page.goto(f"{site_server}tools/{tool}/")
    wizard = page.locator(f'.dt-wizard[data-tool="{tool}"]')
    wizard.locator(".dt-question").wait_for()
    page.wait_for_function("document.querySelector('.dt-wizard--live')")
    if wait_ready:
        wait_engine_ready(page)
    return wizard


def wait_engine_ready(page):
    page.wait_for_function("performance.getEntriesByName('dt:engine-ready').length > 0", timeout=READY_TIMEOUT)


def steps_shown(page) -> int:
    return page.evaluate("performance.getEntriesByName('dt:step').length")


def click_and_wait(page, locator):
    """Click a wizard control and wait until the next step is on screen."""
    before = steps_shown(page)
    locator.click()
    page.wait_for_function(f"performance.getEntriesByName('dt:step').length > {before}", timeout=STEP_TIMEOUT)


def current_question(wizard) -> dict | None:
    box = wizard.locator(".dt-wizard__step .dt-question")
    if box.count() == 0:
        return None
    return {"id": box.get_attribute("data-question"), "kind": box.get_attribute("data-kind")}


def choose(wizard, tool: str, qid: str, value):
    for v in value if isinstance(value, list) else [value]:
        wizard.locator(f"#dt-{tool}-{qid}-{v}").check()


def run_path(page, wizard, tool: str, answers: dict, *, on_question=None) -> None:
    """Answer questions from `answers` until the result shows."""
    for _ in range(len(answers) + 1):
        q = current_question(wizard)
        if q is None:
            return
        assert q["id"] in answers, f"{tool}: the browser asked {q['id']!r}, which the path {answers} does not answer"
        if on_question:
            on_question(q)
        choose(wizard, tool, q["id"], answers[q["id"]])
        click_and_wait(page, wizard.get_by_role("button", name="Continue"))
    assert current_question(wizard) is None, f"{tool}: no result after answering {answers}"


def run_path_with_locators(wizard, tool: str, answers: dict) -> None:
    """Like run_path, but waiting with locators only: under the site's real policy Playwright's
    wait_for_function cannot run (it needs eval, which the policy forbids)."""
    for _ in range(len(answers) + 1):
        q = current_question(wizard)
        if q is None:
            return
        choose(wizard, tool, q["id"], answers[q["id"]])
        wizard.get_by_role("button", name="Continue").click()
        wizard.locator(f'.dt-wizard__step:not(:has([data-question="{q["id"]}"]))').wait_for(timeout=READY_TIMEOUT)


def shown_step(page, wizard) -> str:
    """The step on screen as the browser serialises it."""
    return wizard.locator(".dt-wizard__step").evaluate("e => e.innerHTML")


def expected_step(page, wizard, tool: str, answers: dict) -> str:
    """What CPython's presenter renders for `answers`, with the page's own build-time data,
    serialised by the same browser so only the markup, not its spelling, is compared."""
    from decision_tools.browser import step

    data = wizard.locator(".dt-wizard__data").evaluate("e => JSON.parse(e.textContent)")
    html = step(tool, answers, data)["html"]
    return page.evaluate("(html) => { const t = document.createElement('template'); t.innerHTML = html; return t.innerHTML; }",
                         html)


def shown_sections(wizard) -> list[str]:
    """The result sections on screen, in order (decision_tools.result.SECTIONS names)."""
    return wizard.locator(".dt-result").evaluate(
        "r => [...r.querySelectorAll('section.dt-section')].map((s) => s.className.match(/dt-section--([a-z-]+)/)[1].replace(/-/g, '_'))")


def axe_violations(page, within=(".dt-wizard", ".dt-exit")) -> list[dict]:
    """axe-core on what this feature puts on the page: the wizard and the quick exit. (The
    rest of each page is checked by the site-wide tests.) `within=None` checks the whole page."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE))
    context = {"include": [[s] for s in within if page.locator(s).count()]} if within else None
    results = page.evaluate("(context) => axe.run(context || document, {resultTypes: ['violations']})", context)
    return [{"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in results["violations"]]


def stored_state(page) -> dict:
    """Everything a page keeps outside the wizard's own memory."""
    return page.evaluate("""() => ({
        url: location.href,
        cookie: document.cookie,
        session: Object.fromEntries(Object.keys(sessionStorage).map((k) => [k, sessionStorage.getItem(k)])),
        local: Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])),
        checked: document.querySelectorAll('.dt-wizard input:checked').length,
        answers_shown: document.querySelectorAll('.dt-answers').length,
    })""")
