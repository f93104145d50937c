"""MkDocs adapter: fill the decision-tool placeholders on each page. The work is in build_hooks."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from build_hooks.runtime import RuntimeError_
from build_hooks.wizards import WizardError, render_wizards


def on_page_content(html, page, config, files):
    if "dt-wizard" not in html:
        return html
    # Where each guidance page lives, relative to this page, for the result's links.
    page_urls = {f.src_uri: get_relative_url(f.url, page.url) for f in files.documentation_pages()}
    try:
        return render_wizards(html, base_url=get_relative_url(".", page.url), page_urls=page_urls,
                              docs_dir=Path(config["docs_dir"]))
    except (RuntimeError_, WizardError) as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
