"""Command line.

    python -m build_hooks check [-f mkdocs.yml] [--strict] [--max-age-days N] [--external-links]
        every check; each problem as `path:line: what is wrong. How to fix it.`; exit 1 if any
    python -m build_hooks runtime
        stage the self-hosted Pyodide runtime and the decision_tools wheel
    python -m build_hooks handbooks [--site site]
        after mkdocs build: the printable handbooks (HTML and PDF) in site/handbooks/, and a report
    python -m build_hooks search [--site site]
        after the engine (MkDocs or Zensical) builds the site: the search index of what readers read
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import Settings, SettingsError, check_project, format_problems, load_project, runtime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_hooks", description="The toolkit's build checks and steps.")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="check contact tables and links; list every problem")
    check.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"),
                       help="the toolkit's mkdocs.yml (default: mkdocs.yml); its docs_dir, nav and extra.toolkit_checks are used")
    check.add_argument("--strict", action="store_true", help="treat warnings (such as stale dates) as errors, as 'make build' does")
    check.add_argument("--max-age-days", type=int, metavar="N",
                       help="a contact last checked more than N days ago is a warning (default: from mkdocs.yml, else 365)")
    check.add_argument("--external-links", action="store_true", help="also list every link to an outside site")
    sub.add_parser("runtime", help="stage the self-hosted Pyodide runtime and the decision_tools wheel")
    books = sub.add_parser("handbooks", help="after mkdocs build: print the handbooks (HTML and PDF) into site/handbooks/")
    books.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    find = sub.add_parser("search", help="after the engine builds the site: write its search index")
    find.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    args = parser.parse_args(argv)

    if args.command == "search":
        return _search(args.site)

    if args.command == "handbooks":
        from . import handbooks

        try:
            rows = handbooks.build(args.site)
        except handbooks.HandbookError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(handbooks.format_report(rows, args.site))
        return 0

    if args.command == "runtime":
        try:
            paths = runtime.stage()
        except runtime.RuntimeError_ as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"Staged Pyodide in docs/{paths['runtime']} and decision_tools in docs/{paths['tools']}")
        return 0
    return _check(args)


def _search(site: Path) -> int:
    from . import search

    try:
        target = search.write_index(site)
    except search.SearchIndexError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Wrote the search index, {target.stat().st_size // 1024} KB, to {target}")
    return 0


def _check(args) -> int:
    from .links import external_links

    try:
        project = load_project(args.config_file)
        settings = project.settings
        if args.max_age_days is not None:
            if args.max_age_days < 1:
                raise SettingsError("--max-age-days must be 1 or more, such as 365.")
            settings = Settings(contacts_max_age_days=args.max_age_days)
        if not project.docs_dir.is_dir():
            raise SettingsError(f"{args.config_file}: the docs folder {project.docs_dir} does not exist.")
        problems = check_project(args.config_file, settings)
    except SettingsError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    outside = external_links(project.docs_dir, root=project.root)
    if args.external_links:
        print(f"Links to outside sites ({len(outside)}; allowed, listed for checking):")
        for link in outside:
            print(f"  {link}")
    elif outside:
        print(f"{len(outside)} link(s) to outside sites (allowed); list them with --external-links.")

    failing = [p for p in problems if args.strict or not p.warning]
    if problems:
        print(format_problems(problems), file=sys.stderr)
    if failing:
        warnings = sum(p.warning for p in failing)
        note = f", {warnings} of them warning(s) that --strict treats as errors" if warnings and args.strict else ""
        print(f"{len(failing)} problem(s) found{note}.", file=sys.stderr)
        return 1
    if problems:
        print(f"All checks passed, with {len(problems)} warning(s); 'make build' (--strict) fails on warnings.")
    else:
        print("All checks passed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
