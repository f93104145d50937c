"""Should I post this?

The public-meeting test first. Then problems that mean "don't post: ask for advice first",
problems you can fix, and how you are right now. The result is "go ahead", "change it first"
(each problem with its fix) or "don't post: ask for advice first".
"""

from __future__ import annotations

from .. import law
from ..engine import ANY_OF, YES_NO, Extra, Go, Link, Option, Outcome, Question, Tool

# Each problem: what it is, what to do about it, the law and the page that explain it.
_PROBLEMS = {
    # Stop and ask: posting could break the law or the code of conduct in a way you cannot undo.
    "confidential": ("It shares confidential or exempt information, for example from a closed meeting.",
                     "Do not post it. Ask the monitoring officer what you can say.",
                     (law.CODE_OF_CONDUCT,), Link("Official capacity", "social-media/code-of-conduct.md", "official-capacity")),
    "regulatory": ("It gives your view on a matter you will decide on a planning, licensing or other regulatory committee.",
                   "Do not post it. Ask the monitoring officer before you say anything about the matter.",
                   (law.PREDETERMINATION,), Link("Predetermination", "social-media/planning-and-licensing.md", "predetermination")),
    "untrue": ("It says something about a person that might not be true.",
               "Do not post it. If it is important, check the facts and ask legal services first.",
               (law.DEFAMATION,), Link("Defamation", "social-media/the-law-when-you-post.md", "defamation")),
    "casework": ("It includes a resident's personal details or casework.",
                 "Do not post it. Only share personal data with the person's clear consent.",
                 (law.DATA_PROTECTION, law.PRIVATE_LIFE),
                 Link("Data protection", "social-media/the-law-when-you-post.md", "data-protection")),
    "attack": ("It attacks or insults a person or a group of people.",
               "Do not post it. Criticise ideas and decisions, not people.",
               (law.EQUALITY, law.CODE_OF_CONDUCT), Link("Equality", "social-media/the-law-when-you-post.md", "equality")),
    # Fixable.
    "photos": ("It uses someone else's photo, video or words.",
               "Ask the owner's permission and credit them, or use your own.",
               (law.COPYRIGHT,), Link("Copyright", "social-media/the-law-when-you-post.md", "copyright")),
    "election": ("It is party political and it is the pre-election period, or it uses council resources "
                 "such as council photos, logos or equipment.",
                 "Remove council logos, photos and equipment, post from your own account and device, and check "
                 "the pre-election rules with democratic services.",
                 (law.COUNCIL_PUBLICITY,), Link("Council resources", "social-media/elections.md", "council-resources")),
    "unchecked": ("It shares something you have not checked.",
                  "Check it with a reliable source first, or do not share it.",
                  (), Link("Your responsibilities", "social-media/responsibilities.md", "you-are-the-publisher")),
    "location": ("It shows where you are now, your routine, your home or your family.",
                 "Post it later, once you have left, and take out anything that shows your home or family.",
                 (), Link("Your location", "online-safety/personal-information.md", "location")),
    "tired": ("You are tired.", "Save it as a draft and look at it again after a rest.", (),
              Link("Do's and don'ts", "social-media/dos-and-donts.md", "dont")),
    "angry": ("You are angry or upset.", "Wait until you are calm, then read it again.", (),
              Link("Do's and don'ts", "social-media/dos-and-donts.md", "dont")),
    "drink": ("You have had a drink.", "Wait until tomorrow.", (),
              Link("Do's and don'ts", "social-media/dos-and-donts.md", "dont")),
    "public_meeting": ("You would not be happy to say it at a public meeting.",
                       "Do not post it as it is. If it matters, talk it through with someone you trust first.",
                       (), Link("The public meeting test", "social-media/responsibilities.md", "public-meeting-test")),
}

_STOP = ("confidential", "regulatory", "untrue", "casework", "attack")
_FIX = ("photos", "election", "unchecked", "location")
_STATE = ("tired", "angry", "drink")


def _options(keys, labels) -> tuple[Option, ...]:
    return tuple(Option(k, label) for k, label in zip(keys, labels)) + (Option("none", "None of these"),)


QUESTIONS = (
    Question("public_meeting", "Would you be happy to say this at a public meeting, with the press and your family there?",
             YES_NO, hint="Posting online is like speaking in public, except that it can last for ever.",
             next=(Go("dont-post", ("no",)), Go("serious"))),
    Question("serious", "Does your post do any of these? Choose all that apply.", ANY_OF, _options(_STOP, (
        "Shares confidential or exempt information",
        "Gives a view on something you will decide on a planning, licensing or other regulatory committee",
        "Says something about a person that might not be true",
        "Includes a resident's personal details or casework",
        "Attacks or insults a person or a group of people",
    )), next=(*(Go("dont-post", (problem,)) for problem in _STOP), Go("fixable"))),
    Question("fixable", "Does it do any of these things? Choose all that apply.", ANY_OF, _options(_FIX, (
        "Uses someone else's photo, video or words",
        "Is party political in the pre-election period, or uses council photos, logos or equipment",
        "Shares something you have not checked",
        "Shows where you are now, your routine, your home or your family",
    )), next="state"),
    Question("state", "Right now, are you any of these? Choose all that apply.", ANY_OF, _options(_STATE, (
        "Tired", "Angry or upset", "Had a drink",
    )), hint="Most regretted posts are written late at night or in anger.",
        next=(Go("change-it-first", _STATE),
              Go("change-it-first", when="Your post does any of the things in the previous question",
                 test=lambda a: a["fixable"] != ["none"]),
              Go("go-ahead"))),
)

OUTCOMES = (
    Outcome("go-ahead", "Go ahead",
            "Nothing in your answers suggests a problem. Post it, and be ready for replies.", "routine",
            actions=("Read it once more before you post.",
                     "Remember you are responsible for what you post, share and like.",
                     "Be ready to reply politely, or not at all."),
            links=(Link("Your responsibilities", "social-media/responsibilities.md", "you-are-the-publisher"),
                   Link("The golden rule", "social-media/responsibilities.md", "golden-rule"))),
    Outcome("change-it-first", "Change it first",
            "Your post could cause a problem. Fix each point below, then check again.", "routine",
            actions=("Fix each problem listed, then use this tool again.",),
            links=(Link("Do's and don'ts", "social-media/dos-and-donts.md", "do"),)),
    Outcome("dont-post", "Don't post: ask for advice first",
            "Posting this could break the law or the code of conduct. Ask for advice before you post anything.",
            "routine",
            actions=("Do not post it for now.",
                     "Ask for advice: the monitoring officer for the code of conduct, planning, licensing and "
                     "confidential matters; the communications team for anything else."),
            contacts=("monitoring-officer", "communications", "legal-services"),
            links=(Link("The golden rule", "social-media/responsibilities.md", "golden-rule"),
                   Link("The code of conduct online", "social-media/code-of-conduct.md", "principles"))),
)


def _problems(outcome_id: str, answers) -> list[str]:
    found = ["public_meeting"] if answers.get("public_meeting") == "no" else []
    for qid in ("serious", "fixable", "state"):
        found += [v for v in answers.get(qid, ()) if v in _PROBLEMS]
    return found


def explain(outcome_id: str, answers) -> Extra:
    keys = _problems(outcome_id, answers)
    problems = [{"problem": _PROBLEMS[k][0], "fix": _PROBLEMS[k][1]} for k in keys]
    law_refs = [ref for k in keys for ref in _PROBLEMS[k][2]]
    links = [_PROBLEMS[k][3] for k in keys]
    actions = [f"{p['problem']} {p['fix']}" for p in problems]
    contacts = ["democratic-services"] if "election" in keys else []
    why = []
    if outcome_id == "dont-post" and "public_meeting" in keys:
        why.append("If you would not say it in public, it should not go online: a post is public and can last for ever.")
    if outcome_id == "dont-post" and len(keys) > ("public_meeting" in keys):
        why.append("Some problems cannot be fixed by rewording: they need advice before anything is posted.")
    if outcome_id == "change-it-first":
        why.append("Each problem has a fix; once fixed, the post can go ahead.")
    return Extra(why=tuple(why), law=tuple(law_refs), first_actions=tuple(actions), contacts=tuple(contacts),
                 links=tuple(links), fields={"problems": problems})


TOOL = Tool("post", "Should I post this?",
            "Check a post before it goes out: go ahead, change it first, or ask for advice.",
            first="public_meeting", questions=QUESTIONS, outcomes=OUTCOMES, explain=explain,
            notes=("If you are unsure, do not post: ask first.", law.NOT_LEGAL_ADVICE, law.LAST_CHECKED))
