"""The post tool, question by question and branch by branch, then realistic scenarios."""

from __future__ import annotations

import pytest

from tool_steps import steps

CLEAN = {"public_meeting": "yes", "serious": ["none"], "fixable": ["none"], "state": ["none"]}


ask, next_question, result = steps("post")


def problems(res: dict) -> list[str]:
    return [p["problem"] for p in res["problems"]]


class TestPublicMeeting:
    def test_is_first(self):
        assert next_question({}) == "public_meeting"

    def test_no_means_dont_post(self):
        res = result({"public_meeting": "no"})
        assert res["title"] == "Don't post: ask for advice first"
        assert problems(res) == ["You would not be happy to say it at a public meeting."]

    def test_yes_asks_about_serious_problems(self):
        assert next_question({"public_meeting": "yes"}) == "serious"


class TestSerious:
    @pytest.mark.parametrize("problem, contact", [
        ("confidential", "monitoring-officer"), ("regulatory", "monitoring-officer"), ("untrue", "legal-services"),
        ("casework", "monitoring-officer"), ("attack", "communications")])
    def test_each_means_dont_post_and_ask(self, problem, contact):
        res = result({"public_meeting": "yes", "serious": [problem]})
        assert res["id"] == "dont-post" and len(res["problems"]) == 1
        assert res["problems"][0]["fix"].startswith("Do not post it.")
        assert contact in res["contacts"]

    def test_none_asks_about_fixable_problems(self):
        assert next_question({"public_meeting": "yes", "serious": ["none"]}) == "fixable"


class TestFixable:
    def test_asks_how_you_are_next(self):
        assert next_question({"public_meeting": "yes", "serious": ["none"], "fixable": ["photos"]}) == "state"

    @pytest.mark.parametrize("problem", ["photos", "election", "unchecked", "location"])
    def test_each_means_change_it_first_with_its_fix(self, problem):
        res = result({**CLEAN, "fixable": [problem]})
        assert res["title"] == "Change it first"
        [item] = res["problems"]
        assert item["fix"] and res["actions"][0] == f"{item['problem']} {item['fix']}"


class TestState:
    @pytest.mark.parametrize("state", ["tired", "angry", "drink"])
    def test_being_tired_angry_or_having_had_a_drink_means_wait(self, state):
        res = result({**CLEAN, "state": [state]})
        assert res["id"] == "change-it-first" and len(res["problems"]) == 1

    def test_nothing_wrong_means_go_ahead(self):
        res = result(CLEAN)
        assert res["title"] == "Go ahead" and res["problems"] == []


class TestScenarios:
    def test_sharing_what_was_said_in_a_closed_session(self):
        res = result({"public_meeting": "yes", "serious": ["confidential"]})
        assert res["id"] == "dont-post" and "monitoring officer" in res["problems"][0]["fix"]

    def test_backing_a_planning_application_you_will_vote_on(self):
        res = result({"public_meeting": "yes", "serious": ["regulatory"]})
        assert ("Localism Act 2011", "section 25") in {(r["act"], r["section"]) for r in res["law"]}
        assert any(link["anchor"] == "predetermination" for link in res["links"])

    def test_a_rumour_that_a_named_developer_bribed_officers(self):
        res = result({"public_meeting": "yes", "serious": ["untrue", "attack"]})
        assert len(res["problems"]) == 2
        assert ("Defamation Act 2013", "section 1") in {(r["act"], r["section"]) for r in res["law"]}

    def test_thanking_a_resident_by_name_with_details_of_their_housing_case(self):
        res = result({"public_meeting": "yes", "serious": ["casework"]})
        assert "data-protection" in [r["id"] for r in res["law"]]

    def test_a_party_leaflet_photo_using_the_council_logo_before_an_election(self):
        res = result({**CLEAN, "fixable": ["election"]})
        assert res["id"] == "change-it-first"
        assert "democratic-services" in res["contacts"]
        assert ("Local Government Act 1986", "section 2") in {(r["act"], r["section"]) for r in res["law"]}

    def test_a_photo_from_a_local_photographer_and_a_live_location_tag(self):
        res = result({**CLEAN, "fixable": ["photos", "location"]})
        fixes = " ".join(p["fix"] for p in res["problems"])
        assert "permission" in fixes and "once you have left" in fixes

    def test_an_angry_reply_written_at_midnight_after_a_drink(self):
        res = result({**CLEAN, "state": ["tired", "angry", "drink"]})
        assert len(res["problems"]) == 3 and res["id"] == "change-it-first"

    def test_sharing_a_news_story_you_have_not_read(self):
        res = result({**CLEAN, "fixable": ["unchecked"]})
        assert "Check it" in res["problems"][0]["fix"]

    def test_a_photo_of_you_opening_the_new_playground_you_took_yourself(self):
        res = result(CLEAN)
        assert res["id"] == "go-ahead" and res["urgency"] == "routine"

    def test_a_mocking_post_about_a_group_of_residents(self):
        res = result({"public_meeting": "yes", "serious": ["attack"]})
        assert ("Equality Act 2010", "section 149") in {(r["act"], r["section"]) for r in res["law"]}
