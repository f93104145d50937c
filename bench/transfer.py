"""What the Python runtime costs to send: each of its files (Pyodide's, and the decision tools'
wheel and lock file) as nginx, with the shipped
deploy/nginx.conf, sends it to a browser that accepts nothing, gzip, or brotli (with
deploy/nginx-brotli.conf and nginx's brotli module), and the saving. The bytes are the bodies
nginx sent, read with a plain HTTP client so nothing is decompressed on the way.

Chromium asks for brotli only over HTTPS, so the bench's browser loads (plain HTTP on loopback)
show gzip; an intranet on HTTPS with the brotli module gets the brotli figures.
"""

from __future__ import annotations

import http.client
from pathlib import Path
from urllib.parse import urlsplit

from .toolkit import BenchError

# The folders a wizard loads Python from: Pyodide's runtime and the decision tools' wheel and lock.
RUNTIME_FOLDERS = ("assets/pyodide", "assets/decision-tools")
TWINS = (".gz", ".br")
ENCODINGS = {"uncompressed": None, "gzip": "gzip", "brotli": "br, gzip"}


def _sent(url: str, accept: str | None) -> tuple[int, str]:
    """The body's length as sent, and its Content-Encoding ('' for none)."""
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        connection.request("GET", parts.path, headers={"Accept-Encoding": accept} if accept else {})
        response = connection.getresponse()
        body = response.read()
    finally:
        connection.close()
    if response.status != 200:
        raise BenchError(f"{url}: nginx answered {response.status}")
    return len(body), response.getheader("Content-Encoding") or ""


def runtime_files(site: Path) -> list[str]:
    """Every file of the newest runtime and decision tools folders, relative to the site root."""
    files = []
    for parent in RUNTIME_FOLDERS:
        folders = sorted((p for p in (site / parent).glob("*") if p.is_dir()), key=lambda p: p.stat().st_mtime)
        if not folders:
            raise BenchError(f"{site} has no {parent}/<version>/: run 'make build' first")
        files += sorted(f.relative_to(site).as_posix() for f in folders[-1].iterdir()
                        if f.is_file() and f.suffix not in TWINS)
    return files


def runtime_bytes(site: Path, work: Path, progress=print) -> dict:
    """Each runtime file's bytes by encoding, and the totals; brotli is None when nginx's module
    is not installed (then `brotli_missing` says why)."""
    from .browser import HarnessError, serve_with_nginx

    files = runtime_files(site)
    out: dict = {"files": {}, "totals": {}}
    for name, accept in ENCODINGS.items():
        (work / name).mkdir(parents=True, exist_ok=True)
        try:
            server = serve_with_nginx(site.resolve(), work / name, brotli=name == "brotli")
        except HarnessError as error:
            if name != "brotli":
                raise BenchError(str(error)) from None
            out["brotli_missing"] = str(error)
            continue
        try:
            for file in files:
                size, encoding = _sent(server.url + file, accept)
                out["files"].setdefault(file, {})[name] = {"bytes": size, "encoding": encoding}
        finally:
            server.stop()
        out["totals"][name] = sum(out["files"][file][name]["bytes"] for file in files)
    plain = out["totals"]["uncompressed"]
    out["saving"] = {name: 1 - total / plain for name, total in out["totals"].items() if name != "uncompressed"}
    progress("  Runtime as sent: " + ", ".join(f"{name} {total / 1e6:.2f} MB" for name, total in out["totals"].items()))
    return out
