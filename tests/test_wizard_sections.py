"""Every section of the result contract appears in the wizard's result and in its printed result:
the Dowson steps on a harassment result, the trade-offs on respond, each problem and its fix on
post, offences element by element; and axe finds nothing wrong with any of them."""

from __future__ import annotations

import subprocess

import pytest

import decision_tools
from decision_tools.result import SECTIONS
from wizard_driver import (TOOL_IDS, axe_violations, click_and_wait, open_tool, run_path, section_paths,
                           shown_sections)

pytestmark = pytest.mark.browser

# What each tool must show among its results.
MUST_SHOW = {"harassment": {"findings", "offences", "dowson", "law"}, "respond": {"trade_offs"},
             "post": {"problems"}, "report": {"contacts"}, "safety-plan": {"actions"}}


def printed_text(page, wizard, tmp_path, name: str) -> str:
    page.evaluate("window.print = () => { window.__printed = true; }")  # no print dialog in a test
    wizard.get_by_role("button", name="Print this result").click()
    assert page.evaluate("window.__printed") is True
    page.emulate_media(media="print")
    pdf = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4")
    page.emulate_media(media="screen")
    page.evaluate("document.documentElement.classList.remove('dt-print-result')")
    return " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())


def in_print(words: str, text: str) -> bool:
    """Whether `words` are in the printed text in order. An element's test and its status are laid
    out side by side, so pdftotext may put the status between the last words of a wrapped test."""
    wanted, got = words.split(), text.split()
    for start in (i for i, word in enumerate(got) if word == wanted[0]):
        rest = iter(got[start:start + len(wanted) + 40])
        if all(word in rest for word in wanted):
            return True
    return False


@pytest.mark.parametrize("tool", TOOL_IDS)
def test_every_section_a_result_has_is_shown_and_printed(page, site_server, tool, tmp_path):
    wizard = open_tool(page, site_server, tool)
    seen = set()
    for n, path in enumerate(section_paths(tool)):
        if n:
            click_and_wait(page, wizard.get_by_role("button", name="Start again"))
        run_path(page, wizard, tool, path["answers"])
        result = decision_tools.evaluate(tool, path["answers"])["result"]
        filled = [name for name in SECTIONS if result[name] and name != "notes"]
        shown = shown_sections(wizard)
        assert [s for s in shown if s != "findings"] == [s for s in filled if s != "findings"], path["answers"]
        seen |= set(shown)
        assert axe_violations(page) == [], f"{tool}: result {result['id']}"
        text = printed_text(page, wizard, tmp_path, f"{tool}-{n}")
        assert result["title"] in text
        for action in result["actions"]:
            assert " ".join(action.split()) in text, f"printed result lacks {action!r}"
        for entry in (*result["offences"], *result["law"]):
            assert entry["name"] in text
            for element in entry["elements"]:
                assert in_print(element["test"], text), f"printed result lacks {element['test']!r}"
        for step in result["dowson"]:
            assert step["test"][:60] in text
        for trade in result["trade_offs"]:
            assert trade["course"] in text
        for problem in result["problems"]:
            assert " ".join(problem["problem"].split()) in text and " ".join(problem["fix"].split()) in text
        for gone in ("How this tool decides", "Leave this site quickly", "Start again", "Print this result"):
            assert gone not in text
    assert MUST_SHOW[tool] <= seen, f"{tool}: never showed {MUST_SHOW[tool] - seen}"
