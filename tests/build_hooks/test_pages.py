"""The page reader: anchors as MkDocs makes them, links with their lines, contact tables shown
with mailto:/tel: links, and one parse a file per change."""

import shutil
from html.parser import HTMLParser

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from build_hooks import pages
from build_hooks.contacts import render_contact_tables, uk_phone
from build_hooks.pages import parse, read_page, read_pages
from build_hooks.project import Settings, SettingsError
from toolkits import ROOT, Toolkit


class _Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.headings, self.all = set(), set()

    def handle_starttag(self, tag, attrs):
        found = dict(attrs).get("id")
        if found:
            self.all.add(found)
            if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                self.headings.add(found)


def test_anchors_are_the_ids_mkdocs_gives():
    """Every page's heading ids, as Python-Markdown makes them with the toolkit's own extensions
    (what MkDocs validates links against), are computed from the Markdown, and nothing else is."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    # The toolkit's own page transforms (build_hooks.extension) need the page the engine renders,
    # and add no heading of the page's Markdown: left out here.
    extensions = [e for e in config["markdown_extensions"] if e != "build_hooks.extension"]
    md = markdown.Markdown(extensions=extensions, extension_configs=config["mdx_configs"])
    for rel, page in read_pages(ROOT / "docs").items():
        text, _ = get_data((ROOT / "docs" / rel).read_text(encoding="utf-8"))
        ids = _Ids()
        ids.feed(md.reset().convert(text))
        assert ids.headings <= page.anchors, rel
        assert page.anchors <= ids.all, rel


def test_heading_ids_follow_the_toc_rules():
    page = parse("# Café & co\n\n## Threats {#threats}\n\n## Same\n\n## Same\n\n"
                 "### `code` *in* a [heading](x.md)\n\n## Labelled {: #kept .wide }\n\n"
                 '<a id="raw-anchor"></a>\n\nA paragraph.\n{: #para-id }\n')
    assert page.anchors == {"cafe-co", "threats", "same", "same_1", "code-in-a-heading", "kept", "raw-anchor", "para-id"}


def test_links_keep_their_lines_in_admonitions_tabs_and_front_matter():
    text = ("---\ntitle: A page\n---\n\n# Page\n\n!!! warning \"Careful\"\n\n    See [one](one.md).\n\n"
            "    ??? note \"More\"\n\n        And [two](two.md#x).\n\n=== \"Tab\"\n\n    [three](three.md)\n\n"
            "```\n[not a link](code.md)\n```\n\nText\nover lines with [four](https://example.org/).\n")
    assert [(link.target, link.line) for link in parse(text).links] == [
        ("one.md", 9), ("two.md#x", 13), ("three.md", 17), ("https://example.org/", 24)]


def test_each_file_is_parsed_once_until_it_changes(tmp_path, monkeypatch):
    page = tmp_path / "page.md"
    page.write_text("# One\n")
    calls = []
    real_parse = pages.parse
    monkeypatch.setattr(pages, "parse", lambda text, rel="": calls.append(rel) or real_parse(text, rel))
    first = read_page(tmp_path, "page.md")
    assert read_page(tmp_path, "page.md") is first and calls == ["page.md"]
    page.write_text("# Two, longer\n")
    assert read_page(tmp_path, "page.md").anchors == {"two-longer"} and len(calls) == 2


def test_the_list_of_pages_is_kept_until_a_folder_changes(tmp_path):
    import os

    (tmp_path / "law").mkdir()
    (tmp_path / "index.md").write_text("# Home\n")
    (tmp_path / "law" / "harassment.md").write_text("# Harassment\n")
    for folder in (tmp_path, tmp_path / "law"):  # folders last changed a minute ago
        os.utime(folder, ns=(os.stat(folder).st_atime_ns, os.stat(folder).st_mtime_ns - 60_000_000_000))
    assert pages.page_files(tmp_path) == ["index.md", "law/harassment.md"]
    assert str(tmp_path) in pages._WALKS  # kept: the next call reads no folder
    (tmp_path / "law" / "stalking.md").write_text("# Stalking\n")
    assert pages.page_files(tmp_path) == ["index.md", "law/harassment.md", "law/stalking.md"]
    (tmp_path / "index.md").unlink()
    (tmp_path / "tools").mkdir()
    (tmp_path / "tools" / "report.md").write_text("# Report\n")
    assert pages.page_files(tmp_path) == ["law/harassment.md", "law/stalking.md", "tools/report.md"]
    shutil.rmtree(tmp_path / "law")
    assert pages.page_files(tmp_path) == ["tools/report.md"]


def test_contact_table_is_shown_as_cards_with_mailto_and_tel_links_in_the_same_lines():
    text = ("# Contacts\n\n!!! note\n\n    | Role | Name or job title | Email | Phone | Hours or notes | Last checked |\n"
            "    |---|---|---|---|---|---|\n"
            "    | samaritans | Samaritans | | 116 123 | Any time | 2026-11-01 |\n"
            "    | monitoring-officer | Jo \\| Sam | mo@anytown.example.org | +44 113 496 0101 | 9 to 5 | 2026-11-01 |\n"
            "\nAfter.\n")
    rendered = render_contact_tables(text).split("\n")
    assert len(rendered) == len(text.split("\n"))
    assert rendered[:4] == text.split("\n")[:4] and rendered[8:] == text.split("\n")[8:]
    assert rendered[4] == '    <ul class="dt-contacts contact-cards">'
    # The monitoring officer before the Samaritans: the order of the roles, not of the rows.
    assert 'data-role="monitoring-officer"' in rendered[6] and 'data-role="samaritans"' in rendered[7]
    assert '<a href="tel:+441134960101">0113 496 0101</a>' in rendered[6]
    assert '<a href="mailto:mo@anytown.example.org">mo@anytown.example.org</a>' in rendered[6]
    assert '<p class="dt-contact__name">Jo | Sam</p>' in rendered[6]
    assert '<a href="tel:116123">116 123</a>' in rendered[7] and rendered[7].endswith("</ul>")
    assert "2026-11-01" not in "".join(rendered)  # when the council last checked is for the council


def test_a_page_without_a_contact_table_is_left_alone():
    text = "# Page\n\n| Name | Phone |\n|---|---|\n| Jo | 0113 496 0101 |\n"
    assert render_contact_tables(text) is text or render_contact_tables(text) == text


@pytest.mark.parametrize("written, shown", [
    ("01134960101", ("0113 496 0101", "tel:+441134960101")),
    ("020 7946 0999", ("020 7946 0999", "tel:+442079460999")),
    ("999", ("999", "tel:999")), ("101", ("101", "tel:101")), ("116 123", ("116 123", "tel:116123")),
    ("0113 496 010", None), ("+1 202 555 0100", None), ("call 101", None), ("", None), ("12345", None),
])
def test_uk_phone_numbers(written, shown):
    assert uk_phone(written) == shown


@pytest.mark.parametrize("extra, message", [
    ({"toolkit_checks": {"contacts_max_age_days": 0}}, "contacts_max_age_days is 0"),
    ({"toolkit_checks": {"contacts_max_age_days": True}}, "contacts_max_age_days is True"),
    ({"toolkit_checks": {"contacts_max_age_days": "365"}}, "contacts_max_age_days is '365'"),
    ({"toolkit_checks": {"max_age_days": 30}}, "unknown setting 'max_age_days'"),
    ({"toolkit_checks": ["contacts_max_age_days"]}, "must be a set of settings"),
])
def test_settings_guard_names_the_bad_setting(extra, message):
    with pytest.raises(SettingsError, match=message):
        Settings.from_extra(extra)


def test_settings_default_and_set():
    assert Settings.from_extra({}).contacts_max_age_days == 365
    assert Settings.from_extra({"council": {}}) == Settings()
    assert Settings.from_extra({"toolkit_checks": {"contacts_max_age_days": 90}}).contacts_max_age_days == 90


def test_check_all_for_the_benchmark_runs_cold_and_warm():
    from build_hooks import check_all, clear_caches, load_project

    project = load_project(ROOT / "mkdocs.yml")
    clear_caches()
    assert not pages._CACHE
    assert check_all(project.docs_dir, project.settings, nav=project.nav, root=project.root) == []
    assert len(pages._CACHE) == len(pages.page_files(project.docs_dir))


def test_pages_and_verdicts_are_kept_between_builds(tmp_path, monkeypatch):
    from build_hooks import cache, check_all, clear_caches, contacts

    kit = Toolkit(tmp_path)
    first = [str(p) for p in check_all(tmp_path / "docs", tools=kit.tools)]
    assert (tmp_path / ".cache/build_hooks/pages.pickle").exists()
    assert (tmp_path / ".cache/build_hooks/contacts.pickle").exists()
    clear_caches()  # a new build: nothing in memory, the files kept

    def must_not_run(*args, **kwargs):
        raise AssertionError("an unchanged page or contact was worked out again")

    monkeypatch.setattr(pages, "parse", must_not_run)
    monkeypatch.setattr(contacts, "_check_email", must_not_run)
    monkeypatch.setattr(contacts, "_check_phone", must_not_run)
    assert [str(p) for p in check_all(tmp_path / "docs", tools=kit.tools)] == first
    monkeypatch.undo()
    kit.replace("docs/support/index.md", "help@anytown.example.org", "help@anytown")  # a change is seen
    assert any("Email 'help@anytown' is not a valid" in str(p) for p in check_all(tmp_path / "docs", tools=kit.tools))
    clear_caches(tmp_path / "docs")
    assert not (tmp_path / ".cache/build_hooks").exists() and not cache._STORES


def test_the_hook_renders_from_the_cached_parse_even_after_front_matter_is_taken_off(tmp_path, monkeypatch):
    from build_hooks.contacts import render_page_contacts

    table = ("| Role | Name or job title | Email | Phone | Hours or notes | Last checked |\n|---|---|---|---|---|---|\n"
             "| member-support | Team | team@anytown.example.org | 0113 496 0102 | | 2026-11-01 |\n")
    source = "---\ntitle: Contacts\n---\n\n# Contacts\n\n" + table
    (tmp_path / "contacts.md").write_text(source)
    (tmp_path / "other.md").write_text("# Other\n\n| Name | Phone |\n|---|---|\n| Jo | 0113 496 0101 |\n")
    read_pages(tmp_path)
    monkeypatch.setattr(pages, "parse", lambda *a: pytest.fail("the page was parsed again"))
    monkeypatch.setattr("build_hooks.contacts.parse", lambda *a: pytest.fail("the page was parsed again"))
    markdown = "# Contacts\n\n" + table  # as MkDocs passes it: front matter and blank lines gone
    rendered = render_page_contacts(markdown, tmp_path, "contacts.md").split("\n")
    assert rendered[2] == '<ul class="dt-contacts contact-cards">'
    assert 'data-role="member-support"' in rendered[4] and '<a href="tel:+441134960102">' in rendered[4]
    other = "# Other\n\n| Name | Phone |\n|---|---|\n| Jo | 0113 496 0101 |\n"
    assert render_page_contacts(other, tmp_path, "other.md") is other


def test_what_the_registered_tools_name_comes_from_their_content_files_with_lines():
    from build_hooks import references

    names = references.tool_references()
    assert names.pages and names.roles
    assert all(r.path.startswith("decision_tools/") and r.path.endswith(".toml") and r.line > 1
               for r in (*names.pages, *names.roles))
