"""Every guidance page and {#anchor} a decision tool links to exists in docs/.

The package itself does no I/O (it runs in the browser), so this check reads docs/ here; the
build hooks check the same at build time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from build_hooks.runtime import ROOT
from decision_tools import content

DOCS = ROOT / "docs"
_HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}")


def anchors(page: str) -> set[str]:
    return set(_HEADING_ID.findall((DOCS / page).read_text(encoding="utf-8")))


def every_link() -> list[tuple[str, str, str]]:
    """(where, page, anchor) for each link and law entry any tool can show: all are declared in
    the tools' content files and law.toml."""
    from build_hooks.references import tool_references

    return sorted({(f"{r.path}:{r.line}", r.page, r.anchor) for r in tool_references().pages})


LINKS = every_link()


@pytest.mark.parametrize("where, page, anchor", LINKS, ids=[f"{w}->{p}#{a}" for w, p, a in LINKS])
def test_linked_page_and_anchor_exist(where, page, anchor):
    assert (DOCS / page).is_file(), f"{where} links to {page}, which is not in docs/"
    if anchor:
        assert anchor in anchors(page), f"{where} links to {page}#{anchor}, but the page has no {{#{anchor}}}"


def test_every_law_entry_has_a_page_in_the_guidance():
    for law_id, entry in content.law().get("entries").items():
        assert (DOCS / entry["page"]).is_file(), law_id


def test_the_checker_finds_a_missing_anchor():
    assert "dowson-steps" in anchors("law/harassment.md")
    assert "no-such-section" not in anchors("law/harassment.md")
    assert not (DOCS / "law/no-such-page.md").exists()
