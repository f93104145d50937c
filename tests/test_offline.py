"""Offline use after the first visit, in Chromium against the built site served by nginx with the
shipped deploy/nginx.conf (its policy included): after one visit with a tool used, the toolkit
opens, searches, runs every tool, keeps an incident log entry and prints with no connection, and
not one request reaches the server; a new release replaces the old one whole, a broken one is not
installed, and switching offline use off removes it; "Leave this site quickly" leaves no answer
in any cache; and over plain HTTP (no secure context) nothing is registered and the tools work.

The served folder is a link the tests re-point to another build, so one origin (one service
worker registration) sees each release in turn."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from build_hooks import offline
from build_hooks.handbooks import load_config
from harness import CHROMIUM, CHROMIUM_ARGS, ENGINE_SITES, LOCAL_ORIGINS, ROOT, all_pages, serve_with_nginx
from test_incident_log import add
from test_quality_gates import _WATCH_CSP, fetch
from wizard_driver import READY_TIMEOUT, TOOL_IDS, paths, run_path_with_locators

pytestmark = pytest.mark.browser
# Service workers are blocked in other tests (conftest.py); these are about them.
ALLOW_WORKERS = pytest.mark.browser_context_args(service_workers="allow")

RUNTIME = "toolkit-offline-runtime"
NEW_WORDS = "This sentence is only in the newer release."
NEW_STYLE = "/* only in the newer release */"

# Resolves once this page is served by the toolkit's service worker.
CONTROLLED = """() => navigator.serviceWorker.controller ? true : new Promise((resolve) =>
  navigator.serviceWorker.addEventListener("controllerchange", () => resolve(true), { once: true }))"""
# Asks for the service worker again; resolves with what became of the new one, if any.
UPDATE = """async () => {
  const registration = await navigator.serviceWorker.getRegistration();
  await registration.update().catch(() => {});
  const worker = registration.installing || registration.waiting;
  if (!worker) return "no new worker";
  const settled = () => ["installed", "activated", "redundant"].includes(worker.state);
  if (settled()) return worker.state;
  return new Promise((resolve) => worker.addEventListener("statechange", () => settled() && resolve(worker.state)));
}"""
# Every entry in every cache: [cache, URL, "sha256-..." of its body, whether it holds `text`].
CACHED = """async (text) => {
  const out = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const body = await (await cache.match(request)).arrayBuffer();
      const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
      const holds = new TextDecoder("utf-8", { fatal: false }).decode(body).includes(text);
      out.push([name, request.url, "sha256-" + btoa(String.fromCharCode(...digest)), holds]);
    }
  }
  return out;
}"""


class Live:
    """The folder nginx serves: a link to one build, re-pointed to another. Each test starts by
    serving the build it needs."""

    def __init__(self, folder: Path):
        self.link = folder / "live"
        self.access_log = folder / "access.log"  # serve_with_nginx logs into its scratch folder
        self.url = ""

    def serve(self, build: Path) -> None:
        staged = self.link.with_name("live.next")
        staged.unlink(missing_ok=True)
        staged.symlink_to(build)
        os.replace(staged, self.link)


@pytest.fixture(scope="module")
def live(site_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    served = Live(folder)
    served.serve(site_dir)
    server = serve_with_nginx(served.link, folder)
    LOCAL_ORIGINS.add(server.origin)
    served.url = server.url
    yield served
    server.stop()


def requests_served(live: Live) -> list[str]:
    """What reached nginx, but the browser's own checks for a new release: Chromium makes those
    outside the page's emulated network (context.set_offline), and with no network they just fail."""
    return [line for line in live.access_log.read_text().splitlines() if '"GET /service-worker.js ' not in line]


def shortest_path(tool: str) -> dict:
    return min(paths(tool), key=lambda p: len(p["answers"]))


def run_tool(page, url: str, tool: str) -> None:
    """Open a tool's page and answer its shortest path; the result is the one CPython gives."""
    path = shortest_path(tool)
    page.goto(f"{url}tools/{tool}/")
    wizard = page.locator(f'.dt-wizard[data-tool="{tool}"].dt-wizard--live')
    wizard.wait_for()
    run_path_with_locators(wizard, tool, path["answers"])
    assert wizard.locator(".dt-result").get_attribute("data-result", timeout=READY_TIMEOUT) == path["result"], tool


def built_file(site: Path, url: str, root: str) -> Path:
    path = urlsplit(url).path[len(urlsplit(root).path):]
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def assert_caches_hold_built_files_only(page, site: Path, root: str, answers: str) -> None:
    """Every cached entry is byte for byte a file of the built site, and none holds the answers."""
    entries = page.evaluate(CACHED, answers)
    assert entries, "nothing was cached"
    for name, url, digest, holds in entries:
        assert not holds, f"{name} keeps the reader's answers, in {url}"
        if name.startswith("toolkit-offline-"):
            assert digest == offline.integrity(built_file(site, url, root).read_bytes()), f"{name}: {url} is not the built file"


def pdf_text(page, tmp_path: Path) -> str:
    pdf = tmp_path / "page.pdf"
    pdf.write_bytes(page.pdf())
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@ALLOW_WORKERS
def test_after_one_visit_everything_works_with_no_connection(context, page, live, site_dir, tmp_path):
    problems = []
    # The neutral page the quick exit opens names no icon (the toolkit's would give it away), so
    # the browser guesses /favicon.ico, which the site does not have, online or not.
    page.on("console", lambda m: problems.append(f"{m.text} ({m.location.get('url')})")
            if m.type == "error" and not m.location.get("url", "").endswith("/favicon.ico") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.add_init_script(_WATCH_CSP)
    live.serve(site_dir)
    page.goto(live.url)
    page.evaluate(CONTROLLED)
    run_tool(page, live.url, TOOL_IDS[0])
    runtime = page.evaluate("caches.open('toolkit-offline-runtime').then((c) => c.keys()).then((k) => k.map((r) => r.url))")
    assert any(url.endswith(".wasm") for url in runtime), runtime

    # "Leave this site quickly": the answers were kept in the tab only, and no cache holds them.
    answers = page.evaluate("Object.values(sessionStorage).join('\\n')")
    assert answers, "the tool kept no answers in the tab, so there is nothing to look for"
    page.get_by_role("link", name="Leave this site quickly").click()
    page.wait_for_url("**/recipes/soup.html")
    assert page.evaluate("sessionStorage.length") == 0
    assert_caches_hold_built_files_only(page, site_dir, live.url, answers)

    context.set_offline(True)
    before = requests_served(live)
    page.goto(live.url)
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("harassment")
    assert "harassment" in page.locator('.md-search-result[data-query="harassment"] .md-search-result__item').first.inner_text().lower()
    for tool in TOOL_IDS:
        run_tool(page, live.url, tool)
        assert page.evaluate("window.__cspViolations") == [], tool
    page.goto(f"{live.url}tools/incident-log/")
    page.locator(".incident-log--ready").wait_for()
    add(page, "2026-11-20", "08:30", "email", "Kept with no connection at all.")
    page.reload()
    page.locator(".incident-log--ready").wait_for()
    assert "Kept with no connection at all." in page.locator(".il-entry").last.inner_text()
    page.goto(f"{live.url}law/harassment/")
    assert "Harassment" in pdf_text(page, tmp_path)
    reached = requests_served(live)[len(before):]
    assert reached == [], f"with no connection, requests still reached the site: {reached}"
    assert problems == []


def copy_of(site: Path, to: Path) -> Path:
    shutil.copytree(site, to, symlinks=True)
    return to


def changed(*files: Path) -> None:
    """Drop the precompressed twins of files a test changed: nginx would send a twin, the old bytes."""
    for file in files:
        for twin in (".gz", ".br"):
            file.with_name(file.name + twin).unlink(missing_ok=True)


def newer_release(site: Path, to: Path, config: dict) -> offline.Release:
    """A copy of the site with a page and a stylesheet changed, and its own service worker."""
    copy_of(site, to)
    home = to / "index.html"
    home.write_text(home.read_text().replace("</h1>", f"</h1><p>{NEW_WORDS}</p>", 1))
    with open(to / "assets/stylesheets/toolkit.css", "a") as css:
        css.write(NEW_STYLE + "\n")
    changed(home, to / "assets/stylesheets/toolkit.css", to / offline.WORKER)
    return offline.write_worker(to, config)


def toolkit_caches(page) -> list[str]:
    return sorted(n for n in page.evaluate("caches.keys()") if n.startswith("toolkit-offline-"))


def caches_become(page, expected: list[str]) -> list[str]:
    for _ in range(100):
        names = toolkit_caches(page)
        if names == expected:
            break
        page.wait_for_timeout(200)
    return names


@ALLOW_WORKERS
def test_a_new_release_replaces_the_old_whole_and_a_broken_one_is_not_installed(context, page, live, site_dir, tmp_path):
    config = load_config(ROOT / "mkdocs.yml")
    old = f"toolkit-offline-{offline.release_of(site_dir).version}"
    live.serve(site_dir)
    page.goto(live.url)
    page.evaluate(CONTROLLED)
    assert caches_become(page, [old, RUNTIME]) == [old, RUNTIME]

    # A release whose files do not match its list (a copy caught half-way, say) is not installed.
    newer = newer_release(site_dir, tmp_path / "newer", config)
    broken = copy_of(tmp_path / "newer", tmp_path / "broken")
    (broken / "assets/stylesheets/toolkit.css").write_text("/* half-copied */")
    changed(broken / "assets/stylesheets/toolkit.css")
    live.serve(broken)
    assert page.evaluate(UPDATE) == "redundant"
    assert toolkit_caches(page) == [old, RUNTIME], "a broken release left a cache behind"

    # A sound one installs beside the old, which keeps serving the open tab, whole.
    live.serve(tmp_path / "newer")
    assert page.evaluate(UPDATE) == "installed"
    page.reload()
    assert NEW_WORDS not in page.content()
    assert NEW_STYLE not in page.evaluate("fetch('assets/stylesheets/toolkit.css').then((r) => r.text())")

    # The next visit, once the tab is closed: the new release only, and the old cache gone.
    page.close()
    page = context.new_page()
    page.goto(live.url)
    new = f"toolkit-offline-{newer.version}"
    assert caches_become(page, [new, RUNTIME]) == [new, RUNTIME]
    page.reload()
    assert NEW_WORDS in page.content()
    assert NEW_STYLE in page.evaluate("fetch('assets/stylesheets/toolkit.css').then((r) => r.text())")

    # Switched off (offline.js out of extra_javascript): the worker and its caches remove themselves.
    off = copy_of(tmp_path / "newer", tmp_path / "off")
    changed(off / offline.WORKER)
    offline.write_worker(off, {**config, "extra_javascript": []})
    live.serve(off)
    page.evaluate(UPDATE)
    assert caches_become(page, []) == []
    for _ in range(50):
        if not page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)"):
            break
        page.wait_for_timeout(200)
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then((r) => r.length)") == 0
    page.reload()
    assert page.evaluate("navigator.serviceWorker.controller") is None
    assert NEW_WORDS in page.content()


def test_over_plain_http_nothing_is_registered_and_the_tools_work(browser_type, nginx_server):
    """http://toolkit.test is not a secure context (only HTTPS and this machine's own addresses are)."""
    port = urlsplit(nginx_server).port
    host = f"toolkit.test:{port}"
    args = [a for a in CHROMIUM_ARGS if not a.startswith("--host-resolver-rules=")]
    browser = browser_type.launch(executable_path=CHROMIUM, args=args + [
        "--host-resolver-rules=MAP toolkit.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
    try:
        page = browser.new_page()
        problems, outside = [], []
        page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: problems.append(str(e)))
        page.on("request", lambda r: urlsplit(r.url).netloc == host or outside.append(r.url))
        url = f"http://{host}/"
        page.goto(url)
        assert page.evaluate("[window.isSecureContext, 'serviceWorker' in navigator]") == [False, False]
        run_tool(page, url, TOOL_IDS[0])
        assert problems == [] and outside == [], (problems, outside)
    finally:
        browser.close()


def test_nginx_sends_the_worker_as_javascript_never_kept(nginx_server):
    status, headers, body = fetch(nginx_server + "service-worker.js", gzip_ok=False)
    assert status == 200 and b"const RELEASE = {" in body
    assert headers["Cache-Control"] == "no-cache"
    assert "javascript" in headers["Content-Type"]
    assert "worker-src 'self'" in headers["Content-Security-Policy"]


_LOADED = re.compile(r'<(?:script|img)\b[^>]*\bsrc="([^"#?]+)|<link\b[^>]*\brel="(?:stylesheet|icon|shortcut icon)"[^>]*\bhref="([^"#?]+)')


@pytest.mark.parametrize("engine", list(ENGINE_SITES))
def test_each_engines_worker_stores_every_page_and_what_each_page_loads(engine):
    """Read from the built files, for MkDocs' and Zensical's builds: no page, and no script, style
    or image a page asks for, is missing from the release (tool runtimes are kept when first used)."""
    site = ENGINE_SITES[engine]
    code = (site / offline.WORKER).read_text()
    release = json.loads(re.search(r"^const RELEASE = (.*);$", code, re.M).group(1))
    stored = {url for url, _ in release["files"]}
    assert set(all_pages(site)) <= stored
    missing, checked = set(), 0
    for html in site.rglob("*.html"):
        page = "/" + html.relative_to(site).as_posix()
        for found in _LOADED.finditer(html.read_text(encoding="utf-8")):
            target = urljoin(page, found.group(1) or found.group(2))
            if "://" not in target and not target.startswith("data:"):
                checked += 1
                missing |= {target.lstrip("/")} - stored - {f"{u}index.html" for u in stored}
    assert checked > len(all_pages(site)), "the pages were not read"
    assert not missing, f"pages load files the worker does not store: {sorted(missing)[:10]}"
