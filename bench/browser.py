"""Wizards in Chromium, served by nginx with the shipped deploy/nginx.conf, side by side with
four baselines, in the same run:

- `worker`: the product. The tool page as built: Python (Pyodide) starts in a module Web Worker,
  from the memory snapshot the reader's browser kept on an earlier visit when it has one.
- `plain-start`: the same page with the snapshot cache emptied before every load (through the
  DevTools protocol), so every start is plain: what the product did before it kept snapshots.
- `main-thread`: the same page with Python loaded on the page's main thread, as other
  Pyodide-in-docs sites do (bench/main_thread.js stands in for the Worker and runs the unchanged
  python-worker.js on the page). Generated into a temporary copy of the site, never shipped.
- `no-python`: the same page without the wizard script: the first question as built, and the
  tool's logic written out ("How this tool decides"), with no Python at all.
- `python-alone`: a page with nothing on it but Python's start (bench/python_alone.js: python.js,
  its worker, the kept snapshot and the service worker), with the tool page's runtime and tools.
  No theme, no wizard: its time to Python ready is the runtime's own floor on this machine.

Which start the worker used is read from its `dt:python-start:snapshot` or `:plain` mark.

What is read, all from the page itself: the wizard's performance marks (`dt:first-question`,
`dt:engine-ready`) and measures (`dt:step`), Navigation Timing, main-thread long tasks (a
`longtask` PerformanceObserver, buffered, added before any page script runs), the bench's own
click-to-next-frame time for each answer, and every response the page and its worker received
(Playwright's request sizes: compressed bytes off the network, 0 for a cache hit).
"""

from __future__ import annotations

import json
import random
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .toolkit import ROOT, BenchError

# tests/harness.py: how the tests start Chromium and serve the site with nginx; the bench does the same.
if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))
from harness import CHROMIUM, CHROMIUM_ARGS, HarnessError, serve_with_nginx  # noqa: E402
VARIANTS = ("worker", "plain-start", "main-thread", "no-python", "python-alone")
SNAPSHOT_CACHE = "toolkit-python-snapshot"  # python-snapshot.js
READY_TIMEOUT = 120_000  # ms: Pyodide can take 10+ s on a loaded 2-core machine
STEP_TIMEOUT = 30_000

_WIZARD_SCRIPT = re.compile(r'<script src="([^"]*assets/javascripts/wizard\.js)" type="module"></script>')
_RUNTIME = re.compile(r'data-runtime="([^"]*)"')
_TOOLS = re.compile(r'data-tools="([^"]*)"')
_PYTHON_ALONE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><title>Python alone</title>
<script src="{script}" type="module"></script></head>
<body><p data-runtime="{runtime}" data-tools="{tools}">Python alone</p></body></html>
"""

# Runs before any page script: long tasks, and the time from each click on Continue to the next
# frame after the wizard's DOM changes (the bench's own view of "answer to next step").
_INIT_SCRIPT = """(() => {
  const bench = window.__bench = { longtasks: [], clicks: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (error) { bench.longtaskError = String(error); }
  let pending = null;
  document.addEventListener("click", (event) => {
    if (!event.target.closest?.(".dt-continue")) return;
    pending = { click: performance.now() };
    bench.clicks.push(pending);
  }, true);
  new MutationObserver((records) => {
    const entry = pending;
    if (!entry || !records.some((r) => r.target.closest?.(".dt-wizard"))) return;
    entry.changed = performance.now();
    requestAnimationFrame(() => setTimeout(() => { entry.frame = performance.now(); }, 0));
    pending = null;
  }).observe(document, { childList: true, subtree: true });
})();"""

_PAGE_METRICS = """() => {
  const nav = performance.getEntriesByType("navigation")[0];
  const mark = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
  return {
    dcl_ms: nav.domContentLoadedEventStart,
    load_ms: nav.loadEventEnd || null,
    first_question_ms: mark("dt:first-question"),
    engine_ready_ms: mark("dt:engine-ready"),
    python_start: performance.getEntriesByType("mark").map((m) => m.name)
      .find((name) => name.startsWith("dt:python-start:"))?.slice("dt:python-start:".length) ?? null,
    longtasks: window.__bench.longtasks,
    longtask_error: window.__bench.longtaskError ?? null,
  };
}"""


# --- the site copy with the baselines ----------------------------------------------------------


def prepare_site(site: Path, dest: Path, tools: list[str]) -> dict[str, dict[str, str]]:
    """Copy the built site to `dest` and add, next to each tool page, `main-thread.html`,
    `no-python.html` and `python-alone.html`. Returns {tool: {variant: path relative to the site root}}."""
    if not (site / "index.html").exists():
        raise BenchError(f"{site} has no built site. Run 'make build' first.")
    shutil.copytree(site, dest, symlinks=True)
    bench_js = dest / "assets" / "bench" / "main-thread.js"
    bench_js.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(Path(__file__).with_name("main_thread.js"), bench_js)
    shutil.copyfile(Path(__file__).with_name("python_alone.js"), bench_js.with_name("python-alone.js"))
    pages = {}
    for tool in tools:
        page = dest / "tools" / tool / "index.html"
        if not page.exists():
            raise BenchError(f"{page.relative_to(dest)} is missing from the built site: "
                             f"is docs/tools/{tool}.md in the navigation?")
        html = page.read_text(encoding="utf-8")
        found = _WIZARD_SCRIPT.search(html)
        if not found:
            raise BenchError(f"tools/{tool}/index.html does not load assets/javascripts/wizard.js as a module script")
        shim = found[1].replace("javascripts/wizard.js", "bench/main-thread.js")
        (page.parent / "main-thread.html").write_text(
            html.replace(found[0], f'<script src="{shim}"></script>\n{found[0]}'), encoding="utf-8")
        (page.parent / "no-python.html").write_text(html.replace(found[0], ""), encoding="utf-8")
        runtime, tools_url = _RUNTIME.search(html), _TOOLS.search(html)
        if not runtime or not tools_url:
            raise BenchError(f"tools/{tool}/index.html has no wizard with data-runtime and data-tools")
        (page.parent / "python-alone.html").write_text(_PYTHON_ALONE.format(
            script=found[1].replace("javascripts/wizard.js", "bench/python-alone.js"),
            runtime=runtime[1], tools=tools_url[1]), encoding="utf-8")
        pages[tool] = {"worker": f"tools/{tool}/", "plain-start": f"tools/{tool}/",
                       "main-thread": f"tools/{tool}/main-thread.html", "no-python": f"tools/{tool}/no-python.html",
                       "python-alone": f"tools/{tool}/python-alone.html"}
    return pages


# --- answer paths -----------------------------------------------------------------------------


def tool_ids() -> list[str]:
    import decision_tools

    return [t["id"] for t in decision_tools.list_tools()]


def paths(tool: str) -> list[dict]:
    """Every answer path of `tool`, from the engine's CLI."""
    done = subprocess.run([sys.executable, "-m", "decision_tools", "paths", tool], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise BenchError(f"python -m decision_tools paths {tool} failed: {done.stderr.strip()}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]


def sample_paths(all_paths: list[dict], limit: int, seed: int = 2026) -> list[dict]:
    """At most `limit` full paths: the first path to each result, then a seeded random few."""
    chosen, seen = [], set()
    for path in all_paths:
        if path["result"] not in seen:
            seen.add(path["result"])
            chosen.append(path)
    rest = [p for p in all_paths if p not in chosen]
    random.Random(seed).shuffle(rest)
    return (chosen + rest)[:limit]


# --- Chromium ---------------------------------------------------------------------------------


class Browser:
    """Launch Chromium with a given profile folder: a new folder is a cold profile, a reused one
    is warm (its disk cache holds what earlier visits downloaded)."""

    def __init__(self, playwright, site_root: Path):
        self.playwright = playwright
        self.site_root = site_root

    def open(self, profile: Path):
        if not Path(CHROMIUM).exists():
            raise BenchError(f"{CHROMIUM} is missing. 'make test' installs Debian's chromium package.")
        context = self.playwright.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context.add_init_script(script=_INIT_SCRIPT)
        page = context.pages[0] if context.pages else context.new_page()
        return context, page

    def load(self, profile: Path, url: str, variant: str) -> dict:
        """Open `url` in Chromium with `profile`; wait for Python (or, with no Python, for the
        network to go quiet); return the page's timings, long tasks and bytes."""
        context, page = self.open(profile)
        try:
            if variant == "plain-start":
                origin = "{0.scheme}://{0.netloc}".format(urlsplit(url))
                context.new_cdp_session(page).send("Storage.clearDataForOrigin",
                                                   {"origin": origin, "storageTypes": "cache_storage"})
            requests = []
            page.on("requestfinished", lambda request: requests.append(request))
            page.goto(url, wait_until="domcontentloaded")
            if variant != "no-python":
                wait_ready(page)
            page.wait_for_load_state("networkidle")
            metrics = page.evaluate(_PAGE_METRICS)
            metrics["bytes"] = self.bytes(requests)
            if metrics["python_start"] == "plain" and variant in ("worker", "plain-start", "python-alone"):
                wait_kept(page)  # so the next load in this profile finds it, as a reader's next visit would
            return metrics
        finally:
            context.close()

    def bytes(self, requests) -> dict:
        """Compressed bytes off the network (headers and body; 0 for a disk or memory cache hit)
        and uncompressed bytes (the served files' sizes) of every response."""
        compressed = uncompressed = network = cached = 0
        for request in requests:
            sizes = request.sizes()
            over_network = max(0, sizes["responseBodySize"] + sizes["responseHeadersSize"])
            compressed += over_network
            network += over_network > 0
            cached += over_network == 0
            uncompressed += self.file_size(request.url)
        return {"compressed": compressed, "uncompressed": uncompressed,
                "requests": len(requests), "from_network": network, "from_cache": cached}

    def file_size(self, url: str) -> int:
        path = self.site_root / unquote(urlsplit(url).path).lstrip("/")
        if path.is_dir():
            path = path / "index.html"
        return path.stat().st_size if path.is_file() else 0


def wait_ready(page) -> None:
    """Wait for the `dt:engine-ready` mark, polling with plain evaluate calls: Playwright's own
    waiting runs in requestAnimationFrame callbacks, which can make long tasks of their own."""
    deadline = time.monotonic() + READY_TIMEOUT / 1000
    while not page.evaluate("() => performance.getEntriesByName('dt:engine-ready').length"):
        if time.monotonic() > deadline:
            status = page.evaluate("() => document.querySelector('.dt-wizard__status, .dt-wizard__message')?.textContent ?? ''")
            raise BenchError(f"{page.url}: Python did not report ready (performance mark 'dt:engine-ready') "
                             f"within {READY_TIMEOUT // 1000} s. The page says: {status.strip()!r}.")
        time.sleep(0.1)
    time.sleep(0.2)  # let the long-task observer deliver its last entries


def wait_kept(page, timeout_s: float = 60) -> None:
    """Wait until the worker has put its snapshot in Cache Storage (after Python was ready)."""
    deadline = time.monotonic() + timeout_s
    while not page.evaluate("(name) => caches.open(name).then((c) => c.keys()).then((k) => k.length)", SNAPSHOT_CACHE):
        if time.monotonic() > deadline:
            raise BenchError(f"{page.url}: the worker kept no Python snapshot within {timeout_s:.0f} s of a plain start")
        time.sleep(0.1)


def _quantile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def _summary(values: list[float]) -> dict:
    return {"median": statistics.median(values) if values else None, "p95": _quantile(values, 0.95),
            "max": max(values) if values else None, "n": len(values)}


# --- the measurements -------------------------------------------------------------------------


def loading(browser: Browser, base: str, pages: dict, tool: str, runs: int, work: Path, progress=print) -> dict:
    """Cold and warm loads of `tool`'s page in each variant, `runs` each. Leaves each variant's
    warm profile in `work/warm-VARIANT` for the answering runs."""
    out = {}
    for variant in VARIANTS:
        url = base + pages[tool][variant]
        cold = []
        for n in range(runs):
            cold.append(browser.load(Path(tempfile.mkdtemp(dir=work, prefix="cold-")), url, variant))
            progress(f"  {variant}: cold load {n + 1}/{runs}: {_ready_text(cold[-1])}")
        profile = work / f"warm-{variant}"
        browser.load(profile, url, variant)  # fills the profile's cache; not counted
        warm = []
        for n in range(runs):
            warm.append(browser.load(profile, url, variant))
            progress(f"  {variant}: warm load {n + 1}/{runs}: {_ready_text(warm[-1])}")
        out[variant] = {"cold": _load_summary(cold), "warm": _load_summary(warm), "cold_runs": cold, "warm_runs": warm}
    return out


def _ready_text(run: dict) -> str:
    ready = run["engine_ready_ms"]
    text = (f"Python ready at {ready:.0f} ms ({run['python_start']} start)" if ready is not None
            else f"DOMContentLoaded at {run['dcl_ms']:.0f} ms")
    return f"{text}, {len(run['longtasks'])} long task(s), {run['bytes']['compressed'] / 1e6:.2f} MB transferred"


def answerable(run: dict) -> float:
    """When the first question can take an answer: its mark (`dt:first-question`), or, if a long
    task was running then (the one that showed it, or any other), when that task ended."""
    at = run["first_question_ms"]
    for task in sorted(run["longtasks"], key=lambda t: t["start"]):
        if task["start"] <= at < task["start"] + task["duration"]:
            at = task["start"] + task["duration"]
    return at


def while_loading(run: dict) -> list[dict]:
    """Long tasks begun once the wizard had started loading Python, until Python was ready."""
    start, end = run["first_question_ms"], run["engine_ready_ms"]
    if start is None or end is None:
        return []
    return [t for t in run["longtasks"] if start <= t["start"] < end]


def _load_summary(runs: list[dict]) -> dict:
    def median(key):
        values = [r[key] for r in runs if r[key] is not None]
        return statistics.median(values) if values else None

    first = [answerable(r) - r["dcl_ms"] for r in runs if r["first_question_ms"] is not None]
    return {
        "runs": len(runs),
        "dcl_ms": median("dcl_ms"),
        "first_question_after_dcl_ms": statistics.median(first) if first else None,
        "engine_ready_ms": median("engine_ready_ms"),
        "longtasks_per_load": statistics.median(len(r["longtasks"]) for r in runs),
        "longtasks_while_python_loads": statistics.median(len(while_loading(r)) for r in runs),
        "longest_task_ms": max((t["duration"] for r in runs for t in r["longtasks"]), default=0),
        "compressed_bytes": statistics.median(r["bytes"]["compressed"] for r in runs),
        "uncompressed_bytes": statistics.median(r["bytes"]["uncompressed"] for r in runs),
        "requests": statistics.median(r["bytes"]["requests"] for r in runs),
        "starts": {kind: sum(r.get("python_start") == kind for r in runs) for kind in ("snapshot", "plain")},
    }


def steps(page, base: str, pages: dict, tool: str, variant: str, chosen: list[dict]) -> dict:
    """Open `tool`'s page and answer every question of each chosen path; the time from each
    answer to its next step."""
    page.goto(base + pages[tool][variant], wait_until="domcontentloaded")
    wait_ready(page)
    ready_at = page.evaluate("() => performance.getEntriesByName('dt:engine-ready')[0].startTime")
    root = f'.dt-wizard[data-tool="{tool}"]'
    measured: list[float] = []
    for n, path in enumerate(chosen):
        if n:
            _click_and_wait(page, f"{root} .dt-restart")
        for _ in range(len(path["answers"]) + 1):
            qid = page.evaluate("(s) => document.querySelector(s)?.dataset.question ?? null",
                                f"{root} .dt-wizard__step .dt-question")
            if qid is None:
                break
            if qid not in path["answers"]:
                raise BenchError(f"{tool}: the page asked {qid!r}, which the path {path['answers']} does not answer")
            value = path["answers"][qid]
            ids = [f"dt-{tool}-{qid}-{v}" for v in (value if isinstance(value, list) else [value])]
            page.evaluate("(ids) => { for (const id of ids) { const input = document.getElementById(id); "
                          "if (!input.checked) input.click(); } }", ids)
            measured.append(_click_and_wait(page, f"{root} .dt-continue"))
        if page.evaluate("(s) => document.querySelectorAll(s).length", f"{root} .dt-result") != 1:
            raise BenchError(f"{tool}: no result on the page after answering {path['answers']}")
    frames = page.evaluate("() => window.__bench.clicks.filter((c) => c.frame !== undefined).map((c) => c.frame - c.click)")
    longtasks = [t for t in page.evaluate("() => window.__bench.longtasks") if t["start"] > ready_at]
    return {"paths": len(chosen), "step_ms": measured, "click_to_frame_ms": frames, "longtasks_while_answering": longtasks}


def _click_and_wait(page, selector: str) -> float:
    """Click a wizard button (in the page, not through Playwright's rAF-driven actions) and
    return the wizard's own `dt:step` measure of the step that follows."""
    before = page.evaluate("(s) => { const n = performance.getEntriesByName('dt:step').length; "
                           "document.querySelector(s).click(); return n; }", selector)
    deadline = time.monotonic() + STEP_TIMEOUT / 1000
    while True:
        step = page.evaluate("(n) => performance.getEntriesByName('dt:step')[n]?.duration ?? null", before)
        if step is not None:
            return step
        if time.monotonic() > deadline:
            raise BenchError(f"{page.url}: no next step within {STEP_TIMEOUT // 1000} s of clicking {selector}")
        time.sleep(0.01)


def wizards(site: Path, runs: int, paths_per_tool: int, work: Path, progress=print) -> dict:
    """Every wizard measurement, for every tool; the load timings for the first tool."""
    from playwright.sync_api import sync_playwright

    tools = tool_ids()
    served = work / "site"
    pages = prepare_site(site, served, tools)
    results = {"tools": tools, "load_tool": tools[0], "runs": runs, "paths_per_tool": paths_per_tool,
               "steps": {}}
    try:
        server = serve_with_nginx(served, _folder(work / "nginx"))
    except HarnessError as error:
        raise BenchError(str(error)) from None
    try:
        with sync_playwright() as playwright:
            base = server.url
            browser = Browser(playwright, served)
            results["chromium"] = _chromium_version(playwright)
            progress(f"Loading tools/{tools[0]}/ in Chromium (nginx, shipped config), {runs} cold and {runs} warm loads a variant")
            results["loading"] = loading(browser, base, pages, tools[0], runs, work, progress)
            chosen = {tool: sample_paths(paths(tool), paths_per_tool) for tool in tools}
            for variant in ("worker", "main-thread"):
                # The variant's warm profile: Python loads from the cache, the answers are what count.
                context, page = browser.open(work / f"warm-{variant}")
                try:
                    for tool in tools:
                        progress(f"Answering {len(chosen[tool])} full paths of {tool} ({variant})")
                        results["steps"].setdefault(tool, {})[variant] = steps(page, base, pages, tool, variant, chosen[tool])
                finally:
                    context.close()
    finally:
        server.stop()
    for variant in ("worker", "main-thread"):
        every = [ms for tool in tools for ms in results["steps"][tool][variant]["step_ms"]]
        frames = [ms for tool in tools for ms in results["steps"][tool][variant]["click_to_frame_ms"]]
        tasks = [t for tool in tools for t in results["steps"][tool][variant]["longtasks_while_answering"]]
        results.setdefault("step_summary", {})[variant] = {
            "step_ms": _summary(every), "click_to_frame_ms": _summary(frames), "longtasks_while_answering": len(tasks)}
    return results


def _folder(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


def _chromium_version(playwright) -> str:
    browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    try:
        return browser.version
    finally:
        browser.close()
