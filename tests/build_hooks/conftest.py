"""A small toolkit in a temporary folder, to break one thing at a time."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

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
    def __init__(self, root: Path):
        self.root = root
        (root / "mkdocs.yml").write_text(MKDOCS_YML)
        for rel, text in FILES.items():
            self.write(rel, text)
        self.tools = {"fixture": fixture_tools.GOOD}

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

    def problems(self):
        return check_project(self.root / "mkdocs.yml", today=TODAY, tools=self.tools)

    def messages(self) -> list[str]:
        return [str(p) for p in self.problems()]


@pytest.fixture
def toolkit(tmp_path) -> Toolkit:
    return Toolkit(tmp_path)
