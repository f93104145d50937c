"""The respond tool, question by question and branch by branch, then realistic scenarios."""

from __future__ import annotations

import pytest

from tool_steps import steps

SAFE = {"threat": "no"}


ask, next_question, result = steps("respond")


class TestThreat:
    def test_is_first(self):
        assert next_question({}) == "threat"

    def test_threats_and_abuse_are_never_engaged_with(self):
        res = result({"threat": "yes"})
        assert res["id"] == "record-and-report" and res["urgency"] == "urgent"
        assert "Do not reply, however tempting." in res["actions"]
        assert res["recommended"] == "Do not engage; record and report"

    def test_no_asks_what_kind_of_post(self):
        assert next_question(SAFE) == "kind"


class TestKind:
    def test_a_troll_asks_whether_it_is_your_own_page(self):
        assert next_question({**SAFE, "kind": "troll"}) == "own_page"

    def test_a_pile_on_means_step_back(self):
        res = result({**SAFE, "kind": "pile_on"})
        assert res["id"] == "pile-on" and "communications" in res["contacts"]

    @pytest.mark.parametrize("kind", ["complaint", "misinformation", "criticism"])
    def test_a_reply_is_possible_so_asks_how_you_feel(self, kind):
        assert next_question({**SAFE, "kind": kind}) == "feeling"


class TestOwnPageAndPersists:
    troll = {**SAFE, "kind": "troll"}

    def test_own_page_asks_whether_it_persists(self):
        assert next_question({**self.troll, "own_page": "yes"}) == "persists"

    def test_on_your_own_page_hide_or_delete_after_a_screenshot(self):
        res = result({**self.troll, "own_page": "yes", "persists": "no"})
        assert res["id"] == "hide-or-delete" and res["actions"][0].startswith("Take a screenshot")

    def test_elsewhere_ignore_it(self):
        assert result({**self.troll, "own_page": "no", "persists": "no"})["id"] == "ignore"

    @pytest.mark.parametrize("own_page", ["yes", "no"])
    def test_if_it_persists_mute_or_block(self, own_page):
        res = result({**self.troll, "own_page": own_page, "persists": "yes"})
        assert res["id"] == "mute-or-block"


class TestFeeling:
    base = {**SAFE, "kind": "criticism"}

    def test_frightened_means_record_and_report(self):
        assert result({**self.base, "feeling": "frightened"})["id"] == "record-and-report"

    def test_upset_means_wait_first(self):
        res = result({**self.base, "feeling": "upset"})
        assert res["id"] == "wait-first" and "wellbeing" in res["contacts"]

    def test_calm_asks_who_is_watching(self):
        assert next_question({**self.base, "feeling": "calm"}) == "watching"


class TestWatching:
    @pytest.mark.parametrize("kind, watching, outcome", [
        ("complaint", "yes", "pass-to-officers"), ("complaint", "no", "pass-to-officers"),
        ("misinformation", "yes", "correct-once"), ("misinformation", "no", "correct-once"),
        ("criticism", "yes", "reply-once"), ("criticism", "no", "leave-it")])
    def test_the_result_follows_the_kind_and_the_audience(self, kind, watching, outcome):
        assert result({**SAFE, "kind": kind, "feeling": "calm", "watching": watching})["id"] == outcome

    def test_a_big_audience_is_part_of_the_reason(self):
        res = result({**SAFE, "kind": "criticism", "feeling": "calm", "watching": "yes"})
        assert any("Many people may see it" in line for line in res["why"])


class TestScenarios:
    def test_a_troll_keeps_goading_you_on_x_after_you_ignored_them(self):
        res = result({**SAFE, "kind": "troll", "own_page": "no", "persists": "yes"})
        assert res["recommended"] == "Mute, then block if needed"
        offs = " ".join(res["trade_offs"])
        assert "Muting is silent" in offs and "they can see it" in offs

    def test_a_rude_provocation_on_your_own_facebook_page(self):
        res = result({**SAFE, "kind": "troll", "own_page": "yes", "persists": "no"})
        assert any(link["anchor"] == "rules-of-engagement" for link in res["links"])

    def test_a_false_claim_that_the_library_is_closing(self):
        res = result({**SAFE, "kind": "misinformation", "feeling": "calm", "watching": "yes"})
        assert res["title"] == "Correct the facts once, then step away"
        assert any(link["anchor"] == "correct-the-facts" for link in res["links"])

    def test_a_resident_complains_about_potholes_on_your_post(self):
        res = result({**SAFE, "kind": "complaint", "feeling": "calm", "watching": "no"})
        assert any("contact details" in a for a in res["actions"])
        assert any("Do not discuss their case in public" in a for a in res["actions"])

    def test_dozens_of_accounts_pile_in_after_a_council_vote(self):
        res = result({**SAFE, "kind": "pile_on"})
        assert any("Do not reply to each post" in a for a in res["actions"])
        assert any("Report any threats" in a for a in res["actions"])

    def test_a_threatening_reply_late_at_night(self):
        res = result({"threat": "yes"})
        assert res["actions"][0] == "If you are in danger right now, call 999."
        assert "police-emergency" in res["contacts"]

    def test_a_post_calling_your_decision_stupid_when_you_are_tired(self):
        res = result({**SAFE, "kind": "criticism", "feeling": "upset"})
        assert res["actions"][0] == "Do not reply now. Come back to it tomorrow."

    def test_criticism_only_a_handful_of_people_will_see(self):
        res = result({**SAFE, "kind": "criticism", "feeling": "calm", "watching": "no"})
        assert res["id"] == "leave-it" and res["trade_offs"]
