"""Plan a safe surgery, home visit, meeting or event (routing and fact rules; words in safety_plan.toml).

The same questions for every kind of plan: company, people nearby, someone who knows where you
are, a way out, a phone, and who you are meeting. Each gap in the plan is a finding whose actions
are its checklist, in the words for that kind of plan where they differ (the `by = "what"` actions
in the content file). Someone who has worried or threatened you before, or being alone with no one
near and no one who knows where you are, means changing the plan first; any other gap means
filling it; no gap, the plan is ready. Where someone who worried you may be there, the kind of
council decides how the police can help: Operation Ford and its Force Elected Official Adviser
for a principal council, the usual routes for a parish, town or community council.

The plan itself (names, places, times, the code word) is never asked for: the reader fills in
the table on the tool's page by hand, and every result links to it.
"""

from __future__ import annotations

from ..engine import ONE_OF, YES_NO, Fact, Facts, Finding, Question, Tool, answer_is

KINDS = ("surgery", "home_visit", "meeting", "event")
VISITORS = ("known", "new", "open", "concern")


def _all_true(*values) -> bool | None:
    """Kleene "and": False if any is False, True if all are True, otherwise not known."""
    return False if False in values else True if all(v is True for v in values) else None


def _visitor(*values: str):
    """True for one of `values`, False for any other answer, None if not yet answered."""
    return answer_is("visitor", values, tuple(v for v in VISITORS if v not in values))


def _nobody_near(f: Facts) -> bool | None:
    """No one else in the building or close by. With company, someone is near by definition."""
    if f.no("alone"):
        return False
    return answer_is("others_nearby", ("no",), ("yes",))(f)


QUESTIONS = (
    Question("what", ONE_OF, KINDS),
    Question("alone", YES_NO),
    Question("others_nearby", YES_NO, ask=lambda f: f.yes("alone")),
    Question("someone_knows", YES_NO),
    Question("way_out", YES_NO),
    Question("phone", YES_NO),
    Question("visitor", ONE_OF, VISITORS),
    # Only where the police come into it: someone who worried or threatened you may be there.
    Question("council", ONE_OF, ("principal", "local"), ask=lambda f: f.yes("known_concern")),
)


FACTS = (
    Fact("alone", answer_is("alone", ("yes",), ("no",))),
    Fact("nobody_near", _nobody_near),
    Fact("nobody_knows", answer_is("someone_knows", ("no",), ("yes",))),
    Fact("no_way_out", answer_is("way_out", ("no",), ("yes",))),
    Fact("no_phone", answer_is("phone", ("no",), ("yes",))),
    Fact("new_person", _visitor("new")),
    Fact("anyone_can_come", _visitor("open")),
    Fact("known_concern", _visitor("concern")),
    Fact("isolated", lambda f: _all_true(f["alone"], f["nobody_near"], f["nobody_knows"])),
    Fact("principal_council", answer_is("council", ("principal",), ("local",))),
    Fact("local_council", answer_is("council", ("local",), ("principal",))),
)

# Each gap in the plan: a finding of its own, with its checklist.
GAPS = ("known-concern", "alone", "nobody-near", "nobody-knows", "no-way-out", "no-phone", "new-person",
        "anyone-can-come")


def _kind(what: str):
    return lambda f: f.answer("what") == what


def _change_the_plan(f: Facts) -> bool:
    return f.yes("known_concern") or f.yes("isolated")


FINDINGS = (
    # Where the plan stands: exactly one of these leads every result.
    Finding("change-the-plan", "urgent", _change_the_plan, ("known_concern", "isolated")),
    Finding("fill-the-gaps", "soon", lambda f: f.found(*GAPS) and not _change_the_plan(f)),
    Finding("ready", "routine", lambda f: not f.found(*GAPS)),
    # The gaps, most serious first.
    Finding("known-concern", "urgent", lambda f: f.yes("known_concern"), ("known_concern",)),
    Finding("alone", "soon", lambda f: f.yes("alone"), ("alone",)),
    Finding("nobody-near", "soon", lambda f: f.yes("nobody_near"), ("nobody_near",)),
    Finding("nobody-knows", "soon", lambda f: f.yes("nobody_knows"), ("nobody_knows",)),
    Finding("no-way-out", "soon", lambda f: f.yes("no_way_out"), ("no_way_out",)),
    Finding("no-phone", "soon", lambda f: f.yes("no_phone"), ("no_phone",)),
    Finding("new-person", "soon", lambda f: f.yes("new_person"), ("new_person",)),
    Finding("anyone-can-come", "soon", lambda f: f.yes("anyone_can_come"), ("anyone_can_come",)),
    # How the police can help where someone who worried you may be there.
    Finding("safety-briefing", "soon", lambda f: f.yes("known_concern") and f.yes("principal_council"),
            ("principal_council",)),
    Finding("local-council-police", "soon", lambda f: f.yes("known_concern") and f.yes("local_council"),
            ("local_council",)),
    # The rest of the checks for this kind of plan, and where to read them.
    Finding("surgery-checks", "routine", _kind("surgery")),
    Finding("home-visit-checks", "routine", _kind("home_visit")),
    Finding("meeting-checks", "routine", _kind("meeting")),
    Finding("event-checks", "routine", _kind("event")),
)


TOOL = Tool("safety-plan", QUESTIONS, FACTS, FINDINGS)
