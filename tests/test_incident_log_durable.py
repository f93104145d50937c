"""The incident log kept safe over months, in Chromium served by nginx with the shipped CSP:
persistent storage asked for and its answer shown, the reminder to save a copy, locked copies,
the lock on this device with "Leave this site quickly", and the fingerprint on the printed
evidence log checked on import. In every test no saved entry is lost, and axe-core finds
nothing in each new state. The fingerprints are compared with CPython's."""

from __future__ import annotations

import json
from datetime import datetime

import pytest
from playwright.sync_api import expect

from decision_tools import incident_copy
from test_incident_log import PYTHON_TIMEOUT, add, axe, export_json, import_file, log_url_of, open_log, titles

pytestmark = pytest.mark.browser

# The browser's answer, kept as a browser keeps it: a grant lasts across reloads.
STORAGE_ANSWER = """(() => {
  window.persistAsked = 0;
  StorageManager.prototype.persisted = async () => localStorage.getItem("test:granted") === "yes";
  StorageManager.prototype.persist = async () => {
    window.persistAsked += 1;
    if (%s) localStorage.setItem("test:granted", "yes");
    return localStorage.getItem("test:granted") === "yes";
  };
})();"""
IPHONE = """Object.defineProperty(Navigator.prototype, "userAgent", { get: () =>
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1" });"""

RAW_RECORDS = """() => new Promise((resolve, reject) => {
  const open = indexedDB.open("councillor-safety-toolkit");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const all = db.transaction("incidents").objectStore("incidents").getAll();
    all.onsuccess = () => { db.close(); resolve(all.result); };
  };
})"""
# The page's clock, some days on.
LATER = """(() => {
  const days = Number(localStorage.getItem("test:days-later") || 0);
  const now = Date.now;
  Date.now = () => now() + days * 24 * 60 * 60 * 1000;
})();"""


@pytest.fixture
def log_url(nginx_server):
    return log_url_of(nginx_server)


def two_entries(page):
    add(page, "2026-11-02", "09:00", "email", "Said I would regret my vote.", "Jo Bloggs", evidence="email.pdf")
    add(page, "2026-11-09", "21:15", "phone", "Rang and said they know where I live.", "Jo Bloggs", threat=True)


def keeping(page) -> str:
    return page.locator(".il-keep").inner_text()


def download(page, button: str):
    with page.expect_download(timeout=PYTHON_TIMEOUT) as info:
        page.get_by_role("button", name=button).click()
    return info.value


def lock_a_copy(page, passphrase: str) -> str:
    form = page.locator(".il-copy-form")
    form.get_by_label("Passphrase", exact=True).fill(passphrase)
    form.get_by_label("Type the passphrase again").fill(passphrase)
    return open(download(page, "Download a locked copy").path(), encoding="utf-8").read()


def choose_file(page, tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    page.set_input_files("#il-import", str(path))


def import_problem(page) -> str:
    summary = page.locator(".il-import__errors .dt-error-summary")
    summary.wait_for(timeout=PYTHON_TIMEOUT)
    assert page.evaluate("document.activeElement.classList.contains('dt-error-summary')")
    return summary.inner_text()


def imported(page) -> str:
    done = page.locator(".il-imported")
    done.wait_for(timeout=PYTHON_TIMEOUT)
    assert page.evaluate("document.activeElement.classList.contains('il-imported')")
    return done.inner_text()


@pytest.mark.parametrize("answer", ["granted", "refused", "safari"])
def test_persistent_storage_is_asked_for_on_the_first_entry_and_the_answer_shown(page, log_url, answer):
    page.add_init_script(STORAGE_ANSWER % ("true" if answer == "granted" else "false"))
    if answer == "safari":
        page.add_init_script(IPHONE)
    open_log(page, log_url)
    assert page.evaluate("window.persistAsked") == 0, "not asked before anything is saved"
    assert keeping(page) == "You have not saved a copy of your log yet."
    add(page, "2026-11-01", "09:00", "email", "The first entry.", "Jo")
    expect(page.locator(".il-keeping")).to_be_visible()
    assert page.evaluate("window.persistAsked") == 1
    said = keeping(page)
    if answer == "granted":
        assert said.startswith("This browser has agreed to keep your log until you delete it.")
    elif answer == "refused":
        assert said.startswith("This browser has not agreed to keep your log: it may delete it")
        assert "Save a copy after you add entries" in said and "home screen" not in said
    else:
        assert said.startswith("Safari deletes what a website keeps after seven days of using Safari without visiting it")
        assert "Open your log at least once a week." in said and "Save a copy after you add entries" in said
    assert axe(page) == [], f"persistence {answer}"
    add(page, "2026-11-02", "09:00", "email", "The second entry.", "Jo")
    assert page.evaluate("window.persistAsked") == 1, "asked once, not on every entry"
    page.reload()
    page.locator(".incident-log--ready").wait_for()
    expect(page.locator(".il-keeping")).to_be_visible()
    assert keeping(page) == said and len(titles(page)) == 2


def test_the_reminder_to_save_a_copy_is_shown_and_cleared(page, log_url):
    open_log(page, log_url)
    reminder = page.locator(".il-reminder")
    assert reminder.is_hidden(), "nothing to save yet"
    add(page, "2026-11-01", "09:00", "email", "The first entry.", "Jo")
    expect(reminder).to_contain_text("You have not saved a copy of your log yet.")
    assert axe(page) == [], "reminder shown"
    # It takes the reader to the copies, by keyboard too.
    reminder.get_by_role("link", name="Save a copy now").focus()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "save"
    saved = export_json(page)
    expect(reminder).to_be_hidden()
    today = datetime.now().strftime("%-d %B %Y")
    assert keeping(page).endswith(f"You last saved a copy on {today}.")
    add(page, "2026-11-03", "09:00", "letter", "The second entry.", "Jo")
    expect(reminder).to_contain_text(f"1 entry has been added or changed since you last saved a copy, on {today}.")
    lock_a_copy(page, "a locked copy counts too")
    expect(reminder).to_be_hidden()
    # Eight days on, the reminder comes back even with nothing new.
    page.add_init_script(LATER)
    page.evaluate("localStorage.setItem('test:days-later', '8')")
    page.reload()
    page.locator(".incident-log--ready").wait_for()
    expect(reminder).to_contain_text("You last saved a copy 8 days ago")
    assert axe(page) == [], "reminder after a week"
    assert [e["id"] for e in export_json(page)["incidents"]][:1] == [saved["incidents"][0]["id"]]
    assert len(titles(page)) == 2


def test_a_locked_copy_comes_back_and_a_wrong_passphrase_or_damaged_file_changes_nothing(page, log_url, tmp_path):
    open_log(page, log_url)
    two_entries(page)
    before = export_json(page)
    form = page.locator(".il-copy-form")
    form.get_by_label("Passphrase", exact=True).fill("correct horse battery")
    form.get_by_label("Type the passphrase again").fill("correct horse batery")
    form.get_by_role("button", name="Download a locked copy").click()
    expect(form.locator(".dt-error-summary")).to_contain_text("The two passphrases are not the same")
    assert page.get_attribute("#il-copy-confirm", "aria-invalid") == "true"
    assert axe(page) == [], "passphrases not the same"
    text = lock_a_copy(page, "correct horse battery")
    locked = json.loads(text)
    assert (locked["format"], locked["kdf"], locked["cipher"]) == (incident_copy.LOCKED_FORMAT, "PBKDF2-SHA-256", "AES-GCM")
    assert locked["iterations"] >= 600_000 and locked["salt"] and locked["iv"]
    assert "regret" not in text and "Jo Bloggs" not in text, "nothing of the log can be read in the file"

    # Delete one entry, so that a failed import would show if it touched what is left.
    page.get_by_role("button", name="Delete entry 2").click()
    page.get_by_role("button", name="Yes, delete entry 2").click()
    expect(page.locator(".il-entry")).to_have_count(1)
    left = export_json(page)["incidents"]

    import_file(page, tmp_path, "locked.json", text)
    assert "is a locked copy: enter the passphrase it was locked with" in import_problem(page)
    page.fill("#il-import-passphrase", "wrong horse battery")
    page.get_by_role("button", name="Add entries from this file").click()
    shown = import_problem(page)
    assert "The passphrase is not the one \u201clocked.json\u201d was locked with, or the file has been damaged." in shown
    assert "Your log has not been changed." in shown and page.get_attribute("#il-import-passphrase", "aria-invalid") == "true"
    assert axe(page) == [], "wrong passphrase"
    data = locked["data"]
    damaged = json.dumps({**locked, "data": data[:20] + ("A" if data[20] != "A" else "B") + data[21:]})
    # From here each file is chosen and its passphrase typed before one press of the button. The
    # passphrase field keeps what was typed after a refusal, so a press straight after choosing
    # would start an import with the passphrase typed for the file before.
    for name, bad, message in [("damaged.json", damaged, "or the file has been damaged"),
                               ("cut.json", text[: len(text) // 2], "part of it is missing")]:
        choose_file(page, tmp_path, name, bad)
        page.fill("#il-import-passphrase", "correct horse battery")
        page.get_by_role("button", name="Add entries from this file").click()
        assert message in import_problem(page)
        assert export_json(page)["incidents"] == left, f"{name} changed the log"

    choose_file(page, tmp_path, "locked.json", text)
    page.fill("#il-import-passphrase", "correct horse battery")
    page.get_by_role("button", name="Add entries from this file").click()
    assert "Added 2 entries from \u201clocked.json\u201d. The file has not been changed since it was saved." in imported(page)
    assert page.input_value("#il-import-passphrase") == "", "the passphrase is not left on the page"
    assert axe(page) == [], "locked copy added"
    assert export_json(page)["incidents"] == before["incidents"]


def test_locking_unlocking_and_leaving_quickly_locks_every_tab(context, log_url):
    first, second = context.new_page(), context.new_page()
    open_log(first, log_url)
    two_entries(first)
    before = export_json(first)["incidents"]
    lock = first.locator(".il-lock-form")
    # The page says a forgotten passphrase loses the log before the passphrase is asked for.
    text = lock.inner_text()
    assert text.index("If you forget the passphrase, your log is lost") < text.index("Passphrase")
    lock.get_by_label("Passphrase", exact=True).fill("short")
    lock.get_by_role("button", name="Lock my log").click()
    expect(lock.locator(".dt-error-summary")).to_contain_text("Enter a passphrase of at least 8 characters")
    assert axe(first) == [], "passphrase too short"
    lock.get_by_label("Passphrase", exact=True).fill("three blind mice")
    lock.get_by_label("Type the passphrase again").fill("three blind mice")
    lock.get_by_label("Type the passphrase again").press("Enter")
    expect(first.locator(".il-status")).to_have_text("Your log is locked. It will ask for your passphrase next time it is opened.")
    records = first.evaluate(RAW_RECORDS)
    assert len(records) == 2 and all(set(r) == {"id", "sealed"} for r in records)
    assert "regret" not in json.dumps(records), "the entries are kept encrypted"
    assert axe(first) == [], "lock set"

    for tab in (first, second):
        tab.goto(log_url)
        tab.locator(".incident-log--ready").wait_for()
        expect(tab.locator(".il-locked h2")).to_have_text("Your log is locked")
        assert tab.locator(".il-entry").count() == 0 and "regret" not in tab.content()
    assert axe(first) == [], "locked"
    first.set_viewport_size({"width": 320, "height": 640})
    assert first.evaluate("document.documentElement.scrollWidth") <= 320, "no sideways scrolling at 320 px"
    first.set_viewport_size({"width": 1280, "height": 800})
    unlock(first, "three blind mice!")
    expect(first.locator(".il-unlock-form .dt-error-summary")).to_contain_text("That is not the passphrase for this log.")
    assert first.locator(".il-entry").count() == 0
    assert axe(first) == [], "wrong passphrase"
    for tab in (first, second):
        unlock(tab, "three blind mice")
        expect(tab.locator(".il-entry")).to_have_count(2)
    assert axe(first) == [], "unlocked"

    # Shift three times, from the keyboard: this tab leaves, and the other one locks.
    for _ in range(3):
        first.keyboard.press("Shift")
    first.wait_for_url("**/recipes/soup.html")
    expect(second.locator(".il-locked")).to_be_visible()
    assert second.locator(".il-entry").count() == 0 and "regret" not in second.content()
    first.goto(log_url)
    first.locator(".incident-log--ready").wait_for()
    expect(first.locator(".il-locked")).to_be_visible()
    unlock(first, "three blind mice")
    expect(first.locator(".il-entry")).to_have_count(2)
    assert export_json(first)["incidents"] == before

    first.get_by_role("button", name="Lock it now").focus()
    first.keyboard.press("Enter")
    expect(first.locator(".il-locked")).to_be_visible()
    assert first.evaluate("document.activeElement.textContent") == "Your log is locked"
    unlock(first, "three blind mice")
    first.get_by_role("button", name="Remove the lock").click()
    expect(first.locator(".il-status")).to_contain_text("The lock has been removed.")
    assert all("what" in r for r in first.evaluate(RAW_RECORDS))
    first.reload()
    first.locator(".incident-log--ready").wait_for()
    assert export_json(first)["incidents"] == before


def unlock(page, passphrase: str):
    field = page.locator(".il-unlock-form").get_by_label("Passphrase", exact=True)
    field.fill(passphrase)
    field.press("Enter")


def test_the_fingerprint_is_printed_and_checked_on_import_and_a_changed_entry_is_found(page, log_url, tmp_path):
    open_log(page, log_url)
    two_entries(page)
    saved = export_json(page)
    expected = incident_copy.fingerprint(saved["incidents"])
    assert saved["fingerprint"] == expected
    page.emulate_media(media="print")
    evidence = page.locator(".il-evidence")
    expect(evidence.locator(".il-fingerprint")).to_have_text(incident_copy.grouped(expected), timeout=PYTHON_TIMEOUT)
    printed = evidence.inner_text()
    assert printed.count("First written") == 2 and printed.count("Last changed") == 2
    page.emulate_media(media="screen")

    # The same log, checked against the paper: it matches.
    choose_file(page, tmp_path, "copy.json", json.dumps(saved))
    page.fill("#il-import-fingerprint", incident_copy.grouped(expected).upper())
    page.get_by_role("button", name="Add entries from this file").click()
    assert "The file matches the printed evidence log: their fingerprints are the same." in imported(page)
    assert export_json(page)["incidents"] == saved["incidents"]

    # One entry changed in the file: found, and nothing of it is added.
    altered = json.loads(json.dumps(saved))
    altered["incidents"][1]["what"] = "Rang about the vote."
    import_file(page, tmp_path, "altered.json", json.dumps(altered))
    assert "The entries in this file have been changed since it was saved" in import_problem(page)
    assert "regret" in page.locator(".il-list").inner_text() and "Rang about the vote" not in page.locator(".il-list").inner_text()

    # A later copy, checked against the paper printed before the last entry was added.
    add(page, "2026-11-10", "08:00", "letter", "A note through the door.", "Jo Bloggs")
    later = export_json(page)
    choose_file(page, tmp_path, "later.json", json.dumps(later))
    page.fill("#il-import-fingerprint", incident_copy.grouped(expected))
    page.get_by_role("button", name="Add entries from this file").click()
    shown = import_problem(page)
    assert f"the file's fingerprint is {incident_copy.grouped(incident_copy.fingerprint(later['incidents']))}" in shown
    assert page.get_attribute("#il-import-fingerprint", "aria-invalid") == "true"
    assert axe(page) == [], "the file is not the printed one"
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, "no sideways scrolling at 320 px"
    assert export_json(page)["incidents"] == later["incidents"]
