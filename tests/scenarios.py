"""Realistic situations, each written from the source documents or the content guide, and what a
careful adviser would conclude: the offences that must and must not appear, the first action,
the contacts and the urgency. Each tool's test file holds its own list; `check` asserts one.

A scenario is `mixed` when two or more things happen at once (a threat that is also repeated, a
pile-on that includes threats): the tools are trusted for exactly those.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import decision_tools


@dataclass(frozen=True)
class Scenario:
    name: str
    source: str  # where the situation comes from: a seed file and section, or the content guide
    tool: str
    answers: dict
    urgency: str
    lead: str = ""  # the finding that leads, if the scenario pins it
    offences: tuple[str, ...] = ()  # must be listed (law entry ids, offences or other law)
    not_offences: tuple[str, ...] = ()  # must not be listed
    first_action: str = ""  # words the first action must contain
    actions: tuple[str, ...] = ()  # words some action must contain
    not_actions: tuple[str, ...] = ()  # words no action may contain
    contacts: tuple[str, ...] = ()  # roles that must be among the contacts
    not_contacts: tuple[str, ...] = ()
    findings: tuple[str, ...] = ()  # findings that must be in the result
    mixed: bool = False
    extra: dict = field(default_factory=dict)  # tool-specific expectations, checked by the tool's own test

    @property
    def id(self) -> str:
        return f"{self.tool}: {self.name}"


def listed(result: dict) -> set[str]:
    return {entry["id"] for entry in (*result["offences"], *result["law"])}


def check(scenario: Scenario) -> dict:
    """Run the scenario's answers to a result and assert everything it expects; return the result."""
    out = decision_tools.evaluate(scenario.tool, scenario.answers)
    assert out["status"] == "result", f"{scenario.id}: still asks {out.get('question', {}).get('id')!r}"
    result = out["result"]
    law = listed(result)
    actions = " | ".join(result["actions"])
    findings = {f["id"] for f in result["findings"]}
    assert result["urgency"] == scenario.urgency, f"{scenario.id}: urgency {result['urgency']!r}"
    if scenario.lead:
        assert result["id"] == scenario.lead, f"{scenario.id}: led by {result['id']!r}"
    assert set(scenario.offences) <= law, f"{scenario.id}: missing {sorted(set(scenario.offences) - law)}"
    assert not set(scenario.not_offences) & law, f"{scenario.id}: wrongly lists {sorted(set(scenario.not_offences) & law)}"
    if scenario.first_action:
        assert scenario.first_action.lower() in result["actions"][0].lower(), \
            f"{scenario.id}: first action is {result['actions'][0]!r}"
    for words in scenario.actions:
        assert words.lower() in actions.lower(), f"{scenario.id}: no action says {words!r}"
    for words in scenario.not_actions:
        assert words.lower() not in actions.lower(), f"{scenario.id}: an action says {words!r}"
    assert set(scenario.contacts) <= set(result["contacts"]), \
        f"{scenario.id}: missing contacts {sorted(set(scenario.contacts) - set(result['contacts']))}"
    assert not set(scenario.not_contacts) & set(result["contacts"]), f"{scenario.id}: wrong contacts"
    assert set(scenario.findings) <= findings, f"{scenario.id}: missing findings {sorted(set(scenario.findings) - findings)}"
    return result
