"""Shared test set-up: the built site served on 127.0.0.1, Debian's Chromium, and a guard,
on for every browser test, that fails the test if a page asks any other host for anything."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
CHROMIUM = "/usr/bin/chromium"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DEPLOY_CONF = ROOT / "deploy" / "nginx.conf"

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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"deploy/nginx.conf should contain {old!r} exactly once"
    return text.replace(old, new)


@pytest.fixture(scope="session")
def nginx_server(site_dir, tmp_path_factory):
    """Serve site/ with Debian's nginx and the shipped deploy/nginx.conf (only `listen` and `root`
    changed) on a free loopback port; yields its base URL ending in '/'."""
    if not Path(NGINX).exists():
        pytest.fail(f"{NGINX} is missing. 'make test' installs Debian's nginx-light package.", pytrace=False)
    port = _free_port()
    work = tmp_path_factory.mktemp("nginx")
    server = _replace_once(DEPLOY_CONF.read_text(), "listen 80;", f"listen 127.0.0.1:{port};")
    server = _replace_once(server, "root /var/www/councillor-safety-toolkit/site;", f"root {site_dir};")
    (work / "toolkit.conf").write_text(server)
    temp_paths = "".join(f"{name}_temp_path {work}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        f"worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log warn;\n"
        "events { worker_connections 256; }\n"
        f"http {{ include /etc/nginx/mime.types; default_type application/octet-stream; sendfile on;\n"
        f"  access_log {work}/access.log; {temp_paths}\n  include {work}/toolkit.conf;\n}}\n")
    process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 15
    while True:
        if process.poll() is not None:
            pytest.fail(f"nginx did not start with deploy/nginx.conf:\n{process.stderr.read()}", pytrace=False)
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                pytest.fail("nginx did not start listening within 15 s", pytrace=False)
            time.sleep(0.05)
    LOCAL_ORIGINS.add(f"127.0.0.1:{port}")
    yield f"http://127.0.0.1:{port}/"
    process.terminate()
    process.wait(timeout=10)


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
