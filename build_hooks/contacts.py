"""Contact tables: find them in docs/, parse them with markdown-it-py, check every row.

Convention: a contact table is a Markdown table whose first header cell is `Role`.
(Walking skeleton: the build-hooks issue adds the full set of checks.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt

from decision_tools.contacts import ROLES

from .problems import Problem

COLUMNS = ("Role", "Name or job title", "Email", "Phone", "Hours or notes", "Last checked")


@dataclass(frozen=True)
class Contact:
    role: str
    name: str
    email: str
    phone: str
    notes: str
    checked: str
    path: str
    line: int


def _tables(text: str):
    """Yield (header cells, [(line, row cells)]) for each table, lines 1-based."""
    tokens = MarkdownIt("commonmark").enable("table").parse(text)
    header: list[str] = []
    rows: list[tuple[int, list[str]]] = []
    cells: list[str] = []
    in_head = False
    row_line = 0
    for tok in tokens:
        if tok.type == "table_open":
            header, rows = [], []
        elif tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            cells, row_line = [], (tok.map[0] + 1 if tok.map else 0)
        elif tok.type == "inline" and cells is not None:
            cells.append(tok.content.strip())
        elif tok.type == "tr_close":
            if in_head:
                header = cells
            else:
                rows.append((row_line, cells))
        elif tok.type == "table_close":
            yield header, rows


def read_contacts(docs_dir: Path) -> tuple[list[Contact], list[Problem]]:
    contacts: list[Contact] = []
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*.md")):
        rel = path.as_posix()
        for header, rows in _tables(path.read_text(encoding="utf-8")):
            if not header or header[0] != "Role":
                continue
            for line, cells in rows:
                cells = (cells + [""] * len(COLUMNS))[: len(COLUMNS)]
                role = cells[0].strip("`")
                if role not in ROLES:
                    problems.append(Problem(rel, line, f"Unknown contact role {role!r}",
                                            f"Use one of: {', '.join(ROLES)}."))
                contacts.append(Contact(role, *cells[1:], path=rel, line=line))
    return contacts, problems


def check_contacts(docs_dir: Path) -> list[Problem]:
    return read_contacts(docs_dir)[1]
