"""MkDocs adapter for the search index. The work is in build_hooks.search.

`python -m build_hooks search` is the step `make build` runs after the engine (MkDocs or
Zensical, which runs no hooks). This adapter only writes the same index after every MkDocs
build, so `mkdocs serve`, which builds into a folder of its own, has search too.
"""

from pathlib import Path

from mkdocs.exceptions import PluginError

from build_hooks import search


def on_post_build(config):
    try:
        search.write_index(Path(config["site_dir"]))
    except search.SearchIndexError as error:
        raise PluginError(str(error)) from None
