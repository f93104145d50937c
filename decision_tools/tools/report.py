"""Should I report it, and who to?

Danger first. What happened decides how urgent it is; who it came from and where it happened
decide who else to tell and how. Every result is an ordered list of who to tell, and always
includes keeping a record and telling the council, so the council's collective record and its
register of potentially violent persons stay complete.
"""

from __future__ import annotations

from .. import law
from ..engine import ANY_OF, ONE_OF, YES_NO, Extra, Go, Link, Option, Outcome, Question, Tool

_SERIOUS = ("threat",)
_POLICE_AND_COUNCIL = ("hate", "repeated")

QUESTIONS = (
    Question("danger", "Are you, or is anyone else, in danger right now?", YES_NO,
             hint="For example, someone is outside your home, or has said they are on their way.",
             next=(Go("call-999", ("yes",)), Go("what"))),
    Question("what", "What has happened? Choose all that apply.", ANY_OF, (
        Option("threat", "A threat to kill or hurt you or your family, or to damage your property"),
        Option("hate", "Abuse about your race, religion, disability, sexuality or transgender identity",
               hint="This is a hate incident, even if it is not a crime."),
        Option("repeated", "The same person keeps contacting you or posting about you"),
        Option("false", "False statements about you that could harm your reputation"),
        Option("complaint", "A complaint about a council service"),
        Option("abuse", "Insults or abuse"),
        Option("none", "None of these"),
    ), next=(Go("from", _SERIOUS),
             Go("from", _POLICE_AND_COUNCIL),
             Go("from", ("false",)),
             Go("pass-to-officers", ("complaint",), only=True),
             Go("from"))),
    Question("from", "Who is it from?", ONE_OF, (
        Option("public", "A member of the public"),
        Option("councillor", "Another councillor"),
        Option("officer", "A council officer"),
        Option("anonymous", "I don't know: the sender is anonymous"),
    ), next="where"),
    Question("where", "Where did it happen? Choose all that apply.", ANY_OF, (
        Option("x", "On X (formerly Twitter)"),
        Option("facebook", "On a Facebook page or group"),
        Option("instagram", "On Instagram"),
        Option("other_platform", "On another social media platform"),
        Option("blog", "On a blog or website"),
        Option("email", "By email"),
        Option("letter", "By letter"),
        Option("phone", "By phone"),
        Option("in_person", "In person"),
        Option("home", "At or outside your home"),
        Option("none", "Somewhere else"),
    ), next="wellbeing"),
    Question("wellbeing", "Is this affecting your sleep, your health or how safe you feel?", YES_NO,
             hint="Many councillors feel this way after abuse. Support is there for you.",
             next=(Go("police-now", when="A threat", test=lambda a: _chose(a, *_SERIOUS)),
                   Go("police-and-council", when="Any of: a hate incident, the same person keeps contacting you",
                      test=lambda a: _chose(a, *_POLICE_AND_COUNCIL)),
                   Go("false-statements", when="False statements about you", test=lambda a: _chose(a, "false")),
                   Go("monitoring-officer", when="It came from another councillor",
                      test=lambda a: a.get("from") == "councillor"),
                   Go("tell-the-council"))),
)

_RECORD = "Take screenshots showing the date, time and sender, save emails and letters, and note each call."

OUTCOMES = (
    Outcome("call-999", "Call 999 now", "Your safety comes first. Get to a safe place and call the police on 999.",
            "emergency",
            actions=("Call 999 and tell them what is happening and where you are.",
                     "Once you are safe, keep a record of what happened.",
                     "Tell the council as soon as you can, so it can support you and warn others if needed."),
            contacts=("police-emergency", "member-support"),
            links=(Link("Be safe first", "abuse/first-steps.md", "be-safe"),)),
    Outcome("police-now", "Report it to the police today",
            "Threats are crimes. Tell the police first, then the council.", "urgent",
            actions=("Do not reply to the person who made the threat.",
                     "Think again about your safety at home and when you travel, and ask the police for advice."),
            law=(law.THREATS_TO_KILL, law.THREATENING_COMMUNICATIONS, law.THREATS_TO_PROPERTY),
            contacts=("police-non-emergency", "police-emergency", "police-liaison", "member-support"),
            links=(Link("The law on threats", "law/offences.md", "threats"),
                   Link("Working with the police", "law/working-with-the-police.md"))),
    Outcome("police-and-council", "Report it to the police and the council",
            "Hate incidents and repeated unwanted contact should be reported, even if you are not sure they are crimes.",
            "soon",
            actions=("Do not reply or argue: it can make things worse.",),
            contacts=("police-non-emergency", "police-liaison", "member-support"),
            links=(Link("Reporting hate incidents", "personal-safety/reporting-incidents.md", "hate-incidents"),
                   Link("A course of conduct", "law/harassment.md", "course-of-conduct"))),
    Outcome("false-statements", "Gather the evidence, then ask for it to be taken down",
            "False statements that harm your reputation can be challenged, but the council cannot pay for "
            "you to sue. Start with the evidence.", "soon",
            actions=("Ask the person who posted it to remove it, correct it or apologise. Some people will, "
                     "if it was a mistake.",
                     "If that does not work, or it is part of a campaign, get your own legal advice. The council "
                     "cannot fund a councillor's defamation claim."),
            law=(law.DEFAMATION, law.INDEMNITIES),
            contacts=("member-support", "communications", "political-group"),
            links=(Link("False statements about you", "abuse/false-statements.md", "what-to-do"),
                   Link("Who pays", "abuse/false-statements.md", "funding"),
                   Link("Defamation", "law/defamation.md", "what-defamation-is"))),
    Outcome("monitoring-officer", "Tell the monitoring officer",
            "Abuse from another councillor may break the code of conduct. The monitoring officer deals with that.",
            "soon",
            actions=("Do not reply in public: let the monitoring officer deal with it.",),
            law=(law.CODE_OF_CONDUCT,),
            contacts=("monitoring-officer", "member-support", "political-group"),
            links=(Link("The code of conduct", "social-media/code-of-conduct.md", "principles"),)),
    Outcome("pass-to-officers", "Pass the complaint to officers",
            "A complaint about a council service is for officers to handle. You can help by passing it on.",
            "routine",
            actions=("Ask the person for their contact details, and tell them you are passing it to officers.",),
            contacts=("member-support",),
            links=(Link("Replying to residents", "abuse/respond-ignore-or-block.md", "respond"),)),
    Outcome("tell-the-council", "Keep a record and tell the council",
            "Even if it is not a crime, telling the council helps it see the full picture and support you.",
            "routine",
            actions=("If it happens again or gets worse, use this tool again.",),
            contacts=("member-support",),
            links=(Link("First steps", "abuse/first-steps.md", "tell-the-council"),
                   Link("Respond, ignore or block", "abuse/respond-ignore-or-block.md"))),
)


def _chose(answers, *options) -> bool:
    return any(v in options for v in answers.get("what", ()))


def _at(answers, *places) -> bool:
    return any(v in places for v in answers.get("where", ()))


def _tell(role, who, how):
    return {"role": role, "who": who, "how": how}


_PLATFORM_STEPS = (
    ("x", "X", "Report the post, account or message to X from the post, the profile or the message itself.",
     Link("Reporting to X", "abuse/reporting-to-platforms.md", "x")),
    ("facebook", "The page or group admin, then Facebook",
     "Ask the admin of the page or group to remove it first. If the group itself is abusive, report it to Facebook.",
     Link("Facebook groups", "abuse/reporting-to-platforms.md", "facebook-groups")),
    ("instagram", "Instagram", "Report the post or account from the post or the profile.",
     Link("Reporting to Instagram", "abuse/reporting-to-platforms.md", "instagram")),
    ("other_platform", "The platform", "Report it from the post, profile or message, using the platform's help centre.",
     Link("Other platforms", "abuse/reporting-to-platforms.md", "other-platforms")),
    ("blog", "Your own legal adviser or the police",
     "Blogs have no community standards to report to. Keep screenshots; for threats tell the police, for false "
     "statements get legal advice.",
     Link("Blogs", "abuse/reporting-to-platforms.md", "blogs")),
)


def _tell_list(outcome_id: str, answers) -> list[dict]:
    """Who to tell, in order: safety first, then the record, the council and the rest."""
    tell = []
    if outcome_id == "call-999":
        return [_tell("police-emergency", "The police", "Call 999 now."),
                _tell(None, "Keep a record", "Once you are safe, write down what happened."),
                _tell("member-support", "The council", "Tell member support as soon as you can.")]
    if outcome_id == "police-now":
        tell.append(_tell("police-non-emergency", "The police",
                          "Call 101 today (or 999 if the threat could be carried out soon). Give them your record."))
    if outcome_id == "police-and-council":
        how = "Call 101 or report online."
        if _chose(answers, "hate"):
            how += " Say you think it is a hate incident, even if you are not sure it is a crime."
        tell.append(_tell("police-non-emergency", "The police", how))
    tell.append(_tell(None, "Keep a record", _RECORD))
    for option, who, how, _ in _PLATFORM_STEPS:
        if _at(answers, option):
            tell.append(_tell(None, who, how))
    if _at(answers, "letter", "phone"):
        tell[tell.index(_tell(None, "Keep a record", _RECORD))]["how"] += (
            " Keep letters in a plastic wallet, and note the time and number of each call.")
    if _at(answers, "email"):
        tell.append(_tell("it-service-desk", "The IT service desk", "Ask them to block or filter the sender's emails."))
    if _at(answers, "home", "in_person") and outcome_id not in ("police-now", "police-and-council"):
        tell.append(_tell("police-liaison", "The council's police contact",
                          "Ask for advice on your safety at home and when you meet people."))
    tell.append(_tell("member-support", "The council",
                      "Tell member support, so the council keeps a collective record of incidents and can check "
                      "its register of potentially violent persons."))
    if answers.get("from") in ("councillor", "officer"):
        tell.append(_tell("monitoring-officer", "The monitoring officer",
                          "It came from inside the council: the monitoring officer should know."))
    if outcome_id == "false-statements" or _chose(answers, "false"):
        tell.append(_tell("communications", "The communications team",
                          "Ask whether the council should publish the correct facts."))
    if answers.get("from") == "councillor" or outcome_id == "false-statements":
        tell.append(_tell("political-group", "Your political group", "Let your group leader or whip know."))
    if answers.get("wellbeing") == "yes":
        tell.append(_tell("wellbeing", "Wellbeing and counselling",
                          "Talk to the council's wellbeing service, or call Samaritans on 116 123 at any time."))
    return tell


def explain(outcome_id: str, answers) -> Extra:
    tell = _tell_list(outcome_id, answers)
    # The ordered list comes first; call-999's own actions already are that list.
    actions = [] if outcome_id == "call-999" else [f"{t['who']}: {t['how']}" for t in tell]
    contacts = [t["role"] for t in tell if t["role"]]
    links = [link for option, _, _, link in _PLATFORM_STEPS if _at(answers, option)]
    if _at(answers, "email", "letter", "phone"):
        links.append(Link("Phone calls, letters and email", "abuse/phone-letters-and-email.md"))
    if _at(answers, "home"):
        links.append(Link("Callers at your home", "personal-safety/at-home.md", "callers-at-home"))
    if answers.get("wellbeing") == "yes":
        contacts.append("samaritans")
        links.append(Link("Looking after yourself", "abuse/looking-after-yourself.md", "support"))
    law_refs = []
    if outcome_id == "police-and-council" and _chose(answers, "repeated"):
        law_refs.append(law.HARASSMENT)
    if outcome_id == "police-and-council" and _chose(answers, "hate"):
        law_refs += [law.AGGRAVATED_OFFENCES, law.HOSTILITY_IN_SENTENCING]
    if answers.get("from") == "councillor" and outcome_id != "monitoring-officer":
        law_refs.append(law.CODE_OF_CONDUCT)
    why = []
    if outcome_id == "police-now":
        why.append("Threats to kill, to cause serious harm or to damage property are crimes, so the police come first.")
    if outcome_id == "police-and-council" and _chose(answers, "repeated"):
        why.append("Unwanted contact on two or more occasions can be harassment, which is a crime.")
    if outcome_id == "police-and-council" and _chose(answers, "hate"):
        why.append("Hate incidents should be reported even when they are not crimes: it helps the police see patterns.")
    if outcome_id == "monitoring-officer":
        why.append("Complaints about a councillor's conduct go to the monitoring officer under the code of conduct.")
    return Extra(why=tuple(why), law=tuple(law_refs), first_actions=tuple(actions), contacts=tuple(contacts),
                 links=tuple(links), fields={"tell": tell})


TOOL = Tool("report", "Should I report it, and who to?",
            "Answer a few questions to get an ordered list of who to tell and how.",
            first="danger", questions=QUESTIONS, outcomes=OUTCOMES, explain=explain,
            notes=(law.YOUR_SENSE_COUNTS, law.NOT_LEGAL_ADVICE, law.LAST_CHECKED))
