"""Shared test fixtures: the built site served on 127.0.0.1 (by Python's server, or by nginx
with the shipped deploy/nginx.conf), Debian's Chromium, and a guard, on for every browser test,
that fails the test if a page asks any other host for anything. The plain helpers are in
harness.py, so tests and the benchmark can import them."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from harness import (CHROMIUM, CHROMIUM_ARGS, SITE, SLOW_MACHINE_TIMEOUT_MS, HarnessError, serve_with_nginx,
                     serve_with_python)

# Origins of the servers the tests start (the Python one, nginx): the only hosts pages may use.
LOCAL_ORIGINS: set[str] = set()

# Chromium writes its profile and caches under these; keep them out of the user's home.
_scratch = Path(tempfile.mkdtemp(prefix="toolkit-tests-"))
os.environ.setdefault("XDG_CONFIG_HOME", str(_scratch / "config"))
os.environ.setdefault("XDG_CACHE_HOME", str(_scratch / "cache"))


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail("site/ has not been built. Run 'make test' (or 'make build' first).", pytrace=False)
    return SITE


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
