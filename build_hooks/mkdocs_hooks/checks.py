"""MkDocs adapter: run the toolkit's checks before each build. The checks live in build_hooks.

Typed config: `extra.toolkit_checks` in mkdocs.yml (see build_hooks.project.Settings), guarded
in on_config so a bad setting stops the build with a plain message. Errors stop the build with
every problem listed; warnings (a stale contact) are logged, so `mkdocs build --strict` fails.
"""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from build_hooks import Settings, SettingsError, check_all, format_problems, load_project
from build_hooks.links import external_links
from build_hooks.project import NavEntry, nav_pages

log = logging.getLogger("mkdocs.hooks.toolkit_checks")


def _settings(config) -> Settings:
    try:
        return Settings.from_extra(config["extra"])
    except SettingsError as error:
        raise PluginError(str(error)) from None


def on_config(config):
    _settings(config)  # the guard: fail before any work on a bad setting
    return config


def on_pre_build(config):
    config_file = Path(config.config_file_path)
    root = config_file.parent
    nav = None
    if config["nav"] is not None:
        try:  # read again for the line of each entry; MkDocs' parsed nav has no lines
            nav = load_project(config_file).nav
        except SettingsError:
            nav = None
        if nav is None:
            nav = [NavEntry(page, 0) for page in nav_pages(config["nav"])]
    docs_dir = Path(config["docs_dir"])
    problems = check_all(docs_dir, _settings(config), nav=nav, root=root, config_file=config_file.name)
    for warning in (p for p in problems if p.warning):
        log.warning(str(warning))  # --strict turns these into a failed build
    outside = external_links(docs_dir, root=root)
    if outside:
        log.info(f"{len(outside)} link(s) to outside sites (allowed); "
                 "list them with 'python -m build_hooks check --external-links'.")
    errors = [p for p in problems if not p.warning]
    if errors:
        raise PluginError(f"The toolkit's checks found {len(errors)} problem(s):\n{format_problems(errors)}")
