"""Shared test fixtures: the built site served on 127.0.0.1 (by Python's server, or by nginx
with the shipped deploy/nginx.conf), Debian's Chromium, and a guard, on for every browser test,
that fails the test if a page asks any other host for anything. The plain helpers are in
harness.py, so tests and the benchmark can import them.

Which engine built the site: every test that uses the site runs against MkDocs' build (site/);
a module or test marked `both_engines` runs against Zensical's build (site-zensical/) too, as
`test_x[zensical-...]`. At the end, the time each part took is printed and written to
test-results/timings.md."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harness import (CHROMIUM, CHROMIUM_ARGS, ENGINE_SITES, LOCAL_ORIGINS, ROOT, SLOW_MACHINE_TIMEOUT_MS,
                     HarnessError, serve_with_nginx, serve_with_python)


# Chromium writes its profile and caches under these; keep them out of the user's home.
_scratch = Path(tempfile.mkdtemp(prefix="toolkit-tests-"))
os.environ.setdefault("XDG_CONFIG_HOME", str(_scratch / "config"))
os.environ.setdefault("XDG_CACHE_HOME", str(_scratch / "cache"))


def pytest_generate_tests(metafunc):
    """Each test that uses the site runs once per engine its marker names (MkDocs alone by default)."""
    if "engine" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_engines"):
        metafunc.parametrize("engine", list(ENGINE_SITES), indirect=True, scope="session")


def pytest_collection_modifyitems(config, items):
    """A test (or one parameter of it) marked `one_engine(reason)` in a `both_engines` module runs
    against MkDocs' build only: where the Zensical run would repeat, at minutes' cost, what another
    test already proves the same in both builds. The reason is required, and shown with -rA."""
    dropped = []
    for item in items:
        marker = item.get_closest_marker("one_engine")
        if marker is None:
            continue
        if not (marker.args and str(marker.args[0]).strip()):
            raise pytest.UsageError(f"{item.nodeid}: one_engine needs its reason, as one_engine(\"...\")")
        if getattr(item, "callspec", None) and item.callspec.params.get("engine") == "zensical":
            dropped.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = [item for item in items if item not in dropped]


@pytest.fixture(scope="session")
def engine(request) -> str:
    """The engine whose site the test runs against: "mkdocs" or "zensical"."""
    return getattr(request, "param", "mkdocs")


@pytest.fixture(scope="session")
def site_dir(engine) -> Path:
    site = ENGINE_SITES[engine]
    if not (site / "index.html").exists():
        how = "make build" if engine == "mkdocs" else "make sites"
        pytest.fail(f"{site.name}/ has not been built by {engine}. Run 'make test' (or '{how}' first).", pytrace=False)
    return site


@pytest.fixture(scope="session")
def site_server(site_dir):
    """Serve site/ on 127.0.0.1 on a free port; yields its base URL ending in '/'."""
    server = serve_with_python(site_dir)
    LOCAL_ORIGINS.add(server.origin)
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def nginx_server(site_dir, tmp_path_factory):
    """Serve site/ with Debian's nginx and the shipped deploy/nginx.conf (only `listen` and `root`
    changed) on a free loopback port; yields its base URL ending in '/'."""
    try:
        server = serve_with_nginx(site_dir, tmp_path_factory.mktemp("nginx"))
    except HarnessError as error:
        pytest.fail(str(error), pytrace=False)
    LOCAL_ORIGINS.add(server.origin)
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing. 'make test' installs Debian's chromium package.", pytrace=False)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """Service workers are blocked unless a test allows them (tests/test_offline.py, with the
    browser_context_args marker): else each new context would store the whole site in the
    background while a test counts its requests or times it."""
    return {**browser_context_args, "service_workers": "block"}


@pytest.fixture(scope="session")
def base_url(site_server):
    """pytest-base-url's fixture, so page.goto("tools/harassment/") works."""
    return site_server


@pytest.fixture
def context(context):
    """pytest-playwright's context, with timeouts a loaded CI machine stays within."""
    context.set_default_timeout(SLOW_MACHINE_TIMEOUT_MS)
    context.set_default_navigation_timeout(SLOW_MACHINE_TIMEOUT_MS)
    return context


@pytest.fixture(autouse=True)
def outside_request_guard(request):
    """Fail any browser test whose pages request anything from a host other than the site's
    own test servers (the Python one or nginx).

    On by default: every test that uses `page` or `context` gets it."""
    if not {"page", "context"} & set(request.fixturenames):
        yield
        return
    context = request.getfixturevalue("context")
    request.getfixturevalue("site_server")
    outside: list[str] = []

    def check(req):
        parts = urlsplit(req.url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc not in LOCAL_ORIGINS:
            outside.append(req.url)

    context.on("request", check)
    yield outside
    assert not outside, f"The page requested outside hosts: {outside}"


# --- How long each part took ------------------------------------------------------------------

def pytest_terminal_summary(terminalreporter):
    """The time each test file took, against each engine, printed and kept in test-results/."""
    totals: dict[tuple[str, str], list[float]] = {}
    for reports in terminalreporter.stats.values():
        for report in reports:
            nodeid, duration = getattr(report, "nodeid", ""), getattr(report, "duration", None)
            if not nodeid or duration is None:
                continue
            params = nodeid.partition("[")[2]
            # Tests not marked both_engines run once: against MkDocs' site, or with no site at all.
            engine = next((e for e in ENGINE_SITES if e in params.rstrip("]").split("-")), "once")
            entry = totals.setdefault((nodeid.split("::")[0], engine), [0.0, 0])
            entry[0] += duration
            entry[1] += report.when == "call"
    if not totals:
        return
    by_engine: dict[str, float] = {}
    for (_, engine), (seconds, _) in totals.items():
        by_engine[engine] = by_engine.get(engine, 0.0) + seconds
    lines = ["| Test file | Engine | Tests | Time |", "|---|---|---|---|"]
    lines += [f"| {path} | {engine} | {count} | {seconds:.0f} s |"
              for (path, engine), (seconds, count) in sorted(totals.items(), key=lambda kv: -kv[1][0])]
    lines += ["", "| Engine | Time |", "|---|---|"]
    lines += [f"| {engine} | {seconds / 60:.1f} min |" for engine, seconds in sorted(by_engine.items())]
    folder = ROOT / "test-results"
    folder.mkdir(exist_ok=True)
    (folder / "timings.md").write_text("# Time each part of the tests took\n\n" + "\n".join(lines) + "\n")
    terminalreporter.write_sep("-", "time by engine (every test file: test-results/timings.md)")
    for engine, seconds in sorted(by_engine.items()):
        terminalreporter.write_line(f"{engine:>9}: {seconds / 60:.1f} min")
