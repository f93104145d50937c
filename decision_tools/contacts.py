"""The contact roles a decision tool may name, and what each one is.

A council fills in one row per role in its contact table (docs/support/index.md). The build
checks that every role a tool names is there, except the optional ones: a role only some
councils have (a parish or town council's clerk) is left out of a result when the table has no
row for it. The order here is the order contacts are shown in a result: the people a frightened
reader needs come first.
"""

ROLES: dict[str, str] = {
    "police-emergency": "Police: emergency (999)",
    "police-non-emergency": "Police: non-emergency (101)",
    "police-adviser": "Police: Force Elected Official Adviser (Operation Ford)",
    "clerk": "Your clerk",
    "member-support": "Member support",
    "monitoring-officer": "Monitoring officer",
    "human-resources": "Human resources",
    "democratic-services": "Democratic services",
    "communications": "Communications team",
    "legal-services": "Legal services",
    "it-service-desk": "IT service desk",
    "wellbeing": "Wellbeing and counselling",
    "political-group": "Your political group",
    "samaritans": "Samaritans",
}

# Roles a council may leave out of its table: tools name them, and a result shows them only
# when the council has listed them.
OPTIONAL: frozenset[str] = frozenset({"clerk"})
