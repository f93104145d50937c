"""Every guidance page and {#anchor} a decision tool links to exists in docs/.

The package itself does no I/O (it runs in the browser), so this check reads docs/ here; the
build hooks check the same at build time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import decision_tools
from build_hooks.runtime import ROOT
from decision_tools import engine, law
from decision_tools.engine import LawRef

DOCS = ROOT / "docs"
_HEADING_ID = re.compile(r"\{[^}]*#([A-Za-z0-9_-]+)[^}]*\}")


def anchors(page: str) -> set[str]:
    return set(_HEADING_ID.findall((DOCS / page).read_text(encoding="utf-8")))


def every_link() -> list[tuple[str, str, str]]:
    """(where, page, anchor) for each link and law reference any result of any tool can show."""
    found = []
    for tool_id, tool in decision_tools.TOOLS.items():
        results = [o for o in decision_tools.flow(tool_id)["outcomes"]]
        results += [decision_tools.evaluate(tool_id, p["answers"])["result"] for p in engine.paths(tool)]
        for result in results:
            for item in (*result["links"], *result["law"]):
                found.append((f"{tool_id}/{result['id']}", item["page"], item["anchor"]))
    for name, ref in vars(law).items():
        if isinstance(ref, LawRef):
            found.append((f"law.{name}", ref.page, ref.anchor))
    return sorted(set(found))


LINKS = every_link()


@pytest.mark.parametrize("where, page, anchor", LINKS, ids=[f"{w}->{p}#{a}" for w, p, a in LINKS])
def test_linked_page_and_anchor_exist(where, page, anchor):
    assert (DOCS / page).is_file(), f"{where} links to {page}, which is not in docs/"
    if anchor:
        assert anchor in anchors(page), f"{where} links to {page}#{anchor}, but the page has no {{#{anchor}}}"


def test_law_references_point_at_the_law_pages():
    for name, ref in vars(law).items():
        if isinstance(ref, LawRef) and ref.id not in {
                "data-protection", "predetermination", "code-of-conduct", "council-publicity", "copyright", "equality"}:
            assert ref.page.startswith("law/"), name


def test_the_checker_finds_a_missing_anchor():
    assert "dowson-steps" in anchors("law/harassment.md")
    assert "no-such-section" not in anchors("law/harassment.md")
    assert not (DOCS / "law/no-such-page.md").exists()
