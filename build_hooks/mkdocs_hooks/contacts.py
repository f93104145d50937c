"""MkDocs adapter: show contact tables with mailto:/tel: links. The work is in build_hooks.contacts."""

from build_hooks.contacts import render_page_contacts


def on_page_markdown(markdown, page, config, files):
    return render_page_contacts(markdown, config["docs_dir"], page.file.src_uri)
