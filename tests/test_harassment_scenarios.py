"""Realistic situations for "Could this be harassment, or another offence?" (`harassment`).

Each scenario is a situation from the source documents (shared/seeds) or the content guide, put
to the tool as a councillor would answer it, with what a careful adviser would say: the offences
and other law that must and must not be listed, the urgency, the first action, the contacts.
The expectations are written from the law and the sources, not from the tool's output: where
the tool disagrees and the law is on the scenario's side, the scenario is kept and fails.

The law the expectations rest on (current to December 2026, per the content guide):
- Protection from Harassment Act 1997: s1 and s2 (a course of conduct: two occasions, s7(3)(a));
  s1(1A) with s7(3)(b) (two or more people, one occasion each, meant to make them do or not do
  something); s4 (fear of violence on at least two occasions); ss2A, 4A (stalking); s3
  (injunction); Sentencing Act 2020 s360 and PHA s5A (restraining orders).
  Dowson v Chief Constable of Northumbria Police [2010] EWHC 2612 (QB): the six steps.
- Online Safety Act 2023 s181 (threat of death or serious harm, serious financial loss included)
  and s179 (false communications): the person must "send a message", which s182(2) defines as a
  communication by electronic means (oral included: a call) or a letter or thing sent or given;
  words said face to face are not a message.
- Malicious Communications Act 1988 s1 (indecent or grossly offensive letters and electronic
  communications); Communications Act 2003 s127(1) (grossly offensive, indecent, obscene or
  menacing, over a public electronic network) and s127(2)(c) (persistent use of the network for
  the purpose of causing annoyance, inconvenience or needless anxiety: the purpose is for the
  court, but a reader's "rude, no worse" rules it out for this tool, which then offers no
  offence and advises a record). A letter is not a network.
- Offences Against the Person Act 1861 s16: threats to kill, however made.
- Criminal Damage Act 1971 s2: a threat to destroy or damage property belonging to another, with
  no requirement that carrying it out would endanger life (s2(a)); s2(b) is about threats to
  damage one's own property in a way likely to endanger life.
- Public Order Act 1986 s4 (belief that immediate unlawful violence will be used), s4A, s5: words,
  behaviour or displayed writing within the person's hearing or sight.
- Criminal Justice and Police Act 2001 s42 (police direction to leave the vicinity of a home) and
  s42A (harassment in the home: one occasion is enough). Crime and Policing Act 2026: the
  home-protest offence, in force only when regulations say so.
- Crime and Disorder Act 1998 ss28-32: race or religion only, and only the offences they
  aggravate (assaults, criminal damage under CDA 1971 s1, Public Order Act ss4, 4A, 5, PHA ss2, 2A,
  4, 4A); not threats to kill, not s181, not MCA s1 or CA s127. Sentencing Act 2020 s66: any
  offence, with hostility on race, religion, disability, sexual orientation or transgender identity.
  Hostility with no offence is a hate incident: report it, but it is not "an offence". Stirring up
  hatred (Public Order Act 1986 Parts 3 and 3A) is about hatred against a group, not abuse of one
  person.
- Criminal Justice and Public Order Act 1994 s51: intimidating a witness.
- Computer Misuse Act 1990 s1: unauthorised access. Not an Elections Act 2022 Schedule 9 offence.
- Elections Act 2022 Part 5 (s30, Schedule 9): a disqualification order needs a Schedule 9 offence,
  an offender aged 18 or over, and hostility to the victim as an office-holder.
- Defamation Act 2013 s1 and s5; Human Rights Act 1998, Article 10.
- Operation Ford (from March 2025): principal councillors say it is an "Operation Ford" incident
  when they report; it does not cover parish, town and community councillors.
"""

from __future__ import annotations

import pytest

import decision_tools
from scenarios import Scenario, check

TOOL = "harassment"

# Law entry ids (decision_tools/law.py)
PHA = "harassment"
SEVERAL = "harassing-several-people"
FEAR = "fear-of-violence"
STALKING = "stalking"
S181 = "threatening-communications"
S179 = "false-communications"
MCA = "malicious-communications"
S127_1 = "improper-use-of-network"
S127_2 = "persistent-misuse-of-network"
S16 = "threats-to-kill"
CDA_S2 = "threats-to-damage-property"
POA_S4 = "fear-or-provocation-of-violence"
POA_S4A = "intentional-harassment-alarm-distress"
POA_S5 = "harassment-alarm-distress"
S42A = "harassment-at-home"
S42 = "police-direction-at-home"
HOME_PROTEST = "home-protest-offence"
AGGRAVATED = "racially-or-religiously-aggravated"
S66 = "hostility-in-sentencing"
CMA = "unauthorised-access"
WITNESS = "intimidating-witnesses"
DISQUALIFY = "disqualification-orders"
INJUNCTION = "harassment-injunction"
RESTRAINING = "restraining-order"
DEFAMATION = "defamation"
OPERATOR = "website-operator-notice"
INDEMNITIES = "indemnities"
ARTICLE_10 = "freedom-of-expression"
STIRRING_UP = "stirring-up-hatred"  # no such entry, and none should be added for abuse of one person

# Words an action must (or must not) contain
OP_FORD = 'an "Operation Ford" incident'
NOT_PARISH = "does not cover parish"
AT_HOME = "safety at home"
FAMILY = "Tell your family"
REMOVE_DETAILS = "your family's details"
REPORT_POST = "Report the post"

PRINCIPAL = dict(contacts=("police-adviser",), not_contacts=("clerk",))

# Sources
SEFTON = "seeds/000 (metropolitan borough council policy)"
TOWN = "seeds/001 (town council intimidation guidance)"
INTRANET = "seeds/002 (intranet social media toolkit)"
CITY = "seeds/003 (city council guidance note)"
LGA = "seeds/004 (national association's guides)"
GUIDE = "CONTENT_GUIDE.md, The law has moved"


def A(*what, **rest) -> dict:
    """The answers: not in danger now, then what happened, then the rest."""
    return {"danger": "no", "what_happened": list(what), **rest}


def S(name, source, answers, urgency, **kw) -> Scenario:
    return Scenario(name=name, source=source, tool=TOOL, answers=answers, urgency=urgency, **kw)


SCENARIOS = [
    # -- a threat, and how it arrived ------------------------------------------------------
    S("threat to kill by text, once", f"{SEFTON} s3 (threats to kill should be reported to the police); {GUIDE} (OSA s181)",
      A("threat_kill", channel=["electronic"], occasions="once", council="principal"),
      "urgent", lead="threat-to-kill", offences=(S16, S181, DISQUALIFY),
      not_offences=(PHA, FEAR, STALKING, POA_S4, POA_S4A, POA_S5, S127_2),
      first_action="999", actions=("Report it to the police today", OP_FORD),
      contacts=("police-emergency", "police-non-emergency", "police-adviser"), not_contacts=("clerk",),
      extra={"dowson": {1: "not met"}, "elements": {DISQUALIFY: ("offence", "adult", "role")}}),
    S("threat to kill said face to face at a surgery, violence feared there and then",
      f"{TOWN} 2.3.2 (threatening remarks at a surgery) and 5.2 table (POA s4, OAPA s16)",
      A("threat_kill", channel=["in_person"], immediate="yes", occasions="once", council="principal"),
      "urgent", lead="threat-to-kill", offences=(S16, POA_S4), not_offences=(S181, MCA, S127_1, PHA),
      first_action="999", actions=(OP_FORD,), **PRINCIPAL),
    S("'hang the councillor' placard at a meeting: threat to kill, not immediate",
      f"{TOWN} 5.2 table (POA s4 and s4A apply to banners and posters; OAPA s16 'without lawful excuse')",
      A("threat_kill", "in_person", channel=["in_person"], immediate="no", occasions="once", council="principal"),
      "urgent", offences=(S16, POA_S4A, POA_S5), not_offences=(POA_S4, S181, MCA, S127_1),
      first_action="999", mixed=True, **PRINCIPAL),
    S("threat of serious violence by direct message, once",
      f"{LGA} 'Reporting an issue to the police' (threats of violence); {GUIDE} (OSA s181)",
      A("threat_harm", channel=["electronic"], occasions="once", council="principal"),
      "urgent", lead="threat-of-harm", offences=(S181,), not_offences=(S16, POA_S4, POA_S4A, POA_S5, PHA),
      first_action="999", actions=(OP_FORD, "Report the post, message or account to the platform"), **PRINCIPAL),
    S("threat of rape in a letter",
      f"{SEFTON} s3 (threats to rape should be reported); {GUIDE} (OSA s181 covers letters, s182)",
      A("threat_harm", channel=["letter"], occasions="once", council="principal"),
      "urgent", offences=(S181,), not_offences=(S127_1, S127_2, POA_S4, S16),
      first_action="999", actions=("Report it to the police today",), **PRINCIPAL),
    S("threat to kill in a voicemail to a parish councillor",
      f"{TOWN} 1.3 (intimidation on the telephone); {GUIDE} (Operation Ford does not cover local councillors)",
      A("threat_kill", channel=["electronic"], occasions="once", council="local"),
      "urgent", offences=(S16, S181), not_offences=(POA_S4, PHA),
      first_action="999", actions=(NOT_PARISH,), not_actions=(OP_FORD,),
      contacts=("police-emergency", "police-non-emergency", "clerk"), not_contacts=("police-adviser",)),
    S("threat of serious violence shouted on the doorstep, violence feared there and then",
      f"{TOWN} 2.5 (callers at your home: contact the police if angry or aggressive)",
      A("threat_harm", channel=["home"], immediate="yes", occasions="once", council="principal"),
      "urgent", offences=(POA_S4, S42), not_offences=(S181, S16),
      first_action="999", actions=(AT_HOME, OP_FORD), **PRINCIPAL),
    S("threat to kill passed on by word of mouth ('another way')",
      f"{TOWN} 5.2 table (OAPA s16, threat 'without lawful excuse', however made)",
      A("threat_kill", channel=["none"], occasions="once", council="principal"),
      "urgent", offences=(S16,), not_offences=(S181, POA_S4), first_action="999", **PRINCIPAL),
    S("threat of serious violence in a single tweet: a post rarely meets POA s4",
      f"{SEFTON} 2.8 (reporting abuse on X); {GUIDE} (OSA s181)",
      A("threat_harm", channel=["electronic"], occasions="once", council="local"),
      "urgent", offences=(S181,), not_offences=(POA_S4, POA_S4A, POA_S5, S16),
      actions=(NOT_PARISH,), contacts=("clerk",), not_contacts=("police-adviser",)),

    # -- threats together with repeated contact ---------------------------------------------
    S("repeated threats to kill by text, each one frightening",
      f"{TOWN} 5.4.2-5.4.3 and 5.5.5 (Dowson); {SEFTON} 3.1",
      A("threat_kill", "repeated", channel=["electronic"], targeted="yes", severity="fear", council="principal"),
      "urgent", lead="threat-to-kill",
      offences=(S16, S181, PHA, FEAR, S127_2, RESTRAINING, INJUNCTION, DISQUALIFY),
      not_offences=(STALKING, POA_S4),
      findings=("threat-to-kill", "harassment", "fear-of-violence"),
      first_action="999", actions=("restraining order", OP_FORD),
      contacts=("police-emergency", "legal-services", "monitoring-officer", "police-adviser"),
      not_contacts=("clerk",), mixed=True,
      extra={"dowson": {1: "met", 2: "met", 3: "met", 4: "met"},
             "elements": {DISQUALIFY: ("offence", "adult", "role")}}),
    S("repeated threats to kill, reader not sure how it felt: fear of violence still weighed",
      f"{TOWN} 5.4.1 (the victim's reaction is legitimate) and 5.2 table (PHA s4, two occasions)",
      A("threat_kill", "repeated", channel=["electronic"], targeted="yes", severity="not_sure", council="principal"),
      "urgent", offences=(S16, S181, PHA, FEAR), not_offences=(STALKING,),
      first_action="999", mixed=True, **PRINCIPAL, extra={"dowson": {1: "met"}}),
    S("threats of violence and being followed",
      f"{TOWN} 5.2 table (PHA ss2A, 4A stalking) and 2.9.1 (being followed)",
      A("threat_harm", "followed", channel=["electronic"], occasions="more", targeted="yes", severity="fear", council="local"),
      "urgent", offences=(S181, STALKING, FEAR, PHA, RESTRAINING),
      findings=("threat-of-harm", "stalking", "fear-of-violence"),
      first_action="999", actions=("0808 802 0300", NOT_PARISH), contacts=("clerk", "legal-services"),
      not_contacts=("police-adviser",), mixed=True, extra={"dowson": {1: "met"}}),
    S("pile-on of abusive posts, some threatening serious harm",
      f"{TOWN} 4.3.5 and {SEFTON} 2.6 (many users at once: tell the platform, the council, and the police if any threaten)",
      A("threat_harm", "offensive", channel=["electronic"], occasions="more", targeted="yes", severity="alarming",
        council="principal"),
      "urgent", offences=(S181, MCA, S127_1), not_offences=(PHA, STALKING, POA_S4),
      first_action="999", actions=("Report the post, message or account to the platform", OP_FORD),
      mixed=True, **PRINCIPAL, extra={"dowson": {1: "met", 4: "not met"}}),
    S("threatening phone calls at night, again and again",
      f"{TOWN} 1.3 (telephone intimidation); {GUIDE} (CA 2003 s127 persistent misuse; OSA s181 includes calls)",
      A("threat_harm", "repeated", channel=["electronic"], targeted="yes", severity="fear", council="principal"),
      "urgent", offences=(S181, S127_2, PHA, FEAR), not_offences=(POA_S4, STALKING),
      first_action="999", actions=("mute or block",), mixed=True, **PRINCIPAL, extra={"dowson": {1: "met"}}),
    S("repeated posts saying councillors in general should be shot, not aimed at the reader",
      f"{LGA} 'Legitimate challenge and scrutiny' and 'Bullying and harassment'; {GUIDE} (OSA s181)",
      A("threat_kill", "repeated", channel=["electronic"], targeted="no", council="principal"),
      "urgent", offences=(S181,), not_offences=(PHA, FEAR, STALKING, S127_2), mixed=True, **PRINCIPAL,
      extra={"dowson": {1: "met", 2: "not met"}}),

    # -- threats to property -----------------------------------------------------------------
    S("text threatening to smash the windows of the councillor's car",
      f"{TOWN} 5.2 table (CDA 1971 s2, threats to destroy or damage property)",
      A("threat_property", property_serious="no", channel=["electronic"], occasions="once", council="principal"),
      "soon", lead="property-threat", offences=(CDA_S2,), not_offences=(S181, S16, PHA),
      first_action="Report it to the police", actions=(OP_FORD,), **PRINCIPAL),
    S("'we will burn your house down' by direct message",
      f"{SEFTON} s3 (damage to property such as arson should be reported); {GUIDE} (OSA s181: serious financial loss)",
      A("threat_property", property_serious="yes", channel=["electronic"], occasions="once", council="principal"),
      "urgent", lead="serious-property-threat", offences=(CDA_S2, S181),
      not_offences=(PHA, POA_S4), first_action="999", actions=("smoke alarms", "Report it to the police today", OP_FORD),
      contacts=("police-emergency",), not_contacts=("clerk",)),
    S("'we will burn your house down' in a note through the door",
      f"{TOWN} 5.2 table (CDA 1971 s2; arson could also amount to a threat to kill); {GUIDE} (OSA s181, s182 letters)",
      A("threat_property", property_serious="yes", channel=["letter"], occasions="once", council="local"),
      "urgent", offences=(CDA_S2, S181), not_offences=(S127_1, S127_2),
      first_action="999", actions=("smoke alarms", NOT_PARISH), contacts=("clerk",), not_contacts=("police-adviser",)),
    S("'we will burn your house down' said to the councillor's face at a meeting",
      f"{TOWN} 2.7 (meetings) and 5.2 table (CDA 1971 s2)",
      A("threat_property", property_serious="yes", channel=["in_person"], occasions="once", council="principal"),
      "urgent", offences=(CDA_S2,), not_offences=(S181, POA_S4),
      first_action="999", actions=("smoke alarms",), **PRINCIPAL),
    S("arson threat by email, reader not sure whether lives would be at risk",
      f"{SEFTON} s3 (arson should be reported to the police); CONTENT_GUIDE.md 'How it is written' (lead with safety)",
      A("threat_property", property_serious="not_sure", channel=["electronic"], occasions="once", council="principal"),
      "urgent", offences=(CDA_S2,), first_action="999", **PRINCIPAL),
    S("letters to five councillors threatening to burn their homes unless they vote the plan down",
      f"{SEFTON} 3.1 (PHA s1(1A) and s3A: two or more members); {TOWN} 5.2 table (CDA 1971 s2)",
      A("threat_property", "others", "pressure", property_serious="yes", channel=["letter"], occasions="once",
        council="principal"),
      "urgent", offences=(CDA_S2, S181, SEVERAL), not_offences=(PHA, S127_1),
      first_action="999", actions=("smoke alarms", "others are targeted too"),
      contacts=("monitoring-officer", "legal-services"), not_contacts=("clerk",), mixed=True),
    S("repeated emails threatening to damage the councillor's car",
      f"{TOWN} 5.4.4 (number of contacts, more than one method) and 5.2 table (CDA 1971 s2, PHA s1)",
      A("threat_property", "repeated", property_serious="no", channel=["electronic"], targeted="yes",
        severity="oppressive", council="principal"),
      "soon", offences=(CDA_S2, PHA, S127_2), not_offences=(S181, STALKING), mixed=True, **PRINCIPAL,
      extra={"dowson": {1: "met"}}),

    # -- hostility -----------------------------------------------------------------------------
    S("repeated racist messages online, oppressive",
      f"{TOWN} 5.2 table (CDA 1998 ss28-32, racially aggravated) and 2.10.2 (report hate incidents)",
      A("repeated", "hostility", hostility_about=["race_religion"], channel=["electronic"], targeted="yes",
        severity="oppressive", council="principal"),
      "soon", offences=(PHA, AGGRAVATED, S66, S127_2), not_offences=(STIRRING_UP,),
      actions=("hate incident", OP_FORD), mixed=True, **PRINCIPAL),
    S("religious abuse shouted at the councillor at a public meeting",
      f"{TOWN} 2.3.2 (offensive, racist remarks: end the meeting) and 5.2 table (POA s4A; CDA ss28-32)",
      A("in_person", "hostility", hostility_about=["race_religion"], occasions="once", council="principal"),
      "soon", offences=(POA_S4A, POA_S5, AGGRAVATED, S66), not_offences=(S181, MCA, STIRRING_UP),
      actions=("hate incident",), mixed=True, **PRINCIPAL, extra={"may_apply": (AGGRAVATED,)}),
    S("one racist, grossly offensive email",
      f"{LGA} 'Reporting an issue to the police' (racist language); {SEFTON} 3.3 (MCA s1)",
      A("offensive", "hostility", hostility_about=["race_religion"], channel=["electronic"], occasions="once",
        council="principal"),
      "soon", offences=(MCA, S127_1, S66), not_offences=(AGGRAVATED, PHA, STIRRING_UP),
      actions=("hate incident",), mixed=True, **PRINCIPAL),
    S("one racist comment, nothing more: a hate incident, not an offence",
      f"{TOWN} 2.10.2 (hate incidents: report them)",
      A("hostility", hostility_about=["race_religion"], occasions="once", council="principal"),
      "soon", lead="hate-incident", not_offences=(AGGRAVATED, S66, DISQUALIFY, PHA, STIRRING_UP),
      actions=("hate incident",), **PRINCIPAL),
    S("disability abuse to the councillor's face at a ward surgery",
      f"{TOWN} 5.2 table (disability, transgender status or sexual orientation: factors in sentencing)",
      A("in_person", "hostility", hostility_about=["other"], occasions="once", council="local"),
      "soon", offences=(POA_S4A, POA_S5, S66), not_offences=(AGGRAVATED, STIRRING_UP),
      actions=("hate incident", NOT_PARISH), contacts=("clerk",), not_contacts=("police-adviser",), mixed=True),
    S("homophobic messages, again and again, oppressive",
      f"{SEFTON} 2.2 (LGBTQ+ councillors targeted); {TOWN} 5.2 table (sentencing factor)",
      A("repeated", "hostility", hostility_about=["other"], channel=["electronic"], targeted="yes",
        severity="oppressive", council="principal"),
      "soon", offences=(PHA, S66, S127_2), not_offences=(AGGRAVATED, STALKING), mixed=True, **PRINCIPAL),
    S("one transphobic remark, nothing more",
      f"{TOWN} 2.10.2 (hate incidents)",
      A("hostility", hostility_about=["other"], occasions="once", council="local"),
      "soon", lead="hate-incident", not_offences=(S66, AGGRAVATED, DISQUALIFY),
      actions=("hate incident",), contacts=("clerk",), not_contacts=("police-adviser",)),
    S("hostile abuse at a meeting, not sure what the hostility was about",
      f"{TOWN} 2.3.2 and 5.2 table",
      A("in_person", "hostility", hostility_about=["none"], occasions="once", council="principal"),
      "soon", offences=(POA_S4A, POA_S5, S66), not_offences=(AGGRAVATED,), mixed=True, **PRINCIPAL),
    S("racist threat to kill by text: CDA 1998 does not aggravate a threat to kill",
      f"{TOWN} 5.2 table (CDA 1998 ss28-32; OAPA s16)",
      A("threat_kill", "hostility", hostility_about=["race_religion"], channel=["electronic"], occasions="once",
        council="principal"),
      "urgent", lead="threat-to-kill", offences=(S16, S181, S66), not_offences=(AGGRAVATED,),
      first_action="999", actions=("hate incident",), mixed=True, **PRINCIPAL),
    S("racist protest outside the councillor's home, once",
      f"{TOWN} 2.8 (demonstrations) and 2.10.2 (hate incidents); {GUIDE} (Crime and Policing Act 2026)",
      A("protest_home", "hostility", hostility_about=["race_religion"], occasions="once", council="principal"),
      "urgent", lead="protest-at-home", offences=(S42A, S42, S66), not_offences=(PHA, AGGRAVATED),
      first_action="outside your home now", mixed=True, **PRINCIPAL),

    # -- one occasion is enough ---------------------------------------------------------------
    S("a crowd outside the councillor's home, once, over a planning decision",
      f"{TOWN} 2.8 (demonstrations: stay inside, inform the police); {GUIDE} (Crime and Policing Act 2026)",
      A("protest_home", occasions="once", council="principal"),
      "urgent", lead="protest-at-home", offences=(S42A, S42, HOME_PROTEST), not_offences=(PHA, STALKING),
      first_action="outside your home now", actions=(AT_HOME, FAMILY, OP_FORD),
      contacts=("police-emergency",), not_contacts=("clerk",), extra={"dowson": {1: "not met"}}),
    S("a protest outside a parish councillor's home, once",
      f"{TOWN} 2.8; {GUIDE} (Operation Ford does not cover local councillors)",
      A("protest_home", occasions="once", council="local"),
      "urgent", offences=(S42A, S42, HOME_PROTEST), not_offences=(PHA,),
      first_action="outside your home now", actions=(NOT_PARISH, FAMILY), not_actions=(OP_FORD,),
      contacts=("clerk", "police-emergency"), not_contacts=("police-adviser",)),
    S("protesters outside the home with abusive placards",
      f"{TOWN} 2.8 and 5.2 table (POA s4A applies to banners and posters)",
      A("protest_home", "in_person", occasions="once", council="principal"),
      "urgent", offences=(S42A, S42, POA_S4A, POA_S5), not_offences=(PHA, S181),
      first_action="outside your home now", actions=(AT_HOME,), mixed=True, **PRINCIPAL),
    S("two protests at the home to make the councillor change a vote",
      f"{TOWN} 2.8; {SEFTON} 3.1 (Dowson; PHA s1)",
      A("protest_home", "pressure", occasions="more", targeted="yes", severity="oppressive", council="principal"),
      "urgent", lead="protest-at-home", offences=(S42A, S42, PHA, INJUNCTION),
      first_action="outside your home now", actions=(FAMILY,), mixed=True, **PRINCIPAL,
      extra={"dowson": {1: "met", 2: "met"}, "may_apply": (S42A,)}),
    S("one letter each to three councillors demanding they vote the plan down",
      f"{SEFTON} 3.1 (PHA s1(1A) and s3A: the council may act in its own name)",
      A("others", "pressure", occasions="once", council="principal"),
      "soon", lead="several-people", offences=(SEVERAL,), not_offences=(PHA, STALKING, FEAR),
      actions=("others are targeted too", OP_FORD), contacts=("monitoring-officer", "legal-services"),
      not_contacts=("clerk",), mixed=True),
    S("a campaign of posts against colleagues, not aimed at the reader",
      f"{SEFTON} 3.1 (PHA s1(1A): harassment of two or more members or officers)",
      A("others", "repeated", channel=["electronic"], targeted="no", council="principal"),
      "soon", lead="several-people", offences=(SEVERAL,), not_offences=(PHA, S127_2, STALKING),
      actions=("others are targeted too",), mixed=True, **PRINCIPAL),
    S("one person's repeated emails demanding a change of vote: harassment of one, not of several",
      f"{INTRANET} (harassment: repeatedly pursuing a campaign); {SEFTON} 3.1 (s1(1A) needs two or more people)",
      A("pressure", "repeated", channel=["electronic"], targeted="yes", severity="oppressive", council="principal"),
      "soon", lead="harassment", offences=(PHA, S127_2), not_offences=(SEVERAL, STALKING),
      mixed=True, **PRINCIPAL),
    S("one grossly offensive email each to several councillors and officers, to stop a scheme",
      f"{SEFTON} 3.1 (PHA s1(1A)) and 3.3 (MCA s1)",
      A("offensive", "others", "pressure", channel=["electronic"], occasions="once", council="principal"),
      "soon", offences=(SEVERAL, MCA, S127_1), not_offences=(PHA, S127_2),
      actions=("others are targeted too",), mixed=True, **PRINCIPAL),

    # -- contradictions: what the reader rules out stays ruled out -----------------------------
    S("repeated emails, rude but no worse",
      f"{LGA} 'Why can't they just...?!'; {TOWN} 4.1.3 (the reasonableness test)",
      A("repeated", channel=["electronic"], targeted="yes", severity="rude", council="principal"),
      # "Rude, no worse": no harassment and no persistent misuse (CA 2003 s127(2)(c)) is offered,
      # and the advice is a record, not a police report.
      "routine", lead="keep-a-record", not_offences=(PHA, STALKING, FEAR, S127_2),
      findings=("keep-a-record",), extra={"dowson": {1: "met", 3: "not met"}}),
    S("repeated posts about the council in general, not aimed at the reader",
      f"{LGA} 'Legitimate challenge and scrutiny'",
      A("repeated", channel=["electronic"], targeted="no", council="principal"),
      "routine", not_offences=(PHA, S127_2, STALKING, FEAR), extra={"dowson": {2: "not met"}}),
    S("repeated emails alone, oppressive: harassment, not stalking",
      f"{INTRANET} (harassment: repeatedly pursuing a campaign); {CITY} (injunction under the 1997 Act)",
      A("repeated", channel=["electronic"], targeted="yes", severity="oppressive", council="principal"),
      "soon", lead="harassment", offences=(PHA, S127_2, INJUNCTION, RESTRAINING),
      not_offences=(STALKING, FEAR, S181, MCA),
      first_action="Report it to the police", actions=("mute or block", OP_FORD),
      contacts=("legal-services", "monitoring-officer"), not_contacts=("clerk",),
      extra={"dowson": {1: "met", 4: "met"}, "may_apply": (S127_2,)}),
    S("repeated calls, alarming but not oppressive",
      f"{TOWN} 1.3; {GUIDE} (CA 2003 s127 still covers persistent misuse)",
      A("repeated", channel=["electronic"], targeted="yes", severity="alarming", council="principal"),
      "soon", offences=(S127_2,), not_offences=(PHA, STALKING), actions=("mute or block",), **PRINCIPAL,
      extra={"dowson": {4: "not met"}}),
    S("repeated letters, oppressive: a letter is not a network",
      f"{TOWN} 1.2.1 (if the letters continue); {SEFTON} 3.4 (CA 2003 s127: public electronic network)",
      A("repeated", channel=["letter"], targeted="yes", severity="oppressive", council="principal"),
      "soon", offences=(PHA,), not_offences=(S127_1, S127_2, STALKING), **PRINCIPAL),
    S("polite criticism, repeated, no worse than unwelcome",
      f"{LGA} 'Legitimate challenge and scrutiny' and 'Politics'; {TOWN} 5.3 (Article 10)",
      A("criticism", "repeated", channel=["electronic"], targeted="yes", severity="rude"),
      "routine", offences=(ARTICLE_10,), not_offences=(PHA, STALKING, MCA),
      actions=("You do not have to reply",), mixed=True),

    # -- hacking, and the Elections Act ------------------------------------------------------
    S("someone got into the councillor's email account",
      f"{TOWN} 5.2 table (Computer Misuse Act 1990 s1); {CITY} item 8 (strong passwords)",
      A("hacking", council="principal"),
      "urgent", lead="hacked", offences=(CMA,), not_offences=(DISQUALIFY, PHA),
      first_action="Change your passwords", actions=("taken over", OP_FORD), not_actions=(REPORT_POST,),
      contacts=("it-service-desk",), not_contacts=("clerk",), extra={"no_dowson": True}),
    S("a parish councillor's phone was hacked",
      f"{TOWN} 5.2 table (CMA 1990 s1); {LGA} (passwords and two-factor authentication)",
      A("hacking", council="local"),
      "urgent", lead="hacked", offences=(CMA,), not_offences=(DISQUALIFY,),
      first_action="Change your passwords", actions=(NOT_PARISH,), not_actions=(REPORT_POST, OP_FORD),
      contacts=("it-service-desk", "clerk"), not_contacts=("police-adviser",)),
    S("a hacked account used to post abuse",
      f"{TOWN} 5.2 table (CMA 1990 s1; CA 2003 s127); {CITY} item 8",
      A("hacking", "offensive", channel=["electronic"], occasions="more", targeted="yes", severity="alarming",
        council="principal"),
      "urgent", lead="hacked", offences=(CMA, S127_1), first_action="Change your passwords",
      actions=("taken over",), contacts=("it-service-desk",), mixed=True),
    S("account hacked and the home address posted from it",
      f"{TOWN} 3.2.6 (do not post your address) and 5.2 table (CMA 1990 s1)",
      A("hacking", "home_family", occasions="once", council="principal"),
      "urgent", lead="hacked", offences=(CMA,), not_offences=(DISQUALIFY,),
      first_action="999", actions=("Change your passwords", AT_HOME, FAMILY, REMOVE_DETAILS),
      contacts=("it-service-desk",), mixed=True),

    # -- a witness ----------------------------------------------------------------------------
    S("texts pressing the councillor to withdraw a witness statement",
      f"{TOWN} 5.2 table (CJPOA 1994 s51)",
      A("witness", occasions="once", council="principal"),
      "urgent", lead="witness", offences=(WITNESS,), not_offences=(PHA,),
      actions=("officer dealing with the case", OP_FORD), contacts=("police-non-emergency",), not_contacts=("clerk",)),
    S("repeated frightening calls to stop the councillor giving evidence",
      f"{TOWN} 5.2 table (CJPOA 1994 s51; PHA s4)",
      A("witness", "repeated", channel=["electronic"], targeted="yes", severity="fear", council="principal"),
      "urgent", lead="witness", offences=(WITNESS, PHA, FEAR, S127_2),
      actions=("officer dealing with the case",), mixed=True, **PRINCIPAL, extra={"dowson": {1: "met"}}),
    S("a parish councillor leaned on at a meeting not to give evidence",
      f"{TOWN} 5.2 table (CJPOA 1994 s51) and 2.3.2",
      A("witness", "in_person", occasions="once", council="local"),
      "urgent", lead="witness", offences=(WITNESS, POA_S4A, POA_S5),
      actions=("officer dealing with the case", NOT_PARISH), contacts=("clerk",), not_contacts=("police-adviser",),
      mixed=True),

    # -- followed, watched, turned up on --------------------------------------------------------
    S("followed and watched over weeks, frightened",
      f"{TOWN} 5.2 table (PHA ss2A, 4A) and 5.4.3 (stalking needs police involvement)",
      A("followed", occasions="more", targeted="yes", severity="fear", council="principal"),
      "urgent", lead="stalking", offences=(STALKING, FEAR, PHA, RESTRAINING),
      first_action="999", actions=("0808 802 0300", "restraining order", OP_FORD),
      contacts=("legal-services",), not_contacts=("clerk",)),
    S("followed home once after a late meeting: one occasion is not stalking",
      f"{TOWN} 2.7 (meetings that end late) and 5.2 table (stalking needs conduct 'on at least two occasions')",
      A("followed", occasions="once", targeted="yes", severity="fear", council="principal"),
      "urgent", not_offences=(STALKING, PHA, FEAR), extra={"dowson": {1: "not met"}}),
    S("turns up at every surgery and sends repeated emails",
      f"{TOWN} 2.2 (ward surgeries) and 5.2 table (PHA s2A)",
      A("followed", "repeated", channel=["electronic"], targeted="yes", severity="oppressive", council="local"),
      "urgent", lead="stalking", offences=(STALKING, PHA, S127_2), not_offences=(FEAR,),
      actions=("0808 802 0300", NOT_PARISH), contacts=("clerk",), not_contacts=("police-adviser",), mixed=True),

    # -- the home or family ----------------------------------------------------------------------
    S("the councillor's home address posted in a local Facebook group",
      f"{TOWN} 3.2.6 (home address) and 1.2 (report so the police can act); {GUIDE} (Operation Ford)",
      A("home_family", occasions="once", council="principal"),
      "soon", lead="home-and-family", actions=(AT_HOME, FAMILY, REMOVE_DETAILS, OP_FORD)),
    S("a grossly offensive post naming a parish councillor's children",
      f"{LGA} 'Managing trolls' (personal comments about family are unacceptable); {SEFTON} 3.3",
      A("home_family", "offensive", channel=["electronic"], occasions="once", council="local"),
      "soon", offences=(MCA, S127_1), actions=(AT_HOME, FAMILY, REMOVE_DETAILS, NOT_PARISH),
      contacts=("clerk",), not_contacts=("police-adviser",), mixed=True),
    S("'we know where your kids go to school' with a threat of serious violence",
      f"{TOWN} 5.4.2 (review your own and your family's safety); {GUIDE} (OSA s181)",
      A("threat_harm", "home_family", channel=["electronic"], occasions="once", council="principal"),
      "urgent", lead="threat-of-harm", offences=(S181,), first_action="999",
      actions=(AT_HOME, FAMILY, OP_FORD), mixed=True, **PRINCIPAL),
    S("offensive letters delivered to the home, again and again",
      f"{TOWN} 2.1.2 (danger from postal communication) and 1.2.1 (letters that continue); {SEFTON} 3.3 (MCA s1)",
      A("offensive", "repeated", "home_family", channel=["letter"], targeted="yes", severity="oppressive",
        council="principal"),
      "soon", offences=(MCA, PHA), not_offences=(S127_1, S127_2, POA_S4A, POA_S5),
      actions=(AT_HOME,), mixed=True, **PRINCIPAL),
    S("abuse shouted outside the home by a caller",
      f"{TOWN} 2.5 (callers at your home) and 5.2 table (POA s4A)",
      A("offensive", channel=["home"], occasions="once", council="principal"),
      "soon", offences=(POA_S4A, POA_S5, S42), not_offences=(S181, MCA, S127_1),
      actions=(AT_HOME,), **PRINCIPAL),

    # -- false statements and smears ---------------------------------------------------------------
    S("a sustained, organised smear campaign online",
      f"{LGA} 'Smear campaigns'; {SEFTON} 2.4 and 3.2 (defamation); {GUIDE} (OSA s179; Defamation Act 2013 s5)",
      A("false", channel=["electronic"], occasions="more", targeted="yes", severity="oppressive", council="principal"),
      "soon", offences=(S179, PHA, DEFAMATION, OPERATOR, INDEMNITIES),
      actions=("notice of complaint", "cannot fund", OP_FORD),
      contacts=("communications", "legal-services"), not_contacts=("clerk",), mixed=True),
    S("one false post saying the councillor took a bribe",
      f"{LGA} 'Smear campaigns' (one-off comments); {SEFTON} 3.2 (defamation); {GUIDE} (OSA s179)",
      A("false", channel=["electronic"], occasions="once", council="principal"),
      "soon", lead="false-messages", offences=(S179, DEFAMATION, OPERATOR), not_offences=(PHA, S127_2),
      actions=("notice of complaint",), contacts=("communications",), not_contacts=("clerk",)),
    S("a false allegation made aloud at a public meeting",
      f"{SEFTON} 3.2 (defamation); {GUIDE} (OSA s179 needs a message sent)",
      A("false", channel=["in_person"], occasions="once", council="principal"),
      "soon", offences=(DEFAMATION,), not_offences=(S179, OPERATOR),
      not_actions=("platform or website",), **PRINCIPAL),

    S("a leaflet of lies about the councillor pushed through residents' doors",
      f"{LGA} 'Smear campaigns' (false information); {GUIDE} (OSA s179, s182 letters and things given)",
      A("false", channel=["letter"], occasions="once", council="principal"),
      "soon", lead="false-messages", offences=(S179, DEFAMATION), not_offences=(OPERATOR, S127_1, PHA),
      actions=("cannot fund",), not_actions=("platform or website",), **PRINCIPAL),

    # -- trolls and pile-ons ------------------------------------------------------------------------
    S("a pile-on of grossly offensive replies, no threats",
      f"{SEFTON} 2.6 (multiple users at once); {TOWN} 4.3.5",
      A("offensive", channel=["electronic"], occasions="more", targeted="yes", severity="alarming", council="principal"),
      "soon", offences=(MCA, S127_1), not_offences=(PHA, S181, STALKING),
      actions=("Report the post, message or account to the platform",), **PRINCIPAL),
    S("one grossly offensive reply from a troll",
      f"{LGA} 'Trolls' and 'Managing trolls'; {TOWN} 4.5.5 (a single message can be an offence)",
      A("offensive", channel=["electronic"], occasions="once", council="principal"),
      "soon", lead="offensive-messages", offences=(MCA, S127_1), not_offences=(PHA, S127_2),
      actions=("Report the post, message or account to the platform", OP_FORD), **PRINCIPAL,
      extra={"may_apply": (S127_1,)}),
    S("a pile-on of rude replies that burns itself out",
      f"{TOWN} 4.3.5 (often these burn themselves out); {LGA} 'Managing trolls'",
      A("repeated", channel=["electronic"], targeted="yes", severity="rude"),
      "routine", lead="keep-a-record", not_offences=(PHA, MCA, S127_1, S127_2)),

    # -- abuse in person ----------------------------------------------------------------------------
    S("abusive placards held up at a council meeting",
      f"{TOWN} 2.8 (demonstrations) and 5.2 table (POA s4 and s4A apply to banners and posters)",
      A("in_person", occasions="once", council="principal"),
      "soon", lead="abuse-in-person", offences=(POA_S4A, POA_S5),
      not_offences=(POA_S4, S181, MCA, S127_1, PHA), contacts=("police-non-emergency",), not_contacts=("clerk",)),
    S("the same heckler abuses the councillor at every meeting",
      f"{TOWN} 2.3 and 5.5.5 (Dowson)",
      A("in_person", occasions="more", targeted="yes", severity="oppressive", council="local"),
      "soon", offences=(PHA, POA_S4A, POA_S5), not_offences=(S181, STALKING),
      actions=(NOT_PARISH,), contacts=("clerk",), not_contacts=("police-adviser",), mixed=True,
      extra={"dowson": {1: "met"}}),

    # -- criticism ---------------------------------------------------------------------------------
    S("strong but polite criticism of a decision",
      f"{LGA} 'Legitimate challenge and scrutiny'; {TOWN} 5.3 (Article 10); {SEFTON} s1",
      A("criticism"),
      "routine", lead="criticism", offences=(ARTICLE_10,),
      not_offences=(PHA, MCA, S127_1, S127_2, DISQUALIFY),
      first_action="You do not have to reply", not_actions=("police",),
      contacts=("member-support",), not_contacts=("police-non-emergency", "police-emergency")),
    S("polite criticism from one person, a threat of violence from another",
      f"{SEFTON} s1 (strong criticism expected, but not open season) and s3 (threats)",
      A("criticism", "threat_harm", channel=["electronic"], occasions="once", council="principal"),
      "urgent", lead="threat-of-harm", offences=(S181, ARTICLE_10), first_action="999", mixed=True, **PRINCIPAL),

    # -- in danger now -----------------------------------------------------------------------------
    S("someone outside the home saying they are coming in",
      f"{TOWN} 1.2 (make sure you are safe) and 2.5.8",
      {"danger": "yes"},
      "emergency", lead="emergency", first_action="Call 999 now", contacts=("police-emergency",)),
    S("in danger now, with a protest outside and threats already sent: only 999 matters",
      f"{TOWN} 2.8 (inform the police); CONTENT_GUIDE.md 'How it is written' (lead with safety)",
      {"danger": "yes", "what_happened": ["protest_home", "threat_kill"], "channel": ["electronic"]},
      "emergency", lead="emergency", first_action="Call 999 now", contacts=("police-emergency",), mixed=True),

    # -- calls at night -----------------------------------------------------------------------------
    S("silent calls at night, week after week",
      f"{TOWN} 1.3 (telephone intimidation); {GUIDE} (CA 2003 s127(2)(c))",
      A("repeated", channel=["electronic"], targeted="yes", severity="oppressive", council="principal"),
      "soon", offences=(S127_2, PHA), not_offences=(STALKING, MCA, S181),
      actions=("mute or block",), **PRINCIPAL),
    S("obscene calls at night to a parish councillor",
      f"{TOWN} 1.3; {SEFTON} 3.3 and 3.4 (MCA s1; CA 2003 s127)",
      A("offensive", "repeated", channel=["electronic"], targeted="yes", severity="oppressive", council="local"),
      "soon", offences=(MCA, S127_1, S127_2, PHA), not_offences=(STALKING,),
      actions=(NOT_PARISH, "mute or block"), contacts=("clerk",), not_contacts=("police-adviser",), mixed=True),
]


def _ids(scenarios):
    return [s.id for s in scenarios]


def test_the_list_is_as_wide_as_the_brief():
    assert len(SCENARIOS) >= 60
    assert sum(s.mixed for s in SCENARIOS) >= 25
    assert len({s.id for s in SCENARIOS}) == len(SCENARIOS), "scenario names must be unique"
    assert all(s.source for s in SCENARIOS)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=_ids(SCENARIOS))
def test_scenario(scenario):
    check(scenario)


EXTRA = [s for s in SCENARIOS if s.extra]


@pytest.mark.parametrize("scenario", EXTRA, ids=_ids(EXTRA))
def test_dowson_and_elements(scenario):
    """The Dowson steps follow the facts (how often, at whom, how bad); the disqualification
    order is explained by all three of its conditions; and an offence is said to be met in every
    part only when it is."""
    out = decision_tools.evaluate(TOOL, scenario.answers)
    assert out["status"] == "result"
    result = out["result"]
    steps = {d["step"]: d["status"] for d in result["dowson"]}
    if scenario.extra.get("no_dowson"):
        assert steps == {}, f"{scenario.id}: Dowson steps shown where nothing can repeat"
    for step, status in scenario.extra.get("dowson", {}).items():
        assert steps.get(step) == status, f"{scenario.id}: Dowson step {step} is {steps.get(step)!r}"
    entries = {e["id"]: e for e in (*result["offences"], *result["law"])}
    for law_id in scenario.extra.get("may_apply", ()):
        # An offence with a mental element only a court can judge, or one resting on an offence that
        # itself only may apply, is never "every part is met".
        assert law_id in entries, f"{scenario.id}: {law_id} not listed"
        assert entries[law_id]["status"] == "may apply", f"{scenario.id}: {law_id} is {entries[law_id]['status']!r}"
    for law_id, elements in scenario.extra.get("elements", {}).items():
        assert law_id in entries, f"{scenario.id}: {law_id} not listed"
        assert {e["id"] for e in entries[law_id]["elements"]} >= set(elements)
