"""Build scaling: time `mkdocs build --strict` on toolkits of several sizes, with and without
the build hooks, and the same toolkits built with Zensical, in the same run.

The Zensical build is `python -m build_hooks build --engine zensical --no-pdfs`: what
`make build ENGINE=zensical` runs but the PDFs. It does what `mkdocs build --strict` with the
hooks does (the checks, the page transforms, the handbook pages), plus the verify step, so the two
are compared whole; its engine step alone is read from the build's own summary line.

Each build is a child process; its wall time, CPU time (user + system: less disturbed than wall
time when other work shares the machine) and peak memory (maximum resident set size, from
`os.wait4`) are recorded. With and without hooks alternate, run by run, so a change in the
machine's load falls on both.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .toolkit import ROOT, BenchError, Toolkit, generate

MKDOCS = Path(sys.executable).with_name("mkdocs")
# The end of `python -m build_hooks build`'s summary: "(check 0.3 s, engine 4.6 s, verify ...)".
_ENGINE_STEP = re.compile(r"\bengine (\d+(?:\.\d+)?) s\b")


def _timed(command: list[str], what: str) -> tuple[dict, str]:
    """Run `command` as a child; its wall and CPU time, peak memory, and its output. Raises
    BenchError with the command's own messages if it fails."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("TOOLKIT_SITE_DIR", None)  # each toolkit's own site_dir, never the tests' folder
    started = time.perf_counter()
    with tempfile.TemporaryFile(mode="w+") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, text=True)
        # CPU time includes the children the command waited for (Zensical under build_hooks).
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        log.seek(0)
        output = log.read()
    if os.waitstatus_to_exitcode(status) != 0:
        raise BenchError(f"{what} failed:\n{output[-4000:]}")
    return {"wall_s": wall, "cpu_s": usage.ru_utime + usage.ru_stime, "max_rss_mb": usage.ru_maxrss / 1024}, output


def build_once(config: Path) -> dict:
    """One `mkdocs build --strict`; raises BenchError with MkDocs' own message if it fails."""
    command = [str(MKDOCS), "build", "--strict", "--quiet", "--config-file", str(config)]
    return _timed(command, f"mkdocs build --strict -f {config}")[0]


def zensical_once(config: Path) -> dict:
    """One Zensical build of the toolkit, checks to handbook pages, from an empty Zensical cache
    (the build clears it); raises BenchError with the build's own messages if it fails."""
    command = [sys.executable, "-m", "build_hooks", "build", "--engine", "zensical", "--no-pdfs", "-f", str(config)]
    run, output = _timed(command, f"python -m build_hooks build --engine zensical -f {config}")
    engine = _ENGINE_STEP.search(output)
    run["engine_s"] = float(engine[1]) if engine else None
    return run


def html_kb_per_page(site: Path) -> float | None:
    """The mean size of a built page, in KB (each page holds the whole navigation)."""
    pages = [p.stat().st_size for p in site.rglob("*.html") if not p.relative_to(site).parts[0] == "assets"]
    return sum(pages) / len(pages) / 1024 if pages else None


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(run[key] for run in runs)


def _forget_hooks_cache(toolkit: Toolkit) -> None:
    """Delete what the build hooks keep between builds (beside docs/), so the next build is a first one."""
    import build_hooks

    build_hooks.clear_caches(toolkit.docs)


def measure(toolkit: Toolkit, runs: int, label: str, progress=print) -> dict:
    """Build `toolkit` `runs` times each way, alternating: with hooks as a first build (the hooks'
    cache between builds deleted), without hooks, with hooks again as a rebuild (the cache the
    first build left), and with Zensical as a first build (both caches deleted)."""
    with_hooks: list[dict] = []
    without: list[dict] = []
    rebuild: list[dict] = []
    zensical: list[dict] = []
    for n in range(1, runs + 1):
        _forget_hooks_cache(toolkit)
        with_hooks.append(build_once(toolkit.with_hooks))
        without.append(build_once(toolkit.without_hooks))
        rebuild.append(build_once(toolkit.with_hooks))
        html_kb = html_kb_per_page(toolkit.root / "site") if n == 1 else html_kb  # MkDocs' pages
        _forget_hooks_cache(toolkit)
        zensical.append(zensical_once(toolkit.with_hooks))
        progress(f"  {label}: run {n}/{runs}: {with_hooks[-1]['wall_s']:.1f} s with hooks, "
                 f"{without[-1]['wall_s']:.1f} s without, {rebuild[-1]['wall_s']:.1f} s rebuild with hooks, "
                 f"{zensical[-1]['wall_s']:.1f} s with Zensical")
    row = {"label": label, "pages": toolkit.pages, "runs": runs,
           "with_hooks": with_hooks, "without_hooks": without, "rebuild_with_hooks": rebuild, "zensical": zensical}
    engine_times = [run["engine_s"] for run in zensical if run["engine_s"] is not None]
    row["zensical_engine_median_s"] = statistics.median(engine_times) if engine_times else None
    for key in ("wall_s", "cpu_s"):
        on, off, again = _median(with_hooks, key), _median(without, key), _median(rebuild, key)
        name = key[:-2]
        row[f"{name}_median_s"] = on
        row[f"{name}_median_no_hooks_s"] = off
        row[f"{name}_median_rebuild_s"] = again
        row[f"zensical_{name}_median_s"] = _median(zensical, key)
        row[f"hooks_share_{name}"] = (on - off) / on if on else 0.0
        row[f"hooks_share_rebuild_{name}"] = (again - off) / again if again else 0.0
        row[f"{name}_per_page_ms"] = 1000 * on / toolkit.pages
        row[f"{name}_per_page_no_hooks_ms"] = 1000 * off / toolkit.pages
    row["html_kb_per_page"] = html_kb
    row["max_rss_mb"] = max(run["max_rss_mb"] for run in with_hooks + rebuild)
    row["max_rss_no_hooks_mb"] = max(run["max_rss_mb"] for run in without)
    row["zensical_max_rss_mb"] = max(run["max_rss_mb"] for run in zensical)
    return row


def checks_alone(toolkit: Toolkit, runs: int) -> float | None:
    """Median seconds for the build checks alone, in this process (build_hooks.check_project, caches
    cleared each time), when the build_hooks package offers them; None when it does not."""
    import build_hooks

    check, clear = getattr(build_hooks, "check_project", None), getattr(build_hooks, "clear_caches", None)
    if check is None or clear is None:
        return None
    check(toolkit.with_hooks)  # the first call imports the checks' libraries: not counted
    times = []
    for _ in range(runs):
        clear(toolkit.docs)
        started = time.perf_counter()
        check(toolkit.with_hooks)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def scaling(sizes: list[int], runs: int, large_runs: int, work: Path, progress=print) -> list[dict]:
    """The sample toolkit, then a generated toolkit of each size; `large_runs` for 1,000 pages or more."""
    sample_pages = len(list((ROOT / "docs").rglob("*.md")))
    plan = [("sample", sample_pages)] + [(f"{size} pages", size) for size in sizes]
    rows = []
    for label, pages in plan:
        toolkit = generate(work / label.replace(" ", "-"), pages)
        n = large_runs if pages >= 1000 else runs
        progress(f"Building the {label} toolkit ({toolkit.pages} pages), {n} runs with and without hooks, and with Zensical")
        row = measure(toolkit, n, label, progress)
        row["checks_alone_s"] = checks_alone(toolkit, n)
        rows.append(row)
    return rows
