"""The wizards' build step, in CPython: the first question, the embedded data, the written-out
logic, and clear errors naming the tool and what to fix."""

import json
import re
from html import unescape

import pytest

import decision_tools
from build_hooks import wizards
from build_hooks.contacts import contacts_by_role
from build_hooks.runtime import ROOT
from wizard_driver import TOOL_IDS

RUNTIME_REF = re.compile(r'(?:src|href|data-runtime|data-tools)="[^"]*assets/(?:pyodide|decision-tools)/')


def all_page_urls():
    return {p.relative_to(ROOT / "docs").as_posix(): "x/" for p in (ROOT / "docs").rglob("*.md")}


def render(tool, **kw):
    return wizards.wizard_html(tool, runtime="../../r/", tools="../../t/", contacts=kw.get("contacts", {}),
                               page_urls=kw.get("page_urls", all_page_urls()))


def test_council_contacts_have_the_shape_the_presenter_reads():
    contacts = contacts_by_role(ROOT / "docs")
    assert contacts["monitoring-officer"]["tel"].startswith("tel:+44")
    assert contacts["police-emergency"]["tel"] == "tel:999"
    assert contacts["police-adviser"]["title"].startswith("Police: Force Elected Official Adviser")
    for role, contact in contacts.items():
        assert {"role", "title", "name", "email", "phone", "tel", "notes", "checked"} <= set(contact), role


@pytest.mark.parametrize("tool", TOOL_IDS)
def test_wizard_has_first_question_data_and_logic(tool):
    html = render(tool)
    first = decision_tools.evaluate(tool, {})["question"]
    assert f'data-question="{first["id"]}"' in html
    for option in first["options"]:
        assert f'id="dt-{tool}-{first["id"]}-{option["value"]}"' in html
    data = json.loads(re.search(r'class="dt-wizard__data">(.*?)</script>', html).group(1))
    assert data["version"] == decision_tools.__version__ and data["tool"] == tool
    logic = unescape(re.sub(r"<[^>]+>", " ", html[html.index('class="dt-logic"'):]))
    logic = " ".join(logic.split())
    flow = decision_tools.flow(tool)
    for q in flow["questions"]:
        assert " ".join(q["text"].split()) in logic
        if q["asked_when"]:
            assert " ".join(q["asked_when"].split()) in logic
    for f in flow["findings"]:
        assert " ".join(f["title"].split()) in logic and " ".join(f["found_when"].split()) in logic
    for entry in flow["law"]:
        assert " ".join(entry["name"].split()) in logic


def test_the_first_question_is_the_presenters_markup():
    from decision_tools.browser import step

    html = render("harassment")
    data = json.loads(re.search(r'class="dt-wizard__data">(.*?)</script>', html).group(1))
    assert step("harassment", {}, data)["html"] in html


def test_embedded_data_cannot_close_its_script_element():
    text = wizards._json_script({"notes": "</script><script>alert(1)</script>"})
    assert text.count("</script>") == 1 and "\\u003c/script>" in text


def test_an_unknown_tool_is_a_clear_error():
    with pytest.raises(wizards.WizardError, match=r"tool 'nope', which does not exist"):
        render("nope")


def test_pages_without_a_wizard_are_left_alone():
    html = "<p>No tool here.</p>"
    assert wizards.render_wizards(html, base_url="..", page_urls={}, docs_dir=ROOT / "docs") is html


def test_built_pages_without_a_wizard_point_at_no_runtime(site_dir):
    pages = list(site_dir.rglob("index.html"))
    assert any(RUNTIME_REF.search(p.read_text()) for p in pages), "the wizard pages should point at it"
    for page in pages:
        text = page.read_text()
        # The incident log runs its insights in the same worker, so it points at the runtime too.
        if 'class="dt-wizard"' not in text and 'class="incident-log"' not in text:
            # (A page may mention the folders in its text; it must not point the browser at them.)
            assert not RUNTIME_REF.search(text), page


def test_built_tool_pages_list_the_written_out_logic_in_their_contents(site_dir):
    for tool in TOOL_IDS:
        html = (site_dir / "tools" / tool / "index.html").read_text()
        assert f'id="dt-{tool}-logic"' in html
        assert re.search(rf'<a href="#dt-{tool}-logic" class="md-nav__link', html), f"{tool}: not in the contents"
