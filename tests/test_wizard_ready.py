"""The wizard is usable at once: the first question is in the page's HTML, a reader who answers
before Python is ready sees a short "getting ready" state and carries on, and the performance
marks the benchmarks read are set. Also "Print this result": clean pages, none blank, with the
date and the toolkit version."""

import datetime
import re
import subprocess

import pytest

import decision_tools
from wizard_driver import TOOL_IDS, longest_path, open_tool, run_path

pytestmark = pytest.mark.browser


@pytest.mark.both_engines
def test_first_question_is_in_the_built_html(site_dir):
    for tool in TOOL_IDS:
        html = (site_dir / "tools" / tool / "index.html").read_text()
        first = decision_tools.evaluate(tool, {})["question"]
        assert f'data-question="{first["id"]}"' in html and "How this tool decides" in html


def test_answer_before_python_is_ready_waits_then_carries_on(page, site_server):
    tool = TOOL_IDS[0]
    held = []  # the runtime is held back until the reader has answered
    page.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    path = longest_path(tool)
    wizard = open_tool(page, site_server, tool, wait_ready=False)
    first = decision_tools.evaluate(tool, {})["question"]["id"]
    value = path["answers"][first]
    wizard.locator(f"#dt-{tool}-{first}-{value if isinstance(value, str) else value[0]}").check()
    wizard.get_by_role("button", name="Continue").click()
    status = wizard.locator(".dt-wizard__status")
    assert "Getting the tool ready" in status.inner_text()
    assert wizard.get_by_role("button", name="Continue").get_attribute("aria-disabled") == "true"
    assert held, "the page should have asked for the runtime by now"
    held[0].continue_()
    page.wait_for_function("performance.getEntriesByName('dt:step').length > 0", timeout=120_000)
    assert status.inner_text() == ""
    expected = decision_tools.evaluate(tool, {first: value})
    shown = wizard.locator(".dt-question").get_attribute("data-question") if expected["status"] == "question" \
        else wizard.locator(".dt-result").get_attribute("data-result")
    assert shown == (expected["question"]["id"] if expected["status"] == "question" else expected["result"]["id"])
    marks = page.evaluate("""['dt:first-question', 'dt:engine-ready', 'dt:step']
        .map((name) => performance.getEntriesByName(name).length)""")
    assert marks == [1, 1, 1]
    assert page.evaluate("performance.getEntriesByName('dt:step')[0].entryType") == "measure"


def test_print_this_result_prints_clean_complete_pages(page, site_server, tmp_path):
    tool = TOOL_IDS[0]
    path = longest_path(tool)
    wizard = open_tool(page, site_server, tool)
    run_path(page, wizard, tool, path["answers"])
    page.evaluate("window.print = () => { window.__printed = true; }")  # no print dialog in a test
    wizard.get_by_role("button", name="Print this result").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    pdf = tmp_path / "result.pdf"
    page.pdf(path=str(pdf), format="A4")
    pages = int(re.search(r"Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                                                             check=True).stdout)[1])
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for number, sheet in enumerate(text.split("\f")[:pages], start=1):
        assert sheet.strip(), f"page {number} of the printed result is blank"
    result = decision_tools.evaluate(tool, path["answers"])["result"]
    today = datetime.date.today()
    flat = " ".join(text.split())
    assert result["title"] in flat
    assert f"{today.day} {today:%B} {today.year}" in text and f"version {decision_tools.__version__}" in text
    assert "Your answers" in flat  # the answers the result rests on are printed with it
    for gone in ("How this tool decides", "Leave this site quickly", "Start again", "Print this result"):
        assert gone not in text
