"""The personal-safety planner on the facts-then-findings engine: question by question, finding by
finding (each gap's checklist for each kind of plan), every path, then realistic scenarios.

The browser test is tests/test_safety_plan_browser.py. The checks (`python -m decision_tools check
safety-plan`) are run here too, so a question that changes nothing fails this file."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest

import decision_tools
from decision_tools import checks, content, engine
from decision_tools.tools import safety_plan
from scenarios import Scenario, check
from tool_steps import steps

TOOL = decision_tools.TOOLS["safety-plan"]
WORDS = content.for_tool("safety-plan")
PAGE = Path(__file__).resolve().parents[1] / "docs" / "tools" / "safety-plan.md"
KINDS = ("surgery", "home_visit", "meeting", "event")

# A plan with no gaps: company, someone knows, a way out, a phone, a known visitor.
SAFE = {"what": "surgery", "alone": "no", "someone_knows": "yes", "way_out": "yes", "phone": "yes",
        "visitor": "known"}
# On your own, but with people about.
ALONE = {"alone": "yes", "others_nearby": "yes"}

ask, next_question, result = steps("safety-plan")


def plan(**changes) -> dict:
    return {**SAFE, **changes}


def finding_ids(res: dict) -> list[str]:
    return [f["id"] for f in res["findings"]]


def contains(res: dict, words: str) -> bool:
    return any(words in action for action in res["actions"])


def variant(action_id: str, answer: str) -> str:
    return WORDS.get("actions", action_id)[answer]


HEADLINES = ("change-the-plan", "fill-the-gaps", "ready")
KIND_FINDINGS = {"surgery": "surgery-checks", "home_visit": "home-visit-checks", "meeting": "meeting-checks",
                 "event": "event-checks"}


def test_is_registered_after_harassment_and_passes_the_checks():
    assert list(decision_tools.TOOLS).index("safety-plan") > list(decision_tools.TOOLS).index("harassment")
    assert any(t["id"] == "safety-plan" for t in decision_tools.list_tools())
    problems, count = checks.check(TOOL)
    assert problems == [] and count == 480


def test_the_page_keeps_the_plan_to_fill_in_by_hand():
    text = PAGE.read_text(encoding="utf-8")
    assert '\n<div class="dt-wizard" data-tool="safety-plan"></div>\n' in text
    assert "## Your plan {#your-plan}" in text
    rows = re.findall(r"^\| (.+?) \| &nbsp; \|$", text, flags=re.M)
    assert {"Who knows where I am (name and phone)", "When I will check in with them",
            "What they will do if I do not check in", "Our code word or phrase", "The quickest way out",
            "A safe place to go"} <= set(rows)


def test_never_asks_for_names_places_or_the_code_word():
    # Every question is a choice: there is nowhere to type a name, an address or a code word.
    assert all(q.kind in (engine.YES_NO, engine.ONE_OF) for q in TOOL.questions)
    assert all(q.options for q in TOOL.questions)


# -- question by question ----------------------------------------------------------------------

class TestWhat:
    def test_is_first_offers_the_four_plans_and_says_call_999_if_in_danger(self):
        out = ask({})
        assert out["question"]["id"] == "what"
        assert [o["value"] for o in out["question"]["options"]] == list(KINDS)
        assert out["question"]["hint"] == "If you are in danger right now, call 999."

    @pytest.mark.parametrize("what", KINDS)
    def test_any_plan_asks_whether_you_will_be_alone(self, what):
        assert next_question({"what": what}) == "alone"

    def test_an_unknown_plan_is_refused_naming_the_question(self):
        with pytest.raises(decision_tools.InvalidAnswer, match="safety-plan: answer to 'what' is 'party'"):
            ask({"what": "party"})

    @pytest.mark.parametrize("what", KINDS)
    def test_the_kind_of_plan_brings_its_own_checks_and_no_other(self, what):
        found = finding_ids(result(plan(what=what)))
        assert KIND_FINDINGS[what] in found
        assert not (set(KIND_FINDINGS.values()) - {KIND_FINDINGS[what]}) & set(found)

    def test_the_kind_of_plan_chooses_the_words_of_a_checklist(self):
        texts = {what: result(plan(what=what, way_out="no"))["actions"] for what in KINDS}
        exits = {what: next(a for a in texts[what] if a in WORDS.get("actions", "know_the_exits").values())
                 for what in KINDS}
        assert "Sit nearest the door" in exits["surgery"]
        assert "upright chair" in exits["home_visit"]
        assert exits["meeting"] == "Find out where the exits are before the meeting starts."
        assert exits["event"] == "Find out where the exits are when you arrive."


class TestAlone:
    def test_asked_second(self):
        assert next_question({"what": "event"}) == "alone"

    def test_alone_asks_who_else_is_near(self):
        assert next_question({"what": "surgery", "alone": "yes"}) == "others_nearby"

    def test_with_company_goes_straight_to_who_knows(self):
        assert next_question({"what": "surgery", "alone": "no"}) == "someone_knows"

    def test_alone_is_a_gap_and_company_is_not(self):
        assert "alone" in finding_ids(result(plan(**ALONE)))
        assert "alone" not in finding_ids(result(plan()))


class TestOthersNearby:
    def test_not_asked_when_you_have_company(self):
        out = ask(plan(others_nearby="no"))
        assert "others_nearby" not in [a["question"] for a in out["answered"]]
        assert "nobody-near" not in finding_ids(out["result"])

    def test_then_asks_who_knows(self):
        assert next_question({"what": "surgery", "alone": "yes", "others_nearby": "yes"}) == "someone_knows"

    def test_nobody_near_is_a_gap_and_people_about_is_not(self):
        assert "nobody-near" in finding_ids(result(plan(alone="yes", others_nearby="no")))
        assert "nobody-near" not in finding_ids(result(plan(**ALONE)))


class TestSomeoneKnows:
    def test_asked_after_company_then_way_out(self):
        assert next_question({"what": "meeting", "alone": "no", "someone_knows": "yes"}) == "way_out"

    def test_nobody_knowing_is_a_gap_with_a_check_in_and_a_code_word(self):
        res = result(plan(someone_knows="no"))
        assert finding_ids(res)[:2] == ["fill-the-gaps", "nobody-knows"]
        assert "Agree when you will check in, and what they will do if you do not." in res["actions"]
        assert contains(res, "code word") and contains(res, "not on your phone")
        assert any(link["anchor"] == "tell-someone" for link in res["links"])

    def test_alone_with_no_one_near_and_no_one_knowing_means_change_the_plan(self):
        res = result(plan(alone="yes", others_nearby="no", someone_knows="no"))
        assert res["id"] == "change-the-plan" and res["urgency"] == "urgent"
        assert res["findings"][0]["because"] == [
            "You would be on your own, with no one close by and no one who knows where you are."]

    @pytest.mark.parametrize("missing", [{"alone": "no"}, {"others_nearby": "yes"}, {"someone_knows": "yes"}])
    def test_any_one_of_the_three_in_place_means_filling_the_gaps_instead(self, missing):
        answers = {**plan(alone="yes", others_nearby="no", someone_knows="no"), **missing}
        if missing.get("alone") == "no":
            del answers["others_nearby"]
        res = result(answers)
        assert res["id"] == "fill-the-gaps" and res["urgency"] == "soon"


class TestWayOut:
    def test_asked_after_who_knows_then_phone(self):
        assert next_question({"what": "event", "alone": "no", "someone_knows": "yes", "way_out": "no"}) == "phone"

    def test_no_way_out_is_a_gap_with_a_safe_place(self):
        res = result(plan(way_out="no"))
        assert "no-way-out" in finding_ids(res)
        assert "Pick a safe place to go if something goes wrong." in res["actions"]
        assert "no-way-out" not in finding_ids(result(plan()))


class TestPhone:
    def test_asked_after_way_out_then_who_you_are_meeting(self):
        assert next_question({k: SAFE[k] for k in ("what", "alone", "someone_knows", "way_out", "phone")}) == "visitor"

    def test_no_phone_means_charge_it_and_carry_an_alarm(self):
        res = result(plan(phone="no"))
        assert "no-phone" in finding_ids(res)
        assert contains(res, "Charge your phone") and contains(res, "personal alarm")
        assert not contains(result(plan()), "Charge your phone")


class TestVisitor:
    def test_offers_four_answers_with_a_hint_for_anyone_can_come(self):
        out = ask({k: SAFE[k] for k in ("what", "alone", "someone_knows", "way_out", "phone")})
        options = {o["value"]: o for o in out["question"]["options"]}
        assert list(options) == ["known", "new", "open", "concern"]
        assert "drop-in surgery" in options["open"]["hint"]

    @pytest.mark.parametrize("visitor, finding, urgency", [
        ("new", "new-person", "soon"), ("open", "anyone-can-come", "soon")])
    def test_someone_you_do_not_know_is_a_gap(self, visitor, finding, urgency):
        res = result(plan(visitor=visitor))
        assert res["id"] == "fill-the-gaps" and res["urgency"] == urgency
        assert finding in finding_ids(res)

    def test_someone_known_is_no_gap(self):
        assert result(plan())["id"] == "ready"

    @pytest.mark.parametrize("what", KINDS)
    def test_someone_who_worried_you_before_means_change_the_plan(self, what):
        res = result(plan(what=what, visitor="concern", council="principal"))
        assert res["id"] == "change-the-plan" and res["urgency"] == "urgent"
        assert finding_ids(res)[:2] == ["change-the-plan", "known-concern"]
        assert res["actions"][0] == "If you are in danger right now, call 999."


class TestCouncil:
    def test_asked_only_where_someone_who_worried_you_may_be_there(self):
        assert next_question(plan(visitor="concern")) == "council"
        for visitor in ("known", "new", "open"):
            assert ask(plan(visitor=visitor))["status"] == "result"

    def test_asked_last(self):
        assert TOOL.questions[-1].id == "council"

    def test_a_principal_councillor_is_sent_to_the_force_elected_official_adviser(self):
        res = result(plan(visitor="concern", council="principal"))
        assert "safety-briefing" in finding_ids(res) and "local-council-police" not in finding_ids(res)
        assert "police-adviser" in res["contacts"] and "clerk" not in res["contacts"]
        assert contains(res, "Force Elected Official Adviser for a safety briefing")
        assert contains(res, '"Operation Ford" incident')
        assert contains(res, "Tell member support before you go")

    def test_a_parish_town_or_community_councillor_reports_in_the_usual_way(self):
        res = result(plan(visitor="concern", council="local"))
        assert "local-council-police" in finding_ids(res) and "safety-briefing" not in finding_ids(res)
        assert "clerk" in res["contacts"] and "police-adviser" not in res["contacts"]
        assert contains(res, "Operation Ford does not cover parish, town and community councillors")
        assert not contains(res, '"Operation Ford" incident')
        assert contains(res, "Tell your clerk before you go")


# -- finding by finding ------------------------------------------------------------------------

# For each gap: the answers that make it, and for each kind of plan words its checklist must say.
CHECKLISTS = {
    "alone": (ALONE, {
        "surgery": "act as receptionist, or share the surgery with another ward councillor",
        "home_visit": "Ask a colleague to come with you",
        "meeting": "walk with you to your car, bus stop or station",
        "event": "Stay near staff, organisers or other councillors."}),
    "nobody-near": ({"alone": "yes", "others_nearby": "no"}, {
        "surgery": "council premises, such as a library, during opening hours",
        "home_visit": "meet somewhere neutral instead, such as a library, a community centre or a council office",
        "meeting": "do not stay behind on your own once others have gone",
        "event": "Keep to the busy parts of the site, where others can see you"}),
    "nobody-knows": ({"someone_knows": "no"}, {
        "surgery": "ask them to check on you if it runs late",
        "home_visit": "who you are visiting, the address, the date and time, and how long you expect to stay",
        "meeting": "when you expect it to finish and how you are getting home",
        "event": "where you will be and when you will leave"}),
    "no-way-out": ({"way_out": "no"}, {
        "surgery": "Sit nearest the door, with the visitor on the other side of the table",
        "home_visit": "Look for other ways out when you arrive, and choose an upright chair",
        "meeting": "Find out where the exits are before the meeting starts.",
        "event": "Find out where the exits are when you arrive."}),
    "new-person": ({"visitor": "new"}, {
        "surgery": "greet them in the waiting area",
        "home_visit": "Call them beforehand to confirm the visit and get a sense of their mood.",
        "meeting": "Meet them at council offices or another public place",
        "event": "Take care with anyone you do not know"}),
    "anyone-can-come": ({"visitor": "open"}, {
        "surgery": "Have a helper greet people as they arrive",
        "home_visit": "who else will be in the home",
        "meeting": "Sit where you can see who comes in",
        "event": "Agree with the organisers what will happen if someone becomes angry or aggressive"}),
    "known-concern": ({"visitor": "concern", "council": "principal"}, {
        "surgery": "Do not see them on your own",
        "home_visit": "Do not visit them at home on your own.",
        "meeting": "Do not meet them on your own, before or after the meeting",
        "event": "Tell the organisers who to look out for"}),
}
# Each gap's actions that differ by kind of plan (`by = "what"`), and those that are the same.
BY_KIND = {"alone": ("find_company",), "nobody-near": ("where_people_are", "help_to_hand"),
           "nobody-knows": ("tell_someone",), "no-way-out": ("know_the_exits",), "new-person": ("first_contact",),
           "anyone-can-come": ("greet_visitors",), "known-concern": ("not_alone_with_them",), "no-phone": ()}
SAME_FOR_ALL = {"nobody-knows": ("agree_check_in", "code_word"), "no-way-out": ("safe_place",),
                "no-phone": ("charge_phone", "personal_alarm"), "new-person": ("check_register",),
                "anyone-can-come": ("emergency_plan",), "known-concern": ("call_999_if_danger", "report_threats")}


class TestEachGap:
    @pytest.mark.parametrize("gap, what", list(itertools.product(CHECKLISTS, KINDS)))
    def test_its_checklist_is_the_one_for_that_kind_of_plan(self, gap, what):
        changes, words = CHECKLISTS[gap]
        res = result(plan(what=what, **changes))
        assert gap in finding_ids(res)
        assert contains(res, words[what]), f"{gap} at a {what}"
        for other in KINDS:
            if other != what and words[other] != words[what]:
                assert not contains(res, words[other]), f"{gap} at a {what} says the {other} words"

    @pytest.mark.parametrize("gap, what", list(itertools.product(BY_KIND, KINDS)))
    def test_each_action_that_differs_by_kind_gives_that_kinds_words(self, gap, what):
        changes = CHECKLISTS[gap][0] if gap in CHECKLISTS else {"phone": "no"}
        res = result(plan(what=what, **changes))
        for action_id in BY_KIND[gap]:
            assert variant(action_id, what) in res["actions"]
            others = {variant(action_id, k) for k in KINDS} - {variant(action_id, what)}
            assert not others & set(res["actions"])
        for action_id in SAME_FOR_ALL.get(gap, ()):
            assert WORDS.get("actions", action_id) in res["actions"]

    @pytest.mark.parametrize("gap", list(BY_KIND))
    def test_its_reason_is_what_you_said(self, gap):
        changes = CHECKLISTS[gap][0] if gap in CHECKLISTS else {"phone": "no"}
        res = result(plan(**changes))
        found = next(f for f in res["findings"] if f["id"] == gap)
        assert len(found["because"]) == 1 and found["because"][0].startswith("You said ")

    def test_no_phone_is_the_same_for_every_kind_of_plan(self):
        texts = {what: [a for a in result(plan(what=what, phone="no"))["actions"]
                        if "phone" in a or "alarm" in a] for what in KINDS}
        assert len({tuple(t) for t in texts.values()}) == 1

    def test_someone_who_worried_you_tells_the_council_and_the_police(self):
        res = result(plan(visitor="concern", council="principal"))
        assert {"police-emergency", "police-non-emergency", "member-support"} <= set(res["contacts"])
        assert contains(res, "If they have threatened you, report it to the police")
        assert {link["page"] for link in res["links"]} >= {"tools/report.md", "abuse/first-steps.md"}

    def test_a_new_person_means_checking_the_register(self):
        res = result(plan(visitor="new"))
        assert contains(res, "register of potentially violent persons")
        assert "member-support" in res["contacts"]


class TestWhereThePlanStands:
    def test_no_gaps_means_ready(self):
        res = result(plan())
        assert res["id"] == "ready" and res["urgency"] == "routine"
        assert finding_ids(res) == ["ready", "surgery-checks"]
        assert "If you feel unsafe at any point, leave. You do not need to explain why." in res["actions"]

    def test_the_gaps_checklists_come_first_then_the_kinds_checks_then_the_plan(self):
        res = result(plan(someone_knows="no", phone="no"))
        checklist = [variant("tell_someone", "surgery")] + [WORDS.get("actions", a) for a in (
            "agree_check_in", "code_word", "charge_phone", "personal_alarm")]
        general = [WORDS.get("actions", a) for a in ("print_plan", "check_in")]
        kind = [WORDS.get("actions", a) for a in ("during_surgery", "incident_book")]
        assert res["actions"] == checklist + kind + general

    def test_the_result_follows_the_gaps_on_every_path(self):
        """Independent of the rules in safety_plan.py: the lead re-derived from the answers."""
        for path in engine.paths(TOOL):
            a = path["answers"]
            isolated = a["alone"] == "yes" and a.get("others_nearby") == "no" and a["someone_knows"] == "no"
            gaps = (a["alone"] == "yes" or a["someone_knows"] == "no" or a["way_out"] == "no"
                    or a["phone"] == "no" or a["visitor"] != "known")
            expected = ("change-the-plan" if a["visitor"] == "concern" or isolated
                        else "fill-the-gaps" if gaps else "ready")
            assert path["result"] == expected, a

    def test_every_path_is_walked_and_within_the_budget(self):
        found = {tuple(sorted(p["answers"].items())) for p in engine.paths(TOOL)}
        expected = set()
        for what, alone, knows, out, phone, visitor in itertools.product(
                KINDS, ["yes", "no"], ["yes", "no"], ["yes", "no"], ["yes", "no"], ["known", "new", "open", "concern"]):
            for nearby in (["yes", "no"] if alone == "yes" else [None]):
                for council in (["principal", "local"] if visitor == "concern" else [None]):
                    answers = {"what": what, "alone": alone, "someone_knows": knows, "way_out": out,
                               "phone": phone, "visitor": visitor, "others_nearby": nearby, "council": council}
                    expected.add(tuple(sorted((k, v) for k, v in answers.items() if v)))
        assert found == expected and len(found) == 480 <= 2000

    def test_every_result_links_to_the_plan_and_keeps_the_notes(self):
        seen = set()
        for path in engine.paths(TOOL):
            res = result(path["answers"])
            seen.update(finding_ids(res))
            assert sum(f in HEADLINES for f in finding_ids(res)) == 1
            assert res["links"][0] == {"title": "Print your plan and fill it in", "page": "tools/safety-plan.md",
                                       "anchor": "your-plan"}
            assert res["notes"][0] == ("Trust your instincts: if something feels wrong, leave, and call 999 "
                                       "if you are in danger.")
            assert "This is guidance, not legal advice." in " ".join(res["notes"])
            assert contains(res, "Print the plan, fill it in by hand")
            assert res["offences"] == [] and res["law"] == []
            # Call 999 is an action where the plan must change first.
            assert contains(res, "call 999") == (res["id"] == "change-the-plan")
        assert seen == {f.id for f in TOOL.findings}

    def test_no_result_names_the_adviser_for_a_local_councillor_or_the_clerk_for_a_principal_one(self):
        for path in engine.paths(TOOL):
            contacts = result(path["answers"])["contacts"]
            council = path["answers"].get("council")
            assert not (council == "local" and "police-adviser" in contacts)
            assert not (council == "principal" and "clerk" in contacts)
            assert ("police-adviser" in contacts) == (council == "principal")


# -- scenarios ---------------------------------------------------------------------------------

SEED = "seed 001"

SCENARIOS = [
    Scenario(
        "a Saturday drop-in surgery alone in an empty community hall",
        f"{SEED}, 2.2 Ward surgeries: not holding surgeries alone in an otherwise empty building",
        "safety-plan",
        {"what": "surgery", "alone": "yes", "others_nearby": "no", "someone_knows": "yes", "way_out": "yes",
         "phone": "yes", "visitor": "open"},
        urgency="soon", lead="fill-the-gaps",
        actions=("act as receptionist", "council premises, such as a library", "panic alarm that rings at reception",
                 "Have a helper greet people as they arrive"),
        not_actions=("call 999",),
        findings=("alone", "nobody-near", "anyone-can-come", "surgery-checks"), mixed=True),
    Scenario(
        "visiting a resident who shouted at you last month, on a county council",
        f"{SEED}, 2.4 Home visits: whether to visit, a neutral venue; 2.1.2 recognise potential danger",
        "safety-plan",
        {"what": "home_visit", "alone": "yes", "others_nearby": "no", "someone_knows": "yes", "way_out": "yes",
         "phone": "yes", "visitor": "concern", "council": "principal"},
        urgency="urgent", lead="change-the-plan", first_action="call 999",
        actions=("Do not visit them at home on your own", "Tell member support before you go",
                 "report it to the police", "Force Elected Official Adviser", '"Operation Ford" incident',
                 "meet somewhere neutral instead"),
        contacts=("police-emergency", "police-non-emergency", "police-adviser", "member-support"),
        not_contacts=("clerk",),
        findings=("known-concern", "alone", "nobody-near", "safety-briefing"), mixed=True),
    Scenario(
        "a parish councillor visiting a resident who has threatened them",
        f"{SEED}, 2.4 Home visits and 2.10 Reporting incidents; Operation Ford covers principal councils only",
        "safety-plan",
        {"what": "home_visit", "alone": "yes", "others_nearby": "yes", "someone_knows": "yes", "way_out": "yes",
         "phone": "yes", "visitor": "concern", "council": "local"},
        urgency="urgent", lead="change-the-plan", first_action="call 999",
        actions=("Tell your clerk before you go", "Operation Ford does not cover parish, town and community",
                 "Ask a colleague to come with you"),
        not_actions=("Force Elected Official Adviser",),
        contacts=("clerk", "police-non-emergency"), not_contacts=("police-adviser",),
        findings=("known-concern", "alone", "local-council-police"), mixed=True),
    Scenario(
        "a planning committee that will finish after dark, open to the public, and no one knows",
        f"{SEED}, 2.7 Attendance at meetings: evening meetings, being accompanied to the car or transport",
        "safety-plan",
        {"what": "meeting", "alone": "no", "someone_knows": "no", "way_out": "yes", "phone": "yes",
         "visitor": "open"},
        urgency="soon", lead="fill-the-gaps",
        actions=("when you expect it to finish and how you are getting home", "Sit where you can see who comes in",
                 "tell democratic services", "Plan your journey home", "go back inside and ask for help"),
        contacts=("democratic-services",),
        findings=("nobody-knows", "anyone-can-come", "meeting-checks"), mixed=True),
    Scenario(
        "opening a summer fair with a flat phone, not knowing the site",
        "docs/personal-safety/meetings-and-events.md, Public events; seed 001, 2.1.2 keep your phone charged",
        "safety-plan",
        {"what": "event", "alone": "no", "someone_knows": "yes", "way_out": "no", "phone": "no",
         "visitor": "open"},
        urgency="soon", lead="fill-the-gaps",
        actions=("Find out where the exits are when you arrive.", "Charge your phone", "personal alarm",
                 "Pick a safe place to go"),
        findings=("no-way-out", "no-phone", "anyone-can-come", "event-checks"), mixed=True),
    Scenario(
        "a well-planned visit to a resident you know",
        f"{SEED}, 2.4.3 before a home visit: daylight hours, someone knows where you are",
        "safety-plan",
        {"what": "home_visit", "alone": "no", "someone_knows": "yes", "way_out": "yes", "phone": "yes",
         "visitor": "known"},
        urgency="routine", lead="ready",
        actions=("If you feel unsafe at any point, leave", "park facing the way out", "sit down only when the resident does"),
        not_actions=("call 999",), contacts=("police-emergency",),
        findings=("ready", "home-visit-checks")),
    Scenario(
        "a first visit to an older resident you have not met, with a colleague",
        f"{SEED}, 2.4.4 calling beforehand; 1.2.1 the register of potentially violent persons",
        "safety-plan",
        {"what": "home_visit", "alone": "no", "someone_knows": "yes", "way_out": "yes", "phone": "yes",
         "visitor": "new"},
        urgency="soon", lead="fill-the-gaps",
        actions=("Call them beforehand to confirm the visit", "register of potentially violent persons"),
        not_actions=("Do not visit them",), contacts=("member-support",),
        findings=("new-person",)),
    Scenario(
        "a surgery on your own at the library, with staff at the desk, and no one told",
        f"{SEED}, 2.2.3 personal security checks: does anyone know where and when, will they check on you",
        "safety-plan",
        {"what": "surgery", "alone": "yes", "others_nearby": "yes", "someone_knows": "no", "way_out": "yes",
         "phone": "yes", "visitor": "known"},
        urgency="soon", lead="fill-the-gaps",
        actions=("check on you if it runs late", "code word", "share the surgery with another ward councillor"),
        not_actions=("council premises, such as a library",),
        findings=("alone", "nobody-knows"), mixed=True),
    Scenario(
        "an evening surgery alone in an empty building that no one knows about",
        f"{SEED}, 2.2.2 not holding surgeries alone in an empty building; 2.2.3 who knows where you are",
        "safety-plan",
        {"what": "surgery", "alone": "yes", "others_nearby": "no", "someone_knows": "no", "way_out": "yes",
         "phone": "yes", "visitor": "known"},
        urgency="urgent", lead="change-the-plan", first_action="call 999",
        actions=("act as receptionist", "council premises, such as a library", "check on you if it runs late"),
        not_actions=("Operation Ford",), not_contacts=("police-adviser",),
        findings=("alone", "nobody-near", "nobody-knows"), mixed=True,
        extra={"not_findings": ("known-concern", "safety-briefing", "local-council-police")}),
    Scenario(
        "a fun day where a protester who threatened you may turn up",
        f"{SEED}, 2.8 Demonstrations; 5.4.2 threats should be reported to the police",
        "safety-plan",
        {"what": "event", "alone": "no", "someone_knows": "yes", "way_out": "yes", "phone": "yes",
         "visitor": "concern", "council": "principal"},
        urgency="urgent", lead="change-the-plan", first_action="call 999",
        actions=("Tell the organisers who to look out for", "Do not confront the protesters",
                 "Force Elected Official Adviser for a safety briefing", "report it to the police"),
        contacts=("police-adviser", "member-support"),
        findings=("known-concern", "safety-briefing", "event-checks")),
    Scenario(
        "leaving a heated council meeting on your own",
        f"{SEED}, 2.7.1 asking colleagues to walk with you to your car or transport",
        "safety-plan",
        {"what": "meeting", "alone": "yes", "others_nearby": "yes", "someone_knows": "yes", "way_out": "yes",
         "phone": "yes", "visitor": "known"},
        urgency="soon", lead="fill-the-gaps",
        actions=("walk with you to your car, bus stop or station", "leave with other people"),
        findings=("alone", "meeting-checks"), extra={"not_findings": ("nobody-near",)}),
    Scenario(
        "a surgery in a small back room where you cannot see the way out",
        f"{SEED}, 2.2.2 room layout: sitting nearest the door, the visitor across the table",
        "safety-plan",
        {"what": "surgery", "alone": "no", "someone_knows": "yes", "way_out": "no", "phone": "yes",
         "visitor": "known"},
        urgency="soon", lead="fill-the-gaps",
        actions=("Sit nearest the door", "quickest way out of the room and the building", "Pick a safe place"),
        findings=("no-way-out", "surgery-checks")),
]


def test_there_are_enough_scenarios_and_enough_are_mixed():
    assert len(SCENARIOS) >= 10
    assert sum(s.mixed for s in SCENARIOS) >= 4
    assert all(s.source for s in SCENARIOS)
    assert len({s.name for s in SCENARIOS}) == len(SCENARIOS)


def test_a_mixed_scenario_has_several_gaps():
    from decision_tools.tools.safety_plan import GAPS
    for s in SCENARIOS:
        res = check(s)
        gaps = [f for f in finding_ids(res) if f in GAPS]
        assert (len(gaps) >= 2) == s.mixed, f"{s.id}: {gaps}"


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario(scenario):
    res = check(scenario)
    assert not set(scenario.extra.get("not_findings", ())) & set(finding_ids(res)), scenario.id
    assert res["links"][0]["anchor"] == "your-plan"


def test_the_flow_file_holds_no_reader_sentences():
    source = Path(safety_plan.__file__).read_text(encoding="utf-8")
    code = re.sub(r'"""[\s\S]*?"""', "", source)  # docstrings are for developers
    code = "\n".join(line.split("#")[0] for line in code.splitlines())
    assert not re.search(r'"[A-Z][a-z]+ [a-z]+ [a-z]+', code), "a sentence in the flow file: move it to the TOML"


def test_every_link_names_a_page_and_heading_that_exist():
    docs = PAGE.parents[1]
    for link_id, link in WORDS.get("links").items():
        page = docs / link["page"]
        assert page.exists(), f"{link_id}: no page {link['page']}"
        if link.get("anchor"):
            assert "{#" + link["anchor"] + "}" in page.read_text(encoding="utf-8"), f"{link_id}: no #{link['anchor']}"
