"""The result contract: every section a result can carry, typed in one place.

`build` turns a tool's facts into a `Result`; `as_data` gives it as plain JSON-ready data, which
is what `evaluate` returns and what the one presenter (`decision_tools.present`) renders as the
wizard's result, the page without JavaScript and the printed result. No tool adds keys of its
own: a tool fills the sections declared here, and `SECTIONS` is their order on the page.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from . import content
from .contacts import ROLES
from .engine import DecisionToolError, Facts, Question, Tool, found_findings
from .law import BY_ID as LAW, OFFENCE

# The sections of a result after its title, summary and urgency, in the order they are shown.
SECTIONS = ("findings", "actions", "contacts", "offences", "dowson", "trade_offs", "problems", "law",
            "links", "notes")


@dataclass(frozen=True)
class Link:
    title: str
    page: str
    anchor: str = ""


@dataclass(frozen=True)
class Finding:
    """What the facts support, and the reasons from the answers."""

    id: str
    title: str
    summary: str
    urgency: str
    because: tuple[str, ...] = ()


@dataclass(frozen=True)
class Element:
    """One element of a law entry, as it stands on the answers."""

    id: str
    test: str
    status: str  # "met", "not met" or "not known"
    because: str
    settle: str = ""  # for "not known": what would settle it


@dataclass(frozen=True)
class LawEntry:
    """An offence or another rule of law that may apply, element by element."""

    id: str
    kind: str  # "offence" or "rule"
    act: str
    section: str
    name: str
    plain: str
    page: str
    anchor: str
    status: str  # "applies" (every element met) or "may apply"
    elements: tuple[Element, ...]


@dataclass(frozen=True)
class DowsonStep:
    """One of the six steps of Dowson v Chief Constable of Northumbria Police [2010] EWHC 2612 (QB)."""

    step: int
    test: str
    status: str
    because: str


@dataclass(frozen=True)
class TradeOff:
    """A way to respond, what it gains and what it costs."""

    course: str
    recommended: bool
    gains: tuple[str, ...]
    costs: tuple[str, ...]


@dataclass(frozen=True)
class Problem:
    """A problem with a post, and how to fix it. `stop`: it cannot be fixed by rewording."""

    id: str
    problem: str
    fix: str
    stop: bool


@dataclass(frozen=True)
class Result:
    tool: str
    id: str  # the finding that leads
    title: str
    summary: str
    urgency: str
    findings: tuple[Finding, ...]
    actions: tuple[str, ...]
    contacts: tuple[str, ...]  # contact role ids (decision_tools.contacts)
    offences: tuple[LawEntry, ...] = ()
    dowson: tuple[DowsonStep, ...] = ()
    trade_offs: tuple[TradeOff, ...] = ()
    problems: tuple[Problem, ...] = ()
    law: tuple[LawEntry, ...] = ()  # other law: remedies, powers and duties
    links: tuple[Link, ...] = ()
    notes: tuple[str, ...] = field(default=())


# Sections a tool may fill itself, from its facts (Tool.sections), and their types.
TOOL_SECTIONS = {"dowson": DowsonStep, "trade_offs": TradeOff, "problems": Problem}


def as_data(value):
    """Plain JSON-ready data: dataclasses as dicts, tuples as lists (faster than asdict). A law
    entry's data is made once and shared: results are read, never changed."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    shared = _SHARED.get(id(value))
    if shared is not None and shared[0] is value:
        return shared[1]
    if hasattr(value, "__dataclass_fields__"):
        return {name: as_data(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, (tuple, list)):
        return [as_data(v) for v in value]
    return value


# -- questions and answers -----------------------------------------------------------------

def _option_label(words: content.Words, qid: str, value: str) -> str:
    return words.text("questions", qid, "options", value)


def question_data(tool: Tool, question: Question) -> dict:
    words = content.for_tool(tool.id)
    hints = words.get("questions", question.id, "option_hints", default={})
    return {
        "id": question.id,
        "text": words.text("questions", question.id, "text"),
        "hint": words.get("questions", question.id, "hint", default=""),
        "kind": question.kind,
        "options": [{"value": v, "label": _option_label(words, question.id, v), "hint": hints.get(v, "")}
                    for v in question.options],
    }


def answered(tool: Tool, answers: dict) -> list[dict]:
    words = content.for_tool(tool.id)
    out = []
    for qid, value in answers.items():
        labels = ([_option_label(words, qid, v) for v in value] if isinstance(value, list)
                  else _option_label(words, qid, value))
        out.append({"question": qid, "text": words.text("questions", qid, "text"), "answer": value,
                    "answer_text": labels})
    return out


# -- building a result ---------------------------------------------------------------------

def _reasons(words: content.Words, facts: Facts, fact_ids) -> tuple[str, ...]:
    status = {True: "yes", False: "no", None: "unknown"}
    said = (words.get("facts", fid, status[facts[fid]]) for fid in fact_ids)
    return tuple(text for text in said if text)


def _action_text(words: content.Words, facts: Facts, action_id: str) -> str:
    """An action is a text; or {text, replaces}; or one text for each answer to the question
    named by `by`, with `otherwise` for any other answer."""
    value = words.get("actions", action_id)
    if not isinstance(value, dict):
        return value
    if "text" in value:
        return value["text"]
    answer = facts.answer(value["by"])
    return value.get(answer, value["otherwise"]) if isinstance(answer, str) else value["otherwise"]


def _actions(found, words: content.Words) -> list[str]:
    """Every action the findings bring, once, in the order of the content file's [actions];
    an action that `replaces` others (say, "today" for "soon") leaves them out."""
    table = words.get("actions", default={})
    chosen = _merged(found, words, "actions")
    dropped = {r for a in chosen if isinstance(table[a], dict) for r in table[a].get("replaces", ())}
    order = list(table)
    return sorted((a for a in chosen if a not in dropped), key=order.index)


def _contacts(found, words: content.Words, facts: Facts) -> list[str]:
    """Every contact the findings bring, in the order of ROLES, leaving out a role whose
    condition in [contacts_only_when] the answers rule out (a clerk for a principal council)."""
    only_when = words.get("contacts_only_when", default={})
    roles = list(ROLES)
    kept = [r for r in _merged(found, words, "contacts") if not (r in only_when and facts.no(only_when[r]))]
    return sorted(kept, key=roles.index)


def _merged(found, words: content.Words, key: str) -> list[str]:
    seen: list[str] = []
    for finding in found:
        for item in words.get("findings", finding.id, key, default=()):
            if item not in seen:
                seen.append(item)
    return seen


def _law_entry(weighed) -> LawEntry:
    return _law_entry_for(weighed.entry.id, weighed.statuses)


_SHARED: dict[int, tuple] = {}


def _shared(entry: LawEntry) -> LawEntry:
    _SHARED[id(entry)] = (entry, as_data(entry))
    return entry


@lru_cache(maxsize=None)  # bounded: each entry's elements have three statuses each
def _law_entry_for(law_id: str, statuses: tuple[str, ...]) -> LawEntry:
    """The entry with each element's words for its status (the same for every tool and path)."""
    from .law import BY_ID as LAW_ENTRIES, Weighed

    entry, words = LAW_ENTRIES[law_id], content.law()
    weighed = Weighed.of(entry, statuses)
    key = ("entries", entry.id)
    elements = []
    for element, status in zip(entry.elements, weighed.statuses):
        said = words.get(*key, "elements", element.id, default={})
        reason = {"met": "met", "not met": "not_met", "not known": "unknown"}[status]
        elements.append(Element(element.id, said["test"], status, said.get(reason, ""),
                                said.get("settle", "") if status == "not known" else ""))
    return _shared(LawEntry(entry.id, entry.kind, words.text(*key, "act"), words.get(*key, "section", default=""),
                            words.text(*key, "name"), words.text(*key, "plain"), words.text(*key, "page"),
                            words.get(*key, "anchor", default=""), weighed.status, tuple(elements)))


def _law(facts: Facts) -> tuple[tuple[LawEntry, ...], tuple[LawEntry, ...]]:
    listed = [_law_entry(w) for w in facts.law().values() if w.listed]
    return (tuple(e for e in listed if e.kind == OFFENCE), tuple(e for e in listed if e.kind != OFFENCE))


def _links(words: content.Words, ids) -> tuple[Link, ...]:
    return tuple(Link(words.text("links", i, "title"), words.text("links", i, "page"),
                      words.get("links", i, "anchor", default="")) for i in ids)


def build(tool: Tool, facts: Facts) -> Result:
    words = content.for_tool(tool.id)
    found = found_findings(tool, facts)
    if not found:  # the static checks make every path of a tool end in at least one finding
        raise DecisionToolError(f"{tool.id}: no finding fits the answers {dict(facts.answers)}")
    lead = found[0]
    actions = _actions(found, words)
    contacts = _contacts(found, words, facts)
    offences, other_law = _law(facts)
    extra = dict(tool.sections(facts, words)) if tool.sections else {}
    return Result(
        tool=tool.id, id=lead.id,
        title=words.text("findings", lead.id, "title"), summary=words.text("findings", lead.id, "summary"),
        urgency=lead.urgency,
        findings=tuple(Finding(f.id, words.text("findings", f.id, "title"), words.text("findings", f.id, "summary"),
                               f.urgency, _reasons(words, facts, f.facts)) for f in found),
        actions=tuple(_action_text(words, facts, a) for a in actions),
        contacts=tuple(contacts), offences=offences, law=other_law,
        links=_links(words, _merged(found, words, "links")),
        notes=tuple(words.get("notes", default=())) + tuple(content.law().get("notes", "every_result")),
        **{name: tuple(extra.get(name, ())) for name in TOOL_SECTIONS})
