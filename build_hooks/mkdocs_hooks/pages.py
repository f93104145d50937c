"""MkDocs adapter: tell build_hooks.extension (in markdown_extensions) which page it is about to
render. Zensical tells it itself; every page transform is in the extension, for both engines."""

from pathlib import Path

from build_hooks.extension import PageContext, set_page


def on_page_markdown(markdown, page, config, files):
    set_page(PageContext(src=page.file.src_uri, url=page.url, docs_dir=Path(config["docs_dir"]),
                         nav=config["nav"], use_directory_urls=config["use_directory_urls"], meta=page.meta))
    return markdown
