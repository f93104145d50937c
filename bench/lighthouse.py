"""Lighthouse on the pages a reader meets first, as a phone sees them: Lighthouse 12.2.3 from the
project's node_modules, its default mobile settings (a mid-range phone, slow 4G and a slowed CPU,
simulated), performance and accessibility only, against the site served by nginx with the
shipped deploy/nginx.conf. Each page's scores, and its layout shift, largest contentful paint and
total blocking time, with the elements that shifted. Reported against the targets, never asserted.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path
from urllib.parse import urlsplit

from .toolkit import ROOT, BenchError

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
VERSION = "12.2.3"  # pinned in package.json; 13.x needs Node 22
# Each kind of page, by the page that stands for it.
PAGES = {
    "home": "",
    "guidance": "personal-safety/home-visits/",
    "law": "law/offences/",
    "tool": "tools/harassment/",
    "safety planner": "tools/safety-plan/",
    "incident log": "tools/incident-log/",
}
METRICS = {"cls": "cumulative-layout-shift", "lcp_ms": "largest-contentful-paint", "tbt_ms": "total-blocking-time",
           "fcp_ms": "first-contentful-paint", "si_ms": "speed-index"}
RUN_TIMEOUT_S = 300


def _chrome_flags() -> str:
    """The tests' Chromium flags (tests/harness.py), quoted as Lighthouse's --chrome-flags reads them."""
    from .browser import CHROMIUM_ARGS

    return " ".join(f'{flag.split("=", 1)[0]}="{flag.split("=", 1)[1]}"' if " " in flag else flag for flag in CHROMIUM_ARGS)


def installed_version() -> str:
    package = ROOT / "node_modules" / "lighthouse" / "package.json"
    if not LIGHTHOUSE.exists() or not package.exists():
        raise BenchError(f"Lighthouse is not installed in {ROOT / 'node_modules'}: run 'npm ci' "
                         f"(package.json pins lighthouse {VERSION}), or pass --skip-lighthouse")
    version = json.loads(package.read_text())["version"]
    if version != VERSION:
        raise BenchError(f"node_modules has lighthouse {version}, not the pinned {VERSION}: run 'npm ci'")
    return version


def audit(url: str, out: Path, work: Path) -> dict:
    """One Lighthouse run of `url`; its report, read back from `out`."""
    from .browser import CHROMIUM

    env = {**os.environ, "CHROME_PATH": CHROMIUM, "XDG_CONFIG_HOME": str(work / "xdg"), "XDG_CACHE_HOME": str(work / "xdg")}
    command = [str(LIGHTHOUSE), url, "--only-categories=performance,accessibility", "--output=json",
               f"--output-path={out}", f"--chrome-flags={_chrome_flags()}", "--quiet"]
    try:
        done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=RUN_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise BenchError(f"Lighthouse did not finish {url} within {RUN_TIMEOUT_S} s") from None
    if done.returncode != 0 or not out.exists():
        raise BenchError(f"Lighthouse failed on {url} (exit status {done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(out.read_text())


def summarise(report: dict, origin: str) -> dict:
    """What the bench keeps of one Lighthouse report."""
    if report.get("runtimeError"):
        raise BenchError(f"Lighthouse could not measure {report.get('finalDisplayedUrl')}: {report['runtimeError']}")
    audits = report["audits"]
    row = {"performance": report["categories"]["performance"]["score"],
           "accessibility": report["categories"]["accessibility"]["score"]}
    row.update({key: audits[name].get("numericValue") for key, name in METRICS.items()})
    # Lighthouse's own measure of this machine's speed: it scales what it saw by 4 whatever the
    # machine, so a lower index (a slower or busier machine) means lower performance scores.
    row["benchmark_index"] = (report.get("environment") or {}).get("benchmarkIndex")
    shifts = audits.get("layout-shifts", {})
    if shifts.get("scoreDisplayMode") == "error":
        # Lighthouse 12.2.3 cannot name the elements with Chromium 156 (its RootCauses gatherer
        # fails on the newer trace); the shift itself is still measured. tests/test_layout_shift.py
        # names them instead.
        row["shifted"] = None
    else:
        row["shifted"] = [(item.get("node") or {}).get("selector", "?") for item in (shifts.get("details") or {}).get("items", [])[:3]]
    row["errors"] = sorted(name for name, audit in audits.items() if audit.get("scoreDisplayMode") == "error")
    row["failed_accessibility"] = sorted(ref["id"] for ref in report["categories"]["accessibility"]["auditRefs"]
                                         if ref["weight"] and audits[ref["id"]].get("score") == 0)
    requests = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
    row["outside_requests"] = sorted({item["url"] for item in requests
                                      if urlsplit(item["url"]).scheme in ("http", "https") and urlsplit(item["url"]).netloc != origin})
    return row


def _median_run(runs: list[dict]) -> dict:
    """The run with the median performance score, as Lighthouse's own guidance suggests."""
    ordered = sorted(runs, key=lambda run: run["performance"] or 0)
    middle = ordered[(len(ordered) - 1) // 2]
    return {**middle, "runs": len(runs), "performance_all": [run["performance"] for run in runs],
            "performance_spread": (statistics.pstdev(run["performance"] for run in runs) if len(runs) > 1 else 0.0)}


def lighthouse(site: Path, runs: int, work: Path, progress=print) -> dict:
    """Every page kind, `runs` Lighthouse runs each; the median run per page."""
    from .browser import HarnessError, serve_with_nginx

    version = installed_version()
    (work / "nginx").mkdir(parents=True, exist_ok=True)
    try:
        server = serve_with_nginx(site.resolve(), work / "nginx")
    except HarnessError as error:
        raise BenchError(str(error)) from None
    pages = {}
    try:
        for kind, path in PAGES.items():
            each = []
            for n in range(runs):
                report = audit(server.url + path, work / f"{kind.replace(' ', '-')}-{n}.json", work)
                each.append(summarise(report, server.origin))
                progress(f"  Lighthouse {kind} ({path or 'home'}) {n + 1}/{runs}: performance {each[-1]['performance']}, "
                         f"accessibility {each[-1]['accessibility']}, layout shift {each[-1]['cls']:.3f}")
            pages[kind] = {"path": path, **_median_run(each)}
    finally:
        server.stop()
    return {"version": version, "form_factor": "mobile (Lighthouse default, simulated throttling)", "pages": pages}
