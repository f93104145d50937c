"""Could this be harassment, or another offence? (routing and fact rules; words in harassment.toml)

Danger first. Then everything that happened, all at once: a threat can also be repeated, a
protest at the home can be a single visit, one letter each can go to three councillors. The
answers become facts; every finding the facts support is in the result, the most urgent first;
every offence is weighed by its elements (decision_tools.law). A question is asked only while a
finding or an offence still needs its answer. The six steps from Dowson v Chief Constable of
Northumbria Police [2010] EWHC 2612 (QB) are worked out from the same facts.
"""

from __future__ import annotations

from ..engine import ANY_OF, ONE_OF, YES_NO, Fact, Facts, Finding, Question, Tool, answer_is, chosen
from ..result import DowsonStep

SURE = ("yes", "no", "not_sure")
THREATS = ("threat_kill", "threat_harm", "threat_property")
# What can happen again, and so may add up to a course of conduct.
CONDUCT = (*THREATS, "offensive", "false", "repeated", "followed", "in_person", "protest_home",
           "home_family", "hostility", "witness", "others", "pressure", "none")
REPEATS = ("repeated",)  # "repeated" says it happened more than once; being followed may be once
NEEDS_CHANNEL = (*THREATS, "offensive", "false", "repeated", "none")
SENT = ("electronic", "letter")
NETWORK = ("electronic",)
FACE_TO_FACE = ("in_person", "home")


def _conduct(f: Facts) -> bool:
    return f.chose("what_happened", *CONDUCT)


def _course_possible(f: Facts) -> bool:
    """The Dowson questions are needed: it happened more than once, to someone it may be aimed at."""
    return f.yes("two_or_more")


QUESTIONS = (
    Question("danger", YES_NO),
    Question("what_happened", ANY_OF, (
        "threat_kill", "threat_harm", "threat_property", "offensive", "false", "repeated", "followed",
        "in_person", "protest_home", "home_family", "hostility", "hacking", "witness", "others", "pressure",
        "criticism", "none"), pairs=True),
    Question("property_serious", ONE_OF, SURE, ask=lambda f: f.chose("what_happened", "threat_property")),
    Question("hostility_about", ANY_OF, ("race_religion", "other", "none"),
             ask=lambda f: f.chose("what_happened", "hostility")),
    Question("channel", ANY_OF, ("electronic", "letter", "in_person", "home", "none"),
             ask=lambda f: f.chose("what_happened", *NEEDS_CHANNEL)),
    Question("immediate", ONE_OF, SURE,
             ask=lambda f: f.yes("threat_violence") and f.yes("in_presence")),
    Question("occasions", ONE_OF, ("once", "more"),
             ask=lambda f: _conduct(f) and not f.chose("what_happened", *REPEATS)),
    Question("targeted", ONE_OF, SURE, ask=_course_possible),
    Question("severity", ONE_OF, ("fear", "oppressive", "alarming", "rude", "not_sure"),
             ask=lambda f: _course_possible(f) and f.maybe("aimed_at_you")),
    Question("council", ONE_OF, ("principal", "local"), ask=lambda f: f.found(*POLICE)),
)


# -- facts ---------------------------------------------------------------------------------

def _any_true(*values) -> bool | None:
    """Kleene "or": True if any is True, False if all are False, otherwise not known."""
    return True if True in values else False if all(v is False for v in values) else None


def _all_true(*values) -> bool | None:
    return False if False in values else True if all(v is True for v in values) else None


def _serious_harm(f: Facts) -> bool | None:
    if not f.answered("what_happened"):
        return None
    if f.chose("what_happened", "threat_kill", "threat_harm"):
        return True  # death, serious injury, rape or assault by penetration
    if f.chose("what_happened", "threat_property"):
        return f["property_endangers_life"]  # a threat to burn a home down is one of serious loss
    return False


def _channel(*ways: str):
    """True if it came one of `ways`, False if the reader said how it came and it was none of them,
    not known if they said "another way" or were not asked."""
    def rule(f: Facts) -> bool | None:
        if not f.answered("channel"):
            return None
        if f.chose("channel", *ways):
            return True
        return None if f.chose("channel", "none") else False
    return rule


def _two_or_more(f: Facts) -> bool | None:
    if f.chose("what_happened", *REPEATS) or f.answer("occasions") == "more":
        return True
    return False if f.answer("occasions") == "once" else None


def _in_presence(f: Facts) -> bool | None:
    if f.chose("what_happened", "in_person", "protest_home"):
        return True
    return _channel(*FACE_TO_FACE)(f)


def _abusive_in_person(f: Facts) -> bool | None:
    if f.chose("what_happened", "in_person"):
        return True
    said_something = _any_true(f["offensive"], f["threat_violence"], f["threat_property"])
    return _all_true(f["in_presence"], said_something)


def _at_home(f: Facts) -> bool | None:
    if f.chose("what_happened", "protest_home"):
        return True
    return _channel("home")(f)


def _severity(yes: tuple[str, ...], no: tuple[str, ...]):
    return answer_is("severity", yes, no)


def _hostility_race_religion(f: Facts) -> bool | None:
    if not f.answered("hostility_about") or f.chose("hostility_about", "none"):
        return None
    return f.chose("hostility_about", "race_religion")


def _only_if(option: str):
    """True when chosen; not known otherwise (leaving it unticked does not rule it out)."""
    return lambda f: True if f.chose("what_happened", option) else None


FACTS = (
    Fact("in_danger", answer_is("danger", ("yes",), ("no",))),
    Fact("threat_kill", chosen("what_happened", "threat_kill")),
    Fact("threat_harm", chosen("what_happened", "threat_harm")),
    Fact("threat_violence", chosen("what_happened", "threat_kill", "threat_harm")),
    Fact("threat_property", chosen("what_happened", "threat_property")),
    Fact("threat_any", chosen("what_happened", *THREATS)),
    Fact("property_endangers_life", answer_is("property_serious", ("yes",), ("no",))),
    Fact("threat_serious_harm", _serious_harm),
    Fact("offensive", chosen("what_happened", "offensive")),
    Fact("false_to_harm", chosen("what_happened", "false")),
    Fact("false_about_you", chosen("what_happened", "false")),
    Fact("unwanted_contact", chosen("what_happened", "repeated")),
    Fact("stalking_acts", _only_if("followed")),
    Fact("home_mentioned", chosen("what_happened", "home_family")),
    Fact("hostility_any", chosen("what_happened", "hostility")),
    Fact("hostility_race_religion", _hostility_race_religion),
    Fact("hacking", chosen("what_happened", "hacking")),
    Fact("witness", chosen("what_happened", "witness")),
    Fact("criticism", _only_if("criticism")),
    Fact("protest_at_home", _only_if("protest_home")),
    Fact("sent_message", _channel(*SENT)),
    Fact("electronic", _channel(*NETWORK)),
    Fact("posted_online", _channel("electronic")),
    Fact("in_presence", _in_presence),
    Fact("threatening_in_person", lambda f: _all_true(f["threat_violence"], f["in_presence"])),
    Fact("abusive_in_person", _abusive_in_person),
    Fact("at_home", _at_home),
    Fact("immediate", answer_is("immediate", ("yes",), ("no",))),
    Fact("two_or_more", _two_or_more),
    Fact("aimed_at_you", answer_is("targeted", ("yes",), ("no",))),
    Fact("alarming", _severity(("fear", "oppressive", "alarming"), ("rude",))),
    Fact("oppressive", _severity(("fear", "oppressive"), ("alarming", "rude"))),
    Fact("beyond_rudeness", _severity(("fear", "oppressive", "alarming"), ("rude",))),
    Fact("feared_violence", _severity(("fear",), ("oppressive", "alarming", "rude"))),
    # Something that could put someone in fear of violence: threats of it, or the fear itself.
    Fact("violence_in_view", lambda f: _any_true(f["feared_violence"], f["threat_violence"])),
    # Meant to change a vote or a decision: hostility to the reader as a councillor.
    Fact("because_of_role", _only_if("pressure")),
    Fact("others_targeted", _only_if("others")),
    Fact("pressure", _only_if("pressure")),
    Fact("principal_council", answer_is("council", ("principal",), ("local",))),
    Fact("local_council", answer_is("council", ("local",), ("principal",))),
)


# -- findings ------------------------------------------------------------------------------

def _listed(*law_ids: str):
    return lambda f: f.listed(*law_ids)


def _chose(*options: str):
    return lambda f: f.chose("what_happened", *options)


FINDINGS = (
    Finding("emergency", "emergency", lambda f: f.yes("in_danger"), ("in_danger",)),
    Finding("threat-to-kill", "urgent", _chose("threat_kill"), ("threat_kill", "sent_message")),
    Finding("threat-of-harm", "urgent", _chose("threat_harm"), ("threat_harm", "sent_message")),
    # A threat to burn a home down is urgent unless the reader is sure no life is at risk.
    Finding("serious-property-threat", "urgent", lambda f: f.yes("threat_property") and f.maybe("property_endangers_life"),
            ("threat_property", "property_endangers_life")),
    Finding("witness", "urgent", _chose("witness"), ("witness",)),
    Finding("stalking", "urgent", _listed("stalking"), ("two_or_more", "stalking_acts")),
    Finding("followed", "urgent", lambda f: f.chose("what_happened", "followed") and not f.listed("stalking"),
            ("stalking_acts", "two_or_more")),
    Finding("fear-of-violence", "urgent", _listed("fear-of-violence"), ("two_or_more", "feared_violence")),
    Finding("protest-at-home", "urgent", _chose("protest_home"), ("protest_at_home", "two_or_more", "pressure")),
    Finding("hacked", "urgent", _chose("hacking"), ("hacking",)),
    Finding("property-threat", "soon", lambda f: f.yes("threat_property") and f.no("property_endangers_life"),
            ("threat_property", "property_endangers_life")),
    Finding("harassment", "soon", _listed("harassment"), ("two_or_more", "aimed_at_you", "alarming", "oppressive")),
    Finding("several-people", "soon", _listed("harassing-several-people"), ("others_targeted", "pressure")),
    Finding("home-and-family", "soon", _chose("home_family"), ("home_mentioned",)),
    Finding("offensive-messages", "soon", _listed("malicious-communications", "improper-use-of-network"),
            ("offensive", "sent_message")),
    Finding("persistent-contact", "soon", _listed("persistent-misuse-of-network"), ("unwanted_contact", "electronic")),
    Finding("false-messages", "soon", _chose("false"), ("false_to_harm", "sent_message")),
    Finding("false-posted-online", "soon", lambda f: f.yes("false_about_you") and f.yes("posted_online"), ("posted_online",)),
    Finding("abuse-in-person", "soon", _listed("fear-or-provocation-of-violence", "intentional-harassment-alarm-distress",
                                               "harassment-alarm-distress"), ("abusive_in_person",)),
    Finding("hate-incident", "soon", _chose("hostility"), ("hostility_any",)),
)

# Findings that send the reader to the police: where they do, Operation Ford is explained.
POLICE = ("threat-to-kill", "threat-of-harm", "serious-property-threat", "property-threat", "witness", "stalking", "followed",
          "fear-of-violence", "protest-at-home", "hacked", "harassment", "several-people", "home-and-family",
          "offensive-messages", "persistent-contact", "false-messages", "abuse-in-person", "hate-incident")
FINDINGS += (
    # Nothing else found (polite criticism aside): keep a record, and come back if it goes on.
    Finding("keep-a-record", "routine",
            lambda f: not f.yes("in_danger") and not f.chose_only("what_happened", "criticism")
            and not f.found(*POLICE), ("two_or_more",)),
    # Advice that goes with the findings above, never leading them.
    Finding("on-a-platform", "routine", lambda f: f.yes("posted_online"), ()),
    Finding("criticism", "routine", _chose("criticism"), ("criticism",)),
    Finding("operation-ford", "routine", lambda f: f.yes("principal_council"), ()),
    Finding("local-council-police", "routine", lambda f: f.no("principal_council"), ()),
)

LAW = ("harassment", "harassing-several-people", "fear-of-violence", "stalking", "threatening-communications",
       "false-communications", "malicious-communications", "improper-use-of-network",
       "persistent-misuse-of-network", "threats-to-kill", "threats-to-damage-property",
       "fear-or-provocation-of-violence", "intentional-harassment-alarm-distress", "harassment-alarm-distress",
       "harassment-at-home", "racially-or-religiously-aggravated", "unauthorised-access", "intimidating-witnesses",
       "hostility-in-sentencing", "disqualification-orders", "harassment-injunction", "restraining-order",
       "police-direction-at-home", "home-protest-offence", "defamation", "website-operator-notice", "indemnities",
       "freedom-of-expression")


# -- the six Dowson steps --------------------------------------------------------------------

def _step(words, n: int, status: str) -> DowsonStep:
    said = words.get("dowson", f"step_{n}")
    reason = {"met": "met", "not met": "not_met", "not known": "unknown"}[status]
    return DowsonStep(n, words.get("dowson", "steps")[n - 1], status, said[reason])


def _status(value: bool | None) -> str:
    return "met" if value is True else "not met" if value is False else "not known"


def dowson(f: Facts, words) -> list[DowsonStep]:
    """The six steps, each from the facts; shown once it is known how often it happened."""
    if f["two_or_more"] is None:
        return []
    steps = [_status(f["two_or_more"]), _status(f["aimed_at_you"]), _status(f["alarming"]), _status(f["oppressive"])]
    # Step 5: in public life robust debate is expected, so the context raises the bar; met when,
    # even so, the reader says it is oppressive.
    steps.append(_status(f["oppressive"]) if f["beyond_rudeness"] is not False else "not met")
    # Step 6: the line is crossed when it is oppressive and alarming or frightening.
    torment = f.yes("oppressive") and (f.yes("alarming") or f.yes("feared_violence"))
    steps.append("met" if torment else "not met" if f.no("beyond_rudeness") else "not known")
    return [_step(words, n, status) for n, status in enumerate(steps, start=1)]


TOOL = Tool("harassment", QUESTIONS, FACTS, FINDINGS, LAW, stop=lambda f: f.yes("in_danger"),
            sections=lambda f, words: {"dowson": dowson(f, words)})
