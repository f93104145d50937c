"""MkDocs adapter for the printable handbooks. The work is in build_hooks.handbooks.

It gives each section's first page a "Print this section" link, fills the list of handbooks on
docs/about/handbooks.md, and writes the handbook HTML pages after every build (so `mkdocs serve`
has them too). The PDFs are printed by `python -m build_hooks handbooks`, the step after the build.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from build_hooks import handbooks as hb

_plan: list[hb.Handbook] = []


def on_config(config):
    try:
        _plan[:] = hb.plan(config)
    except hb.HandbookError as error:
        raise PluginError(str(error)) from None


def on_page_context(context, page, config, nav):
    handbook = hb.handbook_starting_at(_plan, page.file.src_uri)
    if handbook:
        context["handbook"] = hb.links(handbook, page.url)
    return context


def on_page_content(html, page, config, files):
    if hb.LIST_PLACEHOLDER in html:
        html = html.replace(hb.LIST_PLACEHOLDER, hb.list_html(_plan, page.url))
    return html


def on_post_build(config):
    try:
        hb.write_pages(Path(config["site_dir"]), config)
    except hb.HandbookError as error:
        raise PluginError(str(error)) from None
