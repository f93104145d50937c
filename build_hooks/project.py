"""What the checks need to know about a toolkit: its folders, its navigation and its settings.

The settings are a small typed dataclass read from `extra.toolkit_checks` in mkdocs.yml, with a
guard that names a wrong setting plainly. The command line reads mkdocs.yml itself (with the line
of each navigation entry, for messages); the MkDocs hooks pass MkDocs' own parsed config.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

import yaml


class SettingsError(ValueError):
    """A setting in mkdocs.yml is wrong; the message says which and how to put it right."""


@dataclass(frozen=True)
class Settings:
    """`extra.toolkit_checks` in mkdocs.yml. Every setting is optional."""

    # A contact row last checked longer ago than this is a warning: `--strict` builds fail.
    contacts_max_age_days: int = 365

    @classmethod
    def from_extra(cls, extra) -> "Settings":
        """Read `extra.toolkit_checks`; raise SettingsError naming a bad or unknown setting."""
        where = "extra.toolkit_checks in mkdocs.yml"
        raw = extra.get("toolkit_checks") if isinstance(extra, Mapping) else None
        if raw is None:
            return cls()
        if not isinstance(raw, Mapping):
            raise SettingsError(f"{where} must be a set of settings such as 'contacts_max_age_days: 365'.")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(raw) - known)
        if unknown:
            raise SettingsError(f"{where} has an unknown setting {unknown[0]!r}. "
                                f"The settings are: {', '.join(sorted(known))}.")
        days = raw.get("contacts_max_age_days", cls.contacts_max_age_days)
        if isinstance(days, bool) or not isinstance(days, int) or days < 1:
            raise SettingsError(f"{where}: contacts_max_age_days is {days!r}. "
                                "It must be a whole number of days, 1 or more, such as 365.")
        return cls(contacts_max_age_days=days)


@dataclass(frozen=True)
class NavEntry:
    page: str  # docs-relative path, as written in nav
    line: int  # its line in mkdocs.yml


@dataclass(frozen=True)
class Project:
    root: Path  # the folder mkdocs.yml is in; messages give paths relative to it
    config_file: Path
    docs_dir: Path
    settings: Settings
    nav: list[NavEntry] | None  # None when mkdocs.yml has no nav: every page is then in it


class _AnyTagLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # the C loader when there is one: faster
    """mkdocs.yml may use MkDocs' own tags (!ENV, !relative, !!python/name:): read them as text."""


_AnyTagLoader.add_multi_constructor("", lambda loader, suffix, node: (
    loader.construct_scalar(node) if isinstance(node, yaml.ScalarNode) else None))


def load_project(config_file: Path, settings: Settings | None = None) -> Project:
    """Read mkdocs.yml. Raises SettingsError on a file that cannot be read or a bad setting."""
    try:
        text = config_file.read_text(encoding="utf-8")
        data = yaml.load(text, Loader=_AnyTagLoader) or {}
        node = yaml.compose(text, Loader=_AnyTagLoader)
    except OSError as error:
        raise SettingsError(f"{config_file}: cannot be read ({error.strerror}).") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = f":{mark.line + 1}" if mark else ""
        raise SettingsError(f"{config_file}{line}: is not valid YAML ({getattr(error, 'problem', error)}).") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{config_file}: must be a set of settings such as 'site_name: ...'.")
    root = config_file.resolve().parent
    docs_dir = root / str(data.get("docs_dir") or "docs")
    nav = None
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if key.value == "nav":
                nav = list(_nav_entries(value))
    return Project(root, config_file.resolve(), docs_dir,
                   settings or Settings.from_extra(data.get("extra")), nav)


def nav_pages(nav) -> list[str]:
    """The pages MkDocs' parsed `nav` lists (as in `config["nav"]`), outside links left out."""
    pages: list[str] = []
    if isinstance(nav, str):
        if "://" not in nav:
            pages.append(nav)
    elif isinstance(nav, dict):
        for value in nav.values():
            pages += nav_pages(value)
    elif isinstance(nav, list):
        for item in nav:
            pages += nav_pages(item)
    return pages


def _nav_entries(node):
    if isinstance(node, yaml.ScalarNode):
        if node.value and "://" not in node.value:
            yield NavEntry(node.value, node.start_mark.line + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _nav_entries(item)
    elif isinstance(node, yaml.MappingNode):
        for _key, value in node.value:
            yield from _nav_entries(value)
