"""The respond tool ("Should I respond, ignore it, hide it or block them?"), question by question,
finding by finding, its trade-offs, and realistic situations (tests/scenarios.py).

Each class of questions says when the question is asked, when it is not, and what each answer
changes. The tests marked "defect" in their docstring failed on the old tool."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import decision_tools
from decision_tools import content, engine
from decision_tools.engine import Facts
from decision_tools.result import TradeOff
from decision_tools.tools import respond
from scenarios import Scenario, check
from tool_steps import steps

ask, next_question, result = steps("respond")

DOCS = Path(__file__).resolve().parent.parent / "docs"
CALM = ["none"]


def found(res: dict) -> list[str]:
    return [f["id"] for f in res["findings"]]


def courses(res: dict) -> dict[str, bool]:
    """Each course the result weighs (by its words), and whether it is recommended."""
    return {t["course"]: t["recommended"] for t in res["trade_offs"]}


def course(name: str) -> str:
    return content.for_tool("respond").text("trade_offs", name, "course")


def recommended(res: dict) -> set[str]:
    ids = {course(c): c for c, *_ in respond.COURSES}
    return {ids[t["course"]] for t in res["trade_offs"] if t["recommended"]}


def weighed(res: dict) -> set[str]:
    ids = {course(c): c for c, *_ in respond.COURSES}
    return {ids[t["course"]] for t in res["trade_offs"]}


def text(res: dict) -> str:
    return " | ".join(res["actions"])


def answers(*kinds: str, feeling=CALM, **more) -> dict:
    return {"what_is_it": list(kinds), "feeling": feeling, **more}


# -- questions -------------------------------------------------------------------------------

class TestWhatIsIt:
    def test_is_the_first_question_and_lets_you_choose_several(self):
        step = ask({})
        assert step["question"]["id"] == "what_is_it" and step["question"]["kind"] == "any_of"
        assert respond.TOOL.question("what_is_it").pairs

    def test_none_cannot_be_chosen_with_another_option(self):
        with pytest.raises(decision_tools.InvalidAnswer, match="'what_is_it'"):
            ask({"what_is_it": ["none", "troll"]})

    def test_a_threat_alone_asks_only_how_you_feel(self):
        assert next_question({"what_is_it": ["threat"]}) == "feeling"
        res = result(answers("threat"))
        assert [a["question"] for a in ask(answers("threat"))["answered"]] == ["what_is_it", "feeling"]
        assert res["id"] == "threats" and res["urgency"] == "urgent"

    def test_threats_are_never_engaged_with_and_are_reported_to_the_platform_and_the_police(self):
        res = result(answers("threat"))
        assert res["actions"][0].startswith("If you are in danger right now")
        assert "Do not reply to threats or abuse" in text(res)
        assert "Report the posts or the account to the platform" in text(res)
        assert "Report the threat to the police today" in text(res)
        assert {"police-emergency", "police-non-emergency", "member-support"} <= set(res["contacts"])

    def test_abuse_is_never_engaged_with_and_is_reported_to_the_platform_and_the_police(self):
        res = result(answers("abuse", own_page="no", persists="no"))
        assert res["id"] == "abuse"
        assert "Do not reply to threats or abuse" in text(res)
        assert "report it to the police as well" in text(res)
        assert "police-non-emergency" in res["contacts"]

    def test_a_pile_on_that_includes_threats_keeps_the_pile_on_advice(self):
        """Defect: threats short-circuited everything, so a pile-on with threats never got the
        pile-on advice."""
        res = result(answers("threat", "pile_on"))
        assert res["id"] == "threats"
        assert found(res)[:2] == ["threats", "pile-on"]
        assert "Do not reply to each post" in text(res)
        assert "watch your accounts while you take a break" in text(res)
        assert "communications" in res["contacts"]

    @pytest.mark.parametrize("kind, finding, own_page, persists, watching", [
        ("abuse", "abuse", "no", "no", None),
        ("pile_on", "pile-on", None, None, None),
        ("troll", "ignore", "no", "no", None),
        ("complaint", "complaint", None, None, None),
        ("misinformation", "correct-once", None, None, "yes"),
        ("criticism", "reply-once", None, None, "yes"),
    ])
    def test_every_kind_keeps_its_advice_alongside_a_threat(self, kind, finding, own_page, persists, watching):
        more = {k: v for k, v in (("own_page", own_page), ("persists", persists), ("watching", watching)) if v}
        res = result(answers("threat", kind, **more))
        assert res["id"] == "threats" and finding in found(res)

    def test_abuse_leads_a_pile_on(self):
        res = result(answers("abuse", "pile_on", own_page="no", persists="no"))
        assert found(res)[:2] == ["abuse", "pile-on"]

    def test_none_of_these_asks_you_to_take_your_time(self):
        res = result(answers("none"))
        assert res["id"] == "how-to-choose"
        assert recommended(res) == {"step_back"}


class TestOwnPage:
    @pytest.mark.parametrize("kind", ["troll", "abuse"])
    def test_is_asked_for_trolling_or_abuse(self, kind):
        assert next_question({"what_is_it": [kind]}) == "own_page"

    @pytest.mark.parametrize("kind", ["threat", "pile_on", "complaint", "misinformation", "criticism", "none"])
    def test_is_not_asked_otherwise(self, kind):
        assert next_question({"what_is_it": [kind]}) != "own_page"

    def test_yes_means_screenshot_then_hide_or_delete_then_mute_or_block_if_it_carries_on(self):
        """Defect: "hide or delete" never said to mute or block if it carries on."""
        res = result(answers("troll", own_page="yes", persists="no"))
        assert res["id"] == "hide-or-delete"
        assert res["actions"][0].startswith("Take a screenshot first")
        assert "Hide or delete the comment" in text(res)
        assert "If it carries on, mute them; block them if it turns abusive" in text(res)
        assert recommended(res) == {"hide_delete"}

    def test_no_leaves_hiding_out_of_the_choices_and_a_troll_is_ignored(self):
        res = result(answers("troll", own_page="no", persists="no"))
        assert res["id"] == "ignore" and "hide-or-delete" not in found(res)
        assert "hide_delete" not in weighed(res)
        assert recommended(res) == {"ignore"}

    def test_abuse_on_your_own_page_is_hidden_as_well_as_reported_and_blocked(self):
        res = result(answers("abuse", own_page="yes"))
        assert found(res)[:3] == ["abuse", "block", "hide-or-delete"]
        assert {"report", "hide_delete", "block"} == recommended(res)


class TestPersists:
    def test_is_asked_for_trolling(self):
        assert next_question({"what_is_it": ["troll"], "own_page": "no"}) == "persists"
        assert next_question({"what_is_it": ["troll"], "own_page": "yes"}) == "persists"

    def test_is_not_asked_for_abuse_or_a_threat_alone(self):
        """The guidance page's rule: block abuse and threats straight away, so whether it has
        carried on changes nothing for them."""
        assert next_question({"what_is_it": ["abuse"], "own_page": "no"}) == "feeling"
        assert "persists" not in [a["question"] for a in ask(answers("threat"))["answered"]]

    def test_is_not_asked_for_a_troll_who_also_abuses_you_on_your_own_page(self):
        assert next_question({"what_is_it": ["troll", "abuse"], "own_page": "yes"}) == "feeling"

    def test_a_troll_who_carries_on_is_muted_and_blocked_only_if_they_still_reach_you(self):
        res = result(answers("troll", own_page="no", persists="yes"))
        assert res["id"] == "mute"
        assert "they are not told" in text(res)
        assert "If they still reach you, or it turns into abuse or threats, block them." in res["actions"]
        assert recommended(res) == {"mute"} and "block" in weighed(res)

    def test_abuse_is_blocked_straight_away_once_the_evidence_is_kept(self):
        """The guidance page's rule: block abuse and threats straight away, without trying
        anything else first; screenshot first; blocking does not stop you reporting them."""
        res = result(answers("abuse", own_page="no"))
        assert found(res)[:2] == ["abuse", "block"]
        assert "mute" not in found(res)
        assert "You do not have to wait for it to happen again" in text(res)
        assert "Blocking does not stop you reporting the account" in text(res)
        assert {"block", "report"} == recommended(res)

    def test_a_troll_who_has_not_carried_on_is_neither_muted_nor_blocked(self):
        res = result(answers("troll", own_page="no", persists="no"))
        assert not {"mute", "block"} & set(found(res))
        assert not {"mute", "block"} & recommended(res)


class TestWatching:
    @pytest.mark.parametrize("kind", ["criticism", "misinformation"])
    def test_is_asked_for_criticism_or_misinformation(self, kind):
        assert next_question({"what_is_it": [kind]}) == "watching"

    @pytest.mark.parametrize("kind", ["threat", "abuse", "pile_on", "troll", "complaint", "none"])
    def test_is_not_asked_where_it_changes_nothing(self, kind):
        asked = [a["question"] for a in ask({"what_is_it": [kind], "own_page": "no", "persists": "no",
                                             "feeling": CALM})["answered"]]
        assert "watching" not in asked

    def test_criticism_many_will_see_means_reply_once_publicly_and_calmly(self):
        """Defect: the answer was asked and then ignored."""
        res = result(answers("criticism", watching="yes"))
        assert res["id"] == "reply-once"
        assert res["actions"][0].startswith("Reply once, publicly and calmly")
        assert recommended(res) == {"reply"}

    def test_criticism_few_will_see_means_you_can_leave_it(self):
        res = result(answers("criticism", watching="no"))
        assert res["id"] == "leave-it"
        assert res["actions"][0].startswith("You can leave it")
        assert recommended(res) == {"ignore"}

    def test_misinformation_seen_widely_is_corrected_once_with_a_source_and_comms_told_if_it_spreads(self):
        """Defect: the answer was asked and then ignored."""
        res = result(answers("misinformation", watching="yes"))
        assert res["id"] == "correct-once"
        assert "Correct it once" in res["actions"][0] and "source" in res["actions"][0]
        assert "If it keeps spreading, tell the communications team" in text(res)
        assert "communications" in res["contacts"]
        assert recommended(res) == {"correct"}

    def test_misinformation_few_will_see_is_not_spread_further(self):
        res = result(answers("misinformation", watching="no"))
        assert res["id"] == "dont-amplify"
        assert "Do not share, quote or reply to it" in text(res)
        assert recommended(res) == {"ignore"}

    def test_with_a_threat_it_is_still_asked_and_still_changes_the_criticism_advice(self):
        many = result(answers("threat", "criticism", watching="yes"))
        few = result(answers("threat", "criticism", watching="no"))
        assert many["id"] == few["id"] == "threats"
        assert "reply-once" in found(many) and "leave-it" in found(few)


class TestFeeling:
    @pytest.mark.parametrize("kinds", [["threat"], ["none"], ["complaint"], ["pile_on"]])
    def test_is_always_asked(self, kinds):
        assert next_question({"what_is_it": kinds}) == "feeling"

    @pytest.mark.parametrize("feeling", ["upset", "angry", "tired", "frightened"])
    @pytest.mark.parametrize("kinds, more", [
        (["threat"], {}), (["pile_on"], {}), (["criticism"], {"watching": "no"}),
        (["troll"], {"own_page": "no", "persists": "no"}), (["none"], {})])
    def test_anyone_distressed_is_told_how_to_look_after_themselves_whatever_else_they_said(self, feeling, kinds, more):
        """Defect: a distressed reader (sleeping fine) got no wellbeing support."""
        res = result({"what_is_it": kinds, **more, "feeling": [feeling]})
        assert "look-after-yourself" in found(res)
        assert {"wellbeing", "samaritans"} <= set(res["contacts"])
        assert "Samaritans free on 116 123" in text(res)

    def test_calm_brings_no_wellbeing_advice(self):
        res = result(answers("criticism", watching="no"))
        assert "look-after-yourself" not in found(res) and "wellbeing" not in res["contacts"]

    def test_frightened_is_reason_enough_to_act(self):
        res = result(answers("criticism", watching="yes", feeling=["frightened"]))
        assert res["id"] == "frightened" and res["urgency"] == "soon"
        assert "tell the police" in text(res)
        assert "police-non-emergency" in res["contacts"]

    def test_upset_or_tired_with_a_reply_to_make_means_wait_first(self):
        res = result(answers("complaint", feeling=["upset", "tired"]))
        assert "wait-first" in found(res)
        assert "Do not reply now" in text(res)
        assert "step_back" in recommended(res)

    def test_no_wait_to_reply_advice_where_replying_is_never_advised(self):
        res = result(answers("threat", feeling=["angry"]))
        assert "wait-first" not in found(res)


# -- findings ---------------------------------------------------------------------------------

# One set of answers that finds each finding, and words its actions must contain.
FINDS = {
    "threats": (answers("threat"), "Report the threat to the police today"),
    "abuse": (answers("abuse", own_page="no", persists="no"), "Do not reply to threats or abuse"),
    "frightened": (answers("complaint", feeling=["frightened"]), "tell the police"),
    "pile-on": (answers("pile_on"), "Do not reply to each post"),
    "block": (answers("abuse", own_page="no"), "Block the account once you have your screenshots"),
    "mute": (answers("troll", own_page="no", persists="yes"), "Mute the account"),
    "hide-or-delete": (answers("troll", own_page="yes", persists="no"), "Hide or delete the comment"),
    "ignore": (answers("troll", own_page="no", persists="no"), "Do not reply: they want a reaction"),
    "complaint": (answers("complaint"), "ask them to send their contact details by private message"),
    "correct-once": (answers("misinformation", watching="yes"), "Correct it once"),
    "dont-amplify": (answers("misinformation", watching="no"), "Do not share, quote or reply to it"),
    "reply-once": (answers("criticism", watching="yes"), "Reply once, publicly and calmly"),
    "leave-it": (answers("criticism", watching="no"), "You can leave it"),
    "wait-first": (answers("criticism", watching="no", feeling=["tired"]), "Do not reply now"),
    "look-after-yourself": (answers("threat", feeling=["upset"]), "Samaritans free on 116 123"),
    "how-to-choose": (answers("none"), "Give yourself time before you decide"),
}


def test_every_finding_has_a_test():
    assert set(FINDS) == {f.id for f in respond.TOOL.findings}


@pytest.mark.parametrize("finding", list(FINDS))
def test_each_finding_is_found_with_its_actions(finding):
    given, words = FINDS[finding]
    res = result(given)
    assert finding in found(res)
    assert words in text(res)


@pytest.mark.parametrize("finding", list(FINDS))
def test_each_finding_gives_its_reasons_from_the_answers(finding):
    res = result(FINDS[finding][0])
    entry = next(f for f in res["findings"] if f["id"] == finding)
    if respond.TOOL.finding(finding).facts:
        assert entry["because"], finding


def test_criticism_lists_freedom_of_expression():
    res = result(answers("criticism", watching="no"))
    assert [e["id"] for e in res["law"]] == ["freedom-of-expression"]
    assert result(answers("troll", own_page="no", persists="no"))["law"] == []


# -- trade-offs -----------------------------------------------------------------------------

class TestTradeOffs:
    """Defect: the old result gave one course and a list of sentences; now every course the result
    weighs, typed, with what it gains and costs, and the recommended ones marked."""

    def test_are_typed_and_come_from_the_tools_sections(self):
        facts = Facts(respond.TOOL, answers("troll", own_page="no", persists="yes"))
        made = respond.TOOL.sections(facts, content.for_tool("respond"))
        assert set(made) == {"trade_offs"}
        assert made["trade_offs"] and all(isinstance(t, TradeOff) for t in made["trade_offs"])

    def test_every_course_has_its_words_and_every_word_a_course(self):
        said = content.for_tool("respond").get("trade_offs")
        assert set(said) == {c for c, *_ in respond.COURSES}
        for name, words in said.items():
            assert words["course"] and words["gains"] and words["costs"], name

    def test_every_path_weighs_its_courses_and_recommends_at_least_one(self):
        for path in engine.paths(respond.TOOL):
            res = decision_tools.evaluate("respond", path["answers"])["result"]
            assert res["trade_offs"] and any(t["recommended"] for t in res["trade_offs"]), path
            assert all(t["gains"] and t["costs"] for t in res["trade_offs"]), path

    def test_courses_are_shown_in_one_order(self):
        order = [course(c) for c, *_ in respond.COURSES]
        res = result(answers("troll", "misinformation", own_page="yes", persists="yes", watching="yes"))
        shown = [t["course"] for t in res["trade_offs"]]
        assert shown == sorted(shown, key=order.index)

    def test_muting_is_silent(self):
        mute = next(t for t in result(answers("troll", own_page="no", persists="yes"))["trade_offs"]
                    if t["course"] == course("mute"))
        assert any("Muting is silent: they are not told" in g for g in mute["gains"])

    def test_blocking_stops_contact_but_can_be_seen_and_called_avoiding_scrutiny(self):
        block = next(t for t in result(answers("abuse", own_page="no", persists="yes"))["trade_offs"]
                     if t["course"] == course("block"))
        assert block["recommended"]
        assert any("stops them contacting you" in g for g in block["gains"])
        assert any("can be seen" in c and "avoiding scrutiny" in c for c in block["costs"])

    def test_deleting_loses_evidence_unless_you_screenshot_first(self):
        hide = next(t for t in result(answers("abuse", own_page="yes", persists="no"))["trade_offs"]
                    if t["course"] == course("hide_delete"))
        assert any("loses the evidence, unless you take a screenshot first" in c for c in hide["costs"])

    def test_replying_can_feed_a_troll_or_a_pile_on(self):
        for given in (answers("troll", own_page="no", persists="no"), answers("pile_on")):
            reply = next(t for t in result(given)["trade_offs"] if t["course"] == course("reply"))
            assert not reply["recommended"]
            assert any("feed a troll or a pile-on" in c for c in reply["costs"])

    def test_a_complaint_is_answered_once_and_moved_private(self):
        res = result(answers("complaint"))
        assert recommended(res) == {"reply_private"}
        assert {"reply", "reply_private", "ignore"} == weighed(res)

    def test_a_pile_on_means_step_back_and_report(self):
        res = result(answers("pile_on"))
        assert recommended(res) == {"step_back", "report"}
        assert "Turn off notifications" in text(res)


class TestBlockingLine:
    """One line on blocking with docs/abuse/respond-ignore-or-block.md ("When to block: the
    toolkit's rule", December 2026): block abuse and threats straight away; mute someone persistent
    or unpleasant but not abusive, and block them if they still get through; blocking can be seen
    and may be called avoiding scrutiny, usually a small price; blocking does not stop you
    reporting."""

    page = (DOCS / "abuse/respond-ignore-or-block.md").read_text(encoding="utf-8")

    def test_the_page_says_what_the_tool_says(self):
        for words in ("Muting is silent", "Blocking can be seen", "avoiding scrutiny", "small price",
                      "Block abuse and threats straight away", "You do not have to try anything else first",
                      "mute first and block if they still get through",
                      "Blocking does not stop you reporting the account",
                      "is unpleasant, but is not abusive or threatening"):
            assert words in re.sub(r"\s+", " ", self.page).replace("**", ""), words

    def test_the_tool_says_what_the_page_says(self):
        said = content.for_tool("respond")
        block = " ".join(said.get("trade_offs", "block", "gains") + said.get("trade_offs", "block", "costs"))
        assert "can be seen" in block and "avoiding scrutiny" in block and "small price" in block
        assert "does not stop you reporting it" in block
        assert "You do not have to wait for it to happen again" in said.text("actions", "block_now")
        assert "Blocking does not stop you reporting the account" in said.text("actions", "still_report")
        mute = " ".join(said.get("trade_offs", "mute", "gains"))
        assert "they are not told" in mute and "unmute" in mute


class TestLinks:
    def test_every_page_and_anchor_a_result_links_to_exists(self):
        heading = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}")
        seen = set()
        for path in engine.paths(respond.TOOL):
            for link in decision_tools.evaluate("respond", path["answers"])["result"]["links"]:
                seen.add((link["page"], link["anchor"]))
        for page, anchor in seen:
            assert (DOCS / page).is_file(), page
            if anchor:
                assert anchor in heading.findall((DOCS / page).read_text(encoding="utf-8")), f"{page}#{anchor}"


# -- scenarios -----------------------------------------------------------------------------

SEED_000 = "seeds/000_43ba1d0ede3bf5f8.txt"
SEED_001 = "seeds/001_2f8766a3a59d69fe.txt"
SEED_004 = "seeds/004_9e474d44761089c6.txt"

SCENARIOS = [
    Scenario("dozens of accounts pile in after a vote, some threatening to come to your house",
             f"{SEED_000} 2.6 Tackling abuse on social media (multiple users at once; police if significant threats)",
             "respond", answers("pile_on", "threat", feeling=["frightened"]), "urgent", lead="threats",
             first_action="in danger right now", actions=("Do not reply to each post", "Report the threat to the police today",
                                                          "116 123"),
             contacts=("police-emergency", "police-non-emergency", "communications", "wellbeing"),
             findings=("threats", "pile-on", "frightened", "look-after-yourself"), mixed=True,
             extra={"recommended": {"report", "step_back", "block"},
                    "weighed": {"reply", "mute", "block", "report", "step_back"}}),
    Scenario("a pile-on over a library closure, with no threats",
             f"{SEED_000} 2.6 Tackling abuse on social media", "respond", answers("pile_on"), "soon", lead="pile-on",
             first_action="screenshots of the worst posts", actions=("delete your own post", "watch your accounts"),
             not_actions=("police today",), contacts=("communications", "member-support"),
             extra={"recommended": {"step_back", "report"}}),
    Scenario("a troll keeps goading you on X after you ignored them",
             f"{SEED_004} Managing trolls (if ignoring does not work, consider blocking or reporting)", "respond",
             answers("troll", own_page="no", persists="yes"), "soon", lead="mute",
             actions=("they are not told", "block them"), not_actions=("Hide or delete",),
             extra={"recommended": {"mute"}, "weighed": {"reply", "ignore", "mute", "block", "report"}}),
    Scenario("a provoking comment on your own Facebook page",
             f"{SEED_004} Managing trolls (delete or hide it on your own page); Deleting and moderating comments",
             "respond", answers("troll", own_page="yes", persists="no"), "routine", lead="hide-or-delete",
             first_action="Take a screenshot first", actions=("profanity filter", "If it carries on, mute them"),
             extra={"recommended": {"hide_delete"}}),
    Scenario("a one-off jibe on someone else's thread",
             f"{SEED_000} 2.4 (trolls often have few followers: do not give them the oxygen of publicity)", "respond",
             answers("troll", own_page="no", persists="no"), "routine", lead="ignore",
             actions=("they want a reaction",), not_actions=("Block the account",),
             extra={"recommended": {"ignore"}}),
    Scenario("the same man posts slurs about you on your page every day",
             f"{SEED_004} Blocking abusive social media users", "respond",
             answers("abuse", own_page="yes", feeling=["tired"]), "soon", lead="abuse",
             actions=("You do not have to wait", "does not stop you reporting", "Hide or delete the comment",
                      "116 123"),
             contacts=("police-non-emergency", "wellbeing"), findings=("abuse", "block", "hide-or-delete",
                                                                       "look-after-yourself"), mixed=True,
             extra={"recommended": {"report", "block", "hide_delete", "step_back"}}),
    Scenario("a resident complains on your post about missed bin collections",
             f"{SEED_004} Escalation of an issue (pass a service complaint to an officer)", "respond",
             answers("complaint"), "routine", lead="complaint",
             actions=("contact details by private message", "Do not discuss their case in public"),
             extra={"recommended": {"reply_private"}}),
    Scenario("a false claim that the leisure centre is closing is being shared widely",
             f"{SEED_000} 2.4 Dealing with harmful rumours and misinformation (correct the facts once)", "respond",
             answers("misinformation", watching="yes"), "routine", lead="correct-once",
             first_action="Correct it once", actions=("tell the communications team",), contacts=("communications",),
             extra={"recommended": {"correct"}}),
    Scenario("a rumour about you in a small group with a handful of members",
             f"{SEED_004} Use your voice to tackle misinformation (comment, then message privately)", "respond",
             answers("misinformation", watching="no"), "routine", lead="dont-amplify",
             actions=("message them privately", "If it starts to spread, correct it once"),
             not_actions=("Reply once, publicly",), extra={"recommended": {"ignore"}}),
    Scenario("a local paper's readers criticise your vote on the budget",
             f"{SEED_004} The wider audience - who is looking?", "respond", answers("criticism", watching="yes"),
             "routine", lead="reply-once", first_action="Reply once, publicly and calmly",
             offences=("freedom-of-expression",), extra={"recommended": {"reply"}}),
    Scenario("one resident grumbles about your planning vote on a quiet thread",
             f"{SEED_004} The wider audience - who is looking? (if no one is looking, is it worth responding?)",
             "respond", answers("criticism", watching="no"), "routine", lead="leave-it",
             first_action="You can leave it", extra={"recommended": {"ignore"}}),
    Scenario("criticism of your decision that arrives late at night when you are tired and upset",
             f"{SEED_001} 3.2 (avoid social media when tired, angry or upset); content guide: looking after yourself",
             "respond", answers("criticism", watching="yes", feeling=["tired", "upset"]), "routine",
             lead="reply-once", actions=("Do not reply now", "116 123"), contacts=("wellbeing", "samaritans"),
             findings=("wait-first", "look-after-yourself"), mixed=True,
             extra={"recommended": {"reply", "step_back"}}),
    Scenario("a troll who also spreads a false story about you to a wide audience",
             f"{SEED_000} 2.4 (rumours and smear campaigns; trolls)", "respond",
             answers("troll", "misinformation", own_page="no", persists="no", watching="yes"), "routine",
             actions=("Correct it once", "they want a reaction"), findings=("ignore", "correct-once"), mixed=True,
             extra={"recommended": {"ignore", "correct"}}),
    Scenario("a complaint about a pothole that comes wrapped in personal abuse",
             f"{SEED_000} 2.4 (not every critic is a troll: a frustrated resident with a service issue); "
             f"{SEED_004} Legitimate challenge and scrutiny", "respond",
             answers("abuse", "complaint", own_page="no", persists="no"), "soon", lead="abuse",
             actions=("Do not reply to threats or abuse", "contact details by private message"),
             findings=("abuse", "complaint", "block"), mixed=True,
             extra={"recommended": {"report", "reply_private", "block"}}),
    Scenario("a threatening message from an account that keeps trolling you",
             f"{SEED_001} 4.4 Muting or blocking accounts; 4.3 (threats: ask the police)", "respond",
             answers("threat", "troll", own_page="no", persists="yes", feeling=["frightened"]), "urgent",
             lead="threats", actions=("Block the account once you have your screenshots", "Report the threat to the police"),
             findings=("threats", "block", "frightened", "look-after-yourself"), not_actions=("Mute the account",),
             mixed=True, extra={"recommended": {"report", "block", "step_back"}}),
    Scenario("a threat to your family in a reply to your post",
             "content guide: lead with safety; if a post threatens you, do not reply: record and report", "respond",
             answers("threat"), "urgent", lead="threats", first_action="call 999",
             contacts=("police-emergency", "police-non-emergency"), not_contacts=("wellbeing",),
             findings=("block",), extra={"recommended": {"report", "block"}, "weighed": {"reply", "mute", "block", "report"}}),
    Scenario("something that does not fit any of the descriptions",
             "content guide: respond, ignore, hide, mute or block (give yourself time before you decide)", "respond",
             answers("none"), "routine", lead="how-to-choose", first_action="Take a screenshot first",
             extra={"recommended": {"step_back"}}),
]


def test_there_are_enough_scenarios_and_enough_of_them_mixed():
    assert len(SCENARIOS) >= 15 and sum(s.mixed for s in SCENARIOS) >= 6
    assert all(s.source and s.tool == "respond" for s in SCENARIOS)
    assert len({s.name for s in SCENARIOS}) == len(SCENARIOS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
def test_scenario(scenario: Scenario):
    res = check(scenario)
    assert recommended(res) == scenario.extra["recommended"], f"{scenario.id}: recommends {sorted(recommended(res))}"
    if "weighed" in scenario.extra:
        assert weighed(res) == scenario.extra["weighed"], f"{scenario.id}: weighs {sorted(weighed(res))}"
