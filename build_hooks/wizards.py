"""The in-page decision tools, filled in at build time for each tool page.

Each `<div class="dt-wizard" data-tool="TOOL"></div>` placeholder becomes:
- the first question, rendered by the tools' own presenter (decision_tools.present), so it shows
  and can be answered before Python has loaded in the browser;
- the data the browser needs and must not fetch (the council's contacts and where each guidance
  page lives, relative to this page), as a `<script type="application/json">` block: data, not
  code, so it passes a strict Content-Security-Policy. The browser hands it back to the same
  presenter with every step;
- "How this tool decides": the tool's logic written out (decision_tools.written_out), for readers
  without JavaScript or whose browser cannot run Python, for search and for print; `add_to_toc`
  puts it in the page's contents list too.
Nothing here writes question or result markup itself: that is done once, in decision_tools.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import decision_tools
from decision_tools import browser, written_out

from .contacts import contacts_by_role
from .runtime import staged_paths

_PLACEHOLDER = re.compile(r'<div class="dt-wizard" data-tool="([a-z0-9_-]+)"></div>')
LOGIC_TITLE = "How this tool decides"

_NO_SCRIPT = ("This tool asks its questions using JavaScript, which is turned off or not "
              "available in this browser. You can still follow how it decides: it is written out "
              "below, under \u201cHow this tool decides\u201d.")


class WizardError(Exception):
    """A wizard cannot be built; the message names the tool and what to fix."""


def context(tool_id: str, contacts: dict, page_urls: dict[str, str]) -> dict:
    """What the presenter needs from the page: contacts, page URLs, the toolkit's version."""
    return {"tool": tool_id, "version": decision_tools.__version__, "contacts": contacts,
            "pages": dict(sorted(page_urls.items()))}


def _json_script(data: dict) -> str:
    # "<" escaped so no value can close the script element.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" class="dt-wizard__data">{text}</script>'


def wizard_html(tool_id: str, *, runtime: str, tools: str, contacts: dict, page_urls: dict[str, str],
                links: dict[str, str] | None = None) -> str:
    """One wizard. `page_urls` are the pages' URLs relative to this page, for the browser (in the
    JSON data); `links`, when given, are how this HTML must write links to the pages for the engine
    (see build_hooks.urls: Zensical rewrites links in a page's HTML, MkDocs does not)."""
    if tool_id not in decision_tools.TOOLS:
        raise WizardError(f"the page has a wizard for tool {tool_id!r}, which does not exist. "
                          f"The tools are: {', '.join(decision_tools.TOOLS)}.")
    data = context(tool_id, contacts, page_urls)
    shown = data if links is None else {**data, "pages": links}
    first = browser.step(tool_id, {}, shown)
    logic = written_out.logic_html(tool_id, decision_tools.TOOLS[tool_id], shown)
    return (f'<div class="dt-wizard" data-tool="{tool_id}" data-runtime="{escape(runtime)}" '
            f'data-tools="{escape(tools)}">' + _json_script(data)
            + f'<noscript><p class="dt-wizard__message">{_NO_SCRIPT}</p></noscript>'
            + '<p class="dt-wizard__status" role="status"></p>'
            + f'<div class="dt-wizard__step" id="dt-{tool_id}-question" tabindex="-1">{first["html"]}</div>'
            + logic + '</div>')


def render_wizards(html: str, *, base_url: str, page_urls: dict[str, str], docs_dir: Path,
                   links: dict[str, str] | None = None) -> str:
    """Fill each wizard placeholder in a page's HTML.

    `base_url` is the site root relative to the page; `page_urls` maps each docs-relative
    Markdown path (`law/harassment.md`) to its URL relative to the page; `links` as wizard_html."""
    if "dt-wizard" not in html:
        return html
    paths = staged_paths()
    base = base_url.rstrip("/") + "/"
    contacts = contacts_by_role(docs_dir)

    def fill(match: re.Match) -> str:
        return wizard_html(match[1], runtime=base + paths["runtime"], tools=base + paths["tools"],
                           contacts=contacts, page_urls=page_urls, links=links)

    return _PLACEHOLDER.sub(fill, html)


def placeholders(html: str) -> list[str]:
    """The tool ids of the wizard placeholders in a page's HTML, in order."""
    return _PLACEHOLDER.findall(html) if "dt-wizard" in html else []


def add_to_toc(toc_tokens: list[dict], tool_ids: list[str]) -> None:
    """Add "How this tool decides" of each tool to a page's contents list.

    `toc_tokens` is Python-Markdown's (the toc extension's `md.toc_tokens`), which both engines
    turn into the page's table of contents. The logic is added after Markdown made the list, so
    it is added here: under the page's title when it has one, as Markdown nests its own headings."""
    parent = toc_tokens[0]["children"] if len(toc_tokens) == 1 and toc_tokens[0]["level"] == 1 else toc_tokens
    for tool in tool_ids:
        parent.append({"level": 2, "id": f"dt-{tool}-logic", "name": LOGIC_TITLE, "html": LOGIC_TITLE,
                       "data-toc-label": "", "children": []})
