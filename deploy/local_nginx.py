"""Run Debian's nginx with the shipped deploy/nginx.conf on a loopback port.

The tests (tests/conftest.py `nginx_server`) and the benchmarks (`python -m bench`) serve the
built site this way, so what they measure is what a council deploys: only `listen` and `root`
differ from the shipped file.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
DEPLOY_CONF = ROOT / "deploy" / "nginx.conf"


class NginxError(Exception):
    """nginx is missing, or did not start with the shipped configuration."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise NginxError(f"deploy/nginx.conf should contain {old!r} exactly once")
    return text.replace(old, new)


@contextlib.contextmanager
def serve(site_dir: Path, work: Path | None = None) -> Iterator[str]:
    """Serve `site_dir` with nginx and deploy/nginx.conf on a free loopback port; yields the base
    URL ending in '/'. `work` (default: a temporary folder) holds the config, logs and pid file."""
    if not Path(NGINX).exists():
        raise NginxError(f"{NGINX} is missing. 'make test' installs Debian's nginx-light package.")
    with contextlib.ExitStack() as stack:
        if work is None:
            work = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="toolkit-nginx-")))
        port = free_port()
        server = _replace_once(DEPLOY_CONF.read_text(), "listen 80;", f"listen 127.0.0.1:{port};")
        server = _replace_once(server, "root /var/www/councillor-safety-toolkit/site;",
                               f"root {Path(site_dir).resolve()};")
        (work / "toolkit.conf").write_text(server)
        temp_paths = "".join(f"{name}_temp_path {work}/{name};"
                             for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
        # Started as root, nginx's workers would switch to `nobody`, who cannot read a private
        # temporary folder; run them as the caller, as they are when nginx is started by anyone else.
        user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
        (work / "nginx.conf").write_text(
            f"{user}worker_processes 1; pid {work}/nginx.pid; error_log {work}/error.log warn;\n"
            "events { worker_connections 256; }\n"
            f"http {{ include /etc/nginx/mime.types; default_type application/octet-stream; sendfile on;\n"
            f"  access_log {work}/access.log; {temp_paths}\n  include {work}/toolkit.conf;\n}}\n")
        process = subprocess.Popen([NGINX, "-p", str(work), "-c", str(work / "nginx.conf"), "-g", "daemon off;"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            _wait_listening(process, port)
            yield f"http://127.0.0.1:{port}/"
        finally:
            if process.poll() is None:
                process.terminate()
                process.wait(timeout=10)


def _wait_listening(process: subprocess.Popen, port: int, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise NginxError(f"nginx did not start with deploy/nginx.conf:\n{process.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                process.kill()
                raise NginxError(f"nginx did not start listening within {timeout:g} s") from None
            time.sleep(0.05)
