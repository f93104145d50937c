"""The incident log's page, filled in at build time.

Its placeholder, `<div class="incident-log"></div>` in docs/tools/incident-log.md, becomes the
same element with where Pyodide and the decision_tools wheel are staged (the wizard's worker runs
the log's insights), and a `<script type="application/json">` block with the URLs of the pages
its insights link to and the log's channels, format and version: data, not code, so it passes a
strict Content-Security-Policy.
"""

from __future__ import annotations

import json
from html import escape

from decision_tools import incident_copy, incidents

from .runtime import staged_paths

PLACEHOLDER = '<div class="incident-log"></div>'
LINKED = (incidents.HARASSMENT_TOOL, incidents.REPORT_TOOL, incidents.CALL_THE_POLICE)

_NO_SCRIPT = ("The incident log needs JavaScript, which is turned off or not available in this browser. "
              "You can keep a log on paper instead: write down the date and time, what happened, who it "
              "was and where your evidence is, and sign and date each entry.")


class IncidentLogError(Exception):
    """The incident log cannot be filled in; the message says what to fix."""


def render_incident_log(html: str, *, base_url: str, page_urls: dict[str, str]) -> str:
    """Fill the incident log's placeholder in a page's HTML. `base_url` is the site root relative
    to the page, ending in '/'; `page_urls` maps docs-relative pages to URLs relative to the page.
    Raises IncidentLogError (or runtime.RuntimeError_ when Pyodide is not staged)."""
    if PLACEHOLDER not in html:
        return html
    missing = [link["page"] for link in LINKED if link["page"] not in page_urls]
    if missing:
        raise IncidentLogError(f"the incident log links to {missing}, which are not pages of the site.")
    paths = staged_paths()
    data = {"pages": {link["page"]: page_urls[link["page"]] for link in LINKED},
            "channels": incidents.CHANNELS, "format": incidents.FORMAT, "version": incidents.VERSION,
            "locked_format": incident_copy.LOCKED_FORMAT}
    filled = (f'<div class="incident-log" data-runtime="{escape(base_url + paths["runtime"])}" '
              f'data-tools="{escape(base_url + paths["tools"])}">'
              # "<" escaped so no value can close the script element.
              f'<script type="application/json" class="incident-log__data">{json.dumps(data).replace("<", "\\u003c")}</script>'
              f'<noscript><p class="incident-log__message">{_NO_SCRIPT}</p></noscript>'
              '</div>')
    return html.replace(PLACEHOLDER, filled)
