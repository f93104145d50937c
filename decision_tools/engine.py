"""The decision-tool engine: questions and outcomes as data, routing as declared rules.

A tool is a `Tool`: its questions, its outcomes, and for each question an ordered list of `Go`
rules ("go to this step when ..."). Each rule carries its own plain-English `when`, so the
wizard, the written-out logic (`flow`), the Mermaid graph and the list of every path all come
from the same definition. `run` replays the answers from the first question every time, so an
answer that is no longer on the path is ignored, and returns plain JSON-ready data.

Standard library only and no I/O: the same code runs in CPython and in Pyodide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

YES_NO = "yes_no"
ONE_OF = "one_of"
ANY_OF = "any_of"
KINDS = (YES_NO, ONE_OF, ANY_OF)

NONE_OF_THESE = "none"

URGENCIES = ("emergency", "urgent", "soon", "routine")

Answers = Mapping[str, Any]


class DecisionToolError(ValueError):
    """Bad input to a tool: the message says what is wrong and what is allowed."""


class UnknownTool(DecisionToolError):
    pass


class InvalidAnswer(DecisionToolError):
    pass


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class Go:
    """A routing rule: go to step `to` when the answer matches.

    `values`: for yes/no and one-of questions, the answer is one of them; for any-of questions,
    at least one of them is chosen (or, with `only=True`, every chosen option is one of them).
    `test`: a condition on the answers given so far (a derived flag), explained by `when`.
    A rule with neither always matches: it is the "otherwise" at the end of the list.
    """

    to: str
    values: tuple[str, ...] = ()
    when: str = ""
    only: bool = False
    test: Callable[[Answers], bool] | None = None

    def matches(self, kind: str, value: Any, answers: Answers) -> bool:
        if self.values:
            chosen = value if kind == ANY_OF else [value]
            hit = (all(v in self.values for v in chosen) if self.only
                   else any(v in self.values for v in chosen))
            if not hit:
                return False
        return self.test is None or bool(self.test(answers))

    @property
    def always(self) -> bool:
        return not self.values and self.test is None


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    kind: str
    options: tuple[Option, ...] = ()
    hint: str = ""
    next: tuple[Go, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"question {self.id!r}: kind must be one of {KINDS}")
        if self.kind == YES_NO and not self.options:
            object.__setattr__(self, "options", (Option("yes", "Yes"), Option("no", "No")))
        if isinstance(self.next, str):  # one step whatever the answer
            object.__setattr__(self, "next", (Go(self.next),))

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(o.value for o in self.options)

    def label_for(self, value: str) -> str:
        return next(o.label for o in self.options if o.value == value)


@dataclass(frozen=True)
class LawRef:
    """An offence or legal rule: the Act and section, and what it means in plain words."""

    id: str
    act: str
    section: str
    name: str
    plain: str
    page: str = "law/offences.md"
    anchor: str = "offences-table"


@dataclass(frozen=True)
class Link:
    title: str
    page: str
    anchor: str = ""


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str
    summary: str
    urgency: str
    actions: tuple[str, ...] = ()
    law: tuple[LawRef, ...] = ()
    contacts: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    notes: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.urgency not in URGENCIES:
            raise ValueError(f"outcome {self.id!r}: urgency must be one of {URGENCIES}")


@dataclass(frozen=True)
class Extra:
    """What a tool adds to a result from the answers on its path (see `Tool.explain`).

    Lists are added to the outcome's own without repeats (law before the outcome's, the rest after);
    `first_actions` go before the outcome's actions; `fields` are extra result keys."""

    why: tuple[str, ...] = ()
    law: tuple[LawRef, ...] = ()
    first_actions: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    notes: tuple[str, ...] = ()
    fields: Mapping[str, Any] = field(default_factory=dict)


Explain = Callable[[str, Answers], Extra]


def _no_extra(outcome_id: str, answers: Answers) -> Extra:
    return Extra()


@dataclass(frozen=True)
class Tool:
    id: str
    title: str
    description: str
    first: str
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...]
    explain: Explain = _no_extra
    notes: tuple[str, ...] = ()  # shown with every result of the tool

    def question(self, qid: str) -> Question:
        return _by_id(self.questions)[qid]

    def outcome(self, oid: str) -> Outcome:
        return _by_id(self.outcomes)[oid]


def _by_id(items):
    return {item.id: item for item in items}


# -- answering -----------------------------------------------------------------------------

def _check_answer(tool: Tool, question: Question, value: Any) -> None:
    allowed = ", ".join(repr(v) for v in question.values)
    where = f"{tool.id}: answer to {question.id!r}"
    if question.kind == ANY_OF:
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise InvalidAnswer(f"{where} must be a non-empty list of: {allowed}")
        unknown = [v for v in value if v not in question.values]
        if unknown:
            raise InvalidAnswer(f"{where} has {unknown[0]!r}, which is not one of: {allowed}")
        if NONE_OF_THESE in value and len(value) > 1:
            raise InvalidAnswer(f"{where}: {NONE_OF_THESE!r} cannot be chosen with other options")
        if len(set(value)) != len(value):
            raise InvalidAnswer(f"{where} lists an option more than once")
    elif not isinstance(value, str) or value not in question.values:
        raise InvalidAnswer(f"{where} is {value!r}; it must be one of: {allowed}")


def _next_step(tool: Tool, question: Question, answers: Answers) -> str:
    value = answers[question.id]
    for rule in question.next:
        if rule.matches(question.kind, value, answers):
            return rule.to
    # The static checks require an "otherwise" rule, so this is a bug in the tool, not bad input.
    raise DecisionToolError(f"{tool.id}: no rule after {question.id!r} matches {value!r}")


def _answered(question: Question, value: Any) -> dict:
    labels = [question.label_for(v) for v in value] if isinstance(value, list) else question.label_for(value)
    return {"question": question.id, "text": question.text, "answer": value, "answer_text": labels}


def _question_data(q: Question) -> dict:
    return {
        "id": q.id,
        "text": q.text,
        "hint": q.hint,
        "kind": q.kind,
        "options": [{"value": o.value, "label": o.label, "hint": o.hint} for o in q.options],
    }


def _merge(first, more, key=lambda x: x):
    seen, merged = set(), []
    for item in (*first, *more):
        if key(item) not in seen:
            seen.add(key(item))
            merged.append(item)
    return merged


def _outcome_data(tool: Tool, outcome: Outcome, extra: Extra | None = None) -> dict:
    extra = extra or Extra()
    data = {
        "id": outcome.id,
        "title": outcome.title,
        "summary": outcome.summary,
        "urgency": outcome.urgency,
        "actions": _merge(extra.first_actions, (*outcome.actions, *extra.actions)),
        # What the answers point to first, then the result's standing references.
        "law": [vars(ref).copy() for ref in _merge(extra.law, outcome.law, key=lambda r: r.id)],
        "contacts": _merge(outcome.contacts, extra.contacts),
        "links": [vars(link).copy() for link in _merge(outcome.links, extra.links, key=lambda l: (l.page, l.anchor))],
        "notes": _merge(outcome.notes, (*extra.notes, *tool.notes)),
    }
    data.update(extra.fields)
    return data


def _quote(text) -> str:
    return "\u201c" + (text if isinstance(text, str) else "; ".join(text)) + "\u201d"


def run(tool: Tool, answers: Answers) -> dict:
    """Replay `answers` through `tool` from its first question.

    Returns {"tool", "status": "question" | "result", "answered": [...], and either
    "question" or "result"}. Raises InvalidAnswer for an answer its question does not allow.
    """
    if not isinstance(answers, Mapping):
        raise InvalidAnswer(f"{tool.id}: answers must be a JSON object of question id to answer")
    questions, outcomes = _by_id(tool.questions), _by_id(tool.outcomes)
    answered: list[dict] = []
    used: dict[str, Any] = {}
    step = tool.first
    while step in questions:
        question = questions[step]
        if step not in answers:
            return {"tool": tool.id, "status": "question", "answered": answered, "question": _question_data(question)}
        _check_answer(tool, question, answers[step])
        used[step] = answers[step]
        answered.append(_answered(question, answers[step]))
        step = _next_step(tool, question, used)
    if step not in outcomes:  # a routing bug, caught by the static checks before release
        raise DecisionToolError(f"{tool.id}: a rule leads to unknown step {step!r}")
    extra = tool.explain(step, used)
    result = _outcome_data(tool, outcomes[step], extra)
    why = [f"You answered {_quote(a['answer_text'])} to {_quote(a['text'])}" for a in answered]
    result["why"] = why + list(extra.why)
    return {"tool": tool.id, "status": "result", "answered": answered, "result": result}


# -- the tool written out: flow, paths, graph ---------------------------------------------

def _labels(question: Question, values) -> list[str]:
    return [question.label_for(v) for v in values]


def _when(question: Question, index: int) -> str:
    """The plain-English condition of the question's rule at `index`."""
    rule = question.next[index]
    if rule.when:
        return rule.when
    if not rule.values:
        if len(question.next) == 1:
            return "Any answer"
        earlier = question.next[:index]
        if question.kind != ANY_OF and all(r.test is None for r in earlier):
            taken = {v for r in earlier for v in r.values}
            return _one_of(_labels(question, [v for v in question.values if v not in taken]))
        return "Otherwise"
    labels = _labels(question, rule.values)
    # Labels often contain commas, so lists of them are separated by semicolons.
    if question.kind == ANY_OF:
        if rule.only:
            return "Only: " + "; ".join(labels)
        return ("Any of: " if len(labels) > 1 else "") + "; ".join(labels)
    return _one_of(labels)


def _one_of(labels: list[str]) -> str:
    return " or ".join(labels) if len(labels) <= 2 else "One of: " + "; ".join(labels)


def edges(tool: Tool) -> list[dict]:
    return [{"from": q.id, "when": _when(q, i), "to": rule.to} for q in tool.questions for i, rule in enumerate(q.next)]


def flow(tool: Tool) -> dict:
    return {
        "tool": tool.id,
        "title": tool.title,
        "description": tool.description,
        "first": tool.first,
        "questions": [_question_data(q) for q in tool.questions],
        "outcomes": [_outcome_data(tool, o) for o in tool.outcomes],
        "edges": edges(tool),
    }


def _candidates(question: Question) -> list:
    if question.kind == ANY_OF:
        return [[v] for v in question.values if v != NONE_OF_THESE] + [[NONE_OF_THESE]]
    return list(question.values)


def _rule_index(question: Question, value: Any, answers: Answers) -> int:
    return next(i for i, rule in enumerate(question.next) if rule.matches(question.kind, value, answers))


def paths(tool: Tool) -> list[dict]:
    """Every answer path from the first question to a result, in a stable order.

    Yes/no and one-of questions: every answer. Any-of questions: one representative answer per
    rule it can take, plus "none of these": the first single option that picks a rule stands for
    all answers that pick it, so the list stays finite and each entry is a distinct route.
    """
    questions = _by_id(tool.questions)
    found: list[dict] = []

    def walk(step: str, answers: dict) -> None:
        if step not in questions:
            found.append({"tool": tool.id, "answers": dict(answers), "result": step})
            return
        question = questions[step]
        taken: set[int] = set()
        for value in _candidates(question):
            trial = {**answers, step: value}
            index = _rule_index(question, value, trial)
            if question.kind == ANY_OF:
                # "None of these" is always walked too: it is the answer a reader most often gives.
                if index in taken and value != [NONE_OF_THESE]:
                    continue
                taken.add(index)
            walk(question.next[index].to, trial)

    walk(tool.first, {})
    return found


def _mermaid_text(text: str) -> str:
    # Mermaid ends a statement at ";" and a label at '"', even inside quotes: use its entity codes.
    return text.replace('"', "#quot;").replace(";", "#59;")


def graph(tool: Tool) -> str:
    """A Mermaid flowchart: questions as boxes, results as rounded boxes, rules as labelled arrows."""
    questions = _by_id(tool.questions)

    def node(step: str) -> str:  # Mermaid ids: no hyphens, and questions kept apart from results
        return ("q_" if step in questions else "r_") + step.replace("-", "_")

    lines = ["flowchart TD"]
    for q in tool.questions:
        lines.append(f'    {node(q.id)}["{_mermaid_text(q.text)}"]')
    for o in tool.outcomes:
        lines.append(f'    {node(o.id)}(["{_mermaid_text(o.title)}"])')
    for e in edges(tool):
        lines.append(f'    {node(e["from"])} -->|"{_mermaid_text(e["when"])}"| {node(e["to"])}')
    return "\n".join(lines) + "\n"


# -- static checks -------------------------------------------------------------------------

def check(tool: Tool, roles) -> list[str]:
    """Structural problems in a tool, as plain sentences (an empty list means none).

    Every step reachable, every rule leads somewhere, every question ends in an "otherwise"
    rule (no dead ends), no loops, options well formed, contact roles in the vocabulary."""
    problems: list[str] = []
    questions, outcomes = _by_id(tool.questions), _by_id(tool.outcomes)
    name = f"tool {tool.id!r}"
    if len(questions) != len(tool.questions) or len(outcomes) != len(tool.outcomes):
        problems.append(f"{name}: two questions or two outcomes share an id")
    if set(questions) & set(outcomes):
        problems.append(f"{name}: ids used for both a question and an outcome: {sorted(set(questions) & set(outcomes))}")
    if tool.first not in questions:
        problems.append(f"{name}: first step {tool.first!r} is not a question")
    for q in tool.questions:
        where = f"{name}, question {q.id!r}"
        if not q.text or not q.options:
            problems.append(f"{where}: needs text and options")
        if len(set(q.values)) != len(q.values):
            problems.append(f"{where}: two options share a value")
        if q.kind == ANY_OF and NONE_OF_THESE not in q.values:
            problems.append(f"{where}: an any-of question needs a {NONE_OF_THESE!r} option")
        if not q.next or not q.next[-1].always:
            problems.append(f"{where}: the last rule must apply to any answer (a dead end otherwise)")
        for rule in q.next:
            if rule.to not in questions and rule.to not in outcomes:
                problems.append(f"{where}: a rule leads to unknown step {rule.to!r}")
            bad = [v for v in rule.values if v not in q.values]
            if bad:
                problems.append(f"{where}: a rule names unknown options {bad}")
            if rule.test is not None and not rule.when:
                problems.append(f"{where}: a rule with a test needs a plain-English 'when'")
    for o in tool.outcomes:
        unknown = [r for r in o.contacts if r not in roles]
        if unknown:
            problems.append(f"{name}, outcome {o.id!r}: unknown contact roles {unknown}")
        if not o.actions:
            problems.append(f"{name}, outcome {o.id!r}: says nothing to do")
    if problems:
        return problems

    # Reachable and loop-free: a depth-first walk over the rules.
    reached: set[str] = set()
    state: dict[str, str] = {}

    def visit(step: str, trail: tuple[str, ...]) -> None:
        reached.add(step)
        if step not in questions or state.get(step) == "done":
            return
        if state.get(step) == "open":
            problems.append(f"{name}: a loop: {' -> '.join((*trail, step))}")
            return
        state[step] = "open"
        for rule in questions[step].next:
            visit(rule.to, (*trail, step))
        state[step] = "done"

    visit(tool.first, ())
    for step in [*questions, *outcomes]:
        if step not in reached:
            problems.append(f"{name}: step {step!r} cannot be reached")
    if not problems:
        # Rules reached in the graph may still never match a real answer: every outcome must
        # be the end of at least one enumerated path.
        ends = {p["result"] for p in paths(tool)}
        for oid in outcomes:
            if oid not in ends:
                problems.append(f"{name}: no answers lead to outcome {oid!r}")
    return problems
