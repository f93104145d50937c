"""The decision-tool engine: questions and outcomes as data, routing as small pure functions.

A tool is a `Tool`: its questions, its outcomes, and `route`, a pure function that takes the
id of the question just answered and all answers so far and names the next step (a question
id or an outcome id). `evaluate` replays the answers from the first question every time, so
an answer that is no longer on the path is ignored, and returns plain JSON-ready data.

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
class Question:
    id: str
    text: str
    kind: str
    options: tuple[Option, ...] = ()
    hint: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"question {self.id!r}: kind must be one of {KINDS}")
        if self.kind == YES_NO and not self.options:
            object.__setattr__(self, "options", (Option("yes", "Yes"), Option("no", "No")))

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
    anchor: str = ""


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

    def __post_init__(self) -> None:
        if self.urgency not in URGENCIES:
            raise ValueError(f"outcome {self.id!r}: urgency must be one of {URGENCIES}")


Answers = Mapping[str, Any]
Route = Callable[[str, Answers], str]
# Extra "why" lines (the legal tests applied) for a result, from the answers on its path.
Explain = Callable[[str, Answers], list[str]]


@dataclass(frozen=True)
class Tool:
    id: str
    title: str
    description: str
    first: str
    questions: tuple[Question, ...]
    outcomes: tuple[Outcome, ...]
    route: Route
    explain: Explain = field(default=lambda outcome_id, answers: [])

    def question(self, qid: str) -> Question:
        return _by_id(self.questions)[qid]

    def outcome(self, oid: str) -> Outcome:
        return _by_id(self.outcomes)[oid]


def _by_id(items):
    return {item.id: item for item in items}


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


def _outcome_data(tool: Tool, outcome: Outcome, answers: Answers, answered: list[dict]) -> dict:
    why = [f"You answered \u201c{a['answer_text'] if isinstance(a['answer_text'], str) else ', '.join(a['answer_text'])}\u201d to \u201c{a['text']}\u201d" for a in answered]
    return {
        "id": outcome.id,
        "title": outcome.title,
        "summary": outcome.summary,
        "urgency": outcome.urgency,
        "actions": list(outcome.actions),
        "why": why + tool.explain(outcome.id, answers),
        "law": [vars(ref).copy() for ref in outcome.law],
        "contacts": list(outcome.contacts),
        "links": [vars(link).copy() for link in outcome.links],
    }


def run(tool: Tool, answers: Answers) -> dict:
    """Replay `answers` through `tool` from its first question.

    Returns {"tool", "status": "question" | "result", "answered": [...], and either
    "question" or "result"}. Raises InvalidAnswer for an answer its question does not allow.
    """
    if not isinstance(answers, Mapping):
        raise InvalidAnswer(f"{tool.id}: answers must be a mapping of question id to answer")
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
        step = tool.route(step, used)
    if step not in outcomes:  # a routing bug, caught by the static checks before release
        raise DecisionToolError(f"{tool.id}: route led to unknown step {step!r}")
    return {"tool": tool.id, "status": "result", "answered": answered, "result": _outcome_data(tool, outcomes[step], used, answered)}
