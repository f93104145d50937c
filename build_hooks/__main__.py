"""Command line.

    python -m build_hooks check [-f mkdocs.yml] [--strict] [--max-age-days N] [--external-links]
        every check; each problem as `path:line: what is wrong. How to fix it.`; exit 1 if any
    python -m build_hooks runtime
        stage the self-hosted Pyodide runtime and the decision_tools wheel
    python -m build_hooks handbooks [--site site] [-f mkdocs.yml]
        after the engine: the printable handbooks (HTML and PDF) in site/handbooks/, and a report
    python -m build_hooks verify [--site site] [-f mkdocs.yml]
        after the engine: every page has what the page transforms add; each gap as `path:line:`
    python -m build_hooks build [--engine mkdocs|zensical] [-f mkdocs.yml] [--site-dir DIR] [--no-pdfs]
        check, the engine, verify and handbooks, in order (what `make build` runs)
    python -m build_hooks serve [--engine mkdocs|zensical] [-f mkdocs.yml] [--dev-addr HOST:PORT]
        a live rebuild with either engine (what `make serve` runs)
    python -m build_hooks search [--site site]
        after the engine: the search index of what readers read (run by `build`)
    python -m build_hooks offline [--site site] [-f mkdocs.yml]
        last but one: service-worker.js, which keeps the built site for offline use (run by `build`)
    python -m build_hooks precompress [--site site]
        last: .gz and .br copies of the text files and the Python runtime (run by `build`)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import Settings, SettingsError, check_project, format_problems, load_project, runtime


def _parser() -> argparse.ArgumentParser:
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
    books = sub.add_parser("handbooks", help="after the engine: print the handbooks (HTML and PDF) into site/handbooks/")
    verify = sub.add_parser("verify", help="after the engine: check every page has what the page transforms add")
    find = sub.add_parser("search", help="after the engine: write the site's search index")
    keep = sub.add_parser("offline", help="last but one: write service-worker.js, which keeps the site for offline use")
    packed = sub.add_parser("precompress", help="last: write .gz and .br copies beside the text files and the runtime")
    packed.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
    for after in (books, verify, find, keep):
        after.add_argument("--site", type=Path, default=Path("site"), help="the built site (default: site)")
        after.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the toolkit's mkdocs.yml")
    from .engines import ENGINES

    build = sub.add_parser("build", help="check, build with an engine, verify, and make the handbooks (make build)")
    serve = sub.add_parser("serve", help="serve a live rebuild with an engine (make serve)")
    for each in (build, serve):
        each.add_argument("--engine", choices=ENGINES, default="mkdocs", help="the site generator (default: mkdocs)")
        each.add_argument("-f", "--config-file", type=Path, default=Path("mkdocs.yml"), help="the toolkit's mkdocs.yml")
    build.add_argument("--site-dir", type=Path, help="build into this folder instead of mkdocs.yml's site_dir")
    build.add_argument("--no-pdfs", action="store_true", help="write the handbook pages but do not print their PDFs")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT", help="where to serve (default: 127.0.0.1:8000)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)

    if args.command == "search":
        return _search(args.site)

    if args.command == "offline":
        return _offline(args.site, args.config_file)

    if args.command == "precompress":
        return _precompress(args.site)

    if args.command == "handbooks":
        from . import handbooks

        try:
            rows = handbooks.build(args.site, args.config_file)
        except handbooks.HandbookError as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(handbooks.format_report(rows, args.site))
        return 0

    if args.command == "verify":
        from .verify import verify_site

        problems = verify_site(args.config_file, args.site)
        if problems:
            print(format_problems(problems), file=sys.stderr)
            print(f"{len(problems)} page(s) were built without what the toolkit adds to them.", file=sys.stderr)
            return 1
        print(f"Every page in {args.site} has what the toolkit adds to it.")
        return 0

    if args.command in ("build", "serve"):
        return _engine(args)

    if args.command == "runtime":
        try:
            paths = runtime.stage()
        except runtime.RuntimeError_ as error:
            print(f"error: {error}", file=sys.stderr)
            return 1
        print(f"Staged Pyodide in docs/{paths['runtime']} and decision_tools in docs/{paths['tools']}")
        return 0
    return _check(args)


def _engine(args) -> int:
    from . import engines

    if args.command == "serve":
        return engines.serve(args.engine, args.config_file, args.dev_addr)
    build = engines.Build(args.engine, args.config_file, site_dir=args.site_dir, pdfs=not args.no_pdfs)
    try:
        engines.run_build(build)
    except engines.BuildFailed as error:
        print(f"The {args.engine} build failed: {error}.", file=sys.stderr)
        return 1
    print(engines.summary(build))
    return 0


def _precompress(site: Path) -> int:
    from . import precompress

    try:
        print(precompress.format_report(precompress.precompress_site(site), site))
    except precompress.PrecompressError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


def _search(site: Path) -> int:
    from . import search

    try:
        target = search.write_index(site)
    except search.SearchIndexError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    print(f"Wrote the search index, {target.stat().st_size // 1024} KB, to {target}")
    return 0


def _offline(site: Path, config_file: Path) -> int:
    from . import offline
    from .handbooks import HandbookError, load_config

    try:
        print(offline.format_report(offline.write_worker(site, load_config(config_file)), site))
    except (offline.OfflineError, HandbookError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
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
