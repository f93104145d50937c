"""The static checks of every decision tool, run by `python -m decision_tools check` and the build.

- **Structure**: ids unique, choose-all questions with a "none" option, law entries that exist and
  have a key element.
- **Words**: every question, option, finding, action and link has its text, and every text in a
  content file belongs to something (decision_tools.content), each problem with its file and line.
- **Every path**: each enumerated path ends in a result without error; every question is asked
  and every finding found on some path; no law entry is listed where an answer rules out one of
  its elements, and none is missing where the answers meet them all; and no question is asked
  where every answer to it leads to the same results (a question the findings do not need).
  (That no law entry is listed where an answer rules out an element is tested over every path
  in tests/test_decision_tools_elements.py, against the elements as the result states them.)
"""

from __future__ import annotations

from dataclasses import dataclass

from . import content
from .contacts import ROLES
from .engine import ANY_OF, NONE_OF_THESE, DecisionToolError, Facts, Tool, found_findings, walk
from .law import BY_ID as LAW, ENTRIES


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def _flow_file(tool: Tool) -> str:
    return f"decision_tools/tools/{tool.id.replace('-', '_')}.py"


def structure(tool: Tool) -> list[Problem]:
    where = _flow_file(tool)
    found = []
    for kind, items in (("question", tool.questions), ("fact", tool.facts), ("finding", tool.findings)):
        ids = [item.id for item in items]
        for dup in sorted({i for i in ids if ids.count(i) > 1}):
            found.append(Problem(where, 1, f"two {kind}s share the id {dup!r}"))
    for q in tool.questions:
        if q.kind == ANY_OF and NONE_OF_THESE not in q.options:
            found.append(Problem(where, 1, f"question {q.id!r} lets you choose several options, so it needs a "
                                           f"{NONE_OF_THESE!r} option"))
        if len(set(q.options)) != len(q.options) or not q.options:
            found.append(Problem(where, 1, f"question {q.id!r} needs options, each once"))
    for law_id in tool.law:
        if law_id not in LAW:
            found.append(Problem(where, 1, f"the tool weighs {law_id!r}, which is not an entry in decision_tools/law.py"))
    return found


# -- words -----------------------------------------------------------------------------------

def _missing(words: content.Words, keys: tuple[str, ...], what: str) -> list[Problem]:
    value = words.get(*keys)
    if isinstance(value, str) and value.strip():
        return []
    return [Problem(words.path, words.line(*keys), f"{what} has no text: add {'.'.join(keys)}")]


def _unknown(words: content.Words, table: tuple[str, ...], known, what: str) -> list[Problem]:
    found = []
    for key in words.get(*table, default={}) or {}:
        if key not in known:
            found.append(Problem(words.path, words.line(*table, key),
                                 f"text for {what} {key!r}, which the tool does not have: remove it or fix the id"))
    return found


def _question_words(tool: Tool, words: content.Words) -> list[Problem]:
    found = _unknown(words, ("questions",), {q.id for q in tool.questions}, "question")
    for q in tool.questions:
        found += _missing(words, ("questions", q.id, "text"), f"question {q.id!r}")
        if q.ask is not None:
            found += _missing(words, ("questions", q.id, "asked_when"), f"when question {q.id!r} is asked")
        for value in q.options:
            found += _missing(words, ("questions", q.id, "options", value), f"option {value!r} of {q.id!r}")
        found += _unknown(words, ("questions", q.id, "options"), q.options, f"an option of {q.id!r}")
        found += _unknown(words, ("questions", q.id, "option_hints"), q.options, f"a hint of {q.id!r}")
    return found


def _finding_words(tool: Tool, words: content.Words) -> list[Problem]:
    found = _unknown(words, ("findings",), {f.id for f in tool.findings}, "finding")
    actions, links = words.get("actions", default={}), words.get("links", default={})
    used_actions, used_links = set(), set()
    for f in tool.findings:
        for part in ("title", "summary", "found_when"):
            found += _missing(words, ("findings", f.id, part), f"the {part.replace('_', ' ')} of finding {f.id!r}")
        for kind, table, used in (("actions", actions, used_actions), ("links", links, used_links)):
            for item in words.get("findings", f.id, kind, default=()):
                used.add(item)
                if item not in table:
                    found.append(Problem(words.path, words.line("findings", f.id, kind),
                                         f"finding {f.id!r} names {kind[:-1]} {item!r}, which has no text in [{kind}]"))
        for role in words.get("findings", f.id, "contacts", default=()):
            if role not in ROLES:
                found.append(Problem(words.path, words.line("findings", f.id, "contacts"),
                                     f"finding {f.id!r} names contact role {role!r}, which is not one of: {', '.join(ROLES)}"))
    found += _unknown(words, ("actions",), used_actions, "action (no finding uses it)")
    found += _unknown(words, ("links",), used_links, "link (no finding uses it)")
    for link in used_links & set(links):
        for part in ("title", "page"):
            found += _missing(words, ("links", link, part), f"the {part} of link {link!r}")
    return found


def _fact_words(tool: Tool, words: content.Words) -> list[Problem]:
    return _unknown(words, ("facts",), {fact.id for fact in tool.facts}, "fact")


def words(tool: Tool) -> list[Problem]:
    """Every id with no text and every text with no id, in the tool's content file."""
    try:
        said = content.for_tool(tool.id)
    except content.ContentError as error:
        return [Problem(f"decision_tools/tools/{tool.id.replace('-', '_')}.toml", 1, str(error))]
    found = _missing(said, ("title",), "the tool's title") + _missing(said, ("description",), "the tool's description")
    if tool.stop is not None:
        found += _missing(said, ("stop_when",), "when the tool stops asking")
    return found + _question_words(tool, said) + _finding_words(tool, said) + _fact_words(tool, said)


def law_words() -> list[Problem]:
    """Every law entry and element has its words in law.toml, and law.toml names nothing else."""
    said = content.law()
    found = _unknown(said, ("entries",), LAW, "law entry")
    for entry in ENTRIES:
        key = ("entries", entry.id)
        for part in ("act", "name", "plain", "page"):
            found += _missing(said, (*key, part), f"the {part} of law entry {entry.id!r}")
        if not any(e.key for e in entry.elements):
            found.append(Problem("decision_tools/law.py", 1, f"law entry {entry.id!r} needs a key element (the conduct itself)"))
        found += _unknown(said, (*key, "elements"), {e.id for e in entry.elements}, f"an element of {entry.id!r}")
        for element in entry.elements:
            found += _missing(said, (*key, "elements", element.id, "test"), f"the test of {entry.id!r} element {element.id!r}")
            for status in (("unknown",) if not (element.fact or element.listed) else ("met", "not_met", "unknown")):
                found += _missing(said, (*key, "elements", element.id, status), f"why {entry.id!r} element {element.id!r} is {status}")
    return found


# -- every path --------------------------------------------------------------------------------

def _digest(tool: Tool, facts: Facts) -> tuple:
    """What a result says, leaving out how the questions were put: the findings and their
    reasons, the law, the tool's own sections, the actions in their words, and the contacts."""
    from .result import _action_text, _actions, _contacts

    words = content.for_tool(tool.id)
    found = found_findings(tool, facts)
    ids = tuple(f.id for f in found)
    reasons = tuple((fid, facts[fid]) for fid in sorted({x for f in found for x in f.facts}))
    law = tuple((i, w.statuses) for i, w in facts.law().items() if w.listed)
    sections = tool.sections(facts, words) if tool.sections else {}
    actions = tuple(_action_text(words, facts, a) for a in _actions(found, words))
    return (ids, reasons, law, tuple((name, tuple(sections[name])) for name in sorted(sections)), actions,
            tuple(_contacts(found, words, facts)))


def _fold(tree, needless: list) -> frozenset:
    """The set of distinct results under `tree`; notes each question where every answer gives the same set."""
    if not isinstance(tree, dict):
        return frozenset([tree])
    sets = [_fold(branch, needless) for branch in tree["branches"]]
    if len(sets) > 1 and all(s == sets[0] for s in sets):
        needless.append(tree["question"])
    return frozenset().union(*sets)


def every_path(tool: Tool) -> tuple[list[Problem], int]:
    """Run every enumerated path; the problems found and how many paths there are.

    A full result is built once for each distinct outcome (`_digest`): a result depends on nothing
    else but the labels of the answers, which the word checks cover."""
    from .result import build

    where = _flow_file(tool)
    problems: list[Problem] = []
    asked, found_any, built, count = set(), set(), set(), 0

    def visit(answers, facts):
        nonlocal count
        count += 1
        asked.update(answers)
        try:
            digest = _digest(tool, facts)
            if digest not in built:
                built.add(digest)
                build(tool, facts)
        except (DecisionToolError, KeyError, ValueError, TypeError) as error:
            problems.append(Problem(where, 1, f"the answers {answers} give no result: {error!r}"))
            return ("error", str(answers))
        found_any.update(digest[0])
        return digest

    needless: list[str] = []
    _fold(walk(tool, visit), needless)
    for q in tool.questions:
        if q.id not in asked:
            problems.append(Problem(where, 1, f"question {q.id!r} is never asked on any path"))
    for f in tool.findings:
        if f.id not in found_any:
            problems.append(Problem(where, 1, f"finding {f.id!r} is never found on any path"))
    for qid in sorted(set(needless)):
        problems.append(Problem(where, 1, f"question {qid!r} is asked where every answer gives the same results: "
                                          "ask it only where a finding still needs it"))
    return problems[:50], count


def check(tool: Tool) -> tuple[list[Problem], int]:
    """Every problem with one tool, and its number of paths."""
    found = structure(tool) + words(tool)
    if found:
        return sorted(set(found)), 0
    problems, count = every_path(tool)
    return sorted(set(problems)), count
