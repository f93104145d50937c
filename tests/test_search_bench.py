"""The search bench's harness (bench/search): the query set, how a rank is counted, the scores and
the table. No figure is asserted here; `make bench` reports them."""

from __future__ import annotations

import json

import pytest

from bench.search import measure, report, variants
from bench.search.__main__ import site_anchors


def write(tmp_path, text: str):
    path = tmp_path / "queries.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.both_engines  # the pages and anchors each phrase expects are in both engines' builds
def test_the_query_set_is_large_covers_every_kind_and_answers_only_with_pages_the_site_has(site_dir):
    queries = measure.load_queries()
    assert len(queries) >= 80
    assert len([q for q in queries if not q.held_out]) >= 80, "the set the search was tuned on is 80 or more alone"
    kinds = {q.kind for q in queries}
    assert kinds == set(measure.KINDS), f"missing kinds: {set(measure.KINDS) - kinds}"
    assert measure.check_answers(queries, site_anchors(site_dir)) == []
    words = " ".join(q.text.lower() for q in queries).split()
    for platform in ("x", "twitter", "dm", "dms", "tweet", "facebook", "tiktok"):
        assert platform in words or any(w.startswith(platform) for w in words), f"no phrase uses {platform!r}"


@pytest.mark.parametrize("entry, says", [
    ('text = ""\nkind = "urgent"\nanswers = ["law/"]', "needs text"),
    ('text = "death threat"\nkind = "scary"\nanswers = ["law/"]', "kind must be one of"),
    ('text = "death threat"\nkind = "urgent"\nanswers = []', "answers must list"),
    ('text = "death threat"\nkind = "urgent"\nanswers = ["/law/offences/"]', "is not a site path"),
    ('text = "death threat"\nkind = "urgent"\nanswers = ["law/offences.md"]', "is not a site path"),
    ('text = "death threat"\nkind = "urgent"\nanswers = ["law/"]\ntool = "ouija"', "tool must be one of"),
    ('text = "death threat"\nkind = "urgent"\nanswers = ["law/"]\nheld_out = "yes"', "held_out must be true or false"),
])
def test_a_wrong_entry_in_the_query_set_is_named_with_what_to_fix(tmp_path, entry, says):
    path = write(tmp_path, "[[query]]\n" + entry + "\n")
    with pytest.raises(measure.QuerySetError, match=says) as error:
        measure.load_queries(path)
    assert str(path) in str(error.value) and "query 1" in str(error.value)


def test_the_same_phrase_twice_is_refused(tmp_path):
    one = '[[query]]\ntext = "Death threat"\nkind = "urgent"\nanswers = ["law/"]\n'
    with pytest.raises(measure.QuerySetError, match="query 2 .* twice"):
        measure.load_queries(write(tmp_path, one + one.replace("Death", "death")))


def test_an_answer_the_site_lacks_is_listed():
    queries = [measure.Query("death threat", "urgent", ("law/offences/#threats", "law/nowhere/", "law/offences/#gone"))]
    problems = measure.check_answers(queries, {"law/offences/": {"threats"}})
    assert problems == ["'death threat': 'law/nowhere/' is not a page of the site",
                        "'death threat': 'law/offences/#gone': the page has no id 'gone'"]


def test_a_result_address_becomes_a_site_path_under_any_root():
    assert measure.site_path("http://127.0.0.1:9/law/harassment/#stalking", "http://127.0.0.1:9/") == "law/harassment/"
    assert measure.site_path("http://h/kit/law/index.html", "http://h/kit/") == "law/"
    assert measure.site_path("http://h/kit/", "http://h/kit/") == ""


def test_rank_counts_each_page_once_and_only_the_top_ten():
    query = measure.Query("q", "rules", ("law/harassment/#stalking", "abuse/"))
    # Three sections of one page are one result: the answering page is the second page.
    assert measure.first_answer(["tools/", "tools/", "tools/", "abuse/"], query) == 2
    # Any section of an answering page counts.
    assert measure.first_answer(["law/harassment/"], query) == 1
    eleven = [f"p{i}/" for i in range(10)] + ["abuse/"]
    assert measure.first_answer(eleven, query) is None
    assert measure.first_answer([], query) is None


def test_top_three_and_mrr_at_ten():
    scores = measure.summarise([1, 2, 3, 4, None])
    assert scores["queries"] == 5 and scores["missed"] == 1
    assert scores["top3"] == pytest.approx(3 / 5)
    assert scores["mrr10"] == pytest.approx((1 + 1 / 2 + 1 / 3 + 1 / 4) / 5)
    with pytest.raises(ValueError):
        measure.summarise([])


def test_tool_offers_count_right_tools_and_offers_where_none_was_expected():
    queries = [measure.Query("a", "situation", ("x/",), "report"), measure.Query("b", "situation", ("x/",), "respond"),
               measure.Query("c", "rules", ("x/",))]
    assert measure.tool_offers(["report", "post", "post"], queries) == {
        "right": 0.5, "situations": 2, "offered_where_none_expected": 1, "without_tool": 1}


def test_the_table_has_a_row_per_candidate_with_its_figures():
    results = {"queries": 2, "kinds": {"urgent": 2}, "candidates": [
        {"candidate": "toolkit", "top3": 0.5, "mrr10": 0.75, "missed": 1, "by_kind": {"urgent": {"top3": 0.5}},
         "held_out": {"top3": 1.0, "mrr10": 1.0}, "median_ms": 12.3, "tools": {"right": 1.0, "offered_where_none_expected": 0, "without_tool": 0},
         "outside_requests": []},
        {"candidate": "pagefind", "top3": 1.0, "mrr10": 1.0, "missed": 0, "by_kind": {"urgent": {"top3": 1.0}},
         "median_ms": None, "outside_requests": ["http://elsewhere/x"]}]}
    table = report.markdown(results)
    assert "| toolkit | 50.0% | 0.750 | 1 | 100.0% | 1.000 | 50.0% | 100.0% | 0 of 0 | 12 | 0 |" in table
    assert "| pagefind | 100.0% | 1.000 | 0 | n/a | n/a | 100.0% | n/a | n/a | n/a | 1 |" in table


def test_the_table_says_whether_both_engines_builds_answer_every_phrase_alike():
    row = {"text": "death threat", "kind": "urgent", "rank": 1, "top": ["law/offences/"], "tool": "report"}
    figures = {"top3": 1.0, "mrr10": 1.0, "missed": 0, "by_kind": {}, "outside_requests": []}
    results = {"queries": 1, "candidates": [{"candidate": "toolkit", **figures, "rows": [row]},
                                            {"candidate": "toolkit-zensical", **figures, "rows": [dict(row)]}]}
    assert "gives every one of the 1 phrases the same top three pages" in report.markdown(results)
    results["candidates"][1]["rows"] = [{**row, "rank": 2, "top": ["abuse/", "law/offences/"]}]
    assert "On Zensical's build, 1 phrase answered differently: 'death threat'" in report.markdown(results)
    results["candidates"].pop()
    assert "Zensical" not in report.markdown(results)


def test_tuned_material_tags_a_page_with_every_alike_word_of_a_word_it_uses():
    alike = [["x", "twitter", "tweet"], ["libel", "defamation"]]
    assert variants._tags("Report it on Twitter.", alike) == ["x", "twitter", "tweet"]
    assert variants._tags("A textbox and a mix.", alike) == []  # whole words only


def test_tuned_material_drops_the_tool_logic_from_lunrs_index(tmp_path):
    site = tmp_path / "site"
    (site / "search").mkdir(parents=True)
    (site / "tools" / "report").mkdir(parents=True)
    (site / "tools" / "report" / "index.html").write_text(
        '<article><h1 id="t">Should I report it?</h1><p>Answer a few questions.</p>'
        '<div class="dt-wizard__step"><p>Is anyone in danger?</p><p>Yes</p><p>No</p></div></article>')
    docs = [{"location": "tools/report/", "title": "Should I report it?", "text": "Answer a few questions. Is anyone in danger? YesNo"},
            {"location": "tools/report/#dt-report-logic", "title": "How this tool decides", "text": "All of it."},
            {"location": "tools/report/#dt-report-logic-questions", "title": "The questions", "text": "Every question"},
            {"location": "law/#threats", "title": "Threats", "text": "kept"}]
    (site / "search" / "search_index.json").write_text(json.dumps({"config": {}, "docs": docs}))
    variants._strip_tool_parts(site)
    kept = json.loads((site / "search" / "search_index.json").read_text())["docs"]
    assert [d["location"] for d in kept] == ["tools/report/", "tools/report/#dt-report-logic", "law/#threats"]
    assert kept[0]["text"] == "Answer a few questions."


def test_the_toolkits_search_is_measured_on_each_engines_build(tmp_path):
    from bench.toolkit import BenchError

    mkdocs, zensical = tmp_path / "site", tmp_path / "site-zensical"
    assert variants.site_for("toolkit", mkdocs, zensical) == mkdocs
    assert variants.site_for("toolkit-zensical", mkdocs, zensical) == zensical
    assert variants.site_for("pagefind", mkdocs, zensical) == mkdocs
    # Each is served as built: its own index, without the PDFs and the Python runtime.
    (zensical / "assets" / "search").mkdir(parents=True)
    (zensical / "assets" / "search" / "index.json").write_text("{}")
    (zensical / "handbooks").mkdir()
    (zensical / "handbooks" / "law.pdf").write_bytes(b"%PDF")
    served = variants.build("toolkit-zensical", tmp_path / "work", zensical)
    assert (served / "assets" / "search" / "index.json").exists() and not (served / "handbooks" / "law.pdf").exists()
    with pytest.raises(BenchError, match="make build ENGINE=zensical"):
        variants.build("toolkit-zensical", tmp_path / "work2", mkdocs)


def test_an_unknown_candidate_is_refused(tmp_path):
    from bench.toolkit import BenchError

    with pytest.raises(BenchError, match="no search candidate 'lunr2'"):
        variants.build("lunr2", tmp_path, tmp_path)


def test_the_table_goes_between_the_readmes_markers_and_nowhere_else(tmp_path):
    readme = tmp_path / "README.md"
    readme.write_text(f"# Kit\n\n{report.README_START}\nold table\n{report.README_END}\n\nAfter.\n")
    assert report.update_readme("| new |\n", readme)
    assert readme.read_text() == f"# Kit\n\n{report.README_START}\n| new |\n{report.README_END}\n\nAfter.\n"
    readme.write_text("no markers")
    assert not report.update_readme("| new |", readme)
    assert readme.read_text() == "no markers"
