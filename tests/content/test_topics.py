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

# Added after the legal review of December 2026: the law of 2026, statements corrected, topics no
# page covered, and Welsh, parish and town councillors, Scotland and Northern Ireland. Each entry
# names the fact a reader must find and the section where it is.
TOPICS += [
    # Start here: who the toolkit is for, wherever they are
    T("1", "parish and town councillors in who it is for", "start-here/using-this-toolkit.md",
      "who-it-is-for", "parish", "scotland"),
    T("1", "parish and town councillors: the clerk as first contact",
      "start-here/parish-and-town-councillors.md", "your-clerk", "clerk", "first contact"),
    T("1", "parish and town councillors: code of conduct complaints go to the principal council",
      "start-here/parish-and-town-councillors.md", "code-of-conduct",
      "monitoring officer of the district or unitary council", "public services ombudsman for wales"),
    T("1", "parish and town councillors: Operation Ford does not cover them",
      "start-here/parish-and-town-councillors.md", "police", "operation ford", "does not"),
    T("1", "parish and town councillors: comment on planning, do not decide",
      "start-here/parish-and-town-councillors.md", "planning", "comment", "predetermination"),
    T("1", "Scotland and Northern Ireland: the police", "start-here/scotland-and-northern-ireland.md",
      "police", "police scotland", "psni", "operation ford"),
    T("1", "Scotland and Northern Ireland: codes and complaints",
      "start-here/scotland-and-northern-ireland.md", "code-of-conduct",
      "ethical standards commissioner", "local government commissioner for standards"),
    T("1", "Scotland and Northern Ireland: the criminal law differs",
      "start-here/scotland-and-northern-ireland.md", "criminal-law",
      "criminal justice and licensing (scotland) act 2010", "protection from stalking act (northern ireland) 2022"),
    T("1", "Scotland and Northern Ireland: what is the same and where to go",
      "start-here/scotland-and-northern-ireland.md", "where-to-go", "monitoring officer", "cosla", "nilga"),
    # Using social media well
    T("2", "the code of conduct in Wales", "social-media/code-of-conduct.md", "wales",
      "local government act 2000", "model code", "public services ombudsman for wales"),
    T("2", "complaints about another councillor, by council", "social-media/code-of-conduct.md",
      "another-councillor", "parish", "monitoring officer of the district or unitary council",
      "0300 790 0203"),
    T("2", "a closed mind: the usual remedy is quashing", "social-media/planning-and-licensing.md",
      "how-posts-cause-problems", "quash", "judicial review"),
    T("2", "the code of conduct: objectivity and quashing", "social-media/code-of-conduct.md",
      "objectivity", "quash"),
    T("2", "a parish or town council comments on planning and what predetermination then means",
      "social-media/planning-and-licensing.md", "parish-and-town-councils", "consultee",
      "not a decision", "planning committee"),
    T("2", "false statements about candidates", "social-media/elections.md",
      "false-statements-about-candidates", "section 106", "representation of the people act 1983",
      "personal character or conduct", "injunction"),
    T("2", "disqualification orders at election time, with their conditions", "social-media/elections.md",
      "safety", "schedule 9", "18 or over", "1 november 2023", "unjust"),
    T("2", "one line on blocking in the dos", "social-media/dos-and-donts.md", "do",
      "do not block people for criticism alone", "do block abuse and threats"),
    # Staying safe online
    T("3", "reporting a data breach: the likely-risk test", "online-safety/accounts.md",
      "if-you-are-hacked", "unlikely to put people's rights and freedoms at risk", "72 hours",
      "does not have to be serious"),
    T("3", "NCSC advice for people at higher risk", "online-safety/accounts.md", "higher-risk",
      "national cyber security centre", "high risk"),
    T("3", "the open register: opting out", "online-safety/personal-information.md",
      "electoral-register", "open register", "take your name off"),
    T("3", "anonymous registration where safety is at risk", "online-safety/personal-information.md",
      "anonymous-registration", "anonymously", "court order", "attestation"),
    T("3", "doxxing: what to do first", "online-safety/doxxing.md", "first", "999", "screenshot",
      "report it to the platform", "tell your family"),
    T("3", "doxxing: making your details harder to find", "online-safety/doxxing.md", "harder-to-find",
      "search engines", "open register", "register of interests"),
    T("3", "family members' safety online", "online-safety/your-family.md", None, "family",
      "location sharing", "school"),
    T("3", "if your family is targeted", "online-safety/your-family.md", "if-they-are-targeted",
      "police", "keep a record"),
    # Handling abuse and intimidation
    T("4", "a notice of complaint when the poster is anonymous", "abuse/false-statements.md",
      "what-to-do", "notice of complaint", "section 5 of the defamation act 2013",
      "do not know who posted"),
    T("4", "impersonation accounts", "abuse/fake-accounts-and-images.md", "impersonation",
      "impersonation", "report", "warn people"),
    T("4", "deepfakes", "abuse/fake-accounts-and-images.md", "deepfakes", "deepfake",
      "artificial intelligence"),
    T("4", "fake intimate images: sharing covers images that appear to show you",
      "abuse/fake-accounts-and-images.md", "fake-intimate-images", "s66b", "appears to show"),
    T("4", "fake intimate images: creating one is an offence", "abuse/fake-accounts-and-images.md",
      "fake-intimate-images", "s66e", "s66f", "created", "data (use and access) act 2025"),
    T("4", "fake intimate images: the Revenge Porn Helpline", "abuse/fake-accounts-and-images.md",
      "what-to-do", "revenge porn helpline", "0345 6000 459"),
    T("4", "Report Harmful Content when a platform does not act", "abuse/reporting-to-platforms.md",
      "if-the-platform-does-not-act", "report harmful content", "reportharmfulcontent.com"),
    T("4", "one line on blocking", "abuse/respond-ignore-or-block.md", "block",
      "block abuse and threats straight away", "do not block people only for criticising you"),
    T("4", "the trolls definition in our own order", "abuse/index.md", "trolls", "baits you",
      "starving it of attention"),
    T("4", "tell your clerk on a parish or town council", "abuse/first-steps.md", "tell-the-council",
      "clerk", "parish"),
    # Personal safety
    T("5", "hate incidents: the code of practice definition", "personal-safety/reporting-incidents.md",
      "hate-incidents", "code of practice", "non crime hate incident", "wholly or partly",
      "report it"),
    T("5", "self-defence is reasonable force", "personal-safety/home-visits.md",
      "if-something-happens", "reasonable force", "honestly saw"),
    T("5", "Operation Ford when reporting incidents", "personal-safety/reporting-incidents.md",
      "evidence", "force elected official adviser", "parish"),
    T("5", "keeping your address off the register, in England and in Wales",
      "personal-safety/at-home.md", "keep-your-address-private", "section 32", "in wales",
      "electoral register"),
    T("5", "the home-protest offence and whether it is in force", "personal-safety/at-home.md",
      "protests-at-home", "crime and policing act 2026", "in force"),
    # The law
    T("6", "the offences page opens with what to do", "law/offences.md", "what-to-do", "999", "101",
      "operation ford", "keep the evidence"),
    T("6", "Crime and Policing Act 2026: respect orders and the home-protest offence",
      "law/offences.md", "crime-and-policing-act", "29 april 2026", "respect order",
      "public office holder"),
    T("6", "Crime and Policing Act 2026: which parts are in force", "law/offences.md", "in-force",
      "29 june 2026", "could not confirm", "ask the police or the council's legal services"),
    T("6", "respect orders among the court orders", "law/offences.md", "court-orders",
      "respect order", "crime and policing act 2026"),
    T("6", "Elections Act 2022 disqualification: every condition", "law/offences.md", "elections-act",
      "schedule 9", "18 or over", "aggravated by hostility", "1 november 2023", "unjust"),
    T("6", "the Dowson points as the judgment words them", "law/harassment.md", "dowson-steps",
      "targeted at the claimant", "of an order which would sustain criminal liability"),
    T("6", "persistent misuse needs persistence", "law/communications-offences.md",
      "communications-act", "127(2)(c)", "one call or message is not enough"),
    T("6", "a notice of complaint: what it says and what the site must do", "law/defamation.md",
      "anonymous-posts", "notice of complaint", "defamation (operators of websites) regulations 2013",
      "48 hours", "five days"),
    T("6", "indemnities in England and in Wales", "law/defamation.md", "indemnities", "2004/3082",
      "2006/249", "parish", "community"),
    T("6", "Operation Ford and the Force Elected Official Adviser", "law/working-with-the-police.md",
      "liaison-officer", "operation ford", "force elected official adviser",
      "does not take crime reports", "999, 101 or online"),
    T("6", "Operation Ford does not cover parish and town councillors",
      "law/working-with-the-police.md", "parish-and-town-councillors", "does not cover", "report"),
    T("6", "sensitive interests are England only", "law/freedom-of-expression.md", "protects-you",
      "section 32", "in england", "wales"),
    # Support and contacts
    T("8", "national helplines", "support/index.md", "national-helplines", "national stalking helpline",
      "0808 802 0300", "revenge porn helpline", "0345 6000 459", "report harmful content"),
    T("8", "the Force Elected Official Adviser among police contacts", "support/index.md", "police",
      "force elected official adviser", "operation ford", "does not"),
    T("8", "the clerk on a parish or town council", "support/index.md", "parish-and-town-councils",
      "clerk", "monitoring officer", "one voice wales"),
    T("8", "code of conduct complaints in Wales", "support/index.md", "monitoring-officer",
      "public services ombudsman for wales", "0300 790 0203"),
    # About
    T("9", "what has changed, newest first", "about/changes.md", None, "december 2026",
      "november 2026", "crime and policing act 2026"),
    T("9", "what a council must change before it rebuilds", "about/changes.md",
      "december-2026-before-you-rebuild", "police adviser", "human resources", "clerk"),
    T("9", "the contact roles for councils, with the three changes", "about/adopting.md", "roles",
      "police adviser", "clerk", "human resources", "force elected official adviser"),
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
    # added in December 2026
    "Anonymous registration", "Clerk", "Deepfake", "Force Elected Official Adviser",
    "Impersonation account", "Notice of complaint", "Open register", "Operation Ford",
    "Principal council", "Public Services Ombudsman for Wales", "Quash", "Respect order",
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


THREAT_PAGES = ["law/harassment.md", "law/communications-offences.md", "law/offences.md"]


@pytest.mark.parametrize("page", THREAT_PAGES)
def test_a_page_a_threatened_reader_lands_on_leads_with_call_999(page):
    """The first thing after the title is the "In danger now? Call 999" box."""
    body = [line for line in lines((DOCS / page).read_text(encoding="utf-8")) if line.text]
    assert body[0].heading and body[0].heading[0] == 1
    assert body[1].text == "In danger now? Call 999", f"{page}: first comes {body[1].text!r}"
    assert "999" in " ".join(line.text for line in body[2:4]), "the box says to call 999"


def test_the_offences_page_says_what_to_do_before_its_tables():
    md = (DOCS / "law" / "offences.md").read_text(encoding="utf-8")
    ids = [line.heading[2] for line in lines(md) if line.heading and line.heading[0] == 2]
    assert ids[0] == "what-to-do", f"the first section is {ids[0]!r}, not what to do"
    assert ids.index("what-to-do") < ids.index("offences-table")


def test_no_page_keeps_the_misquoted_dowson_step():
    pages = [page_name(p) for p in guidance_pages()
             if "or an order which would sustain" in _normal(text(p.read_text(encoding="utf-8")))]
    assert not pages, f"the judgment says 'of an order': {pages}"


# Role ids are for the build and the tools. Readers see job titles. about/adopting.md is for the
# council's officer, and support/index.md's contact table is the one place that lists them.
ROLE_IDS = ["police-emergency", "police-non-emergency", "police-liaison", "police-adviser",
            "monitoring-officer", "member-support", "democratic-services", "legal-services",
            "it-service-desk", "political-group", "human-resources"]
FOR_COUNCILS = {"about/adopting.md", "about/changes.md"}


def test_reader_facing_text_shows_job_titles_not_role_ids():
    found = []
    for path in guidance_pages():
        name = page_name(path)
        if name in FOR_COUNCILS or name.startswith("tools/"):
            continue
        md = path.read_text(encoding="utf-8")
        if name == "support/index.md":  # leave out the contact table itself: it is keyed by role
            md = "\n".join(l for l in md.split("\n") if not re.match(r"^\|\s*[a-z-]+\s*\|", l))
        body = text(md).lower()
        found += [f"{name}: {r}" for r in ROLE_IDS if re.search(rf"(?<![#/\w-]){r}(?![\w-])", body)]
    assert not found, f"role ids shown to readers: {found}"


def test_the_platforms_section_quotes_no_out_of_date_figures():
    section = sections((DOCS / "social-media" / "index.md").read_text(encoding="utf-8"))["platforms"]
    assert not re.search(r"\b20(?:1\d|2[0-3])\b|per cent|million", section.text), (
        "figures from the source documents' years have gone stale: give current ones or none")


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
