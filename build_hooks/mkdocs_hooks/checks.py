"""MkDocs adapter: before each build, the checks `python -m build_hooks check` runs before either engine.
Errors stop the build (`path:line: message`); warnings are logged, which `mkdocs build --strict` fails on."""

import logging
from pathlib import Path

from mkdocs.exceptions import PluginError

from build_hooks import SettingsError, check_project, format_problems


def on_pre_build(config):
    try:
        problems = check_project(Path(config.config_file_path))
    except SettingsError as error:
        raise PluginError(str(error)) from None
    for warning in (p for p in problems if p.warning):
        logging.getLogger("mkdocs.hooks.toolkit_checks").warning(str(warning))
    if errors := [p for p in problems if not p.warning]:
        raise PluginError(f"The toolkit's checks found {len(errors)} problem(s):\n{format_problems(errors)}")
