"""Decision tools for the build-hooks tests: one that passes, and one for each way a tool can
name something that is not there. Built from the engine's own Outcome, Link and LawRef, held
in a minimal tool object (the checks read tools generically: an id and outcomes)."""

from dataclasses import dataclass

from decision_tools.engine import LawRef, Link, Outcome


@dataclass(frozen=True)
class FixtureTool:
    id: str
    outcomes: tuple


HARASSMENT = LawRef("harassment", "Protection from Harassment Act 1997", "sections 1 and 2", "Harassment",
                    "A course of conduct that harasses someone.", page="law/harassment.md", anchor="course-of-conduct")  # <- good law anchor

GOOD = FixtureTool("fixture", (
    Outcome("tell", "Tell the council", "Tell member support.", "soon",
            law=(HARASSMENT,), contacts=("member-support", "police-emergency"),
            links=(Link("Stalking", "law/harassment.md", "stalking"),)),  # <- good link
))

BROKEN_ANCHOR = FixtureTool("fixture-anchor", (
    Outcome("record", "Keep a record", "Keep a record.", "soon", contacts=("member-support",),
            links=(Link("Keep a record", "law/harassment.md", "no-such-heading"),)),  # <- broken anchor
))

BROKEN_PAGE = FixtureTool("fixture-page", (
    Outcome("record", "Keep a record", "Keep a record.", "soon", contacts=("member-support",),
            links=(Link("First steps", "abuse/first-stepz.md"),)),  # <- broken page
))

BROKEN_LAW_ANCHOR = FixtureTool("fixture-law", (
    Outcome("threat", "A threat", "Report it.", "urgent", contacts=("member-support",),
            law=(LawRef("threats", "Online Safety Act 2023", "section 181", "Threatening communications",
                        "A threat.", page="law/harassment.md", anchor="threats"),)),  # <- broken law anchor
))

UNKNOWN_ROLE = FixtureTool("fixture-role", (
    Outcome("tell", "Tell someone", "Tell the council.", "soon",
            contacts=("member-suport",)),  # <- unknown role
))

NEEDS_WELLBEING = FixtureTool("fixture-wellbeing", (
    Outcome("rest", "Look after yourself", "Talk to someone.", "routine",
            contacts=("wellbeing",)),  # <- role the table lacks
))


def line_of(marker: str) -> int:
    """The line of this file that ends with `# <- marker`, for expected messages."""
    with open(__file__, encoding="utf-8") as source:
        for number, text in enumerate(source, start=1):
            if text.rstrip().endswith(f"# <- {marker}"):
                return number
    raise LookupError(marker)
