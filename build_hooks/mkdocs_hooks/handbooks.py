"""MkDocs adapter: after each build, and each `mkdocs serve` rebuild, write the handbook pages into
the site, as `python -m build_hooks handbooks` does after either engine (it prints the PDFs too).
The handbooks are all in build_hooks.handbooks."""

from pathlib import Path

from mkdocs.exceptions import PluginError

from build_hooks import handbooks


def on_post_build(config):
    try:
        handbooks.write_pages(Path(config["site_dir"]), config)
    except handbooks.HandbookError as error:
        raise PluginError(str(error)) from None
