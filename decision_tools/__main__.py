"""The decision tools on the command line.

    python -m decision_tools list                      each tool, with its questions, findings and paths
    python -m decision_tools run TOOL --answers FILE   JSON answers in (FILE or - for standard input),
                                                       the next question or the result out
    python -m decision_tools paths TOOL                every answer path, a JSON line each
    python -m decision_tools graph TOOL                a Mermaid flowchart of the tool
    python -m decision_tools check [TOOL ...]          the static checks and every path of each tool

Bad input (an unknown tool, an invalid answer, a file that is not JSON) exits with status 2 and
one line on standard error saying what is wrong. `check` prints each problem as `file:line:
message` and exits with status 1 if there is any.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import TOOLS, DecisionToolError, evaluate, tool
from . import engine as _engine


class _Usage(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not argparse's usage block
        raise _Usage(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m decision_tools", description="Councillor Safety Toolkit decision tools.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    commands.add_parser("list", help="each tool with its number of questions, findings and paths")
    run = commands.add_parser("run", help="answer a tool: the next question, or the result")
    run.add_argument("tool")
    run.add_argument("--answers", required=True, metavar="FILE", help="a JSON object of answers, or - for standard input")
    for name, text in (("paths", "every answer path to every result, one JSON object a line"),
                       ("graph", "a Mermaid flowchart of the tool")):
        commands.add_parser(name, help=text).add_argument("tool")
    check = commands.add_parser("check", help="the static checks and every path; exit 1 on any problem")
    check.add_argument("tools", nargs="*", metavar="TOOL", help="the tools to check (default: all)")
    return parser


def _read_answers(source: str):
    try:
        text = sys.stdin.read() if source == "-" else open(source, encoding="utf-8").read()
    except OSError as error:
        raise _Usage(f"cannot read answers file {source!r}: {error.strerror}") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = "standard input" if source == "-" else source
        raise _Usage(f"the answers in {where} are not valid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None


def _check(tool_ids: list[str]) -> int:
    from .checks import check, law_words

    problems = law_words()
    for tool_id in tool_ids or list(TOOLS):
        found, count = check(tool(tool_id))
        problems += found
        print(f"{tool_id}: {count} paths, {len(found)} problem(s)")
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found in the decision tools.", file=sys.stderr)
        return 1
    print("All decision-tool checks passed.")
    return 0


def _run(args) -> int:
    if args.command == "list":
        for t in TOOLS.values():
            found = _engine.paths(t)
            print(json.dumps({"id": t.id, "questions": len(t.questions), "findings": len(t.findings),
                              "paths": len(found), "leads": len({p["result"] for p in found})}))
    elif args.command == "run":
        tool(args.tool)  # an unknown tool is reported before the answers are read
        print(json.dumps(evaluate(args.tool, _read_answers(args.answers)), indent=2, ensure_ascii=False))
    elif args.command == "paths":
        for path in _engine.paths(tool(args.tool)):
            print(json.dumps(path, ensure_ascii=False))
    elif args.command == "graph":
        from .outline import graph

        sys.stdout.write(graph(tool(args.tool)))
    else:
        return _check(args.tools)
    return 0


def main(argv=None) -> int:
    try:
        return _run(_parser().parse_args(argv))
    except (DecisionToolError, _Usage) as error:
        print(f"python -m decision_tools: error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
