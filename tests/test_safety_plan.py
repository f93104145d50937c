"""The personal-safety planner, question by question and branch by branch, then realistic scenarios.

Every path is also run by tests/test_decision_tools_paths.py (counts and promises),
tests/test_decision_tools_links.py (every link and anchor exists) and, in Pyodide,
tests/test_decision_tools_pyodide.py, because the tool is registered in decision_tools.TOOLS."""

from __future__ import annotations

import itertools

import pytest

import decision_tools
from decision_tools import engine
from decision_tools.tools import safety_plan
from tool_steps import steps

# A plan with no gaps: company, someone knows, a way out, a phone, a known visitor.
SAFE = {"what": "surgery", "alone": "no", "someone_knows": "yes", "way_out": "yes", "phone": "yes",
        "visitor": "known"}


ask, next_question, result = steps("safety-plan")


def flag_ids(res: dict) -> list[str]:
    return [f["id"] for f in res["flags"]]


def test_is_registered_with_a_page_and_a_wizard():
    assert "safety-plan" in decision_tools.TOOLS
    assert any(t["id"] == "safety-plan" for t in decision_tools.list_tools())
    page = (engine.__file__.rsplit("/decision_tools/", 1)[0] + "/docs/tools/safety-plan.md")
    text = open(page, encoding="utf-8").read()
    assert '\n<div class="dt-wizard" data-tool="safety-plan"></div>\n' in text
    assert "{#your-plan}" in text


class TestWhat:
    def test_is_first_and_offers_the_four_plans(self):
        out = ask({})
        assert out["question"]["id"] == "what"
        assert [o["value"] for o in out["question"]["options"]] == ["surgery", "home_visit", "meeting", "event"]

    @pytest.mark.parametrize("what", ["surgery", "home_visit", "meeting", "event"])
    def test_any_plan_asks_whether_you_will_be_alone(self, what):
        assert next_question({"what": what}) == "alone"

    def test_an_unknown_plan_is_refused_naming_the_question(self):
        with pytest.raises(decision_tools.InvalidAnswer, match="safety-plan: answer to 'what' is 'party'"):
            ask({"what": "party"})


class TestAlone:
    def test_alone_asks_who_else_is_near(self):
        assert next_question({"what": "surgery", "alone": "yes"}) == "others_nearby"

    def test_with_company_goes_straight_to_who_knows(self):
        assert next_question({"what": "surgery", "alone": "no"}) == "someone_knows"

    def test_others_nearby_then_who_knows(self):
        assert next_question({"what": "surgery", "alone": "yes", "others_nearby": "yes"}) == "someone_knows"

    @pytest.mark.parametrize("what, anchor", [("surgery", "not-alone"), ("home_visit", "should-you-visit"),
                                              ("meeting", "meetings"), ("event", "events")])
    def test_being_alone_is_a_flag_with_the_checklist_for_that_plan(self, what, anchor):
        res = result({**SAFE, "what": what, "alone": "yes", "others_nearby": "yes"})
        assert res["id"] == "fill-the-gaps"
        alone = next(f for f in res["flags"] if f["id"] == "alone")
        assert alone["checklist"] and all(item in res["actions"] for item in alone["checklist"])
        assert [link["anchor"] for link in alone["links"]] == [anchor]

    def test_nobody_near_is_a_flag_and_a_home_visit_suggests_a_neutral_place(self):
        res = result({**SAFE, "what": "home_visit", "alone": "yes", "others_nearby": "no"})
        assert flag_ids(res) == ["alone", "nobody-near"]
        assert any("meet somewhere neutral" in a for a in res["actions"])


class TestTheRestOfThePlan:
    def test_questions_come_in_order(self):
        assert next_question({**{k: SAFE[k] for k in ("what", "alone", "someone_knows")}}) == "way_out"
        assert next_question({**{k: SAFE[k] for k in ("what", "alone", "someone_knows", "way_out")}}) == "phone"
        assert next_question({k: SAFE[k] for k in ("what", "alone", "someone_knows", "way_out", "phone")}) == "visitor"

    def test_nobody_knowing_asks_for_a_check_in_and_a_code_word(self):
        res = result({**SAFE, "someone_knows": "no"})
        assert flag_ids(res) == ["nobody-knows"]
        assert "Agree a code word or phrase that means you need help." in res["actions"]
        assert any(link["anchor"] == "tell-someone" for link in res["links"])

    @pytest.mark.parametrize("what, anchor", [("surgery", "room-layout"), ("home_visit", "during"),
                                              ("meeting", "meetings"), ("event", "events")])
    def test_no_way_out_gives_the_matching_checklist(self, what, anchor):
        res = result({**SAFE, "what": what, "way_out": "no"})
        assert flag_ids(res) == ["no-way-out"]
        assert res["flags"][0]["links"][0]["anchor"] == anchor
        assert "Pick a safe place to go if something goes wrong." in res["actions"]

    def test_no_phone_means_charge_it_and_carry_an_alarm(self):
        res = result({**SAFE, "phone": "no"})
        assert flag_ids(res) == ["no-phone"]
        assert any("personal alarm" in a for a in res["actions"])

    @pytest.mark.parametrize("visitor, flag", [("new", "new-person"), ("open", "anyone-can-come")])
    def test_an_unknown_visitor_is_a_gap(self, visitor, flag):
        res = result({**SAFE, "visitor": visitor})
        assert res["id"] == "fill-the-gaps" and flag_ids(res) == [flag]

    def test_a_new_person_at_home_means_ringing_first_and_checking_the_register(self):
        res = result({**SAFE, "what": "home_visit", "visitor": "new"})
        assert any("register of potentially violent persons" in a for a in res["actions"])
        assert any("Call them beforehand" in a for a in res["actions"])


class TestOutcomes:
    def test_no_gaps_means_ready_with_no_flags(self):
        res = result(SAFE)
        assert res["id"] == "ready" and res["urgency"] == "routine" and res["flags"] == []

    @pytest.mark.parametrize("what", ["surgery", "home_visit", "meeting", "event"])
    def test_someone_who_worried_you_before_means_change_the_plan(self, what):
        res = result({**SAFE, "what": what, "visitor": "concern"})
        assert res["id"] == "change-the-plan" and res["urgency"] == "urgent"
        assert "Do not meet them on your own." in res["actions"]
        assert any(link["page"] == "tools/report.md" for link in res["links"])
        assert "member-support" in res["contacts"]

    def test_alone_with_nobody_near_and_nobody_knowing_means_change_the_plan(self):
        res = result({**SAFE, "alone": "yes", "others_nearby": "no", "someone_knows": "no"})
        assert res["id"] == "change-the-plan"
        assert any("no one close by and no one who knows" in w for w in res["why"])

    def test_every_flag_is_a_reason_and_its_checklist_comes_before_the_general_actions(self):
        res = result({**SAFE, "someone_knows": "no", "phone": "no"})
        assert [w for w in res["why"] if w.startswith("Risk: ")] == [f"Risk: {f['text']}" for f in res["flags"]]
        checklist = [item for f in res["flags"] for item in f["checklist"]]
        assert res["actions"][:len(checklist)] == checklist

    def test_every_result_links_to_the_plan_to_print_and_carries_its_blank_lines(self):
        for oid in ("change-the-plan", "fill-the-gaps", "ready"):
            out = next(o for o in decision_tools.flow("safety-plan")["outcomes"] if o["id"] == oid)
            assert {"title": "Print your plan and fill it in", "page": "tools/safety-plan.md",
                    "anchor": "your-plan"} in out["links"]
        res = result(SAFE)
        assert res["plan"] == list(safety_plan.PLAN_LINES)
        assert {"Who knows where I am (name and phone)", "When I will check in with them",
                "Our code word or phrase"} <= set(res["plan"])

    def test_the_result_follows_the_gaps_on_every_path(self):
        """Independent of the routing rules: the outcome re-derived from the answers."""
        for path in engine.paths(decision_tools.TOOLS["safety-plan"]):
            a = path["answers"]
            isolated = a["alone"] == "yes" and a.get("others_nearby") == "no" and a["someone_knows"] == "no"
            gaps = (a["alone"] == "yes" or a["someone_knows"] == "no" or a["way_out"] == "no"
                    or a["phone"] == "no" or a["visitor"] != "known")
            expected = ("change-the-plan" if a["visitor"] == "concern" or isolated
                        else "fill-the-gaps" if gaps else "ready")
            assert path["result"] == expected, a


class TestPaths:
    def test_every_combination_of_answers_is_a_path(self):
        paths = engine.paths(decision_tools.TOOLS["safety-plan"])
        seen = {tuple(sorted(p["answers"].items())) for p in paths}
        expected = 0
        for what, alone, knows, out, phone, visitor in itertools.product(
                ["surgery", "home_visit", "meeting", "event"], ["yes", "no"], ["yes", "no"], ["yes", "no"],
                ["yes", "no"], ["known", "new", "open", "concern"]):
            for nearby in (["yes", "no"] if alone == "yes" else [None]):
                answers = {"what": what, "alone": alone, "someone_knows": knows, "way_out": out, "phone": phone,
                           "visitor": visitor}
                if nearby:
                    answers["others_nearby"] = nearby
                assert tuple(sorted(answers.items())) in seen
                expected += 1
        assert len(paths) == expected == 384


class TestScenarios:
    def test_a_saturday_surgery_alone_in_an_empty_community_hall(self):
        res = result({"what": "surgery", "alone": "yes", "others_nearby": "no", "someone_knows": "yes",
                      "way_out": "yes", "phone": "yes", "visitor": "open"})
        assert res["id"] == "fill-the-gaps"
        assert flag_ids(res) == ["anyone-can-come", "alone", "nobody-near"]
        assert any(link["anchor"] == "premises" for link in res["links"])

    def test_visiting_a_resident_who_shouted_at_you_last_month(self):
        res = result({"what": "home_visit", "alone": "yes", "others_nearby": "no", "someone_knows": "yes",
                      "way_out": "yes", "phone": "yes", "visitor": "concern"})
        assert res["title"] == "Change the plan before you go"
        assert res["actions"][0] == "Do not meet them on your own."

    def test_a_planning_committee_that_will_finish_late(self):
        res = result({"what": "meeting", "alone": "no", "someone_knows": "no", "way_out": "yes", "phone": "yes",
                      "visitor": "open"})
        assert flag_ids(res) == ["anyone-can-come", "nobody-knows"]

    def test_opening_a_summer_fair_with_a_flat_phone(self):
        res = result({"what": "event", "alone": "no", "someone_knows": "yes", "way_out": "no", "phone": "no",
                      "visitor": "open"})
        assert "Find out where the exits are when you arrive." in res["actions"]
        assert any("Charge your phone" in a for a in res["actions"])

    def test_a_well_planned_visit_to_a_known_resident(self):
        res = result({**SAFE, "what": "home_visit"})
        assert res["id"] == "ready"
        assert "If you feel unsafe at any point, leave. You do not need to explain why." in res["actions"]
