"""Server-side part of the in-page wizards: point each wizard at the self-hosted runtime.

(Walking skeleton: the wizard issue renders the first question and the written-out logic here.)
"""

from __future__ import annotations

import re

from .runtime import staged_paths

_PLACEHOLDER = re.compile(r'<div class="dt-wizard" data-tool="([a-z-]+)"></div>')


def render_wizards(html: str, base_url: str) -> str:
    """Fill each `<div class="dt-wizard" data-tool="…">` with where its runtime lives."""
    if "dt-wizard" not in html:
        return html
    paths = staged_paths()
    base = base_url.rstrip("/") + "/"

    def fill(match: re.Match) -> str:
        return (f'<div class="dt-wizard" data-tool="{match[1]}" '
                f'data-runtime="{base}{paths["runtime"]}" data-tools="{base}{paths["tools"]}">'
                '<p class="dt-wizard__status">This tool needs JavaScript to run in your browser.</p></div>')

    return _PLACEHOLDER.sub(fill, html)
