"""Should I post this? (routing and fact rules; words in post.toml)

Every check runs, whatever the answer to the public-meeting test: a post written after a drink
can also attack a family, and a photo of a planning applicant's house raises privacy and, on a
matter the reader will decide, predetermination. Every problem found is in the result, each with
its fix and whether rewording can fix it (`problems`). The result is "go ahead" (no problem),
"change it first" (every problem can be fixed) or "don't post: ask for advice first" (a problem
rewording cannot fix), and each problem names who to ask: the monitoring officer for the code of
conduct, planning, licensing and confidential matters; the communications team for the rest;
democratic services for the pre-election period.

Whether the reader will decide the matter is asked only for a planning or regulatory view or a
photo of someone's home; what kind of council only where it changes the advice (a parish or town
council comments on planning applications rather than deciding them).
"""

from __future__ import annotations

from ..engine import ANY_OF, ONE_OF, YES_NO, Fact, Facts, Finding, Question, Tool, answer_is
from ..result import Problem

CONTENT = ("confidential", "planning", "rumour", "casework", "attack", "person_photo", "others_work",
           "someone_home", "geotag", "location", "election", "unchecked")
STATES = ("tired", "angry", "drink")
REGULATORY = ("planning", "someone_home")  # whether the reader will decide the matter changes the advice
PARISH = "parish-town-community"


QUESTIONS = (
    Question("public_meeting", YES_NO),
    Question("content", ANY_OF, (*CONTENT, "none"), pairs=True),
    Question("decide", ONE_OF, ("yes", "no", "not_sure"), ask=lambda f: f.chose("content", *REGULATORY)),
    Question("council", ONE_OF, ("principal", PARISH),
             ask=lambda f: f.chose("content", "planning") and f.answer("decide") in ("no", "not_sure")),
    Question("state", ANY_OF, (*STATES, "none")),
)


# -- facts ---------------------------------------------------------------------------------

def _only_if(qid: str, *options: str):
    """True when chosen; not known otherwise (leaving a box unticked does not rule it out)."""
    return lambda f: True if f.chose(qid, *options) else None


def _regulatory_view(f: Facts) -> bool | None:
    """A view on (or a photo about) a matter the reader will decide on a regulatory committee."""
    if not f.chose("content", *REGULATORY):
        return None
    return {"yes": True, "no": False}.get(f.answer("decide"))


FACTS = (
    Fact("wont_say_in_public", answer_is("public_meeting", ("no",), ("yes",))),
    *(Fact(option, _only_if("content", option)) for option in CONTENT),
    Fact("posting", lambda f: True if f.answered("content") else None),  # posting or sharing publishes it
    Fact("might_be_untrue", _only_if("content", "rumour")),
    Fact("personal_data", _only_if("content", "casework")),
    Fact("private_life", _only_if("content", "casework", "someone_home")),
    Fact("someone_elses_work", _only_if("content", "others_work")),
    Fact("attacks_people", _only_if("content", "attack")),
    Fact("conduct_risk", _only_if("content", "confidential", "attack")),
    Fact("council_resources", _only_if("content", "election")),
    Fact("regulatory_view", _regulatory_view),
    Fact("unsure_if_deciding", lambda f: True if f.answer("decide") == "not_sure" else None),
    Fact("parish_council", answer_is("council", (PARISH,), ("principal",))),
    *(Fact(state, _only_if("state", state)) for state in STATES),
)


# -- findings ------------------------------------------------------------------------------

def _chose(*options: str):
    return lambda f: f.chose("content", *options)


def _yes(fact_id: str):
    return lambda f: f.yes(fact_id)


# Problems rewording cannot fix: don't post, ask for advice first. Each is a finding and a Problem.
STOP = (
    Finding("confidential", "routine", _chose("confidential"), ("confidential",)),
    Finding("predetermination", "routine", _yes("regulatory_view"), ("planning", "someone_home", "regulatory_view")),
    Finding("decide-first", "routine", _yes("unsure_if_deciding"), ("planning", "someone_home", "unsure_if_deciding")),
    Finding("rumour", "routine", _chose("rumour"), ("might_be_untrue",)),
    Finding("casework", "routine", _chose("casework"), ("personal_data",)),
    Finding("attack", "routine", _chose("attack"), ("attacks_people",)),
)
# Problems the reader can fix: change it first.
FIXABLE = (
    Finding("public-meeting", "routine", _yes("wont_say_in_public"), ("wont_say_in_public",)),
    Finding("person-photo", "routine", _chose("person_photo"), ("person_photo",)),
    Finding("someone-home", "routine", _chose("someone_home"), ("someone_home",)),
    Finding("others-work", "routine", _chose("others_work"), ("someone_elses_work",)),
    Finding("geotag", "routine", _chose("geotag"), ("geotag",)),
    Finding("location", "routine", _chose("location"), ("location",)),
    Finding("election", "routine", _chose("election"), ("council_resources",)),
    Finding("unchecked", "routine", _chose("unchecked"), ("unchecked",)),
    *(Finding(state, "routine", _yes(state), (state,)) for state in STATES),
)
STOP_IDS = tuple(f.id for f in STOP)
FIXABLE_IDS = tuple(f.id for f in FIXABLE)

FINDINGS = (
    # The three results come first, so the one that holds leads.
    Finding("dont-post", "routine", lambda f: f.found(*STOP_IDS), ()),
    Finding("change-it-first", "routine", lambda f: f.found(*FIXABLE_IDS) and not f.found(*STOP_IDS), ()),
    Finding("go-ahead", "routine", lambda f: not f.found(*STOP_IDS, *FIXABLE_IDS), ()),
    *STOP,
    *FIXABLE,
    # Not a problem with the post: on a parish or town council the planning risk is different.
    Finding("parish-comments", "routine",
            lambda f: f.chose("content", "planning") and f.yes("parish_council") and not f.yes("regulatory_view"),
            ("parish_council",)),
)

LAW = ("defamation-when-you-post", "predetermination", "data-protection", "private-life", "copyright", "equality",
       "code-of-conduct-when-you-post", "council-publicity")


# -- each problem, its fix, and whether rewording can fix it ------------------------------------

def problems(f: Facts, words) -> list[Problem]:
    out = []
    for finding in (*STOP, *FIXABLE):
        if f.found(finding.id):
            said = words.get("problems", finding.id)
            out.append(Problem(finding.id, said["problem"], said["fix"], finding.id in STOP_IDS))
    return out


TOOL = Tool("post", QUESTIONS, FACTS, FINDINGS, LAW, sections=lambda f, words: {"problems": problems(f, words)})
