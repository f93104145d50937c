"""The contacts contract the wizard relies on: `contacts_by_role(docs_dir)`."""

from build_hooks.contacts import check_contacts, contacts_by_role
from build_hooks.runtime import ROOT
from decision_tools.contacts import OPTIONAL, ROLES


def test_sample_contact_table_passes():
    assert check_contacts(ROOT / "docs") == []


def test_contacts_by_role_gives_national_format_and_tel_links():
    contacts = contacts_by_role(ROOT / "docs")
    assert set(contacts) == set(ROLES) - OPTIONAL  # the sample is a borough council: no clerk
    officer = contacts["monitoring-officer"]
    assert officer == {
        "role": "monitoring-officer", "title": "Monitoring officer", "name": "Monitoring officer",
        "email": "monitoring.officer@anytown.example.org",
        "mailto": "mailto:monitoring.officer@anytown.example.org",
        "phone": "0113 496 0101", "tel": "tel:+441134960101",
        "notes": "Monday to Friday, 9am to 5pm", "checked": "2026-11-01"}
    assert contacts["police-emergency"]["tel"] == "tel:999"
    assert contacts["samaritans"]["phone"] == "116 123" and contacts["samaritans"]["tel"] == "tel:116123"
    assert contacts["police-emergency"]["email"] == "" and contacts["police-emergency"]["mailto"] == ""


def test_contacts_by_role_formats_an_international_number_nationally(tmp_path):
    (tmp_path / "contacts.md").write_text(
        "| Role | Name or job title | Email | Phone | Hours or notes | Last checked |\n"
        "|---|---|---|---|---|---|\n"
        "| `wellbeing` | EAP | | +44 20 7946 0321 | | 2026-11-01 |\n")
    assert contacts_by_role(tmp_path)["wellbeing"]["phone"] == "020 7946 0321"
    assert contacts_by_role(tmp_path)["wellbeing"]["tel"] == "tel:+442079460321"


def test_contacts_by_role_follows_an_edited_page_and_a_new_one(tmp_path):
    table = ("| Role | Name or job title | Email | Phone | Hours or notes | Last checked |\n"
             "|---|---|---|---|---|---|\n")
    page = tmp_path / "contacts.md"
    page.write_text(table + "| `wellbeing` | EAP | | 020 7946 0321 | | 2026-11-01 |\n")
    first = contacts_by_role(tmp_path)
    assert first["wellbeing"]["name"] == "EAP" and contacts_by_role(tmp_path) == first
    first["wellbeing"]["name"] = "changed by a caller"  # a caller's change is not kept for the next
    assert contacts_by_role(tmp_path)["wellbeing"]["name"] == "EAP"
    page.write_text(table + "| `wellbeing` | Employee assistance | | 020 7946 0321 | | 2026-11-01 |\n")
    assert contacts_by_role(tmp_path)["wellbeing"]["name"] == "Employee assistance"
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "police.md").write_text(table + "| `police-emergency` | Police | | 999 | | 2026-11-01 |\n")
    assert set(contacts_by_role(tmp_path)) == {"wellbeing", "police-emergency"}
