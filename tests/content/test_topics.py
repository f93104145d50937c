"""Every topic in the content guide's list ("What it covers", items 1 to 9) is covered somewhere.

TOPICS is the map: for each topic, the page, the heading id of the section that covers it (or
None for the whole page), and phrases that section must contain. A phrase may give alternatives
separated by "|"; matching ignores case, hyphens and curly apostrophes, and takes in the section's
headings. A section also needs real text under its headings (MIN_WORDS or more), so a stub
heading does not count as covering a topic.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

import pytest

from .pages import DOCS, guidance_pages, lines, page_name, sections, text, whole_page

MIN_WORDS = 20


@dataclass(frozen=True)
class Topic:
    item: str  # the number of the list item in the content guide
    name: str
    page: str
    anchor: str | None
    phrases: tuple[str, ...]


def T(item, name, page, anchor, *phrases):
    return Topic(item, name, page, anchor, phrases)


TOPICS = [
    # 1. Start here
    T("1", "who the toolkit is for", "index.md", None, "councillors"),
    T("1", "in danger now: call 999", "index.md", None, "in danger now? call 999"),
    T("1", "the decision tools", "index.md", "decision-tools", "could this be harassment",
      "should i report it", "should i respond", "should i post this"),
    T("1", "key contacts", "index.md", "key-contacts", "999", "101", "council"),
    T("1", "how to use this toolkit", "start-here/using-this-toolkit.md", None, "search"),
    # 2. Using social media well
    T("2", "why councillors use social media", "social-media/index.md", "why", "social media"),
    T("2", "choosing platforms", "social-media/index.md", "platforms", "facebook", "instagram"),
    T("2", "you are the publisher", "social-media/responsibilities.md", "you-are-the-publisher",
      "publish"),
    T("2", "liking and sharing is publishing", "social-media/responsibilities.md",
      "you-are-the-publisher", "shar", "lik"),
    T("2", "the public-meeting test", "social-media/responsibilities.md", "public-meeting-test",
      "public meeting"),
    T("2", "the golden rule: unsure, ask first", "social-media/responsibilities.md", "golden-rule",
      "golden rule", "ask"),
    T("2", "official capacity", "social-media/code-of-conduct.md", "official-capacity",
      "official capacity", "code"),
    T("2", "blurred identities", "social-media/code-of-conduct.md", None, "blur"),
    T("2", "separate accounts", "social-media/code-of-conduct.md", "separate-accounts", "separate"),
    T("2", "the code of conduct principles with examples", "social-media/code-of-conduct.md",
      "principles", "example"),
    T("2", "defamation when you post", "social-media/the-law-when-you-post.md", "defamation",
      "defamat"),
    T("2", "copyright", "social-media/the-law-when-you-post.md", "copyright", "copyright"),
    T("2", "data protection and being a data controller", "social-media/the-law-when-you-post.md",
      "data-protection", "data controller"),
    T("2", "harassment when you post", "social-media/the-law-when-you-post.md", "harassment",
      "harass"),
    T("2", "incitement", "social-media/the-law-when-you-post.md", "incitement", "incit", "encourag"),
    T("2", "discrimination and the Equality Act 2010", "social-media/the-law-when-you-post.md",
      "equality", "equality act 2010", "discriminat"),
    T("2", "the public sector equality duty", "social-media/the-law-when-you-post.md", "equality",
      "equality duty"),
    T("2", "obscene and malicious messages", "social-media/the-law-when-you-post.md",
      "malicious-messages", "malicious communications act 1988", "communications act 2003"),
    T("2", "Article 8 privacy", "social-media/the-law-when-you-post.md", "privacy", "article 8"),
    T("2", "predetermination on planning and licensing", "social-media/planning-and-licensing.md",
      "predetermination", "predetermin", "closed mind"),
    T("2", "bias: interests and close associates", "social-media/planning-and-licensing.md", None,
      "bias", "declare an interest"),
    T("2", "planning and licensing decisions", "social-media/planning-and-licensing.md", None,
      "planning", "licensing"),
    T("2", "the pre-election period", "social-media/elections.md", "pre-election-period",
      "pre election"),
    T("2", "council resources at election time", "social-media/elections.md", "council-resources",
      "resources"),
    T("2", "using devices in committee meetings", "social-media/committee-meetings.md", None,
      "committee", "device|phone|tablet|laptop"),
    T("2", "moderating your own page or group", "social-media/your-own-page.md", "moderation",
      "moderat"),
    T("2", "profanity filters", "social-media/your-own-page.md", None, "profanity"),
    T("2", "co-admins", "social-media/your-own-page.md", None, "admin"),
    T("2", "a rules of engagement notice", "social-media/your-own-page.md", "rules-of-engagement",
      "rules of engagement"),
    T("2", "dos", "social-media/dos-and-donts.md", "do", "do"),
    T("2", "don'ts", "social-media/dos-and-donts.md", "dont", "don't|do not"),
    # 3. Staying safe online
    T("3", "passwords", "online-safety/accounts.md", "passwords", "password"),
    T("3", "two-factor authentication", "online-safety/accounts.md", "two-factor-authentication",
      "two factor"),
    T("3", "phishing", "online-safety/accounts.md", "phishing", "phishing"),
    T("3", "personal information", "online-safety/personal-information.md", None,
      "personal information|personal details"),
    T("3", "your location", "online-safety/personal-information.md", "location", "location"),
    T("3", "photos and tagging", "online-safety/personal-information.md", "photos-and-tagging",
      "photo", "tag"),
    T("3", "searching for yourself", "online-safety/personal-information.md", "search-for-yourself",
      "search"),
    T("3", "separating councillor and private life", "online-safety/boundaries.md",
      "separate-accounts", "private|personal"),
    T("3", "setting your own limits and response times", "online-safety/boundaries.md",
      "response-times", "respond|reply"),
    # 4. Handling abuse and intimidation
    T("4", "the definition of public intimidation", "abuse/index.md", "public-intimidation",
      "public intimidation", "public life"),
    T("4", "legitimate challenge and politics versus abuse", "abuse/index.md",
      "legitimate-challenge", "challenge"),
    T("4", "trolls", "abuse/index.md", "trolls", "troll"),
    T("4", "\"why can't they just\"", "abuse/index.md", "why-cant-they-just", "why can't they just"),
    T("4", "smear campaigns", "abuse/index.md", "smear-campaigns", "smear"),
    T("4", "bullying and harassment", "abuse/index.md", "bullying-and-harassment", "bully|bullie",
      "harass"),
    T("4", "pile-ons", "abuse/index.md", "pile-ons", "pile on"),
    T("4", "first steps: be safe", "abuse/first-steps.md", "be-safe", "999"),
    T("4", "first steps: keep a record", "abuse/first-steps.md", "keep-a-record", "screenshot",
      "record"),
    T("4", "first steps: tell the council, for a collective record", "abuse/first-steps.md",
      "tell-the-council", "member support|monitoring officer", "record"),
    T("4", "register of potentially violent persons", "abuse/first-steps.md", "tell-the-council",
      "potentially violent"),
    T("4", "respond", "abuse/respond-ignore-or-block.md", "respond", "respond|reply"),
    T("4", "ignore", "abuse/respond-ignore-or-block.md", "ignore", "ignor"),
    T("4", "hide", "abuse/respond-ignore-or-block.md", "hide-or-delete", "hid"),
    T("4", "mute", "abuse/respond-ignore-or-block.md", "mute", "mute"),
    T("4", "block", "abuse/respond-ignore-or-block.md", "block", "block"),
    T("4", "rumours and misinformation", "abuse/misinformation.md", None, "rumour",
      "misinformation"),
    T("4", "reporting to X", "abuse/reporting-to-platforms.md", "x", "report", "help"),
    T("4", "reporting to Facebook", "abuse/reporting-to-platforms.md", "facebook", "report"),
    T("4", "Facebook group admins", "abuse/reporting-to-platforms.md", "facebook-groups", "admin"),
    T("4", "reporting to Instagram", "abuse/reporting-to-platforms.md", "instagram", "report"),
    T("4", "reporting to other platforms", "abuse/reporting-to-platforms.md", "other-platforms",
      "report"),
    T("4", "blogs", "abuse/reporting-to-platforms.md", "blogs", "blog"),
    T("4", "intimidation by phone", "abuse/phone-letters-and-email.md", "phone", "call"),
    T("4", "intimidation by letter", "abuse/phone-letters-and-email.md", "letters", "letter"),
    T("4", "intimidation by email", "abuse/phone-letters-and-email.md", "email", "email"),
    T("4", "defamation and what to do", "abuse/false-statements.md", None, "defamat", "what to do"),
    T("4", "what a councillor can and cannot get funded", "abuse/false-statements.md", "funding",
      "defen", "pay|fund"),
    T("4", "looking after yourself", "abuse/looking-after-yourself.md", "support", "support"),
    T("4", "taking a break", "abuse/looking-after-yourself.md", "taking-a-break", "break"),
    # 5. Personal safety
    T("5", "planning for your safety", "personal-safety/index.md", "plan-ahead", "plan"),
    T("5", "ward surgeries: premises", "personal-safety/ward-surgeries.md", "premises",
      "venue|premises"),
    T("5", "ward surgeries: room layout", "personal-safety/ward-surgeries.md", "room-layout",
      "door"),
    T("5", "ward surgeries: security checks", "personal-safety/ward-surgeries.md",
      "security-checks", "check"),
    T("5", "home visits", "personal-safety/home-visits.md", None, "visit"),
    T("5", "callers at your home", "personal-safety/at-home.md", "callers-at-home", "door"),
    T("5", "home security", "personal-safety/at-home.md", "home-security", "lock|alarm|light"),
    T("5", "meetings that end late", "personal-safety/meetings-and-events.md", "meetings",
      "late|after dark"),
    T("5", "demonstrations", "personal-safety/meetings-and-events.md", "demonstrations",
      "demonstration|protest"),
    T("5", "travelling by car", "personal-safety/travelling.md", "car", "car"),
    T("5", "public transport", "personal-safety/travelling.md", "public-transport-and-taxis",
      "bus|train"),
    T("5", "taxis", "personal-safety/travelling.md", "public-transport-and-taxis", "taxi"),
    T("5", "cycling", "personal-safety/travelling.md", "cycling", "bike|cycl"),
    T("5", "walking", "personal-safety/travelling.md", "walking", "walk"),
    T("5", "reporting incidents", "personal-safety/reporting-incidents.md", None, "report"),
    T("5", "hate incidents", "personal-safety/reporting-incidents.md", "hate-incidents",
      "hate incident"),
    # 6. The law
    T("6", "reasonableness: how police and courts judge it", "law/index.md", "reasonableness",
      "reasonable"),
    T("6", "why your own reaction still counts", "law/index.md", "your-reaction-counts",
      "report|act"),
    T("6", "harassment under the Protection from Harassment Act 1997", "law/harassment.md", None,
      "protection from harassment act 1997"),
    T("6", "course of conduct", "law/harassment.md", "course-of-conduct", "course of conduct",
      "two occasions"),
    T("6", "the six Dowson steps", "law/harassment.md", "dowson-steps", "dowson",
      "oppressive and unacceptable", "torment"),
    T("6", "fear of violence", "law/harassment.md", "fear-of-violence", "violence",
      "section 4|s4"),
    T("6", "stalking", "law/harassment.md", "stalking", "stalking",
      "protection of freedoms act 2012"),
    T("6", "restraining orders", "law/harassment.md", "restraining-orders", "restraining order"),
    T("6", "injunctions", "law/harassment.md", "injunctions", "injunction"),
    T("6", "the council acting in its own name", "law/harassment.md", "council-acting", "3a"),
    T("6", "Malicious Communications Act 1988", "law/communications-offences.md",
      "malicious-communications", "malicious communications act 1988", "section 1",
      "grossly offensive"),
    T("6", "Communications Act 2003 section 127", "law/communications-offences.md",
      "communications-act", "127"),
    T("6", "Online Safety Act 2023: false and threatening communications",
      "law/communications-offences.md", "online-safety-act", "179", "181"),
    T("6", "the table of intimidatory offences with Act and section", "law/offences.md",
      "offences-table", "offences against the person act 1861", "criminal damage act 1971",
      "public order act 1986", "online safety act 2023", "computer misuse act 1990"),
    T("6", "threats", "law/offences.md", "threats", "threat"),
    T("6", "Elections Act 2022 disqualification orders", "law/offences.md", "elections-act",
      "disqualif", "5 years|five years"),
    T("6", "what defamation is", "law/defamation.md", "what-defamation-is", "serious harm"),
    T("6", "Derbyshire v Times Newspapers", "law/defamation.md", "case-law", "derbyshire"),
    T("6", "McLaughlin v Lambeth", "law/defamation.md", "case-law", "mclaughlin"),
    T("6", "Thompson v James", "law/defamation.md", "case-law", "thompson"),
    T("6", "the 2004 indemnities order", "law/defamation.md", "indemnities", "2004"),
    T("6", "freedom of expression: Article 10", "law/freedom-of-expression.md", "article-10",
      "article 10"),
    T("6", "privacy: Article 8", "law/freedom-of-expression.md", "article-8", "article 8"),
    T("6", "working with the police", "law/working-with-the-police.md", None, "police"),
    # 7. The decision tools
    T("7", "the decision tools, each on its own page", "tools/index.md", "list",
      "could this be harassment", "should i report it", "should i respond", "should i post this"),
    T("7", "how each tool decides, written out for print", "tools/index.md", "how-they-decide",
      "print"),
    # 8. Support and contacts
    T("8", "the council's contact table", "support/index.md", "council-contacts",
      "monitoring officer", "member support"),
    T("8", "police contacts", "support/index.md", "police", "999", "101"),
    T("8", "counselling and wellbeing services", "support/wellbeing.md", "counselling", "counsel"),
    T("8", "the political group", "support/index.md", "political-group",
      "group leader|political group"),
    T("8", "national services", "support/index.md", "national-services", "samaritans", "116 123"),
    # 9. About
    T("9", "about this toolkit", "about/index.md", "sources", "metropolitan borough council"),
    T("9", "when the law was last checked", "about/index.md", "law-last-checked",
      "law last checked: 2 december 2026"),
    T("9", "glossary", "about/glossary.md", None, "course of conduct"),
    T("9", "accessibility statement", "about/accessibility.md", "compliance-status", "wcag 2.2"),
    T("9", "printable handbooks", "about/handbooks.md", "handbooks", "pdf"),
]

# Every term a reader may need explained: the glossary must define each of them.
GLOSSARY_TERMS = [
    "Aggravated offence", "Article 8", "Article 10", "Block", "Code of conduct", "Copyright",
    "Course of conduct", "Cyberflashing", "Data controller", "Data protection", "Defamation",
    "Disqualification order", "Dowson steps", "Doxxing", "Equality Act 2010",
    "False communication", "Grossly offensive", "Harassment", "Hate crime", "Hate incident",
    "Incitement", "Indemnity", "Injunction", "Libel", "Malicious communication", "Member support",
    "Misinformation", "Monitoring officer", "Mute", "Official capacity", "Phishing", "Pile-on",
    "Predetermination", "Pre-election period", "Public intimidation", "Public-meeting test",
    "Public sector equality duty", "Register of interests",
    "Register of potentially violent persons", "Restraining order", "Rules of engagement notice",
    "Sensitive interest", "Serious harm", "Slander", "Smear campaign", "Stalking",
    "Stirring up hatred", "Threat to kill", "Threatening communication", "Troll",
    "Two-factor authentication", "Close associate", "Crime reference number",
    "Employee assistance programme", "Hacking", "Honest opinion", "Predisposition", "Privilege",
    "Public electronic communications network", "Special measures", "Victim personal statement",
    "Victims' Code", "UK GDPR",
]


def _normal(s: str) -> str:
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'").replace("-", " ")
    return re.sub(r"\s+", " ", s)


def _coverage_problem(topic: Topic) -> str | None:
    path = DOCS / topic.page
    where = f"{topic.page}" + (f"#{topic.anchor}" if topic.anchor else "")
    if not path.exists():
        return f"{where}: the page does not exist"
    md = path.read_text(encoding="utf-8")
    if topic.anchor is None:
        section = whole_page(md)
    else:
        found = sections(md)
        if topic.anchor not in found:
            return f"{where}: no heading with this id (ids on the page: {', '.join(found) or 'none'})"
        section = found[topic.anchor]
    if section.body_words < MIN_WORDS:
        return f"{where}: only {section.body_words} words of text, fewer than {MIN_WORDS}"
    body = section.text
    missing = [p for p in topic.phrases
               if not any(_normal(alt) in _normal(body) for alt in p.split("|"))]
    if missing:
        return f"{where}: does not mention {' / '.join(repr(m) for m in missing)}"
    return None


def test_the_topic_table_covers_every_item_of_the_content_guide():
    assert len(TOPICS) >= 60
    assert {t.item for t in TOPICS} == {str(n) for n in range(1, 10)}
    assert len({t.name for t in TOPICS}) == len(TOPICS), "each topic is listed once"


@pytest.mark.parametrize("topic", TOPICS, ids=[f"{t.item}: {t.name}" for t in TOPICS])
def test_topic_is_covered(topic):
    problem = _coverage_problem(topic)
    assert problem is None, f"Topic {topic.item} {topic.name!r} is not covered. {problem}"


def test_the_checker_rejects_a_stub_and_a_missing_phrase(tmp_path, monkeypatch):
    """The coverage check itself can fail: a stub section and a missing phrase are caught."""
    (tmp_path / "p.md").write_text("# P\n\n## Stub {#stub}\n\nThis page is being written.\n\n"
                                   "## Real {#real}\n\n" + "Block or mute an account that abuses you. " * 4)
    monkeypatch.setattr(sys.modules[__name__], "DOCS", tmp_path)
    assert "fewer than" in _coverage_problem(T("4", "x", "p.md", "stub", "written"))
    assert "'hide'" in _coverage_problem(T("4", "x", "p.md", "real", "mute", "hide"))
    assert _coverage_problem(T("4", "x", "p.md", "real", "mute|hide", "block")) is None
    assert "no heading" in _coverage_problem(T("4", "x", "p.md", "nothing", "mute"))
    assert "does not exist" in _coverage_problem(T("4", "x", "q.md", None, "mute"))


def test_no_page_is_still_a_stub():
    stubs = [page_name(p) for p in guidance_pages()
             if "this page is being written" in p.read_text(encoding="utf-8").lower()]
    assert not stubs, f"These pages are still stubs: {', '.join(stubs)}"


def test_start_page_leads_with_call_999():
    body = [line for line in lines((DOCS / "index.md").read_text(encoding="utf-8")) if line.text]
    assert body[0].heading and body[0].heading[0] == 1, "the start page opens with its title"
    assert body[1].text == "In danger now? Call 999", (
        f"the first thing after the title must be 'In danger now? Call 999', not {body[1].text!r}")
    assert "999" in body[2].text


def _glossary_terms() -> list[str]:
    source = (DOCS / "about" / "glossary.md").read_text(encoding="utf-8").split("\n")
    return [source[i].strip() for i in range(len(source) - 1)
            if source[i].strip() and source[i + 1].startswith(":")]


def test_glossary_defines_every_term():
    terms = {t.lower() for t in _glossary_terms()}
    missing = [t for t in GLOSSARY_TERMS if t.lower() not in terms]
    assert not missing, f"about/glossary.md does not define: {', '.join(missing)}"


def test_glossary_is_in_alphabetical_order():
    def key(term):  # letter by letter, ignoring case and punctuation; Article 8 before Article 10
        return re.sub(r"\d+", lambda m: m.group(0).zfill(4), re.sub(r"[^a-z0-9]", "", term.lower()))
    terms = _glossary_terms()
    out_of_order = [(a, b) for a, b in zip(terms, terms[1:]) if key(a) > key(b)]
    assert not out_of_order, f"Glossary terms out of alphabetical order: {out_of_order}"


LAW_PAGES = sorted(p for p in (DOCS / "law").glob("*.md"))


@pytest.mark.parametrize("path", LAW_PAGES, ids=[page_name(p) for p in LAW_PAGES])
def test_law_page_says_when_checked_and_not_legal_advice(path):
    body = _normal(text(path.read_text(encoding="utf-8")))
    assert "law last checked: 2 december 2026" in body, f"{page_name(path)}: no 'Law last checked' date"
    assert "not legal advice" in body, f"{page_name(path)}: does not say it is guidance, not legal advice"


def test_each_decision_tool_has_its_page_and_wizard():
    from decision_tools import TOOLS
    assert TOOLS
    for tool in TOOLS:
        path = DOCS / "tools" / f"{tool}.md"
        assert path.exists(), f"the decision tool {tool!r} has no page docs/tools/{tool}.md"
        placeholder = f'<div class="dt-wizard" data-tool="{tool}"></div>'
        assert placeholder in path.read_text(encoding="utf-8"), f"{page_name(path)}: no {placeholder}"


def test_start_page_and_tools_page_link_every_tool():
    tools = sorted(p.name for p in (DOCS / "tools").glob("*.md") if p.name != "index.md")
    start = (DOCS / "index.md").read_text(encoding="utf-8")
    overview = (DOCS / "tools" / "index.md").read_text(encoding="utf-8")
    missing = [f"index.md -> tools/{t}" for t in tools if f"(tools/{t})" not in start]
    missing += [f"tools/index.md -> {t}" for t in tools if f"({t})" not in overview]
    assert not missing, f"Tool pages not linked: {', '.join(missing)}"
