"""Offline use after the first visit: the service worker, written into the built site.

Run after the engine and the handbooks (a `python -m build_hooks build` step, so MkDocs and
Zensical builds both get it; also `python -m build_hooks offline --site DIR`). It writes
`service-worker.js` at the site root: build_hooks/service-worker.js with this release filled in,

- every file the pages need (each page, stylesheet, script, the search index, images, the
  handbooks), each with its SHA-256, which the browser checks as it stores the file;
- the release, a hash of that list and of the worker's own code, so a new build that changes
  any file makes a byte-different worker, which browsers install as an update;
- the runtime folders (the Pyodide runtime and the decision tools, named by version), which the
  worker keeps once a tool page has loaded them.

The offline use is switched off by taking `assets/javascripts/offline.js` out of mkdocs.yml's
extra_javascript: pages then register nothing, and this writes build_hooks/service-worker-removal.js
instead, which removes the worker and its caches from browsers that already have them.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

WORKER = "service-worker.js"  # inside the site, at its root: its folder is the widest scope it may have
WORKER_CODE = Path(__file__).with_name("service-worker.js")
REMOVAL_CODE = Path(__file__).with_name("service-worker-removal.js")
REGISTRATION = "assets/javascripts/offline.js"
RELEASE_LINE = "const RELEASE = null; // filled in by build_hooks/offline.py"
# Versioned folders (a folder per version): kept by the worker when a tool page first loads them.
RUNTIME_FOLDERS = ("assets/pyodide/", "assets/decision-tools/")
# Never loaded by a page: the engines' own search indexes and Material's lunr language packs
# (the toolkit searches its own index, assets/search/index.json), source maps, and the gzipped
# sitemap for search engines (and any precompressed twin an earlier build left: the same file).
LEFT_OUT_FOLDERS = RUNTIME_FOLDERS + ("assets/javascripts/lunr/",)
LEFT_OUT_FILES = (WORKER, "search/search_index.json", "search.json")
LEFT_OUT_ENDINGS = (".map", ".gz", ".br")  # .gz and .br: the precompressed twins of stored files
# A file bigger than this is fetched from the site when asked for, never stored ahead: the
# whole-toolkit PDF (about 4.4 MB), whose every part is also a handbook of its own.
LARGEST_STORED_BYTES = 2_000_000


class OfflineError(Exception):
    """The service worker cannot be written; the message names the file and what is wrong."""


@dataclass(frozen=True)
class Release:
    version: str
    files: list[tuple[str, str]]  # (URL relative to the site root, "sha256-..." of its bytes)
    runtime: list[str]            # versioned runtime folders, relative to the site root
    stored_bytes: int


def page_url(path: str) -> str:
    """The address a reader opens for a built file: a folder for its index.html."""
    if path == "index.html":
        return ""
    if path.endswith("/index.html"):
        return quote(path[: -len("index.html")])
    return quote(path)


def stored(path: str, size: int) -> bool:
    if path in LEFT_OUT_FILES or path.startswith(LEFT_OUT_FOLDERS) or path.endswith(LEFT_OUT_ENDINGS):
        return False
    return size <= LARGEST_STORED_BYTES


def integrity(data: bytes) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(data).digest()).decode("ascii")


def release_of(site: Path) -> Release:
    """What the worker stores for the site built in `site`."""
    if not (site / "index.html").is_file():
        raise OfflineError(f"{site}: no index.html there; build the site first")
    files, total = [], 0
    for file in sorted(p for p in site.rglob("*") if p.is_file()):
        path = file.relative_to(site).as_posix()
        size = file.stat().st_size
        if stored(path, size):
            files.append((page_url(path), integrity(file.read_bytes())))
            total += size
    runtime = sorted(f"{folder.relative_to(site).as_posix()}/" for base in RUNTIME_FOLDERS
                     if (site / base).is_dir() for folder in (site / base).iterdir() if folder.is_dir())
    code = WORKER_CODE.read_text(encoding="utf-8")
    digest = hashlib.sha256(json.dumps([files, runtime, code]).encode("utf-8")).hexdigest()
    return Release(digest[:16], files, runtime, total)


def worker_code(release: Release) -> str:
    code = WORKER_CODE.read_text(encoding="utf-8")
    if code.count(RELEASE_LINE) != 1:
        raise OfflineError(f"{WORKER_CODE}: it should contain the line {RELEASE_LINE!r} exactly once")
    filled = json.dumps({"version": release.version, "files": release.files, "runtime": release.runtime},
                        separators=(",", ":"))
    return code.replace(RELEASE_LINE, f"const RELEASE = {filled};")


def switched_on(config: dict) -> bool:
    """Offline use is on while mkdocs.yml's extra_javascript loads the registration script."""
    scripts = config.get("extra_javascript") or []
    return any((entry.get("path") if isinstance(entry, dict) else entry) == REGISTRATION for entry in scripts)


def write_worker(site: Path, config: dict) -> Release | None:
    """Write site/service-worker.js; returns the release stored, or None when offline use is off."""
    site = Path(site)
    if not switched_on(config):
        if not site.is_dir():
            raise OfflineError(f"{site}: no such folder; build the site first")
        (site / WORKER).write_text(REMOVAL_CODE.read_text(encoding="utf-8"), encoding="utf-8")
        return None
    release = release_of(site)
    (site / WORKER).write_text(worker_code(release), encoding="utf-8")
    return release


def format_report(release: Release | None, site: Path) -> str:
    if release is None:
        return (f"Offline use is off ({REGISTRATION} is not in extra_javascript): wrote {site / WORKER}, "
                "which removes the toolkit's worker from browsers that have it.")
    return (f"Wrote {site / WORKER}: release {release.version}, {len(release.files)} files "
            f"({release.stored_bytes / 1_000_000:.1f} MB) stored for offline use.")
