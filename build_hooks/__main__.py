"""Command line: `python -m build_hooks check` runs every check; `... runtime` stages Pyodide."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import format_problems, runtime
from .contacts import check_contacts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_hooks", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check contact tables and links; list every problem")
    check.add_argument("--docs", type=Path, default=Path("docs"), help="the docs folder (default: docs)")
    check.add_argument("--strict", action="store_true", help="treat warnings (such as stale dates) as errors")
    sub.add_parser("runtime", help="stage the self-hosted Pyodide runtime and the decision_tools wheel")
    args = parser.parse_args(argv)

    if args.command == "runtime":
        try:
            paths = runtime.stage()
        except runtime.RuntimeError_ as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"Staged Pyodide in docs/{paths['runtime']} and decision_tools in docs/{paths['tools']}")
        return 0

    problems = check_contacts(args.docs)
    failing = [p for p in problems if args.strict or not p.warning]
    if problems:
        print(format_problems(problems), file=sys.stderr)
    if failing:
        print(f"{len(failing)} problem(s) found.", file=sys.stderr)
        return 1
    print("All checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
