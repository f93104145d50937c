"""MkDocs adapter: show contact tables with mailto:/tel: links. The work is in build_hooks.contacts."""

from pathlib import Path

from build_hooks.contacts import has_contact_table, render_contact_tables


def on_page_markdown(markdown, page, config, files):
    # The checks have parsed every page already (and cached it): most pages have no contact table.
    if not has_contact_table(Path(config["docs_dir"]), page.file.src_uri):
        return markdown
    return render_contact_tables(markdown)
