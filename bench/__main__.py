"""`python -m bench` (what `make bench` runs): build scaling, wizard responsiveness, the bytes the
Python runtime costs to send, and Lighthouse's mobile scores, measured side by side, printed as a table and written to bench/results/latest.json and latest.md, with the
table copied into the README's Benchmarks section.

Needs the built site (`make build`), Debian's Chromium and nginx (`make test` installs them), and
Lighthouse from node_modules (`npm ci`).
Timings are reported against the targets, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

from . import report
from .toolkit import ROOT, BenchError

RESULTS = ROOT / "bench" / "results"


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a comma-separated list of page counts, such as 100,500,1000") from None
    if any(size < 1 for size in sizes):
        raise argparse.ArgumentTypeError("page counts must be positive")
    return sizes


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} must be 1 or more")
    return value


def parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_sizes, default=[100, 500, 1000],
                        help="generated toolkit sizes in pages, besides the sample (default: 100,500,1000)")
    parser.add_argument("--runs", type=_positive, default=3, help="builds each way per toolkit (default: 3)")
    parser.add_argument("--large-runs", type=_positive, default=2,
                        help="builds each way for toolkits of 1,000 pages or more (default: 2)")
    parser.add_argument("--browser-runs", type=_positive, default=3,
                        help="cold and warm page loads per variant (default: 3)")
    parser.add_argument("--paths", type=_positive, default=10, help="full answer paths per tool (default: 10)")
    parser.add_argument("--skip-build", action="store_true", help="skip the build-scaling part")
    parser.add_argument("--skip-browser", action="store_true",
                        help="skip every part that needs Chromium or nginx (the wizards, the runtime's bytes, Lighthouse)")
    parser.add_argument("--skip-lighthouse", action="store_true", help="skip Lighthouse only")
    # Three, because one run's score moves by 0.05 or so with whatever else the machine is doing.
    parser.add_argument("--lighthouse-runs", type=_positive, default=3,
                        help="Lighthouse runs a page; the median run is kept (default: 3)")
    parser.add_argument("--quick", action="store_true",
                        help="a smoke run: the sample and a 60-page toolkit, 1 run each, 1 path per tool")
    parser.add_argument("--out", type=Path, default=RESULTS, help="folder for latest.json and latest.md")
    parser.add_argument("--no-readme", action="store_true", help="leave README.md alone")
    parser.add_argument("--from-json", type=Path, metavar="FILE",
                        help="measure nothing: print and write the tables again from an earlier results file")
    args = parser.parse_args(argv)
    if args.quick:
        args.sizes, args.runs, args.large_runs, args.browser_runs, args.paths = [60], 1, 1, 1, 1
        args.lighthouse_runs = 1
    return args


def run(args: argparse.Namespace, progress=print) -> dict:
    started = time.monotonic()
    loads: list[float] = [os.getloadavg()[0]]

    def say(message: str) -> None:
        loads.append(os.getloadavg()[0])
        progress(f"[{time.monotonic() - started:6.0f} s] {message}", flush=True)

    results: dict = {"schema": 1, "started": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
                     "settings": {"sizes": args.sizes, "runs": args.runs, "large_runs": args.large_runs,
                                  "browser_runs": args.browser_runs, "paths_per_tool": args.paths,
                                  "lighthouse_runs": args.lighthouse_runs}}
    with tempfile.TemporaryDirectory(prefix="toolkit-bench-") as scratch:
        work = Path(scratch)
        if not args.skip_build:
            from .build import scaling

            results["build"] = scaling(args.sizes, args.runs, args.large_runs, work / "toolkits", say)
        if not args.skip_browser:
            from .browser import wizards

            (work / "browser").mkdir()
            results["wizards"] = wizards(ROOT / "site", args.browser_runs, args.paths, work / "browser", say)
            _bytes_and_lighthouse(args, results, work, say)
    results["machine"] = report.machine((results.get("wizards") or {}).get("chromium"))
    loads.append(os.getloadavg()[0])
    results["load_averages"] = [round(v, 2) for v in loads]
    results["under_load"] = report.under_load(loads, results["machine"]["cores"] or 1)
    results["duration_s"] = time.monotonic() - started
    results["targets"] = report.targets(results)
    return results


def _bytes_and_lighthouse(args: argparse.Namespace, results: dict, work: Path, say) -> None:
    from .lighthouse import PAGES, lighthouse
    from .transfer import runtime_bytes

    say("The Python runtime as nginx sends it: uncompressed, gzip, brotli")
    results["runtime_bytes"] = runtime_bytes(ROOT / "site", work / "transfer", say)
    if not args.skip_lighthouse:
        say(f"Lighthouse (mobile) on {len(PAGES)} pages, {args.lighthouse_runs} run(s) each")
        results["lighthouse"] = lighthouse(ROOT / "site", args.lighthouse_runs, work / "lighthouse", say)


def _earlier(path: Path) -> dict:
    try:
        results = json.loads(path.read_text())
    except (OSError, ValueError) as error:
        raise BenchError(f"{path}: cannot read it as a results file: {error}") from None
    if not isinstance(results, dict) or results.get("schema") != 1 or "machine" not in results:
        raise BenchError(f"{path}: not a results file written by python -m bench (schema 1)")
    results["targets"] = report.targets(results)
    return results


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    try:
        results = _earlier(args.from_json) if args.from_json else run(args)
    except BenchError as error:
        print(f"bench: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("bench: stopped", file=sys.stderr)
        return 130
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "latest.json").write_text(json.dumps(results, indent=1) + "\n")
    table = report.markdown(results)
    (args.out / "latest.md").write_text(table)
    print()
    print(report.text(results))
    print(f"Wrote {args.out / 'latest.json'} and {args.out / 'latest.md'}.")
    if not args.no_readme:
        if report.update_readme(table):
            print("Updated the Benchmarks section of README.md.")
        else:
            print("README.md has no bench markers; its Benchmarks section was left alone.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
