"""The harassment tool, question by question and finding by finding.

Each class is one question: when it is asked, when it is not, and what each answer changes.
Realistic situations are in tests/test_harassment_scenarios.py; the law's elements over every
path in tests/test_decision_tools_elements.py."""

from __future__ import annotations

import pytest

import decision_tools
from tool_steps import steps

ask, next_question, result = steps("harassment")

SAFE = {"danger": "no"}


def listed(res: dict) -> set[str]:
    return {e["id"] for e in (*res["offences"], *res["law"])}


def found(res: dict) -> list[str]:
    return [f["id"] for f in res["findings"]]


def element(res: dict, law_id: str, element_id: str) -> str:
    entry = next(e for e in (*res["offences"], *res["law"]) if e["id"] == law_id)
    return next(el["status"] for el in entry["elements"] if el["id"] == element_id)


def repeated(**more) -> dict:
    """Repeated messages online, aimed at the reader, oppressive."""
    return {**SAFE, "what_happened": ["repeated"], "channel": ["electronic"], "targeted": "yes",
            "severity": "oppressive", "council": "principal", **more}


class TestDanger:
    def test_is_the_first_question(self):
        assert next_question({}) == "danger"

    def test_yes_asks_nothing_more_and_calls_999(self):
        res = result({"danger": "yes"})
        assert res["id"] == "emergency" and res["urgency"] == "emergency"
        assert res["actions"][0].startswith("Call 999")
        assert res["contacts"][0] == "police-emergency"

    def test_no_asks_what_happened(self):
        assert next_question(SAFE) == "what_happened"


class TestWhatHappened:
    def test_none_cannot_be_chosen_with_another_option(self):
        with pytest.raises(decision_tools.InvalidAnswer, match="'what_happened'"):
            ask({**SAFE, "what_happened": ["none", "offensive"]})

    def test_a_threat_does_not_skip_the_other_questions(self):
        # A threat that is also repeated: how it came, and the harassment tests, are still asked.
        answers = {**SAFE, "what_happened": ["threat_kill", "repeated"]}
        assert next_question(answers) == "channel"
        assert next_question({**answers, "channel": ["electronic"]}) == "targeted"

    def test_hacking_alone_is_not_asked_how_often_or_how_it_came(self):
        res = result({**SAFE, "what_happened": ["hacking"], "council": "principal"})
        assert res["id"] == "hacked"
        assert [a["question"] for a in ask({**SAFE, "what_happened": ["hacking"], "council": "principal"})["answered"]] == \
            ["danger", "what_happened", "council"]
        assert not any("report the post" in a.lower() for a in res["actions"])

    def test_polite_criticism_alone_is_protected_and_asks_nothing_more(self):
        res = result({**SAFE, "what_happened": ["criticism"]})
        assert res["id"] == "criticism" and res["urgency"] == "routine"
        assert listed(res) == {"freedom-of-expression"}


class TestPropertySerious:
    def test_is_asked_only_for_a_threat_to_property(self):
        assert next_question({**SAFE, "what_happened": ["threat_property"]}) == "property_serious"
        assert next_question({**SAFE, "what_happened": ["offensive"]}) != "property_serious"

    def test_a_threat_to_burn_the_house_down_is_urgent(self):
        res = result({**SAFE, "what_happened": ["threat_property"], "property_serious": "yes",
                      "channel": ["electronic"], "occasions": "once", "council": "principal"})
        assert res["id"] == "serious-property-threat" and res["urgency"] == "urgent"
        assert {"threats-to-damage-property", "threatening-communications"} <= listed(res)
        assert element(res, "threatening-communications", "threat") == "met"

    def test_a_lesser_threat_to_property_is_soon_and_not_a_serious_harm_threat(self):
        res = result({**SAFE, "what_happened": ["threat_property"], "property_serious": "no",
                      "channel": ["electronic"], "occasions": "once", "council": "principal"})
        assert res["id"] == "property-threat" and res["urgency"] == "soon"
        assert "threatening-communications" not in listed(res)


class TestHostilityAbout:
    base = {**SAFE, "what_happened": ["hostility", "repeated"], "channel": ["electronic"], "targeted": "yes",
            "severity": "oppressive", "council": "principal"}

    def test_is_asked_only_after_hostility(self):
        assert next_question({**SAFE, "what_happened": ["hostility"]}) == "hostility_about"

    def test_race_or_religion_with_an_offence_it_aggravates_lists_the_aggravated_offence(self):
        res = result({**self.base, "hostility_about": ["race_religion"]})
        assert {"harassment", "racially-or-religiously-aggravated", "hostility-in-sentencing"} <= listed(res)

    def test_other_hostility_is_for_sentencing_only(self):
        res = result({**self.base, "hostility_about": ["other"]})
        assert "racially-or-religiously-aggravated" not in listed(res)
        assert "hostility-in-sentencing" in listed(res)

    def test_hostility_alone_is_a_hate_incident_with_no_offence_listed(self):
        res = result({**SAFE, "what_happened": ["hostility"], "hostility_about": ["race_religion"],
                      "occasions": "once", "council": "principal"})
        assert res["id"] == "hate-incident"
        assert res["offences"] == []
        assert any("hate incident" in a for a in res["actions"])


class TestChannel:
    def test_a_threat_said_face_to_face_is_not_a_threatening_communication(self):
        res = result({**SAFE, "what_happened": ["threat_harm"], "channel": ["in_person"], "immediate": "yes",
                      "occasions": "once", "council": "principal"})
        assert "threatening-communications" not in listed(res)
        assert {"fear-or-provocation-of-violence"} <= listed(res)

    def test_a_threat_by_letter_is_a_threatening_communication(self):
        res = result({**SAFE, "what_happened": ["threat_harm"], "channel": ["letter"], "occasions": "once",
                      "council": "principal"})
        assert "threatening-communications" in listed(res)
        assert "fear-or-provocation-of-violence" not in listed(res)

    def test_another_way_leaves_how_it_was_sent_not_known(self):
        res = result({**SAFE, "what_happened": ["threat_harm"], "channel": ["none"], "occasions": "once",
                      "council": "principal"})
        assert "threatening-communications" not in listed(res)


class TestImmediate:
    def test_is_asked_only_for_a_threat_of_violence_made_in_person(self):
        assert next_question({**SAFE, "what_happened": ["threat_kill"], "channel": ["home"]}) == "immediate"
        assert next_question({**SAFE, "what_happened": ["threat_kill"], "channel": ["electronic"]}) == "occasions"

    def test_no_rules_out_section_4(self):
        res = result({**SAFE, "what_happened": ["threat_kill"], "channel": ["in_person"], "immediate": "no",
                      "occasions": "once", "council": "principal"})
        assert "fear-or-provocation-of-violence" not in listed(res)
        assert "threats-to-kill" in listed(res)


class TestOccasions:
    def test_is_not_asked_when_the_reader_already_said_it_is_repeated(self):
        assert next_question({**SAFE, "what_happened": ["repeated"], "channel": ["electronic"]}) == "targeted"

    def test_once_is_not_harassment_but_the_dowson_steps_say_why(self):
        res = result({**SAFE, "what_happened": ["offensive"], "channel": ["electronic"], "occasions": "once",
                      "council": "principal"})
        assert "harassment" not in listed(res)
        assert res["dowson"][0]["status"] == "not met"
        assert {"malicious-communications", "improper-use-of-network"} <= listed(res)

    def test_once_still_weighs_a_protest_at_the_home(self):
        res = result({**SAFE, "what_happened": ["protest_home"], "occasions": "once", "council": "principal"})
        assert {"harassment-at-home", "police-direction-at-home", "home-protest-offence"} <= listed(res)
        assert res["urgency"] == "urgent"


class TestTargeted:
    def test_no_rules_out_harassment_and_persistent_misuse(self):
        res = result({**SAFE, "what_happened": ["repeated"], "channel": ["electronic"], "targeted": "no",
                      "council": "principal"})
        assert not {"harassment", "persistent-misuse-of-network", "stalking"} & listed(res)
        assert res["dowson"][1]["status"] == "not met"
        assert res["id"] == "keep-a-record"


class TestSeverity:
    def test_fear_lists_fear_of_violence_and_meets_every_dowson_step(self):
        res = result(repeated(severity="fear"))
        assert {"harassment", "fear-of-violence"} <= listed(res)
        assert [s["status"] for s in res["dowson"]] == ["met"] * 6
        assert res["urgency"] == "urgent"

    def test_rude_no_worse_lists_no_harassment_or_persistent_misuse(self):
        """The reader's "rude, no worse" rules out what both offences need: the result offers no
        offence and advises a record, not a police report."""
        res = result(repeated(severity="rude"))
        assert not {"harassment", "persistent-misuse-of-network"} & listed(res)
        assert res["id"] == "keep-a-record" and "persistent-contact" not in found(res)
        assert [s["status"] for s in res["dowson"]][2:] == ["not met"] * 4
        assert not any("101" in a for a in res["actions"][:1])

    def test_alarming_but_not_oppressive_is_not_harassment(self):
        res = result(repeated(severity="alarming"))
        assert "harassment" not in listed(res)
        assert "persistent-misuse-of-network" in listed(res)

    def test_not_sure_keeps_harassment_as_may_apply(self):
        res = result(repeated(severity="not_sure"))
        entry = next(e for e in res["offences"] if e["id"] == "harassment")
        assert entry["status"] == "may apply"
        assert element(res, "harassment", "oppressive") == "not known"


class TestRepeatedAndStalking:
    def test_repeated_messages_alone_are_not_listed_as_stalking(self):
        assert "stalking" not in listed(result(repeated()))

    def test_being_followed_more_than_once_is(self):
        res = result({**SAFE, "what_happened": ["followed"], "occasions": "more", "targeted": "yes",
                      "severity": "oppressive", "council": "principal"})
        assert "stalking" in listed(res) and res["id"] == "stalking"

    def test_being_followed_once_is_not_stalking_but_is_urgent(self):
        res = result({**SAFE, "what_happened": ["followed"], "occasions": "once", "council": "principal"})
        assert "stalking" not in listed(res) and res["id"] == "followed" and res["urgency"] == "urgent"


class TestSeveralPeople:
    def test_one_letter_each_to_several_councillors_is_weighed_even_once(self):
        res = result({**SAFE, "what_happened": ["offensive", "others", "pressure"], "channel": ["letter"],
                      "occasions": "once", "council": "principal"})
        assert "harassing-several-people" in listed(res)
        # What they meant is for the courts: the reader's answer is a reason, not a finding of intent.
        assert element(res, "harassing-several-people", "pressure") == "not known"
        assert "several-people" in found(res)

    def test_not_knowing_whether_others_are_targeted_is_not_a_no(self):
        res = result(repeated())
        assert "harassing-several-people" not in listed(res)
        reasons = [b for f in res["findings"] for b in f["because"]]
        assert not any("no one else" in r for r in reasons)


class TestCouncil:
    def test_is_asked_only_where_the_result_sends_the_reader_to_the_police(self):
        assert ask({**SAFE, "what_happened": ["criticism"]})["status"] == "result"
        assert next_question({**SAFE, "what_happened": ["hacking"]}) == "council"

    def test_principal_councillors_are_told_about_operation_ford(self):
        res = result(repeated())
        assert any("Operation Ford" in a for a in res["actions"])
        assert "police-adviser" in res["contacts"]

    def test_parish_councillors_are_told_it_does_not_cover_them(self):
        res = result(repeated(council="local"))
        text = " ".join(res["actions"])
        assert "does not cover parish" in text
        assert "police-adviser" not in res["contacts"]


class TestHomeAndFamily:
    def test_a_message_naming_the_family_turns_to_safety_at_home(self):
        res = result({**SAFE, "what_happened": ["home_family", "offensive"], "channel": ["electronic"],
                      "occasions": "once", "council": "principal"})
        assert "home-and-family" in found(res)
        assert any("family" in a for a in res["actions"])
        assert any(link["anchor"] == "home-security" for link in res["links"])


class TestDisqualification:
    def test_is_never_attached_to_hacking(self):
        res = result({**SAFE, "what_happened": ["hacking"], "council": "principal"})
        assert "disqualification-orders" not in listed(res)

    def test_comes_with_its_conditions(self):
        res = result(repeated())
        entry = next(e for e in res["law"] if e["id"] == "disqualification-orders")
        assert entry["status"] == "may apply"
        # Harassment "may apply" on these answers, so the Schedule 9 offence is not known either.
        assert [el["status"] for el in entry["elements"]] == ["not known", "not known", "not known"]
        assert "18 or over" in entry["plain"] and "1 November 2023" in entry["plain"]


class TestResultContract:
    def test_every_section_is_typed_and_present(self):
        res = result(repeated())
        for section in ("findings", "actions", "contacts", "offences", "dowson", "trade_offs", "problems", "law",
                        "links", "notes"):
            assert section in res
        for entry in res["offences"]:
            assert entry["kind"] == "offence" and entry["elements"]
            for el in entry["elements"]:
                assert el["status"] in ("met", "not met", "not known") and el["test"] and el["because"]
                assert bool(el["settle"]) == (el["status"] == "not known")

    def test_an_unlisted_clerk_is_left_out_beside_other_contacts_but_named_when_the_only_one(self):
        from decision_tools.present import _contacts

        listed = {"contacts": {"police-non-emergency": {"title": "Police (not an emergency)", "phone": "101"}}}
        beside = _contacts({"contacts": ["clerk", "police-non-emergency"]}, listed)
        assert "Police (not an emergency)" in beside and "not listed" not in beside
        # Alone, the clerk is still named, with where to find them: a parish councillor is not left with nobody.
        alone = _contacts({"contacts": ["clerk"]}, listed)
        assert alone.count('class="dt-contact"') == 1 and "Your clerk" in alone and "has not listed this contact" in alone
        assert _contacts({"contacts": []}, listed) == ""

    def test_a_law_entry_without_a_section_does_not_print_a_stray_comma(self):
        from decision_tools.present import result_html

        res = result({**SAFE, "what_happened": ["false"], "channel": ["electronic"], "occasions": "once",
                      "council": "principal"})
        html = result_html("t", res, {})
        assert ", :" not in html and ", ." not in html
