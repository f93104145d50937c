"""The incident log page in Chromium, served by nginx with the shipped CSP (deploy/nginx.conf):
add, change, delete, reload, browser restart, export, import, bad files, storage failure, two
tabs, nothing sent anywhere, and axe-core in each state. The insights shown are compared with
CPython's decision_tools.incidents on the same entries."""

from __future__ import annotations

import csv
import io
import json

import pytest
from playwright.sync_api import expect

from harness import CHROMIUM, CHROMIUM_ARGS, ROOT
from decision_tools import incidents

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa", "best-practice"]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PYTHON_TIMEOUT = 120_000  # Pyodide can take 10+ s on a loaded 2-core machine

# Simulated storage failures, installed before any page script runs.
BLOCKED = """Object.defineProperty(window, "indexedDB", { get() {
  throw new DOMException("The user denied permission to access the database.", "SecurityError"); } });"""
FULL = """IDBObjectStore.prototype.put = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError"); };"""


@pytest.fixture
def log_url(nginx_server):
    return log_url_of(nginx_server)


def open_log(page, url):
    page.goto(url)
    page.locator(".incident-log--ready").wait_for()
    return page.locator(".incident-log")


def add(page, date, time, channel, what, who="", **more):
    page.fill("#il-date", date)
    page.fill("#il-time", time)
    page.check(f"#il-channel-{channel}")
    page.fill("#il-who", who)
    page.fill("#il-what", what)
    for name in ("platform", "evidence", "effect", "told", "follow_up"):
        page.fill(f"#il-{name}", more.get(name, ""))
    page.set_checked("#il-threat", more.get("threat", False))
    page.set_checked("#il-told_police", more.get("told_police", False))
    count = page.locator(".il-entry").count()
    page.get_by_role("button", name="Save this incident").click()
    expect(page.locator(".il-entry")).to_have_count(count + 1)
    page.locator(".il-notice--success").wait_for()


def titles(page) -> list[str]:
    return page.locator(".il-entry__title").all_inner_texts()


def wait_insights(page):
    page.locator(".il-counts").first.wait_for(timeout=PYTHON_TIMEOUT)


def export_json(page) -> dict:
    # The copy carries Python's fingerprint: the first one waits for Python to start.
    with page.expect_download(timeout=PYTHON_TIMEOUT) as info:
        page.get_by_role("button", name="Download a copy to keep (JSON)").click()
    return json.loads(open(info.value.path(), encoding="utf-8").read())


def axe(page) -> list:
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(AXE.read_text(encoding="utf-8"))  # evaluate, not a script tag: the CSP forbids inline script
    # Material fades its "Back to top" button in; half-faded text is not what a reader sees.
    page.evaluate("Promise.all(document.getAnimations().map((a) => a.finished))")
    found = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [(v["id"], [n["target"] for n in v["nodes"]]) for v in found["violations"]]


def import_file(page, tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    page.set_input_files("#il-import", str(path))
    page.get_by_role("button", name="Add entries from this file").click()


def test_add_change_delete_and_reload(page, log_url):
    open_log(page, log_url)
    assert page.locator(".il-count").inner_text() == "Your log is empty."
    add(page, "2026-11-09", "21:15", "phone", "Rang and shouted about the planning decision.", "Jo Bloggs")
    add(page, "2026-11-02", "09:00", "email", "Said I would regret my vote.", "Jo Bloggs", evidence="email.pdf")
    # Oldest first, numbered in date order whatever order they were typed in.
    assert titles(page) == ["1. 2 November 2026 at 09:00: Email, Jo Bloggs",
                            "2. 9 November 2026 at 21:15: Phone call or text, Jo Bloggs"]

    page.reload()
    page.locator(".incident-log--ready").wait_for()
    assert len(titles(page)) == 2

    assert not page.get_by_role("button", name="Cancel").is_visible()
    page.get_by_role("button", name="Change entry 1").click()
    assert page.locator("#add").inner_text() == "Change entry 1"
    assert page.get_by_role("button", name="Cancel").is_visible()
    assert page.evaluate("document.activeElement.id") == "add"
    assert page.input_value("#il-evidence") == "email.pdf"
    page.fill("#il-what", "Said I would regret my vote, and that they know where I live.")
    page.get_by_role("button", name="Save changes").click()
    assert page.locator(".il-notice--success").inner_text() == "Entry 1 has been changed."
    assert "they know where I live" in page.locator(".il-entry").first.inner_text()
    assert page.locator("#add").inner_text() == "Add an incident"

    page.get_by_role("button", name="Delete entry 2").click()
    page.get_by_role("button", name="No, keep it").click()
    assert len(titles(page)) == 2
    page.get_by_role("button", name="Delete entry 2").click()
    assert "Delete entry 2? You cannot undo this." in page.evaluate("document.activeElement.textContent")
    page.get_by_role("button", name="Yes, delete entry 2").click()
    expect(page.locator(".il-entry")).to_have_count(1)

    page.reload()
    page.locator(".incident-log--ready").wait_for()
    assert titles(page) == ["1. 2 November 2026 at 09:00: Email, Jo Bloggs"]
    assert "they know where I live" in page.locator(".il-entry").inner_text()


def test_missing_answers_show_an_error_summary_and_nothing_is_saved(page, log_url):
    open_log(page, log_url)
    page.fill("#il-date", "")
    page.get_by_role("button", name="Save this incident").click()
    summary = page.locator(".il-form .dt-error-summary")
    assert summary.locator("li").all_inner_texts() == [
        "Enter the date it happened, or your best guess", "Select how it happened", "Describe what was said or done"]
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.classList.contains('dt-error-summary')")
    assert page.get_attribute("#il-what", "aria-invalid") == "true"
    assert "il-what-error" in page.get_attribute("#il-what", "aria-describedby")
    assert axe(page) == [], "every kind of error at once"
    summary.get_by_role("link", name="Describe what was said or done").click()
    assert page.evaluate("document.activeElement.id") == "il-what"
    assert page.locator(".il-entry").count() == 0
    # Fixing the answers clears the errors and saves.
    page.fill("#il-date", "2026-11-01")
    page.check("#il-channel-letter")
    page.fill("#il-what", "A letter pushed through my door.")
    page.get_by_role("button", name="Save this incident").click()
    page.locator(".il-notice--success").wait_for()
    assert page.locator(".dt-error-message").count() == 0 and not page.title().startswith("Error: ")


def test_insights_from_python_match_cpython_and_link_to_the_tools(page, log_url):
    open_log(page, log_url)
    add(page, "2026-11-02", "09:00", "social_media", "Posted my address.", "@roadrage", platform="X", threat=True)
    add(page, "2026-11-04", "18:30", "email", "Called me a liar.", "@RoadRage")
    add(page, "2026-11-05", "10:00", "letter", "Unsigned letter.")
    wait_insights(page)
    expected = incidents.insights(export_json(page)["incidents"])
    patterns = page.locator(".il-patterns > ul > li")
    assert patterns.count() == 1
    assert patterns.locator("p").inner_text() == expected["patterns"][0]["message"]
    assert "2 November 2026 at 09:00 to 4 November 2026 at 18:30" in patterns.inner_text()
    harassment = patterns.get_by_role("link", name="Could this be harassment?")
    assert harassment.get_attribute("href") == "../harassment/"
    assert patterns.get_by_role("link", name="Who should I tell?").get_attribute("href") == "../report/"
    report = page.locator(".il-report-now > ul > li")
    assert report.locator("p").all_inner_texts() == [r["message"] for r in expected["report_now"]]
    assert report.get_by_role("link", name="When to call the police").get_attribute("href") == \
        "../../personal-safety/reporting-incidents/#when-to-call-the-police"
    rows = page.locator("table.il-counts").first.locator("tbody tr").all_inner_texts()
    assert [r.split("\t") for r in rows] == [[p["who"], str(p["count"])] for p in expected["by_person"]]
    harassment.click()
    page.wait_for_url("**/tools/harassment/")


def test_print_csv_and_json_copies(page, log_url):
    open_log(page, log_url)
    add(page, "2026-11-03", "14:05", "in_person", 'Shouted "you will pay" at my surgery.', "Sam Smith",
        evidence="Witness: A. Helper", told="Member support, ref MS-42", threat=True, told_police=True)
    add(page, "2026-11-01", "08:00", "social_media", "=HYPERLINK(\"x\") reply", "", platform="Facebook")

    data = export_json(page)
    assert data["format"] == incidents.FORMAT and data["version"] == incidents.VERSION
    assert incidents.read_log(data) == data["incidents"]
    assert [e["who"] if "who" in e else "" for e in data["incidents"]] == ["", "Sam Smith"]
    assert data["incidents"][1]["told"] == "Member support, ref MS-42" and data["incidents"][1]["threat"] is True

    with page.expect_download() as info:
        page.get_by_role("button", name="Download a spreadsheet (CSV)").click()
    assert info.value.suggested_filename.endswith(".csv")
    rows = list(csv.reader(io.StringIO(open(info.value.path(), encoding="utf-8-sig").read())))
    assert rows[0][:3] == ["Number", "Date", "Time"]
    assert rows[1][:6] == ["1", "2026-11-01", "08:00", "Social media", "Facebook", "Not known"]
    assert rows[1][6] == "'=HYPERLINK(\"x\") reply", "a formula is written as text"
    assert rows[2][6] == 'Shouted "you will pay" at my surgery.' and rows[2][11] == "Yes"

    page.emulate_media(media="print")
    evidence = page.locator(".il-evidence")
    assert evidence.is_visible() and not page.locator(".il-form").is_visible()
    text = evidence.inner_text()
    assert text.index("Entry 1: 1 November 2026 at 08:00") < text.index("Entry 2: 3 November 2026 at 14:05")
    assert text.count("Signed:") == 3 and "I confirm that this is a true record." in text
    assert "Member support, ref MS-42" in text


def test_import_is_lossless_and_delete_everything_asks_first(page, log_url, tmp_path):
    open_log(page, log_url)
    add(page, "2026-11-03", "14:05", "at_home", "Waited outside my house.", "Unknown man", effect="Frightened",
        follow_up="Ring police liaison on Monday", threat=True)
    add(page, "2026-11-04", "07:30", "phone", "Silent calls.", "", told_police=True)
    before = export_json(page)

    page.get_by_role("button", name="Delete the whole log").click()
    assert page.evaluate("document.activeElement.textContent") == "Delete your whole log?"
    page.get_by_role("button", name="No, keep my log").click()
    assert page.locator(".il-entry").count() == 2
    page.get_by_role("button", name="Delete the whole log").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.locator(".il-entry")).to_have_count(0)
    assert page.locator(".il-count").inner_text() == "Your log is empty."

    import_file(page, tmp_path, "saved.json", json.dumps(before))
    expect(page.locator(".il-entry")).to_have_count(2, timeout=PYTHON_TIMEOUT)
    assert export_json(page)["incidents"] == before["incidents"]
    page.reload()
    page.locator(".incident-log--ready").wait_for()
    assert export_json(page)["incidents"] == before["incidents"]


def test_an_answer_about_entries_since_deleted_is_not_shown(page, log_url, tmp_path):
    """Python's first answer can take seconds: if the log is emptied meanwhile, the late
    insights about the deleted entries must not replace "Nothing yet"."""
    open_log(page, log_url)
    add(page, "2026-11-01", "09:00", "email", "Soon deleted.", "Jo", threat=True)
    page.get_by_role("button", name="Delete the whole log").click()
    page.get_by_role("button", name="Yes, delete everything").click()
    expect(page.locator(".il-entry")).to_have_count(0)
    # Python answers in the order it was asked: once the file is refused, the insights asked for
    # before it have been answered too.
    import_file(page, tmp_path, "other.json", json.dumps({"hello": "world"}))
    page.locator(".il-import__errors .dt-error-summary").wait_for(timeout=PYTHON_TIMEOUT)
    assert page.locator(".il-insights").inner_text().startswith("Nothing yet.")
    assert page.locator(".il-report-now").count() == 0


@pytest.mark.parametrize("name, text, message", [
    ("notes.txt", "Meeting notes, not JSON", "\u201cnotes.txt\u201d could not be added. This file is not an incident log "
     "saved from this toolkit: it is not a JSON file, or part of it is missing."),
    ("other.json", json.dumps({"hello": "world"}), "This file is not an incident log saved from this toolkit."),
    ("bad.json", None, "In entry 2 (dated 2026-11-05 10:00), the field 'channel' is 'fax'"),
])
def test_a_malformed_or_foreign_file_leaves_the_log_untouched(page, log_url, tmp_path, name, text, message):
    open_log(page, log_url)
    add(page, "2026-11-01", "12:00", "email", "The entry already in the log.", "Jo")
    before = export_json(page)
    if text is None:
        good = dict(before["incidents"][0], id="new-1", what="A good entry")
        bad = dict(good, id="new-2", when="2026-11-05T10:00", channel="fax")
        text = json.dumps(dict(before, incidents=[good, bad]))
    import_file(page, tmp_path, name, text)
    summary = page.locator(".il-import__errors .dt-error-summary")
    summary.wait_for(timeout=PYTHON_TIMEOUT)
    shown = summary.inner_text()
    assert message in shown and "Your log has not been changed." in shown
    assert page.evaluate("document.activeElement.classList.contains('dt-error-summary')")
    assert page.get_attribute("#il-import", "aria-invalid") == "true"
    assert export_json(page)["incidents"] == before["incidents"]
    assert axe(page) == []


@pytest.mark.parametrize("failure", [BLOCKED, FULL], ids=["blocked", "full"])
def test_when_storage_fails_the_entry_stays_on_screen_with_a_download(page, log_url, failure):
    page.add_init_script(failure)
    open_log(page, log_url)
    if failure is BLOCKED:
        assert page.locator(".il-notice--warning h2").inner_text() == "This browser cannot save your log"
    page.fill("#il-date", "2026-11-06")
    page.fill("#il-time", "20:00")
    page.check("#il-channel-social_media")
    page.fill("#il-who", "@someone")
    page.fill("#il-what", "Said they would find me after the meeting.")
    page.get_by_role("button", name="Save this incident").click()
    alert = page.locator(".il-not-saved")
    alert.wait_for()
    assert "Your entry has not been saved" in alert.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('il-not-saved')")
    assert page.input_value("#il-what") == "Said they would find me after the meeting."
    assert page.input_value("#il-who") == "@someone" and page.is_checked("#il-channel-social_media")
    assert page.locator(".il-entry").count() == 0
    with page.expect_download() as info:
        page.get_by_role("button", name="Download this entry").click()
    saved = json.loads(open(info.value.path(), encoding="utf-8").read())
    [entry] = incidents.read_log(saved)
    assert (entry["when"], entry["who"], entry["what"]) == ("2026-11-06T20:00", "@someone",
                                                            "Said they would find me after the meeting.")
    assert axe(page) == []


def test_two_tabs_do_not_overwrite_each_other(context, log_url):
    first, second = context.new_page(), context.new_page()
    open_log(first, log_url)
    open_log(second, log_url)
    # Both tabs have the form open on an empty log; each saves its own entry.
    add(first, "2026-11-01", "09:00", "email", "Typed in the first tab.", "A")
    expect(second.locator(".il-entry")).to_have_count(1)  # told by the first tab
    add(second, "2026-11-02", "09:00", "letter", "Typed in the second tab.", "B")
    expect(first.locator(".il-entry")).to_have_count(2)
    # A change in one tab and a new entry in the other, at once, both survive.
    first.get_by_role("button", name="Change entry 1").click()
    first.fill("#il-what", "Changed in the first tab.")
    second.fill("#il-date", "2026-11-03")
    second.check("#il-channel-phone")
    second.fill("#il-what", "Also typed in the second tab.")
    first.get_by_role("button", name="Save changes").click()
    second.get_by_role("button", name="Save this incident").click()
    expect(first.locator(".il-entry")).to_have_count(3)
    # Both tabs change the same entry: the second save is told, not silently lost or overwriting.
    first.get_by_role("button", name="Change entry 2").click()
    second.get_by_role("button", name="Change entry 2").click()
    second.fill("#il-what", "Typed in the second tab.")
    second.fill("#il-evidence", "Added in the second tab.")
    second.get_by_role("button", name="Save changes").click()
    expect(first.locator(".il-entry").nth(1)).to_contain_text("Added in the second tab.")
    first.fill("#il-effect", "Written in the first tab.")
    first.get_by_role("button", name="Save changes").click()
    expect(first.locator(".il-changed-elsewhere")).to_contain_text("Entry 2 was changed in another tab or window")
    assert first.input_value("#il-effect") == "Written in the first tab."
    expect(second.locator(".il-entry").nth(1)).not_to_contain_text("Written in the first tab.")
    first.get_by_role("button", name="Cancel").click()
    for tab in (first, second):
        tab.reload()
        tab.locator(".incident-log--ready").wait_for()
        text = tab.locator(".il-list").inner_text()
        assert "Changed in the first tab." in text and "Typed in the second tab." in text
        assert "Also typed in the second tab." in text and tab.locator(".il-entry").count() == 3
        assert "Added in the second tab." in text and "Written in the first tab." not in text


def test_the_log_survives_a_browser_restart(playwright, log_url, tmp_path):
    profile = tmp_path / "profile"
    for run in range(2):
        browser = playwright.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM,
                                                                args=CHROMIUM_ARGS)
        page = browser.pages[0] if browser.pages else browser.new_page()
        open_log(page, log_url)
        if run == 0:
            add(page, "2026-11-07", "16:45", "in_person", "Followed me to my car.", "Tall man in a red coat")
        else:
            assert titles(page) == ["1. 7 November 2026 at 16:45: In person, Tall man in a red coat"]
        browser.close()


def test_nothing_is_sent_while_using_the_log(page, log_url, tmp_path):
    seen = []
    page.on("request", lambda r: seen.append((r.method, r.url, r.post_data)))
    open_log(page, log_url)
    add(page, "2026-11-01", "09:00", "email", "First.", "Jo")
    wait_insights(page)  # Python has loaded: the page's own static files are all in
    loaded = len(seen)
    add(page, "2026-11-02", "09:00", "email", "Second.", "Jo", threat=True)
    page.locator(".il-patterns").wait_for(timeout=PYTHON_TIMEOUT)
    page.get_by_role("button", name="Change entry 1").click()
    page.fill("#il-what", "First, changed.")
    page.get_by_role("button", name="Save changes").click()
    page.locator(".il-notice--success").wait_for()
    saved = export_json(page)
    with page.expect_download():
        page.get_by_role("button", name="Download a spreadsheet (CSV)").click()
    page.get_by_role("button", name="Delete entry 2").click()
    page.get_by_role("button", name="Yes, delete entry 2").click()
    expect(page.locator(".il-entry")).to_have_count(1)
    import_file(page, tmp_path, "saved.json", json.dumps(saved))
    expect(page.locator(".il-entry")).to_have_count(2, timeout=PYTHON_TIMEOUT)
    wait_insights(page)
    after = [(m, u) for m, u, _ in seen[loaded:] if not u.startswith(("blob:", "data:"))]
    assert after == [], f"requests while using the log: {after}"
    assert all(method == "GET" and body is None for method, _, body in seen), "the page only ever fetched files"
    assert all(url.startswith(log_url.split("tools/")[0]) or url.startswith(("blob:", "data:")) for _, url, _ in seen)


def test_axe_finds_nothing_empty_filled_editing_and_with_errors(page, log_url):
    open_log(page, log_url)
    assert axe(page) == [], "empty"
    add(page, "2026-11-01", "09:00", "email", "First.", "Jo", threat=True)
    add(page, "2026-11-02", "09:00", "phone", "Second.", "Jo", evidence="call log screenshot")
    wait_insights(page)
    page.locator(".il-patterns").wait_for(timeout=PYTHON_TIMEOUT)
    assert axe(page) == [], "filled, with insights"
    page.get_by_role("button", name="Change entry 2").click()
    assert axe(page) == [], "editing"
    page.fill("#il-what", "")
    page.get_by_role("button", name="Save changes").click()
    page.locator(".il-form .dt-error-summary").wait_for()
    assert axe(page) == [], "error"
    page.get_by_role("button", name="Delete entry 1").click()
    page.get_by_role("button", name="Delete the whole log").click()
    assert axe(page) == [], "confirming a delete"


def test_the_log_starts_after_instant_navigation_and_without_python_when_empty(page, nginx_server):
    """Material swaps pages without reloading (when site_url is set): the log must still start.
    An empty log needs no Python, so nothing of Pyodide is fetched for it."""
    from test_wizard_privacy import swap_to

    fetched = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(nginx_server + "personal-safety/")
    page.evaluate("window.sameDocument = true")
    swap_to(page, log_url_of(nginx_server))
    page.locator(".incident-log--ready").wait_for()
    assert page.locator(".il-count").inner_text() == "Your log is empty."
    assert page.evaluate("window.sameDocument === true"), "the page reloaded"
    assert [u for u in fetched if "/assets/pyodide/" in u or "/assets/decision-tools/" in u] == []


def log_url_of(server: str) -> str:
    return server + "tools/incident-log/"
