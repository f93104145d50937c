"""The test harness's plain parts, importable by tests and by the benchmark (bench/): where the
site is, how Chromium is started, which pages exist, and how to serve the site with Python's
server or with nginx and the shipped deploy/nginx.conf. The pytest fixtures are in conftest.py."""

from __future__ import annotations

import functools
import http.server
import os
import pwd
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# On a busy machine Chromium can take over 30 s (Playwright's default) to compile the Python
# runtime, and a page waiting for the network to go quiet waits for that too.
SLOW_MACHINE_TIMEOUT_MS = 90_000

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
# The site each engine builds for the tests (`make test` builds both: `make sites`).
ENGINE_SITES = {"mkdocs": SITE, "zensical": ROOT / "site-zensical"}
CHROMIUM = "/usr/bin/chromium"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DEPLOY_CONF = ROOT / "deploy" / "nginx.conf"
DEPLOY_BROTLI = ROOT / "deploy" / "nginx-brotli.conf"
# What Debian's libnginx-mod-http-brotli-static installs (`make test` installs the package).
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    # Without these Chromium tries to reach Google's hosts on its own.
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    # Belt and braces: no host name but the loopback one resolves, so nothing can leave.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


# Origins of the servers the tests start (the Python one, nginx): the only hosts pages may use.
# conftest.py's guard reads it; a test that starts a server of its own adds that server's origin.
LOCAL_ORIGINS: set[str] = set()


class HarnessError(Exception):
    """A server could not start; the message says why."""


def all_pages(site_dir: Path = SITE) -> list[str]:
    """Every page of the built site, as paths relative to the site root ('' is the home page)."""
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        rel = html.parent.relative_to(site_dir).as_posix()
        if rel.startswith(("assets", "handbooks")):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".mjs": "text/javascript", ".js": "text/javascript"}

    def log_message(self, *args):  # keep test output readable
        pass


@dataclass
class RunningServer:
    url: str  # base URL ending in "/"
    stop: callable

    @property
    def origin(self) -> str:
        return self.url.split("/")[2]


def serve_with_python(site_dir: Path = SITE) -> RunningServer:
    """site/ served by Python's ThreadingHTTPServer on a free loopback port."""
    handler = functools.partial(_SiteHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop():
        server.shutdown()
        server.server_close()

    return RunningServer(f"http://127.0.0.1:{server.server_address[1]}/", stop)


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise HarnessError(f"deploy/nginx.conf should contain {old!r} exactly once")
    return text.replace(old, new)


def serve_with_nginx(site_dir: Path, work: Path, brotli: bool = False) -> RunningServer:
    """site/ served by Debian's nginx with the shipped deploy/nginx.conf (only `listen` and `root`
    changed) on a free loopback port. `work` is a scratch folder for its config, logs and pid.
    With `brotli`, nginx loads the brotli module and includes deploy/nginx-brotli.conf, as its
    header says to."""
    if not Path(NGINX).exists():
        raise HarnessError(f"{NGINX} is missing. 'make test' installs Debian's nginx-light package.")
    if brotli and not BROTLI_MODULE.exists():
        raise HarnessError(f"{BROTLI_MODULE} is missing. 'make test' installs Debian's libnginx-mod-http-brotli-static package.")
    port = free_port()
    server = _replace_once(DEPLOY_CONF.read_text(), "listen 80;", f"listen 127.0.0.1:{port};")
    root = f"root {site_dir};" + (f" include {DEPLOY_BROTLI};" if brotli else "")
    server = _replace_once(server, "root /var/www/councillor-safety-toolkit/site;", root)
    (work / "toolkit.conf").write_text(server)
    temp_paths = "".join(f"{name}_temp_path {work}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    # Started as root, nginx's workers would run as `nobody`, who cannot read a private temporary
    # folder (the benchmark serves a copy of the site from one): run them as the caller instead.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    module = f"load_module {BROTLI_MODULE};\n" if brotli else ""
    (work / "nginx.conf").write_text(
        f"{module}{user}worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log warn;\n"
        "events { worker_connections 256; }\n"
        f"http {{ include /etc/nginx/mime.types; default_type application/octet-stream; sendfile on;\n"
        f"  access_log {work}/access.log; {temp_paths}\n  include {work}/toolkit.conf;\n}}\n")
    process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 15
    while True:
        if process.poll() is not None:
            raise HarnessError(f"nginx did not start with deploy/nginx.conf:\n{process.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise HarnessError("nginx did not start listening within 15 s")
            time.sleep(0.05)

    def stop():
        process.terminate()
        process.wait(timeout=10)

    return RunningServer(f"http://127.0.0.1:{port}/", stop)
