"""Server-side part of the in-page wizards, run at build time for each tool page.

Each `<div class="dt-wizard" data-tool="TOOL"></div>` placeholder becomes:
- the first question, rendered here by the Python engine (`decision_tools.evaluate(tool, {})`),
  so it shows and can be answered before Python has loaded in the browser;
- the data the browser needs and must not fetch: the council's contacts and where each
  guidance page lives, as a `<script type="application/json">` block (data, not code, so it
  passes a strict Content-Security-Policy);
- "How this tool decides": the tool's logic written out from `decision_tools.flow(tool)`, the
  same definition the wizard runs, for readers without JavaScript or whose browser cannot run
  Python, for search and for print.

The markup of a question here and in `docs/assets/javascripts/wizard.js` is the same (a browser
test compares them), so the page does not change shape when the script takes over.
"""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import decision_tools

from .runtime import staged_paths

_PLACEHOLDER = re.compile(r'<div class="dt-wizard" data-tool="([a-z0-9_-]+)"></div>')


class WizardError(Exception):
    """A wizard cannot be built; the message names the tool and what to fix."""


# --- the data the browser needs -------------------------------------------------------------


def _tel(phone: str) -> str:
    """'0113 496 0101' -> 'tel:+441134960101'; short numbers ('999', '116 123') stay as dialled."""
    digits = re.sub(r"\D", "", phone)
    if not digits:
        return ""
    if digits.startswith("0") and len(digits) >= 10:
        return f"tel:+44{digits[1:]}"
    return f"tel:{digits}"


def council_contacts(docs_dir: Path) -> dict[str, dict]:
    """The council's contacts by role, in the shape of contract 4 (`contacts_by_role`)."""
    try:
        from .contacts import contacts_by_role
    except ImportError:  # until the build-hooks branch provides it: the same shape from the table
        from decision_tools.contacts import ROLES

        from .contacts import read_contacts

        found: dict[str, dict] = {}
        for c in read_contacts(docs_dir)[0]:
            found.setdefault(c.role, {"role": c.role, "title": ROLES.get(c.role, c.role), "name": c.name,
                                      "email": c.email, "phone": c.phone, "tel": _tel(c.phone),
                                      "notes": c.notes, "checked": c.checked})
        return found
    return contacts_by_role(docs_dir)


def _pages_used(flow: dict) -> set[str]:
    pages = set()
    for outcome in flow["outcomes"]:
        pages.update(ref["page"] for ref in outcome.get("law", []) if ref.get("page"))
        pages.update(link["page"] for link in outcome.get("links", []) if link.get("page"))
    return pages


def wizard_data(tool: str, flow: dict, contacts: dict, page_urls: dict[str, str]) -> dict:
    """Everything the browser needs to show a result without asking the server anything."""
    missing = sorted(p for p in _pages_used(flow) if p not in page_urls)
    if missing:
        raise WizardError(f"decision tool {tool!r} links to {', '.join(missing)}, which "
                          "is not a page of the site. Fix the page path in decision_tools/tools/"
                          f"{tool}.py or add the page to docs/.")
    # Every page, not only those in flow(): a result may add links that depend on the answers.
    pages = dict(sorted(page_urls.items()))
    return {"tool": tool, "title": flow["title"], "version": decision_tools.__version__,
            "contacts": contacts, "pages": pages}


def _json_script(data: dict) -> str:
    # "<" escaped so no value can close the script element.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    return f'<script type="application/json" class="dt-wizard__data">{text}</script>'


# --- the first question (the JS renders later ones with the same markup) ---------------------


def _says_all(question: dict) -> bool:
    """The question itself already asks for all that apply: no need to say it twice."""
    return "all that apply" in question["text"].lower()


def question_html(tool: str, question: dict) -> str:
    """A GOV.UK question page: one fieldset, its legend as the heading, a hint, radios or checkboxes."""
    base = f"dt-{tool}-{question['id']}"
    multiple = question["kind"] == "any_of"
    kind = "checkboxes" if multiple else "radios"
    hint = question.get("hint") or ("Select all that apply." if multiple and not _says_all(question) else "")
    described = f' aria-describedby="{base}-hint"' if hint else ""
    parts = [f'<div class="dt-question" data-question="{escape(question["id"])}" data-kind="{question["kind"]}">',
             '<div class="dt-field">',
             f'<fieldset class="dt-fieldset"{described}>',
             f'<legend class="dt-fieldset__legend"><h2 class="dt-fieldset__heading" tabindex="-1">'
             f'{escape(question["text"])}</h2></legend>']
    if hint:
        parts.append(f'<div class="dt-hint" id="{base}-hint">{escape(hint)}</div>')
    parts.append(f'<div class="dt-{kind}">')
    for option in question["options"]:
        exclusive = multiple and option["value"] == "none"
        if exclusive:
            parts.append(f'<div class="dt-{kind}__divider">or</div>')
        input_id = f"{base}-{option['value']}"
        option_hint = f' aria-describedby="{input_id}-hint"' if option.get("hint") else ""
        parts.append(
            f'<div class="dt-{kind}__item">'
            f'<input class="dt-{kind}__input" id="{input_id}" name="{base}" '
            f'type="{"checkbox" if multiple else "radio"}" value="{escape(option["value"])}"'
            f'{" data-exclusive" if exclusive else ""}{option_hint}>'
            f'<label class="dt-{kind}__label" for="{input_id}">{escape(option["label"])}</label>'
            + (f'<div class="dt-hint dt-{kind}__hint" id="{input_id}-hint">{escape(option["hint"])}</div>'
               if option.get("hint") else "")
            + '</div>')
    parts.append('</div></fieldset></div>')
    parts.append('<div class="dt-actions"><button type="button" class="md-button md-button--primary '
                 'dt-continue">Continue</button></div></div>')
    return "".join(parts)


# --- "How this tool decides": the logic written out ------------------------------------------


def _step_ids(tool: str, flow: dict) -> dict[str, str]:
    ids = {q["id"]: f"dt-{tool}-logic-q-{q['id']}" for q in flow["questions"]}
    ids.update({o["id"]: f"dt-{tool}-logic-r-{o['id']}" for o in flow["outcomes"]})
    return ids


def _page_link(page_urls: dict[str, str], page: str, anchor: str, text: str) -> str:
    href = page_urls[page] + (f"#{anchor}" if anchor else "")
    return f'<a href="{escape(href)}">{escape(text)}</a>'


def _law_link(page_urls: dict[str, str], ref: dict) -> str:
    return _page_link(page_urls, ref["page"], ref.get("anchor", ""), f"{ref['act']}, {ref['section']}")


def logic_html(tool: str, flow: dict, contacts: dict, page_urls: dict[str, str]) -> str:
    """The tool's questions, where each answer leads, and every result, as plain HTML."""
    ids = _step_ids(tool, flow)
    numbers = {q["id"]: n for n, q in enumerate(flow["questions"], 1)}
    names = {o["id"]: o["title"] for o in flow["outcomes"]}

    def target(step: str) -> str:
        if step in numbers:
            return f'go to <a href="#{ids[step]}">question {numbers[step]}</a>'
        return f'result: <a href="#{ids[step]}">{escape(names.get(step, step))}</a>'

    # A plain block, not a landmark: a handbook holds several tools' logic under the same heading.
    out = ['<div class="dt-logic">',
           f'<h2 id="dt-{tool}-logic">How this tool decides</h2>',
           '<p>This is the whole of the tool\u2019s logic, written out from the same definition the '
           'questions above use. Start at question 1 and follow your answers to a result.</p>',
           f'<h3 id="dt-{tool}-logic-questions">The questions</h3>', '<ol class="dt-logic__questions">']
    for q in flow["questions"]:
        out.append(f'<li id="{ids[q["id"]]}"><p class="dt-logic__question">{escape(q["text"])}</p>')
        if q.get("hint"):
            out.append(f'<p class="dt-logic__hint">{escape(q["hint"])}</p>')
        choose = "Choose all that apply" if q["kind"] == "any_of" else "Choose one"
        labels = "; ".join(o["label"] for o in q["options"])
        out.append(f'<p>{choose}: {escape(labels)}.</p><ul class="dt-logic__edges">')
        for edge in (e for e in flow["edges"] if e["from"] == q["id"]):
            out.append(f'<li>{escape(edge["when"])}: {target(edge["to"])}.</li>')
        out.append('</ul></li>')
    out.append('</ol>')
    out.append(f'<h3 id="dt-{tool}-logic-results">The results</h3>')
    for o in flow["outcomes"]:
        out.append(f'<div class="dt-logic__result" id="{ids[o["id"]]}">'
                   f'<h4>{escape(o["title"])}</h4><p>{escape(o["summary"])}</p>')
        if o.get("actions"):
            out.append('<p>What to do:</p><ol>' + "".join(f"<li>{escape(a)}</li>" for a in o["actions"]) + '</ol>')
        if o.get("law"):
            out.append('<p>The law:</p><ul>' + "".join(
                f'<li>{_law_link(page_urls, ref)}: {escape(ref["name"])}. {escape(ref["plain"])}</li>'
                for ref in o["law"]) + '</ul>')
        if o.get("contacts"):
            titles = [contacts.get(role, {}).get("title") or role for role in o["contacts"]]
            out.append(f'<p>Who to contact: {escape("; ".join(titles))}. Their details are on '
                       f'{_page_link(page_urls, "support/index.md", "", "Support and contacts")}.</p>')
        if o.get("links"):
            out.append('<p>Find out more:</p><ul>' + "".join(
                f'<li>{_page_link(page_urls, link["page"], link.get("anchor", ""), link["title"])}</li>'
                for link in o["links"]) + '</ul>')
        if o.get("notes"):
            out.append("".join(f'<p class="dt-logic__note">{escape(n)}</p>' for n in o["notes"]))
        out.append('</div>')
    out.append('</div>')
    return "".join(out)


# --- the whole wizard -----------------------------------------------------------------------

_NO_SCRIPT = ("This tool asks its questions using JavaScript, which is turned off or not "
              "available in this browser. You can still follow how it decides: it is written out "
              "below, under \u201cHow this tool decides\u201d.")


def wizard_html(tool: str, *, runtime: str, tools: str, contacts: dict, page_urls: dict[str, str]) -> str:
    if tool not in decision_tools.TOOLS:
        raise WizardError(f"the page has a wizard for tool {tool!r}, which does not exist. "
                          f"The tools are: {', '.join(decision_tools.TOOLS)}.")
    if not hasattr(decision_tools, "flow"):
        raise WizardError("decision_tools.flow() is missing: the wizard writes out each tool's logic "
                          "from it. Merge the engine branch (contract 2 in the team brief).")
    flow = decision_tools.flow(tool)
    first = decision_tools.evaluate(tool, {})
    return (f'<div class="dt-wizard" data-tool="{tool}" data-runtime="{escape(runtime)}" '
            f'data-tools="{escape(tools)}">'
            + _json_script(wizard_data(tool, flow, contacts, page_urls))
            + f'<noscript><p class="dt-wizard__message">{_NO_SCRIPT}</p></noscript>'
            + '<p class="dt-wizard__status" role="status"></p>'
            + f'<div class="dt-wizard__step">{question_html(tool, first["question"])}</div>'
            + logic_html(tool, flow, contacts, page_urls)
            + '</div>')


def render_wizards(html: str, *, base_url: str, page_urls: dict[str, str], docs_dir: Path) -> str:
    """Fill each wizard placeholder in a page's HTML.

    `base_url` is the site root relative to the page; `page_urls` maps each docs-relative
    Markdown path (`law/harassment.md`) to its URL relative to the page."""
    if "dt-wizard" not in html:
        return html
    paths = staged_paths()
    base = base_url.rstrip("/") + "/"
    contacts = council_contacts(docs_dir)

    def fill(match: re.Match) -> str:
        return wizard_html(match[1], runtime=base + paths["runtime"], tools=base + paths["tools"],
                           contacts=contacts, page_urls=page_urls)

    return _PLACEHOLDER.sub(fill, html)
