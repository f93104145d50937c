"""The law the tools name: current law only (checked 21 November 2026), in plain words.

One `LawRef` per offence or rule, each linked to the page and section of the toolkit that
explains it. Nothing repealed appears here: the threat and false-information parts of the
Malicious Communications Act 1988 and the false-message parts of section 127 of the
Communications Act 2003 were replaced by the Online Safety Act 2023 (sections 179 and 181).
"""

from .engine import LawRef

LAST_CHECKED = "Law last checked: 21 November 2026."
NOT_LEGAL_ADVICE = ("This is guidance, not legal advice. Only the police, prosecutors and the courts "
                    "decide whether a crime has been committed.")
YOUR_SENSE_COUNTS = ("If you feel intimidated, that is reason enough to act. You do not need to be sure "
                     "that a law has been broken before you tell the council or the police.")
REASONABLE_PERSON = ("The police and the courts judge what happened by what a reasonable person would "
                     "think of it, not only by how it felt to you.")

_HARASSMENT = "law/harassment.md"
_COMMS = "law/communications-offences.md"
_OFFENCES = "law/offences.md"

# Protection from Harassment Act 1997
HARASSMENT = LawRef(
    "harassment", "Protection from Harassment Act 1997", "sections 1 and 2", "Harassment",
    "It is a crime to pursue a course of conduct (conduct on at least two occasions) that you know, "
    "or ought to know, harasses someone. Harassing includes alarming a person or causing them distress.",
    _HARASSMENT, "course-of-conduct")
HARASSING_SEVERAL = LawRef(
    "harassing-several-people", "Protection from Harassment Act 1997", "sections 1(1A) and 3A",
    "Harassing two or more people",
    "It is also harassment to target two or more people to stop them doing something they are entitled "
    "to do, or to make them do something they need not do. The council may then go to court in its own name.",
    _HARASSMENT, "council-acting")
FEAR_OF_VIOLENCE = LawRef(
    "fear-of-violence", "Protection from Harassment Act 1997", "section 4",
    "Putting people in fear of violence",
    "A course of conduct that makes someone fear, on at least two occasions, that violence will be used "
    "against them is a more serious offence.",
    _HARASSMENT, "fear-of-violence")
STALKING = LawRef(
    "stalking", "Protection from Harassment Act 1997", "sections 2A and 4A", "Stalking",
    "Harassment that involves things like following, watching, or repeatedly contacting someone can be "
    "stalking. It is more serious if it causes fear of violence or serious alarm or distress. These "
    "offences were added by the Protection of Freedoms Act 2012.",
    _HARASSMENT, "stalking")
HARASSMENT_CIVIL = LawRef(
    "harassment-injunction", "Protection from Harassment Act 1997", "section 3",
    "Civil claim and injunction",
    "You can ask a civil court for an injunction ordering the person to stop, and for damages.",
    _HARASSMENT, "injunctions")
RESTRAINING_ORDER = LawRef(
    # On conviction the power moved from s5 of the 1997 Act to s360 of the Sentencing Act 2020
    # (1 December 2020); on acquittal it is still s5A of the 1997 Act.
    "restraining-order", "Sentencing Act 2020 and Protection from Harassment Act 1997",
    "section 360 (on conviction) and section 5A of the 1997 Act (on acquittal)", "Restraining orders",
    "A criminal court can order the person to keep away from you or stop contacting you, after a "
    "conviction and in some cases even after an acquittal.",
    _HARASSMENT, "restraining-orders")

# Communications offences (current parts only)
MALICIOUS_COMMUNICATIONS = LawRef(
    "malicious-communications", "Malicious Communications Act 1988", "section 1",
    "Sending indecent or grossly offensive messages",
    "It is a crime to send a letter or electronic message that is indecent or grossly offensive, "
    "meaning to cause distress or anxiety.",
    _COMMS, "malicious-communications")
IMPROPER_USE = LawRef(
    "improper-use-of-network", "Communications Act 2003", "section 127(1)",
    "Grossly offensive, indecent, obscene or menacing messages",
    "It is a crime to send a grossly offensive, indecent, obscene or menacing message over a public "
    "electronic communications network, such as the internet or a phone line.",
    _COMMS, "communications-act")
PERSISTENT_MISUSE = LawRef(
    "persistent-misuse-of-network", "Communications Act 2003", "section 127(2)(c)",
    "Persistent misuse of a network",
    "It is a crime to use a public electronic communications network again and again to cause someone "
    "annoyance, inconvenience or needless anxiety, for example with repeated calls or messages.",
    _COMMS, "communications-act")
FALSE_COMMUNICATIONS = LawRef(
    "false-communications", "Online Safety Act 2023", "section 179", "False communications",
    "It is a crime to send a message you know is false, meaning it to cause real psychological or "
    "physical harm to someone likely to see it, without a reasonable excuse.",
    _COMMS, "false-communications")
THREATENING_COMMUNICATIONS = LawRef(
    "threatening-communications", "Online Safety Act 2023", "section 181", "Threatening communications",
    "It is a crime to send a message threatening death or serious harm (serious injury, rape, assault by "
    "penetration or serious financial loss), meaning the person to fear it will be carried out, or not "
    "caring whether they do.",
    _COMMS, "threatening-communications")

# Threats, public order, hate, home, hacking, witnesses
THREATS_TO_KILL = LawRef(
    "threats-to-kill", "Offences Against the Person Act 1861", "section 16", "Threats to kill",
    "It is a crime to threaten to kill someone, meaning them to fear the threat will be carried out. "
    "It applies however the threat is made: in person, by phone, in writing or online.",
    _OFFENCES, "threats-to-kill")
THREATS_TO_PROPERTY = LawRef(
    "threats-to-damage-property", "Criminal Damage Act 1971", "section 2",
    "Threats to destroy or damage property",
    "It is a crime to threaten to destroy or damage someone's property, such as their home or car, "
    "meaning them to fear the threat will be carried out.",
    _OFFENCES, "criminal-damage")
FEAR_OR_PROVOCATION = LawRef(
    "fear-or-provocation-of-violence", "Public Order Act 1986", "section 4",
    "Fear or provocation of violence",
    "It is a crime to use threatening, abusive or insulting words or behaviour towards someone, meaning "
    "them to believe, or making them likely to believe, that violence will be used against them straight "
    "away, or to provoke violence.",
    _OFFENCES, "public-order")
INTENTIONAL_HARASSMENT = LawRef(
    "intentional-harassment-alarm-distress", "Public Order Act 1986", "section 4A",
    "Intentional harassment, alarm or distress",
    "It is a crime to use threatening, abusive or insulting words or behaviour, or to display signs or "
    "writing, meaning to cause someone harassment, alarm or distress, and causing it.",
    _OFFENCES, "public-order")
HARASSMENT_ALARM_DISTRESS = LawRef(
    "harassment-alarm-distress", "Public Order Act 1986", "section 5", "Harassment, alarm or distress",
    "It is a crime to use threatening or abusive words or behaviour, or to display writing, signs or "
    "images such as banners and placards, where someone is likely to be caused harassment, alarm or distress.",
    _OFFENCES, "public-order")
STIRRING_UP_HATRED = LawRef(
    "stirring-up-hatred", "Public Order Act 1986", "Parts 3 and 3A", "Stirring up hatred",
    "It is a crime to stir up hatred on grounds of race, and, with threatening words or material, on "
    "grounds of religion or sexual orientation.",
    _OFFENCES, "hate-crime")
AGGRAVATED_OFFENCES = LawRef(
    "racially-or-religiously-aggravated", "Crime and Disorder Act 1998", "sections 28 to 32",
    "Racially or religiously aggravated offences",
    "Harassment and public order offences carry higher penalties when they show, or are motivated by, "
    "hostility based on race or religion.",
    _OFFENCES, "hate-crime")
HOSTILITY_IN_SENTENCING = LawRef(
    "hostility-in-sentencing", "Sentencing Act 2020", "section 66", "Hostility as an aggravating factor",
    "When a court sentences someone, hostility based on race, religion, disability, sexual orientation "
    "or transgender identity makes the offence more serious.",
    _OFFENCES, "hate-crime")
HARASSMENT_AT_HOME = LawRef(
    "harassment-at-home", "Criminal Justice and Police Act 2001", "sections 42 and 42A",
    "Harassing someone in their home",
    "The police can direct people gathered outside your home to leave, and it is a crime to be outside "
    "someone's home to persuade them not to do something they are entitled to do, or to do something "
    "they need not do, where it may cause harassment, alarm or distress.",
    _OFFENCES, "harassment-in-the-home")
COMPUTER_MISUSE = LawRef(
    "unauthorised-access", "Computer Misuse Act 1990", "section 1", "Unauthorised access to a computer",
    "It is a crime to get into someone's account, computer or phone without permission.",
    _OFFENCES, "computer-misuse")
INTIMIDATING_WITNESSES = LawRef(
    "intimidating-witnesses", "Criminal Justice and Public Order Act 1994", "section 51",
    "Intimidating a witness",
    "It is a crime to intimidate or threaten someone who is helping the police or giving evidence, "
    "meaning to obstruct or interfere with justice.",
    _OFFENCES, "witness-intimidation")
DISQUALIFICATION = LawRef(
    "disqualification-orders", "Elections Act 2022", "Part 5", "Barring offenders from elected office",
    "If someone is convicted of an intimidation offence against you because you are a councillor, the "
    "court must, unless it would be unjust, bar them from standing for or holding elected office for 5 years.",
    _OFFENCES, "elections-act")

# Speech, reputation, posting
DEFAMATION = LawRef(
    "defamation", "Defamation Act 2013", "section 1", "Defamation",
    "A false statement about you that has caused, or is likely to cause, serious harm to your reputation "
    "may be defamation. It is a civil matter, not a crime: you would need your own legal advice.",
    "law/defamation.md", "what-defamation-is")
INDEMNITIES = LawRef(
    "indemnities", "The Local Authorities (Indemnities for Members and Officers) Order 2004",
    "SI 2004/3082", "The council cannot fund your claim",
    "The council may not pay for a councillor to bring a defamation claim, though it may fund the "
    "defence of one.",
    "law/defamation.md", "indemnities")
FREE_EXPRESSION = LawRef(
    "freedom-of-expression", "Human Rights Act 1998", "Article 10", "Freedom of expression",
    "People have a strong right to criticise politicians, and councillors are expected to accept wider "
    "criticism than most people. Political speech is strongly protected.",
    "law/freedom-of-expression.md", "article-10")
PRIVATE_LIFE = LawRef(
    "private-life", "Human Rights Act 1998", "Article 8", "Respect for private and family life",
    "Other people have a right to respect for their private and family life, which your posts must respect.",
    "law/freedom-of-expression.md", "article-8")
DATA_PROTECTION = LawRef(
    "data-protection", "UK GDPR and the Data Protection Act 2018", "", "Data protection",
    "When you handle residents' casework you are a data controller in your own right, with a duty to "
    "keep their personal data safe and use it only for the reason they gave it to you.",
    "social-media/the-law-when-you-post.md", "data-protection")
PREDETERMINATION = LawRef(
    "predetermination", "Localism Act 2011", "section 25", "Predetermination",
    "You may have views before a decision, but you must keep an open mind. Saying something before is not "
    "by itself proof of a closed mind; posting that you have already decided can be.",
    "social-media/planning-and-licensing.md", "predetermination")
CODE_OF_CONDUCT = LawRef(
    "code-of-conduct", "Localism Act 2011", "sections 27 and 28", "The code of conduct",
    "Your council's code of conduct applies when you act, or appear to act, as a councillor, online as "
    "well as in person. Complaints about a councillor go to the monitoring officer.",
    "social-media/code-of-conduct.md", "principles")
COUNCIL_PUBLICITY = LawRef(
    "council-publicity", "Local Government Act 1986", "section 2",
    "Council publicity and party politics",
    "Council money, staff and equipment must not be used for party political publicity. The Code of "
    "Recommended Practice on Local Authority Publicity asks for extra care before elections.",
    "social-media/elections.md", "council-resources")
COPYRIGHT = LawRef(
    "copyright", "Copyright, Designs and Patents Act 1988", "", "Copyright",
    "Photos, videos and writing usually belong to the person who made them. Ask before you use them.",
    "social-media/the-law-when-you-post.md", "copyright")
EQUALITY = LawRef(
    "equality", "Equality Act 2010", "section 149", "The public sector equality duty",
    "Councils, and councillors acting for them, must have due regard to ending discrimination and "
    "fostering good relations between people. Posts that attack groups of people work against this and "
    "can breach the code of conduct.",
    "social-media/the-law-when-you-post.md", "equality")
