"""Could this be harassment, or another offence? (walking skeleton: grown by the engine issue)"""

from ..engine import YES_NO, Go, LawRef, Link, Outcome, Question, Tool

QUESTIONS = (
    Question("danger", "Are you, or is anyone else, in danger right now?", YES_NO,
             hint="For example, someone is outside your home, or has said they are on their way.",
             next=(Go("call-999", ("yes",)), Go("threat_to_kill"))),
    Question("threat_to_kill", "Has someone threatened to kill you or seriously hurt you?", YES_NO,
             next=(Go("threat", ("yes",)), Go("keep-a-record"))),
)

THREATENING_COMMUNICATIONS = LawRef(
    "threatening-communications", "Online Safety Act 2023", "section 181",
    "Threatening communications",
    "Sending a message that threatens death or serious harm, meaning the person receiving it to fear it will be carried out.",
    page="law/offences.md", anchor="threats")

OUTCOMES = (
    Outcome("call-999", "Call 999 now", "You may be in danger. Get to a safe place and call the police on 999.",
            "emergency", actions=("Call 999.", "Keep a record of what happened once you are safe."),
            contacts=("police-emergency",), links=(Link("Personal safety", "personal-safety/index.md"),)),
    Outcome("threat", "A threat to kill or seriously harm you is a crime",
            "Report it to the police now, and tell the council.", "urgent",
            actions=("Report it to the police.", "Keep the message: take a screenshot.", "Tell the council."),
            law=(THREATENING_COMMUNICATIONS,),
            contacts=("police-non-emergency", "member-support"),
            links=(Link("The law on threats", "law/offences.md", "threats"),)),
    Outcome("keep-a-record", "Keep a record and talk to the council",
            "It may still be serious. Keep a record of each incident and tell the council.", "soon",
            actions=("Keep a record of each incident.", "Tell the council."),
            contacts=("member-support",),
            links=(Link("First steps", "abuse/first-steps.md", "keep-a-record"),)),
)



TOOL = Tool("harassment", "Could this be harassment, or another offence?",
            "Answer a few questions about what happened to see which laws may apply and what to do next.",
            first="danger", questions=QUESTIONS, outcomes=OUTCOMES)
