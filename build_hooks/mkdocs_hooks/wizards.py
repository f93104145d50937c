"""MkDocs adapter: fill the decision-tool placeholders on each page. The work is in build_hooks."""

import re
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.toc import AnchorLink
from mkdocs.utils import get_relative_url

from build_hooks.runtime import RuntimeError_
from build_hooks.wizards import WizardError, render_wizards

TOOL_PLACEHOLDER = re.compile(r'<div class="dt-wizard" data-tool="([a-z0-9_-]+)"></div>')


def on_page_content(html, page, config, files):
    if "dt-wizard" not in html:
        return html
    # Where each guidance page lives, relative to this page, for the result's links.
    page_urls = {f.src_uri: get_relative_url(f.url, page.url) for f in files.documentation_pages()}
    try:
        html = render_wizards(html, base_url=get_relative_url(".", page.url), page_urls=page_urls,
                              docs_dir=Path(config["docs_dir"]))
    except (RuntimeError_, WizardError) as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
    # "How this tool decides" is added after Markdown made the contents list: add it there too.
    # Under the page's title when it has one, as Markdown nests its own headings.
    items = page.toc.items
    parent = items[0].children if len(items) == 1 and items[0].level == 1 else items
    for tool in TOOL_PLACEHOLDER.findall(page.markdown or ""):
        parent.append(AnchorLink("How this tool decides", f"dt-{tool}-logic", 2))
    return html
