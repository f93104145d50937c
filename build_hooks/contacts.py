"""Contact tables: find them in docs/, check every row, and give the wizards the contacts.

The convention
--------------
A contact table is a Markdown table, in any page under docs/, whose first header cell is
`Role`. The sample toolkit has one, in docs/support/index.md. Its columns (in any order, and
all six must be there) are:

    Role | Name or job title | Email | Phone | Hours or notes | Last checked

One row a role. In each row:

- Role (required): a role id from `decision_tools/contacts.py` ROLES, such as `member-support`.
  Each role once only, and every role a decision tool names must have a row.
- Name or job title (required).
- Email and Phone: at least one of them. An email must be a valid address (checked without
  looking anything up on the internet). A phone must be a valid UK number, such as 0113 496 0101
  or +44 113 496 0101, or a UK short number such as 999, 101 or 116 123; the site shows it in
  the national format with a `tel:` link.
- Hours or notes: optional.
- Last checked (required): the date someone last checked the row, as YYYY-MM-DD. A row older
  than `extra.toolkit_checks.contacts_max_age_days` in mkdocs.yml (365 unless set) is a warning:
  `mkdocs build --strict` (and so `make build`) fails on it, a plain `mkdocs build` does not.

The tables are parsed with markdown-it-py (see build_hooks.pages), never with regular
expressions, and every problem names the file and line.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from decision_tools.contacts import OPTIONAL, ROLES

from . import cache
from .pages import Page, Table, parse, read_page, read_pages, shown_path
from .problems import Problem
from .project import Settings

COLUMNS = ("Role", "Name or job title", "Email", "Phone", "Hours or notes", "Last checked")
_KEYS = ("role", "name", "email", "phone", "notes", "checked")
_PHONE_CHARACTERS = set("0123456789 +()-")


@dataclass(frozen=True)
class Contact:
    role: str
    name: str
    email: str
    phone: str  # as written
    notes: str
    checked: str
    path: str
    line: int
    columns: frozenset = frozenset(_KEYS)  # the columns its table has (a missing one is reported once)

    @property
    def mailto(self) -> str:
        return f"mailto:{self.email}" if self.email else ""

    def dialled(self) -> tuple[str, str] | None:
        """(the number in national format, its tel: link), or None if it is not a valid UK number."""
        return uk_phone(self.phone)


def is_contact_table(table: Table) -> bool:
    return bool(table.header) and table.header[0].strip().casefold() == "role"


def uk_phone(text: str) -> tuple[str, str] | None:
    """(national format, tel: link) for a valid UK number or UK short number; None otherwise."""
    return _verdict("phone", text) or None


def email_problem(text: str) -> str:
    """Why `text` is not a valid email address (checked without any look-up); "" if it is."""
    return _verdict("email", text)


# Verdicts on each email and phone seen: in memory for this process, and kept between builds
# (see build_hooks.cache) so a rebuild with an unchanged table imports neither validator.
_VERDICTS: dict[tuple[str, str], object] = {}


def _verdict(kind: str, text: str, kept: cache.Store | None = None):
    entry = cache.key(kind, text)
    found = kept.get(entry) if kept else None
    if found is None:
        found = _VERDICTS.get((kind, text))
    if found is None:
        found = _check_phone(text) if kind == "phone" else _check_email(text)
    _VERDICTS[(kind, text)] = found
    if kept and kept.get(entry) is None:
        kept.put(entry, found)
    return found


def _check_email(text: str) -> str:
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError as error:
        reason = str(error).rstrip(".")
        return f"{reason[:1].lower()}{reason[1:]}"
    return ""


def _check_phone(text: str) -> tuple[str, str] | tuple[()]:
    text = " ".join(text.split())
    if not text or not set(text) <= _PHONE_CHARACTERS:
        return ()
    import phonenumbers
    from phonenumbers import shortnumberinfo

    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException:
        return ()
    # GB alone: checking every region that shares +44 would compile four regions' patterns.
    if number.country_code == 44 and phonenumbers.is_valid_number_for_region(number, "GB"):
        return (phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL),
                "tel:" + phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    if not text.startswith("+") and shortnumberinfo.is_valid_short_number_for_region(number, "GB"):
        return text, "tel:" + "".join(ch for ch in text if ch.isdigit())
    return ()


_SOURCE_HASH = cache.key(Path(__file__).read_bytes())[:16]  # this module: how verdicts are made


@lru_cache(maxsize=1)
def _verdicts_version() -> str:
    return cache.version_of("build_hooks", "email_validator", "phonenumbers") + _SOURCE_HASH


def _columns(table: Table) -> dict[str, int]:
    wanted = {" ".join(c.split()).casefold(): key for c, key in zip(COLUMNS, _KEYS)}
    found: dict[str, int] = {}
    for index, cell in enumerate(table.header):
        key = wanted.get(" ".join(cell.split()).casefold())
        if key and key not in found:
            found[key] = index
    return found


def _rows(table: Table, root_rel: str) -> tuple[list[Contact], list[Problem]]:
    problems: list[Problem] = []
    columns = _columns(table)
    missing = [c for c, key in zip(COLUMNS, _KEYS) if key not in columns]
    if missing:
        problems.append(Problem(root_rel, table.line,
                                f"The contact table has no {_join(missing)} column",
                                f"Its header must be: | {' | '.join(COLUMNS)} |."))
    seen: set[str] = set()
    for cell in table.header:
        name = " ".join(cell.split()).casefold()
        if name in seen:
            problems.append(Problem(root_rel, table.line, f"The contact table has two {cell!r} columns",
                                    "Keep one and delete the other."))
        seen.add(name)
    contacts = []
    for row in table.rows:
        if row.written != len(table.header):
            problems.append(Problem(
                root_rel, row.line,
                f"This contact row has {row.written} cells but the table's header has {len(table.header)}",
                "Check for a missing or extra '|'; write an empty cell as '| |'."))
        values = {key: (row.cells[i] if i < len(row.cells) else "") for key, i in columns.items()}
        contacts.append(Contact(*(values.get(key, "") for key in _KEYS), path=root_rel, line=row.line,
                                columns=frozenset(columns)))
    if not table.rows:
        problems.append(Problem(root_rel, table.line, "The contact table has no rows",
                                "Add one row for each role: see docs/about/adopting.md."))
    return contacts, problems


def _join(items: list[str]) -> str:
    quoted = [f"'{i}'" for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


_rel = shown_path


def read_contacts(docs_dir: Path, root: Path | None = None,
                  pages: dict[str, Page] | None = None) -> tuple[list[Contact], list[Problem]]:
    """Every row of every contact table, and the problems with the tables' shape."""
    contacts: list[Contact] = []
    problems: list[Problem] = []
    for rel, page in (read_pages(docs_dir) if pages is None else pages).items():
        if not (page.tables or page.lookalike_tables):
            continue
        where = _rel(docs_dir, root, rel)
        for table in page.tables:
            if is_contact_table(table):
                found, wrong = _rows(table, where)
                contacts += found
                problems += wrong
        for line, first in page.lookalike_tables:
            if first.strip("` ").casefold() == "role":
                problems.append(Problem(where, line, "This looks like a contact table but Markdown does not read it as a table",
                                        "Put a line such as '|---|---|---|---|---|---|' under the header, "
                                        "with one '---' for each column, and no blank line above it."))
    return contacts, problems


def _check_row(contact: Contact, settings: Settings, today: date, kept: cache.Store | None) -> list[Problem]:
    problems: list[Problem] = []

    def problem(message: str, fix: str, warning: bool = False) -> None:
        problems.append(Problem(contact.path, contact.line, message, fix, warning))

    has = contact.columns
    if not contact.role:
        problem("The Role cell is empty", f"Write a role id, one of: {', '.join(ROLES)}.")
    elif contact.role not in ROLES:
        close = difflib.get_close_matches(contact.role, ROLES, n=1)
        hint = f"Did you mean '{close[0]}'? " if close else ""
        problem(f"Unknown contact role {contact.role!r}", f"{hint}Use one of: {', '.join(ROLES)}.")
    if not contact.name and "name" in has:
        problem("The 'Name or job title' cell is empty", "Write a person's name or a job title, such as 'Member support team'.")
    if not contact.email and not contact.phone and {"email", "phone"} & has:
        problem(f"The {contact.role or 'contact'} row has neither an email address nor a phone number",
                "Fill in Email, Phone or both.")
    if contact.email and (reason := _verdict("email", contact.email, kept)):
        problem(f"Email {contact.email!r} is not a valid email address: {reason}",
                "Write it in full, like member.support@council.gov.uk.")
    if contact.phone and not _verdict("phone", contact.phone, kept):
        if not set(" ".join(contact.phone.split())) <= _PHONE_CHARACTERS:
            problem(f"Phone {contact.phone!r} has more than a number in it",
                    "Put only the number in Phone (digits and spaces), and anything else in 'Hours or notes'.")
        else:
            problem(f"Phone {contact.phone!r} is not a valid UK phone number",
                    "Write the full number with its area code, such as 0113 496 0101, or a UK short number such as 101.")
    if not contact.checked and "checked" in has:
        problem("The 'Last checked' cell is empty", "Check the contact, then write today's date as YYYY-MM-DD.")
    elif contact.checked:
        checked = _iso_date(contact.checked)
        if checked is None:
            problem(f"Last checked {contact.checked!r} is not a date written as YYYY-MM-DD",
                    f"Write it like {today.isoformat()}.")
        elif checked > today:
            problem(f"Last checked {contact.checked} is in the future", "Write the date the contact was really checked.")
        elif (today - checked).days > settings.contacts_max_age_days:
            problem(f"The {contact.role or 'contact'} row was last checked on {contact.checked}, "
                    f"{(today - checked).days} days ago, more than the {settings.contacts_max_age_days} days allowed",
                    "Check the details are still right, then put today's date in 'Last checked'.", warning=True)
    return problems


def _iso_date(text: str) -> date | None:
    if len(text) != 10 or text[4] != "-" or text[7] != "-" or not (text[:4] + text[5:7] + text[8:]).isdigit():
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def check_contacts(docs_dir: Path, settings: Settings | None = None, *, root: Path | None = None,
                   today: date | None = None, tools: dict | None = None,
                   pages: dict[str, Page] | None = None) -> list[Problem]:
    """Every problem with the contact tables, and with the roles the decision tools name."""
    from .references import tool_references

    settings = settings or Settings()
    today = today or date.today()
    pages = read_pages(docs_dir) if pages is None else pages
    contacts, problems = read_contacts(docs_dir, root, pages)
    first_seen: dict[str, Contact] = {}
    kept = cache.store(cache.folder_for(docs_dir) / "contacts.pickle", _verdicts_version())
    for contact in contacts:
        problems += _check_row(contact, settings, today, kept)
        if contact.role in first_seen:
            earlier = first_seen[contact.role]
            problems.append(Problem(contact.path, contact.line, f"Role {contact.role!r} has two rows",
                                    f"Keep one row a role: it is also at {earlier.path}:{earlier.line}."))
        elif contact.role:
            first_seen[contact.role] = contact

    kept.save()
    roles = tool_references(tools, root, docs_dir).roles
    needed: dict[str, list[str]] = {}
    for ref in roles:
        if ref.role not in ROLES:
            close = difflib.get_close_matches(ref.role, ROLES, n=1)
            hint = f"Did you mean '{close[0]}'? " if close else ""
            problems.append(Problem(ref.path, ref.line,
                                    f"{ref.who} names contact role {ref.role!r}, which is not a role",
                                    f"{hint}Use one of the roles in decision_tools/contacts.py."))
        elif ref.role not in first_seen and ref.role not in OPTIONAL:
            needed.setdefault(ref.role, [])
            if ref.tool not in needed[ref.role]:
                needed[ref.role].append(ref.tool)
    tables = [(rel, t) for rel, page in pages.items() for t in page.tables if is_contact_table(t)]
    if not tables:
        problems.append(Problem(_rel(docs_dir, root, "."), 0, "No page has a contact table",
                                "Add a table whose first header cell is 'Role' (see docs/about/adopting.md) "
                                "to docs/support/index.md."))
    else:
        rel, table = tables[0]
        for role, tool_ids in needed.items():
            problems.append(Problem(_rel(docs_dir, root, rel), table.line,
                                    f"The contact table has no {role!r} row, and the {_join(tool_ids)} tool names it",
                                    f"Add a row for {role} ({ROLES[role]})."))
    return problems


def _presented(contact: Contact) -> dict:
    """A row as the presenter shows it (decision_tools.present.contact_html)."""
    dialled = contact.dialled()
    return {
        "role": contact.role,
        "title": ROLES.get(contact.role, contact.role),
        "name": contact.name,
        "email": contact.email if contact.email and not email_problem(contact.email) else "",
        "mailto": contact.mailto,
        "phone": dialled[0] if dialled else contact.phone,
        "tel": dialled[1] if dialled else "",
        "notes": contact.notes,
        "checked": contact.checked,
    }


def contacts_by_role(docs_dir: Path) -> dict[str, dict]:
    """The council's contacts for the decision tools, one a role.

    Each value: {"role", "title" (what the role is, from ROLES), "name", "email", "mailto",
    "phone" (national format, e.g. "0113 496 0101"; as written if it is not a valid UK number),
    "tel" ("tel:+441134960101", "tel:999" for short numbers; "" if none), "notes", "checked"}.
    The first row for a role wins; `check_contacts` reports any problem with the rows.
    """
    pages = read_pages(Path(docs_dir))
    # Every tool page asks: the answer is kept while each page is the same parse as before.
    parsed = tuple(pages.values())
    kept = _BY_ROLE.get(str(docs_dir))
    if kept is not None and len(kept[0]) == len(parsed) and all(a is b for a, b in zip(kept[0], parsed)):
        return {role: dict(contact) for role, contact in kept[1].items()}
    found: dict[str, dict] = {}
    for contact in read_contacts(Path(docs_dir), pages=pages)[0]:
        if contact.role and contact.role not in found:
            found[contact.role] = _presented(contact)
    _BY_ROLE[str(docs_dir)] = (parsed, found)
    return {role: dict(contact) for role, contact in found.items()}


_BY_ROLE: dict[str, tuple[tuple[Page, ...], dict[str, dict]]] = {}


def render_page_contacts(markdown: str, docs_dir: Path, rel: str) -> str:
    """What the contacts hook does to page `rel`: render_contact_tables, using the parse the
    checks made of the page (most pages have no contact table and are returned as they are)."""
    try:
        page = read_page(Path(docs_dir), rel)
    except OSError:
        return render_contact_tables(markdown)
    if not any(is_contact_table(t) for t in page.tables):
        return markdown
    return render_contact_tables(markdown, page)


def _cards(table: Table, indent: str) -> list[str]:
    """The table's rows as contact cards, one line each, the people a frightened reader needs
    first (the order of ROLES): the same cards as a decision tool's result."""
    from decision_tools.present import contact_html

    rows, _ = _rows(table, "")
    roles = list(ROLES)
    rows = sorted(rows, key=lambda c: roles.index(c.role) if c.role in roles else len(roles))
    cards = [contact_html(c.role, {"contacts": {c.role: _presented(c)}}) for c in rows]
    return ([f'{indent}<ul class="dt-contacts contact-cards">',
             f"{indent}<!-- The contact table in this page's source, shown as cards. -->"]
            + [indent + card for card in cards] + [f"{indent}</ul>"])


def render_contact_tables(markdown: str, page: Page | None = None) -> str:
    """The page's Markdown with each contact table shown as contact cards: what the role is, who,
    a tap-to-call number and an email link. Lines keep their places (a table of n rows becomes n
    + 2 lines), so messages about the page's source still point at the right line. `page` is the
    page's own parse, if there is one: the Markdown may have lost its front matter (MkDocs takes
    it off), so lines are counted from the end.
    """
    lines = markdown.replace("\r\n", "\n").split("\n")
    offset = page.lines - len(lines) if page else 0
    tables = [t for t in page.tables if is_contact_table(t)] if page else []
    if page and (offset < 0 or not all(_is_header(lines, t.line - 1 - offset) for t in tables)):
        page = None  # the Markdown is not the file's: read it afresh
    if page is None:
        if "|" not in markdown:
            return markdown
        offset, tables = 0, [t for t in parse(markdown).tables if is_contact_table(t)]
    for table in reversed(tables):
        header = lines[table.line - 1 - offset]
        indent = header[: len(header) - len(header.lstrip())]  # inside an admonition, spaces
        cards = _cards(table, indent)
        first, last = table.line - 1 - offset, table.end - offset  # the header to the last row
        # Keep the table's line count: the list's last line takes the place of the last rows.
        span = last - first
        lines[first:last] = cards[:span - 1] + ["".join(line.strip() for line in cards[span - 1:])]
    return "\n".join(lines)


def _is_header(lines: list[str], index: int) -> bool:
    if not 0 <= index < len(lines):
        return False
    return lines[index].strip().lstrip("|").split("|", 1)[0].strip().casefold() == "role"


def _escape(text: str) -> str:
    return text.replace("|", "\\|")
