"""Should I respond, ignore it, hide it or block them?

Threats and abuse first: never engage, record and report. Then what kind of post it is; for a
reply, how you feel right now and who else is watching. Each result recommends one course and
says what it costs (muting is silent; blocking can be seen).
"""

from __future__ import annotations

from .. import law
from ..engine import ONE_OF, YES_NO, Extra, Go, Link, Option, Outcome, Question, Tool

QUESTIONS = (
    Question("threat", "Does it threaten you, or is it abusive or intimidating?", YES_NO,
             hint="If you are in danger right now, call 999.",
             next=(Go("record-and-report", ("yes",)), Go("kind"))),
    Question("kind", "Which is it most like?", ONE_OF, (
        Option("complaint", "A complaint about a council service"),
        Option("misinformation", "Something untrue or misleading about you or the council"),
        Option("criticism", "Criticism of your views or decisions"),
        Option("troll", "Someone trying to provoke you or start an argument"),
        Option("pile_on", "Lots of people posting at you at once"),
    ), next=(Go("own_page", ("troll",)), Go("pile-on", ("pile_on",)), Go("feeling"))),
    Question("own_page", "Is it on your own page, group or account, where you can hide or delete comments?", YES_NO,
             next="persists"),
    Question("persists", "Has it carried on after you ignored it?", YES_NO,
             next=(Go("mute-or-block", ("yes",)),
                   Go("hide-or-delete", when="No, and it is on your own page", test=lambda a: a["own_page"] == "yes"),
                   Go("ignore", when="No, and it is somewhere else"))),
    Question("feeling", "How do you feel right now?", ONE_OF, (
        Option("calm", "Calm and clear-headed"),
        Option("upset", "Upset, angry or tired"),
        Option("frightened", "Frightened or worried for my safety"),
    ), next=(Go("record-and-report", ("frightened",)), Go("wait-first", ("upset",)), Go("watching"))),
    Question("watching", "Are many residents, or the local press, likely to see it?", YES_NO,
             hint="Think about who follows the page or thread, not only the person who posted.",
             next=(Go("pass-to-officers", when="It is a complaint about a council service",
                      test=lambda a: a["kind"] == "complaint"),
                   Go("correct-once", when="It is untrue or misleading", test=lambda a: a["kind"] == "misinformation"),
                   Go("reply-once", ("yes",)),
                   Go("leave-it", when="No"))),
)

_SCREENSHOT = "Take a screenshot first, showing the date, time and who posted it."

OUTCOMES = (
    Outcome("record-and-report", "Do not engage: record it and report it",
            "Do not reply to threats or abuse. Keep the evidence and tell people who can act.", "urgent",
            actions=("If you are in danger right now, call 999.",
                     "Do not reply, however tempting.",
                     _SCREENSHOT,
                     "Report it to the platform, and to the police if it threatens you.",
                     "Tell the council so it is on the collective record.",
                     "Then mute or block the account if you need to."),
            contacts=("police-emergency", "police-non-emergency", "member-support"),
            links=(Link("Keep a record", "abuse/first-steps.md", "keep-a-record"),
                   Link("Reporting to platforms", "abuse/reporting-to-platforms.md"),
                   Link("Could this be harassment?", "tools/harassment.md"))),
    Outcome("pass-to-officers", "Reply once and pass it to officers",
            "A service complaint deserves a short, polite reply and a route to someone who can fix it.", "routine",
            actions=("Reply once: thank them, and ask them to send their contact details privately.",
                     "Pass the details to officers and tell the person you have done so.",
                     "Do not discuss their case in public."),
            contacts=("member-support",),
            links=(Link("When to respond", "abuse/respond-ignore-or-block.md", "respond"),)),
    Outcome("correct-once", "Correct the facts once, then step away",
            "Put the correct facts on record once, calmly, with a source. Then leave it.", "routine",
            actions=("Reply once with the correct facts and a link to where people can check them.",
                     "Do not get drawn into a long argument: others can read your reply.",
                     "If it keeps spreading, ask the communications team whether the council should respond."),
            contacts=("communications",),
            links=(Link("Correct the facts", "abuse/misinformation.md", "correct-the-facts"),)),
    Outcome("reply-once", "Reply once, briefly and politely",
            "Criticism is part of public life. A calm reply shows residents you listen.", "routine",
            actions=("Reply once, politely, to the point rather than the person.",
                     "Explain your reasons or where to find more information.",
                     "If they carry on, you do not have to reply again."),
            law=(law.FREE_EXPRESSION,),
            links=(Link("When to respond", "abuse/respond-ignore-or-block.md", "respond"),
                   Link("Criticism or abuse?", "abuse/index.md", "legitimate-challenge"))),
    Outcome("leave-it", "You can leave it",
            "Few people will see it, so a reply may only draw attention to it. You can leave it.", "routine",
            actions=("Leave it for now.",
                     "If you want to reply, do it once, politely."),
            law=(law.FREE_EXPRESSION,),
            links=(Link("Ignoring a post", "abuse/respond-ignore-or-block.md", "ignore"),)),
    Outcome("wait-first", "Wait before you reply",
            "Replying while upset or tired can make things worse. Step away and decide later.", "routine",
            actions=("Do not reply now. Come back to it tomorrow.",
                     "Talk to someone you trust, or to member support.",
                     "If it still needs a reply, reply once, calmly."),
            contacts=("member-support", "wellbeing"),
            links=(Link("Taking a break", "abuse/looking-after-yourself.md", "taking-a-break"),)),
    Outcome("ignore", "Do not feed it: ignore it",
            "People trying to provoke you want a reaction. Ignoring them usually works best.", "routine",
            actions=("Do not reply.", _SCREENSHOT,
                     "If it carries on, mute or block the account."),
            links=(Link("Trolls", "abuse/index.md", "trolls"),
                   Link("Ignoring a post", "abuse/respond-ignore-or-block.md", "ignore"))),
    Outcome("hide-or-delete", "Take a screenshot, then hide or delete it",
            "It is your page: you can remove posts that break your rules.", "routine",
            actions=(_SCREENSHOT,
                     "Hide or delete the comment, following the rules of engagement on your page.",
                     "Do not reply to it."),
            links=(Link("Hide or delete", "abuse/respond-ignore-or-block.md", "hide-or-delete"),
                   Link("Rules of engagement", "social-media/your-own-page.md", "rules-of-engagement"))),
    Outcome("mute-or-block", "Mute them, or block them if you need to",
            "It has carried on, so stop seeing it. Start with muting; block if it continues.", "soon",
            actions=(_SCREENSHOT,
                     "Mute the account: you stop seeing their posts and they are not told.",
                     "If they still reach you, block them.",
                     "Tell the council if it keeps happening."),
            contacts=("member-support",),
            links=(Link("Muting", "abuse/respond-ignore-or-block.md", "mute"),
                   Link("Blocking", "abuse/respond-ignore-or-block.md", "block"))),
    Outcome("pile-on", "Step back: do not reply to each post",
            "A pile-on can feel overwhelming. Replying feeds it; stepping back and getting help works better.",
            "soon",
            actions=("Do not reply to each post.",
                     _SCREENSHOT,
                     "Turn off notifications or mute the thread for a while.",
                     "Report any threats to the platform and the police.",
                     "Tell the council and the communications team."),
            contacts=("member-support", "communications", "police-non-emergency", "wellbeing"),
            links=(Link("Pile-ons", "abuse/index.md", "pile-ons"),
                   Link("Taking a break", "abuse/looking-after-yourself.md", "taking-a-break"))),
)

# The recommended course for each result, and what it costs.
_COURSES = {
    "record-and-report": ("Do not engage; record and report",
                          ("Replying can escalate threats and may be used against you.",
                           "A report only works with evidence, so screenshot before you block.")),
    "pass-to-officers": ("Reply once and pass it on",
                         ("A reply shows you take it seriously; the detail belongs with officers, not in public.",)),
    "correct-once": ("Correct the facts once",
                     ("Silence can let a false story spread; a long argument spreads it further.",)),
    "reply-once": ("Reply once",
                   ("A reply shows you listen; more than one can turn into a public argument.",)),
    "leave-it": ("Leave it",
                 ("Ignoring it means it stays up unanswered, but few people will see it.",)),
    "wait-first": ("Wait",
                   ("A late reply is better than one you regret.",)),
    "ignore": ("Ignore it",
               ("Ignoring gives them nothing to react to, but the post stays up.",
                "Muting is silent: they are not told. Blocking can be seen, and they may say you avoid scrutiny.")),
    "hide-or-delete": ("Hide or delete it",
                       ("Hiding keeps the post from others; deleting removes it, and the author may notice.",
                        "Keep your screenshot: once deleted, the evidence is gone.")),
    "mute-or-block": ("Mute, then block if needed",
                      ("Muting is silent: they are not told, and you can unmute later.",
                       "Blocking stops them contacting you, but they can see it and may say you are avoiding "
                       "scrutiny. That is often a small price, and easy to answer.")),
    "pile-on": ("Step back",
                ("Stepping back lets it burn out; each reply can bring in more people.",)),
}


def explain(outcome_id: str, answers) -> Extra:
    course, trade_offs = _COURSES[outcome_id]
    why = []
    if outcome_id == "record-and-report":
        why.append("Threats and abuse are never worth engaging with: record and report them.")
    if answers.get("watching") == "yes":
        why.append("Many people may see it, so a calm public reply can help them, not only the person who posted.")
    return Extra(why=tuple(why), fields={"recommended": course, "trade_offs": list(trade_offs)})


TOOL = Tool("respond", "Should I respond, ignore it, hide it or block them?",
            "Answer a few questions to decide how to deal with a post or message, and what each choice costs.",
            first="threat", questions=QUESTIONS, outcomes=OUTCOMES, explain=explain,
            notes=(law.YOUR_SENSE_COUNTS, "Platform menus change: the platform's help centre has the current "
                   "steps for muting, blocking and reporting.", law.NOT_LEGAL_ADVICE, law.LAST_CHECKED))
