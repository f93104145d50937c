"""Should I respond, ignore it, hide it or block them? (routing and fact rules; words in respond.toml)

What it is comes first, all at once: a pile-on can include threats, a troll can also spread
something untrue, criticism can come with abuse. Every part keeps its advice, and threats and
abuse lead: never engage, record it, report it to the platform and the police. Then only what a
finding still needs: whether it is on the reader's own page (for trolling and abuse), whether a
troll has carried on, whether many people will see it (for criticism and misinformation), and how
the reader feels right now (anyone upset, angry, tired or frightened is told how to look after
themselves, whatever else they said).

The result weighs each course the situation allows (reply, reply once and move it private,
correct once, ignore, hide or delete, mute, block, report, step back), what each gains and costs,
and marks the recommended ones (`trade_offs`). Its line on blocking follows the guidance page
abuse/respond-ignore-or-block.md ("When to block: the toolkit's rule"): block abuse and threats
straight away, once the evidence is kept, without trying anything else first; mute someone
persistent or unpleasant but not abusive, and block them if they still get through; a blocked
account can still be reported.
"""

from __future__ import annotations

from ..engine import ANY_OF, YES_NO, Fact, Facts, Finding, Question, Tool, answer_is
from ..result import TradeOff

KINDS = ("threat", "abuse", "pile_on", "troll", "complaint", "misinformation", "criticism")
FEELINGS = ("upset", "angry", "tired", "frightened")
HOSTILE = ("threat", "abuse")  # never engage: record and report
PAGE_KINDS = ("troll", "abuse")  # can be hidden or deleted on your own page
AUDIENCE_KINDS = ("criticism", "misinformation")  # how many people will see it changes the advice
REPLY_KINDS = ("complaint", "misinformation", "criticism", "none")  # a reply is one of the choices


def _kind(*options: str):
    return lambda f: f.chose("what_is_it", *options)


QUESTIONS = (
    Question("what_is_it", ANY_OF, (*KINDS, "none"), pairs=True),
    Question("own_page", YES_NO, ask=_kind(*PAGE_KINDS)),
    # Only for a troll (abuse and threats are blocked at once), and only where it changes the
    # advice: muting, for a troll with no abuse or threats; ignoring, off the reader's own page.
    Question("persists", YES_NO, ask=lambda f: f.chose("what_is_it", "troll") and (
        not f.chose("what_is_it", *HOSTILE) or f.no("own_page"))),
    Question("watching", YES_NO, ask=_kind(*AUDIENCE_KINDS)),
    Question("feeling", ANY_OF, (*FEELINGS, "none")),
)


# -- facts ---------------------------------------------------------------------------------

def _only_if(qid: str, option: str):
    """True when chosen; not known otherwise (leaving a box unticked does not rule it out)."""
    return lambda f: True if f.chose(qid, option) else None


def _distressed(f: Facts) -> bool | None:
    if not f.answered("feeling"):
        return None
    return f.chose("feeling", *FEELINGS)


FACTS = (
    *(Fact(kind, _only_if("what_is_it", kind)) for kind in KINDS),
    Fact("own_page", answer_is("own_page", ("yes",), ("no",))),
    Fact("persists", answer_is("persists", ("yes",), ("no",))),
    Fact("many_watching", answer_is("watching", ("yes",), ("no",))),
    *(Fact(feeling, _only_if("feeling", feeling)) for feeling in FEELINGS),
    Fact("distressed", _distressed),
)


# -- findings ------------------------------------------------------------------------------

def _hostile(f: Facts) -> bool:
    return f.chose("what_is_it", *HOSTILE)


FINDINGS = (
    # Threats and abuse lead: never engage; record it; report it to the platform and the police.
    Finding("threats", "urgent", _kind("threat"), ("threat",)),
    Finding("abuse", "soon", _kind("abuse"), ("abuse",)),
    Finding("frightened", "soon", lambda f: f.yes("frightened"), ("frightened",)),
    Finding("pile-on", "soon", _kind("pile_on"), ("pile_on",)),
    # Abuse and threats are blocked straight away, once the evidence is kept; a troll who carries
    # on is muted, and blocked only if they still get through.
    Finding("block", "soon", _hostile, ("abuse", "threat")),
    Finding("mute", "soon", lambda f: f.yes("persists") and f.chose("what_is_it", "troll") and not _hostile(f),
            ("persists", "troll")),
    Finding("hide-or-delete", "routine", lambda f: f.yes("own_page"), ("own_page",)),
    Finding("ignore", "routine", lambda f: f.chose("what_is_it", "troll") and f.no("persists") and f.no("own_page"),
            ("troll", "own_page", "persists")),
    Finding("complaint", "routine", _kind("complaint"), ("complaint",)),
    Finding("correct-once", "routine", lambda f: f.chose("what_is_it", "misinformation") and f.yes("many_watching"),
            ("misinformation", "many_watching")),
    Finding("dont-amplify", "routine", lambda f: f.chose("what_is_it", "misinformation") and f.no("many_watching"),
            ("misinformation", "many_watching")),
    Finding("reply-once", "routine", lambda f: f.chose("what_is_it", "criticism") and f.yes("many_watching"),
            ("criticism", "many_watching")),
    Finding("leave-it", "routine", lambda f: f.chose("what_is_it", "criticism") and f.no("many_watching"),
            ("criticism", "many_watching")),
    Finding("wait-first", "routine", lambda f: f.yes("distressed") and f.chose("what_is_it", *REPLY_KINDS),
            ("upset", "angry", "tired", "frightened")),
    Finding("look-after-yourself", "routine", lambda f: f.yes("distressed"), ("upset", "angry", "tired", "frightened")),
    Finding("how-to-choose", "routine", lambda f: f.chose_only("what_is_it", "none"), ()),
)

LAW = ("freedom-of-expression",)


# -- what each course gains and costs ----------------------------------------------------------

def _weighs(f: Facts, *kinds: str) -> bool:
    return f.chose("what_is_it", *kinds)


# Each course: when the result weighs it, and when it is recommended. In the order shown.
COURSES = (
    ("reply", lambda f: _weighs(f, "threat", "abuse", "pile_on", "troll", "complaint", "criticism", "none"),
     lambda f: f.found("reply-once")),
    ("reply_private", lambda f: _weighs(f, "complaint"), lambda f: f.found("complaint")),
    ("correct", lambda f: _weighs(f, "misinformation"), lambda f: f.found("correct-once")),
    ("ignore", lambda f: _weighs(f, "troll", "complaint", "misinformation", "criticism", "none"),
     lambda f: f.found("ignore", "dont-amplify", "leave-it")),
    ("hide_delete", lambda f: f.yes("own_page"), lambda f: f.found("hide-or-delete")),
    ("mute", lambda f: _weighs(f, "threat", "abuse", "pile_on", "troll"), lambda f: f.found("mute")),
    ("block", lambda f: _weighs(f, "threat", "abuse", "troll"), lambda f: f.found("block")),
    ("report", lambda f: _weighs(f, "threat", "abuse", "pile_on", "troll", "misinformation"),
     lambda f: f.found("threats", "abuse", "pile-on")),
    ("step_back", lambda f: _weighs(f, "pile_on", "misinformation", "none") or f.yes("distressed"),
     lambda f: f.found("pile-on", "how-to-choose") or f.yes("distressed")),
)


def trade_offs(f: Facts, words) -> list[TradeOff]:
    """Every course the answers leave open, what it gains and costs, the recommended ones marked."""
    out = []
    for course, weighed, recommended in COURSES:
        if weighed(f):
            said = words.get("trade_offs", course)
            out.append(TradeOff(said["course"], bool(recommended(f)), tuple(said["gains"]), tuple(said["costs"])))
    return out


TOOL = Tool("respond", QUESTIONS, FACTS, FINDINGS, LAW,
            sections=lambda f, words: {"trade_offs": trade_offs(f, words)})
