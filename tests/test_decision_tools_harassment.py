"""The harassment tool, question by question and branch by branch, then realistic scenarios.

Scenarios are drawn from the situations in the source documents (threats, grossly offensive
messages, repeated contact, protests at home, smear campaigns, hacked accounts)."""

from __future__ import annotations

import pytest

import decision_tools
from tool_steps import steps
from decision_tools import law

NO_DANGER = {"danger": "no"}
# A course of conduct that meets every harassment test the tool asks about.
COURSE = {**NO_DANGER, "what_happened": ["repeated"], "occasions": "more", "targeted": "yes", "alarm": "yes",
          "oppressive": "torment", "fear": "no", "others": "no", "channel": ["online"]}


ask, next_question, result = steps("harassment")


def laws(res: dict) -> set[tuple[str, str]]:
    return {(ref["act"], ref["section"]) for ref in res["law"]}


def dowson(res: dict) -> list[str]:
    return [step["status"] for step in res["dowson"]]


class TestDanger:
    def test_is_the_first_question(self):
        assert next_question({}) == "danger"

    def test_yes_means_call_999(self):
        res = result({"danger": "yes"})
        assert res["id"] == "call-999" and res["urgency"] == "emergency"
        assert res["contacts"][0] == "police-emergency"
        assert res["actions"][0].startswith("Call 999")

    def test_no_asks_what_happened(self):
        assert next_question(NO_DANGER) == "what_happened"


class TestWhatHappened:
    @pytest.mark.parametrize("threat", ["threat_kill", "threat_harm"])
    def test_a_threat_to_kill_or_seriously_harm_goes_straight_to_the_police(self, threat):
        res = result({**NO_DANGER, "what_happened": [threat, "criticism"]})
        assert res["id"] == "threat-to-kill-or-harm" and res["urgency"] == "urgent"
        assert ("Online Safety Act 2023", "section 181") in laws(res)

    def test_only_civil_criticism_is_protected_speech(self):
        res = result({**NO_DANGER, "what_happened": ["criticism"]})
        assert res["id"] == "criticism"
        assert ("Human Rights Act 1998", "Article 10") in laws(res)
        assert dowson(res)[4:] == ["not met", "not met"]

    @pytest.mark.parametrize("chosen", [["offensive"], ["repeated"], ["none"], ["criticism", "hacking"]])
    def test_anything_else_asks_how_many_times(self, chosen):
        assert next_question({**NO_DANGER, "what_happened": chosen}) == "occasions"

    def test_none_cannot_be_chosen_with_other_options(self):
        with pytest.raises(decision_tools.InvalidAnswer, match="'what_happened'"):
            ask({**NO_DANGER, "what_happened": ["none", "offensive"]})


class TestOccasions:
    def test_once_skips_the_harassment_tests_and_asks_how_it_reached_you(self):
        assert next_question({**NO_DANGER, "what_happened": ["offensive"], "occasions": "once"}) == "channel"

    def test_once_means_step_one_is_not_met(self):
        res = result({**NO_DANGER, "what_happened": ["none"], "occasions": "once", "channel": ["online"]})
        assert res["id"] == "keep-a-record"
        assert dowson(res)[0] == "not met"
        assert any("at least two occasions" in line for line in res["why"])

    def test_two_or_more_asks_whether_it_was_aimed_at_you(self):
        assert next_question({**NO_DANGER, "what_happened": ["repeated"], "occasions": "more"}) == "targeted"


class TestTargeted:
    base = {**NO_DANGER, "what_happened": ["repeated"], "occasions": "more"}

    @pytest.mark.parametrize("answer", ["yes", "not_sure"])
    def test_yes_or_not_sure_goes_on_to_alarm(self, answer):
        assert next_question({**self.base, "targeted": answer}) == "alarm"

    def test_no_stops_the_harassment_tests(self):
        res = result({**self.base, "targeted": "no", "others": "no", "channel": ["letter"]})
        assert res["id"] == "keep-a-record"
        assert dowson(res)[:2] == ["met", "not met"]


class TestAlarm:
    base = {**TestTargeted.base, "targeted": "yes"}

    @pytest.mark.parametrize("answer", ["yes", "not_sure"])
    def test_yes_or_not_sure_goes_on_to_oppressive(self, answer):
        assert next_question({**self.base, "alarm": answer}) == "oppressive"

    def test_no_means_step_three_is_not_met(self):
        res = result({**self.base, "alarm": "no", "others": "no", "channel": ["none"]})
        assert res["id"] == "keep-a-record" and dowson(res)[2] == "not met"


class TestOppressive:
    base = {**TestAlarm.base, "alarm": "yes"}

    @pytest.mark.parametrize("answer", ["torment", "not_sure"])
    def test_oppressive_or_not_sure_asks_about_fear_of_violence(self, answer):
        assert next_question({**self.base, "oppressive": answer}) == "fear"

    def test_merely_rude_is_on_the_wrong_side_of_the_line(self):
        res = result({**self.base, "oppressive": "rude", "others": "no", "channel": ["none"]})
        assert res["id"] == "keep-a-record"
        assert dowson(res) == ["met", "met", "met", "not met", "not met", "not met"]


class TestFear:
    def test_fear_of_violence_adds_section_4(self):
        res = result({**COURSE, "fear": "yes"})
        assert ("Protection from Harassment Act 1997", "section 4") in laws(res)

    def test_no_fear_leaves_section_4_out(self):
        res = result(COURSE)
        assert ("Protection from Harassment Act 1997", "section 4") not in laws(res)


class TestOthers:
    def test_others_targeted_lets_the_council_act_in_its_own_name(self):
        res = result({**COURSE, "others": "yes"})
        assert ("Protection from Harassment Act 1997", "sections 1(1A) and 3A") in laws(res)
        assert "monitoring-officer" in res["contacts"] and "legal-services" in res["contacts"]
        assert any("in its own name" in a for a in res["actions"])

    def test_no_others_leaves_it_out(self):
        assert ("Protection from Harassment Act 1997", "sections 1(1A) and 3A") not in laws(result(COURSE))


class TestChannel:
    def test_course_of_conduct_when_the_tests_are_met_or_may_be(self):
        res = result(COURSE)
        assert res["id"] == "course-of-conduct"
        assert dowson(res) == ["met", "met", "met", "met", "met", "met"]

    def test_not_sure_answers_still_lead_to_the_police_with_steps_not_known(self):
        res = result({**COURSE, "targeted": "not_sure", "alarm": "not_sure", "oppressive": "not_sure"})
        assert res["id"] == "course-of-conduct"
        assert dowson(res) == ["met", "not known", "not known", "not known", "not known", "not known"]

    def test_an_offence_on_its_own_when_harassment_is_not_made_out(self):
        res = result({**NO_DANGER, "what_happened": ["hacking"], "occasions": "once", "channel": ["message"]})
        assert res["id"] == "offence-may-apply"
        assert ("Computer Misuse Act 1990", "section 1") in laws(res)
        assert "it-service-desk" in res["contacts"]

    def test_otherwise_keep_a_record(self):
        res = result({**NO_DANGER, "what_happened": ["none"], "occasions": "once", "channel": ["none"]})
        assert res["id"] == "keep-a-record" and res["offences"] == []


class TestEveryResult:
    def test_always_says_your_own_sense_of_intimidation_is_enough_and_not_legal_advice(self):
        for answers in ({"danger": "yes"}, COURSE, {**NO_DANGER, "what_happened": ["criticism"]}):
            notes = result(answers)["notes"]
            assert law.YOUR_SENSE_COUNTS in notes and law.NOT_LEGAL_ADVICE in notes and law.LAST_CHECKED in notes

    def test_dowson_steps_quote_the_judgment(self):
        steps = result(COURSE)["dowson"]
        assert steps[0]["test"] == "\u201cThere must be conduct which occurs on at least two occasions\u201d"
        assert "torment" in steps[5]["test"]


class TestScenarios:
    """Realistic situations from the source documents."""

    def test_one_grossly_offensive_message_from_a_stranger(self):
        res = result({**NO_DANGER, "what_happened": ["offensive"], "occasions": "once", "channel": ["message"]})
        assert res["id"] == "offence-may-apply"
        assert {("Malicious Communications Act 1988", "section 1"), ("Communications Act 2003", "section 127(1)")} <= laws(res)
        assert ("Protection from Harassment Act 1997", "sections 1 and 2") not in laws(res)
        assert dowson(res)[0] == "not met"
        assert any("at least two occasions" in line for line in res["why"])

    def test_a_threat_to_kill_on_social_media(self):
        res = result({**NO_DANGER, "what_happened": ["threat_kill"]})
        assert res["id"] == "threat-to-kill-or-harm"
        assert {("Offences Against the Person Act 1861", "section 16"), ("Online Safety Act 2023", "section 181")} <= laws(res)
        assert "police-non-emergency" in res["contacts"] and "police-emergency" in res["contacts"]
        assert "999" in res["actions"][0]

    def test_a_threat_of_rape_sent_by_direct_message(self):
        res = result({**NO_DANGER, "what_happened": ["threat_harm", "offensive"]})
        assert ("Online Safety Act 2023", "section 181") in laws(res)
        assert ("Offences Against the Person Act 1861", "section 16") not in laws(res)

    def test_the_same_man_emails_every_day_and_it_has_become_a_torment(self):
        res = result({**COURSE, "channel": ["message"]})
        assert res["id"] == "course-of-conduct"
        assert {("Protection from Harassment Act 1997", "sections 1 and 2"),
                ("Protection from Harassment Act 1997", "sections 2A and 4A"),
                ("Communications Act 2003", "section 127(2)(c)")} <= laws(res)
        assert {"police-non-emergency", "member-support", "monitoring-officer"} <= set(res["contacts"])

    def test_someone_follows_you_home_after_meetings_and_you_fear_violence(self):
        res = result({**COURSE, "fear": "yes", "channel": ["in_person", "home"]})
        assert ("Protection from Harassment Act 1997", "section 4") in laws(res)
        assert ("Criminal Justice and Police Act 2001", "sections 42 and 42A") in laws(res)
        assert any("outside your home" in a for a in res["actions"])

    def test_a_group_targets_several_councillors_over_a_planning_decision(self):
        res = result({**COURSE, "others": "yes", "channel": ["online", "message"]})
        assert ("Protection from Harassment Act 1997", "sections 1(1A) and 3A") in laws(res)
        assert "legal-services" in res["contacts"]

    def test_protesters_outside_your_home_with_placards(self):
        res = result({**NO_DANGER, "what_happened": ["in_person"], "occasions": "once", "channel": ["home"]})
        assert res["id"] == "offence-may-apply"
        assert {("Public Order Act 1986", "section 4A"), ("Public Order Act 1986", "section 5")} <= laws(res)

    def test_racist_abuse_shouted_at_a_ward_surgery(self):
        res = result({**NO_DANGER, "what_happened": ["in_person", "hostility"], "occasions": "once",
                      "channel": ["in_person"]})
        assert {("Crime and Disorder Act 1998", "sections 28 to 32"), ("Sentencing Act 2020", "section 66")} <= laws(res)
        assert any("hate incident" in a for a in res["actions"])
        assert ("Elections Act 2022", "Part 5") in laws(res)

    def test_a_made_up_story_spread_to_hurt_you(self):
        res = result({**NO_DANGER, "what_happened": ["false"], "occasions": "once", "channel": ["online"]})
        assert res["id"] == "offence-may-apply"
        assert {("Online Safety Act 2023", "section 179"), ("Defamation Act 2013", "section 1")} <= laws(res)
        assert any("cannot fund a councillor's defamation claim" in a for a in res["actions"])

    def test_your_social_media_account_was_hacked(self):
        res = result({**NO_DANGER, "what_happened": ["hacking"], "occasions": "once", "channel": ["online"]})
        assert any("two-factor authentication" in a for a in res["actions"])
        assert any(link["anchor"] == "if-you-are-hacked" for link in res["links"])

    def test_pressure_not_to_give_evidence_in_a_court_case(self):
        res = result({**NO_DANGER, "what_happened": ["witness"], "occasions": "once", "channel": ["phone"]})
        assert ("Criminal Justice and Public Order Act 1994", "section 51") in laws(res)

    def test_a_threat_to_burn_down_your_house_in_a_letter(self):
        res = result({**NO_DANGER, "what_happened": ["threat_property"], "occasions": "once", "channel": ["letter"]})
        assert res["id"] == "offence-may-apply"
        assert ("Criminal Damage Act 1971", "section 2") in laws(res)

    def test_repeated_rude_tweets_that_are_no_worse_than_rude(self):
        res = result({**COURSE, "oppressive": "rude", "channel": ["none"]})
        assert res["id"] == "keep-a-record"
        assert ("Protection from Harassment Act 1997", "sections 1 and 2") not in laws(res)
        assert any("rude, but no worse" in line for line in res["why"])

    def test_repeated_late_night_phone_calls_are_persistent_misuse(self):
        res = result({**COURSE, "oppressive": "rude", "channel": ["phone"]})
        assert res["id"] == "offence-may-apply"
        assert ("Communications Act 2003", "section 127(2)(c)") in laws(res)

    def test_robust_criticism_of_a_budget_decision(self):
        res = result({**NO_DANGER, "what_happened": ["criticism"]})
        assert res["urgency"] == "routine" and res["offences"] == []
        assert any("pass it to officers" in a for a in res["actions"])
