"""The report tool ("Should I report it, and who to?"), question by question, finding by finding,
over every path, and in realistic situations.

Each class named after a question says when it is asked, when it is not, and what each answer
changes. `TestFindings` gives each finding a situation that finds it and one that does not.
`TestEveryPath` checks the promises that must hold on all enumerated paths. `SCENARIOS` are
situations from the source documents (shared/seeds) and the content guide, with what a careful
adviser would say.

The facts the expectations rest on (content guide, "The law has moved", checked December 2026):
- Operation Ford (from March 2025): every force has a Force Elected Official Adviser for
  councillors, elected mayors, police and crime commissioners and candidates, who gives safety
  advice and briefings but takes no crime reports. Crimes are still reported on 999, 101 or
  online, saying it is an "Operation Ford" incident. Parish, town and community councillors are
  not covered: they report the same way, without the flag.
- Code of conduct complaints: in England to the monitoring officer (for a parish or town
  councillor, the principal council's); in Wales (Local Government Act 2000, Part 3) to the
  Public Services Ombudsman for Wales.
- Defamation Act 2013 s5 and the Defamation (Operators of Websites) Regulations 2013: a notice of
  complaint to the website operator, the route that works when the poster is anonymous.
- The Local Authorities (Indemnities for Members and Officers) Order 2004 (SI 2004/3082), and in
  Wales the 2006 Order (SI 2006/249): the council cannot fund a councillor's defamation claim.
- An officer's conduct is for the council as their employer (human resources or the line
  manager; on a parish or town council, where the clerk is the officer, the chair), not the
  monitoring officer, who deals with councillors' conduct.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

import pytest

import decision_tools
from decision_tools import engine
from decision_tools.tools import report
from scenarios import Scenario, check, listed
from tool_steps import steps

TOOL = "report"
ask, next_question, result = steps(TOOL)

SAFE = {"danger": "no"}
ENGLAND = {**SAFE, "council": "england_principal"}
PARISH = {**SAFE, "council": "england_local"}
WALES = {**SAFE, "council": "wales_principal"}
COMMUNITY = {**SAFE, "council": "wales_local"}

OP_FORD = "\"Operation Ford\" incident"
NOT_COVERED = "Operation Ford does not cover parish, town and community councillors"
REGISTER = "register of potentially violent persons"
PASS_ON = "Pass the complaint to"
REPORTABLE = report.REPORTABLE
WHAT = [v for v in report.TOOL.question("what_happened").options if v != "none"]
WHERE = [v for v in report.TOOL.question("where").options if v != "none"]


def answers(council="england_principal", what=("abuse",), sender="public", where=("none",)) -> dict:
    """A full set of answers, leaving out the questions the tool does not put."""
    out = {**SAFE, "council": council, "what_happened": list(what)}
    if set(what) & set(REPORTABLE):
        out["sender"] = sender
        if sender in ("public", "anonymous"):
            out["where"] = list(where)
    return out


def run(**kw) -> dict:
    return result(answers(**kw))


def found(res: dict) -> list[str]:
    return [f["id"] for f in res["findings"]]


def said(res: dict) -> str:
    return " | ".join(res["actions"])


def reasons(res: dict) -> list[str]:
    return [b for f in res["findings"] for b in f["because"]]


def action_with(res: dict, words: str) -> int:
    """The index of the first action containing `words` (failing if there is none)."""
    return next(i for i, a in enumerate(res["actions"]) if words.lower() in a.lower())


def labels(qid: str) -> dict[str, str]:
    return {o["value"]: o["label"] for o in ask(_before(qid))["question"]["options"]}


def _before(qid: str) -> dict:
    return {"danger": {}, "council": SAFE, "what_happened": ENGLAND,
            "sender": {**ENGLAND, "what_happened": ["abuse"]},
            "where": {**ENGLAND, "what_happened": ["abuse"], "sender": "public"}}[qid]


@lru_cache(maxsize=None)
def every_path() -> tuple[tuple[dict, dict], ...]:
    """(answers, result) for every enumerated path, worked out once."""
    return tuple((p["answers"], decision_tools.evaluate(TOOL, p["answers"])["result"])
                 for p in engine.paths(report.TOOL))


# -- question by question ------------------------------------------------------------------------

class TestDanger:
    def test_is_the_first_question(self):
        assert next_question({}) == "danger"

    def test_yes_asks_nothing_more_and_says_call_999_first(self):
        out = ask({"danger": "yes"})
        assert out["status"] == "result" and [a["question"] for a in out["answered"]] == ["danger"]
        res = out["result"]
        assert res["id"] == "emergency" and res["urgency"] == "emergency"
        assert res["actions"][0].startswith("Call 999")
        assert res["contacts"][0] == "police-emergency"

    def test_yes_still_says_how_operation_ford_works_since_it_sends_the_reader_to_the_police(self):
        text = said(result({"danger": "yes"}))
        assert OP_FORD in text and "Parish, town and community councillors are not covered" in text

    def test_no_asks_what_kind_of_council_next(self):
        assert next_question(SAFE) == "council"


class TestCouncil:
    def test_is_asked_early_straight_after_danger(self):
        assert [q.id for q in report.TOOL.questions][:2] == ["danger", "council"]
        assert next_question(SAFE) == "council"

    def test_offers_the_four_kinds_of_council(self):
        options = labels("council")
        assert list(options) == ["england_principal", "england_local", "wales_principal", "wales_local"]
        for words in ("county", "district", "unitary", "metropolitan borough", "London borough"):
            assert words in options["england_principal"]
        assert "parish or town" in options["england_local"] and "England" in options["england_local"]
        assert "county or county borough" in options["wales_principal"] and "Wales" in options["wales_principal"]
        assert "community or town" in options["wales_local"] and "Wales" in options["wales_local"]

    @pytest.mark.parametrize("council", ["england_principal", "wales_principal"])
    def test_a_principal_councillor_gets_operation_ford_and_the_adviser_not_the_clerk(self, council):
        res = run(council=council, what=["threat"])
        assert "operation-ford" in found(res) and OP_FORD in said(res)
        assert "police-adviser" in res["contacts"] and "clerk" not in res["contacts"]

    @pytest.mark.parametrize("council", ["england_local", "wales_local"])
    def test_a_local_councillor_gets_the_clerk_and_no_adviser(self, council):
        res = run(council=council, what=["threat"])
        assert "local-council-police" in found(res) and "operation-ford" not in found(res)
        assert NOT_COVERED in said(res)
        assert "clerk" in res["contacts"] and "police-adviser" not in res["contacts"]

    def test_the_clerk_is_the_first_contact_on_a_parish_council(self):
        assert "Tell your clerk" in said(run(council="england_local"))
        assert "Tell member support" in said(run(council="england_principal"))

    @pytest.mark.parametrize("council, words", [
        ("england_principal", "code of conduct to the monitoring officer"),
        ("england_local", "monitoring officer of your principal council"),
        ("wales_principal", "Public Services Ombudsman for Wales"),
        ("wales_local", "Public Services Ombudsman for Wales"),
    ])
    def test_code_of_conduct_complaints_go_where_the_law_sends_them(self, council, words):
        assert words in said(run(council=council, sender="councillor"))

    def test_wales_is_not_sent_to_an_english_monitoring_officer_complaint(self):
        assert "code of conduct to the monitoring officer" not in said(run(council="wales_principal", sender="councillor"))

    def test_every_answer_is_asked_only_where_the_advice_differs(self):
        """On every path, the four kinds of council do not all give the same advice."""
        seen = {}
        for path_answers, res in every_path():
            if "council" not in path_answers:
                continue
            rest = tuple(sorted((k, str(v)) for k, v in path_answers.items() if k != "council"))
            seen.setdefault(rest, set()).add((tuple(res["actions"]), tuple(res["contacts"])))
        assert seen and all(len(outcomes) > 1 for outcomes in seen.values())


class TestWhatHappened:
    def test_is_asked_after_the_council(self):
        assert next_question(ENGLAND) == "what_happened"

    def test_is_the_one_question_walked_in_pairs(self):
        assert [q.id for q in report.TOOL.questions if q.pairs] == ["what_happened"]

    def test_none_cannot_be_chosen_with_another_option(self):
        with pytest.raises(decision_tools.InvalidAnswer, match="'what_happened'"):
            ask({**ENGLAND, "what_happened": ["none", "abuse"]})

    @pytest.mark.parametrize("option, finding", [
        ("threat", "threat"), ("hate", "hate-incident"), ("abuse", "abuse"), ("repeated", "repeated-contact"),
        ("home_family", "home-safety"), ("false", "false-statements"), ("complaint", "complaint"),
        ("affecting", "wellbeing"), ("none", "keep-a-record")])
    def test_each_option_brings_its_own_finding(self, option, finding):
        assert finding in found(run(what=[option]))

    @pytest.mark.parametrize("a, b", list(itertools.combinations(WHAT, 2)))
    def test_every_pair_keeps_the_advice_of_each_on_its_own(self, a, b):
        one, two, both = (run(what=w, sender="public", where=["none"]) for w in ([a], [b], [a, b]))
        assert set(found(one)) | set(found(two)) <= set(found(both))
        assert set(one["actions"]) | set(two["actions"]) <= set(both["actions"])

    @pytest.mark.parametrize("what", [["complaint"], ["affecting"], ["none"], ["complaint", "affecting"]])
    def test_without_anything_to_report_it_asks_no_more(self, what):
        assert ask({**ENGLAND, "what_happened": what})["status"] == "result"

    def test_a_plain_complaint_is_passed_to_officers_first_with_no_register(self):
        res = run(what=["complaint"])
        assert res["id"] == "complaint" and res["urgency"] == "routine"
        assert res["actions"][0].startswith(PASS_ON + " officers")
        assert "register" not in said(res).lower()
        assert "register" not in found(res)

    def test_a_complaint_with_abuse_keeps_pass_to_officers_and_adds_the_register(self):
        res = run(what=["complaint", "abuse"])
        assert {"complaint", "abuse", "register"} <= set(found(res))
        assert PASS_ON + " officers" in said(res) and REGISTER in said(res)

    def test_home_or_family_mentioned_turns_the_result_to_safety_at_home(self):
        res = run(what=["home_family"])
        assert res["id"] == "home-safety"
        assert "Force Elected Official Adviser" in said(res) and "police-adviser" in res["contacts"]
        assert "people you live with" in said(res) and REGISTER in said(res)
        assert any(link["anchor"] == "home-security" for link in res["links"])

    def test_home_or_family_on_a_parish_council_means_101_not_the_adviser(self):
        res = run(council="england_local", what=["home_family"])
        assert "call 101" in said(res) and "police-adviser" not in res["contacts"]

    def test_affecting_you_brings_wellbeing_and_samaritans(self):
        res = run(what=["abuse", "affecting"])
        assert {"wellbeing", "samaritans"} <= set(res["contacts"]) and "116 123" in said(res)

    def test_not_affecting_you_leaves_them_out(self):
        res = run(what=["abuse"])
        assert not {"wellbeing", "samaritans"} & set(res["contacts"]) and "116 123" not in said(res)

    def test_the_repeated_option_can_be_ticked_by_a_reader_of_an_anonymous_account(self):
        label = labels("what_happened")["repeated"]
        assert "account" in label
        hint = next(o["hint"] for o in ask(ENGLAND)["question"]["options"] if o["value"] == "repeated")
        assert "cannot tell who" in hint


class TestSender:
    @pytest.mark.parametrize("option", REPORTABLE)
    def test_is_asked_for_anything_to_report(self, option):
        assert next_question({**ENGLAND, "what_happened": [option]}) == "sender"

    def test_has_an_i_dont_know_answer(self):
        assert labels("sender")["anonymous"].startswith("I don't know")

    def test_another_councillor_goes_to_the_code_of_conduct_and_the_political_group(self):
        res = run(sender="councillor")
        assert res["id"] == "councillor-conduct"
        assert "code-of-conduct" in listed(res)
        assert {"monitoring-officer", "political-group"} <= set(res["contacts"])

    def test_an_officer_goes_to_human_resources_not_the_monitoring_officer(self):
        res = run(sender="officer")
        assert res["id"] == "officer-conduct"
        assert "human-resources" in res["contacts"] and "monitoring-officer" not in res["contacts"]
        assert "human resources" in said(res) and "code-of-conduct" not in listed(res)

    @pytest.mark.parametrize("council", ["england_local", "wales_local"])
    def test_an_officer_on_a_local_council_goes_to_the_chair_not_the_clerk(self, council):
        res = run(council=council, sender="officer")
        assert "chair of the council" in said(res)
        assert not {"clerk", "human-resources", "monitoring-officer"} & set(res["contacts"])
        assert "Tell your clerk" not in said(res)

    def test_a_member_of_the_public_is_neither_code_of_conduct_nor_hr(self):
        res = run(sender="public")
        assert not {"councillor-conduct", "officer-conduct"} & set(found(res))
        assert not {"monitoring-officer", "human-resources"} & set(res["contacts"])

    def test_i_dont_know_has_its_own_advice_and_rules_nothing_out(self):
        res = run(sender="anonymous")
        assert "anonymous" in found(res)
        assert "username" in said(res) and "If you think another councillor is behind it" in said(res)
        assert "Once you, the police or the council know who it is" in said(res)
        facts = engine.Facts(report.TOOL, answers(sender="anonymous"))
        assert facts["by_a_councillor"] is None and facts["by_an_officer"] is None
        assert not any("not" in r and "councillor" in r for r in reasons(res))

    @pytest.mark.parametrize("sender, asked", [("public", True), ("anonymous", True), ("councillor", False),
                                               ("officer", False)])
    def test_where_is_asked_only_for_someone_outside_the_council(self, sender, asked):
        out = ask({**ENGLAND, "what_happened": ["abuse"], "sender": sender})
        assert (out["status"] == "question" and out["question"]["id"] == "where") == asked


class TestWhere:
    BASE = {"what": ["abuse"], "sender": "public"}

    @pytest.mark.parametrize("option, finding, anchor", [
        ("x", "on-x", "x"), ("facebook", "on-facebook", "facebook-groups"), ("instagram", "on-instagram", "instagram"),
        ("other_platform", "on-another-platform", "other-platforms"), ("blog", "on-a-blog", "blogs"),
        ("email", "by-email", "email"), ("letter", "by-letter", "letters"), ("phone", "by-phone", "phone"),
        ("in_person", "in-person", "meetings"), ("home", "home-safety", "home-security")])
    def test_each_place_brings_its_own_steps_and_guidance(self, option, finding, anchor):
        res = run(**self.BASE, where=[option])
        assert finding in found(res)
        assert any(link["anchor"] == anchor for link in res["links"])

    def test_somewhere_else_brings_no_platform_or_channel_steps(self):
        res = run(**self.BASE, where=["none"])
        assert not {f for f in found(res) if f.startswith(("on-", "by-"))}

    def test_x_is_x_and_reports_from_the_post_profile_or_message(self):
        text = said(run(**self.BASE, where=["x"]))
        assert "to X" in text and "the post, the profile or the message" in text and "Twitter" not in text

    def test_facebook_goes_to_the_page_or_group_admin_first(self):
        res = run(**self.BASE, where=["facebook"])
        text = res["actions"][action_with(res, "admin")]
        assert text.index("admin") < text.index("report the post or the group to Facebook")

    def test_a_blog_has_its_host_and_the_website_operator_notice_as_routes(self):
        text = said(run(**self.BASE, where=["blog"]))
        assert "hosting provider" in text
        assert "notice of complaint under section 5 of the Defamation Act 2013" in text and "anonymous" in text
        assert "nowhere to report" not in text and "no community standards to report to" not in text

    def test_an_emailed_threat_keeps_the_emails_first_and_filters_only_after(self):
        res = run(what=["threat"], sender="public", where=["email"])
        keep, filt = action_with(res, "Keep the emails"), action_with(res, "filtering")
        assert keep < filt
        assert "IT service desk can help you keep them" in res["actions"][keep]
        assert res["actions"][filt].startswith("Once the evidence is kept")
        assert not any("IT" in a and "block" in a for a in res["actions"])
        assert "it-service-desk" in res["contacts"]

    def test_letters_and_calls_have_their_own_evidence_steps(self):
        assert "plastic wallet" in said(run(**self.BASE, where=["letter"]))
        assert "number of every call" in said(run(**self.BASE, where=["phone"]))

    def test_a_visit_to_the_home_turns_to_safety_at_home_and_the_police_powers_there(self):
        res = run(**self.BASE, where=["home"])
        assert res["id"] == "home-safety" and REGISTER in said(res)
        assert {"police-direction-at-home", "harassment-at-home"} <= listed(res)


# -- finding by finding ----------------------------------------------------------------------------

FINDING_CASES = {
    # finding: (answers that find it, answers that do not)
    "emergency": ({"danger": "yes"}, answers()),
    "threat": (answers(what=["threat"]), answers(what=["abuse"])),
    "home-safety": (answers(what=["home_family"]), answers(what=["abuse"], where=["letter"])),
    "hate-incident": (answers(what=["hate"]), answers(what=["abuse"])),
    "repeated-contact": (answers(what=["repeated"]), answers(what=["abuse"])),
    "councillor-conduct": (answers(sender="councillor"), answers(sender="anonymous")),
    "officer-conduct": (answers(sender="officer"), answers(sender="councillor")),
    "false-statements": (answers(what=["false"]), answers(what=["abuse"])),
    "abuse": (answers(what=["abuse"]), answers(what=["hate"])),
    "complaint": (answers(what=["complaint"]), answers(what=["abuse"])),
    "wellbeing": (answers(what=["affecting"]), answers(what=["abuse"])),
    "keep-a-record": (answers(what=["none"]), answers(what=["complaint"])),
    "register": (answers(what=["abuse"]), answers(what=["false"])),
    "anonymous": (answers(sender="anonymous"), answers(sender="public")),
    "on-x": (answers(where=["x"]), answers(where=["facebook"])),
    "on-facebook": (answers(where=["facebook"]), answers(where=["x"])),
    "on-instagram": (answers(where=["instagram"]), answers(where=["x"])),
    "on-another-platform": (answers(where=["other_platform"]), answers(where=["x"])),
    "on-a-blog": (answers(where=["blog"]), answers(where=["x"])),
    "by-email": (answers(where=["email"]), answers(where=["letter"])),
    "by-letter": (answers(where=["letter"]), answers(where=["email"])),
    "by-phone": (answers(where=["phone"]), answers(where=["email"])),
    "in-person": (answers(where=["in_person"]), answers(where=["home"])),
    "operation-ford": (answers(what=["threat"]), answers(council="england_local", what=["threat"])),
    "local-council-police": (answers(council="wales_local", what=["hate"]), answers(council="wales_local")),
}


class TestFindings:
    def test_every_finding_has_a_case(self):
        assert set(FINDING_CASES) == {f.id for f in report.TOOL.findings}

    @pytest.mark.parametrize("finding", list(FINDING_CASES))
    def test_found_when_its_condition_holds_and_not_otherwise(self, finding):
        yes, no = FINDING_CASES[finding]
        assert finding in found(result(yes))
        assert finding not in found(result(no))

    def test_a_threat_is_urgent_and_leads_over_everything_but_danger(self):
        res = run(what=["threat", "complaint"], sender="councillor")
        assert res["id"] == "threat" and res["urgency"] == "urgent"
        assert res["actions"][0].startswith("If you think the threat could be carried out soon")

    def test_a_threat_is_reported_today_and_a_fire_threat_is_covered_too(self):
        text = said(run(what=["threat"]))
        assert "police today" in text and "set fire to your home" in text
        assert "set fire" in labels("what_happened")["threat"]

    def test_a_threat_lists_no_offence_it_cannot_settle_and_points_to_the_harassment_tool(self):
        res = run(what=["threat"], where=["email"])
        assert not listed(res) & {"threats-to-kill", "threatening-communications", "threats-to-damage-property"}
        assert res["offences"] == []
        assert any(link["page"] == "tools/harassment.md" for link in res["links"])
        assert "Could this be harassment, or another offence?" in said(res)

    def test_false_statements_have_every_step_and_the_council_cannot_fund_a_claim(self):
        res = run(what=["false"], where=["facebook"])
        assert {"defamation", "website-operator-notice", "indemnities"} <= listed(res)
        first_record = action_with(res, "Keep a dated record")
        assert first_record < action_with(res, "remove it") < action_with(res, "notice of complaint")
        assert "own legal advice" in said(res) and "cannot fund a councillor's defamation claim" in said(res)
        indemnities = next(e for e in res["law"] if e["id"] == "indemnities")
        assert "SI 2004/3082" in indemnities["section"] and "SI 2006/249" in indemnities["section"]

    def test_the_website_operator_notice_is_the_route_for_an_anonymous_poster(self):
        text = said(run(what=["false"], sender="anonymous", where=["other_platform"]))
        assert "Because you do not know who posted it" in text and "route that works" in text

    def test_false_statements_on_a_blog_say_the_notice_once(self):
        res = run(what=["false"], where=["blog"])
        assert said(res).count("notice of complaint") == 1

    def test_the_website_operator_notice_is_listed_only_for_something_posted_online(self):
        assert "website-operator-notice" not in listed(run(what=["false"], where=["letter"]))
        assert "website-operator-notice" in listed(run(what=["false"], where=["instagram"]))

    def test_repeated_contact_lists_harassment_as_may_apply_with_what_it_needs_not_known(self):
        res = run(what=["repeated"], where=["email"])
        entry = next(e for e in res["offences"] if e["id"] == "harassment")
        assert entry["status"] == "may apply"
        statuses = {el["id"]: el["status"] for el in entry["elements"]}
        assert statuses["course"] == "met" and statuses["alarm"] == "not known"

    def test_abuse_alone_lists_no_offence(self):
        assert run(what=["abuse"], where=["x"])["offences"] == []

    def test_hostility_counts_in_sentencing_only_with_an_offence_it_goes_with(self):
        assert "hostility-in-sentencing" not in listed(run(what=["hate"]))
        assert "hostility-in-sentencing" in listed(run(what=["hate", "repeated"]))

    def test_the_register_is_only_for_someone_outside_the_council(self):
        assert "register" not in found(run(what=["threat"], sender="councillor"))
        assert "register" in found(run(what=["threat"], sender="public"))


# -- every path ----------------------------------------------------------------------------------

class TestEveryPath:
    def test_the_tool_keeps_within_its_path_budget(self):
        assert len(every_path()) <= 4000

    def test_every_result_keeps_a_record(self):
        for path_answers, res in every_path():
            assert re.search(r"\b(record|note|write down)\b", said(res), re.I), path_answers

    def test_wherever_it_sends_the_reader_to_the_police_it_says_how_operation_ford_applies(self):
        for path_answers, res in every_path():
            text = said(res)
            if re.search(r"\b(999|101)\b", text):
                local = path_answers.get("council") in ("england_local", "wales_local")
                principal = path_answers.get("council") in ("england_principal", "wales_principal")
                assert (OP_FORD in text or not principal) and (NOT_COVERED in text or not local), path_answers

    def test_no_adviser_or_hr_for_a_local_councillor_and_no_clerk_for_a_principal_one(self):
        for path_answers, res in every_path():
            council = path_answers.get("council", "")
            if council.endswith("_local"):
                assert not {"police-adviser", "human-resources"} & set(res["contacts"]), path_answers
            if council.endswith("_principal"):
                assert "clerk" not in res["contacts"], path_answers

    def test_an_officers_conduct_never_goes_to_the_monitoring_officer(self):
        for path_answers, res in every_path():
            if path_answers.get("sender") == "officer":
                assert "monitoring-officer" not in res["contacts"], path_answers
                assert "monitoring officer deals with councillors' conduct, not officers'" in said(res) \
                    or "chair of the council" in said(res), path_answers

    def test_the_register_appears_only_where_it_belongs(self):
        for path_answers, res in every_path():
            what = set(path_answers.get("what_happened", ()))
            # Abuse, a threat, hate, repeated contact, the home or family named, or a visit home:
            # written out here, not read from the tool.
            belongs = path_answers.get("sender") in ("public", "anonymous") and bool(
                what & {"threat", "hate", "abuse", "repeated", "home_family"} or "home" in path_answers.get("where", ()))
            assert (REGISTER in said(res)) == belongs, path_answers

    def test_every_ticked_situation_keeps_its_own_finding(self):
        own = {"threat": "threat", "hate": "hate-incident", "abuse": "abuse", "repeated": "repeated-contact",
               "home_family": "home-safety", "false": "false-statements", "complaint": "complaint",
               "affecting": "wellbeing"}
        for path_answers, res in every_path():
            for option in path_answers.get("what_happened", ()):
                if option in own:
                    assert own[option] in found(res), path_answers
            if "complaint" in path_answers.get("what_happened", ()):
                assert PASS_ON in said(res), path_answers

    def test_emails_are_always_kept_before_any_filtering(self):
        for path_answers, res in every_path():
            if "email" in path_answers.get("where", ()):
                assert action_with(res, "Keep the emails") < action_with(res, "filtering"), path_answers

    def test_no_threat_is_ever_given_an_offence(self):
        for path_answers, res in every_path():
            assert not listed(res) & {"threats-to-kill", "threatening-communications", "threats-to-damage-property"}


# -- realistic situations ----------------------------------------------------------------------

def S(name, source, answered, urgency, **expect) -> Scenario:  # noqa: N802 - reads as a table
    return Scenario(name=name, source=source, tool=TOOL, answers=answered, urgency=urgency, **expect)


GUIDE_FORD = "CONTENT_GUIDE.md, The law has moved: Operation Ford (December 2026)"
GUIDE_S5 = "CONTENT_GUIDE.md, The law has moved: Defamation Act 2013 s5"
GUIDE_WALES = "CONTENT_GUIDE.md, The law has moved: Wales"
SEED_TOWN = "seeds/001_2f8766a3a59d69fe.txt"
SEED_MET = "seeds/000_43ba1d0ede3bf5f8.txt"
SEED_CITY = "seeds/003_69404f5df1353011.txt"
SEED_LGA = "seeds/004_9e474d44761089c6.txt"
THREAT_LAW = ("threats-to-kill", "threatening-communications", "threats-to-damage-property")

SCENARIOS = [
    S("someone shouting outside your house right now", f"{SEED_TOWN} 1.2 (make sure you are safe)",
      {"danger": "yes"}, "emergency", lead="emergency", first_action="Call 999 now",
      actions=(OP_FORD,), contacts=("police-emergency",)),
    S("a death threat on X from an anonymous account", f"{SEED_TOWN} 5.4.2; {GUIDE_FORD}",
      answers(what=["threat"], sender="anonymous", where=["x"]), "urgent", lead="threat",
      not_offences=THREAT_LAW, first_action="call 999", actions=(OP_FORD, "Report the post, the account"),
      contacts=("police-non-emergency", "police-adviser"), not_contacts=("clerk",),
      findings=("on-x", "anonymous", "operation-ford")),
    S("a threat emailed to a district councillor", f"{SEED_CITY} (ICT can help block communications)",
      answers(what=["threat"], sender="public", where=["email"]), "urgent", lead="threat",
      not_offences=THREAT_LAW, first_action="call 999", actions=("Keep the emails", "Once the evidence is kept"),
      not_actions=("block or filter",), contacts=("it-service-desk", "police-adviser")),
    S("a letter through a parish councillor's door threatening to burn the house down",
      f"{SEED_TOWN} 5.4.2 (damage to property such as arson); {GUIDE_FORD}",
      answers(council="england_local", what=["threat"], sender="public", where=["letter"]), "urgent", lead="threat",
      not_offences=THREAT_LAW, first_action="call 999", actions=("set fire to your home", "plastic wallet", NOT_COVERED),
      contacts=("clerk", "police-non-emergency"), not_contacts=("police-adviser",), findings=("local-council-police",)),
    S("an angry resident about bin collections", f"{SEED_TOWN} 1.3 (ascertain the complaint)",
      answers(what=["complaint"]), "routine", lead="complaint", first_action="Pass the complaint to officers",
      not_actions=("register",), contacts=("member-support",), not_contacts=("clerk", "police-non-emergency")),
    S("a bin complaint to a town councillor", f"{SEED_TOWN} 1.3; CONTENT_GUIDE.md, Who reads it (the clerk first)",
      answers(council="england_local", what=["complaint"]), "routine", lead="complaint",
      first_action="Pass the complaint to your clerk", not_actions=("register",), contacts=("clerk",)),
    S("an angry bin complaint full of insults, by email", f"{SEED_TOWN} 1.2 (register of potentially violent persons)",
      answers(what=["complaint", "abuse"], sender="public", where=["email"]), "routine",
      findings=("complaint", "abuse", "register", "by-email"), first_action="Pass the complaint to officers",
      actions=(REGISTER, "Keep the emails"), contacts=("member-support", "it-service-desk"), mixed=True),
    S("abusive emails from a council officer", f"{SEED_LGA} (reporting a breach of the Code of Conduct)",
      answers(what=["abuse"], sender="officer"), "soon", lead="officer-conduct",
      not_offences=("code-of-conduct",), first_action="Keep a dated record", actions=("human resources",),
      contacts=("human-resources",), not_contacts=("monitoring-officer",)),
    S("rude emails from the town clerk to a parish councillor", "CONTENT_GUIDE.md, Who reads it (parish councils)",
      answers(council="england_local", what=["abuse"], sender="officer"), "soon", lead="officer-conduct",
      first_action="Keep a dated record", actions=("chair of the council",), contacts=("member-support",),
      not_contacts=("monitoring-officer", "clerk", "human-resources")),
    S("repeated abusive emails from an officer", f"{SEED_TOWN} 1.2 (if the letters or emails continue)",
      answers(what=["repeated", "abuse"], sender="officer"), "soon", lead="repeated-contact",
      offences=("harassment",), first_action="Report it to the police", actions=("human resources", OP_FORD),
      contacts=("human-resources", "police-non-emergency"), not_contacts=("monitoring-officer",),
      findings=("officer-conduct",), mixed=True),
    S("an anonymous blog claiming you took a bribe", f"{SEED_MET} 2.10 (blogs); {GUIDE_S5}",
      answers(what=["false"], sender="anonymous", where=["blog"]), "soon", lead="false-statements",
      offences=("defamation", "website-operator-notice", "indemnities"), first_action="Keep a dated record",
      actions=("hosting provider", "section 5 of the Defamation Act 2013", "route that works when the poster is anonymous",
               "cannot fund a councillor's defamation claim"),
      not_actions=("nowhere to report",), contacts=("communications",), findings=("on-a-blog", "anonymous")),
    S("hostile comments on a local blog, nothing false", f"{SEED_MET} 2.10 (blogs)",
      answers(what=["abuse"], sender="public", where=["blog"]), "routine", lead="abuse",
      not_offences=("website-operator-notice", "defamation"), first_action="Keep a dated record",
      actions=("hosting provider", "If the blog makes false claims"), contacts=("member-support",),
      not_contacts=("police-non-emergency",), findings=("on-a-blog",)),
    S("racist comments in a local Facebook group", f"{SEED_TOWN} 4.6.5 and 2.10.2",
      answers(what=["hate", "abuse"], sender="public", where=["facebook"]), "soon", lead="hate-incident",
      not_offences=("hostility-in-sentencing",), first_action="hate incident",
      actions=("admin of the page or group", OP_FORD, REGISTER), contacts=("communications", "police-adviser"),
      findings=("on-facebook", "abuse"), mixed=True),
    S("a resident who keeps emailing and phoning", f"{SEED_TOWN} 1.2 and 1.3; {SEED_CITY} (Legal Services, injunction)",
      answers(what=["repeated"], sender="public", where=["email"]), "soon", lead="repeated-contact",
      offences=("harassment",), first_action="Report it to the police on 101",
      actions=("more than once", "Keep the emails", "injunction"),
      contacts=("legal-services", "it-service-desk", "police-adviser")),
    S("late-night calls from a withheld number, again and again", f"{SEED_TOWN} 1.3 (intimidation on the telephone)",
      answers(what=["repeated"], sender="anonymous", where=["phone"]), "soon", lead="repeated-contact",
      offences=("harassment",), first_action="Report it to the police", actions=("number of every call",
                                                                                 "Once you, the police or the council know who it is"),
      contacts=("police-non-emergency", "police-adviser", "legal-services"), findings=("anonymous", "by-phone")),
    S("a fellow councillor insults you in a group chat", f"{SEED_LGA} (reporting a breach of the Code of Conduct)",
      answers(what=["abuse"], sender="councillor"), "soon", lead="councillor-conduct",
      offences=("code-of-conduct",), first_action="Keep a dated record",
      actions=("code of conduct to the monitoring officer",), contacts=("monitoring-officer", "political-group"),
      not_contacts=("human-resources",)),
    S("a parish councillor abused by another parish councillor", "CONTENT_GUIDE.md, Who reads it",
      answers(council="england_local", what=["abuse"], sender="councillor"), "soon", lead="councillor-conduct",
      offences=("code-of-conduct",), first_action="Keep a dated record",
      actions=("monitoring officer of your principal council",), contacts=("clerk", "monitoring-officer")),
    S("a Welsh county councillor insulted by a colleague", GUIDE_WALES,
      answers(council="wales_principal", what=["abuse"], sender="councillor"), "soon", lead="councillor-conduct",
      offences=("code-of-conduct",), first_action="Keep a dated record",
      actions=("Public Services Ombudsman for Wales",), not_actions=("code of conduct to the monitoring officer",),
      contacts=("monitoring-officer",), not_contacts=("clerk",)),
    S("a Welsh community councillor threatened by another community councillor", f"{GUIDE_WALES}; {GUIDE_FORD}",
      answers(council="wales_local", what=["threat", "abuse"], sender="councillor"), "urgent", lead="threat",
      offences=("code-of-conduct",), not_offences=THREAT_LAW, first_action="call 999",
      actions=("Public Services Ombudsman for Wales", NOT_COVERED), contacts=("clerk", "police-non-emergency"),
      not_contacts=("police-adviser",), findings=("councillor-conduct", "local-council-police"), mixed=True),
    S("a post giving your home address and naming your children", f"{SEED_MET} (personal security details); {SEED_TOWN} 1.2",
      answers(what=["home_family"], sender="anonymous", where=["facebook"]), "soon", lead="home-safety",
      first_action="Ask the police for advice on your safety at home",
      actions=("Force Elected Official Adviser", "people you live with", REGISTER, "ask for it to be removed"),
      contacts=("police-adviser", "police-non-emergency"), findings=("on-facebook",)),
    S("a town councillor's address posted on a community page", f"{SEED_TOWN} 1.2; {GUIDE_FORD}",
      answers(council="england_local", what=["home_family"], sender="public", where=["other_platform"]), "soon",
      lead="home-safety", first_action="call 101", actions=("people you live with", NOT_COVERED),
      contacts=("clerk",), not_contacts=("police-adviser",)),
    S("a man turns up at your door to shout about a planning decision", f"{SEED_TOWN} 2.3 (callers at your home)",
      answers(what=["abuse"], sender="public", where=["home"]), "soon", lead="home-safety",
      offences=("harassment-at-home", "police-direction-at-home"), first_action="Ask the police for advice",
      actions=("call 999", REGISTER), contacts=("police-adviser",), findings=("abuse",)),
    S("abuse at a surgery that has left you unable to sleep", f"{SEED_TOWN} 1.4 (your mental health) and 2.10",
      answers(what=["abuse", "affecting"], sender="public", where=["in_person"]), "routine", lead="abuse",
      first_action="Keep a dated record", actions=("116 123", "Write down what was said", REGISTER),
      contacts=("wellbeing", "samaritans"), findings=("wellbeing", "in-person"), mixed=True),
    S("a smear campaign on X: false claims and abuse together", f"{SEED_LGA} (smear campaigns); {GUIDE_S5}",
      answers(what=["false", "abuse"], sender="public", where=["x"]), "soon", lead="false-statements",
      offences=("defamation", "website-operator-notice", "indemnities"), first_action="Keep a dated record",
      actions=("Report the post, the account", "notice of complaint", REGISTER, "take it down, put it right or say sorry"),
      contacts=("communications",), findings=("abuse", "on-x"), mixed=True),
    S("a threat and a complaint in the same email", f"{SEED_TOWN} 1.2 and 1.3",
      answers(what=["threat", "complaint"], sender="public", where=["email"]), "urgent", lead="threat",
      not_offences=THREAT_LAW, first_action="call 999",
      actions=("Pass the complaint to officers", "Keep the emails", REGISTER), contacts=("it-service-desk",),
      findings=("complaint", "by-email"), mixed=True),
    S("repeated hate mail by letter", f"{SEED_TOWN} 2.10.2 (hate incidents) and 1.2",
      answers(what=["hate", "repeated"], sender="public", where=["letter"]), "soon", lead="hate-incident",
      offences=("harassment", "hostility-in-sentencing"), first_action="hate incident",
      actions=("plastic wallet", "more than once"), contacts=("police-non-emergency",),
      findings=("repeated-contact", "by-letter"), mixed=True),
    S("a threat on Instagram that names your family", f"{SEED_TOWN} 5.4.2 (review the safety of your family)",
      answers(what=["threat", "home_family"], sender="anonymous", where=["instagram"]), "urgent", lead="threat",
      not_offences=THREAT_LAW, first_action="call 999",
      actions=("people you live with", "Report the post from its menu", OP_FORD),
      contacts=("police-adviser",), findings=("home-safety", "on-instagram"), mixed=True),
    S("a councillor posts false claims and insults about you", f"{SEED_LGA} (Code of Conduct); {SEED_MET} (defamation)",
      answers(what=["false", "abuse"], sender="councillor"), "soon", lead="councillor-conduct",
      offences=("code-of-conduct", "defamation", "indemnities"), first_action="Keep a dated record",
      actions=("code of conduct to the monitoring officer", "own legal advice"),
      contacts=("monitoring-officer", "political-group", "communications"), findings=("false-statements",),
      mixed=True),
    S("a complaint that is wearing you down", f"{SEED_TOWN} 1.1.1 (the impact it is having on you)",
      answers(what=["complaint", "affecting"]), "routine", lead="complaint",
      first_action="Pass the complaint to officers", actions=("116 123", "Keep a dated record"),
      not_actions=("register",), contacts=("wellbeing", "samaritans"), findings=("wellbeing",), mixed=True),
    S("something else that worries you", f"{SEED_LGA} (keep a record)",
      answers(what=["none"]), "routine", lead="keep-a-record", first_action="Keep a dated record",
      actions=("Tell member support",), not_actions=("register", "999"), contacts=("member-support",),
      not_contacts=("police-non-emergency", "wellbeing")),
    S("a pile-on on X with threats and racist abuse", f"{SEED_TOWN} 4.3.5 (pile-ons); {GUIDE_FORD}",
      answers(what=["threat", "hate"], sender="anonymous", where=["x"]), "urgent", lead="threat",
      not_offences=THREAT_LAW, first_action="call 999", actions=("hate incident", OP_FORD, "Report the post"),
      contacts=("police-adviser",), findings=("hate-incident", "on-x"), mixed=True),
    S("a threat that keeps a Welsh county councillor awake at night", f"{SEED_TOWN} 1.4 and 5.4.2; {GUIDE_FORD}",
      answers(council="wales_principal", what=["threat", "affecting"], sender="public", where=["phone"]), "urgent",
      lead="threat", not_offences=THREAT_LAW, first_action="call 999", actions=("116 123", OP_FORD, "number of every call"),
      contacts=("police-adviser", "wellbeing", "samaritans"), not_contacts=("clerk",), mixed=True),
    S("shouted at in a public meeting in Wales", f"{SEED_TOWN} 2.5 (meetings)",
      answers(council="wales_principal", what=["abuse"], sender="public", where=["in_person"]), "routine",
      lead="abuse", first_action="Keep a dated record", actions=("chair or organiser", REGISTER),
      contacts=("member-support",), not_contacts=("clerk",)),
    S("an anonymous Instagram troll", f"{SEED_LGA} (trolls); {SEED_MET} 2.7 (muting or blocking)",
      answers(what=["abuse"], sender="anonymous", where=["instagram"]), "routine", lead="abuse",
      first_action="Keep a dated record", actions=("Report the post from its menu", "mute or block", "username"),
      contacts=("member-support",), not_contacts=("clerk",), findings=("anonymous", "on-instagram")),
    S("hostile comments under a video on another platform", f"{SEED_LGA} (reporting to the platform)",
      answers(what=["abuse"], sender="public", where=["other_platform"]), "routine", lead="abuse",
      first_action="Keep a dated record", actions=("help centre", "mute or block"), contacts=("member-support",),
      findings=("on-another-platform",)),
]


def test_the_list_is_as_wide_as_the_brief():
    assert len(SCENARIOS) >= 25
    assert sum(s.mixed for s in SCENARIOS) >= 10
    assert len({s.id for s in SCENARIOS}) == len(SCENARIOS), "scenario names must be unique"
    assert all(s.source for s in SCENARIOS)
    assert all(s.first_action and s.contacts and (s.lead or s.findings) for s in SCENARIOS)
    assert all(len(s.answers.get("what_happened", ())) >= 2 for s in SCENARIOS if s.mixed)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s.name for s in SCENARIOS])
def test_scenario(scenario):
    check(scenario)
