"""The engine on a small tool of the tests' own: facts, findings, asking, replay, paths, checks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from decision_tools import checks, content, engine
from decision_tools.engine import ANY_OF, ONE_OF, YES_NO, Fact, Finding, Question, Tool, answer_is, chosen

FIXTURE = Path(__file__).parent / "fixtures" / "small_tool.toml"


def small_tool(**changes) -> Tool:
    data = dict(
        id="small",
        questions=(
            Question("danger", YES_NO),
            Question("what", ANY_OF, ("threat", "rude", "none"), pairs=True),
            Question("how_often", ONE_OF, ("once", "more"), ask=lambda f: f.chose("what", "rude")),
        ),
        facts=(Fact("in_danger", answer_is("danger", ("yes",), ("no",))),
               Fact("threat", chosen("what", "threat")),
               Fact("repeated", answer_is("how_often", ("more",), ("once",)))),
        findings=(Finding("danger", "emergency", lambda f: f.yes("in_danger")),
                  Finding("threat", "urgent", lambda f: f.yes("threat")),
                  Finding("rude", "soon", lambda f: f.chose("what", "rude"), ("repeated",)),
                  Finding("nothing", "routine", lambda f: f.chose("what", "none"))),
        stop=lambda f: f.yes("in_danger"))
    data.update(changes)
    return Tool(**data)


@pytest.fixture(autouse=True)
def small_words():
    content.EXTRA["small"] = content.read_path(FIXTURE, "tests/fixtures/small_tool.toml")
    yield
    content.EXTRA.pop("small", None)


class TestAsking:
    def test_questions_come_in_order_and_only_when_needed(self):
        tool = small_tool()
        assert engine.run(tool, {})["question"]["id"] == "danger"
        assert engine.run(tool, {"danger": "no"})["question"]["id"] == "what"
        assert engine.run(tool, {"danger": "no", "what": ["threat"]})["status"] == "result"
        assert engine.run(tool, {"danger": "no", "what": ["rude"]})["question"]["id"] == "how_often"

    def test_stop_asks_nothing_more(self):
        out = engine.run(small_tool(), {"danger": "yes"})
        assert out["status"] == "result" and out["result"]["id"] == "danger"

    def test_an_answer_no_longer_asked_is_ignored(self):
        out = engine.run(small_tool(), {"danger": "no", "what": ["threat"], "how_often": "more"})
        assert [a["question"] for a in out["answered"]] == ["danger", "what"]
        assert "repeated" not in str(out["result"]["findings"])

    def test_the_question_data_has_its_words(self):
        q = engine.run(small_tool(), {"danger": "no"})["question"]
        assert q["text"] == "What happened? Choose all that apply."
        assert [o["label"] for o in q["options"]] == ["A threat", "A rude message", "None of these"]

    @pytest.mark.parametrize("answer, message", [
        ("threat", "must be a non-empty list"),
        ([], "must be a non-empty list"),
        (["threat", "threat"], "more than once"),
        (["none", "rude"], "cannot be chosen with other options"),
        (["fire"], "'fire', which is not one of"),
    ])
    def test_a_bad_choose_all_answer_says_what_is_wrong(self, answer, message):
        with pytest.raises(engine.InvalidAnswer, match=message):
            engine.run(small_tool(), {"danger": "no", "what": answer})

    def test_answers_must_be_an_object(self):
        with pytest.raises(engine.InvalidAnswer, match="JSON object"):
            engine.run(small_tool(), ["danger"])


class TestFindings:
    def test_every_finding_that_holds_is_in_the_result_the_most_urgent_first(self):
        result = engine.run(small_tool(), {"danger": "no", "what": ["rude", "threat"], "how_often": "more"})["result"]
        assert result["id"] == "threat" and result["urgency"] == "urgent"
        assert [f["id"] for f in result["findings"]] == ["threat", "rude"]

    def test_actions_are_merged_once_in_the_content_order_and_replace_what_they_replace(self):
        result = engine.run(small_tool(), {"danger": "no", "what": ["rude", "threat"], "how_often": "more"})["result"]
        assert result["actions"] == ["Report it today.", "Keep a record.", "Block them."]

    def test_an_action_can_depend_on_an_answer(self):
        result = engine.run(small_tool(), {"danger": "no", "what": ["rude"], "how_often": "once"})["result"]
        assert result["actions"][-1] == "You can leave it."

    def test_contacts_come_in_the_order_of_roles(self):
        result = engine.run(small_tool(), {"danger": "no", "what": ["rude", "threat"], "how_often": "once"})["result"]
        assert result["contacts"] == ["police-non-emergency", "member-support"]

    def test_a_finding_gives_the_reasons_of_its_facts(self):
        result = engine.run(small_tool(), {"danger": "no", "what": ["rude"], "how_often": "once"})["result"]
        assert result["findings"][0]["because"] == ["It happened once."]

    def test_links_have_their_page_and_anchor(self):
        result = engine.run(small_tool(), {"danger": "no", "what": ["threat"]})["result"]
        assert result["links"] == [{"title": "Threats", "page": "law/offences.md", "anchor": "threats"}]

    def test_every_result_says_it_is_guidance_not_legal_advice(self):
        result = engine.run(small_tool(), {"danger": "no", "what": ["none"]})["result"]
        assert any("not legal advice" in n for n in result["notes"])


class TestPaths:
    def test_choose_all_questions_walk_none_each_option_and_with_pairs_each_pair(self):
        what = small_tool().question("what")
        assert engine.candidates(what) == [["none"], ["threat"], ["rude"], ["threat", "rude"]]
        assert engine.candidates(Question("x", ANY_OF, ("a", "b", "none"))) == [["none"], ["a"], ["b"]]

    def test_every_path_is_walked_once(self):
        found = [(json.dumps(p["answers"]), p["result"]) for p in engine.paths(small_tool())]
        assert len(found) == len(set(found)) == 1 + 1 + 1 + 2 + 2  # danger; none; threat; rude x2; pair x2
        assert ('{"danger": "yes"}', "danger") in found

    def test_paths_end_where_run_ends(self):
        tool = small_tool()
        for path in engine.paths(tool):
            assert engine.run(tool, path["answers"])["result"]["id"] == path["result"]


class TestChecks:
    def test_the_small_tool_passes(self):
        problems, count = checks.check(small_tool())
        assert problems == [] and count == 7

    def test_a_question_whose_answers_change_nothing_is_found(self):
        # "when" is asked after a threat, but no finding, fact, law entry or action reads it.
        tool = small_tool(questions=small_tool().questions + (
            Question("when", ONE_OF, ("today", "earlier"), ask=lambda f: f.yes("threat")),))
        problems, _ = checks.every_path(tool)
        assert any("question 'when' is asked where every answer gives the same results" in p.message for p in problems)
        assert not any("'how_often'" in p.message for p in problems)

    def test_a_question_that_only_picks_the_words_of_an_action_not_shown_is_found(self):
        # "how_often" chooses the words of "block", which only the rude finding shows. Asked
        # after a threat alone, it changes nothing the reader sees.
        tool = small_tool(questions=(Question("danger", YES_NO), Question("what", ANY_OF, ("threat", "rude", "none"), pairs=True),
                                     Question("how_often", ONE_OF, ("once", "more"), ask=lambda f: f.chose("what", "threat"))),
                          findings=small_tool().findings[:2] + (
                              Finding("rude", "soon", lambda f: f.chose("what", "rude")), small_tool().findings[3]))
        problems, _ = checks.every_path(tool)
        assert any("question 'how_often' is asked where every answer gives the same results" in p.message for p in problems)

    def test_a_finding_never_found_is_found(self):
        tool = small_tool(findings=small_tool().findings[:3] + (Finding("nothing", "routine", lambda f: False),))
        problems, _ = checks.check(tool)
        assert any("finding 'nothing' is never found" in p.message for p in problems)

    def test_missing_and_unused_words_name_the_file_and_line(self, tmp_path):
        text = FIXTURE.read_text().replace('once = "Once"\n', "").replace('[facts.repeated]', '[facts.repeatedly]')
        (tmp_path / "small.toml").write_text(text)
        content.EXTRA["small"] = content.read_path(tmp_path / "small.toml", "small.toml")
        found = [str(p) for p in checks.words(small_tool())]
        lines = text.splitlines()
        options_line = lines.index("[questions.how_often.options]") + 1
        facts_line = lines.index("[facts.repeatedly]") + 1
        assert f"small.toml:{options_line}: option 'once' of 'how_often' has no text: add questions.how_often.options.once" in found
        assert (f"small.toml:{facts_line}: text for fact 'repeatedly', which the tool does not have: "
                "remove it or fix the id") in found

    def test_an_action_a_finding_names_must_have_text(self, tmp_path):
        text = FIXTURE.read_text().replace('record = "Keep a record."\n', "")
        (tmp_path / "small.toml").write_text(text)
        content.EXTRA["small"] = content.read_path(tmp_path / "small.toml", "small.toml")
        found = [p.message for p in checks.words(small_tool())]
        assert "finding 'threat' names action 'record', which has no text in [actions]" in found

    def test_a_choose_all_question_needs_none(self):
        tool = small_tool(questions=(Question("danger", YES_NO), Question("what", ANY_OF, ("threat", "rude"))))
        assert any("needs a 'none' option" in p.message for p in checks.structure(tool))

    def test_an_unknown_law_entry_is_found(self):
        assert any("'no-such-law'" in p.message for p in checks.structure(small_tool(law=("no-such-law",))))


def test_every_registered_tool_and_the_law_pass_the_checks():
    import decision_tools

    assert checks.law_words() == []
    for tool in decision_tools.TOOLS.values():
        assert checks.structure(tool) + checks.words(tool) == [], tool.id
