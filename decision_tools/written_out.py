""""How this tool decides": a tool's whole logic as plain HTML, for the page without JavaScript,
for search and for print. Made from `decision_tools.flow`, the same definition the questions use.
"""

from __future__ import annotations

from html import escape

from . import content
from .contacts import ROLES
from .outline import flow


def _w(*keys: str) -> str:
    return content.common().text(*keys)


def _e(text) -> str:
    return escape(str(text), quote=True)


def _link(context: dict, page: str, anchor: str, text: str) -> str:
    url = context.get("pages", {}).get(page)
    if url is None:
        return _e(text)
    return f'<a href="{_e(url + (f"#{anchor}" if anchor else ""))}">{_e(text)}</a>'


def _questions(tool_id: str, data: dict) -> list[str]:
    out = [f'<h3 id="dt-{tool_id}-logic-questions">{_e(_w("logic", "questions"))}</h3>']
    if data["stop_when"]:
        out.append(f'<p>{_e(_w("logic", "stop"))}{_e(data["stop_when"])}</p>')
    out.append('<ol class="dt-logic__questions">')
    for q in data["questions"]:
        choose = _w("logic", "choose_all") if q["kind"] == "any_of" else _w("logic", "choose_one")
        labels = "; ".join(o["label"] for o in q["options"])
        when = (f'{_w("logic", "asked_when")}{q["asked_when"]}' if q["asked_when"] else _w("logic", "asked_always"))
        out.append(f'<li id="dt-{tool_id}-logic-q-{_e(q["id"])}"><p class="dt-logic__question">{_e(q["text"])}</p>'
                   + (f'<p class="dt-logic__hint">{_e(q["hint"])}</p>' if q["hint"] else "")
                   + f'<p>{_e(choose)}: {_e(labels)}.</p><p class="dt-logic__when">{_e(when)}</p></li>')
    out.append('</ol>')
    return out


def _finding(tool_id: str, f: dict, context: dict) -> str:
    parts = [f'<div class="dt-logic__result" id="dt-{tool_id}-logic-r-{_e(f["id"])}"><h4>{_e(f["title"])}</h4>',
             f'<p>{_e(f["summary"])}</p>',
             f'<p>{_e(_w("logic", "found_when"))}{_e(f["found_when"])} {_e(_w("logic", "urgency"))}'
             f'{_e(_w("urgency", f["urgency"]))}.</p>']
    if f["actions"]:
        parts.append(f'<p>{_e(_w("logic", "what_to_do"))}</p><ol>' + "".join(f"<li>{_e(a)}</li>" for a in f["actions"]) + "</ol>")
    if f["contacts"]:
        titles = "; ".join(context.get("contacts", {}).get(r, {}).get("title") or ROLES[r] for r in f["contacts"])
        parts.append(f'<p>{_e(_w("logic", "who"))}{_e(titles)}{_e(_w("logic", "details_on"))}'
                     f'{_link(context, "support/index.md", "", _w("contacts", "support_page"))}.</p>')
    if f["links"]:
        parts.append(f'<p>{_e(_w("logic", "more"))}</p><ul>' + "".join(
            f'<li>{_link(context, li["page"], li.get("anchor", ""), li["title"])}</li>' for li in f["links"]) + "</ul>")
    return "".join(parts) + "</div>"


def _law(tool_id: str, data: dict, context: dict) -> list[str]:
    if not data["law"]:
        return []
    out = [f'<h3 id="dt-{tool_id}-logic-law">{_e(_w("logic", "law"))}</h3>', f'<p>{_e(_w("logic", "law_intro"))}</p>',
           '<ul class="dt-logic__law">']
    for entry in data["law"]:
        section = f', {entry["section"]}' if entry["section"] else ""
        tests = "; ".join(e["test"] for e in entry["elements"])
        out.append(f'<li><strong>{_e(entry["name"])}</strong> ({_link(context, entry["page"], entry["anchor"], entry["act"] + section)}): '
                   f'{_e(tests)}.</li>')
    out.append('</ul>')
    return out


def logic_html(tool_id: str, tool, context: dict) -> str:
    """The tool's questions, when each is asked, every finding and the law it weighs."""
    data = flow(tool)
    # A plain block, not a landmark: a handbook holds several tools' logic under the same heading.
    out = ['<div class="dt-logic">', f'<h2 id="dt-{tool_id}-logic">{_e(_w("logic", "title"))}</h2>',
           f'<p>{_e(_w("logic", "intro"))}</p>']
    out += _questions(tool_id, data)
    out.append(f'<h3 id="dt-{tool_id}-logic-results">{_e(_w("logic", "findings"))}</h3>')
    out += [_finding(tool_id, f, context) for f in data["findings"]]
    out += _law(tool_id, data, context)
    out += [f'<p class="dt-logic__note">{_e(n)}</p>' for n in data["notes"]]
    out.append('</div>')
    return "".join(out)
