"""The query set and its scores: pure functions, no browser."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

QUERIES = Path(__file__).with_name("queries.toml")
KINDS = ("urgent", "situation", "rules", "misspelt", "platform")
TOOLS = ("harassment", "report", "respond", "post", "safety-plan", "incident-log")
TOP = 3
DEPTH = 10


class QuerySetError(Exception):
    """The query set is wrong; the message names the file, the phrase and what to fix."""


@dataclass(frozen=True)
class Query:
    text: str
    kind: str
    answers: tuple[str, ...]  # site paths, "law/harassment/" or "law/harassment/#stalking"
    tool: str | None = None
    held_out: bool = False  # written after the search was tuned, never used to tune it

    @property
    def pages(self) -> set[str]:
        return {answer.split("#", 1)[0] for answer in self.answers}


def load_queries(path: Path = QUERIES) -> list[Query]:
    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8")).get("query", [])
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise QuerySetError(f"{path}: cannot read it as TOML: {error}") from None
    queries, seen = [], set()
    for number, entry in enumerate(entries, 1):
        where = f"{path}: query {number} ({entry.get('text', '')!r})"
        text, kind, answers, tool = entry.get("text"), entry.get("kind"), entry.get("answers"), entry.get("tool")
        held_out = entry.get("held_out", False)
        if not isinstance(text, str) or not text.strip():
            raise QuerySetError(f"{where}: needs text, what the reader types.")
        if text.lower() in seen:
            raise QuerySetError(f"{where}: the same phrase is in the set twice.")
        if kind not in KINDS:
            raise QuerySetError(f"{where}: kind must be one of {', '.join(KINDS)}, not {kind!r}.")
        if not isinstance(answers, list) or not answers or not all(isinstance(a, str) and a for a in answers):
            raise QuerySetError(f"{where}: answers must list the pages that answer it, such as [\"law/harassment/#stalking\"].")
        bad = [a for a in answers if a.startswith("/") or not a.split("#", 1)[0].endswith("/")]
        if bad:
            raise QuerySetError(f"{where}: {bad[0]!r} is not a site path; write it as \"section/page/\" or \"section/page/#anchor\".")
        if tool is not None and tool not in TOOLS:
            raise QuerySetError(f"{where}: tool must be one of {', '.join(TOOLS)}, not {tool!r}.")
        if not isinstance(held_out, bool):
            raise QuerySetError(f"{where}: held_out must be true or false, not {held_out!r}.")
        seen.add(text.lower())
        queries.append(Query(text, kind, tuple(answers), tool, held_out))
    return queries


def check_answers(queries: list[Query], anchors: dict[str, set[str]]) -> list[str]:
    """Each answer that is not a page of the site, or not an anchor on its page. `anchors` maps
    each page's site path to the ids on it."""
    problems = []
    for query in queries:
        for answer in query.answers:
            page, _, anchor = answer.partition("#")
            if page not in anchors:
                problems.append(f"{query.text!r}: {answer!r} is not a page of the site")
            elif anchor and anchor not in anchors[page]:
                problems.append(f"{query.text!r}: {answer!r}: the page has no id {anchor!r}")
    return problems


def site_path(url: str, root: str) -> str:
    """A result's address as a site path without its anchor: "http://h/x/law/harassment/#a" under
    root "http://h/x/" is "law/harassment/"."""
    path = unquote(urlsplit(url).path)
    base = urlsplit(root).path
    if not path.startswith(base):
        return path
    path = path[len(base):]
    if path.endswith("index.html"):
        path = path[: -len("index.html")]
    return path


def first_answer(results: list[str], query: Query) -> int | None:
    """The 1-based rank of the first result page that answers `query`, counting each page once."""
    pages: list[str] = []
    for page in results:
        if page not in pages:
            pages.append(page)
    for rank, page in enumerate(pages[:DEPTH], 1):
        if page in query.pages:
            return rank
    return None


def summarise(ranks: list[int | None]) -> dict:
    """Top-3 rate and MRR@10 over the ranks (None: no answering page in the top 10)."""
    if not ranks:
        raise ValueError("no ranks to summarise")
    top = sum(1 for r in ranks if r is not None and r <= TOP)
    return {"queries": len(ranks), "top3": top / len(ranks),
            "mrr10": sum(1 / r for r in ranks if r is not None and r <= DEPTH) / len(ranks),
            "missed": sum(1 for r in ranks if r is None)}


def tool_offers(offered: list[str | None], queries: list[Query]) -> dict:
    """How often the right tool was offered for a situation, and how often one was offered where
    the set expects none."""
    wanted = [(o, q.tool) for o, q in zip(offered, queries) if q.tool]
    unwanted = [o for o, q in zip(offered, queries) if not q.tool]
    return {"right": sum(o == t for o, t in wanted) / len(wanted) if wanted else None, "situations": len(wanted),
            "offered_where_none_expected": sum(o is not None for o in unwanted), "without_tool": len(unwanted)}
