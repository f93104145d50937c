"""Toolkits to break one thing at a time: a small one with fixture tools, and a copy of the sample."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import fixture_tools
from build_hooks import check_project

TODAY = date(2026, 11, 21)

MKDOCS_YML = """\
site_name: Test toolkit
nav:
  - index.md
  - support/index.md
  - law/harassment.md
"""

FILES = {
    "docs/index.md": """\
# Home

Read [the law on harassment](law/harassment.md#course-of-conduct) and see [contacts](support/index.md).
""",
    "docs/support/index.md": """\
# Support

| Role | Name or job title | Email | Phone | Hours or notes | Last checked |
|---|---|---|---|---|---|
| police-emergency | Police | | 999 | Any time | 2026-11-01 |
| member-support | Member support | help@anytown.example.org | 0113 496 0102 | 9am to 5pm | 2026-11-01 |
""",
    "docs/law/harassment.md": """\
# Harassment

## A course of conduct {#course-of-conduct}

Two or more times.

## Stalking

See the [Act](https://www.legislation.gov.uk/ukpga/1997/40) and [the home page](../index.md#home).
""",
}


class Toolkit:
    """A toolkit in a folder. `Toolkit(root)` writes the small one, with the fixture tools;
    `Toolkit.sample(root)` copies the sample toolkit, checked with the real decision tools."""

    def __init__(self, root: Path, small: bool = True):
        self.root = root
        self.tools = {"fixture": fixture_tools.GOOD} if small else None
        if small:
            (root / "mkdocs.yml").write_text(MKDOCS_YML)
            for rel, text in FILES.items():
                self.write(rel, text)

    @classmethod
    def sample(cls, root: Path) -> "Toolkit":
        copy_sample_toolkit(root)
        return cls(root, small=False)

    def write(self, rel: str, text: str) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    def read(self, rel: str) -> str:
        return (self.root / rel).read_text(encoding="utf-8")

    def replace(self, rel: str, old: str, new: str) -> None:
        text = self.read(rel)
        assert old in text, f"{old!r} is not in {rel}"
        self.write(rel, text.replace(old, new))

    def append(self, rel: str, text: str) -> int:
        """Add a paragraph at the end of a page; returns its line (so tests do not depend on content)."""
        before = self.read(rel).rstrip("\n")
        self.write(rel, before + "\n\n" + text + "\n")
        return before.count("\n") + 3

    def problems(self):
        return check_project(self.root / "mkdocs.yml", today=TODAY, tools=self.tools)

    def messages(self) -> list[str]:
        return [str(p) for p in self.problems()]


ROOT = Path(__file__).resolve().parents[2]
STAGED = ("docs/assets/pyodide", "docs/assets/decision-tools")  # made by `make build`; large


def copy_sample_toolkit(dest: Path) -> Path:
    """A copy of the sample toolkit (docs/ and mkdocs.yml) to break; returns its mkdocs.yml.

    The staged Pyodide runtime and the folders mkdocs.yml names by path (hooks, theme
    overrides) are linked, not copied."""
    import shutil

    shutil.copytree(ROOT / "docs", dest / "docs", ignore=shutil.ignore_patterns("pyodide", "decision-tools"))
    for rel in STAGED:
        if (ROOT / rel).exists():
            (dest / rel).symlink_to(ROOT / rel, target_is_directory=True)
    for rel in ("build_hooks", "overrides"):
        (dest / rel).symlink_to(ROOT / rel, target_is_directory=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    return dest / "mkdocs.yml"
