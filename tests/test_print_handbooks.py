"""The printable handbooks that `make build` writes into site/handbooks/: read back with poppler."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from build_hooks import handbooks as hb

# Against both engines' builds: `python -m build_hooks handbooks` runs after either.
pytestmark = pytest.mark.both_engines

ROOT = Path(__file__).resolve().parent.parent
ARTEFACTS = ROOT / "test-results"
# Text that only the site's chrome has: header, navigation, search, footer, page actions.
CHROME = ["Skip to content", "Initializing search", "Type to start searching", "Type what happened, or a question",
          "Back to top",
          "Table of contents", "Print this page", "Print this section", "Print this handbook",
          "Download the PDF", "Back to the toolkit"]
_FOOTER = re.compile(r"^.*Page \d+ of \d+\s*$", re.M)


def pdf_pages(pdf: Path) -> list[str]:
    """The text of each page (pdftotext ends every page with a form feed)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.split("\f")
    assert pages[-1] == "", f"{pdf}: text does not end with a page break"
    return pages[:-1]


def pdfinfo(pdf: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def config():
    return hb.load_config(ROOT / "mkdocs.yml")


@pytest.fixture(scope="module")
def handbooks(config, site_dir):
    if not (site_dir / "handbooks" / "report.json").exists():
        pytest.fail("site/handbooks/ has not been made. Run 'make build'.", pytrace=False)
    return hb.plan(config)


@pytest.fixture(scope="module")
def titles(config, site_dir):
    return hb.all_titles(config, site_dir)


@pytest.fixture(scope="module")
def page_texts(handbooks, site_dir):
    """Each handbook's PDF as a list of page texts, footer lines removed."""
    texts = {}
    for handbook in handbooks:
        pdf = site_dir / handbook.pdf_path
        pages = pdf_pages(pdf)
        assert len(pages) == int(pdfinfo(pdf)["Pages"])
        texts[handbook.slug] = [_FOOTER.sub("", page) for page in pages]
    return texts


def test_every_section_has_a_handbook_and_so_has_the_whole_toolkit(config, handbooks, site_dir):
    sections = [next(iter(item)) for item in config["nav"] if isinstance(item, dict)]
    assert [h.title for h in handbooks] == [*sections, "The whole toolkit"]
    for handbook in handbooks:
        assert (site_dir / handbook.html_path).is_file(), handbook.html_path
        assert (site_dir / handbook.pdf_path).read_bytes()[:5] == b"%PDF-", handbook.pdf_path


@pytest.fixture(scope="module")
def landings(handbooks, titles, page_texts):
    """Where each toolkit page starts in each PDF: {slug: [PDF page number, ...]} in nav order."""
    found_all = {}
    for handbook in handbooks:
        texts = page_texts[handbook.slug]
        contents = next(i for i, text in enumerate(texts) if words(text).startswith("Contents"))
        sheet, found_all[handbook.slug] = contents, []
        for page in handbook.pages:  # every toolkit page starts a new sheet, headed by its title
            title = titles[page.url]
            heads = (title, f"{page.section} {title}")  # the whole toolkit names the section above
            found = next((i for i in range(sheet + 1, len(texts))
                          if words(texts[i]).startswith(heads)), None)
            assert found is not None, (f"{handbook.pdf_path}: no sheet after PDF page {sheet + 1} "
                                       f"starts with '{title}' ({page.src})")
            found_all[handbook.slug].append(found + 1)
            sheet = found
    return found_all


def test_every_page_of_a_section_is_printed_in_navigation_order(handbooks, landings):
    for handbook in handbooks:
        starts = landings[handbook.slug]
        assert len(starts) == len(handbook.pages) and starts == sorted(set(starts)), handbook.pdf_path


def test_contents_lists_every_page_in_order_with_its_page_number(handbooks, titles, page_texts, landings):
    for handbook in handbooks:
        texts = [words(t) for t in page_texts[handbook.slug]]
        start = next(i for i, text in enumerate(texts) if text.startswith("Contents"))
        contents = " ".join(texts[start:landings[handbook.slug][0] - 1])
        position = 0
        for page, number in zip(handbook.pages, landings[handbook.slug]):
            title = titles[page.url]
            entry = re.compile(re.escape(title) + r" (\d+)\b").search(contents, position)
            assert entry, f"{handbook.pdf_path}: contents lacks '{title}' after position {position}"
            assert int(entry[1]) == number, f"{handbook.pdf_path}: contents says '{title}' is on page {entry[1]}, it starts on {number}"
            position = entry.end()


def test_links_inside_a_handbook_say_which_page_on_paper(handbooks, site_dir, titles, page_texts):
    """Each link to another part of the handbook prints "(page N)", and N is where its target is."""
    checked = 0
    for handbook in handbooks:
        pdf = site_dir / handbook.pdf_path
        page = (site_dir / handbook.html_path).read_text()
        texts = [words(t) for t in page_texts[handbook.slug]]
        text = " ".join(texts)
        landed = hb.anchor_pages(pdf)
        body = page[page.index('<section class="handbook-page"'):]  # not the contents
        body = re.sub(r"<table\b.*?</table>", "", body, flags=re.S)  # cells wrap words apart
        # A tool's error summary is hidden until a reader misses an answer, so never printed.
        body = re.sub(r'<div class="dt-error-summary"[^>]*\bhidden>.*?</div></div>', "", body, flags=re.S)
        pages = {p.anchor: titles[p.url] for p in handbook.pages}
        for anchor, label in re.findall(r'<a href="#([^"]+)">([^<]+)</a>', body):
            target = re.search(rf'<h\d id="{re.escape(anchor)}"[^>]*>(.*?)</h\d>', page, re.S)
            heading = pages.get(anchor) or (target and words(html.unescape(re.sub(r"<[^>]+>", "", target[1]))))
            number = landed[anchor]
            if heading:  # a page or a heading (other targets have no text of their own to look for)
                assert heading in texts[number - 1], f"{pdf}: '{heading}' (#{anchor}) is not on page {number}"
            assert f"{words(html.unescape(label))} (page {number})" in text, f"{pdf}: '{label}' lacks (page {number})"
            checked += 1
    assert checked, "no handbook has a link between its pages"


def test_no_site_navigation_search_or_buttons_in_a_handbook(handbooks, site_dir, page_texts):
    # Any three entries of the site's navigation in a row, as the site shows them, would be it.
    built = (site_dir / "index.html").read_text()
    nav = re.search(r'<nav class="md-nav md-nav--primary".*?</nav>\s*</div>', built, re.S)[0]
    entries = [words(html.unescape(re.sub(r"<[^>]+>", " ", entry)))
               for entry in re.findall(r"<(?:a|label)\b[^>]*>(.*?)</(?:a|label)>", nav, re.S)]
    entries = [entry for entry in entries if entry]
    runs = {" ".join(entries[i:i + 3]) for i in range(len(entries) - 3)}
    assert len(runs) > 20, "could not read the site's navigation"
    for handbook in handbooks:
        text = words("\n".join(page_texts[handbook.slug]))
        for chrome in [*CHROME, *runs]:
            assert chrome not in text, f"{handbook.pdf_path} has the site's '{chrome}'"


def test_no_blank_pages(handbooks, page_texts):
    for handbook in handbooks:
        for number, text in enumerate(page_texts[handbook.slug], start=1):
            assert text.strip(), f"{handbook.pdf_path}: page {number} is blank"


def test_collapsed_blocks_print_open(handbooks, site_dir, page_texts):
    checked = 0
    for handbook in handbooks:
        page = (site_dir / handbook.html_path).read_text()
        text = words("\n".join(page_texts[handbook.slug]))
        for block in re.findall(r"<details\b.*?</summary>(.*?)</details>", page, re.S):
            inside = words(re.sub(r"<[^>]+>", " ", block))
            assert inside[:60] in text, f"{handbook.pdf_path}: collapsed block printed closed: {inside[:60]}"
            checked += 1
    assert checked, "no handbook has a collapsed block (docs/about/handbooks.md should have one)"


def test_cover_names_toolkit_council_section_date_and_version(config, handbooks, page_texts):
    for handbook in handbooks:
        cover = words(page_texts[handbook.slug][0])
        assert cover.startswith(config["site_name"])
        assert handbook.title in cover and config["extra"]["council"]["name"] in cover
        assert re.search(r"Date \d{1,2} (January|February|March|April|May|June|July|August|September|"
                         r"October|November|December) \d{4}", cover), cover
        assert f"Version {hb.toolkit_version()}" in cover


def test_inside_cover_gives_the_toolkit_address_and_the_key_contacts(config, handbooks, page_texts):
    """Paper leads back: where to find the toolkit, and the numbers a frightened reader needs."""
    from build_hooks.contacts import contacts_by_role

    contacts = contacts_by_role(ROOT / "docs")
    key = [contacts[role] for role in hb.KEY_CONTACTS if role in contacts]
    assert len(key) >= 5, "the example contacts should fill the inside cover"
    address = words(hb.toolkit_address(config))
    assert address, "mkdocs.yml gives neither site_url nor extra.council.toolkit_location"
    for handbook in handbooks:
        inside = words(page_texts[handbook.slug][1])
        assert "In danger now? Call 999" in inside, handbook.slug
        assert f"Find the toolkit at {address}" in inside, handbook.slug
        for contact in key:
            assert contact["title"] in inside, f"{handbook.slug}: {contact['title']}"
            if contact["phone"]:
                assert contact["phone"] in inside, f"{handbook.slug}: {contact['title']} {contact['phone']}"


def test_toolkit_address_is_site_url_or_the_councils_wording():
    assert hb.toolkit_address({"site_url": "https://intranet.example/toolkit/",
                               "extra": {"council": {"toolkit_location": "Members area"}}}) == "https://intranet.example/toolkit/"
    assert hb.toolkit_address({"extra": {"council": {"toolkit_location": "Members area"}}}) == "Members area"
    assert hb.toolkit_address({}) == ""


def test_every_page_is_numbered(handbooks, site_dir):
    for handbook in handbooks:
        pdf = site_dir / handbook.pdf_path
        pages = pdf_pages(pdf)
        for number, text in enumerate(pages, start=1):
            assert f"Page {number} of {len(pages)}" in text, f"{pdf}: page {number}"


def test_pdfs_are_tagged_for_accessibility_with_an_outline(handbooks, site_dir):
    for handbook in handbooks:
        pdf = site_dir / handbook.pdf_path
        assert pdfinfo(pdf)["Tagged"] == "yes", f"{pdf} is not tagged"
        data = pdf.read_bytes()
        assert b"/StructTreeRoot" in data and b"/MarkInfo" in data and b"/Outlines" in data, pdf


def test_pdf_links_go_inside_it_or_to_real_addresses(handbooks, site_dir):
    for handbook in handbooks:
        data = (site_dir / handbook.pdf_path).read_bytes()
        # The contents list links to each page inside the PDF.
        assert len(re.findall(rb"/Dest\b", data)) >= len(handbook.pages), handbook.pdf_path
        for uri in re.findall(rb"/URI \(([^)]*)\)", data):
            assert uri.startswith((b"http://", b"https://", b"mailto:", b"tel:")), (handbook.pdf_path, uri)
            assert b"127.0.0.1" not in uri and b"localhost" not in uri, (handbook.pdf_path, uri)


def test_report_json_matches_the_pdfs(handbooks, site_dir):
    report = json.loads((site_dir / "handbooks" / "report.json").read_text())["handbooks"]
    assert [row["slug"] for row in report] == [h.slug for h in handbooks]
    for row, handbook in zip(report, handbooks):
        pdf = site_dir / row["pdf"]
        assert row["pdf_pages"] == int(pdfinfo(pdf)["Pages"]), row
        assert row["pdf_bytes"] == pdf.stat().st_size, row
        assert row["toolkit_pages"] == len(handbook.pages)
        assert (site_dir / row["html"]).is_file()


def test_first_page_renders_clean_and_is_kept_as_an_artefact(handbooks, site_dir):
    """Renders each cover with pdftoppm: kept in test-results/ for a person to look at."""
    ARTEFACTS.mkdir(exist_ok=True)
    for handbook in handbooks:
        pdf = site_dir / handbook.pdf_path
        stem = ARTEFACTS / f"handbook-{handbook.slug}-page-1"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile",
                        str(pdf), str(stem)], check=True)
        png = stem.with_suffix(".png")
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        # The same page in grey: some ink (the cover's text), but mostly white paper.
        grey = subprocess.run(["pdftoppm", "-gray", "-r", "40", "-f", "1", "-l", "1", "-singlefile",
                               str(pdf)], check=True, capture_output=True).stdout
        magic, width, height, _maxval, pixels = grey.split(maxsplit=4)
        assert magic == b"P5" and len(pixels) == int(width) * int(height)
        ink = sum(1 for value in pixels if value < 128) / len(pixels)
        assert 0.001 < ink < 0.2, f"{png}: {ink:.1%} of the page is dark"


def test_links_between_pages_of_a_handbook_stay_inside_it(handbooks, site_dir):
    for handbook in handbooks:
        page = (site_dir / handbook.html_path).read_text()
        ids = re.findall(r'\sid="([^"]+)"', page)
        assert len(ids) == len(set(ids)), f"{handbook.html_path}: duplicate ids"
        for target in re.findall(r'href="#([^"]*)"', page):
            assert target in ids, f"{handbook.html_path}: link to #{target}, which is not in it"
        inside = {p.url for p in handbook.pages}
        content = page[page.index("<main"):page.index("</main>")]
        for href in re.findall(r'href="\.\./([^"#]*)', content):
            assert href not in inside, f"{handbook.html_path}: links to its own page {href} on the site"


def test_section_first_pages_offer_their_handbook_and_every_page_prints(handbooks, site_dir):
    starts = {h.pages[0].file: h for h in handbooks if h.slug != hb.WHOLE_TOOLKIT}
    for handbook in handbooks[-1:]:
        for page in handbook.pages:
            built = (site_dir / page.file).read_text()
            assert 'data-print-page>Print this page</button>' in built, page.file
            if page.file not in starts:
                assert "Print this section" not in built, page.file
                continue
            section = starts[page.file]
            actions = re.search(r'<div class="page-actions">(.*?)</div>', built, re.S)[1]
            hrefs = re.findall(r'href="([^"]+)"', actions)
            folder = (site_dir / page.file).parent
            assert {(folder / h).resolve() for h in hrefs} == {
                (site_dir / section.html_path).resolve(), (site_dir / section.pdf_path).resolve()}
            assert "Print this section" in actions


def test_handbooks_page_lists_every_handbook_with_its_size(handbooks, site_dir):
    report = {r["slug"]: r for r in json.loads((site_dir / "handbooks/report.json").read_text())["handbooks"]}
    built = site_dir / "about/handbooks/index.html"
    text = built.read_text()
    for handbook in handbooks:
        for path in (handbook.html_path, handbook.pdf_path):
            assert f'href="../../{path}"' in text and (site_dir / path).is_file()
        row = report[handbook.slug]
        label = f"PDF, {hb.format_size(row['pdf_bytes'])}, {row['pdf_pages']} pages"
        assert f'data-handbook="{handbook.slug}">{label}</span>' in text


@pytest.mark.one_engine("the command reads a copy of the built site, whichever engine made it, and prints "
                        "every PDF again (over a minute); the Zensical build's own PDFs are checked above")
def test_cli_prints_the_table_and_report(tmp_path, site_dir):
    """`python -m build_hooks handbooks` end to end, on a copy of the built site."""
    site = tmp_path / "site"
    shutil.copytree(site_dir, site, ignore=shutil.ignore_patterns("pyodide", "decision-tools", "*.pdf"))
    shutil.rmtree(site / "handbooks")
    done = subprocess.run([sys.executable, "-m", "build_hooks", "handbooks", "--site", str(site)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads((site / "handbooks/report.json").read_text())["handbooks"]
    lines = done.stdout.splitlines()
    assert lines[0].split() == ["Handbook", "PDF", "pages", "Size", "File"]
    for row, line in zip(report, lines[1:], strict=True):
        assert line.split() == [*row["title"].split(), str(row["pdf_pages"]),
                                *hb.format_size(row["pdf_bytes"]).split(), f"{site}/{row['pdf']}"]


# --- The parts, on small made-up sites ------------------------------------------------------------

QUICK_EXIT = ('<aside class="dt-exit" aria-label="Quick exit" data-dt-exit>'
              '<a class="dt-exit__button" href="../recipes/soup.html" data-dt-exit-link>Leave this site quickly</a></aside>')


def _built(site: Path, file: str, body: str, quick_exit: str = QUICK_EXIT) -> None:
    path = site / file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('<html lang="en"><head><link rel="stylesheet" href="/x.css"></head><body>'
                    f'{quick_exit}<article class="md-content__inner md-typeset">{body}</article></body></html>')


def test_plan_follows_any_nav(tmp_path):
    config = {"nav": [
        "index.md",
        {"Guides": ["guides/index.md", {"Deep": [{"Leaf": "guides/deep/leaf.md"}]},
                    {"Elsewhere": "https://www.gov.uk/"}]},
        {"Reference": [{"Terms": "ref/terms.md"}]},
    ], "use_directory_urls": True}
    plan = hb.plan(config)
    assert [(h.slug, [p.url for p in h.pages]) for h in plan] == [
        ("guides", ["guides/", "guides/deep/leaf/"]),
        ("reference", ["ref/terms/"]),
        ("whole-toolkit", ["", "guides/", "guides/deep/leaf/", "ref/terms/"]),
    ]
    assert hb.handbook_starting_at(plan, "guides/index.md").slug == "guides"
    assert hb.handbook_starting_at(plan, "guides/deep/leaf.md") is None
    flat = hb.plan({**config, "use_directory_urls": False})
    assert [p.file for p in flat[-1].pages] == ["index.html", "guides/index.html",
                                                "guides/deep/leaf.html", "ref/terms.html"]


def test_links_ids_and_headings_are_rewritten_for_the_handbook(tmp_path):
    site = tmp_path
    config = {"nav": [{"One": ["a.md", "b.md"]}, {"Two": ["c.md"]}], "site_name": "Kit",
              "extra": {"council": {"name": "Testshire"}}}
    _built(site, "a/index.html",
           '<div class="page-actions"><button data-print-page>Print this page</button></div>'
           '<h1 id="a">Page A</h1><h2 id="why">Why</h2><p><a href="#why">up</a> '
           '<a href="../b/#how">B how</a> <a href="../c/">Page C</a> <a href="../c/">the third</a> '
           '<a href="https://www.gov.uk/">GOV.UK</a> <a href="mailto:x@example.org">mail</a> '
           '<img alt="" src="../img/x.png"><a href="../img/x.png">full size</a></p><script>alert(1)</script>'
           '<input id="__tabbed_1_1" name="__tabbed_1"><label for="__tabbed_1_1">Tab</label>')
    _built(site, "b/index.html", '<h1 id="b">Page B</h1><h2 id="how">How</h2>')
    _built(site, "c/index.html", '<h1 id="c">Page C</h1>')
    [one, _two, whole] = hb.plan(config)
    titles = hb.all_titles(config, site)
    sections = {p.url: p.section for p in whole.pages}
    page = hb.assemble(one, site, config, date=hb.build_date(), version="9.9", titles=titles,
                       sections=sections)
    assert '<h2 id="a--a">Page A</h2>' in page and '<h3 id="a--why">Why</h3>' in page
    assert '<a href="#a--why">up</a>' in page
    assert '<a href="#b--how">B how</a>' in page
    assert ('<a data-handbook-site-link data-print-target="in the toolkit, section ‘Two’" '
            'href="../c/">Page C</a>') in page
    assert 'data-print-target="in the toolkit: ‘Page C’, section ‘Two’" href="../c/">the third</a>' in page
    assert '<a href="https://www.gov.uk/">GOV.UK</a>' in page and 'href="mailto:x@example.org"' in page
    assert '<a data-handbook-site-link href="../img/x.png">full size</a>' in page and 'src="../img/x.png"' in page and 'href="../x.css"' in page
    assert 'id="a--__tabbed_1_1" name="a--__tabbed_1"' in page and 'for="a--__tabbed_1_1"' in page
    assert "alert(1)" not in page and "Print this page" not in page
    assert '<h1 class="handbook-cover__title">One</h1>' in page and "Testshire" in page
    assert page.index('id="a"') < page.index('id="b"')
    # The site's own quick exit, its link re-pointed from handbooks/.
    assert 'href="../recipes/soup.html" data-dt-exit-link>Leave this site quickly</a>' in page
    # With the site's address known, links to other pages point at the real site.
    page = hb.assemble(one, site, {**config, "site_url": "https://intranet.example.org/kit/"},
                       date=hb.build_date(), version="9.9", titles=titles, sections=sections)
    assert 'href="https://intranet.example.org/kit/c/">Page C</a>' in page


def test_ids_are_made_the_pages_own_after_any_white_space_and_once_for_every_handbook(tmp_path):
    config = {"nav": [{"One": ["a.md", "b.md"]}], "site_name": "Kit"}
    _built(tmp_path, "a/index.html", '<h1 id="a">Page A</h1><p><input\n  id="x" name="__tabbed_2"><label\tfor="x">X</label>'
                                     '<span\r\naria-describedby="x y">s</span><img\nalt="" src="../img/y.png"></p>')
    _built(tmp_path, "b/index.html", '<h1 id="b">Page B</h1>')
    [one, whole] = hb.plan(config)
    titles = hb.all_titles(config, tmp_path)
    sections = {p.url: p.section for p in whole.pages}
    for handbook in (one, whole):  # the page's article is placed once and reused: the same in both
        page = hb.assemble(handbook, tmp_path, config, date=hb.build_date(), version="1", titles=titles,
                           sections=sections)
        assert '<input\n  id="a--x" name="a--__tabbed_2">' in page and '<label\tfor="a--x">' in page
        assert 'aria-describedby="a--x a--y"' in page and '<img\nalt="" src="../img/y.png">' in page


def test_bad_input_gets_a_clear_error(tmp_path):
    config = {"nav": [{"One": ["a.md"]}]}
    with pytest.raises(hb.HandbookError, match=r"a/index\.html: missing, but mkdocs.yml nav lists a\.md\. "
                                               r"Run 'mkdocs build'"):
        hb.write_pages(tmp_path, config, version="1")
    _built(tmp_path, "a/index.html", "<p>No heading</p>")
    with pytest.raises(hb.HandbookError, match=r"docs/a\.md: has no '# Heading'"):
        hb.write_pages(tmp_path, config, version="1")
    with pytest.raises(hb.HandbookError, match=r"two handbooks would be called 'one'"):
        hb.plan({"nav": [{"One": ["a.md"]}, {"one": ["b.md"]}]})
    with pytest.raises(hb.HandbookError, match=r"nav \(top level > One\): 42 is neither"):
        hb.plan({"nav": [{"One": ["a.md", 42]}]})
    _built(tmp_path, "a/index.html", '<h1 id="a">A</h1>', quick_exit="")
    with pytest.raises(hb.HandbookError, match=r"a/index\.html: has no 'Leave this site quickly' block"):
        hb.write_pages(tmp_path, config, version="1")
    with pytest.raises(hb.HandbookError, match=r"has no 'nav:' list"):
        (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
        hb.load_config(tmp_path / "mkdocs.yml")


def test_cli_without_a_built_site_says_what_to_do(tmp_path):
    done = subprocess.run([sys.executable, "-m", "build_hooks", "handbooks", "--site", str(tmp_path)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1
    assert done.stderr.strip() == f"error: {tmp_path}: no built site. Run 'mkdocs build' first (make build does)."
