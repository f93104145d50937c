"""Shared test set-up: the built site served on 127.0.0.1, Debian's Chromium, and a guard,
on for every browser test, that fails the test if a page asks any other host for anything."""

from __future__ import annotations

import functools
import http.server
import os
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from deploy import local_nginx

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
CHROMIUM = "/usr/bin/chromium"

# Origins of the servers the tests start (the Python one, nginx): the only hosts pages may use.
LOCAL_ORIGINS: set[str] = set()

# Chromium writes its profile and caches under these; keep them out of the user's home.
_scratch = Path(tempfile.mkdtemp(prefix="toolkit-tests-"))
os.environ.setdefault("XDG_CONFIG_HOME", str(_scratch / "config"))
os.environ.setdefault("XDG_CACHE_HOME", str(_scratch / "cache"))

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    # Without these Chromium tries to reach Google's hosts on its own.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Belt and braces: no host name but the loopback one resolves, so nothing can leave.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript"}

    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_dir() -> Path:
    if not (SITE / "index.html").exists():
        pytest.fail("site/ has not been built. Run 'make test' (or 'make build' first).", pytrace=False)
    return SITE


@pytest.fixture(scope="session")
def site_server(site_dir):
    """Serve site/ on 127.0.0.1 on a free port; yields its base URL ending in '/'."""
    handler = functools.partial(_SiteHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    LOCAL_ORIGINS.add(f"127.0.0.1:{server.server_address[1]}")
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def nginx_server(site_dir, tmp_path_factory):
    """Serve site/ with Debian's nginx and the shipped deploy/nginx.conf (only `listen` and `root`
    changed) on a free loopback port; yields its base URL ending in '/'."""
    try:
        with local_nginx.serve(site_dir, tmp_path_factory.mktemp("nginx")) as url:
            LOCAL_ORIGINS.add(urlsplit(url).netloc)
            yield url
    except local_nginx.NginxError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing. 'make test' installs Debian's chromium package.", pytrace=False)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def base_url(site_server):
    """pytest-base-url's fixture, so page.goto("tools/harassment/") works."""
    return site_server


def all_pages(site_dir: Path) -> list[str]:
    """Every page of the built site, as paths relative to the site root ('' is the home page)."""
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.parent.relative_to(site_dir).as_posix()
        if rel.startswith("assets"):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


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
