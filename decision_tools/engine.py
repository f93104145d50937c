"""The decision-tool engine: answers become facts, facts become findings, findings one result.

A tool (`Tool`) declares, in its flow file (`tools/<id>.py`):

- its questions, in the order they are asked. Each has an `ask` condition: the question is put
  only while something it helps decide is still open. Answers to questions that are no longer
  asked (after "Change") are ignored, so the answers replay from the start every time;
- its facts: small rules from the answers to True, False or None ("not known": not asked, or the
  reader was not sure). Facts are the calculators: everything else reads them;
- its findings: what the facts support, each with an urgency. Every finding whose condition holds
  is in the result, the most urgent leads, and nothing relevant is dropped;
- the law it weighs (`decision_tools.law`): an entry is listed by its elements, never by a branch.

Its words (questions, options, hints, findings, actions, links) are in the content file beside it
(`tools/<id>.toml`, read by `decision_tools.content`). `run` gives the next question or the result
as the typed contract in `decision_tools.result`; `paths`, `graph` and `check` come from the same
definition. Standard library only and no I/O beyond reading the package's own content files, so
the same code runs in CPython and in Pyodide.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
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
class Question:
    """A question: its answers (option values) and when it is asked. Its words are content.

    `ask(facts)`: asked only when this holds, judged on the answers to earlier questions (None:
    always). `pairs`: for a choose-all question, `paths` also walks every pair of options, because
    the question describes a situation whose parts combine."""

    id: str
    kind: str
    options: tuple[str, ...] = ()
    ask: Callable[["Facts"], bool] | None = None
    pairs: bool = False

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"question {self.id!r}: kind must be one of {KINDS}")
        if self.kind == YES_NO and not self.options:
            object.__setattr__(self, "options", ("yes", "no"))


@dataclass(frozen=True)
class Fact:
    """A fact the answers establish: True, False or None (not known)."""

    id: str
    rule: Callable[["Facts"], bool | None]


@dataclass(frozen=True)
class Finding:
    """Something the facts support. `facts`: the facts it rests on, whose reasons it shows.
    Its title, summary, actions, contacts and links are in the content file."""

    id: str
    urgency: str
    when: Callable[["Facts"], bool]
    facts: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.urgency not in URGENCIES:
            raise ValueError(f"finding {self.id!r}: urgency must be one of {URGENCIES}")


@dataclass(frozen=True)
class Tool:
    """A decision tool. `law`: ids of the law entries it weighs. `stop(facts)`: ask nothing more
    (in danger now). `sections(facts, words)`: the tool's own typed result sections, such as the
    Dowson steps, by name (see decision_tools.result.SECTIONS)."""

    id: str
    questions: tuple[Question, ...]
    facts: tuple[Fact, ...]
    findings: tuple[Finding, ...]
    law: tuple[str, ...] = ()
    stop: Callable[["Facts"], bool] | None = None
    sections: Callable[["Facts", Any], Mapping[str, Any]] | None = None

    @cached_property
    def _findings(self) -> dict[str, Finding]:
        return {f.id: f for f in self.findings}

    @cached_property
    def law_order(self) -> tuple[str, ...]:
        from .law import ENTRIES

        return tuple(e.id for e in ENTRIES if e.id in self.law_ids)

    @cached_property
    def law_ids(self) -> frozenset[str]:
        return frozenset(self.law)

    @cached_property
    def rules(self) -> dict[str, Callable]:
        return {fact.id: fact.rule for fact in self.facts}

    def question(self, qid: str) -> Question:
        return next(q for q in self.questions if q.id == qid)

    def finding(self, fid: str) -> Finding:
        return self._findings[fid]


class Facts:
    """The facts of one set of answers, worked out when first asked for.

    Reads facts (`yes`, `no`, `maybe`, `known`), raw answers (`chose`, `answer`), the law
    (`listed`) and the findings (`found`), so a question's `ask` can depend on any of them."""

    def __init__(self, tool: Tool, answers: Answers):
        self.tool = tool
        self.answers = answers
        self._rules = tool.rules
        self._values: dict[str, bool | None] = {}
        self._law = None
        self._found: dict[str, bool] = {}
        self._chosen: dict[str, frozenset] = {}
        self._every = None
        self._findings = None

    def __getitem__(self, fact_id: str) -> bool | None:
        if fact_id not in self._values:
            rule = self._rules.get(fact_id)
            if rule is None:  # a law element may name a fact this tool cannot establish
                return None
            self._values[fact_id] = rule(self)
        return self._values[fact_id]

    def yes(self, fact_id: str) -> bool:
        return self[fact_id] is True

    def no(self, fact_id: str) -> bool:
        return self[fact_id] is False

    def maybe(self, fact_id: str) -> bool:
        """Not ruled out: true, or not known."""
        return self[fact_id] is not False

    def known(self, fact_id: str) -> bool:
        return self[fact_id] is not None

    def answered(self, qid: str) -> bool:
        return qid in self.answers

    def answer(self, qid: str):
        return self.answers.get(qid)

    def chose(self, qid: str, *values: str) -> bool:
        """The answer to `qid` is, or includes, one of `values`."""
        chosen = self._chosen.get(qid)
        if chosen is None:
            value = self.answers.get(qid)
            chosen = self._chosen[qid] = frozenset(value if isinstance(value, list) else (value,))
        return not chosen.isdisjoint(values)

    def chose_only(self, qid: str, *values: str) -> bool:
        value = self.answers.get(qid)
        return isinstance(value, list) and bool(value) and all(v in values for v in value)

    def law(self):
        """Every law entry the tool weighs, weighed (decision_tools.law.Weighed), by id."""
        if self._every is None:
            self._every = self._scales().every()
        return self._every

    def findings(self) -> list["Finding"]:
        """The findings these facts support, most urgent first (then in the order declared)."""
        if self._findings is None:
            found = [f for f in self.tool.findings if self.found(f.id)]
            self._findings = sorted(found, key=lambda f: _RANK[f.urgency])
        return self._findings

    def listed(self, *law_ids: str) -> bool:
        return any(self._scales().one(law_id).listed for law_id in law_ids)

    def _scales(self):
        if self._law is None:
            from .law import Scales

            self._law = Scales(self.tool.law_ids, self, self.tool.law_order)
        return self._law

    def found(self, *finding_ids: str) -> bool:
        """Any of these findings holds (each worked out once, only when asked for)."""
        for fid in finding_ids:
            if fid not in self._found:
                self._found[fid] = bool(self.tool.finding(fid).when(self))
            if self._found[fid]:
                return True
        return False


# -- fact rules used by every tool ---------------------------------------------------------

def chosen(qid: str, *values: str) -> Callable[[Facts], bool | None]:
    """True if the answer to `qid` is or includes one of `values`, False if it does not, None if
    the question was not asked."""
    return lambda f: f.chose(qid, *values) if f.answered(qid) else None


def answer_is(qid: str, yes: tuple[str, ...], no: tuple[str, ...] = ()) -> Callable[[Facts], bool | None]:
    """True for an answer in `yes`, False for one in `no`, None otherwise (not sure, not asked)."""
    def rule(f: Facts) -> bool | None:
        value = f.answer(qid)
        return True if value in yes else False if value in no else None
    return rule


# -- answering -----------------------------------------------------------------------------

def check_answer(tool: Tool, question: Question, value: Any) -> None:
    allowed = ", ".join(repr(v) for v in question.options)
    where = f"{tool.id}: answer to {question.id!r}"
    if question.kind == ANY_OF:
        if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
            raise InvalidAnswer(f"{where} must be a non-empty list of: {allowed}")
        unknown = [v for v in value if v not in question.options]
        if unknown:
            raise InvalidAnswer(f"{where} has {unknown[0]!r}, which is not one of: {allowed}")
        if NONE_OF_THESE in value and len(value) > 1:
            raise InvalidAnswer(f"{where}: {NONE_OF_THESE!r} cannot be chosen with other options")
        if len(set(value)) != len(value):
            raise InvalidAnswer(f"{where} lists an option more than once")
    elif not isinstance(value, str) or value not in question.options:
        raise InvalidAnswer(f"{where} is {value!r}; it must be one of: {allowed}")


def next_question(tool: Tool, answers: Answers, start: int = 0) -> int | None:
    """The index of the first question from `start` that is put, given `answers` (the answers to
    the questions before it), or None when there is nothing more to ask."""
    facts = Facts(tool, answers)
    if tool.stop is not None and tool.stop(facts):
        return None
    for index in range(start, len(tool.questions)):
        ask = tool.questions[index].ask
        if ask is None or ask(facts):
            return index
    return None


def replay(tool: Tool, answers: Answers) -> tuple[dict, Question | None]:
    """The answers that count, in the order asked, and the next question (None: the result).

    An answer to a question that is not put on these answers (say, after "Change") is ignored.
    Raises InvalidAnswer for an answer its question does not allow."""
    if not isinstance(answers, Mapping):
        raise InvalidAnswer(f"{tool.id}: answers must be a JSON object of question id to answer")
    used: dict[str, Any] = {}
    index = next_question(tool, used)
    while index is not None:
        question = tool.questions[index]
        if question.id not in answers:
            return used, question
        check_answer(tool, question, answers[question.id])
        used[question.id] = answers[question.id]
        index = next_question(tool, used, index + 1)
    return used, None


def run(tool: Tool, answers: Answers) -> dict:
    """Replay `answers` through `tool`: {"tool", "status": "question" | "result", "answered",
    and "question" or "result"}, all plain JSON-ready data."""
    from . import result as contract

    used, question = replay(tool, answers)
    answered = contract.answered(tool, used)
    if question is not None:
        return {"tool": tool.id, "status": "question", "answered": answered,
                "question": contract.question_data(tool, question)}
    return {"tool": tool.id, "status": "result", "answered": answered,
            "result": contract.as_data(contract.build(tool, Facts(tool, used)))}


# -- every path ----------------------------------------------------------------------------

def candidates(question: Question) -> list:
    """The answers `paths` walks: every answer to a yes/no or one-of question; for a choose-all
    question, "none", each option on its own and, with `pairs`, each pair of options."""
    if question.kind != ANY_OF:
        return list(question.options)
    options = [v for v in question.options if v != NONE_OF_THESE]
    found = [[NONE_OF_THESE]] + [[v] for v in options]
    if question.pairs:
        found += [[a, b] for i, a in enumerate(options) for b in options[i + 1:]]
    return found


def paths(tool: Tool) -> list[dict]:
    """Every answer path from the first question to a result, in a stable order, as
    {"tool", "answers", "result"} with the id of the finding that leads the result."""
    found: list[dict] = []
    walk(tool, lambda answers, facts: found.append(
        {"tool": tool.id, "answers": dict(answers), "result": lead(tool, facts)}))
    return found


def walk(tool: Tool, visit: Callable[[dict, Facts], Any], answers: dict | None = None, start: int = 0):
    """Call `visit(answers, facts)` at the end of every path that follows `answers`, depth first.

    At a question, returns {"question", "branches": one per answer walked}; at the end of a path,
    what `visit` returned. The static checks fold this tree to find questions that change nothing."""
    answers = answers or {}
    index = next_question(tool, answers, start)
    if index is None:
        return visit(answers, Facts(tool, answers))
    question = tool.questions[index]
    return {"question": question.id,
            "branches": [walk(tool, visit, {**answers, question.id: value}, index + 1)
                         for value in candidates(question)]}


_RANK = {u: n for n, u in enumerate(URGENCIES)}


def found_findings(tool: Tool, facts: Facts) -> list[Finding]:
    """The findings the facts support, most urgent first (then in the order declared)."""
    return facts.findings()


def lead(tool: Tool, facts: Facts) -> str:
    found = found_findings(tool, facts)
    if not found:  # the static checks make every tool end in at least one finding
        raise DecisionToolError(f"{tool.id}: no finding fits the answers {dict(facts.answers)}")
    return found[0].id
