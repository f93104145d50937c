"""Smoke tests for the benchmark's pieces on tiny inputs, so `make bench` does not rot.

No timing is asserted here: timings are reported by `make bench`, never tested."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench import report
from bench.browser import Browser, prepare_site, sample_paths, steps, wait_ready
from bench.toolkit import BenchError, generate, nav_pages, read_config
from harness import CHROMIUM, ROOT, SITE, serve_with_nginx

SAMPLE_PAGES = len(list((ROOT / "docs").rglob("*.md")))


def test_generated_toolkit_has_the_pages_asked_for_in_its_navigation(tmp_path):
    toolkit = generate(tmp_path / "kit", SAMPLE_PAGES + 7)
    pages = sorted(p.relative_to(toolkit.docs).as_posix() for p in toolkit.docs.rglob("*.md"))
    assert len(pages) == toolkit.pages == SAMPLE_PAGES + 7
    for config in (toolkit.with_hooks, toolkit.without_hooks):
        assert sorted(nav_pages(read_config(config)["nav"])) == pages
    assert read_config(toolkit.with_hooks)["hooks"], "the with-hooks config lost its hooks"
    assert "hooks" not in read_config(toolkit.without_hooks)
    assert "build_hooks.extension" in read_config(toolkit.with_hooks)["markdown_extensions"]
    assert "build_hooks.extension" not in read_config(toolkit.without_hooks)["markdown_extensions"]
    # The sample pages are copied unchanged; the runtime is linked, not copied.
    assert (toolkit.docs / "index.md").read_text() == (ROOT / "docs" / "index.md").read_text()
    assert (toolkit.docs / "assets").is_symlink()


def test_copies_keep_their_cross_links_working_and_one_contact_table(tmp_path):
    sample = nav_pages(read_config()["nav"])
    toolkit = generate(tmp_path / "kit", SAMPLE_PAGES + len(sample))  # one full copy
    support = toolkit.docs / "more" / "part-02" / "support" / "index.md"
    assert "| Role |" in (ROOT / "docs" / "support" / "index.md").read_text()
    assert "| Role |" not in support.read_text(), "a copy of the contact table would repeat every role"
    assert "| Contact |" in support.read_text()
    # A link between two pages of the copy stays inside the copy; "See also" links the neighbours.
    first_steps = (toolkit.docs / "more" / "part-02" / "abuse" / "first-steps.md").read_text()
    assert "](../support/index.md#council-contacts)" in first_steps
    assert "## See also {#see-also}" in first_steps


def test_too_small_a_toolkit_is_a_clear_error(tmp_path):
    with pytest.raises(BenchError, match=f"at least the {SAMPLE_PAGES} sample pages; 3 asked for"):
        generate(tmp_path / "kit", 3)


def test_build_part_runs_and_writes_results_with_the_expected_keys(tmp_path):
    """`python -m bench` end to end for the build part: a tiny generated toolkit built under
    --strict with and without hooks, and with Zensical, the JSON and the Markdown table written."""
    done = subprocess.run([sys.executable, "-m", "bench", "--skip-browser", "--sizes", str(SAMPLE_PAGES + 3),
                           "--runs", "1", "--no-readme", "--out", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    results = json.loads((tmp_path / "latest.json").read_text())
    assert {"schema", "started", "settings", "machine", "build", "targets", "load_averages", "under_load",
            "duration_s"} <= set(results)
    assert {"cores", "memory_gib", "cpu_model", "python", "chromium", "pyodide"} <= set(results["machine"])
    assert [row["pages"] for row in results["build"]] == [SAMPLE_PAGES, SAMPLE_PAGES + 3]
    for row in results["build"]:
        assert {"wall_median_s", "cpu_median_s", "hooks_share_cpu", "hooks_share_wall", "cpu_per_page_ms",
                "max_rss_mb", "with_hooks", "without_hooks", "zensical", "zensical_wall_median_s",
                "zensical_cpu_median_s", "zensical_engine_median_s"} <= set(row)
        assert row["max_rss_mb"] > 0 and row["cpu_median_s"] > 0
        # Zensical built the same toolkit (its engine step is read from the build's summary).
        assert 0 < row["zensical_engine_median_s"] < row["zensical_wall_median_s"]
    assert {t["id"] for t in results["targets"]} == {"hooks-share", "flat-per-page"}
    table = (tmp_path / "latest.md").read_text()
    assert "Build scaling" in table and "Hooks under 10 percent" in table
    assert "Build time by engine" in table and "Zensical wall / CPU, median" in table
    assert "Build scaling" in done.stdout
    again = subprocess.run([sys.executable, "-m", "bench", "--from-json", str(tmp_path / "latest.json"),
                            "--no-readme", "--out", str(tmp_path / "again")], cwd=ROOT, capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert (tmp_path / "again" / "latest.md").read_text() == table


def test_readme_table_goes_between_the_markers_only(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Toolkit\n\n## Benchmarks\n\n{report.README_START}\nold\n{report.README_END}\n\n## After\n")
    assert report.update_readme("| new | table |\n", readme)
    assert readme.read_text() == (f"# Toolkit\n\n## Benchmarks\n\n{report.README_START}\n| new | table |\n"
                                  f"{report.README_END}\n\n## After\n")
    (tmp_path / "plain.md").write_text("# No markers\n")
    assert not report.update_readme("x", tmp_path / "plain.md")
    assert (tmp_path / "plain.md").read_text() == "# No markers\n"


def test_bad_arguments_get_a_plain_message():
    done = subprocess.run([sys.executable, "-m", "bench", "--sizes", "lots"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 2
    assert "'lots' is not a comma-separated list of page counts" in done.stderr
    assert "Traceback" not in done.stderr


WIZARD_DIV = ('<div class="dt-wizard" data-runtime="../../assets/pyodide/314.0.7/" '
              'data-tools="../../assets/decision-tools/1.0/"></div>')


def _fake_site(root: Path, script: str, wizard: str = WIZARD_DIV) -> Path:
    (root / "tools" / "post").mkdir(parents=True)
    (root / "index.html").write_text("<html></html>")
    (root / "tools" / "post" / "index.html").write_text(f"<html><body>{wizard}\n{script}\n</body></html>")
    return root


def test_baseline_pages_load_python_on_the_main_thread_alone_or_not_at_all(tmp_path):
    wizard = '<script src="../../assets/javascripts/wizard.js" type="module"></script>'
    pages = prepare_site(_fake_site(tmp_path / "site", wizard), tmp_path / "served", ["post"])
    assert pages["post"] == {"worker": "tools/post/", "plain-start": "tools/post/",
                             "main-thread": "tools/post/main-thread.html", "no-python": "tools/post/no-python.html",
                             "python-alone": "tools/post/python-alone.html"}
    main_thread = (tmp_path / "served" / "tools" / "post" / "main-thread.html").read_text()
    assert main_thread.index('<script src="../../assets/bench/main-thread.js"></script>') < main_thread.index(wizard)
    assert (tmp_path / "served" / "assets" / "bench" / "main-thread.js").exists()
    assert "wizard.js" not in (tmp_path / "served" / "tools" / "post" / "no-python.html").read_text()
    alone = (tmp_path / "served" / "tools" / "post" / "python-alone.html").read_text()
    assert '<script src="../../assets/bench/python-alone.js" type="module"></script>' in alone
    assert 'data-runtime="../../assets/pyodide/314.0.7/" data-tools="../../assets/decision-tools/1.0/"' in alone
    assert "wizard" not in alone and "stylesheet" not in alone
    assert (tmp_path / "served" / "assets" / "bench" / "python-alone.js").exists()
    assert not (tmp_path / "site" / "assets").exists(), "the built site itself must not change"


def test_a_tool_page_without_the_wizard_script_is_a_clear_error(tmp_path):
    with pytest.raises(BenchError, match="does not load assets/javascripts/wizard.js"):
        prepare_site(_fake_site(tmp_path / "site", ""), tmp_path / "served", ["post"])


def test_a_tool_page_without_the_runtime_named_is_a_clear_error(tmp_path):
    wizard = '<script src="../../assets/javascripts/wizard.js" type="module"></script>'
    with pytest.raises(BenchError, match="tools/post/index.html has no wizard with data-runtime and data-tools"):
        prepare_site(_fake_site(tmp_path / "site", wizard, "<div class='dt-wizard'></div>"), tmp_path / "served", ["post"])


def test_path_sample_reaches_every_result_first_and_stays_bounded():
    paths = [{"answers": {"q": str(i)}, "result": "a" if i % 2 else "b"} for i in range(20)]
    chosen = sample_paths(paths, 5)
    assert len(chosen) == 5 and {p["result"] for p in chosen[:2]} == {"a", "b"}
    assert sample_paths(paths, 5) == chosen, "the sample must be the same each run"


def test_targets_are_judged_from_the_results():
    row = {"pages": 100, "hooks_share_cpu": 0.05, "hooks_share_wall": 0.2, "cpu_per_page_ms": 10.0}
    results = {"build": [{**row, "pages": 48}, row, {**row, "pages": 1000, "cpu_per_page_ms": 20.0}]}
    judged = {t["id"]: t["met"] for t in report.targets(results)}
    assert judged == {"hooks-share": True, "flat-per-page": False}


def test_python_ready_is_reported_beside_the_same_start_on_an_empty_page():
    def loads(cold_ms, warm_ms):
        return {"cold": {"engine_ready_ms": cold_ms, "first_question_after_dcl_ms": 50},
                "warm": {"engine_ready_ms": warm_ms, "first_question_after_dcl_ms": 40},
                "cold_runs": [], "warm_runs": []}
    wiz = {"loading": {"worker": loads(3000, 900), "python-alone": loads(2800, 700)},
           "step_summary": {"worker": {"step_ms": {"p95": 20.0, "n": 3}, "longtasks_while_answering": 0}}}
    judged = {t["id"]: t for t in report.targets({"wizards": wiz})}
    assert judged["python-ready-warm"]["met"] is False
    assert judged["python-ready-warm"]["measured"] == "0.90 s (median), 0.40 s over; Python alone on an empty page: 0.70 s"
    assert judged["python-ready-cold"]["measured"] == "3.00 s (median), 0.50 s over; Python alone on an empty page: 2.80 s"
    del wiz["loading"]["python-alone"]  # results from before the empty page was measured
    judged = {t["id"]: t for t in report.targets({"wizards": wiz})}
    assert judged["python-ready-warm"]["measured"] == "0.90 s (median), 0.40 s over"


@pytest.mark.browser
def test_wizard_measurements_work_on_the_built_site(tmp_path, playwright):
    """The main-thread baseline reaches Python ready, and a path of the smallest tool is
    answered with a timing for each step, under nginx with the shipped config. In one profile,
    the product's worker then starts from its kept snapshot, and the plain-start variant does not.

    Uses pytest-playwright's own Playwright: a second sync Playwright cannot start inside the
    event loop the browser tests before this one left running."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing. 'make test' installs Debian's chromium package.", pytrace=False)
    pages = prepare_site(SITE, tmp_path / "served", ["post"])
    path = sample_paths([json.loads(line) for line in subprocess.run(
        [sys.executable, "-m", "decision_tools", "paths", "post"], cwd=ROOT, capture_output=True, text=True,
        check=True).stdout.splitlines()], 1)
    server = serve_with_nginx(tmp_path / "served", tmp_path)
    try:
        browser = Browser(playwright, tmp_path / "served")
        run = browser.load(tmp_path / "profile", server.url + pages["post"]["main-thread"], "main-thread")
        assert run["engine_ready_ms"] > run["first_question_ms"] > 0
        assert 0 < run["bytes"]["compressed"] < run["bytes"]["uncompressed"]
        assert run["python_start"] == "plain"  # the baseline never sees the product's snapshot
        context, page = browser.open(tmp_path / "profile")
        try:
            measured = steps(page, server.url, pages, "post", "worker", path)
            wait_ready(page)
        finally:
            context.close()
        starts = [browser.load(tmp_path / "profile", server.url + pages["post"][variant], variant)["python_start"]
                  for variant in ("plain-start", "worker", "plain-start")]
        # The empty page starts Python as a tool page does: plainly, then from the kept snapshot.
        alone = [browser.load(tmp_path / "alone", server.url + pages["post"]["python-alone"], "python-alone")
                 for _ in range(2)]
    finally:
        server.stop()
    assert starts == ["plain", "snapshot", "plain"]
    assert [run["python_start"] for run in alone] == ["plain", "snapshot"]
    assert all(run["engine_ready_ms"] > run["first_question_ms"] > 0 for run in alone)
    assert len(measured["step_ms"]) == len(path[0]["answers"])
    assert all(ms >= 0 for ms in measured["step_ms"])
