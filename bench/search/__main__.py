"""`python -m bench.search`: every search candidate over the query set, side by side.

Prints a table, writes bench/results/search.json (every phrase's rank for each candidate) and
search.md. Needs both engines' builds (`make sites`), Chromium and nginx (`make test` installs them).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from ..toolkit import ROOT, BenchError
from . import measure, report, variants

RESULTS = ROOT / "bench" / "results"


def site_anchors(site: Path) -> dict[str, set[str]]:
    """Each page's site path, and the ids on it."""
    anchors = {}
    for page in site.rglob("index.html"):
        path = page.parent.relative_to(site).as_posix()
        anchors["" if path == "." else path + "/"] = set(re.findall(r'\bid="([^"]+)"', page.read_text(encoding="utf-8")))
    return anchors


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m bench.search", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="MkDocs' build of the site (default: site)")
    parser.add_argument("--zensical-site", type=Path, default=ROOT / "site-zensical",
                        help="Zensical's build, for toolkit-zensical (default: site-zensical)")
    parser.add_argument("--only", default=",".join(variants.NAMES),
                        help=f"comma-separated candidates (default: all: {','.join(variants.NAMES)})")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for search.json and search.md")
    parser.add_argument("--no-readme", action="store_true", help="leave README.md alone")
    args = parser.parse_args(argv)
    args.only = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = [n for n in args.only if n not in variants.NAMES]
    if unknown:
        parser.error(f"no candidate {unknown[0]!r}; the candidates are {', '.join(variants.NAMES)}")
    return args


def main(argv=None) -> int:
    args = parse(argv)
    started = time.monotonic()
    try:
        for site in sorted({variants.site_for(name, args.site, args.zensical_site) for name in args.only}):
            problems = measure.check_answers(measure.load_queries(), site_anchors(site))
            if problems:
                raise BenchError(f"{measure.QUERIES}: answers {site} does not have:\n  " + "\n  ".join(problems))
        with tempfile.TemporaryDirectory(prefix="toolkit-search-bench-") as scratch:
            results = run_all(args, Path(scratch), started)
    except (BenchError, measure.QuerySetError) as error:
        print(f"bench.search: {error}", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "search.json").write_text(json.dumps(results, indent=1) + "\n")
    (args.out / "search-partial.json").unlink(missing_ok=True)
    table = report.markdown(results)
    (args.out / "search.md").write_text(table)
    print()
    print(table)
    print(f"Wrote {args.out / 'search.json'} and {args.out / 'search.md'}.")
    if not args.no_readme and set(args.only) == set(variants.NAMES) and report.update_readme(table):
        print("Updated the Search section of README.md.")
    return 0


def run_all(args, scratch: Path, started: float) -> dict:
    from .run import measure_all

    def say(message):
        print(f"[{time.monotonic() - started:6.0f} s] {message}", flush=True)

    args.out.mkdir(parents=True, exist_ok=True)
    results = measure_all(args.site, scratch, args.only, say, progress=args.out / "search-partial.json",
                          zensical_site=args.zensical_site)
    results["started"] = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    results["duration_s"] = round(time.monotonic() - started, 1)
    return results


if __name__ == "__main__":
    sys.exit(main())
