"""Decision tools for the build-hooks tests: one whose words name only what exists, and one for
each way a tool's words can name something that is not there. Each is a content file in
fixtures/ read with the package's own reader, so messages give its real file and line."""

from pathlib import Path

from build_hooks.references import Source
from decision_tools import content

FIXTURES = Path(__file__).parent / "fixtures"
LAW = content.read_path(FIXTURES / "law.toml", "tests/build_hooks/fixtures/law.toml")


def tool(tool_id: str, name: str, law: tuple[str, ...] = ()) -> Source:
    words = content.read_path(FIXTURES / f"{name}.toml", f"tests/build_hooks/fixtures/{name}.toml")
    return Source(tool_id, words, law, LAW)


GOOD = tool("fixture", "good", ("harassment",))
BROKEN_ANCHOR = tool("fixture-anchor", "broken_anchor")
BROKEN_PAGE = tool("fixture-page", "broken_page")
BROKEN_LAW_ANCHOR = tool("fixture-law", "good", ("threats",))
UNKNOWN_ROLE = tool("fixture-role", "unknown_role")
NEEDS_WELLBEING = tool("fixture-wellbeing", "needs_wellbeing")
OPTIONAL_CLERK = tool("fixture-clerk", "optional_clerk")


def line_of(marker: str, name: str) -> int:
    """The line of fixtures/<name>.toml that ends with `# <- marker`, for expected messages."""
    lines = (FIXTURES / f"{name}.toml").read_text(encoding="utf-8").splitlines()
    return next(n for n, text in enumerate(lines, start=1) if text.rstrip().endswith(f"# <- {marker}"))
