"""A result, as the first draft of an incident log entry ("Add this to my incident log").

The draft has what the log's form can take: how it reached the reader (one of
decision_tools.incidents.CHANNELS, or "" when the answers do not say), whether it was a threat,
and "what happened": the tool's result and the reader's own answers, which are the key facts. The
reader checks and changes it before saving; nothing is saved without them.
"""

from __future__ import annotations

from . import content
from .incidents import CHANNELS

# How each tool's answers name a way something reached the reader, as the log names it; the
# first that fits is used. Tools that are not about an incident (post, safety-plan) have none.
_CHANNELS = {
    "harassment": (("channel", "letter", "letter"), ("channel", "home", "at_home"), ("channel", "in_person", "in_person"),
                   ("what_happened", "protest_home", "at_home"), ("what_happened", "in_person", "in_person")),
    "report": (("where", "x", "social_media"), ("where", "facebook", "social_media"),
               ("where", "instagram", "social_media"), ("where", "other_platform", "social_media"),
               ("where", "blog", "social_media"), ("where", "email", "email"), ("where", "letter", "letter"),
               ("where", "phone", "phone"), ("where", "in_person", "in_person"), ("where", "home", "at_home")),
    "respond": (("what_is_it", "threat", "social_media"), ("what_is_it", "abuse", "social_media"),
                ("what_is_it", "pile_on", "social_media"), ("what_is_it", "troll", "social_media")),
}
_THREATS = {"harassment": ("what_happened", ("threat_kill", "threat_harm", "threat_property")),
            "report": ("what_happened", ("threat",)),
            "respond": ("what_is_it", ("threat",))}


def _chosen(answers: dict, qid: str) -> list:
    value = answers.get(qid)
    return value if isinstance(value, list) else [value] if value else []


def channel(tool_id: str, answers: dict) -> str:
    for qid, option, name in _CHANNELS.get(tool_id, ()):
        if option in _chosen(answers, qid):
            assert name in CHANNELS
            return name
    return ""


def draft(step: dict) -> dict:
    """The log entry a result suggests: {"what", "channel", "threat"}, for the reader to check."""
    tool_id, result = step["tool"], step["result"]
    answers = {a["question"]: a["answer"] for a in step["answered"]}
    lines = [f"{result['title']} (from the tool \u201c{content.for_tool(tool_id).text('title')}\u201d)"]
    for a in step["answered"]:
        shown = "; ".join(a["answer_text"]) if isinstance(a["answer_text"], list) else a["answer_text"]
        lines.append(f"{a['text']} {shown}")
    qid, threats = _THREATS.get(tool_id, ("", ()))
    return {"what": "\n".join(lines), "channel": channel(tool_id, answers),
            "threat": any(v in threats for v in _chosen(answers, qid))}
