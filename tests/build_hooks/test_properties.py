"""Property-based tests: arbitrary Markdown never makes the table parser or the checks raise;
they only report problems, each at a line that is in the page."""

from datetime import date
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_hooks.contacts import check_contacts, read_contacts, render_contact_tables
from build_hooks.pages import parse
from build_hooks.problems import Problem

# Characters that matter to Markdown tables, links and code, plus letters and digits.
MARKDOWN_ALPHABET = st.sampled_from(list("|\\`*_[]()<>!#{}:-+@. \n\t0123456789abcRolemailtphon") + ["Role", "---", "é", "\r"])
markdown_text = st.one_of(st.text(max_size=400), st.lists(MARKDOWN_ALPHABET, max_size=300).map("".join))
cell = st.one_of(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"), max_size=25),
                 st.sampled_from(["", "999", "116 123", "0113 496 0101", "+44 113 496 0101", "member-support",
                                  "a@example.org", "2026-11-01", "2020-01-01", "`police-emergency`", "\\|", "[x](y.md)"]))


@pytest.fixture(scope="module")
def docs(tmp_path_factory):
    """Where the pages are said to be (messages name it; the contacts' cache goes beside it)."""
    return tmp_path_factory.mktemp("toolkit") / "docs"


def _lines(text: str) -> int:
    return len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


@settings(max_examples=300, deadline=None)
@given(markdown_text)
def test_parse_never_raises_and_lines_are_in_the_page(text):
    page = parse(text, "page.md")
    last = _lines(text)
    for link in page.links:
        assert 1 <= link.line <= last
    for table in page.tables:
        assert 1 <= table.line <= last
        for row in table.rows:
            assert table.line < row.line <= last
            assert len(row.cells) == len(table.header)


@settings(max_examples=300, deadline=None)
@given(markdown_text)
def test_contact_checks_only_report_problems(docs, text):
    pages = {"support/index.md": parse(text, "support/index.md")}
    contacts, problems = read_contacts(docs, pages=pages)
    problems += check_contacts(docs, today=date(2026, 11, 21), tools={}, pages=pages)
    last = _lines(text)
    for problem in problems:
        assert isinstance(problem, Problem)
        assert problem.path in ("docs/support/index.md", "docs") and 0 <= problem.line <= last, str(problem)
        assert str(problem).startswith(f"{problem.path}")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(cell, min_size=0, max_size=8), min_size=0, max_size=6),
       st.sampled_from(["| Role | Name or job title | Email | Phone | Hours or notes | Last checked |",
                        "| Role | Email |", "Role | Phone", "| Role |"]))
def test_any_contact_table_is_checked_row_by_row(docs, rows, header):
    columns = header.count("|") - 1 if header.startswith("|") else header.count("|") + 1
    lines = ["# Contacts", "", header, "|" + "---|" * max(columns, 1)]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows]
    text = "\n".join(lines) + "\n"
    pages = {"support/index.md": parse(text, "support/index.md")}
    problems = check_contacts(docs, today=date(2026, 11, 21), tools={}, pages=pages)
    for problem in problems:
        assert problem.line == 3 or 5 <= problem.line <= len(lines), str(problem)
    assert render_contact_tables(text).count("\n") == text.count("\n")


@settings(max_examples=200, deadline=None)
@given(markdown_text)
def test_rendering_contact_links_never_raises_or_moves_lines(text):
    rendered = render_contact_tables(text)
    assert _lines(rendered) == _lines(text)
