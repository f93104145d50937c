"""No legal statement in the tools contradicts current law (checked 2 December 2026).

The Online Safety Act 2023 repealed the threat and false-information parts of section 1 of the
Malicious Communications Act 1988 and the false-message parts of section 127 of the
Communications Act 2003 (s127(2)(a) and (b)). The tools must not name them. Everything a tool
can say is in its content file and law.toml, so those are what is read here."""

from __future__ import annotations

import json
import re

import decision_tools
from decision_tools import content
from decision_tools.law import BY_ID, ENTRIES


def entry(law_id: str) -> dict:
    return content.law().get("entries", law_id)


def every_text() -> str:
    parts = [json.dumps(content.law().data, ensure_ascii=False)]
    parts += [json.dumps(content.for_tool(t).data, ensure_ascii=False) for t in decision_tools.TOOLS]
    return "\n".join(parts)


TEXT = every_text()


def test_no_repealed_false_message_parts_of_section_127():
    assert not re.search(r"127\s*\(2\)\s*\((a|b)\)", TEXT)
    for law_id in ("improper-use-of-network", "persistent-misuse-of-network"):
        assert entry(law_id)["act"] == "Communications Act 2003"
        assert "false" not in entry(law_id)["plain"].lower()
    assert entry("improper-use-of-network")["section"] == "section 127(1)"
    assert entry("persistent-misuse-of-network")["section"] == "section 127(2)(c)"


def test_persistent_misuse_needs_persistence():
    plain = entry("persistent-misuse-of-network")["plain"]
    assert "persistently" in plain and "One message is not enough" in plain
    assert any(e.id == "persistent" and e.key for e in BY_ID["persistent-misuse-of-network"].elements)


def test_malicious_communications_act_covers_only_indecent_or_grossly_offensive():
    plain = entry("malicious-communications")["plain"].lower()
    assert "indecent or grossly offensive" in plain
    assert "threat" not in plain and "false" not in plain


def test_threats_and_false_messages_are_online_safety_act_offences_that_need_a_sent_message():
    for law_id, section in (("threatening-communications", "section 181"), ("false-communications", "section 179")):
        assert (entry(law_id)["act"], entry(law_id)["section"]) == ("Online Safety Act 2023", section)
        assert any(e.id == "sent" and e.key for e in BY_ID[law_id].elements)
    assert (entry("threats-to-kill")["act"], entry("threats-to-kill")["section"]) == \
        ("Offences Against the Person Act 1861", "section 16")
    assert "serious financial loss" in entry("threatening-communications")["plain"]


def test_public_order_section_4_needs_violence_straight_away():
    assert "straight away" in entry("fear-or-provocation-of-violence")["plain"]
    assert [e.id for e in BY_ID["fear-or-provocation-of-violence"].elements] == ["conduct", "immediate", "meant"]


def test_aggravated_offences_are_race_and_religion_only_and_need_an_offence():
    elements = BY_ID["racially-or-religiously-aggravated"].elements
    assert [e.id for e in elements if e.key] == ["hostility", "offence"]
    plain = entry("hostility-in-sentencing")["plain"]
    assert all(word in plain for word in ("disability", "sexual orientation", "transgender"))
    assert entry("hostility-in-sentencing")["act"] == "Sentencing Act 2020" and entry("hostility-in-sentencing")["section"] == "section 66"


def test_stirring_up_hatred_is_not_weighed_for_abuse_aimed_at_one_person():
    assert "stirring-up-hatred" not in BY_ID
    assert "stirring up hatred" not in TEXT.lower()


def test_disqualification_comes_with_every_condition():
    plain = entry("disqualification-orders")["plain"]
    for condition in ("Schedule 9", "18 or over", "hostility", "1 November 2023", "5 years"):
        assert condition in plain
    assert [e.id for e in BY_ID["disqualification-orders"].elements] == ["offence", "adult", "role"]
    assert not BY_ID["unauthorised-access"].schedule_9


def test_the_home_protest_offence_is_not_said_to_be_in_force():
    plain = entry("home-protest-offence")["plain"]
    assert "Crime and Policing Act 2026" in entry("home-protest-offence")["act"] and "29 April 2026" in plain
    assert "whether it is in force" in plain


def test_website_operator_notice_is_the_route_for_anonymous_posters():
    assert "anonymous" in entry("website-operator-notice")["plain"]
    assert entry("website-operator-notice")["section"] == "section 5"


def test_the_council_cannot_fund_a_defamation_claim_in_england_or_wales():
    assert "may not pay for a councillor to bring a defamation claim" in entry("indemnities")["plain"]
    assert "SI 2004/3082" in entry("indemnities")["section"] and "SI 2006/249" in entry("indemnities")["section"]


def test_predetermination_is_remedied_by_quashing():
    assert "quashed" in entry("predetermination")["plain"]


def test_stalking_offences_were_added_by_the_protection_of_freedoms_act_2012():
    assert "Protection of Freedoms Act 2012" in entry("stalking")["plain"]


def test_restraining_orders_on_conviction_cite_the_sentencing_act():
    assert "section 360" in entry("restraining-order")["section"]
    assert "Sentencing Act 2020" in entry("restraining-order")["act"]


def test_dated_names_and_facts_are_not_used():
    assert "Twitter" not in TEXT.replace("formerly Twitter", "")
    assert "register with the ICO" not in TEXT
    assert "EWHC 26)" not in TEXT and "EWHC 26 " not in TEXT  # Dowson is [2010] EWHC 2612 (QB)
    assert "police-liaison" not in TEXT


def test_every_entry_says_when_the_law_was_checked():
    notes = content.law().get("notes", "every_result")
    assert any(n.startswith("Law last checked:") for n in notes)
    assert len(ENTRIES) == len(content.law().get("entries"))


def test_the_tool_pages_give_the_same_date_as_the_law():
    from build_hooks.runtime import ROOT

    [checked] = [n for n in content.law().get("notes", "every_result") if n.startswith("Law last checked:")]
    for page in sorted((ROOT / "docs/tools").glob("*.md")):
        text = " ".join(page.read_text(encoding="utf-8").split())
        if "Law last checked" in text:
            assert checked in text, f"{page.name} gives another date than law.toml ({checked})"


# -- Schedule 9 to the Elections Act 2022, and the elements only a court can judge ---------------

# Offences in Schedule 9 (offences for the purposes of Part 5), England and Wales. Confirmed on
# legislation.gov.uk: Public Order Act 1986 ss4, 4A, 5 (Sch 9 para 35) and Criminal Damage Act
# 1971 s2 (para 27); the Online Safety Act 2023, Schedule 14 Part 1 para 5 ("amendments
# consequential on offences in sections 179, 181 and 183"), amends Schedule 9, in force with Part
# 10 on 31 January 2024. The rest on the best evidence (the Act as enacted and the Government's
# statements in Parliament that the list includes stalking, harassment, common assault and threats
# to kill): Offences Against the Person Act 1861 s16; Malicious Communications Act 1988 s1;
# Protection from Harassment Act 1997 ss2, 2A, 4, 4A; Crime and Disorder Act 1998 ss29 to 32;
# Criminal Justice and Police Act 2001 s42A; Communications Act 2003 s127. Not in it, on the same
# evidence: Computer Misuse Act 1990 s1 and Criminal Justice and Public Order Act 1994 s51.
SCHEDULE_9 = {
    "harassment": True, "harassing-several-people": True, "fear-of-violence": True, "stalking": True,
    "threatening-communications": True, "false-communications": True, "malicious-communications": True,
    "improper-use-of-network": True, "persistent-misuse-of-network": True, "threats-to-kill": True,
    "threats-to-damage-property": True, "fear-or-provocation-of-violence": True,
    "intentional-harassment-alarm-distress": True, "harassment-alarm-distress": True, "harassment-at-home": True,
    "racially-or-religiously-aggravated": True, "unauthorised-access": False, "intimidating-witnesses": False,
}


def test_schedule_9_flags_are_the_offences_the_schedule_lists():
    offences = {e.id: e.schedule_9 for e in ENTRIES if e.kind == "offence"}
    assert offences == SCHEDULE_9
    assert not any(e.schedule_9 for e in ENTRIES if e.kind != "offence")


def _for_the_courts(element) -> bool:
    return not element.fact and not element.listed


def test_no_offence_can_be_every_part_met():
    """Each offence has an element only the police and the courts can judge (intent, purpose,
    knowledge, awareness, lawful excuse), always "not known"; an aggravated offence rests on
    offences that have one."""
    for e in ENTRIES:
        if e.kind != "offence":
            continue
        if any(_for_the_courts(el) for el in e.elements):
            continue
        underlying = [BY_ID[i] for el in e.elements for i in el.listed]
        assert underlying and all(any(_for_the_courts(x) for x in u.elements) for u in underlying), e.id


def test_purpose_intent_and_knowledge_are_never_settled_by_the_answers():
    for law_id, element_id in (("harassing-several-people", "pressure"), ("harassment-at-home", "pressure"),
                               ("persistent-misuse-of-network", "purpose"), ("false-communications", "knew"),
                               ("false-communications", "meant"), ("harassment-alarm-distress", "aware"),
                               ("threats-to-kill", "excuse"), ("intimidating-witnesses", "knew")):
        [element] = [el for el in BY_ID[law_id].elements if el.id == element_id]
        assert _for_the_courts(element), f"{law_id}: {element_id}"


def test_a_message_under_the_online_safety_act_includes_a_letter_and_not_words_face_to_face():
    """Online Safety Act 2023 s182(2): a communication by electronic means (oral included: a call)
    or a letter or thing sent or given; not words said face to face."""
    plain = entry("threatening-communications")["plain"]
    assert "letter" in plain and "face to face are not a message" in plain
    for part in ("serious injury amounting to grievous bodily harm", "rape", "assault by penetration",
                 "serious financial loss"):
        assert part in plain
    assert "more than trivial" in entry("false-communications")["plain"]
