"""The corpus: one broken input a case, each failing with the expected `path:line: message`.

Every case starts from a small toolkit that passes (see conftest.py), breaks one thing, and
checks the exact list of problems: the right file, the right line, a message that says what is
wrong and how to fix it, and nothing else reported by mistake.
"""

import pytest

import fixture_tools

SUPPORT = "docs/support/index.md"
ROW = "| member-support | Member support | help@anytown.example.org | 0113 496 0102 | 9am to 5pm | 2026-11-01 |"
HEADER = "| Role | Name or job title | Email | Phone | Hours or notes | Last checked |"


def row(**cells) -> str:
    values = {"role": "member-support", "name": "Member support", "email": "help@anytown.example.org",
              "phone": "0113 496 0102", "notes": "9am to 5pm", "checked": "2026-11-01", **cells}
    return "| " + " | ".join(values.values()) + " |"


def change_row(**cells):
    return lambda kit: kit.replace(SUPPORT, ROW, row(**cells))


def edit(rel, old, new):
    return lambda kit: kit.replace(rel, old, new)


def add_tool(tool):
    return lambda kit: kit.tools.update({tool.id: tool})


def tool_line(marker, name):
    return f"tests/build_hooks/fixtures/{name}.toml:{fixture_tools.line_of(marker, name)}"


def drop_column(kit):
    text = kit.read(SUPPORT).replace(" Last checked |", "").replace("|---|---|---|---|---|---|", "|---|---|---|---|---|")
    kit.write(SUPPORT, text.replace(" 2026-11-01 |", ""))


def orphan(kit):
    kit.write("docs/extra.md", "# An extra page\n\nNothing links here.\n")


def not_utf8(kit):
    (kit.root / "docs/law/harassment.md").write_bytes(b"# Harassment\n\nCaf\xe9\n")


CASES = [
    # Contact rows: each cell
    ("bad email", change_row(email="help@anytown"),
     [f"{SUPPORT}:6: Email 'help@anytown' is not a valid email address"]),
    ("email with a space", change_row(email="member support@anytown.example.org"),
     [f"{SUPPORT}:6: Email 'member support@anytown.example.org' is not a valid email address"]),
    ("bad phone", change_row(phone="0113 496 010"),
     [f"{SUPPORT}:6: Phone '0113 496 010' is not a valid UK phone number"]),
    ("phone with words", change_row(phone="0113 496 0102 ext 4"),
     [f"{SUPPORT}:6: Phone '0113 496 0102 ext 4' has more than a number in it"]),
    ("phone outside the UK", change_row(phone="+33 1 42 68 53 00"),
     [f"{SUPPORT}:6: Phone '+33 1 42 68 53 00' is not a valid UK phone number"]),
    ("empty name", change_row(name=""),
     [f"{SUPPORT}:6: The 'Name or job title' cell is empty"]),
    ("neither email nor phone", change_row(email="", phone=""),
     [f"{SUPPORT}:6: The member-support row has neither an email address nor a phone number"]),
    ("empty role", change_row(role=""),
     [f"{SUPPORT}:3: The contact table has no 'member-support' row, and the 'fixture' tool names it",
      f"{SUPPORT}:6: The Role cell is empty"]),
    ("unknown role", change_row(role="member-suport"),
     [f"{SUPPORT}:3: The contact table has no 'member-support' row",
      f"{SUPPORT}:6: Unknown contact role 'member-suport'. Did you mean 'member-support'?"]),
    ("duplicate role", edit(SUPPORT, ROW, ROW + "\n" + row(name="Member services")),
     [f"{SUPPORT}:7: Role 'member-support' has two rows. Keep one row a role: it is also at {SUPPORT}:6."]),
    ("missing role a tool needs", edit(SUPPORT, ROW + "\n", ""),
     [f"{SUPPORT}:3: The contact table has no 'member-support' row, and the 'fixture' tool names it. "
      "Add a row for member-support (Member support)."]),
    ("date not YYYY-MM-DD", change_row(checked="01/11/2026"),
     [f"{SUPPORT}:6: Last checked '01/11/2026' is not a date written as YYYY-MM-DD"]),
    ("impossible date", change_row(checked="2026-02-30"),
     [f"{SUPPORT}:6: Last checked '2026-02-30' is not a date written as YYYY-MM-DD"]),
    ("date in the future", change_row(checked="2027-01-01"),
     [f"{SUPPORT}:6: Last checked 2027-01-01 is in the future"]),
    ("empty date", change_row(checked=""),
     [f"{SUPPORT}:6: The 'Last checked' cell is empty"]),
    # Contact tables: their shape
    ("missing column", drop_column,
     [f"{SUPPORT}:3: The contact table has no 'Last checked' column. Its header must be: {HEADER}."]),
    ("two columns with one name", edit(SUPPORT, "Hours or notes", "Email"),
     [f"{SUPPORT}:3: The contact table has no 'Hours or notes' column",
      f"{SUPPORT}:3: The contact table has two 'Email' columns"]),
    ("row with an extra cell", edit(SUPPORT, ROW, ROW + " spare |"),
     [f"{SUPPORT}:6: This contact row has 7 cells but the table's header has 6"]),
    ("row with a missing cell", edit(SUPPORT, ROW, row()[: -len(" 2026-11-01 |")]),
     [f"{SUPPORT}:6: This contact row has 5 cells but the table's header has 6",
      f"{SUPPORT}:6: The 'Last checked' cell is empty"]),
    ("table without its delimiter line", edit(SUPPORT, "|---|---|---|---|---|---|\n", ""),
     ["docs: No page has a contact table",
      f"{SUPPORT}:3: This looks like a contact table but Markdown does not read it as a table"]),
    ("table with no rows", edit(SUPPORT, "| police-emergency | Police | | 999 | Any time | 2026-11-01 |\n" + ROW + "\n", ""),
     [f"{SUPPORT}:3: The contact table has no 'member-support' row",
      f"{SUPPORT}:3: The contact table has no 'police-emergency' row",
      f"{SUPPORT}:3: The contact table has no rows"]),
    # Links in the content
    ("link to a missing page", edit("docs/index.md", "(law/harassment.md#course-of-conduct)", "(law/harrasment.md)"),
     ["docs/index.md:3: The link 'law/harrasment.md' points to law/harrasment.md, which does not exist. "
      "Did you mean 'law/harassment.md'?"]),
    ("link to a missing anchor", edit("docs/index.md", "#course-of-conduct", "#course-of-condcut"),
     ["docs/index.md:3: The link 'law/harassment.md#course-of-condcut' names '#course-of-condcut' on law/harassment.md, which has no heading "
      "or element with that id. Did you mean the anchor 'course-of-conduct'?"]),
    ("link to a missing anchor on the same page", edit("docs/law/harassment.md", "../index.md#home", "#stalkng"),
     ["docs/law/harassment.md:9: The link '#stalkng' names '#stalkng' on law/harassment.md"]),
    ("link to a folder", edit("docs/index.md", "(support/index.md)", "(support/)"),
     ["docs/index.md:3: The link 'support/' points to a folder, not a page. "
      "MkDocs only checks and rewrites links to files: link to 'support/index.md'."]),
    ("absolute link", edit("docs/index.md", "(support/index.md)", "(/support/index.md)"),
     ["docs/index.md:3: The link '/support/index.md' starts with '/'"]),
    ("link outside docs", edit("docs/index.md", "(support/index.md)", "(../README.md)"),
     ["docs/index.md:3: The link '../README.md' points outside docs/"]),
    ("missing image", edit("docs/index.md", "# Home\n", "# Home\n\n![The council's logo](assets/logo.png)\n"),
     ["docs/index.md:3: The image 'assets/logo.png' points to assets/logo.png, which does not exist"]),
    ("broken link inside an admonition", edit("docs/index.md", "# Home\n", "# Home\n\n!!! note \"Help\"\n\n    First line.\n    See [help](hepl.md).\n"),
     ["docs/index.md:6: The link 'hepl.md' points to hepl.md, which does not exist"]),
    ("broken link on the third line of a paragraph", edit("docs/law/harassment.md", "Two or more times.", "Two\nor more\ntimes, see [x](../suport/index.md)."),
     ["docs/law/harassment.md:7: The link '../suport/index.md' points to suport/index.md, which does not exist. "
      "Did you mean '../support/index.md'?"]),
    ("broken link in a table cell", edit(SUPPORT, "| 9am to 5pm |", "| 9am to 5pm, see [hours](hours.md) |"),
     [f"{SUPPORT}:6: The link 'hours.md' points to support/hours.md, which does not exist"]),
    ("heading id changed", edit("docs/law/harassment.md", "{#course-of-conduct}", "{#conduct}"),
     ["docs/index.md:3: The link 'law/harassment.md#course-of-conduct' names '#course-of-conduct' on law/harassment.md",
      f"{tool_line('good law anchor', 'law')}: The fixture tool's law entry 'harassment' names '#course-of-conduct' on law/harassment.md"]),
    # What the decision tools name
    ("tool link to a missing anchor", add_tool(fixture_tools.BROKEN_ANCHOR),
     [f"{tool_line('broken anchor', 'broken_anchor')}: The fixture-anchor tool's link 'keep' names '#no-such-heading' on "
      "law/harassment.md, which has no heading or element with that id"]),
    ("tool law entry with a missing anchor", add_tool(fixture_tools.BROKEN_LAW_ANCHOR),
     [f"{tool_line('broken law anchor', 'law')}: The fixture-law tool's law entry 'threats' names '#threats' on law/harassment.md"]),
    ("tool link to a missing page", add_tool(fixture_tools.BROKEN_PAGE),
     [f"{tool_line('broken page', 'broken_page')}: The fixture-page tool's link 'first' names page 'abuse/first-stepz.md', "
      "which is not in docs/"]),
    ("tool naming an unknown role", add_tool(fixture_tools.UNKNOWN_ROLE),
     [f"{tool_line('unknown role', 'unknown_role')}: The fixture-role tool's finding 'tell' names contact role 'member-suport', "
      "which is not a role. Did you mean 'member-support'?"]),
    ("tool naming a role the table lacks", add_tool(fixture_tools.NEEDS_WELLBEING),
     [f"{SUPPORT}:3: The contact table has no 'wellbeing' row, and the 'fixture-wellbeing' tool names it. "
      "Add a row for wellbeing (Wellbeing and counselling)."]),
    ("tool naming an optional role the table lacks: no problem", add_tool(fixture_tools.OPTIONAL_CLERK), []),
    ("placeholder for an unknown tool", edit("docs/index.md", "# Home\n", '# Home\n\n<div class="dt-wizard" data-tool="fixturr"></div>\n'),
     ["docs/index.md:3: The decision-tool placeholder names tool 'fixturr', which does not exist. "
      "Did you mean the tool 'fixture'?"]),
    # Pages and the navigation
    ("orphan page", orphan,
     ["docs/extra.md:1: No page links here and the navigation leaves this page out, so readers cannot find it"]),
    ("navigation naming a missing page", edit("mkdocs.yml", "  - law/harassment.md\n", "  - law/harassment.md\n  - law/stalking.md\n"),
     ["mkdocs.yml:6: The navigation names 'law/stalking.md', which is not in docs/"]),
    ("page that is not UTF-8", not_utf8,
     ["docs/index.md:3: The link 'law/harassment.md#course-of-conduct' names '#course-of-conduct' on law/harassment.md",
      "docs/law/harassment.md:1: This page is not UTF-8 text",
      f"{tool_line('good law anchor', 'law')}: The fixture tool's law entry 'harassment' names '#course-of-conduct'",
      f"{tool_line('good link', 'good')}: The fixture tool's link 'stalking' names '#stalking'"]),
]


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 25


def test_the_small_toolkit_passes(toolkit):
    assert toolkit.messages() == []


@pytest.mark.parametrize("name, breaks, expected", CASES, ids=[c[0] for c in CASES])
def test_each_broken_input_is_reported_where_it_is(toolkit, name, breaks, expected):
    breaks(toolkit)
    messages = toolkit.messages()
    assert len(messages) == len(expected), "\n".join(messages)
    for start in expected:
        assert [m for m in messages if m.startswith(start)], f"No message starts with {start!r}:\n" + "\n".join(messages)
    for message in messages:  # `path:line: what is wrong. How to fix it.`
        where, what = message.split(": ", 1)
        assert where.rsplit(":", 1)[-1].isdigit() or where == "docs", message
        assert what[0].isupper() and what.endswith(".") and ". " in what, message
