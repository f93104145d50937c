"""The one presenter: a tool's question, result and written-out logic as HTML.

The same functions make the wizard's steps in the reader's browser (through the worker glue in
decision_tools.browser), the first question and "How this tool decides" on the built page, and
the printed result (the result's own HTML, with the print stylesheet). Nothing is rendered
anywhere else, so the three views cannot drift apart.

`context` is what the page knows and the engine does not: the council's contacts by role
(`contacts`), where each guidance page is relative to this page (`pages`), and the toolkit's
`version`. Every value is escaped: answers and contacts stay text.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape

from . import content
from .contacts import OPTIONAL, ROLES
from .result import SECTIONS


@lru_cache(maxsize=None)
def _w(*keys: str) -> str:
    return content.common().text(*keys)


@lru_cache(maxsize=16384)  # the same words come back on every step
def _e(text) -> str:
    return escape(str(text), quote=True)


@lru_cache(maxsize=None)
def _we(*keys: str) -> str:
    """The presenter's own words, escaped (they never change, so once)."""
    return _e(_w(*keys))


def _link(context: dict, page: str, anchor: str, text: str) -> str:
    url = context.get("pages", {}).get(page)
    if url is None:
        return _e(text)
    return f'<a href="{_e(url + (f"#{anchor}" if anchor else ""))}">{_e(text)}</a>'


# -- a question --------------------------------------------------------------------------------

def _option(base: str, kind: str, option: dict, multiple: bool, picked: list) -> str:
    exclusive = multiple and option["value"] == "none"
    input_id = f"{base}-{option['value']}"
    hint_id = f"{input_id}-hint"
    described = f' aria-describedby="{hint_id}"' if option.get("hint") else ""
    checked = " checked" if option["value"] in picked else ""
    divider = f'<div class="dt-{kind}__divider">{_we("question", "or")}</div>' if exclusive else ""
    hint = f'<div class="dt-hint dt-{kind}__hint" id="{hint_id}">{_e(option["hint"])}</div>' if option.get("hint") else ""
    return (f'{divider}<div class="dt-{kind}__item"><input class="dt-{kind}__input" id="{input_id}" name="{base}" '
            f'type="{"checkbox" if multiple else "radio"}" value="{_e(option["value"])}"'
            f'{" data-exclusive" if exclusive else ""}{described}{checked}>'
            f'<label class="dt-{kind}__label" for="{input_id}">{_e(option["label"])}</label>{hint}</div>')


def _error_text(question: dict) -> str:
    if question["kind"] != "any_of":
        return _w("question", "error_one")
    none = next((o["label"] for o in question["options"] if o["value"] == "none"), "")
    return _w("question", "error_any_or").format(none=none) if none else _w("question", "error_any")


def question_html(tool_id: str, question: dict, chosen=None) -> str:
    """A GOV.UK question: one fieldset, its legend the heading, a hint, radios or checkboxes, and
    the error message and summary the script reveals if Continue is pressed with nothing chosen."""
    base = f"dt-{tool_id}-{question['id']}"
    multiple = question["kind"] == "any_of"
    kind = "checkboxes" if multiple else "radios"
    says_all = "all that apply" in question["text"].lower()
    hint = question.get("hint") or (_w("question", "all_that_apply") if multiple and not says_all else "")
    picked = chosen if isinstance(chosen, list) else [chosen] if chosen else []
    error = _e(_error_text(question))
    first = f"{base}-{question['options'][0]['value']}"
    return (
        f'<div class="dt-question" data-question="{_e(question["id"])}" data-kind="{question["kind"]}">'
        f'<div class="dt-error-summary" tabindex="-1" hidden><div role="alert">'
        f'<h2 class="dt-error-summary__title">{_we("question", "error_title")}</h2>'
        f'<ul class="dt-error-summary__list"><li><a href="#{first}">{error}</a></li></ul></div></div>'
        f'<div class="dt-field"><fieldset class="dt-fieldset"'
        + (f' aria-describedby="{base}-hint"' if hint else "") + '>'
        f'<legend class="dt-fieldset__legend"><h2 class="dt-fieldset__heading" tabindex="-1">{_e(question["text"])}</h2></legend>'
        + (f'<div class="dt-hint" id="{base}-hint">{_e(hint)}</div>' if hint else "")
        + f'<p class="dt-error-message" id="{base}-error" hidden><span class="dt-visually-hidden">'
          f'{_we("question", "error_prefix")}</span>{error}</p>'
        + f'<div class="dt-{kind}">' + "".join(_option(base, kind, o, multiple, picked) for o in question["options"])
        + '</div></fieldset></div>'
        f'<div class="dt-actions"><button type="button" class="md-button md-button--primary dt-continue">'
        f'{_we("buttons", "continue")}</button></div></div>')


def answers_html(answered: list[dict]) -> str:
    rows = []
    for a in answered:
        value = "; ".join(a["answer_text"]) if isinstance(a["answer_text"], list) else a["answer_text"]
        rows.append(
            f'<div class="dt-summary__row"><dt class="dt-summary__key">{_e(a["text"])}</dt>'
            f'<dd class="dt-summary__value">{_e(value)}</dd><dd class="dt-summary__actions">'
            f'<button type="button" class="dt-link" data-change="{_e(a["question"])}">{_we("buttons", "change")}'
            f'<span class="dt-visually-hidden">{_we("buttons", "change_hidden")}{_e(a["text"])}</span></button></dd></div>')
    return (f'<div class="dt-answers"><h3 class="dt-answers__title">{_we("sections", "answers")}</h3>'
            f'<dl class="dt-summary">{"".join(rows)}</dl></div>')


# -- a result ----------------------------------------------------------------------------------

def contact_html(role: str, context: dict) -> str:
    """A contact card: what the role is, who, a tap-to-call number and an email link."""
    c = context.get("contacts", {}).get(role)
    if not c:
        return (f'<li class="dt-contact"><p class="dt-contact__role">{_e(ROLES.get(role, role))}</p>'
                f'<p>{_we("contacts", "not_listed")}{_link(context, "support/index.md", "", _w("contacts", "support_page"))}.</p></li>')
    phone = c.get("phone")
    tel = f'<a href="{_e(c["tel"])}">{_e(phone)}</a>' if c.get("tel") else _e(phone)
    parts = [f'<p class="dt-contact__role">{_e(c.get("title") or ROLES.get(role, role))}</p>']
    if c.get("name") and c.get("name") != c.get("title"):
        parts.append(f'<p class="dt-contact__name">{_e(c["name"])}</p>')
    if phone:
        parts.append(f'<p>{_we("contacts", "phone")}{tel}</p>')
    if c.get("email"):
        parts.append(f'<p>{_we("contacts", "email")}<a href="mailto:{_e(c["email"])}">{_e(c["email"])}</a></p>')
    if c.get("notes"):
        parts.append(f'<p class="dt-contact__notes">{_e(c["notes"])}</p>')
    return f'<li class="dt-contact" data-role="{_e(role)}">{"".join(parts)}</li>'


def _section(name: str, body: str, intro: str = "") -> str:
    if not body:
        return ""
    lead = f'<p class="dt-section__intro">{_e(intro)}</p>' if intro else ""
    return f'<section class="dt-section dt-section--{name.replace("_", "-")}"><h3>{_we("sections", name)}</h3>{lead}{body}</section>'


def _list(items, cls: str, ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    return f'<{tag} class="{cls}">' + "".join(f"<li>{item}</li>" for item in items) + f"</{tag}>" if items else ""


def _findings(result: dict, context: dict) -> str:
    if len(result["findings"]) < 2 and not result["findings"][0]["because"]:
        return ""
    items = []
    for f in result["findings"]:
        because = _list([_e(b) for b in f["because"]], "dt-finding__because")
        items.append(f'<div class="dt-finding" data-finding="{_e(f["id"])}"><p class="dt-finding__title">'
                     f'<span class="dt-tag dt-tag--{f["urgency"]}">{_we("urgency", f["urgency"])}</span> '
                     f'{_e(f["title"])}</p>{because}</div>')
    return "".join(items)


def _contacts(result: dict, context: dict) -> str:
    listed = context.get("contacts", {})
    # An optional role the council has not listed is left out, unless it is the only one: then the
    # reader still learns whom to contact (a parish councillor's clerk) and where to find them.
    roles = [r for r in result["contacts"] if r in listed or r not in OPTIONAL] or list(result["contacts"])
    return f'<ul class="dt-contacts">{"".join(contact_html(r, context) for r in roles)}</ul>' if roles else ""


def _law_entry(entry: dict, context: dict) -> str:
    section = f', {entry["section"]}' if entry["section"] else ""
    title = _link(context, entry["page"], entry["anchor"], entry["act"] + section)
    return _law_entry_html(entry["id"], tuple(el["status"] for el in entry["elements"]), title)


@lru_cache(maxsize=None)  # bounded: one per entry, statuses and link; the words never change
def _law_entry_html(law_id: str, statuses: tuple[str, ...], title: str) -> str:
    from .result import _law_entry_for

    entry = _law_entry_for(law_id, statuses)
    status = _we("law", "applies") if entry.status == "applies" else _we("law", "may_apply")
    rows = []
    for el in entry.elements:
        settle = f' <span class="dt-element__settle">{_we("law", "settle")}{_e(el.settle)}</span>' if el.settle else ""
        rows.append(f'<tr class="dt-element dt-element--{el.status.replace(" ", "-")}"><td>{_e(el.test)}</td>'
                    f'<td><strong>{_we("law", el.status)}</strong>. {_e(el.because)}{settle}</td></tr>')
    return (f'<div class="dt-law" data-law="{_e(entry.id)}"><p class="dt-law__title"><strong>{_e(entry.name)}</strong>: '
            f'{title}. <span class="dt-law__status">{status}.</span></p><p class="dt-law__plain">{_e(entry.plain)}</p>'
            f'<table class="dt-elements"><thead><tr><th scope="col">{_we("law", "element")}</th>'
            f'<th scope="col">{_we("law", "status")}</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div>')


def _dowson(result: dict, context: dict) -> str:
    rows = [f'<li class="dt-dowson__step dt-element--{s["status"].replace(" ", "-")}"><q>{_e(s["test"])}</q> '
            f'<strong>{_we("law", s["status"])}</strong>. {_e(s["because"])}</li>' for s in result["dowson"]]
    return f'<ol class="dt-dowson">{"".join(rows)}</ol>' if rows else ""


def _trade_offs(result: dict, context: dict) -> str:
    items = []
    for t in result["trade_offs"]:
        mark = f' <span class="dt-tag dt-tag--routine">{_we("trade_offs", "recommended")}</span>' if t["recommended"] else ""
        items.append(f'<div class="dt-trade-off"><p class="dt-trade-off__course"><strong>{_e(t["course"])}</strong>{mark}</p>'
                     + (f'<p>{_we("trade_offs", "gains")}</p>{_list([_e(g) for g in t["gains"]], "dt-trade-off__gains")}' if t["gains"] else "")
                     + (f'<p>{_we("trade_offs", "costs")}</p>{_list([_e(c) for c in t["costs"]], "dt-trade-off__costs")}' if t["costs"] else "")
                     + '</div>')
    return "".join(items)


def _problems(result: dict, context: dict) -> str:
    items = [f'<li class="dt-problem dt-problem--{"stop" if p["stop"] else "fix"}"><p><strong>'
             f'{_we("problems", "stop" if p["stop"] else "fix")}</strong>: {_e(p["problem"])}</p>'
             f'<p>{_we("problems", "fix_label")}{_e(p["fix"])}</p></li>' for p in result["problems"]]
    return f'<ul class="dt-problems">{"".join(items)}</ul>' if items else ""


_BODIES = {
    "findings": _findings,
    "actions": lambda r, c: _list([_e(a) for a in r["actions"]], "dt-result__actions", ordered=True),
    "contacts": _contacts,
    "offences": lambda r, c: "".join(_law_entry(e, c) for e in r["offences"]),
    "dowson": _dowson,
    "trade_offs": _trade_offs,
    "problems": _problems,
    "law": lambda r, c: "".join(_law_entry(e, c) for e in r["law"]),
    "links": lambda r, c: _list([_link(c, li["page"], li["anchor"], li["title"]) for li in r["links"]], "dt-result__links"),
    "notes": lambda r, c: "".join(f'<p class="dt-result__note">{_e(n)}</p>' for n in r["notes"]),
}
_INTROS = {"offences": ("sections", "offences_intro"), "dowson": ("sections", "dowson_intro")}


def _add_to_log(context: dict) -> str:
    """A link to the incident log; the wizard fills the log's form from the result on the way."""
    url = context.get("pages", {}).get("tools/incident-log.md")
    if url is None:
        return ""
    return f'<a class="md-button dt-add-to-log" href="{_e(url + "#add")}">{_we("buttons", "add_to_log")}</a>'


def result_html(tool_title: str, result: dict, context: dict) -> str:
    """Every section of the contract, in SECTIONS order; the print button under the title."""
    sections = "".join(
        (_BODIES[name](result, context) if name == "notes" else
         _section(name, _BODIES[name](result, context), _w(*_INTROS[name]) if name in _INTROS else ""))
        for name in SECTIONS)
    stamp = _w("printed", "stamp").format(date='<span class="dt-print-date"></span>', version=_e(context.get("version", "")))
    return (f'<div class="dt-result" data-result="{_e(result["id"])}" data-urgency="{result["urgency"]}">'
            f'<p class="dt-print-only">{_e(tool_title)}</p>'
            f'<h2 class="dt-result__title" tabindex="-1">{_e(result["title"])}</h2>'
            f'<p class="dt-tag dt-tag--{result["urgency"]}">{_we("urgency", result["urgency"])}</p>'
            f'<div class="dt-actions dt-result__tools"><button type="button" class="md-button md-button--primary dt-print">'
            f'{_we("buttons", "print")}</button>{_add_to_log(context)}</div>'
            f'<p class="dt-result__summary">{_e(result["summary"])}</p>{sections}'
            f'<p class="dt-print-only dt-result__printed">{stamp}</p></div>')


def step_html(step: dict, context: dict) -> str:
    """What the wizard shows for one step: Back, the question or the result, and the answers so far."""
    tool_id = step["tool"]
    parts = []
    if step["answered"]:
        parts.append(f'<p class="dt-nav"><button type="button" class="dt-link dt-back">{_we("buttons", "back")}</button></p>')
    if step["status"] == "question":
        chosen = context.get("chosen", {}).get(step["question"]["id"])
        parts.append(question_html(tool_id, step["question"], chosen))
    else:
        parts.append(result_html(content.for_tool(tool_id).text("title"), step["result"], context))
    if step["answered"]:
        parts.append(answers_html(step["answered"]))
        parts.append(f'<p class="dt-nav"><button type="button" class="dt-link dt-restart">{_we("buttons", "start_again")}</button></p>')
    return "".join(parts)
