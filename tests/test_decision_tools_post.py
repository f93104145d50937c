"""The post tool ("Should I post this?"), question by question, finding by finding, its problems
with their fixes, and realistic situations (tests/scenarios.py).

Each class of questions says when the question is asked, when it is not, and what each answer
changes. The tests marked "defect" in their docstring failed on the old tool."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import decision_tools
from decision_tools import content, engine
from decision_tools.engine import Facts
from decision_tools.law import BY_ID as LAW
from decision_tools.result import Problem
from decision_tools.tools import post
from scenarios import Scenario, check, listed
from tool_steps import steps

ask, next_question, result = steps("post")

DOCS = Path(__file__).resolve().parent.parent / "docs"
PARISH = "parish-town-community"


def answers(*chosen: str, public_meeting="yes", state=("none",), **more) -> dict:
    return {"public_meeting": public_meeting, "content": list(chosen or ("none",)), **more, "state": list(state)}


def found(res: dict) -> list[str]:
    return [f["id"] for f in res["findings"]]


def problems(res: dict) -> dict[str, dict]:
    return {p["id"]: p for p in res["problems"]}


def text(res: dict) -> str:
    return " | ".join(res["actions"])


def asked(given: dict) -> list[str]:
    return [a["question"] for a in ask(given)["answered"]]


# -- questions -------------------------------------------------------------------------------

class TestPublicMeeting:
    def test_is_the_first_question(self):
        assert next_question({}) == "public_meeting"

    @pytest.mark.parametrize("answer", ["yes", "no"])
    def test_either_answer_goes_on_to_every_other_check(self, answer):
        """Defect: "no" stopped all the other checks."""
        assert next_question({"public_meeting": answer}) == "content"
        assert next_question({"public_meeting": answer, "content": ["none"]}) == "state"

    def test_no_is_a_problem_you_can_fix_by_rewording(self):
        res = result(answers(public_meeting="no"))
        assert res["id"] == "change-it-first"
        assert problems(res)["public-meeting"]["stop"] is False
        assert "Rewrite it" in problems(res)["public-meeting"]["fix"]

    def test_a_post_after_a_drink_that_attacks_a_family_is_flagged_for_both(self):
        """Defect: answering "no" stopped the checks, so neither was flagged."""
        res = result(answers("attack", public_meeting="no", state=("drink",)))
        assert res["id"] == "dont-post"
        assert list(problems(res)) == ["attack", "public-meeting", "drink"]
        assert problems(res)["attack"]["stop"] and not problems(res)["drink"]["stop"]
        assert {"equality", "code-of-conduct-when-you-post"} <= listed(res)

    def test_yes_adds_no_problem(self):
        assert result(answers())["problems"] == []


# Each option of "content": the problem it brings, whether rewording can fix it, and the law.
OPTIONS = {
    "confidential": ("confidential", True, {"code-of-conduct-when-you-post"}),
    "rumour": ("rumour", True, {"defamation-when-you-post"}),
    "casework": ("casework", True, {"data-protection", "private-life"}),
    "attack": ("attack", True, {"equality", "code-of-conduct-when-you-post"}),
    "person_photo": ("person-photo", False, set()),
    "others_work": ("others-work", False, {"copyright"}),
    "geotag": ("geotag", False, set()),
    "location": ("location", False, set()),
    "election": ("election", False, {"council-publicity"}),
    "unchecked": ("unchecked", False, set()),
}


class TestContent:
    def test_lets_you_choose_several_and_walks_every_pair(self):
        assert post.TOOL.question("content").kind == "any_of" and post.TOOL.question("content").pairs

    def test_none_cannot_be_chosen_with_another_option(self):
        with pytest.raises(decision_tools.InvalidAnswer, match="'content'"):
            ask({"public_meeting": "yes", "content": ["none", "rumour"]})

    def test_every_option_is_covered_here_or_by_the_planning_questions(self):
        assert set(OPTIONS) | set(post.REGULATORY) | {"none"} == set(post.TOOL.question("content").options)

    @pytest.mark.parametrize("option", list(OPTIONS))
    def test_each_option_brings_its_problem_and_its_law(self, option):
        problem, stop, law = OPTIONS[option]
        res = result(answers(option))
        assert list(problems(res)) == [problem]
        assert problems(res)[problem]["stop"] is stop
        assert res["id"] == ("dont-post" if stop else "change-it-first")
        assert listed(res) == law

    def test_none_of_these_means_go_ahead(self):
        res = result(answers())
        assert res["id"] == "go-ahead" and res["problems"] == [] and listed(res) == set()
        assert "sharing, reposting or liking something can count as publishing" in text(res)

    def test_casework_is_handled_privately_and_not_posted_even_with_a_photo(self):
        """Defect: it said "consent" and never "handle casework privately"."""
        res = result(answers("casework"))
        fix = problems(res)["casework"]["fix"]
        assert fix.startswith("Do not post it, even with a photo.")
        assert "Handle casework privately" in fix
        assert "Handle the resident's casework privately" in text(res)
        assert "monitoring-officer" in res["contacts"]

    def test_casework_with_a_photo_of_the_resident_also_needs_their_consent_for_the_photo(self):
        """Defect: a photo of a person needs consent, and consent does not make casework postable."""
        res = result(answers("casework", "person_photo"))
        assert res["id"] == "dont-post"
        assert problems(res)["casework"]["stop"] is True
        assert "clear consent of everyone who can be recognised" in problems(res)["person-photo"]["fix"]

    def test_a_rumour_is_published_by_sharing_and_you_could_be_sued(self):
        """Defect: it never said sharing is publishing, and spoke to the victim, not the poster."""
        res = result(answers("rumour"))
        assert "Sharing, reposting or even liking it can count as publishing it" in problems(res)["rumour"]["fix"]
        entry = next(e for e in res["law"] if e["id"] == "defamation-when-you-post")
        assert [el["status"] for el in entry["elements"]] == ["met", "met"]
        assert "they could sue you" in entry["plain"] and "Sharing something is publishing it" in entry["plain"]
        assert "defamation" not in listed(res)  # the entry for a false statement about the reader
        assert "you could be sued" in res["findings"][1]["title"]

    def test_a_geotagged_photo_has_its_location_taken_out(self):
        """Defect: it never said to strip location data."""
        res = result(answers("geotag"))
        fix = problems(res)["geotag"]["fix"]
        assert "Turn off location tagging" in fix and "remove the location from the photo before you post" in fix
        assert "remove the location from the photo" in text(res)
        assert any(link["anchor"] == "location" for link in res["links"])

    def test_a_photo_of_someone_elses_home_raises_their_privacy(self):
        """Defect: a photo of someone else's home was never flagged."""
        res = result(answers("someone_home", decide="no"))
        assert list(problems(res)) == ["someone-home"]
        assert listed(res) == {"private-life"}
        assert next(e for e in res["law"] if e["id"] == "private-life")["section"] == "Article 8"


class TestDecide:
    @pytest.mark.parametrize("option", post.REGULATORY)
    def test_is_asked_for_a_planning_view_or_a_photo_of_someone_elses_home(self, option):
        assert next_question({"public_meeting": "yes", "content": [option]}) == "decide"

    @pytest.mark.parametrize("option", list(OPTIONS) + ["none"])
    def test_is_not_asked_otherwise(self, option):
        assert next_question({"public_meeting": "yes", "content": [option]}) == "state"

    def test_yes_means_do_not_post_your_view_but_gives_what_is_fine_to_post(self):
        """Defect: it said "don't post" without the wording that would be fine to post."""
        res = result(answers("planning", decide="yes"))
        assert res["id"] == "dont-post"
        fix = problems(res)["predetermination"]["fix"]
        for words in ("you know about the application", "how residents can comment and by when",
                      "you will listen to all views before you decide", "you cannot say how you will vote"):
            assert words in fix
        assert "What you can post" in text(res)
        assert listed(res) == {"predetermination"}
        assert "monitoring-officer" in res["contacts"]

    def test_predetermination_is_remedied_by_quashing_the_decision(self):
        res = result(answers("planning", decide="yes"))
        entry = next(e for e in res["law"] if e["id"] == "predetermination")
        assert "quashed" in entry["plain"] and "damages" not in entry["plain"]
        summary = next(f for f in res["findings"] if f["id"] == "predetermination")["summary"]
        assert "quashed" in summary and "damages" not in summary

    def test_a_photo_of_the_applicants_house_on_a_matter_you_will_decide_is_both(self):
        """Defect: privacy and, on a matter you will decide, predetermination."""
        res = result(answers("someone_home", decide="yes"))
        assert list(problems(res)) == ["predetermination", "someone-home"]
        assert listed(res) == {"predetermination", "private-life"}
        assert "council" not in asked(answers("someone_home", decide="yes"))

    def test_not_sure_means_find_out_first(self):
        res = result(answers("planning", decide="not_sure", council="principal"))
        assert list(problems(res)) == ["decide-first"] and problems(res)["decide-first"]["stop"]
        assert "predetermination" not in listed(res)

    def test_no_means_no_predetermination(self):
        res = result(answers("planning", decide="no", council="principal"))
        assert res["id"] == "go-ahead" and "predetermination" not in listed(res)


class TestCouncil:
    @pytest.mark.parametrize("decide", ["no", "not_sure"])
    def test_is_asked_for_a_planning_view_you_will_not_decide_or_are_not_sure(self, decide):
        assert next_question({"public_meeting": "yes", "content": ["planning"], "decide": decide}) == "council"

    def test_is_not_asked_when_you_will_decide_or_for_a_home_photo_alone(self):
        assert next_question({"public_meeting": "yes", "content": ["planning"], "decide": "yes"}) == "state"
        assert next_question({"public_meeting": "yes", "content": ["someone_home"], "decide": "no"}) == "state"

    def test_its_options_are_principal_and_parish_town_community(self):
        assert post.TOOL.question("council").options == ("principal", PARISH)

    def test_on_a_parish_or_town_council_the_planning_risk_is_different(self):
        """Defect: it never said that a parish or town council comments rather than decides."""
        res = result(answers("planning", decide="no", council=PARISH))
        assert res["id"] == "go-ahead" and "parish-comments" in found(res)
        summary = next(f for f in res["findings"] if f["id"] == "parish-comments")["summary"]
        assert "comments on planning applications" in summary and "lower" in summary
        assert "also sit on the planning committee" in text(res)
        assert "clerk" in res["contacts"]

    def test_on_a_principal_council_there_is_no_parish_advice_and_no_clerk(self):
        res = result(answers("planning", "rumour", decide="no", council="principal"))
        assert "parish-comments" not in found(res)
        assert "clerk" not in res["contacts"]

    def test_a_parish_councillor_not_sure_whether_they_decide_gets_both(self):
        res = result(answers("planning", decide="not_sure", council=PARISH))
        assert {"decide-first", "parish-comments"} <= set(found(res))


class TestState:
    def test_is_always_asked_last(self):
        assert next_question({"public_meeting": "no", "content": ["attack"]}) == "state"

    @pytest.mark.parametrize("state, fix", [("tired", "after a rest"), ("angry", "until you are calm"),
                                            ("drink", "until tomorrow")])
    def test_each_means_wait(self, state, fix):
        res = result(answers(state=(state,)))
        assert res["id"] == "change-it-first"
        assert fix in problems(res)[state]["fix"] and problems(res)[state]["stop"] is False

    def test_every_state_chosen_is_a_problem(self):
        res = result(answers(state=("tired", "angry", "drink")))
        assert list(problems(res)) == ["tired", "angry", "drink"]


# -- the three results, and who to ask ---------------------------------------------------------

class TestResults:
    def test_on_every_path_the_result_follows_the_problems(self):
        for path in engine.paths(post.TOOL):
            res = decision_tools.evaluate("post", path["answers"])["result"]
            stops = [p for p in res["problems"] if p["stop"]]
            assert res["id"] == ("dont-post" if stops else "change-it-first" if res["problems"] else "go-ahead"), path
            assert all(p["problem"] and p["fix"] for p in res["problems"]), path
            assert [p["id"] for p in res["problems"]] == [f for f in found(res) if f in post.STOP_IDS + post.FIXABLE_IDS]

    @pytest.mark.parametrize("option, decide", [("confidential", None), ("planning", "yes"), ("casework", None),
                                                ("attack", None)])
    def test_the_monitoring_officer_for_the_code_planning_licensing_and_confidential_matters(self, option, decide):
        res = result(answers(option, **({"decide": decide} if decide else {})))
        assert "monitoring-officer" in res["contacts"] and "Ask the monitoring officer" in text(res)

    def test_the_communications_team_for_the_rest(self):
        res = result(answers("rumour"))
        assert "communications" in res["contacts"] and "monitoring-officer" not in res["contacts"]
        assert "Ask the communications team" in text(res)

    def test_democratic_services_for_the_pre_election_period(self):
        res = result(answers("election"))
        assert "democratic-services" in res["contacts"]
        assert "pre-election rules with democratic services" in text(res)

    def test_a_post_you_cannot_fix_says_do_not_post_first(self):
        res = result(answers("confidential", "others_work"))
        assert res["title"] == "Don't post: ask for advice first"
        assert res["actions"][0].startswith("Do not post it for now")


class TestProblems:
    """Defect: problems were untyped dictionaries; now `Problem(id, problem, fix, stop)` from the
    tool's sections, words in the content file."""

    def test_are_typed_and_come_from_the_tools_sections(self):
        facts = Facts(post.TOOL, answers("rumour", "geotag"))
        made = post.TOOL.sections(facts, content.for_tool("post"))
        assert set(made) == {"problems"}
        assert made["problems"] == [Problem("rumour", *self._words("rumour"), True),
                                    Problem("geotag", *self._words("geotag"), False)]

    @staticmethod
    def _words(pid: str) -> tuple[str, str]:
        said = content.for_tool("post")
        return said.text("problems", pid, "problem"), said.text("problems", pid, "fix")

    def test_every_problem_has_its_words_and_every_word_a_problem(self):
        said = content.for_tool("post").get("problems")
        assert set(said) == set(post.STOP_IDS + post.FIXABLE_IDS)
        for pid, words in said.items():
            assert words["problem"] and words["fix"], pid

    def test_problems_that_rewording_cannot_fix_are_stops(self):
        assert set(post.STOP_IDS) == {"confidential", "predetermination", "decide-first", "rumour", "casework", "attack"}


class TestLaw:
    def test_the_tool_defines_every_fact_its_law_reads(self):
        needed = {e.fact for law_id in post.TOOL.law for e in LAW[law_id].elements if e.fact}
        assert needed == {"might_be_untrue", "posting", "regulatory_view", "personal_data", "private_life",
                          "someone_elses_work", "attacks_people", "conduct_risk", "council_resources"}
        assert needed <= set(post.TOOL.rules)

    def test_unticked_options_are_not_known_not_no(self):
        facts = Facts(post.TOOL, answers("geotag"))
        assert facts["might_be_untrue"] is None and facts["attacks_people"] is None and facts["posting"] is True


# -- findings ---------------------------------------------------------------------------------

# One set of answers that finds each finding, and words its result must contain (its actions or
# its problem's fix).
FINDS = {
    "dont-post": (answers("attack"), "Do not post it for now"),
    "change-it-first": (answers("others_work"), "Fix each problem listed below"),
    "go-ahead": (answers(), "Read it once more"),
    "confidential": (answers("confidential"), "Confidential information stays confidential"),
    "predetermination": (answers("planning", decide="yes"), "What you can post"),
    "decide-first": (answers("someone_home", decide="not_sure"), "Ask the monitoring officer whether you will"),
    "rumour": (answers("rumour"), "you could be sued for defamation"),
    "casework": (answers("casework"), "Handle casework privately"),
    "attack": (answers("attack"), "Criticise ideas, policies and decisions"),
    "public-meeting": (answers(public_meeting="no"), "Rewrite it"),
    "person-photo": (answers("person_photo"), "clear consent"),
    "someone-home": (answers("someone_home", decide="no"), "Take out the photo of their home"),
    "others-work": (answers("others_work"), "Ask the owner's permission"),
    "geotag": (answers("geotag"), "Turn off location tagging"),
    "location": (answers("location"), "once you have left"),
    "election": (answers("election"), "Take out council logos"),
    "unchecked": (answers("unchecked"), "Check it with a reliable source"),
    "tired": (answers(state=("tired",)), "after a rest"),
    "angry": (answers(state=("angry",)), "until you are calm"),
    "drink": (answers(state=("drink",)), "until tomorrow"),
    "parish-comments": (answers("planning", decide="no", council=PARISH), "keep an open mind"),
}


def test_every_finding_has_a_test():
    assert set(FINDS) == {f.id for f in post.TOOL.findings}


@pytest.mark.parametrize("finding", list(FINDS))
def test_each_finding_is_found_with_its_advice(finding):
    given, words = FINDS[finding]
    res = result(given)
    assert finding in found(res)
    assert words in text(res) + " | " + " | ".join(p["fix"] for p in res["problems"])


@pytest.mark.parametrize("finding", [f for f in FINDS if post.TOOL.finding(f).facts])
def test_each_finding_gives_its_reasons_from_the_answers(finding):
    res = result(FINDS[finding][0])
    assert next(f for f in res["findings"] if f["id"] == finding)["because"], finding


class TestLinks:
    def test_every_page_and_anchor_a_result_links_to_exists(self):
        heading = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}")
        seen = set()
        for path in engine.paths(post.TOOL):
            for link in decision_tools.evaluate("post", path["answers"])["result"]["links"]:
                seen.add((link["page"], link["anchor"]))
        for page, anchor in seen:
            assert (DOCS / page).is_file(), page
            if anchor:
                assert anchor in heading.findall((DOCS / page).read_text(encoding="utf-8")), f"{page}#{anchor}"


# -- scenarios -----------------------------------------------------------------------------

SEED_000 = "seeds/000_43ba1d0ede3bf5f8.txt"
SEED_001 = "seeds/001_2f8766a3a59d69fe.txt"
SEED_002 = "seeds/002_e2c6141d2f1c3321.txt"
SEED_003 = "seeds/003_69404f5df1353011.txt"
SEED_004 = "seeds/004_9e474d44761089c6.txt"

SCENARIOS = [
    Scenario("sharing what was said in a closed session", f"{SEED_003} Accountability (confidential or exempt information)",
             "post", answers("confidential"), "routine", lead="dont-post", contacts=("monitoring-officer",),
             offences=("code-of-conduct-when-you-post",),
             extra={"problems": {"confidential": "ask the monitoring officer"}}),
    Scenario("backing a planning application you will vote on", f"{SEED_002} Bias and pre-determination; "
             f"{SEED_003} Objectivity", "post", answers("planning", decide="yes"), "routine", lead="dont-post",
             offences=("predetermination",), actions=("how residents can comment on it, and by when",),
             contacts=("monitoring-officer",),
             extra={"problems": {"predetermination": "you cannot say how you will vote"}}),
    Scenario("a photo of a planning applicant's house, on an application you will decide",
             f"{SEED_002} Bias and pre-determination; Human rights (Article 8)", "post",
             answers("someone_home", "planning", decide="yes"), "routine", lead="dont-post",
             offences=("predetermination", "private-life"), mixed=True,
             extra={"problems": {"predetermination": "Do not post your view",
                                 "someone-home": "Take out the photo of their home"}}),
    Scenario("a town councillor's view on a housing application the district council will decide",
             "content guide: councillors of every kind (parish and town councils comment on planning applications)",
             "post", answers("planning", decide="no", council=PARISH), "routine", lead="go-ahead",
             not_offences=("predetermination",), findings=("parish-comments",), contacts=("clerk",),
             actions=("keep an open mind",), extra={"problems": {}}),
    Scenario("a rumour that a named developer bribed officers, shared from a local group",
             f"{SEED_004} Consider the Code of Conduct (passing on untrue statements); {SEED_003} libel",
             "post", answers("rumour", "attack"), "routine", lead="dont-post",
             offences=("defamation-when-you-post", "equality", "code-of-conduct-when-you-post"), mixed=True,
             contacts=("communications", "legal-services", "monitoring-officer"),
             extra={"problems": {"rumour": "Sharing, reposting or even liking it", "attack": "not people"}}),
    Scenario("thanking a resident by name, with a photo, for raising their housing case",
             f"{SEED_003} Data Protection (a councillor is a data controller); {SEED_002} photographs need express permission",
             "post", answers("casework", "person_photo"), "routine", lead="dont-post",
             offences=("data-protection", "private-life"), actions=("casework privately",), mixed=True,
             extra={"problems": {"casework": "even with a photo", "person-photo": "clear consent"}}),
    Scenario("a party leaflet photo using the council logo before an election",
             f"{SEED_002} Electioneering (council resources, the pre-election period)", "post", answers("election"),
             "routine", lead="change-it-first", offences=("council-publicity",), contacts=("democratic-services",),
             extra={"problems": {"election": "check the pre-election rules with democratic services"}}),
    Scenario("a photo from a local photographer, posted live from the event with the location on",
             f"{SEED_003} Copyright; {SEED_001} 3.2.4 location-based information", "post",
             answers("others_work", "geotag"), "routine", lead="change-it-first", offences=("copyright",), mixed=True,
             actions=("Turn off location tagging",),
             extra={"problems": {"others-work": "permission", "geotag": "remove the location from the photo"}}),
    Scenario("an angry reply written at midnight after a drink, attacking a resident's family",
             f"{SEED_002} Netiquette (avoid social media when tired, angry or upset); {SEED_004} the golden rule "
             "(would you say it at a public meeting?)", "post",
             answers("attack", public_meeting="no", state=("tired", "angry", "drink")), "routine", lead="dont-post",
             offences=("equality", "code-of-conduct-when-you-post"), mixed=True,
             extra={"problems": {"attack": "Criticise ideas", "public-meeting": "Rewrite it", "tired": "after a rest",
                                 "angry": "until you are calm", "drink": "until tomorrow"}}),
    Scenario("sharing a news story you have not read", f"{SEED_004} Use your voice to tackle misinformation "
             "(verify what you share)", "post", answers("unchecked"), "routine", lead="change-it-first",
             actions=("can count as publishing it yourself",),
             extra={"problems": {"unchecked": "Check it with a reliable source"}}),
    Scenario("a photo of you opening the new playground, taken yourself", f"{SEED_004} Information sharing with "
             "the community", "post", answers(), "routine", lead="go-ahead", first_action="Read it once more",
             extra={"problems": {}}),
    Scenario("a mocking post about a group of residents", f"{SEED_002} Equality and discrimination", "post",
             answers("attack"), "routine", lead="dont-post", offences=("equality",),
             extra={"problems": {"attack": "Do not post it"}}),
    Scenario("a post that you are at the gym right now, with a photo of your children",
             f"{SEED_000} personal security (family, vehicle and home details); {SEED_001} 3.2.7 photos", "post",
             answers("location", "person_photo"), "routine", lead="change-it-first", mixed=True,
             extra={"problems": {"location": "once you have left", "person-photo": "clear consent"}}),
    Scenario("a licensing decision you are not sure you will sit on", f"{SEED_002} Bias and pre-determination",
             "post", answers("planning", decide="not_sure", council="principal"), "routine", lead="dont-post",
             not_offences=("predetermination",), not_contacts=("clerk",),
             extra={"problems": {"decide-first": "Ask the monitoring officer whether you will"}}),
    Scenario("a post you would not say at a public meeting, but nothing else wrong",
             f"{SEED_004} Be aware of what you share (never post what you would not say in a public meeting)",
             "post", answers(public_meeting="no"), "routine", lead="change-it-first",
             extra={"problems": {"public-meeting": "Do not post it as it is"}}),
    Scenario("a photo of a neighbour's extension you object to, on an application you will not decide",
             f"{SEED_002} Human rights (Article 8)", "post",
             answers("someone_home", "planning", decide="no", council="principal"), "routine",
             lead="change-it-first", offences=("private-life",), not_offences=("predetermination",), mixed=True,
             extra={"problems": {"someone-home": "unless they have clearly agreed"}}),
]


def test_there_are_enough_scenarios_and_enough_of_them_mixed():
    assert len(SCENARIOS) >= 15 and sum(s.mixed for s in SCENARIOS) >= 6
    assert all(s.source and s.tool == "post" for s in SCENARIOS)
    assert len({s.name for s in SCENARIOS}) == len(SCENARIOS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_scenario(scenario: Scenario):
    res = check(scenario)
    expected = scenario.extra["problems"]
    assert set(problems(res)) == set(expected), f"{scenario.id}: problems {sorted(problems(res))}"
    for pid, words in expected.items():
        assert words.lower() in problems(res)[pid]["fix"].lower(), f"{scenario.id}: the fix for {pid}"
