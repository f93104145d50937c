"""Build-time checks and steps for the toolkit, as a normal package.

Callable three ways: `python -m build_hooks ...`, from pytest, and from the thin MkDocs hook
adapters in `build_hooks/mkdocs_hooks/`, which only translate MkDocs events. Keeping the work
here keeps it engine-neutral (Zensical reads mkdocs.yml but runs no MkDocs hooks).

    check_all(docs_dir, settings) -> [Problem]   every check, as the build runs them
    check_project(Path("mkdocs.yml"))            the same, reading docs_dir, nav and settings from mkdocs.yml
    clear_caches(docs_dir)                       forget every parse and verdict, to time a cold run
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from .problems import Problem, format_problems
from .project import NavEntry, Project, Settings, SettingsError, load_project

__all__ = ["Problem", "format_problems", "check_all", "check_project", "clear_caches", "Settings",
           "SettingsError", "load_project"]


def check_all(docs_dir: Path, settings: Settings | None = None, *, nav: list[NavEntry] | None = None,
              root: Path | None = None, config_file: str = "mkdocs.yml", today: date | None = None,
              tools: dict | None = None) -> list[Problem]:
    """Every problem with the contact tables and the cross-links, sorted; warnings included.

    Each page is parsed once (and not again until it changes), so timing this call times the
    checks alone: the benchmark calls it on the sample toolkit.
    """
    from .contacts import check_contacts
    from .links import check_links
    from .pages import read_pages

    docs_dir = Path(docs_dir)
    pages = read_pages(docs_dir)
    problems = check_contacts(docs_dir, settings, root=root, today=today, tools=tools, pages=pages)
    problems += check_links(docs_dir, root=root, nav=nav, config_file=config_file, tools=tools, pages=pages)
    return sorted(set(problems))


def check_project(config_file: Path, settings: Settings | None = None, today: date | None = None,
                  tools: dict | None = None) -> list[Problem]:
    """check_all for the toolkit whose mkdocs.yml is `config_file`. Raises SettingsError on a bad setting."""
    project = load_project(Path(config_file), settings)
    return check_all(project.docs_dir, project.settings, nav=project.nav, root=project.root,
                     config_file=_shown(project), today=today, tools=tools)


def _shown(project: Project) -> str:
    return project.config_file.relative_to(project.root).as_posix()


def clear_caches(docs_dir: Path | None = None) -> None:
    """Forget everything held in memory (parsed pages, verdicts, what the tools name), so the
    next check_all starts as a fresh build does. With `docs_dir`, also delete what is kept
    between builds in its .cache/build_hooks/, so the next run is as cold as the first ever."""
    import shutil

    from . import cache, contacts, pages

    pages._CACHE.clear()
    pages._WALKS.clear()
    contacts._VERDICTS.clear()
    contacts._BY_ROLE.clear()
    cache.forget()
    if docs_dir is not None:
        shutil.rmtree(cache.folder_for(Path(docs_dir)), ignore_errors=True)
