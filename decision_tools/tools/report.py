"""Should I report it, and who to? (routing and fact rules; words in report.toml)

Danger first. Then the kind of council the reader sits on, because who to tell differs on almost
every result: the clerk is the first contact on a parish, town or community council; code of
conduct complaints go to a monitoring officer in England (the principal council's, for a parish
or town councillor) and to the Public Services Ombudsman for Wales in Wales; Operation Ford
covers principal councillors only. Then everything that happened, all at once (a complaint can
come with abuse, a threat can name the family), who it came from and how it reached the reader.
Every finding whose condition holds is in the result, so each thing the reader ticks keeps its
own advice; the most urgent leads.

This tool does not decide offences in depth: the harassment tool does that, element by element.
It weighs only the law its answers can settle (decision_tools.law), and otherwise links to it.
"""

from __future__ import annotations

from ..engine import ANY_OF, ONE_OF, YES_NO, Fact, Facts, Finding, Question, Tool, answer_is, chosen

PRINCIPAL = ("england_principal", "wales_principal")
LOCAL = ("england_local", "wales_local")
WALES = ("wales_principal", "wales_local")

# What a reader may want to report, as against a complaint about a service, "none of these" or
# how it is affecting them: these need to know who it came from.
REPORTABLE = ("threat", "hate", "abuse", "repeated", "home_family", "false")
# Where the council's register of potentially violent persons belongs: abuse, a threat, hate,
# repeated contact, the home or family named, or a visit to the home. Never a plain complaint.
REGISTER = ("threat", "hate", "abuse", "repeated", "home_family")
OUTSIDE = ("public", "anonymous")  # someone outside the council
ONLINE = ("x", "facebook", "instagram", "other_platform", "blog")
OFFLINE = ("email", "letter", "phone", "in_person", "home")


def _reportable(f: Facts) -> bool:
    return f.chose("what_happened", *REPORTABLE)


QUESTIONS = (
    Question("danger", YES_NO),
    Question("council", ONE_OF, ("england_principal", "england_local", "wales_principal", "wales_local")),
    Question("what_happened", ANY_OF, (*REPORTABLE, "complaint", "affecting", "none"), pairs=True),
    Question("sender", ONE_OF, ("public", "councillor", "officer", "anonymous"), ask=_reportable),
    Question("where", ANY_OF, (*ONLINE, *OFFLINE, "none"), ask=lambda f: f.chose("sender", *OUTSIDE)),
)


# -- facts ---------------------------------------------------------------------------------

def _sender(*who: str):
    """True if it came from one of `who`, False if from someone else the reader named, not known
    if the reader does not know who it is, or was not asked."""
    def rule(f: Facts) -> bool | None:
        if not f.answered("sender") or f.answer("sender") == "anonymous":
            return None
        return f.answer("sender") in who
    return rule


def _posted_online(f: Facts) -> bool | None:
    """True if it was posted on a platform or website; False if it reached the reader only
    another way they named; not known for "somewhere else", or when not asked."""
    if not f.answered("where"):
        return None
    if f.chose("where", *ONLINE):
        return True
    return None if f.chose("where", "none") else False


def _clerk_first(f: Facts) -> bool | None:
    """The clerk is the first contact on a local council, unless the abuse came from an officer:
    there the clerk is usually the officer, so the chair of the council deals with it."""
    local = f["local_council"]
    if local is None:
        return None
    return local and f.answer("sender") != "officer"


def _register_applies(f: Facts) -> bool:
    return f.chose("sender", *OUTSIDE) and (f.chose("what_happened", *REGISTER) or f.chose("where", "home"))


FACTS = (
    Fact("in_danger", answer_is("danger", ("yes",), ("no",))),
    Fact("principal_council", answer_is("council", PRINCIPAL, LOCAL)),
    Fact("local_council", answer_is("council", LOCAL, PRINCIPAL)),
    Fact("in_wales", answer_is("council", WALES, ("england_principal", "england_local"))),
    Fact("clerk_first", _clerk_first),
    Fact("threat", chosen("what_happened", "threat")),
    Fact("hostility_any", chosen("what_happened", "hate")),
    Fact("abuse", chosen("what_happened", "abuse")),
    Fact("unwanted_contact", chosen("what_happened", "repeated")),
    # "The same person or account keeps contacting you or posting about you": two or more times,
    # aimed at the reader. Leaving it unticked says nothing either way.
    Fact("two_or_more", lambda f: True if f.chose("what_happened", "repeated") else None),
    Fact("aimed_at_you", lambda f: True if f.chose("what_happened", "repeated") else None),
    Fact("home_mentioned", chosen("what_happened", "home_family")),
    Fact("false_about_you", chosen("what_happened", "false")),
    Fact("complaint", chosen("what_happened", "complaint")),
    Fact("affected", chosen("what_happened", "affecting")),
    Fact("by_a_councillor", _sender("councillor")),
    Fact("by_an_officer", _sender("officer")),
    Fact("anonymous", lambda f: f.answer("sender") == "anonymous" if f.answered("sender") else None),
    Fact("posted_online", _posted_online),
    Fact("at_home", chosen("where", "home")),
    Fact("register_applies", _register_applies),
)


# -- findings ------------------------------------------------------------------------------

def _chose(*options: str):
    return lambda f: f.chose("what_happened", *options)


def _at(*places: str):
    return lambda f: f.chose("where", *places)


FINDINGS = (
    Finding("emergency", "emergency", lambda f: f.yes("in_danger"), ("in_danger",)),
    Finding("threat", "urgent", _chose("threat"), ("threat",)),
    Finding("home-safety", "soon", lambda f: f.chose("what_happened", "home_family") or f.chose("where", "home"),
            ("home_mentioned", "at_home")),
    Finding("hate-incident", "soon", _chose("hate"), ("hostility_any",)),
    Finding("repeated-contact", "soon", _chose("repeated"), ("unwanted_contact",)),
    Finding("councillor-conduct", "soon", lambda f: f.answer("sender") == "councillor", ("by_a_councillor",)),
    Finding("officer-conduct", "soon", lambda f: f.answer("sender") == "officer", ("by_an_officer",)),
    Finding("false-statements", "soon", _chose("false"), ("false_about_you", "posted_online")),
    Finding("abuse", "routine", _chose("abuse"), ("abuse",)),
    Finding("complaint", "routine", _chose("complaint"), ("complaint",)),
    Finding("wellbeing", "routine", _chose("affecting"), ("affected",)),
    # A record, and the council told, on every result but a plain complaint (passing it to
    # officers is telling the council, and the complaint finding keeps its own note).
    Finding("keep-a-record", "routine",
            lambda f: f.answered("what_happened") and not f.chose_only("what_happened", "complaint"), ()),
    Finding("register", "routine", lambda f: f.yes("register_applies"), ("register_applies", "anonymous")),
    Finding("anonymous", "routine", lambda f: f.yes("anonymous"), ("anonymous",)),
    # How it reached the reader: each platform, website or channel keeps its own steps.
    Finding("on-x", "routine", _at("x"), ()),
    Finding("on-facebook", "routine", _at("facebook"), ()),
    Finding("on-instagram", "routine", _at("instagram"), ()),
    Finding("on-another-platform", "routine", _at("other_platform"), ()),
    Finding("on-a-blog", "routine", _at("blog"), ()),
    Finding("by-email", "routine", _at("email"), ()),
    Finding("by-letter", "routine", _at("letter"), ()),
    Finding("by-phone", "routine", _at("phone"), ()),
    Finding("in-person", "routine", _at("in_person"), ()),
)

# Findings that send the reader to the police: wherever they do, Operation Ford is explained.
POLICE = ("threat", "home-safety", "hate-incident", "repeated-contact")
FINDINGS += (
    Finding("operation-ford", "routine", lambda f: f.yes("principal_council") and f.found(*POLICE),
            ("principal_council",)),
    Finding("local-council-police", "routine", lambda f: f.yes("local_council") and f.found(*POLICE),
            ("local_council",)),
)

# Only what the answers can settle; anything deeper is for the harassment tool.
LAW = ("harassment", "harassment-at-home", "hostility-in-sentencing", "police-direction-at-home", "defamation",
       "website-operator-notice", "indemnities", "code-of-conduct")

TOOL = Tool("report", QUESTIONS, FACTS, FINDINGS, LAW, stop=lambda f: f.yes("in_danger"))
