"""The engine on small made-up tools: routing rules, replay, flow, paths and the static checks."""

from __future__ import annotations

import pytest

import decision_tools
from decision_tools import engine
from decision_tools.contacts import ROLES
from decision_tools.engine import ANY_OF, ONE_OF, YES_NO, Go, Option, Outcome, Question, Tool

OUT = lambda oid: Outcome(oid, oid.title(), "Summary.", "routine", actions=("Do this.",))  # noqa: E731


def small_tool(**changes) -> Tool:
    questions = (
        Question("what", "What happened?", ANY_OF,
                 (Option("threat", "A threat"), Option("rude", "A rude message"), Option("none", "None of these")),
                 next=(Go("police", ("threat",)), Go("how_often", ("rude",), only=True), Go("how_often"))),
        Question("how_often", "How often?", ONE_OF, (Option("once", "Once"), Option("more", "More than once")),
                 next=(Go("record", ("once",)),
                       Go("council", test=lambda a: a["what"] == ["rude"], when="Only rude messages, more than once"),
                       Go("worried"))),
        Question("worried", "Are you worried?", YES_NO, next=(Go("council", ("yes",)), Go("record"))),
    )
    data = dict(id="small", title="Small", description="A small tool.", first="what",
                questions=questions, outcomes=(OUT("police"), OUT("record"), OUT("council")))
    data.update(changes)
    return Tool(**data)


class TestRouting:
    def test_any_of_rules_are_tried_in_order(self):
        tool = small_tool()
        assert engine.run(tool, {"what": ["rude", "threat"]})["result"]["id"] == "police"
        assert engine.run(tool, {"what": ["rude"]})["question"]["id"] == "how_often"

    def test_a_rule_can_test_earlier_answers(self):
        tool = small_tool()
        assert engine.run(tool, {"what": ["rude"], "how_often": "more"})["result"]["id"] == "council"
        assert engine.run(tool, {"what": ["none"], "how_often": "more"})["question"]["id"] == "worried"

    def test_answers_off_the_path_are_ignored(self):
        out = engine.run(small_tool(), {"what": ["threat"], "how_often": "not even valid"})
        assert out["result"]["id"] == "police"
        assert [a["question"] for a in out["answered"]] == ["what"]

    def test_why_quotes_each_answer_on_the_path(self):
        out = engine.run(small_tool(), {"what": ["none"], "how_often": "more", "worried": "no"})
        assert out["result"]["why"] == [
            "You answered \u201cNone of these\u201d to \u201cWhat happened?\u201d",
            "You answered \u201cMore than once\u201d to \u201cHow often?\u201d",
            "You answered \u201cNo\u201d to \u201cAre you worried?\u201d",
        ]

    @pytest.mark.parametrize("answer, message", [
        ("threat", "must be a non-empty list"),
        ([], "must be a non-empty list"),
        (["threat", "threat"], "more than once"),
        (["none", "rude"], "cannot be chosen with other options"),
        (["fire"], "'fire', which is not one of: 'threat', 'rude', 'none'"),
    ])
    def test_invalid_any_of_answers_say_what_is_wrong(self, answer, message):
        with pytest.raises(decision_tools.InvalidAnswer, match=r"small: answer to 'what'") as caught:
            engine.run(small_tool(), {"what": answer})
        assert message in str(caught.value)

    def test_answers_must_be_a_mapping(self):
        with pytest.raises(decision_tools.InvalidAnswer, match="JSON object"):
            engine.run(small_tool(), ["what"])


class TestFlow:
    def test_edges_say_when_in_plain_english(self):
        edges = engine.flow(small_tool())["edges"]
        assert edges == [
            {"from": "what", "when": "A threat", "to": "police"},
            {"from": "what", "when": "Only: A rude message", "to": "how_often"},
            {"from": "what", "when": "Otherwise", "to": "how_often"},
            {"from": "how_often", "when": "Once", "to": "record"},
            {"from": "how_often", "when": "Only rude messages, more than once", "to": "council"},
            {"from": "how_often", "when": "Otherwise", "to": "worried"},
            {"from": "worried", "when": "Yes", "to": "council"},
            {"from": "worried", "when": "No", "to": "record"},
        ]

    @pytest.mark.parametrize("tool_id", list(decision_tools.TOOLS))
    def test_flow_of_each_tool_has_the_contract_fields(self, tool_id):
        flow = decision_tools.flow(tool_id)
        assert set(flow) == {"tool", "title", "description", "first", "questions", "outcomes", "edges"}
        assert flow["first"] == flow["questions"][0]["id"]
        for outcome in flow["outcomes"]:
            assert "why" not in outcome
            assert {"id", "title", "summary", "urgency", "actions", "law", "contacts", "links", "notes"} <= set(outcome)
        steps = {q["id"] for q in flow["questions"]} | {o["id"] for o in flow["outcomes"]}
        assert all(e["from"] in steps and e["to"] in steps and e["when"] for e in flow["edges"])

    def test_flow_of_an_unknown_tool_is_refused(self):
        with pytest.raises(decision_tools.UnknownTool):
            decision_tools.flow("nope")


class TestPaths:
    def test_any_of_gets_one_representative_per_rule_and_one_of_every_answer(self):
        assert engine.paths(small_tool()) == [
            {"tool": "small", "answers": {"what": ["threat"]}, "result": "police"},
            {"tool": "small", "answers": {"what": ["rude"], "how_often": "once"}, "result": "record"},
            {"tool": "small", "answers": {"what": ["rude"], "how_often": "more"}, "result": "council"},
            {"tool": "small", "answers": {"what": ["none"], "how_often": "once"}, "result": "record"},
            {"tool": "small", "answers": {"what": ["none"], "how_often": "more", "worried": "yes"}, "result": "council"},
            {"tool": "small", "answers": {"what": ["none"], "how_often": "more", "worried": "no"}, "result": "record"},
        ]


class TestStaticChecks:
    def test_a_well_formed_tool_passes(self):
        assert engine.check(small_tool(), ROLES) == []

    @pytest.mark.parametrize("tool_id", list(decision_tools.TOOLS))
    def test_every_real_tool_passes(self, tool_id):
        assert engine.check(decision_tools.TOOLS[tool_id], ROLES) == []

    def test_a_dead_end_is_found(self):
        q = Question("worried", "Are you worried?", YES_NO, next=(Go("council", ("yes",)),))
        problems = engine.check(small_tool(questions=small_tool().questions[:2] + (q,)), ROLES)
        assert any("'worried': the last rule must apply to any answer" in p for p in problems)

    def test_an_unknown_step_is_found(self):
        q = Question("worried", "Are you worried?", YES_NO, next=(Go("nowhere"),))
        problems = engine.check(small_tool(questions=small_tool().questions[:2] + (q,)), ROLES)
        assert any("unknown step 'nowhere'" in p for p in problems)

    def test_a_loop_is_found(self):
        q = Question("worried", "Are you worried?", YES_NO, next=(Go("council", ("yes",)), Go("what")))
        problems = engine.check(small_tool(questions=small_tool().questions[:2] + (q,)), ROLES)
        assert any("a loop: what -> how_often -> worried -> what" in p for p in problems)

    def test_an_unreachable_outcome_is_found(self):
        problems = engine.check(small_tool(outcomes=small_tool().outcomes + (OUT("lost"),)), ROLES)
        assert problems == ["tool 'small': step 'lost' cannot be reached"]

    def test_an_outcome_no_answer_reaches_is_found(self):
        q = Question("worried", "Are you worried?", YES_NO,
                     next=(Go("council", test=lambda a: False, when="Never"), Go("record")))
        problems = engine.check(small_tool(questions=small_tool().questions[:2] + (q,)), ROLES)
        assert problems == []  # council is still reached from how_often
        tool = small_tool(outcomes=small_tool().outcomes + (OUT("lost"),),
                          questions=small_tool().questions[:2] + (Question(
                              "worried", "Are you worried?", YES_NO,
                              next=(Go("lost", test=lambda a: False, when="Never"), Go("record"))),))
        assert engine.check(tool, ROLES) == ["tool 'small': no answers lead to outcome 'lost'"]

    def test_unknown_roles_and_any_of_without_none_are_found(self):
        bad = Outcome("record", "Record", "S.", "routine", actions=("Do.",), contacts=("ghostbusters",))
        what = Question("what", "What happened?", ANY_OF, (Option("threat", "A threat"),), next=(Go("record"),))
        tool = Tool("bad", "Bad", "", "what", (what,), (bad,))
        problems = engine.check(tool, ROLES)
        assert "tool 'bad', question 'what': an any-of question needs a 'none' option" in problems
        assert "tool 'bad', outcome 'record': unknown contact roles ['ghostbusters']" in problems

    def test_a_test_without_words_is_found(self):
        q = Question("worried", "Are you worried?", YES_NO, next=(Go("council", test=lambda a: True), Go("record")))
        problems = engine.check(small_tool(questions=small_tool().questions[:2] + (q,)), ROLES)
        assert any("needs a plain-English 'when'" in p for p in problems)


class TestRunsInTheBrowser:
    """decision_tools runs unchanged in Pyodide: standard library only, and no I/O."""

    ALLOWED = {"__future__", "dataclasses", "typing"}

    def test_imports_only_the_standard_library_and_does_no_io(self):
        import ast
        from pathlib import Path

        package = Path(decision_tools.__file__).parent
        for source in sorted(package.rglob("*.py")):
            if source.name == "__main__.py":  # the command line is not shipped to the browser's code path
                continue
            tree = ast.parse(source.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.ImportFrom) and node.level == 0:
                    assert node.module in self.ALLOWED, f"{source.name} imports {node.module}"
                if isinstance(node, ast.Import):
                    assert {a.name for a in node.names} <= self.ALLOWED, f"{source.name} imports {node.names}"
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                    assert node.func.id not in {"open", "print", "input", "exec", "eval"}, source.name
