"""The guidance pages read as plain text: what the content tests share.

A page's Markdown becomes one line of text for each source line (so a heading's section can be
cut out by line number), with the markup removed and each line marked when it is inside a
blockquote (where a short statutory or judicial quotation may stand).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# MkDocs gives a heading without an explicit {#id} the id made by this function.
from markdown.extensions.toc import slugify

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def guidance_pages() -> list[Path]:
    """Every Markdown page in docs/, in a stable order (assets hold no pages)."""
    return sorted(p for p in DOCS.rglob("*.md") if "assets" not in p.relative_to(DOCS).parts)


def page_name(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)*")


def words(text: str) -> list[str]:
    """Lower-case words, with curly apostrophes made straight."""
    return _WORD.findall(text.lower().replace("\u2019", "'").replace("\u2018", "'"))


@dataclass(frozen=True)
class Line:
    text: str
    quote: bool  # inside a Markdown blockquote
    heading: tuple[int, str, str] | None = None  # (level, title, id) for a heading line


_FENCE = re.compile(r"^\s*(```|~~~)")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_ATTRS = re.compile(r"\{\s*:?\s*(?:[#.][^}]*|[\w-]+=[^}]*)\}")
_EXPLICIT_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}")
_ADMONITION = re.compile(r'^(?:!!!|\?\?\?\+?)\s*[\w-]+(?:\s+[\w-]+)*\s*(?:"([^"]*)")?\s*$')
_TAB = re.compile(r'^===\+?\s*"([^"]*)"\s*$')
_LIST_ITEM = re.compile(r"^(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?")
_DEFINITION = re.compile(r"^:\s+")
_TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")


def _blank_out(pattern: str, text: str, flags=0) -> str:
    """Remove what matches but keep its line breaks, so line numbers still line up."""
    return re.sub(pattern, lambda m: "\n" * m.group(0).count("\n"), text, flags=flags)


def _inline(md: str) -> str:
    """Inline markup removed across the whole page, line breaks kept."""
    md = _blank_out(r"<!--.*?-->", md, re.S)
    md = _blank_out(r"<[^>\n]+>", md)
    md = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", md)  # links and images keep their text
    md = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", md)  # reference links
    md = re.sub(r"(\*\*|__|\*|`)", "", md)
    return md


def lines(md: str) -> list[Line]:
    """The page as plain text, one Line per source line."""
    raw = md.split("\n")
    if raw and raw[0].strip() == "---":  # front matter
        end = next((i for i in range(1, len(raw)) if raw[i].strip() == "---"), 0)
        for i in range(end + 1):
            raw[i] = ""
    in_fence = False
    for i, line in enumerate(raw):
        if _FENCE.match(line):
            in_fence = not in_fence
            raw[i] = ""
        elif in_fence:
            raw[i] = ""
    raw = _inline("\n".join(raw)).split("\n")

    out = []
    for line in raw:
        if line.lstrip().startswith("*[") and "]:" in line:  # abbreviation definitions
            out.append(Line("", False))
            continue
        heading = _HEADING.match(line)
        if heading:
            title = heading.group(2)
            explicit = _EXPLICIT_ID.search(title)
            title = _ATTRS.sub("", title).strip()
            anchor = explicit.group(1) if explicit else slugify(title, "-")
            out.append(Line(title, False, (len(heading.group(1)), title, anchor)))
            continue
        text = line.strip()
        quote = False
        while text.startswith(">"):
            quote = True
            text = text[1:].strip()
        text = _ATTRS.sub("", text)
        if _TABLE_RULE.match(text):
            text = ""
        elif text.startswith("|") or (text.count("|") >= 2):
            text = ". ".join(c.strip() for c in text.strip("|").split("|") if c.strip())
        else:
            for pattern in (_ADMONITION, _TAB):
                m = pattern.match(text)
                if m:
                    text = m.group(1) or ""
                    break
            text = _LIST_ITEM.sub("", text)
            text = _DEFINITION.sub("", text)
        out.append(Line(text.strip(), quote))
    return out


def _starts_block(source: str) -> bool:
    s = source.strip().lstrip(">").strip()
    return bool(_LIST_ITEM.match(s) or _DEFINITION.match(s) or _HEADING.match(s)
                or s.startswith(("|", "!!!", "???", "===")))


def prose(md: str) -> str:
    """The page as sentences, for a readability score.

    A heading, list item, table cell or definition term is a unit of its own for the reader,
    though it rarely ends with a full stop; without one, a readability formula would run it into
    the next sentence and count one long sentence. So each unit that lacks an end gets a full stop.
    """
    source = md.split("\n")
    parsed = lines(md)
    units, current = [], []
    for i, line in enumerate(parsed):
        nxt = source[i + 1] if i + 1 < len(source) else ""
        if line.text:
            current.append(line.text)
        ends = (not nxt.strip() or _starts_block(nxt) or line.heading is not None
                or source[i].strip().startswith(("|", "!!!", "???", "==="))
                or (line.text and nxt.startswith(":")))
        if ends and current:
            unit = " ".join(current)
            if not re.search(r"[.!?:;][\"'\u201d)]*$", unit):
                unit += "."
            units.append(unit)
            current = []
    return "\n".join(units)


@dataclass(frozen=True)
class Section:
    text: str  # its heading, its text and its subsections (headings included)
    body_words: int  # words of text, not counting headings: a heading alone covers nothing


def _section(parsed: list[Line]) -> Section:
    return Section("\n".join(line.text for line in parsed),
                   sum(len(words(line.text)) for line in parsed if not line.heading))


def sections(md: str) -> dict[str, Section]:
    """Each heading id mapped to its section, which runs to the next heading of its level or higher."""
    parsed = lines(md)
    heads = [(i, line.heading) for i, line in enumerate(parsed) if line.heading]
    result = {}
    for n, (i, (level, _title, anchor)) in enumerate(heads):
        end = next((j for j, head in heads[n + 1:] if head[0] <= level), len(parsed))
        result[anchor] = _section(parsed[i:end])
    return result


def whole_page(md: str) -> Section:
    return _section(lines(md))


def text(md: str) -> str:
    return "\n".join(line.text for line in lines(md))
