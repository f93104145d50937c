"""MkDocs adapter: fill the incident log's placeholder with where Pyodide and the decision_tools
wheel are staged (the wizard's worker runs the insights) and the URLs of the pages its
insights link to."""

import json
from html import escape

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from build_hooks.runtime import RuntimeError_, staged_paths
from decision_tools import incident_copy, incidents

PLACEHOLDER = '<div class="incident-log"></div>'
_LINKED = (incidents.HARASSMENT_TOOL, incidents.REPORT_TOOL, incidents.CALL_THE_POLICE)


def on_page_content(html, page, config, files):
    if PLACEHOLDER not in html:
        return html
    urls = {f.src_uri: get_relative_url(f.url, page.url) for f in files.documentation_pages()}
    missing = [link["page"] for link in _LINKED if link["page"] not in urls]
    if missing:
        raise PluginError(f"{page.file.src_uri}: the incident log links to {missing}, which are not pages of the site.")
    try:
        paths = staged_paths()
    except RuntimeError_ as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
    base = get_relative_url(".", page.url).rstrip("/") + "/"
    data = {"pages": {link["page"]: urls[link["page"]] for link in _LINKED},
            "channels": incidents.CHANNELS, "format": incidents.FORMAT, "version": incidents.VERSION,
            "locked_format": incident_copy.LOCKED_FORMAT}
    filled = (f'<div class="incident-log" data-runtime="{escape(base + paths["runtime"])}" '
              f'data-tools="{escape(base + paths["tools"])}">'
              # "<" escaped so no value can close the script element.
              f'<script type="application/json" class="incident-log__data">{json.dumps(data).replace("<", "\\u003c")}</script>'
              '<noscript><p class="incident-log__message">The incident log needs JavaScript, which is turned off or '
              'not available in this browser. You can keep a log on paper instead: write down the date and time, '
              'what happened, who it was and where your evidence is, and sign and date each entry.</p></noscript>'
              '</div>')
    return html.replace(PLACEHOLDER, filled)
