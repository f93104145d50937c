"""Plain English, measured: Flesch reading ease for every page (textstat 0.7.8, pinned).

The median over all pages must be 60 or more, and no page may score under 55 (FLOOR) unless it is
listed in HARD_PAGES with the reason it cannot be simpler (none is). A listed page that no longer
scores under the floor must come off the list. The scores are printed (pytest -s) and
written to test-results/readability.md.
"""

from __future__ import annotations

import statistics

import pytest
import textstat

from .pages import ROOT, guidance_pages, page_name, prose

MEDIAN_AT_LEAST = 60
FLOOR = 55
GOAL = 60  # the content guide's aim for most pages

# Pages allowed to score under FLOOR, and why. Keep it short and honest.
HARD_PAGES: dict[str, str] = {}

REPORT = ROOT / "test-results" / "readability.md"


def score(md: str) -> float:
    return textstat.flesch_reading_ease(prose(md))


@pytest.fixture(scope="module")
def scores() -> dict[str, float]:
    result = {page_name(p): score(p.read_text(encoding="utf-8")) for p in guidance_pages()}
    median = statistics.median(result.values())
    table = ["| Page | Flesch reading ease | Note |", "|---|---:|---|"]
    for name, s in sorted(result.items(), key=lambda item: item[1]):
        note = (f"under {FLOOR}: " + HARD_PAGES.get(name, "NOT LISTED")) if s < FLOOR else (
            f"under {GOAL}" if s < GOAL else "")
        table.append(f"| {name} | {s:.1f} | {note} |")
    report = (f"# Readability (Flesch reading ease, textstat {'.'.join(map(str, textstat.__version__))})\n\n"
              f"Median over {len(result)} pages: {median:.1f} (must be {MEDIAN_AT_LEAST} or more). "
              f"Pages under {GOAL}: {sum(s < GOAL for s in result.values())}.\n\n"
              + "\n".join(table) + "\n")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(report, encoding="utf-8")
    print("\n" + report)
    return result


def test_textstat_is_the_pinned_version():
    # Later versions count differently (and fetch data at run time), so scores would shift.
    assert textstat.__version__ == (0, 7, 8)


def test_median_reading_ease_is_60_or_more(scores):
    median = statistics.median(scores.values())
    assert median >= MEDIAN_AT_LEAST, (
        f"Median Flesch reading ease is {median:.1f}, under {MEDIAN_AT_LEAST}. See {REPORT}.")


def test_every_page_under_the_floor_is_listed_with_its_reason(scores):
    unlisted = {n: round(s, 1) for n, s in scores.items() if s < FLOOR and n not in HARD_PAGES}
    assert not unlisted, (f"Pages under {FLOOR} that are not in HARD_PAGES (simplify them, or list "
                          f"them with the reason): {unlisted}")


def test_no_page_is_listed_without_need(scores):
    stale = [n for n in HARD_PAGES if n not in scores or scores[n] >= FLOOR]
    assert not stale, f"HARD_PAGES lists pages that are missing or score {FLOOR}+: {stale}"


def test_the_score_tells_plain_from_dense_text():
    plain = "# Block them\n\nYou can block an account. It cannot see your posts then.\n"
    dense = ("# Obligations\n\nNotwithstanding the aforementioned considerations, organisational "
             "accountability necessitates comprehensive documentation of interpersonal communications "
             "demonstrating unacceptable intimidatory characteristics.\n")
    assert score(plain) >= 80 > 0 > score(dense)


def test_a_list_item_counts_as_its_own_sentence():
    """List items and headings rarely end with a full stop; they still end a sentence."""
    md = "# What to keep\n\n- the date\n- the time\n- who sent it\n- what it said\n"
    assert prose(md) == "What to keep.\nthe date.\nthe time.\nwho sent it.\nwhat it said."
