"""Ask each candidate every phrase in Chromium, on its site served by nginx with the shipped
config (so the site's Content-Security-Policy applies), and score the answers.

Material's search and the toolkit's are asked as a reader asks them: typed into the search box,
their result links read in order. Pagefind is asked through its own JavaScript API, as any
interface built on it would."""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from ..toolkit import ROOT, BenchError
from . import measure, variants

if str(ROOT / "tests") not in sys.path:
    sys.path.insert(0, str(ROOT / "tests"))
from harness import CHROMIUM, CHROMIUM_ARGS, HarnessError, serve_with_nginx  # noqa: E402

WIDTH = 1280  # the search box is in the header: one click opens it
SETTLE_MS = 350  # results unchanged this long: the search has answered

# The result links in order, the tool offered (if any), and the count line: what a reader sees.
_READ = """() => ({
  links: [...document.querySelectorAll('.md-search-result__link')].map((a) => a.href),
  tool: document.querySelector('.dt-search-tool:not([hidden]) a')?.href || null,
  meta: document.querySelector('.md-search-result__meta')?.textContent || '',
})"""

_PAGEFIND = """async ([query, tuned]) => {
  window.__pf ??= await import(new URL('pagefind/pagefind.js', document.baseURI).href);
  const STOP = new Set('a about am an and are as at be been being by can could do does for from has have how i if in is it me my of on or should so someone that the their them they this to was we what when where who why will with you your'.split(' '));
  const asked = tuned ? query.toLowerCase().split(/[^a-z0-9']+/).filter((w) => w && !STOP.has(w)).join(' ') : query;
  const started = performance.now();
  const found = await window.__pf.search(asked);
  const top = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
  return { links: top.map((d) => new URL(d.url, location.origin).href), ms: performance.now() - started };
}"""


def _typed(page, query: str) -> dict:
    box = page.locator(".md-search__input")
    own = page.locator(".dt-search").count() > 0
    # All but the last letter filled in, the last one typed: both searches answer a key press,
    # and a reader's search is the whole phrase (typing each letter only slows the bench).
    box.fill(query[:-1])
    box.press_sequentially(query[-1], timeout=120_000)
    started = time.monotonic()
    if own:  # the toolkit's results say which search they answer
        page.wait_for_function("(q) => document.querySelector('.md-search-result').dataset.query === q", arg=query,
                               timeout=120_000)
        return {**page.evaluate(_READ), "ms": (time.monotonic() - started) * 1000}
    seen = page.evaluate(_READ)
    last, since = None, time.monotonic()
    while time.monotonic() - started < 15:
        key = (tuple(seen["links"]), seen["tool"], seen["meta"])
        if key != last:
            last, since = key, time.monotonic()
        elif time.monotonic() - since >= SETTLE_MS / 1000 and seen["links"] or time.monotonic() - since >= 1.5:
            return {**seen, "ms": (since - started) * 1000}
        page.wait_for_timeout(50)
        seen = page.evaluate(_READ)
    return {**seen, "ms": None}  # still changing after 15 s: what it shows then


def ask_all(page, name: str, queries: list[measure.Query]) -> list[dict]:
    if name.startswith("pagefind"):
        return [page.evaluate(_PAGEFIND, [q.text, name.endswith("tuned")]) for q in queries]
    page.locator(".md-search__input").click()
    return [_typed(page, q.text) for q in queries]


def _tool_of(url: str | None, root: str) -> str | None:
    path = measure.site_path(url, root) if url else ""
    return path.removeprefix("tools/").strip("/") or None if path.startswith("tools/") else None


def score(name: str, queries: list[measure.Query], answers: list[dict], root: str) -> dict:
    ranks, rows = [], []
    for query, answer in zip(queries, answers):
        pages = [measure.site_path(link, root) for link in answer["links"]]
        rank = measure.first_answer(pages, query)
        ranks.append(rank)
        rows.append({"text": query.text, "kind": query.kind, "rank": rank, "top": list(dict.fromkeys(pages))[:3],
                     "tool": _tool_of(answer.get("tool"), root)})
    result = {"candidate": name, **measure.summarise(ranks),
              "by_kind": {kind: measure.summarise([r for r, q in zip(ranks, queries) if q.kind == kind])
                          for kind in measure.KINDS if any(q.kind == kind for q in queries)},
              "tuning_set": measure.summarise([r for r, q in zip(ranks, queries) if not q.held_out]),
              "held_out": measure.summarise([r for r, q in zip(ranks, queries) if q.held_out]) if any(q.held_out for q in queries) else None,
              "rows": rows}
    times = [a["ms"] for a in answers if a.get("ms") is not None]
    result["median_ms"] = statistics.median(times) if times else None
    if name.startswith("toolkit"):  # the only search that offers a tool
        result["tools"] = measure.tool_offers([r["tool"] for r in rows], queries)
    return result


def candidate(name: str, browser, site: Path, work: Path, queries: list[measure.Query], say=print) -> dict:
    """`site` is the build the candidate is made from (for the toolkit's own search, the one it is)."""
    say(f"search: building {name}")
    served = variants.build(name, work / name, site)
    scratch = (work / name / "nginx").resolve()
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        server = serve_with_nginx(served, scratch)
    except HarnessError as error:
        raise BenchError(str(error)) from None
    outside: list[str] = []
    context = browser.new_context(viewport={"width": WIDTH, "height": 900})
    try:
        context.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server.url, "data:", "blob:")) else None)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server.url)
        say(f"search: asking {name} {len(queries)} phrases")
        answers = ask_all(page, name, queries)
        if errors:
            raise BenchError(f"{name}: the page raised {errors[0]}")
        return {**score(name, queries, answers, server.url), "outside_requests": sorted(set(outside))}
    finally:
        context.close()
        server.stop()


def measure_all(site: Path, work: Path, names=variants.NAMES, say=print, progress: Path | None = None,
                zensical_site: Path = ROOT / "site-zensical") -> dict:
    from playwright.sync_api import sync_playwright

    queries = measure.load_queries()
    results = {"queries": len(queries), "held_out": sum(q.held_out for q in queries), "kinds": {k: sum(q.kind == k for q in queries) for k in measure.KINDS},
               "candidates": []}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            for name in names:
                built = variants.site_for(name, site, zensical_site)
                results["candidates"].append(candidate(name, browser, built, work, queries, say))
                if progress:  # a later failure keeps what is measured so far
                    progress.write_text(json.dumps(results, indent=1) + "\n")
        finally:
            browser.close()
    return results
