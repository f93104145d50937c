"""The personal-safety planner runs in the browser (Pyodide in a worker), shows what CPython's
presenter renders, prints a plan to fill in by hand, and axe-core finds nothing at each step.
(The CSP and the page itself under nginx are covered by tests/test_quality_gates.py.)"""

from __future__ import annotations

import re
import subprocess

import pytest

from build_hooks.runtime import ROOT
from test_incident_log import axe
from wizard_driver import click_and_wait, covering_paths, expected_step, lead_ids, open_tool, run_path, shown_step

pytestmark = pytest.mark.browser

TOOL = "safety-plan"
PAGE = (ROOT / "docs/tools/safety-plan.md").read_text(encoding="utf-8")
# The plan to fill in by hand is the page's own table: its first column.
PLAN_LINES = re.findall(r"^\| ([^|]+?) \| &nbsp; \|$", PAGE, flags=re.M)


def test_every_result_in_the_browser_is_what_cpython_renders(page, site_server):
    wizard = open_tool(page, site_server, TOOL)
    reached = set()
    for path in covering_paths(TOOL):
        run_path(page, wizard, TOOL, path["answers"])
        assert shown_step(page, wizard) == expected_step(page, wizard, TOOL, path["answers"])
        reached.add(path["result"])
        click_and_wait(page, wizard.get_by_role("button", name="Start again"))
    assert reached == lead_ids(TOOL) >= {"change-the-plan", "fill-the-gaps", "ready"}


def test_gaps_checklist_and_the_plan_to_fill_in(page, site_server):
    wizard = open_tool(page, site_server, TOOL)
    assert axe(page) == [], "first question"
    wizard.get_by_role("button", name="Continue").click()
    wizard.locator(".dt-error-summary:not([hidden])").wait_for()
    assert axe(page) == [], "error"
    answers = {"what": "home_visit", "alone": "yes", "others_nearby": "no", "someone_knows": "yes",
               "way_out": "no", "phone": "yes", "visitor": "new"}
    run_path(page, wizard, TOOL, answers)
    result = wizard.locator(".dt-result")
    assert result.locator(".dt-result__title").inner_text() == "Fill the gaps in your plan first"
    findings = result.locator(".dt-finding").evaluate_all("fs => fs.map((f) => f.dataset.finding)")
    assert {"alone", "nobody-near", "no-way-out", "new-person"} <= set(findings)
    actions = result.locator(".dt-result__actions > li").all_inner_texts()
    assert "Call them beforehand to confirm the visit and get a sense of their mood." in actions
    hrefs = result.locator(".dt-result__links a").evaluate_all("as => as.map((a) => a.href)")
    assert any(href.endswith("/personal-safety/home-visits/#during") for href in hrefs)
    assert axe(page) == [], "result"
    # The plan is printed with the result and filled in by hand: empty lines, nothing typed in.
    page.emulate_media(media="print")
    sheet = page.locator(".safety-plan-sheet table")
    assert sheet.is_visible()
    rows = sheet.locator("tbody tr").all_inner_texts()
    assert [r.split("\t")[0].strip() for r in rows] == PLAN_LINES and len(PLAN_LINES) >= 8
    assert all(r.split("\t")[1].strip() == "" for r in rows)


def test_print_this_result_prints_the_plan_to_fill_in_on_its_own_page(page, site_server, tmp_path):
    wizard = open_tool(page, site_server, TOOL)
    run_path(page, wizard, TOOL, {"what": "surgery", "alone": "no", "someone_knows": "yes", "way_out": "yes",
                                  "phone": "yes", "visitor": "known"})
    page.evaluate("window.print = () => { window.__printed = true; }")  # no print dialog in a test
    wizard.get_by_role("button", name="Print this result").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    pdf = tmp_path / "plan.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.split("\f")
    assert "Your plan covers the basics" in pages[0] and "Our code word" not in pages[0]
    plan = " ".join(" ".join(pages[1:]).split())
    assert "Your plan" in plan and all(line in plan for line in PLAN_LINES)
    assert "How this tool decides" not in "".join(pages)
