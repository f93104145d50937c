"""The report tool, question by question and branch by branch, then realistic scenarios."""

from __future__ import annotations

import pytest

from tool_steps import steps

NO_DANGER = {"danger": "no"}


ask, next_question, result = steps("report")


def full(what, sender="public", where=("none",), wellbeing="no") -> dict:
    return result({**NO_DANGER, "what": list(what), "from": sender, "where": list(where), "wellbeing": wellbeing})


def whos(res: dict) -> list[str]:
    return [t["who"] for t in res["tell"]]


class TestDanger:
    def test_is_first_and_yes_means_999(self):
        assert next_question({}) == "danger"
        res = result({"danger": "yes"})
        assert res["id"] == "call-999" and res["tell"][0]["role"] == "police-emergency"

    def test_no_asks_what_happened(self):
        assert next_question(NO_DANGER) == "what"


class TestWhat:
    def test_only_a_service_complaint_goes_to_officers_at_once(self):
        res = result({**NO_DANGER, "what": ["complaint"]})
        assert res["id"] == "pass-to-officers"
        assert whos(res) == ["Keep a record", "The council"]

    @pytest.mark.parametrize("what", [["threat"], ["hate"], ["repeated"], ["false"], ["abuse"], ["none"],
                                      ["complaint", "abuse"]])
    def test_everything_else_asks_who_it_is_from(self, what):
        assert next_question({**NO_DANGER, "what": what}) == "from"

    def test_a_threat_outranks_everything_else(self):
        assert full(["abuse", "false", "threat"])["id"] == "police-now"


class TestFrom:
    def test_asks_where_next(self):
        assert next_question({**NO_DANGER, "what": ["abuse"], "from": "anonymous"}) == "where"

    def test_another_councillor_goes_to_the_monitoring_officer(self):
        res = full(["abuse"], sender="councillor")
        assert res["id"] == "monitoring-officer"
        assert "The monitoring officer" in whos(res) and "Your political group" in whos(res)

    def test_an_officer_is_also_reported_to_the_monitoring_officer(self):
        assert "The monitoring officer" in whos(full(["abuse"], sender="officer"))

    def test_a_member_of_the_public_is_not(self):
        assert "The monitoring officer" not in whos(full(["abuse"], sender="public"))


class TestWhere:
    def test_asks_about_wellbeing_next(self):
        assert next_question({**NO_DANGER, "what": ["abuse"], "from": "public", "where": ["x"]}) == "wellbeing"

    @pytest.mark.parametrize("where, who, anchor", [
        ("x", "X", "x"),
        ("facebook", "The page or group admin, then Facebook", "facebook-groups"),
        ("instagram", "Instagram", "instagram"),
        ("other_platform", "The platform", "other-platforms"),
        ("blog", "Your own legal adviser or the police", "blogs"),
    ])
    def test_each_platform_adds_its_own_step_and_guidance(self, where, who, anchor):
        res = full(["abuse"], where=[where])
        assert who in whos(res)
        assert any(link["page"] == "abuse/reporting-to-platforms.md" and link["anchor"] == anchor
                   for link in res["links"])

    def test_email_adds_the_it_service_desk(self):
        assert "it-service-desk" in full(["abuse"], where=["email"])["contacts"]

    def test_letters_and_calls_add_how_to_keep_them_alongside_email(self):
        res = full(["abuse"], where=["email", "letter", "phone"])
        assert "The IT service desk" in whos(res)
        assert any("plastic wallet" in t["how"] for t in res["tell"])


class TestWellbeing:
    def test_yes_adds_wellbeing_and_samaritans_last(self):
        res = full(["abuse"], wellbeing="yes")
        assert res["tell"][-1]["role"] == "wellbeing" and "116 123" in res["tell"][-1]["how"]
        assert "samaritans" in res["contacts"]

    def test_no_leaves_them_out(self):
        assert "wellbeing" not in full(["abuse"])["contacts"]

    @pytest.mark.parametrize("what, outcome", [
        (["threat"], "police-now"), (["hate"], "police-and-council"), (["repeated"], "police-and-council"),
        (["false"], "false-statements"), (["abuse"], "tell-the-council"), (["none"], "tell-the-council")])
    def test_the_result_follows_what_happened(self, what, outcome):
        assert full(what)["id"] == outcome


class TestEveryResult:
    @pytest.mark.parametrize("what", [["threat"], ["hate"], ["false"], ["abuse"], ["complaint"]])
    def test_always_keep_a_record_and_tell_the_council_for_its_collective_record(self, what):
        res = result({**NO_DANGER, "what": what, "from": "public", "where": ["none"], "wellbeing": "no"})
        assert "Keep a record" in whos(res)
        [council] = [t for t in res["tell"] if t["who"] == "The council"]
        assert "collective record" in council["how"] and "register of potentially violent persons" in council["how"]
        assert "member-support" in res["contacts"]

    def test_the_ordered_list_is_also_the_start_of_the_actions(self):
        res = full(["threat"], where=["x"])
        assert res["actions"][:len(res["tell"])] == [f"{t['who']}: {t['how']}" for t in res["tell"]]


class TestScenarios:
    def test_a_death_threat_on_x_from_an_anonymous_account(self):
        res = full(["threat"], sender="anonymous", where=["x"])
        assert res["id"] == "police-now" and res["urgency"] == "urgent"
        assert whos(res)[:3] == ["The police", "Keep a record", "X"]
        assert ("Online Safety Act 2023", "section 181") in {(r["act"], r["section"]) for r in res["law"]}

    def test_racist_comments_in_a_local_facebook_group(self):
        res = full(["hate", "abuse"], where=["facebook"])
        assert res["id"] == "police-and-council"
        assert "hate incident" in res["tell"][0]["how"]
        assert whos(res).index("The page or group admin, then Facebook") < whos(res).index("The council")

    def test_a_resident_who_keeps_emailing_and_phoning(self):
        res = full(["repeated"], where=["email", "phone"])
        assert res["id"] == "police-and-council"
        assert ("Protection from Harassment Act 1997", "sections 1 and 2") in {(r["act"], r["section"]) for r in res["law"]}
        assert "it-service-desk" in res["contacts"]

    def test_a_blog_claiming_you_took_a_bribe(self):
        res = full(["false"], where=["blog"])
        assert res["id"] == "false-statements"
        assert any("cannot fund a councillor's defamation claim" in a for a in res["actions"])
        assert any("remove it, correct it or apologise" in a for a in res["actions"])
        assert "communications" in res["contacts"]

    def test_a_fellow_councillor_insults_you_in_a_group_chat(self):
        res = full(["abuse"], sender="councillor", where=["other_platform"])
        assert res["id"] == "monitoring-officer" and res["contacts"][0] == "monitoring-officer"

    def test_an_angry_resident_about_bin_collections(self):
        res = result({**NO_DANGER, "what": ["complaint"]})
        assert res["urgency"] == "routine" and any("contact details" in a for a in res["actions"])

    def test_a_threatening_letter_pushed_through_your_door(self):
        res = full(["threat"], where=["letter", "home"])
        assert res["tell"][0]["who"] == "The police"
        assert any(link["anchor"] == "callers-at-home" for link in res["links"])

    def test_abuse_in_person_that_has_left_you_unable_to_sleep(self):
        res = full(["abuse"], where=["in_person"], wellbeing="yes")
        assert res["id"] == "tell-the-council"
        assert "The council's police contact" in whos(res) and res["tell"][-1]["role"] == "wellbeing"

    def test_someone_shouting_outside_your_house_right_now(self):
        res = result({"danger": "yes"})
        assert res["urgency"] == "emergency" and "member-support" in res["contacts"]
