"""MkDocs adapter: run the toolkit's checks before a build. The checks live in build_hooks."""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from build_hooks import format_problems
from build_hooks.contacts import check_contacts

log = logging.getLogger("mkdocs.hooks.toolkit_checks")


def on_pre_build(config):
    problems = check_contacts(Path(config["docs_dir"]))
    for warning in (p for p in problems if p.warning):
        log.warning(str(warning))  # --strict turns these into a failed build
    errors = [p for p in problems if not p.warning]
    if errors:
        raise PluginError(f"The toolkit's checks found {len(errors)} problem(s):\n{format_problems(errors)}")
