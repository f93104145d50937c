"""The search engine (docs/assets/javascripts/search-engine.js) on the built site's index, in
Chromium: every word counts and none is required, endings and slips are allowed, alike words
are found, and a situation leads to its tool."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ASK = """async ([query, what]) => {
  const { Index, stem } = await import(new URL('assets/javascripts/search-engine.js', document.baseURI).href);
  window.__index ??= new Index(await (await fetch(new URL('assets/search/index.json', document.baseURI))).json());
  if (what === 'stem') return query.split(' ').map(stem);
  if (what === 'suggest') return window.__index.suggest(query);
  return window.__index.search(query).map((r) => r.page.url + (r.sections[0].anchor ? '#' + r.sections[0].anchor : ''));
}"""


@pytest.fixture
def ask(page, site_server):
    page.goto(site_server)
    return lambda query, what="search": page.evaluate(ASK, [query, what])


def test_endings_meet_at_one_stem(ask):
    assert ask("threatened threatening threatens", "stem") == ["threaten"] * 3
    assert ask("messages messaging message", "stem") == ["messag"] * 3
    assert ask("surgeries surgery", "stem") == ["surgery"] * 2


def test_a_long_sentence_needs_none_of_its_words_to_be_everywhere(ask):
    # No page has "pestering" at all; pages with the other words still lead.
    results = ask("somebody keeps pestering me with messages about harassment")
    assert any(r.startswith(("law/harassment/", "abuse/phone-letters-and-email/#if-it-continues")) for r in results[:3]), results[:3]


def test_slips_double_letters_and_endings_are_forgiven(ask):
    for typed in ("harrassment", "harassment", "harasment", "harassed"):
        assert ask(typed)[0].startswith(("law/harassment/", "tools/harassment/")), typed


def test_a_platform_word_the_pages_do_not_use_finds_the_platform(ask):
    assert "abuse/reporting-to-platforms/#x" in ask("report a tweet")[:3]


def test_only_stop_words_find_nothing(ask):
    assert ask("how do I") == []


def test_a_situation_leads_to_its_tool_and_a_question_to_none(ask):
    assert ask("they keep threatening me", "suggest")["tool"] == "harassment"
    assert ask("should I block this troll", "suggest")["tool"] == "respond"
    assert ask("the electoral register", "suggest") is None
