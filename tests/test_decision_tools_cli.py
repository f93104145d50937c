"""`python -m decision_tools`: list, run, paths and graph, and every way its input can be wrong."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

import decision_tools
from build_hooks.runtime import ROOT
from decision_tools import engine


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "decision_tools", *args], cwd=ROOT, input=stdin,
                          capture_output=True, text=True, timeout=120)


def one_line_error(done: subprocess.CompletedProcess, *fragments: str) -> str:
    """Exit status 2, nothing on standard output, one line on standard error, no traceback."""
    assert done.returncode == 2, done
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])
    return lines[0]


class TestList:
    def test_lists_every_tool_with_counts_that_match_paths(self):
        done = cli("list")
        assert done.returncode == 0, done.stderr
        rows = [json.loads(line) for line in done.stdout.splitlines()]
        assert [r["id"] for r in rows] == list(decision_tools.TOOLS)
        for row in rows:
            tool = decision_tools.TOOLS[row["id"]]
            paths = engine.paths(tool)
            assert row["paths"] == len(paths) > 0
            assert row["leads"] == len({p["result"] for p in paths})
            assert (row["questions"], row["findings"]) == (len(tool.questions), len(tool.findings))


class TestCheck:
    def test_check_passes_on_the_tools_and_prints_their_paths(self):
        done = cli("check", "harassment")
        assert done.returncode == 0, done.stderr
        assert done.stdout.splitlines()[0].startswith("harassment: ") and "0 problem(s)" in done.stdout

    def test_check_of_an_unknown_tool_is_an_error(self):
        one_line_error(cli("check", "nope"), "unknown tool 'nope'")


class TestRun:
    def test_answers_from_a_file_give_the_result_with_its_trace(self, tmp_path):
        answers = tmp_path / "answers.json"
        answers.write_text(json.dumps({"danger": "yes"}))
        done = cli("run", "harassment", "--answers", str(answers))
        assert done.returncode == 0, done.stderr
        out = json.loads(done.stdout)
        assert out == decision_tools.evaluate("harassment", {"danger": "yes"})
        assert out["status"] == "result" and out["result"]["id"] == "emergency"

    def test_answers_from_standard_input_give_the_next_question(self):
        done = cli("run", "harassment", "--answers", "-", stdin="{}")
        assert done.returncode == 0, done.stderr
        out = json.loads(done.stdout)
        assert out["status"] == "question" and out["question"]["id"] == "danger"

    def test_an_invalid_answer_names_the_question_and_the_allowed_values(self):
        done = cli("run", "harassment", "--answers", "-", stdin='{"danger": "maybe"}')
        one_line_error(done, "'danger'", "'maybe'", "'yes', 'no'")

    def test_an_answer_of_the_wrong_type_is_refused(self):
        done = cli("run", "harassment", "--answers", "-", stdin='{"danger": ["yes"]}')
        one_line_error(done, "'danger'", "'yes', 'no'")

    def test_answers_that_are_not_an_object_are_refused(self):
        one_line_error(cli("run", "harassment", "--answers", "-", stdin='["yes"]'), "JSON object")

    def test_an_unknown_tool_names_the_tools_there_are(self):
        one_line_error(cli("run", "nope", "--answers", "-", stdin="{}"), "unknown tool 'nope'", "harassment")

    def test_bad_json_says_where(self):
        one_line_error(cli("run", "harassment", "--answers", "-", stdin='{"danger": '), "not valid JSON", "line 1")

    def test_a_missing_answers_file_is_named(self, tmp_path):
        missing = tmp_path / "nowhere.json"
        one_line_error(cli("run", "harassment", "--answers", str(missing)), str(missing))

    def test_run_without_answers_says_what_is_missing(self):
        one_line_error(cli("run", "harassment"), "--answers")


class TestPathsAndGraph:
    @pytest.mark.parametrize("tool_id", list(decision_tools.TOOLS))
    def test_paths_prints_one_json_object_a_line_each_ending_in_its_result(self, tool_id):
        done = cli("paths", tool_id)
        assert done.returncode == 0, done.stderr
        rows = [json.loads(line) for line in done.stdout.splitlines()]
        assert rows == engine.paths(decision_tools.TOOLS[tool_id])
        for row in rows[::211]:
            assert set(row) == {"tool", "answers", "result"} and row["tool"] == tool_id
            out = decision_tools.evaluate(tool_id, row["answers"])
            assert out["status"] == "result" and out["result"]["id"] == row["result"]

    @pytest.mark.parametrize("tool_id", list(decision_tools.TOOLS))
    def test_graph_is_a_mermaid_flowchart_of_every_question_finding_and_step_taken(self, tool_id):
        from decision_tools.outline import transitions

        done = cli("graph", tool_id)
        assert done.returncode == 0, done.stderr
        lines = done.stdout.splitlines()
        tool = decision_tools.TOOLS[tool_id]
        assert lines[0] == "flowchart TD"
        steps = transitions(tool)
        assert len(lines) == 1 + len(tool.questions) + len(tool.findings) + len(steps)
        arrows = [line for line in lines if "-->" in line]
        assert len(arrows) == len(steps)
        flow = decision_tools.flow(tool_id)
        asked_when = {q["id"]: q["asked_when"] for q in flow["questions"]}
        for source, target in steps:
            if not target.startswith("result:") and asked_when[target]:
                label = asked_when[target].replace('"', "#quot;").replace(";", "#59;")
                assert any(f'q_{source.replace("-", "_")} -->|"{label}"| q_{target}' in a for a in arrows)

    @pytest.mark.parametrize("command", ["paths", "graph"])
    def test_an_unknown_tool_is_an_error(self, command):
        one_line_error(cli(command, "nope"), "unknown tool 'nope'")

    def test_no_command_is_an_error(self):
        one_line_error(cli(), "command")

    def test_an_unknown_command_is_an_error(self):
        one_line_error(cli("frob"), "frob")
