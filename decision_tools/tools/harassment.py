"""Could this be harassment, or another offence?

Danger first. Then what happened: a threat to kill or seriously harm goes straight to the police;
civil criticism alone is part of public life. Everything else is weighed against the six steps
from Dowson v Chief Constable of Northumbria Police [2010] EWHC 2612 (QB), asking only what is
still needed: once a step is clearly not met, the tool stops asking about harassment and
looks at how it reached you, which decides the other offences that may apply.
"""

from __future__ import annotations

from .. import law
from ..engine import ANY_OF, ONE_OF, YES_NO, Extra, Go, Link, Option, Outcome, Question, Tool

_SURE = (Option("yes", "Yes"), Option("no", "No"), Option("not_sure", "I'm not sure"))

# Options that may be an offence on their own, whether or not they happen again.
_OFFENCE_ON_ITS_OWN = ("threat_property", "offensive", "false", "in_person", "hostility", "hacking", "witness")

QUESTIONS = (
    Question("danger", "Are you, or is anyone else, in danger right now?", YES_NO,
             hint="For example, someone is outside your home, or has said they are on their way.",
             next=(Go("call-999", ("yes",)), Go("what_happened"))),
    Question("what_happened", "What has happened? Choose all that apply.", ANY_OF, (
        Option("threat_kill", "Someone threatened to kill you or someone close to you"),
        Option("threat_harm", "Someone threatened serious violence, rape or sexual assault"),
        Option("threat_property", "Someone threatened to damage your home, car or other property"),
        Option("offensive", "A message that is indecent, grossly offensive, obscene or menacing"),
        Option("false", "Someone sent or posted things they know are false, to hurt you"),
        Option("repeated", "Repeated contact you do not want, or being followed or watched"),
        Option("in_person", "Abuse in person, or on banners or placards"),
        Option("hostility", "Hostility about your race, religion, disability, sexuality or transgender identity"),
        Option("hacking", "Someone got into your account, phone or computer without permission"),
        Option("witness", "Pressure to stop you giving evidence or helping the police"),
        Option("criticism", "Strong criticism of your decisions or views, made politely"),
        Option("none", "None of these"),
    ), hint="Choose every one that fits, even if you are not sure how serious it is.",
        next=(Go("threat-to-kill-or-harm", ("threat_kill", "threat_harm")),
              Go("criticism", ("criticism",), only=True),
              Go("occasions", _OFFENCE_ON_ITS_OWN),
              Go("occasions"))),
    Question("occasions", "How many times has it happened?", ONE_OF, (
        Option("once", "Once"),
        Option("more", "Two or more times", hint="Count each message, call, post, letter or visit."),
    ), hint="Harassment needs conduct on at least two occasions. Other offences can happen in one go.",
        next=(Go("channel", ("once",)), Go("targeted"))),
    Question("targeted", "Was it aimed at you?", ONE_OF, _SURE,
             hint="For example, sent to you, or about you by name, rather than about the council in general.",
             next=(Go("others", ("no",)), Go("alarm"))),
    Question("alarm", "Would most people find it alarming or distressing?", ONE_OF, _SURE,
             hint="The law asks how a reasonable person would see it. How you feel matters too.",
             next=(Go("others", ("no",)), Go("oppressive"))),
    Question("oppressive", "Which is closer to how it has been?", ONE_OF, (
        Option("torment", "It has gone past rudeness: it feels oppressive and hard to escape"),
        Option("rude", "It is rude or unpleasant, but no worse than that"),
        Option("not_sure", "I'm not sure"),
    ), next=(Go("others", ("rude",)), Go("fear"))),
    Question("fear", "On at least two of those times, did it make you fear that violence would be used against you?",
             YES_NO, next="others"),
    Question("others", "Is the same person or group also targeting other councillors or council officers?", YES_NO,
             hint="If so, the council may be able to go to court in its own name.", next="channel"),
    Question("channel", "How did it reach you? Choose all that apply.", ANY_OF, (
        Option("online", "Social media, a website or a blog"),
        Option("message", "Email, text or direct message"),
        Option("phone", "Phone calls or voicemail"),
        Option("letter", "Letters, cards or notes"),
        Option("in_person", "In person, at a meeting or event, or on banners or placards"),
        Option("home", "At or outside your home"),
        Option("none", "Another way"),
    ), next=(
        Go("course-of-conduct", when="It happened two or more times, and the harassment tests are met or may be met",
           test=lambda a: _may_be_harassment(a)),
        Go("offence-may-apply", when="What happened may be an offence on its own, or it was repeated calls or "
                                     "messages, or it happened at your home more than once",
           test=lambda a: _offence_on_its_own(a)),
        Go("keep-a-record", when="Otherwise: not harassment or another offence on these answers"))),
)

_RECORD = ("Keep a dated record of each incident: screenshots showing the sender, date and time, saved "
           "emails and letters, and notes of calls and visits.")
_TELL_COUNCIL = ("Tell the council (member support or the monitoring officer), so it is on the council's "
                 "collective record and the register of potentially violent persons can be checked.")

OUTCOMES = (
    Outcome("call-999", "Call 999 now",
            "You may be in danger. Get to a safe place and call the police on 999.", "emergency",
            actions=("Call 999. Say you are a councillor if you think it is linked to your role.",
                     "Get to a safe place and stay there until help arrives.",
                     "Once you are safe, write down what happened and keep any messages.",
                     "Tell the council as soon as you can, so it can support you and add this to its records."),
            contacts=("police-emergency", "member-support"),
            links=(Link("Be safe first", "abuse/first-steps.md", "be-safe"),
                   Link("Personal safety", "personal-safety/index.md"))),
    Outcome("threat-to-kill-or-harm", "A threat to kill or seriously harm you is a crime: report it",
            "Threats of death or serious harm are crimes. Report this to the police today, and tell the council.",
            "urgent",
            actions=("If you think the threat could be carried out soon, call 999 now. Otherwise report it to "
                     "the police on 101 today.",
                     "Do not reply to the person who made the threat.",
                     _RECORD,
                     _TELL_COUNCIL,
                     "Think again about your safety at home and when you travel, and ask the police for advice."),
            law=(law.THREATENING_COMMUNICATIONS,),
            contacts=("police-emergency", "police-non-emergency", "police-liaison", "member-support",
                      "monitoring-officer", "wellbeing"),
            links=(Link("The law on threats", "law/offences.md", "threats"),
                   Link("Keep a record", "abuse/first-steps.md", "keep-a-record"),
                   Link("Working with the police", "law/working-with-the-police.md"),
                   Link("Keeping your home safe", "personal-safety/at-home.md", "home-security"))),
    Outcome("criticism", "This sounds like strong criticism, which the law protects",
            "Polite criticism of a councillor's decisions or views is part of public life, not an offence. "
            "You can still ask for support if it is wearing you down.", "routine",
            actions=("You do not have to reply. If you do, reply once, calmly, with the facts.",
                     "If it is a complaint about a council service, pass it to officers to deal with.",
                     "Keep a note in case the tone changes.",
                     "If it starts to feel intimidating, use this tool again and talk to the council."),
            law=(law.FREE_EXPRESSION,),
            contacts=("member-support", "communications"),
            links=(Link("Criticism or abuse?", "abuse/index.md", "legitimate-challenge"),
                   Link("Freedom of expression", "law/freedom-of-expression.md", "article-10"),
                   Link("Respond, ignore or block", "abuse/respond-ignore-or-block.md", "respond"))),
    Outcome("course-of-conduct", "This may be harassment: report it to the police",
            "It has happened more than once and, from your answers, the tests for harassment are met or may "
            "be met. Harassment is a crime, and you can also take it to a civil court.", "urgent",
            actions=("Report it to the police on 101, or call 999 if you feel in danger.",
                     _RECORD,
                     _TELL_COUNCIL,
                     "Ask the police about a restraining order, and the council's legal team about a civil injunction.",
                     "Look after yourself: talk to someone you trust or the council's wellbeing service."),
            law=(law.HARASSMENT, law.HARASSMENT_CIVIL, law.RESTRAINING_ORDER),
            contacts=("police-non-emergency", "police-liaison", "member-support", "monitoring-officer",
                      "legal-services", "wellbeing"),
            links=(Link("A course of conduct", "law/harassment.md", "course-of-conduct"),
                   Link("The six tests for harassment", "law/harassment.md", "dowson-steps"),
                   Link("Keep a record", "abuse/first-steps.md", "keep-a-record"),
                   Link("Working with the police", "law/working-with-the-police.md"))),
    Outcome("offence-may-apply", "An offence may have been committed: report it to the police",
            "What you describe may be a crime on its own, whether or not it adds up to harassment.", "soon",
            actions=("Report it to the police on 101, or call 999 if you feel in danger. Show them your "
                     "evidence and the offences listed here.",
                     _RECORD,
                     _TELL_COUNCIL,
                     "If it happens again, use this tool again: two or more incidents can add up to harassment."),
            contacts=("police-non-emergency", "police-liaison", "member-support", "wellbeing"),
            links=(Link("Intimidation offences", "law/offences.md", "offences-table"),
                   Link("Keep a record", "abuse/first-steps.md", "keep-a-record"),
                   Link("Working with the police", "law/working-with-the-police.md"))),
    Outcome("keep-a-record", "Keep a record and tell the council",
            "From your answers this does not yet look like harassment or another offence. It may still "
            "matter a great deal to you, and a record will show a pattern if it goes on.", "soon",
            actions=(_RECORD,
                     _TELL_COUNCIL,
                     "If it happens again, use this tool again: two or more incidents can add up to harassment.",
                     "If you feel intimidated, report it to the police anyway: you do not have to be sure it is a crime."),
            contacts=("member-support", "police-non-emergency", "wellbeing"),
            links=(Link("First steps", "abuse/first-steps.md", "keep-a-record"),
                   Link("How the law judges it", "law/index.md", "reasonableness"),
                   Link("Your reaction counts", "law/index.md", "your-reaction-counts"))),
)


def _chosen(answers, *options) -> bool:
    return any(v in options for v in answers.get("what_happened", ()))


def _via(answers, *channels) -> bool:
    return any(v in channels for v in answers.get("channel", ()))


def _offence_on_its_own(answers) -> bool:
    repeated = answers.get("occasions") == "more" or answers.get("others") == "yes"
    return (_chosen(answers, *_OFFENCE_ON_ITS_OWN)
            or (answers.get("occasions") == "more" and _chosen(answers, "repeated")
                and _via(answers, "online", "message", "phone"))
            or (repeated and _via(answers, "home")))


def _may_be_harassment(answers) -> bool:
    """Steps 1 to 4 met or not known: the tool stops asking once one is clearly not met."""
    return ("fear" in answers) and answers.get("occasions") == "more"


# -- the six Dowson steps ---------------------------------------------------------------------

_STEPS = (
    "There must be conduct which occurs on at least two occasions",
    "Which is targeted at the individual",
    "Which is calculated in an objective sense to cause alarm or distress",
    "Which is objectively judged to be oppressive and unacceptable",
    "What is oppressive and unacceptable may depend on the social or working context in which the conduct occurs",
    "A line is to be drawn between conduct which is unattractive and unreasonable, and conduct which has been "
    "described in various ways such as \u201ctorment\u201d of the victim, \u201cof an order which would sustain "
    "criminal liability\u201d",
)

_NOT_ASKED = "The tool did not need to ask about this, so it is not known."


def _step(answers, qid, met, not_met, unknown, met_values=("yes",), not_met_values=("no",)):
    value = answers.get(qid)
    if value in met_values:
        return "met", met
    if value in not_met_values:
        return "not met", not_met
    return "not known", unknown if value is not None else _NOT_ASKED


def _dowson(answers) -> list[dict]:
    criticism_only = answers.get("what_happened") == ["criticism"]
    statuses = [
        _step(answers, "occasions", "You said it has happened two or more times.",
              "You said it has happened once. Harassment needs conduct on at least two occasions.",
              "", ("more",), ("once",)),
        _step(answers, "targeted", "You said it was aimed at you.", "You said it was not aimed at you.",
              "You were not sure it was aimed at you."),
        _step(answers, "alarm", "You said most people would find it alarming or distressing.",
              "You said most people would not find it alarming or distressing.",
              "You were not sure most people would find it alarming or distressing."),
        _step(answers, "oppressive", "You said it has gone past rudeness and feels oppressive.",
              "You said it is rude or unpleasant, but no worse.",
              "You were not sure whether it is oppressive.", ("torment",), ("rude",)),
    ]
    # Step 5: councillors are expected to accept robust debate, so the working context raises the bar.
    if criticism_only:
        statuses.append(("not met", "Polite criticism is part of a councillor's working life."))
    else:
        statuses.append(_step(answers, "oppressive",
                              "Even allowing for the robust debate expected in public life, you said it feels oppressive.",
                              "In public life some rudeness is expected, and you said it is no worse than that.",
                              "Councillors are expected to accept more criticism than most people; a court would weigh this.",
                              ("torment",), ("rude",)))
    # Step 6: the line is crossed when it is oppressive and frightening or distressing.
    if answers.get("oppressive") == "torment" and (answers.get("fear") == "yes" or answers.get("alarm") == "yes"):
        statuses.append(("met", "You said it feels oppressive and is alarming or frightening, which points to torment rather than mere unpleasantness."))
    elif answers.get("oppressive") == "rude" or criticism_only:
        statuses.append(("not met", "From your answers it is unpleasant rather than a torment."))
    else:
        statuses.append(("not known", "Where the line falls depends on details only the police or a court can weigh."
                         if "oppressive" in answers else _NOT_ASKED))
    return [{"step": n, "test": "\u201c" + text + "\u201d", "status": status, "because": because}
            for n, (text, (status, because)) in enumerate(zip(_STEPS, statuses), start=1)]


# -- offences that may apply ------------------------------------------------------------------

def _offences(outcome_id: str, answers) -> list:
    found = []
    if outcome_id == "course-of-conduct":
        found.append(law.HARASSMENT)
        if _chosen(answers, "repeated"):
            found.append(law.STALKING)
        if answers.get("fear") == "yes":
            found.append(law.FEAR_OF_VIOLENCE)
        if answers.get("others") == "yes":
            found.append(law.HARASSING_SEVERAL)
    electronic = _via(answers, "online", "message", "phone")
    unknown_channel = "channel" not in answers  # the threat branch does not ask
    if _chosen(answers, "threat_kill"):
        found += [law.THREATS_TO_KILL, law.THREATENING_COMMUNICATIONS]
    if _chosen(answers, "threat_harm"):
        found += [law.THREATENING_COMMUNICATIONS]
        if unknown_channel or _via(answers, "in_person", "home"):
            found.append(law.FEAR_OR_PROVOCATION)
    if _chosen(answers, "threat_property"):
        found.append(law.THREATS_TO_PROPERTY)
    if _chosen(answers, "offensive"):
        if electronic or _via(answers, "letter") or unknown_channel:
            found.append(law.MALICIOUS_COMMUNICATIONS)
        if electronic or unknown_channel:
            found.append(law.IMPROPER_USE)
    if _chosen(answers, "false"):
        found.append(law.FALSE_COMMUNICATIONS)
    if _chosen(answers, "in_person") or (_chosen(answers, "offensive") and _via(answers, "in_person", "home")):
        found += [law.INTENTIONAL_HARASSMENT, law.HARASSMENT_ALARM_DISTRESS]
    if _chosen(answers, "hostility"):
        found += [law.AGGRAVATED_OFFENCES, law.HOSTILITY_IN_SENTENCING, law.STIRRING_UP_HATRED]
    if _chosen(answers, "hacking"):
        found.append(law.COMPUTER_MISUSE)
    if _chosen(answers, "witness"):
        found.append(law.INTIMIDATING_WITNESSES)
    if _via(answers, "home") and (answers.get("others") == "yes" or answers.get("occasions") == "more"):
        found.append(law.HARASSMENT_AT_HOME)
    if answers.get("occasions") == "more" and _chosen(answers, "repeated") and (electronic or unknown_channel):
        found.append(law.PERSISTENT_MISUSE)
    if found and outcome_id != "keep-a-record":
        found.append(law.DISQUALIFICATION)
    if _chosen(answers, "criticism"):
        found.append(law.FREE_EXPRESSION)
    if _chosen(answers, "false"):
        found.append(law.DEFAMATION)
    return found


# -- what to do, by how it reached you and what happened --------------------------------------

def _more_actions(answers) -> tuple[list[str], list[str], list[Link]]:
    actions, contacts, links = [], [], []
    if _via(answers, "online", "message"):
        actions.append("Report the post, message or account to the platform from the post, profile or message "
                       "itself; the platform's help centre has the current steps.")
        links.append(Link("Reporting to platforms", "abuse/reporting-to-platforms.md"))
    if _via(answers, "phone", "letter", "message"):
        links.append(Link("Phone calls, letters and email", "abuse/phone-letters-and-email.md"))
    if _via(answers, "home"):
        actions.append("If people gather outside your home, call the police: they can direct them to leave.")
        links.append(Link("Callers at your home", "personal-safety/at-home.md", "callers-at-home"))
    if _via(answers, "in_person"):
        links.append(Link("Meetings, events and demonstrations", "personal-safety/meetings-and-events.md", "demonstrations"))
    if _chosen(answers, "hostility"):
        actions.append("Report it as a hate incident, even if you are not sure it is a crime.")
        links.append(Link("Reporting hate incidents", "personal-safety/reporting-incidents.md", "hate-incidents"))
    if _chosen(answers, "hacking"):
        actions.append("Change your passwords, turn on two-factor authentication and tell the IT service desk.")
        contacts.append("it-service-desk")
        links.append(Link("If you are hacked", "online-safety/accounts.md", "if-you-are-hacked"))
    if _chosen(answers, "false"):
        actions.append("For false statements about you, keep the evidence and get your own legal advice: the "
                       "council cannot fund a councillor's defamation claim.")
        links.append(Link("False statements about you", "abuse/false-statements.md", "what-to-do"))
    if answers.get("others") == "yes":
        actions.append("Tell the monitoring officer that others are targeted too: the council may be able to "
                       "take action in its own name.")
        contacts += ["monitoring-officer", "legal-services"]
        links.append(Link("When the council can act", "law/harassment.md", "council-acting"))
    return actions, contacts, links


def _why(outcome_id: str, answers) -> list[str]:
    why = []
    if outcome_id == "threat-to-kill-or-harm":
        why.append("A threat to kill is a crime however it is made, and a message threatening death or serious "
                   "harm is a crime under the Online Safety Act 2023.")
    if answers.get("occasions") == "once":
        why.append("Harassment needs conduct on at least two occasions, so one incident is not harassment, "
                   "but it can still be another offence.")
    if outcome_id == "course-of-conduct":
        why.append("Conduct on two or more occasions, aimed at you, that would alarm or distress a reasonable "
                   "person and is oppressive rather than merely rude, may be harassment.")
    for q, value, text in (("targeted", "no", "Harassment must be aimed at the person: you said it was not aimed at you."),
                           ("alarm", "no", "Harassment must be likely to cause alarm or distress: you said most people would not see it that way."),
                           ("oppressive", "rude", "The courts draw a line between conduct that is unpleasant and conduct "
                                                  "that is oppressive: you said it is rude, but no worse.")):
        if answers.get(q) == value:
            why.append(text)
    if outcome_id == "offence-may-apply":
        why.append("Some of what you described can be an offence on its own, even if it happened only once.")
    return why


_NOT_OFFENCES = (law.FREE_EXPRESSION, law.DEFAMATION, law.DISQUALIFICATION, law.HOSTILITY_IN_SENTENCING)


def explain(outcome_id: str, answers) -> Extra:
    actions, contacts, links = _more_actions(answers) if outcome_id != "call-999" else ([], [], [])
    fields = {"dowson": _dowson(answers), "offences": []}
    offences = _offences(outcome_id, answers) if outcome_id != "call-999" else []
    # "offences" lists crimes only: not the civil law, sentencing powers or free speech.
    fields["offences"] = [ref.id for ref in offences if ref not in _NOT_OFFENCES]
    return Extra(why=tuple(_why(outcome_id, answers)), law=tuple(offences), actions=tuple(actions),
                 contacts=tuple(contacts), links=tuple(links), fields=fields)


TOOL = Tool("harassment", "Could this be harassment, or another offence?",
            "Answer a few questions about what happened to see which laws may apply and what to do next.",
            first="danger", questions=QUESTIONS, outcomes=OUTCOMES, explain=explain,
            notes=(law.YOUR_SENSE_COUNTS, law.REASONABLE_PERSON, law.NOT_LEGAL_ADVICE, law.LAST_CHECKED))
