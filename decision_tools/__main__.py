"""The decision tools on the command line.

    python -m decision_tools list                      each tool, with its counts of paths and results
    python -m decision_tools run TOOL --answers FILE   JSON answers in (FILE or - for standard input),
                                                       the next question or the result out
    python -m decision_tools paths TOOL                every answer path to every result, a JSON line each
    python -m decision_tools graph TOOL                a Mermaid flowchart of the tool

Bad input (an unknown tool, an invalid answer, a file that is not JSON) exits with status 2 and
one line on standard error saying what is wrong.
"""

from __future__ import annotations

import argparse
import json
import sys

from . import TOOLS, DecisionToolError, evaluate
from . import engine as _engine
from . import _tool


class _Usage(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not argparse's usage block
        raise _Usage(message)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m decision_tools", description="Councillor Safety Toolkit decision tools.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    commands.add_parser("list", help="each tool with its number of questions, results and paths")
    run = commands.add_parser("run", help="answer a tool: the next question, or the result")
    run.add_argument("tool")
    run.add_argument("--answers", required=True, metavar="FILE", help="a JSON object of answers, or - for standard input")
    for name, text in (("paths", "every answer path to every result, one JSON object a line"),
                       ("graph", "a Mermaid flowchart of the tool")):
        commands.add_parser(name, help=text).add_argument("tool")
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


def main(argv=None) -> int:
    try:
        args = _parser().parse_args(argv)
        if args.command == "list":
            for tool in TOOLS.values():
                found = _engine.paths(tool)
                print(json.dumps({"id": tool.id, "title": tool.title, "questions": len(tool.questions),
                                  "results": len(tool.outcomes), "paths": len(found),
                                  "results_reached": len({p["result"] for p in found})}))
        elif args.command == "run":
            _tool(args.tool)  # an unknown tool is reported before the answers are read
            print(json.dumps(evaluate(args.tool, _read_answers(args.answers)), indent=2, ensure_ascii=False))
        elif args.command == "paths":
            for path in _engine.paths(_tool(args.tool)):
                print(json.dumps(path, ensure_ascii=False))
        else:
            sys.stdout.write(_engine.graph(_tool(args.tool)))
    except (DecisionToolError, _Usage) as error:
        print(f"python -m decision_tools: error: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
