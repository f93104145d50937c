"""The search index (`python -m build_hooks search`): what readers read, from the built pages,
whichever engine built them; its word lists checked with clear errors."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser

import pytest

from build_hooks import search
from harness import ROOT

TOOL_PAGE = """<html><body><nav><a href="/">Home</a></nav><article class="md-content__inner">
<h1 id="could-this-be-harassment">Could this be harassment?</h1>
<p>Answer a few questions about what happened.</p>
<div class="dt-wizard" data-tool="harassment"><script type="application/json" class="dt-wizard__data">{"a": 1}</script>
<noscript><p>This tool needs JavaScript.</p></noscript>
<div class="dt-wizard__step"><form><fieldset><h2 class="dt-fieldset__heading">Is anyone in danger right now?</h2>
<label>Yes</label><label>No</label><button>Continue</button></fieldset></form></div>
<div class="dt-logic"><h2 id="dt-harassment-logic">How this tool decides</h2><p>This is the whole of the logic.</p>
<p class="dt-logic__note">A note repeated on every tool.</p>
<h3 id="dt-harassment-logic-questions">The questions</h3><ol class="dt-logic__questions"><li>Are you in danger?</li></ol>
<h3 id="dt-harassment-logic-results">The findings</h3><div class="dt-logic__result"><h4>Call 999 now</h4></div></div></div>
<div class="page-actions"><button>Print this page</button></div>
</article><footer>Footer words</footer></body></html>"""

GUIDE_PAGE = """<article><h1 id="harassment-and-stalking">Harassment and stalking</h1><p>Intro words.</p>
<h2 id="stalking">Stalking</h2><p>Following someone, <a href="#x">watching</a> them.</p><h4>Signs</h4><p>More signs.</p>
<h3 id="restraining-orders">Restraining orders</h3><p>A court can order it.</p></article>"""


def test_a_tool_page_gives_its_words_and_not_its_form_data_or_written_out_logic():
    sections = search.page_sections(TOOL_PAGE)
    assert [(s.anchor, s.heading, s.text) for s in sections] == [
        ("", "Could this be harassment?", "Answer a few questions about what happened."),
        ("dt-harassment-logic", "How this tool decides", "This is the whole of the logic."),
    ]


def test_a_guidance_page_is_split_at_its_headings_with_lower_headings_kept_in_their_section():
    sections = search.page_sections(GUIDE_PAGE)
    assert [(s.anchor, s.heading) for s in sections] == [("", "Harassment and stalking"), ("stalking", "Stalking"),
                                                         ("restraining-orders", "Restraining orders")]
    assert sections[1].text == "Following someone, watching them. Signs More signs."


class _PythonsParser(HTMLParser):
    """Python's own HTML parser, handing what it finds to the index's reader: the reference the
    index's quicker reading must match."""

    def __init__(self, reader):
        super().__init__(convert_charrefs=True)
        self.reader = reader

    def handle_starttag(self, tag, attrs):
        self.reader.handle_starttag(tag, dict(attrs))

    def handle_endtag(self, tag):
        self.reader.handle_endtag(tag)

    def handle_data(self, data):
        self.reader.handle_data(data)


def _as_python_reads_it(article: str) -> list[tuple[str, str, str]]:
    reader = search._ArticleReader()
    parser = _PythonsParser(reader)
    parser.feed(article)
    parser.close()
    return [(s.anchor, s.heading, s.text) for s in reader.sections]


def _sections(html: str) -> list[tuple[str, str, str]]:
    return [(s.anchor, s.heading, s.text) for s in search.page_sections(html)]


AWKWARD_ARTICLE = """<article class="md-content__inner"><!-- a comment with <h2 id="no">a tag</h2> in it -->
<H1 ID="Title" class='a b'>Caf&eacute; &amp; <em>bar</em>&#33;</H1><p>One<br/>two<img src="x.png" alt="a > b"/>three.</p>
<p data-note="<h2 id='not-a-heading'>" hidden>Quoted &gt; and a bare < sign, and x<y.</p>
<script>if (a < b && "</p>") { document.write("<h2 id='no'>x</h2>"); }</script>
<STYLE>p > a { color: red }</STYLE><svg viewBox="0 0 1 1"><path d="M0 0"/></svg>
<h2 id=unquoted class=plain>Second&nbsp;part</h2><p>Text<span>joined</span>here. &notanentity; &#x263A;</p>
<?processing instruction?><!DOCTYPE nothing><h3 id="">No id, so no section</h3><p>Last words.</p></article>"""


def test_awkward_html_is_read_as_pythons_own_parser_reads_it():
    assert _sections(AWKWARD_ARTICLE) == _as_python_reads_it(AWKWARD_ARTICLE)
    assert [anchor for anchor, _, _ in _sections(AWKWARD_ARTICLE)] == ["", "unquoted"]
    assert _sections(AWKWARD_ARTICLE)[0][1] == "Café & bar!"


@pytest.mark.both_engines
def test_every_built_page_is_read_as_pythons_own_parser_reads_it(site_dir):
    pages = [p for p in sorted(site_dir.rglob("*.html")) if p.relative_to(site_dir).parts[0] not in ("assets",)]
    assert len(pages) > 50
    for path in pages:
        html = path.read_text(encoding="utf-8")
        start, end = html.find("<article"), html.rfind("</article>")
        if start < 0:
            continue
        article = html[start:end + len("</article>")]
        assert _sections(html) == _as_python_reads_it(article), path.relative_to(site_dir).as_posix()


def test_the_built_sites_index_has_every_page_and_no_form_controls(site_dir, tmp_path):
    index = search.build_index(site_dir)
    urls = {p["url"] for p in index["pages"]}
    assert {"", "law/harassment/", "tools/harassment/", "support/"} <= urls
    assert not any(u.startswith("handbooks/") for u in urls)
    stalking = next(p for p in index["pages"] if p["url"] == "law/harassment/")
    assert "stalking" in {s["anchor"] for s in stalking["sections"]}
    for page in index["pages"]:
        if page["tool"]:
            text = " ".join(s["heading"] + " " + s["text"] for s in page["sections"])
            assert "Continue" not in text and "YesNo" not in text and "Choose one:" not in text, page["url"]
            assert len(page["sections"]) <= 2, f"{page['url']}: the written-out logic was indexed"
    assert {s["tool"] for s in index["situations"]} == {"harassment", "report", "respond", "post", "safety-plan", "incident-log"}


def test_the_command_writes_the_index_into_the_site(site_dir, tmp_path):
    import shutil

    copy = tmp_path / "site"
    shutil.copytree(site_dir, copy, ignore=shutil.ignore_patterns("pyodide", "*.pdf", "decision-tools"))
    (copy / "assets" / "search" / "index.json").unlink(missing_ok=True)
    done = subprocess.run([sys.executable, "-m", "build_hooks", "search", "--site", str(copy)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    data = json.loads((copy / "assets" / "search" / "index.json").read_text())
    assert data["schema"] == 1 and data["pages"]


def test_the_command_says_when_the_site_is_not_built(tmp_path):
    done = subprocess.run([sys.executable, "-m", "build_hooks", "search", "--site", str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert f"{tmp_path}: no index.html; build the site first" in done.stderr


@pytest.mark.parametrize("text, says", [
    ('alike = [["tweet"]]', "alike entry 1 (['tweet']) must list two or more words"),
    ('alike = [["tweet", ""]]', "alike entry 1"),
    ('[[situation]]\ntool = "report"\npage = "tools/report/"\nwords = ["police"]', "situation 1 has no title"),
    ('alike = [', "cannot read it as TOML"),
])
def test_a_mistake_in_the_word_lists_is_named(tmp_path, text, says):
    path = tmp_path / "words.toml"
    path.write_text(text)
    with pytest.raises(search.SearchIndexError, match=r".*") as error:
        search.read_words(path)
    assert str(path) in str(error.value) and says in str(error.value)


def test_a_situation_that_leads_to_no_page_is_refused(site_dir):
    words = {"alike": [], "situations": [{"tool": "x", "page": "tools/crystal-ball/", "title": "T", "words": ["a"]}]}
    with pytest.raises(search.SearchIndexError, match="'tools/crystal-ball/', which is not a page of the site"):
        search.build_index(site_dir, words)
