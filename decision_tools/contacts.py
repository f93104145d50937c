"""The contact roles a decision tool may name, and what each one is.

A council fills in one row per role in its contact table (docs/support/index.md); the build
checks that every role a tool names is there, and the wizard shows the council's real details.
"""

ROLES: dict[str, str] = {
    "police-emergency": "Police: emergency (999)",
    "police-non-emergency": "Police: non-emergency (101)",
    "police-liaison": "Police: the named officer for councillors",
    "monitoring-officer": "Monitoring officer",
    "member-support": "Member support",
    "democratic-services": "Democratic services",
    "communications": "Communications team",
    "legal-services": "Legal services",
    "it-service-desk": "IT service desk",
    "wellbeing": "Wellbeing and counselling",
    "political-group": "Your political group",
    "samaritans": "Samaritans",
}
