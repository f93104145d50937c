"""Drive the in-page decision tools in Chromium, for the tests/test_wizard_*.py browser tests.

Answer paths come from the engine's own CLI (`python -m decision_tools paths TOOL`, contract 2),
so the tests cover every tool the engine lists, and compare with CPython's `evaluate`.
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
    """The first path to each result: enough to reach every result once."""
    first: dict[str, dict] = {}
    for path in paths(tool):
        first.setdefault(path["result"], path)
    return list(first.values())


def longest_path(tool: str) -> dict:
    """A path with the most questions: it has a later question to look at."""
    return max(paths(tool), key=lambda p: len(p["answers"]))


def outcome_ids(tool: str) -> set[str]:
    return {o["id"] for o in decision_tools.flow(tool)["outcomes"]}


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


def shown_result(wizard) -> dict:
    """The result on screen, read back from the page."""
    return wizard.locator(".dt-result").evaluate("""r => {
        const texts = (sel) => [...r.querySelectorAll(sel)].map((e) => e.textContent.trim());
        return {
            id: r.dataset.result,
            urgency: r.dataset.urgency,
            title: r.querySelector(".dt-result__title").textContent.trim(),
            summary: r.querySelector(".dt-result__summary").textContent.trim(),
            actions: texts(".dt-result__actions > li"),
            why: texts(".dt-result__why > li"),
            law: texts(".dt-result__law > li"),
            law_hrefs: [...r.querySelectorAll(".dt-result__law a")].map((a) => a.href),
            contacts: texts(".dt-contact__role"),
            links: texts(".dt-result__links > li"),
            link_hrefs: [...r.querySelectorAll(".dt-result__links a")].map((a) => a.href),
            notes: texts(".dt-result__note"),
        };
    }""")


def expected_result(tool: str, answers: dict, site_server: str) -> dict:
    """What CPython's engine says, in the form the page shows it."""
    from decision_tools.contacts import ROLES

    result = decision_tools.evaluate(tool, answers)["result"]

    def href(page: str, anchor: str) -> str:
        url = site_server + (page[:-len("index.md")] if page.endswith("index.md") else page[:-3] + "/")
        return url + (f"#{anchor}" if anchor else "")

    return {
        "id": result["id"], "urgency": result["urgency"], "title": result["title"], "summary": result["summary"],
        "actions": result["actions"], "why": result["why"],
        "law": [f"{r['act']}, {r['section']}: {r['name']}. {r['plain']}" for r in result["law"]],
        "law_hrefs": [href(r["page"], r.get("anchor", "")) for r in result["law"]],
        "contacts": [ROLES[role] for role in result["contacts"]],
        "links": [link["title"] for link in result["links"]],
        "link_hrefs": [href(link["page"], link.get("anchor", "")) for link in result["links"]],
        "notes": result.get("notes", []),
    }


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
