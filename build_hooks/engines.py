"""Build or serve the toolkit with either engine, MkDocs or Zensical: the steps `make build` runs.

    python -m build_hooks build [--engine mkdocs|zensical] [-f mkdocs.yml] [--site-dir DIR] [--no-pdfs]
    python -m build_hooks serve [--engine mkdocs|zensical] [-f mkdocs.yml] [--dev-addr HOST:PORT]

A build is, in order, and stops at the first step that fails:
1. **check**: every check (`python -m build_hooks check --strict`), each problem as
   `path:line: message`. Zensical runs no hooks and ignores `--strict`, so this step is what fails
   its build; MkDocs' hook runs the same checks again, from its cache, for a plain `mkdocs build`.
2. **engine**: `mkdocs build --strict`, or `zensical build`. Zensical keeps each page's HTML in
   `.cache/` beside mkdocs.yml and renders a page again only when its own file changes, but a
   tool page also shows the contact table and the navigation: its entries are cleared first.
3. **verify**: the built site has every page transform in it (build_hooks.verify), so a build
   without build_hooks.extension, or an engine that skipped it, fails here by file and line.
4. **handbooks**: the handbook pages, then their PDFs (`python -m build_hooks handbooks`).
5. **offline**: service-worker.js, which keeps every built file for offline use
   (`python -m build_hooks offline`); after the handbooks, so it lists them too.
6. **precompress**: `.gz` and `.br` copies of the text files and the Python runtime, for servers
   that send them as they are (build_hooks.precompress). Last, so every file before it is final.

Zensical has no option for the output folder: `--site-dir` sets TOOLKIT_SITE_DIR, which
mkdocs.yml's `site_dir: !ENV [TOOLKIT_SITE_DIR, site]` reads (MkDocs gets `-d` as well).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ENGINES = ("mkdocs", "zensical")
SITE_DIR_VARIABLE = "TOOLKIT_SITE_DIR"
# What Zensical 0.0.73 keeps in .cache/: one file a rendered page (named by a number), and two
# indexes. The project's own entries there (build_hooks/, Chromium's folders, stamps) are kept.
ZENSICAL_CACHE = re.compile(r"^(\d+|mkdocstrings\.json|objects\.inv)$")
# Lines `zensical serve` prints at the start and the end of each rebuild. The end comes before
# the pages are on disk (0.0.73 prints no "Build finished" when serving), so the handbook pages
# are written once index.html is newer than the start.
ZENSICAL_STARTED = re.compile(r"\bBuild started\b")
ZENSICAL_BUILT = re.compile(r"\b(No issues found|\d+ issues? found)\b")
SERVE_WAIT_S = 120  # the longest a rebuild's pages may take to reach the disk


class BuildFailed(Exception):
    """A step failed; its own output has said why. The message names the step."""


@dataclass
class Build:
    engine: str
    config_file: Path
    site_dir: Path | None = None  # None: mkdocs.yml's site_dir
    pdfs: bool = True
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.config_file.resolve().parent

    def env(self) -> dict[str, str]:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
        # So Zensical (and MkDocs) import this toolkit's build_hooks even when it is not installed.
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(self.root), env.get("PYTHONPATH")) if p)
        if self.site_dir is not None:
            env[SITE_DIR_VARIABLE] = str(self.site_dir.resolve())
        return env

    def resolved_site_dir(self) -> Path:
        if self.site_dir is not None:
            return self.site_dir.resolve()
        from .handbooks import load_config

        return (self.root / str(load_config(self.config_file).get("site_dir") or "site")).resolve()


def _tool(name: str) -> str:
    """An engine's command, from this Python's environment (the project's .venv)."""
    return str(Path(sys.executable).with_name(name))


def clear_zensical_cache(root: Path) -> int:
    """Delete what Zensical keeps in `root`/.cache/ (and nothing else there); returns how many files."""
    folder = root / ".cache"
    if not folder.is_dir():
        return 0
    gone = 0
    for entry in folder.iterdir():
        if entry.is_file() and ZENSICAL_CACHE.match(entry.name):
            entry.unlink()
            gone += 1
    return gone


def engine_command(build: Build) -> list[str]:
    if build.engine == "mkdocs":
        command = [_tool("mkdocs"), "build", "--strict", "--config-file", str(build.config_file)]
        return command + (["--site-dir", str(build.site_dir.resolve())] if build.site_dir is not None else [])
    return [_tool("zensical"), "build", "--config-file", str(build.config_file)]


def _step(build: Build, name: str, action) -> None:
    started = time.perf_counter()
    try:
        action()
    finally:
        build.timings[name] = time.perf_counter() - started


def _check(build: Build) -> None:
    from . import __main__ as cli

    if cli.main(["check", "--strict", "--config-file", str(build.config_file)]) != 0:
        raise BuildFailed("the checks found problems (listed above); nothing was built")


def _engine(build: Build) -> None:
    if build.engine == "zensical":
        clear_zensical_cache(build.root)
    site = build.resolved_site_dir()
    before = (site / "index.html").stat().st_mtime if (site / "index.html").exists() else None
    done = subprocess.run(engine_command(build), cwd=build.root, env=build.env())
    if done.returncode != 0:
        raise BuildFailed(f"{build.engine} build failed (exit status {done.returncode}); its messages are above")
    index = site / "index.html"
    if not index.exists() or (before is not None and index.stat().st_mtime <= before):
        raise BuildFailed(f"{build.engine} did not build into {site}. Zensical takes the folder from mkdocs.yml: "
                          f"write `site_dir: !ENV [{SITE_DIR_VARIABLE}, site]` there.")


def _search(build: Build) -> None:
    """The search index, from the built pages: the same on either engine (MkDocs' hook writes it
    too, for `mkdocs serve`; writing it again here costs well under a second)."""
    from . import search

    try:
        search.write_index(build.resolved_site_dir())
    except search.SearchIndexError as error:
        raise BuildFailed(f"the search index: {error}") from None


def _verify(build: Build) -> None:
    from .verify import verify_site

    problems = verify_site(build.config_file, build.resolved_site_dir())
    if problems:
        from .problems import format_problems

        print(format_problems(problems), file=sys.stderr)
        raise BuildFailed(f"{len(problems)} page(s) were built without what the toolkit adds to them")


def _handbooks(build: Build) -> None:
    from . import handbooks

    site = build.resolved_site_dir()
    try:
        if build.pdfs:
            print(handbooks.format_report(handbooks.build(site, build.config_file), site))
        else:
            handbooks.write_pages(site, handbooks.load_config(build.config_file))
    except handbooks.HandbookError as error:
        print(f"error: {error}", file=sys.stderr)
        raise BuildFailed("the handbooks could not be made") from None


def _offline(build: Build) -> None:
    from . import offline
    from .handbooks import HandbookError, load_config

    site = build.resolved_site_dir()
    try:
        print(offline.format_report(offline.write_worker(site, load_config(build.config_file)), site))
    except (offline.OfflineError, HandbookError) as error:
        raise BuildFailed(f"the service worker: {error}") from None


def _precompress(build: Build) -> None:
    from . import precompress

    site = build.resolved_site_dir()
    try:
        print(precompress.format_report(precompress.precompress_site(site), site))
    except precompress.PrecompressError as error:
        print(f"error: {error}", file=sys.stderr)
        raise BuildFailed("the precompressed copies could not be made") from None


def run_build(build: Build) -> None:
    """Every step of a build, in order; raises BuildFailed at the first that fails."""
    steps = (("check", _check), ("engine", _engine), ("search", _search), ("verify", _verify), ("handbooks", _handbooks),
             ("offline", _offline), ("precompress", _precompress))
    for name, action in steps:
        _step(build, name, lambda: action(build))


def summary(build: Build) -> str:
    steps = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in build.timings.items())
    return f"Built with {build.engine} into {build.resolved_site_dir()} ({steps})."


def serve(engine: str, config_file: Path, dev_addr: str) -> int:
    """Serve a live rebuild. MkDocs builds in a folder of its own and its hooks write the handbook
    pages; Zensical builds into site_dir (here .cache/serve-site/, so site/ is left as built) and
    this writes the handbook pages after each of its rebuilds. Neither prints the PDFs."""
    if engine == "mkdocs":
        command = [_tool("mkdocs"), "serve", "--strict", "--config-file", str(config_file), "--dev-addr", dev_addr]
        return subprocess.call(command, env=Build(engine, config_file).env())
    from . import handbooks

    build = Build(engine, config_file, site_dir=config_file.resolve().parent / ".cache" / "serve-site")
    clear_zensical_cache(build.root)
    config = handbooks.load_config(config_file)
    command = [_tool("zensical"), "serve", "--config-file", str(config_file), "--dev-addr", dev_addr]
    process = subprocess.Popen(command, cwd=build.root, env=build.env(), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, bufsize=1)
    try:
        started = time.time()
        for line in process.stdout:
            print(line, end="", flush=True)
            if ZENSICAL_STARTED.search(line):
                started = time.time()
            elif ZENSICAL_BUILT.search(line):
                _handbook_pages_when_built(build.resolved_site_dir(), config, started)
        return process.wait()
    except KeyboardInterrupt:
        process.terminate()
        return process.wait()


def _handbook_pages_when_built(site: Path, config: dict, started: float) -> None:
    """Once a rebuild's pages are on disk (a page newer than `started`; a rebuild may write only the
    page that changed), write the handbook pages and the search index, trying again while pages
    are still arriving."""
    from . import handbooks, search

    deadline = time.monotonic() + SERVE_WAIT_S
    while True:
        if _written_since(site, started):
            try:
                handbooks.write_pages(site, config)
                search.write_index(site)
                print(f"Wrote the handbook pages and the search index into {site}.", flush=True)
                return
            except (handbooks.HandbookError, search.SearchIndexError) as error:
                problem = error
        else:
            problem = f"no page in {site} was written"
        if time.monotonic() > deadline:
            print(f"error: {problem} (after {SERVE_WAIT_S} s); the handbook pages were not made.",
                  file=sys.stderr, flush=True)
            return
        time.sleep(0.5)


def _written_since(site: Path, started: float) -> bool:
    return (site / "index.html").exists() and any(
        page.stat().st_mtime >= started - 1 for page in site.rglob("*.html") if page.parts[-2:-1] != ("handbooks",))
