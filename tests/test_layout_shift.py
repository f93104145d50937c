"""Nothing jumps while a page loads on a phone: each kind of page, 390 px wide, has a cumulative
layout shift of 0.05 or less (the "good" line of Core Web Vitals) from the first paint until it is
ready to use: a decision tool until its Python engine is ready, the incident log until it has
opened the reader's saved log. Read from the browser's own record of every layout shift
(a buffered PerformanceObserver), so a shift before the test looked still counts."""

from __future__ import annotations

import pytest

from wizard_driver import READY_TIMEOUT, TOOL_IDS, wait_engine_ready

pytestmark = [pytest.mark.both_engines, pytest.mark.browser_context_args(viewport={"width": 390, "height": 844})]

MOST_SHIFT = 0.05
PAGES = {
    "home": ("", None),
    "guidance": ("personal-safety/home-visits/", None),
    "law": ("law/offences/", None),
    "incident log": ("tools/incident-log/", ".incident-log--ready"),
    **{f"tool {tool}": (f"tools/{tool}/", "engine") for tool in TOOL_IDS},
}

# Every shift so far, with what moved; two frames first, so a shift that the last change caused
# has been recorded. Counted whether or not the browser thinks the reader had just acted: the test
# does nothing before it measures, so no shift here was asked for.
SHIFTS = """() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const shifts = [];
  const name = (node) => !node ? "(gone)" : node.nodeType !== 1 ? node.nodeName
    : node.tagName.toLowerCase() + (node.id ? "#" + node.id : "") + [...node.classList].map((c) => "." + c).join("");
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      shifts.push({ value: entry.value, at: Math.round(entry.startTime),
                    moved: entry.sources.map((s) => `${name(s.node)} ${Math.round(s.previousRect.top)}->${Math.round(s.currentRect.top)}`) });
    }
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(shifts), 100);  // the buffered entries arrive in a task of their own
})))"""


@pytest.mark.parametrize("kind", list(PAGES))
def test_the_page_does_not_shift_while_it_loads(page, site_server, kind):
    path, ready = PAGES[kind]
    page.goto(site_server + path, wait_until="load")
    if ready == "engine":
        wait_engine_ready(page)
    elif ready:
        page.locator(ready).wait_for(timeout=READY_TIMEOUT)
    shifts = page.evaluate(SHIFTS)
    total = sum(shift["value"] for shift in shifts)
    assert total <= MOST_SHIFT, (f"{kind} ({path or 'home'}): layout shift {total:.3f} (most allowed {MOST_SHIFT}); "
                                 f"each shift, in ms from the start, and what moved (top before->after): {shifts}")
