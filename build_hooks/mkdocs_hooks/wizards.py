"""MkDocs adapter: fill the decision-tool placeholders on each page. The work is in build_hooks."""

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

from build_hooks.runtime import RuntimeError_
from build_hooks.wizards import render_wizards


def on_page_content(html, page, config, files):
    try:
        return render_wizards(html, get_relative_url(".", page.url))
    except RuntimeError_ as error:
        raise PluginError(str(error)) from None
