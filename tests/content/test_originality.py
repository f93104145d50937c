"""No page copies the source documents: no run of 12 or more words in a row is shared with a seed.

The seeds are the five source documents in ../shared/seeds/ next to the repository (for a git
worktree, next to its main checkout). A short statutory or judicial quotation in QUOTATIONS may
match, but only inside a Markdown blockquote on the page, where it reads as a quotation.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from .pages import ROOT, guidance_pages, lines, page_name, words

RUN = 12

# Quotations where the exact words matter. Each may be quoted, in whole or in part, in a blockquote.
QUOTATIONS = {
    "the six Dowson steps (Dowson v Chief Constable of Northumbria Police [2010] EWHC 2612 (QB)), "
    "as the judgment words them": (
        "(a) There must be conduct which occurs on at least two occasions, (b) which is targeted at "
        "the claimant, (c) which is calculated in an objective sense to cause alarm or distress, and "
        "(d) which is objectively judged to be oppressive and unacceptable. (e) What is oppressive "
        "and unacceptable may depend on the social or working context in which the conduct occurs. "
        "(f) A line is to be drawn between conduct which is unattractive and unreasonable, and "
        "conduct which has been described in various ways: 'torment' of the victim, 'of an order "
        "which would sustain criminal liability'."),
    "Thompson v James [2013] EWHC 515 (QB), on why councillors and officers may sue for libel": (
        "a serious gap in the law if members and officers of a local authority (and others who work "
        "in or for other public authorities) could not sue for libel "
        "if those who work in or for public authorities could not defend themselves against the "
        "dissemination of falsehoods, the public would be the losers"),
    "the Committee on Standards in Public Life's definition of public intimidation": (
        "words and/or behaviour intended or likely to block or deter participation in public debate, "
        "which could lead to an individual wanting to withdraw from public life"),
    "the Anti-social Behaviour, Crime and Policing Act 2014's definition of anti-social behaviour": (
        "conduct that has caused, or is likely to cause, harassment, alarm or distress to any person"),
}


def seeds_dir() -> Path:
    """../shared/seeds beside the repository; a worktree's .git file leads to its main checkout."""
    repo = ROOT
    git = ROOT / ".git"
    if git.is_file():  # a git worktree: "gitdir: <main>/.git/worktrees/<name>"
        gitdir = Path(git.read_text(encoding="utf-8").split(":", 1)[1].strip())
        repo = gitdir.parent.parent.parent
    return repo.parent / "shared" / "seeds"


def _seed_runs() -> dict[tuple[str, ...], str]:
    folder = seeds_dir()
    seeds = sorted(folder.glob("*.txt")) if folder.is_dir() else []
    if not seeds:
        pytest.fail(f"The source documents are missing: no .txt files in {folder}. "
                    "This test compares every page with them and cannot pass without them.",
                    pytrace=False)
    runs: dict[tuple[str, ...], str] = {}
    for seed in seeds:
        w = words(seed.read_text(encoding="utf-8", errors="replace"))
        for i in range(len(w) - RUN + 1):
            runs.setdefault(tuple(w[i:i + RUN]), seed.name)
    return runs


def _contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


_QUOTED = [words(q) for q in QUOTATIONS.values()]


def shared_runs(md: str, seed_runs: dict) -> list[tuple[str, str]]:
    """Every longest run of RUN or more words shared with a seed, as (run, seed), except an
    allowed quotation inside a blockquote."""
    tagged = [(w, line.quote) for line in lines(md) for w in words(line.text)]
    page = [w for w, _ in tagged]
    found, i = [], 0
    while i <= len(page) - RUN:
        seed = seed_runs.get(tuple(page[i:i + RUN]))
        if seed is None:
            i += 1
            continue
        j = i + RUN
        while j < len(page) and tuple(page[j - RUN + 1:j + 1]) in seed_runs:
            j += 1
        run = page[i:j]
        quoted = all(q for _, q in tagged[i:j]) and any(_contains(q, run) for q in _QUOTED)
        if not quoted:
            found.append((" ".join(run), seed))
        i = j
    return found


@pytest.fixture(scope="module")
def seed_runs():
    return _seed_runs()


PAGES = guidance_pages()


@pytest.mark.parametrize("path", PAGES, ids=[page_name(p) for p in PAGES])
def test_page_shares_no_run_of_12_words_with_a_seed(path, seed_runs):
    found = shared_runs(path.read_text(encoding="utf-8"), seed_runs)
    assert not found, (f"{page_name(path)} copies {len(found)} run(s) of {RUN}+ words from the "
                       "source documents; write them afresh:\n"
                       + "\n".join(f"  from {seed}: \"{run}\"" for run, seed in found))


def test_the_check_finds_a_copy_and_allows_only_a_marked_quotation(seed_runs):
    """The check can fail: a copied sentence is caught, and the Dowson steps pass only as a quote."""
    seed_text = seeds_dir().joinpath("000_43ba1d0ede3bf5f8.txt").read_text(encoding="utf-8")
    copied = next(line for line in seed_text.splitlines() if len(words(line)) > 30)
    assert shared_runs(f"# Page\n\n{copied}\n", seed_runs)
    step = "What is oppressive and unacceptable may depend on the social or working context in which the conduct occurs"
    assert shared_runs(f"# Page\n\n{step}.\n", seed_runs), "the Dowson wording is in the seeds"
    assert not shared_runs(f"# Page\n\n> {step}.\n", seed_runs), "quoted, it is allowed"
    # A blockquote does not make any copied text a quotation: only the listed ones.
    assert shared_runs(f"# Page\n\n> {copied}\n", seed_runs)


def test_every_allowed_quotation_is_in_the_seeds(seed_runs):
    """An allow-list entry that no seed contains would hide nothing and is a mistake."""
    for name, quotation in QUOTATIONS.items():
        w = words(quotation)
        assert any(tuple(w[i:i + RUN]) in seed_runs for i in range(len(w) - RUN + 1)), name


def test_missing_seeds_fail_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setattr(sys.modules[__name__], "seeds_dir", lambda: tmp_path / "seeds")
    with pytest.raises(pytest.fail.Exception, match="source documents are missing"):
        _seed_runs()
