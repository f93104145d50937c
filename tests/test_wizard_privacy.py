"""During a wizard run the page requests nothing but the site's own static files,
and no request carries an answer. Also: pages without a wizard load no Pyodide file, and the
wizard follows Material's instant navigation: it keeps its worker from one tool to the next, and
lets it go when the reader leaves the tools."""

from urllib.parse import urlsplit

import pytest

from wizard_driver import TOOL_IDS, longest_path, open_tool, run_path

pytestmark = pytest.mark.browser

RUNTIME_PARTS = ("/assets/pyodide/", "/assets/decision-tools/", "python-worker.js")


def record(context):
    seen = []
    context.on("request", lambda r: seen.append({"url": r.url, "method": r.method, "body": r.post_data}))
    return seen


@pytest.mark.parametrize("tool", TOOL_IDS)
def test_wizard_run_asks_only_for_static_files_and_sends_no_answer(context, page, site_server, tool):
    requests = record(context)
    path = longest_path(tool)
    wizard = open_tool(page, site_server, tool)
    loading = list(requests)
    requests.clear()
    run_path(page, wizard, tool, path["answers"])
    page.wait_for_timeout(300)
    # Once Python is ready, answering asks the network for nothing at all.
    assert requests == [], f"{tool}: answering made requests: {requests}"
    values = {str(v) for value in path["answers"].values() for v in (value if isinstance(value, list) else [value])}
    for r in loading:
        parts = urlsplit(r["url"])
        assert r["url"].startswith(site_server), r["url"]
        assert r["method"] == "GET" and not r["body"], r
        assert not parts.query, f"a request carries a query string: {r['url']}"
        # (A question id may be a folder's name, such as assets/council/: what must never appear
        # is an answer given to it.)
        assert not any(f"{qid}=" in r["url"] or f"{qid}/{v}" in r["url"]
                       for qid in path["answers"] for v in values), r["url"]
        assert parts.path.endswith("/") or "." in parts.path.rsplit("/", 1)[-1], f"not a static file: {r['url']}"
    assert any("/assets/pyodide/" in r["url"] for r in loading), "the wizard should load the site's own Pyodide"
    assert values  # the path had answers to look for


def test_pages_without_a_wizard_load_no_pyodide_file(context, page, site_server):
    requests = record(context)
    for path in ("", "law/harassment/", "support/", "tools/"):
        page.goto(site_server + path, wait_until="networkidle")
        assert page.locator(".dt-exit__button").is_visible()  # the quick exit is on every page
    runtime = [r["url"] for r in requests if any(part in r["url"] for part in RUNTIME_PARTS)]
    assert runtime == [], f"pages without a wizard loaded: {runtime}"


def wizard_workers(page):
    return [w for w in page.workers if w.url.endswith("python-worker.js")]


def swap_to(page, url):
    """Do what Material's instant navigation does: fetch the page, swap the content in without
    reloading, and emit `document$`. (Material turns instant navigation on only when site_url is
    set, which an intranet copy may not have; the wizard must work either way.)"""
    page.evaluate("""async (url) => {
        const html = await (await fetch(url)).text();
        const next = new DOMParser().parseFromString(html, "text/html");
        history.pushState({}, "", url);
        document.querySelector(".md-content").replaceWith(document.adoptNode(next.querySelector(".md-content")));
        document.title = next.title;
        window.document$.next(document);
    }""", url)


def test_instant_navigation_mounts_the_wizard_and_lets_its_worker_go(page, site_server):
    tool = TOOL_IDS[0]
    page.goto(site_server + "support/")
    page.wait_for_function("window.document$ !== undefined")
    page.evaluate("window.__samePage = true")
    swap_to(page, f"{site_server}tools/{tool}/")
    wizard = page.locator(f'.dt-wizard[data-tool="{tool}"]')
    page.wait_for_function("document.querySelector('.dt-wizard--live')", timeout=30_000)
    page.wait_for_function("performance.getEntriesByName('dt:engine-ready').length > 0", timeout=120_000)
    [worker] = wizard_workers(page)
    closed = []
    worker.on("close", lambda w: closed.append(w))
    run_path(page, wizard, tool, longest_path(tool)["answers"])
    assert wizard.locator(".dt-result").count() == 1
    swap_to(page, f"{site_server}support/")
    page.wait_for_function("!document.querySelector('.dt-wizard')")
    page.wait_for_timeout(500)
    assert page.evaluate("window.__samePage") is True, "the page reloaded"
    assert closed and wizard_workers(page) == [], "the wizard's worker is still running after leaving its page"


def test_instant_navigation_from_one_tool_to_another_keeps_python_running(page, site_server):
    first, second = TOOL_IDS[0], TOOL_IDS[1]
    open_tool(page, site_server, first)
    [worker] = wizard_workers(page)
    closed = []
    worker.on("close", lambda w: closed.append(w))
    swap_to(page, f"{site_server}tools/{second}/")
    wizard = page.locator(f'.dt-wizard[data-tool="{second}"]')
    page.wait_for_function(f"document.querySelector('.dt-wizard--live[data-tool=\"{second}\"]')")
    page.wait_for_function("performance.getEntriesByName('dt:engine-ready').length > 1", timeout=30_000)
    # One start for both tools: the second was ready without starting Python again.
    starts = page.evaluate("performance.getEntriesByType('mark').filter((m) => m.name.startsWith('dt:python-start:')).length")
    assert starts == 1 and not closed and wizard_workers(page) == [worker]
    # The page's "Skip to the question" link is the second tool's, and the only one.
    assert page.eval_on_selector_all(".dt-skip", "(links) => links.map((a) => a.getAttribute('href'))") \
        == [f"#dt-{second}-question"]
    run_path(page, wizard, second, longest_path(second)["answers"])
    assert wizard.locator(".dt-result").count() == 1
