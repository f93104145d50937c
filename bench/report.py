"""The benchmark's results: the targets judged, the machine described, and the tables (plain text
for the terminal, Markdown for bench/results/latest.md and the README)."""

from __future__ import annotations

import os
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

from .browser import while_loading
from .toolkit import ROOT

README = ROOT / "README.md"
README_START = "<!-- bench:start (written by `make bench`) -->"
README_END = "<!-- bench:end -->"

# Per-page build time counts as flat when the largest toolkit's is at most this many times the
# 100-page toolkit's.
FLAT_RATIO = 1.25
# Navigation start to Python ready, medians, in the product (the worker with its fast start).
READY_COLD_S = 2.5
READY_WARM_S = 0.5


# --- the machine ------------------------------------------------------------------------------


def machine(chromium: str | None = None) -> dict:
    cpuinfo = _read("/proc/cpuinfo")
    meminfo = _read("/proc/meminfo")
    model = re.search(r"^model name\s*:\s*(.+)$", cpuinfo, re.MULTILINE)
    memory = re.search(r"^MemTotal:\s*(\d+) kB", meminfo, re.MULTILINE)
    runtime = sorted(p.name for p in (ROOT / "docs" / "assets" / "pyodide").glob("*") if p.is_dir())
    return {
        "cores": os.cpu_count(),
        "memory_gib": round(int(memory[1]) / 1024 ** 2, 1) if memory else None,
        "cpu_model": model[1].strip() if model else platform.processor() or "unknown",
        "os": platform.platform(),
        "python": platform.python_version(),
        "chromium": chromium,
        "pyodide": runtime[-1] if runtime else None,
        "mkdocs": _version([str(Path(sys.executable).with_name("mkdocs")), "--version"], r"version (\S+)", "MkDocs"),
        "zensical": _version([str(Path(sys.executable).with_name("zensical")), "--version"], r"(\d+\.\d+\.\d+\S*)", "Zensical"),
        "nginx": _version([shutil.which("nginx") or "/usr/sbin/nginx", "-v"], r"nginx/(\S+)", "nginx"),
    }


def _read(path: str) -> str:
    try:
        return Path(path).read_text()
    except OSError:
        return ""


def _version(command: list[str], pattern: str, name: str) -> str | None:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    found = re.search(pattern, done.stdout + done.stderr)
    return f"{name} {found[1]}" if found else None


def under_load(loads: list[float], cores: int) -> bool:
    """The machine was busy: the 1-minute load average went above 1.5 a core (the benchmark keeps
    about one or two cores busy, and its browser runs at times push it past that on its own)."""
    return bool(loads) and max(loads) > 1.5 * cores


# --- the targets ------------------------------------------------------------------------------


def targets(results: dict) -> list[dict]:
    """Each target from the issue, with what was measured and whether it was met (None: not measured)."""
    out = []
    wiz = results.get("wizards")
    if wiz:
        load = wiz["loading"]["worker"]
        first = [load[k]["first_question_after_dcl_ms"] for k in ("cold", "warm")]
        first = [v for v in first if v is not None]
        out.append(_target("first-question", "First question answerable within 100 ms of DOMContentLoaded",
                           max(first) if first else None, lambda v: v <= 100,
                           lambda v: f"{v:.0f} ms after DOMContentLoaded (slower of cold and warm medians)"))
        alone = wiz["loading"].get("python-alone")
        out.append(_target("python-ready-cold", f"Python ready within {_s(READY_COLD_S)}, cold profile (first visit)",
                           load["cold"]["engine_ready_ms"], lambda v: v <= 1000 * READY_COLD_S,
                           lambda v: _against(v, READY_COLD_S) + _floor(alone, "cold")))
        out.append(_target("python-ready-warm", f"Python ready within {_s(READY_WARM_S)}, warm profile "
                           "(a later visit: disk cache and the kept snapshot)",
                           load["warm"]["engine_ready_ms"], lambda v: v <= 1000 * READY_WARM_S,
                           lambda v: _against(v, READY_WARM_S) + _floor(alone, "warm")))
        step = wiz["step_summary"]["worker"]["step_ms"]
        out.append(_target("step-p95", "Answer to next step 50 ms or less at the 95th percentile",
                           step["p95"], lambda v: v <= 50, lambda v: f"{v:.1f} ms p95 over {step['n']} answers"))
        runs = [r for k in ("cold_runs", "warm_runs") for r in load[k]]
        loading = sum(len(while_loading(r)) for r in runs)
        out.append(_target("no-long-tasks-loading", "No long tasks on the main thread while Python loads",
                           loading, lambda v: v == 0, lambda v: f"{v} in {len(runs)} loads"))
        tasks = sum(len(r["longtasks"]) for r in runs) + wiz["step_summary"]["worker"]["longtasks_while_answering"]
        plain_page = wiz["loading"].get("no-python")
        theirs = (f"; the same page without Python has {sum(len(r['longtasks']) for k in ('cold_runs', 'warm_runs') for r in plain_page[k])}"
                  f" in {len(plain_page['cold_runs']) + len(plain_page['warm_runs'])} loads") if plain_page else ""
        out.append(_target("no-long-tasks", "No long tasks on the main thread at all (the theme's own scripts included)",
                           tasks, lambda v: v == 0,
                           lambda v: f"{v} in {len(runs)} loads and {step['n']} answers{theirs}"))
    out += lighthouse_targets(results.get("lighthouse"))
    build = results.get("build")
    if build:
        sample = build[0]
        out.append(_target("hooks-share", "Hooks under 10 percent of build time (sample toolkit, first build)",
                           sample["hooks_share_cpu"], lambda v: v < 0.10,
                           lambda v: f"{_pct(v)} of CPU time on a first build; {_pct(sample.get('hooks_share_rebuild_cpu'))} "
                                     f"on a rebuild with the hooks' cache; {_pct(sample['hooks_share_wall'])} of wall time"))
        generated = build[1:]
        small = next((row for row in generated if row["pages"] == 100), generated[0] if generated else None)
        large = max(generated, key=lambda r: r["pages"]) if generated else None
        ratio = (large["cpu_per_page_ms"] / small["cpu_per_page_ms"]
                 if small and large and large["pages"] > small["pages"] else None)
        span = f"from {small['pages']:,} to {large['pages']:,} pages" if ratio is not None else "from 100 to 1,000 pages"
        out.append(_target("flat-per-page", f"Build time per page flat {span} (within {FLAT_RATIO:g}x)",
                           ratio, lambda v: v <= FLAT_RATIO,
                           lambda v: f"{small['cpu_per_page_ms']:.1f} to {large['cpu_per_page_ms']:.1f} ms CPU a page ({v:.2f}x)"))
    return out


# Lighthouse's targets: on these pages performance and accessibility; layout shift on every page.
LIGHTHOUSE_SCORED = ("home", "tool", "incident log", "law")
PERFORMANCE_TARGET, ACCESSIBILITY_TARGET, SHIFT_TARGET = 0.95, 1.0, 0.05


def lighthouse_targets(lighthouse: dict | None) -> list[dict]:
    if not lighthouse:
        return []
    pages = lighthouse["pages"]
    scored = [kind for kind in LIGHTHOUSE_SCORED if kind in pages]

    def each(key, fmt):
        return ", ".join(f"{kind} {fmt(pages[kind][key])}" for kind in scored)

    lowest = lambda key: min((pages[k][key] for k in scored if pages[k][key] is not None), default=None)  # noqa: E731
    shifts = [page["cls"] for page in pages.values() if page["cls"] is not None]
    return [
        _target("lighthouse-performance", f"Lighthouse performance {PERFORMANCE_TARGET:g} or more (mobile) on "
                + ", ".join(scored), lowest("performance"), lambda v: v >= PERFORMANCE_TARGET,
                lambda v: each("performance", lambda x: f"{x:.2f}")),
        _target("lighthouse-accessibility", f"Lighthouse accessibility {ACCESSIBILITY_TARGET:g} on " + ", ".join(scored),
                lowest("accessibility"), lambda v: v >= ACCESSIBILITY_TARGET,
                lambda v: each("accessibility", lambda x: f"{x:.2f}")),
        _target("layout-shift", f"Cumulative layout shift {SHIFT_TARGET:g} or less on every page kind (Lighthouse, mobile)",
                max(shifts) if shifts else None, lambda v: v <= SHIFT_TARGET,
                lambda v: f"{v:.3f} at most, over {len(shifts)} page kinds"),
    ]


def _against(ms: float, target_s: float) -> str:
    """A median against its target, saying by how much a missed one was missed."""
    over = ms / 1000 - target_s
    return f"{ms / 1000:.2f} s (median)" + (f", {over:.2f} s over" if over > 0 else "")


def _floor(alone: dict | None, kind: str) -> str:
    """The same start on a page with nothing else on it: the runtime's own time on this machine."""
    ready = alone[kind]["engine_ready_ms"] if alone else None
    return "" if ready is None else f"; Python alone on an empty page: {ready / 1000:.2f} s"


def _target(key, text, value, test, describe) -> dict:
    return {"id": key, "target": text, "value": value,
            "measured": describe(value) if value is not None else "not measured",
            "met": bool(test(value)) if value is not None else None}


# --- tables -----------------------------------------------------------------------------------


def _ms(value) -> str:
    return "n/a" if value is None else f"{value:,.0f} ms"


def _s(value) -> str:
    return "n/a" if value is None else f"{value:.2f} s"


def _mb(value) -> str:
    return "n/a" if value is None else f"{value / 1e6:.2f} MB"


def _pct(value) -> str:
    return "n/a" if value is None else f"{100 * value:.0f}%"


def _met(value) -> str:
    return {True: "met", False: "MISSED", None: "not measured"}[value]


def tables(results: dict) -> list[tuple[str, list[str], list[list[str]]]]:
    """(title, header, rows) for each table."""
    out = []
    build = results.get("build")
    if build:
        out.append(_build_table(build))
        if any("zensical_wall_median_s" in row for row in build):
            out.append(_engines_table(build))
    wiz = results.get("wizards")
    if wiz:
        out.append(_wizards_table(wiz))
        out.append(_bytes_table(wiz, results.get("runtime_bytes")))
    if results.get("lighthouse"):
        out.append(_lighthouse_table(results["lighthouse"]))
    if results.get("targets"):
        out.append(("Targets (reported, not asserted)", ["Target", "Measured", "Result"],
                    [[t["target"], t["measured"], _met(t["met"])] for t in results["targets"]]))
    return out


def _build_table(build: list[dict]) -> tuple[str, list[str], list[list[str]]]:
    """MkDocs' build, with the hooks and without, on each toolkit."""
    rows = [[row["label"], str(row["pages"]), str(row["runs"]),
             f"{_s(row['wall_median_s'])} / {_s(row['wall_median_no_hooks_s'])}",
             f"{_s(row['cpu_median_s'])} / {_s(row['cpu_median_no_hooks_s'])} / {_s(row.get('cpu_median_rebuild_s'))}",
             f"{_pct(row['hooks_share_cpu'])} / {_pct(row.get('hooks_share_rebuild_cpu'))}",
             _pct(row["hooks_share_wall"]),
             "n/a" if row.get("checks_alone_s") is None else _s(row["checks_alone_s"]),
             f"{row['cpu_per_page_ms']:.1f} / {1000 * row['cpu_median_no_hooks_s'] / row['pages']:.1f} ms",
             f"{row['max_rss_mb']:.0f} MB / {row['max_rss_no_hooks_mb']:.0f} MB",
             "n/a" if row.get("html_kb_per_page") is None else f"{row['html_kb_per_page']:.0f} KB"]
            for row in build]
    return ("Build scaling (mkdocs build --strict)",
            ["Toolkit", "Pages", "Runs", "Wall, median (hooks / none)",
             "CPU, median (hooks / none / rebuild with hooks)", "Hooks' share of CPU (first build / rebuild)",
             "Hooks' share of wall", "Checks alone", "CPU a page (hooks / none)",
             "Peak memory (hooks / none)", "HTML a page (mean)"],
            rows)


def _wizards_table(wiz: dict) -> tuple[str, list[str], list[list[str]]]:
    """The wizards in Chromium: the product against its baselines."""
    load, steps = wiz["loading"], wiz["step_summary"]
    names = {"worker": "Worker, fast start (product)", "plain-start": "Worker, plain start (no snapshot)",
             "main-thread": "Main thread (baseline)", "no-python": "No Python (baseline)",
             "python-alone": "Python alone, empty page (the floor)"}
    variants = [v for v in names if v in load]  # results from before the plain-start column lack it

    def each(fn):
        return [fn(v) for v in variants]

    def step(variant, key):
        if variant not in steps:
            return "n/a"
        s = steps[variant][key]
        return "n/a" if s["median"] is None else f"{s['median']:.1f} / {s['p95']:.1f} ms (n={s['n']})"

    def starts(variant, kind):
        counted = load[variant][kind].get("starts")
        if variant == "no-python" or not counted:
            return "n/a"
        return ", ".join(f"{n} {name}" for name, n in counted.items() if n) or "n/a"

    rows = [
        ["DOMContentLoaded, cold / warm", *each(lambda v: f"{_ms(load[v]['cold']['dcl_ms'])} / {_ms(load[v]['warm']['dcl_ms'])}")],
        ["First question answerable, after DOMContentLoaded, cold / warm",
         *each(lambda v: "n/a (no Python: read the written-out logic)" if v == "no-python" else
               "n/a (no questions)" if v == "python-alone" else
               f"{_ms(load[v]['cold']['first_question_after_dcl_ms'])} / {_ms(load[v]['warm']['first_question_after_dcl_ms'])}")],
        ["Python ready from navigation, cold", *each(lambda v: _s(_sec(load[v]["cold"]["engine_ready_ms"])))],
        ["Python ready from navigation, warm", *each(lambda v: _s(_sec(load[v]["warm"]["engine_ready_ms"])))],
        ["Starts used, cold / warm (dt:python-start)", *each(lambda v: f"{starts(v, 'cold')} / {starts(v, 'warm')}")],
        ["Long tasks a load, cold / warm (longest)",
         *each(lambda v: f"{load[v]['cold']['longtasks_per_load']:g} / {load[v]['warm']['longtasks_per_load']:g} "
                         f"({_ms(max(load[v]['cold']['longest_task_ms'], load[v]['warm']['longest_task_ms']))})")],
        ["Of which while Python loads, cold / warm",
         *each(lambda v: "n/a" if v == "no-python" or "longtasks_while_python_loads" not in load[v]["cold"] else
               f"{load[v]['cold']['longtasks_while_python_loads']:g} / {load[v]['warm']['longtasks_while_python_loads']:g}")],
        ["Answer to next step, median / p95 (dt:step)", *each(lambda v: step(v, "step_ms"))],
        ["Click to next frame, median / p95", *each(lambda v: step(v, "click_to_frame_ms"))],
        ["Long tasks while answering", *each(lambda v: str(steps[v]["longtasks_while_answering"]) if v in steps else "n/a")],
        ["Transferred, cold: compressed / uncompressed",
         *each(lambda v: f"{_mb(load[v]['cold']['compressed_bytes'])} / {_mb(load[v]['cold']['uncompressed_bytes'])}")],
        ["Transferred, warm: compressed (requests)",
         *each(lambda v: f"{_mb(load[v]['warm']['compressed_bytes'])} ({load[v]['warm']['requests']:g})")],
    ]
    return (f"Wizards in Chromium (loads: tools/{wiz['load_tool']}/, {wiz['runs']} cold and {wiz['runs']} warm "
            f"a column; answers: up to {wiz['paths_per_tool']} full paths of each of {len(wiz['tools'])} tools)",
            ["", *(names[v] for v in variants)], rows)


def _bytes_table(wiz: dict, runtime: dict | None) -> tuple[str, list[str], list[list[str]]]:
    """What a wizard load moves, cold and warm, and the runtime by encoding with the saving."""
    load = wiz["loading"]["worker"]
    rows = [["A wizard load, cold profile (on the network / as files)",
             f"{_mb(load['cold']['compressed_bytes'])} / {_mb(load['cold']['uncompressed_bytes'])}",
             f"{load['cold']['requests']:g} requests"],
            ["A wizard load, warm profile (on the network)", _mb(load["warm"]["compressed_bytes"]),
             f"{load['warm']['requests']:g} requests"]]
    if runtime:
        plain = runtime["totals"]["uncompressed"]
        for name, label in (("uncompressed", "none"), ("gzip", "gzip (gzip_static)"), ("brotli", "brotli (brotli_static)")):
            total = runtime["totals"].get(name)
            saving = runtime["saving"].get(name)
            rows.append([f"The Python runtime ({len(runtime['files'])} files), sent with {label}",
                         _mb(total) if total is not None else f"not measured: {runtime.get('brotli_missing', '')}",
                         "" if saving is None else f"{_pct(saving)} smaller than uncompressed ({_mb(plain - total)} saved)"])
    return (f"Bytes (tools/{wiz['load_tool']}/, nginx with the shipped config; Chromium asks for brotli only over HTTPS)",
            ["", "Bytes", "Notes"], rows)


def _lighthouse_table(lighthouse: dict) -> tuple[str, list[str], list[list[str]]]:
    """Lighthouse's scores and metrics per page kind, against the targets."""
    def target(kind, page):
        if page["cls"] is None:
            return "n/a"
        met = page["cls"] <= SHIFT_TARGET
        if kind in LIGHTHOUSE_SCORED:
            met = met and page["performance"] >= PERFORMANCE_TARGET and page["accessibility"] >= ACCESSIBILITY_TARGET
        return _met(met)

    rows = [[kind, page["path"] or "(home)", f"{page['performance']:.2f}", f"{page['accessibility']:.2f}",
             f"{page['cls']:.3f}", _ms(page["lcp_ms"]), _ms(page["tbt_ms"]), _ms(page["fcp_ms"]),
             "not named (Lighthouse error)" if page["shifted"] is None else ", ".join(page["shifted"]) or "none",
             ", ".join(page["failed_accessibility"]) or "none",
             str(len(page["outside_requests"])), target(kind, page)]
            for kind, page in lighthouse["pages"].items()]
    runs = max(page.get("runs", 1) for page in lighthouse["pages"].values())
    speeds = [page["benchmark_index"] for page in lighthouse["pages"].values() if page.get("benchmark_index")]
    speed = f"; machine's benchmark index {min(speeds):.0f} to {max(speeds):.0f}" if speeds else ""
    return (f"Lighthouse {lighthouse['version']}, {lighthouse['form_factor']}, nginx with the shipped config "
            f"({runs} run(s) a page, the median kept{speed}); targets: performance {PERFORMANCE_TARGET:g}+ and accessibility "
            f"{ACCESSIBILITY_TARGET:g} on {', '.join(LIGHTHOUSE_SCORED)}; layout shift {SHIFT_TARGET:g} or less everywhere",
            ["Page kind", "Page", "Performance", "Accessibility", "Layout shift", "LCP", "TBT", "FCP",
             "What shifted", "Accessibility failures", "Outside requests", "Targets"], rows)


def _engines_table(build: list[dict]) -> tuple[str, list[str], list[list[str]]]:
    """The two engines side by side, each doing the whole build but the PDFs (bench/build.py)."""
    def ratio(row):
        return f"{row['zensical_cpu_median_s'] / row['cpu_median_s']:.2f}x" if row["cpu_median_s"] else "n/a"

    rows = [[row["label"], str(row["pages"]), str(row["runs"]),
             f"{_s(row['wall_median_s'])} / {_s(row['cpu_median_s'])}",
             f"{_s(row['zensical_wall_median_s'])} / {_s(row['zensical_cpu_median_s'])}",
             _s(row.get("zensical_engine_median_s")), ratio(row),
             f"{row['max_rss_mb']:.0f} MB / {row['zensical_max_rss_mb']:.0f} MB"]
            for row in build if "zensical_wall_median_s" in row]
    return ("Build time by engine (first builds; MkDocs: mkdocs build --strict with the hooks; Zensical: "
            "python -m build_hooks build --engine zensical --no-pdfs)",
            ["Toolkit", "Pages", "Runs", "MkDocs wall / CPU, median", "Zensical wall / CPU, median",
             "Zensical engine step alone (wall)", "Zensical CPU against MkDocs", "Peak memory (MkDocs / Zensical)"],
            rows)


def _sec(ms):
    return None if ms is None else ms / 1000


def machine_line(results: dict) -> str:
    m = results["machine"]
    loads = results.get("load_averages", [])
    load_text = (f"1-minute load average during the run {min(loads):.1f} to {max(loads):.1f}" if loads else "")
    label = ("**Busy machine**: the load average went above 1.5 a core during the run (other work, or the "
             "benchmark's own browser at its busiest), so wall times may be inflated; CPU times are less affected. "
             if results.get("under_load") else "")
    return (f"{label}Machine: {m['cores']} cores ({m['cpu_model']}), {m['memory_gib']} GiB memory, {m['os']}; "
            f"Python {m['python']}, Chromium {m['chromium'] or 'n/a'}, Pyodide {m['pyodide'] or 'n/a'}, "
            f"{m['mkdocs'] or 'mkdocs n/a'}, {m['zensical'] + ', ' if m.get('zensical') else ''}{m['nginx'] or 'nginx n/a'}. {load_text}. "
            f"Run {results['started']} ({results['duration_s'] / 60:.1f} minutes).")


def markdown(results: dict) -> str:
    parts = [machine_line(results), ""]
    for title, header, rows in tables(results):
        parts += [f"**{title}**", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        parts += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
        parts.append("")
    return "\n".join(parts)


def text(results: dict) -> str:
    parts = [machine_line(results), ""]
    for title, header, rows in tables(results):
        widths = [max(len(str(c)) for c in column) for column in zip(header, *rows)]
        line = lambda cells: "  ".join(str(c).ljust(w) for c, w in zip(cells, widths)).rstrip()  # noqa: E731
        parts += [title, line(header), line(["-" * w for w in widths])] + [line(r) for r in rows] + [""]
    return "\n".join(parts)


def update_readme(table_markdown: str, readme: Path = README) -> bool:
    """Put the latest table between the bench markers in the README; False when they are missing."""
    current = readme.read_text(encoding="utf-8")
    if README_START not in current or README_END not in current:
        return False
    before, rest = current.split(README_START, 1)
    _, after = rest.split(README_END, 1)
    readme.write_text(f"{before}{README_START}\n{table_markdown.rstrip()}\n{README_END}{after}", encoding="utf-8")
    return True
