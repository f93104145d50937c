"""Plan a safe surgery, home visit, meeting or event.

The same questions for each kind of visit: company, people nearby, someone who knows where you
are, a way out, a phone, and who you are meeting. Each gap in the plan is a risk flag with the
matching checklist from the personal-safety pages. Someone who has worried you before, or being
alone where no one is near and no one knows where you are, means changing the plan first.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import law
from ..engine import ONE_OF, YES_NO, Extra, Go, Link, Option, Outcome, Question, Tool

_SAFETY = "personal-safety/"
_SURGERY, _HOME, _EVENTS = _SAFETY + "ward-surgeries.md", _SAFETY + "home-visits.md", _SAFETY + "meetings-and-events.md"
_INDEX = _SAFETY + "index.md"

PLAN_LINK = Link("Print your plan and fill it in", "tools/safety-plan.md", "your-plan")

# The lines of the printed plan, filled in by hand on paper: the tool never asks for them, so
# names, times and the code word never exist anywhere but on the paper.
PLAN_LINES = (
    "Date and time",
    "Where I am going (address or venue)",
    "Who I am meeting",
    "Who knows where I am (name and phone)",
    "When I will check in with them",
    "What they will do if I do not check in",
    "Our code word or phrase",
    "The quickest way out",
    "A safe place to go",
)


def _not_visiting_anyone(a):
    return a.get("alone") == "yes" and a.get("others_nearby") == "no" and a.get("someone_knows") == "no"


QUESTIONS = (
    Question("what", "What are you planning?", ONE_OF, (
        Option("surgery", "A ward surgery"),
        Option("home_visit", "A visit to someone's home"),
        Option("meeting", "A meeting, especially one that ends late"),
        Option("event", "A public event, such as a fair or an opening"),
    ), hint="If you are in danger right now, call 999.", next="alone"),
    Question("alone", "Will you be on your own?", YES_NO,
             hint="On your own means no other councillor, officer, helper or friend with you.",
             next=(Go("others_nearby", ("yes",)), Go("someone_knows"))),
    Question("others_nearby", "Will other people be in the building or close by?", YES_NO,
             hint="For example, library staff at the front desk, or people in the next room.",
             next="someone_knows"),
    Question("someone_knows", "Does someone you trust know where you will be and when to expect you back?", YES_NO,
             hint="A partner, friend, relative or colleague.", next="way_out"),
    Question("way_out", "Do you know how you would get out quickly?", YES_NO,
             hint="For example, you can sit nearest the door, and you know where the exits are.", next="phone"),
    Question("phone", "Will you have your phone with you, charged and with signal?", YES_NO, next="visitor"),
    Question("visitor", "Do you know who you will be meeting?", ONE_OF, (
        Option("known", "Yes, I know them and have no worries"),
        Option("new", "No, it is someone I have not met"),
        Option("open", "Anyone can come", hint="For example, a drop-in surgery or a public event."),
        Option("concern", "Someone who has worried or threatened me before may be there"),
    ), next=(Go("change-the-plan", ("concern",)),
             Go("change-the-plan", when="You will be on your own, with no one close by and no one who knows "
                                         "where you are", test=_not_visiting_anyone),
             Go("fill-the-gaps", when="Any other gap in the plan", test=lambda a: bool(_flags(a))),
             Go("ready", when="No gaps in the plan"))),
)


@dataclass(frozen=True)
class _Flag:
    """A risk in the plan: what it is, the checklist that answers it, and where to read more."""

    id: str
    text: str
    checklist: tuple[str, ...]
    links: tuple[Link, ...]


_TELL = Link("Tell someone where you are", _INDEX, "tell-someone")


def _alone(what: str) -> _Flag:
    checklist = {
        "surgery": ("Ask someone to act as a receptionist, or share the surgery with another ward councillor.",),
        "home_visit": ("Ask a colleague to come with you, or meet somewhere neutral such as a library instead.",),
        "meeting": ("Ask a fellow councillor or officer to walk with you to your car, bus stop or station.",
                    "Leave with other people, not on your own."),
        "event": ("Stay near staff, organisers or other councillors.",),
    }[what]
    link = {"surgery": Link("Don't hold surgeries alone", _SURGERY, "not-alone"),
            "home_visit": Link("Should you visit at all?", _HOME, "should-you-visit"),
            "meeting": Link("Meetings that end late", _EVENTS, "meetings"),
            "event": Link("Public events", _EVENTS, "events")}[what]
    return _Flag("alone", "You will be on your own.", checklist, (link,))


def _nobody_near(what: str) -> _Flag:
    if what == "home_visit":
        return _Flag("nobody-near", "No one else will be close by.",
                     ("If you do not need to see the home itself, meet somewhere neutral, such as a library, "
                      "a community centre or a council office.",),
                     (Link("Should you visit at all?", _HOME, "should-you-visit"),))
    return _Flag("nobody-near", "No one else will be in the building or close by.",
                 ("Choose a place where other people are about, such as council premises or a library during "
                  "opening hours.",
                  "Make sure there is a phone or an alarm close to hand."),
                 (Link("Choosing premises", _SURGERY, "premises"),))


_NOBODY_KNOWS = _Flag(
    "nobody-knows", "No one knows where you will be or when to expect you.",
    ("Tell someone you trust where you are going, who you are meeting and when you expect to finish.",
     "Agree what they will do if you do not check in on time.",
     "Agree a code word or phrase that means you need help."),
    (_TELL,))


def _no_way_out(what: str) -> _Flag:
    checklist, link = {
        "surgery": (("Sit nearest the door, with the visitor on the other side of the table.",
                     "Check the quickest way out of the room and the building."),
                    Link("Room layout", _SURGERY, "room-layout")),
        "home_visit": (("Look for other ways out when you arrive.",
                        "Choose an upright chair, which is easier to get up from."),
                       Link("During the visit", _HOME, "during")),
        "meeting": (("Find out where the exits are before the meeting starts.",),
                    Link("Meetings that end late", _EVENTS, "meetings")),
        "event": (("Find out where the exits are when you arrive.",),
                  Link("Public events", _EVENTS, "events")),
    }[what]
    return _Flag("no-way-out", "You do not know how you would get out quickly.",
                 (*checklist, "Pick a safe place to go if something goes wrong."), (link,))


_NO_PHONE = _Flag(
    "no-phone", "You may not be able to call for help.",
    ("Charge your phone, check it has signal where you are going, and keep it with you.",
     "Carry a personal alarm if you have one, where you can reach it quickly."),
    (Link("Plan ahead", _INDEX, "plan-ahead"),))


def _visitor(what: str, visitor: str) -> _Flag | None:
    register = "Ask the council to check its register of potentially violent persons."
    tell_council = Link("Tell the council", "abuse/first-steps.md", "tell-the-council")
    if visitor == "new":
        checklist = (register,)
        if what == "home_visit":
            checklist += ("Call them beforehand to confirm the visit and get a sense of their mood.",)
        return _Flag("new-person", "You will be meeting someone you have not met.", checklist, (tell_council,))
    if visitor == "open":
        return _Flag("anyone-can-come", "Anyone can come, so you cannot know who to expect.",
                     ("Have a helper greet people as they arrive, to get a first sense of their mood.",
                      "Agree with helpers or staff who will call for help, and how."),
                     (Link("An emergency plan", _SURGERY, "emergency-plan"),))
    if visitor == "concern":
        return _Flag("known-concern", "Someone who has worried or threatened you before may be there.",
                     ("Do not meet them on your own.",
                      "Tell member support before you go, so the council can plan with you.",
                      "If they have threatened you, report it to the police."),
                     (Link("Who should I tell?", "tools/report.md"), tell_council))
    return None


def _flags(a) -> list[_Flag]:
    """The risks in the plan, most serious first."""
    what = a["what"]
    found = [_visitor(what, a.get("visitor", "known"))]
    found.append(_alone(what) if a.get("alone") == "yes" else None)
    found.append(_nobody_near(what) if a.get("others_nearby") == "no" else None)
    found.append(_NOBODY_KNOWS if a.get("someone_knows") == "no" else None)
    found.append(_no_way_out(what) if a.get("way_out") == "no" else None)
    found.append(_NO_PHONE if a.get("phone") == "no" else None)
    return [flag for flag in found if flag is not None]


_PRINT = "Print the plan, fill it in by hand, and give a copy to the person who knows where you are."
_CHECK_IN = "Check in when you finish, at the time you agreed."

OUTCOMES = (
    Outcome("change-the-plan", "Change the plan before you go",
            "As planned, you could be with someone who has worried you before, or on your own with no one to "
            "help. Change the plan first, and tell the council.",
            "urgent",
            actions=("If you are in danger right now, call 999.",
                     _PRINT, _CHECK_IN),
            contacts=("member-support", "police-non-emergency", "police-emergency"),
            links=(PLAN_LINK, Link("Checklist: before any public duty", _INDEX, "checklist"))),
    Outcome("fill-the-gaps", "Fill the gaps in your plan first",
            "Your plan has some gaps. Each one has a few simple steps below. Most take minutes.", "soon",
            actions=(_PRINT, _CHECK_IN),
            contacts=("member-support", "police-emergency"),
            links=(PLAN_LINK, Link("Checklist: before any public duty", _INDEX, "checklist"))),
    Outcome("ready", "Your plan covers the basics",
            "You will not be alone or out of reach, you know the way out and who you are meeting. "
            "Run through the checklist and print your plan.", "routine",
            actions=(_PRINT, _CHECK_IN,
                     "If you feel unsafe at any point, leave. You do not need to explain why."),
            contacts=("police-emergency",),
            links=(PLAN_LINK, Link("Checklist: before any public duty", _INDEX, "checklist"),
                   _TELL)),
)


def explain(outcome_id: str, answers) -> Extra:
    flags = _flags(answers)
    checklist = [item for flag in flags for item in flag.checklist]
    why = [f"Risk: {flag.text}" for flag in flags]
    if outcome_id == "change-the-plan" and answers.get("visitor") != "concern":
        why.append("You would be on your own, with no one close by and no one who knows where you are.")
    return Extra(
        why=tuple(why),
        first_actions=tuple(checklist),
        links=tuple(link for flag in flags for link in flag.links),
        fields={"flags": [{"id": f.id, "text": f.text, "checklist": list(f.checklist),
                           "links": [vars(link).copy() for link in f.links]} for f in flags],
                "plan": list(PLAN_LINES)})


TOOL = Tool("safety-plan", "Plan a safe surgery, visit, meeting or event",
            "Answer a few questions about your plan. The tool points out the risks, gives you a checklist "
            "for each one, and a plan to print and fill in by hand.",
            first="what", questions=QUESTIONS, outcomes=OUTCOMES, explain=explain,
            notes=("Trust your instincts: if something feels wrong, leave, and call 999 if you are in danger.",
                   law.NOT_LEGAL_ADVICE, law.LAST_CHECKED))
