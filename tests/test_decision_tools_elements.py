"""The law's elements over every enumerated path of every tool.

Two checks. First, on every path of every tool, the law entries a result lists are exactly
those whose elements allow it: no entry is listed where an answer rules out one of its elements,
and none is missing where the answers meet them all (law.py's rule, checked against each
element's status as the engine states it). Second, for the harassment tool, the law written out
again from the Acts, straight from the raw answers and independent of the tool's fact rules:
what may be listed (nothing else is) and what must be (it is never missing).
"""

from __future__ import annotations

import pytest

import decision_tools
from decision_tools import engine
from decision_tools.law import BY_ID, MET, NOT_MET, _key_ok

TOOLS = list(decision_tools.TOOLS)


def _weighed_by_path(tool_id):
    tool = decision_tools.TOOLS[tool_id]
    found = []
    engine.walk(tool, lambda answers, facts: found.append((answers, facts.law())))
    return found


WEIGHING = [t for t in TOOLS if decision_tools.TOOLS[t].law]  # the safety planner weighs no law


def test_only_the_safety_planner_weighs_no_law():
    assert [t for t in TOOLS if t not in WEIGHING] == ["safety-plan"]


@pytest.mark.parametrize("tool_id", WEIGHING)
def test_no_entry_is_listed_against_an_element_and_none_is_missing_where_all_are_met(tool_id):
    checked = 0
    for answers, weighed in _weighed_by_path(tool_id):
        for law_id, w in weighed.items():
            elements = BY_ID[law_id].elements
            ruled_out = NOT_MET in w.statuses
            key_met = all(_key_ok(e, s) for e, s in zip(elements, w.statuses))
            if w.listed:
                assert not ruled_out, f"{tool_id} {answers}: {law_id} listed with an element not met"
                assert key_met, f"{tool_id} {answers}: {law_id} listed without its key elements"
            else:
                assert not all(s == MET for s in w.statuses), f"{tool_id} {answers}: {law_id} missing, all met"
            checked += 1
    assert checked


@pytest.mark.parametrize("tool_id", TOOLS)
def test_the_result_states_each_listed_entry_element_by_element(tool_id):
    """The contract a reader sees agrees with the weighing, on a path to every leading finding."""
    tool = decision_tools.TOOLS[tool_id]
    seen = {}
    for path in engine.paths(tool):
        seen.setdefault(path["result"], path["answers"])
    for answers in seen.values():
        res = decision_tools.evaluate(tool_id, answers)["result"]
        facts = engine.Facts(tool, engine.replay(tool, answers)[0])
        listed = [i for i, w in facts.law().items() if w.listed]
        assert [e["id"] for e in (*res["offences"], *res["law"])] == \
            [i for i in listed if BY_ID[i].kind == "offence"] + [i for i in listed if BY_ID[i].kind != "offence"]
        for entry in (*res["offences"], *res["law"]):
            assert tuple(el["status"] for el in entry["elements"]) == facts.law()[entry["id"]].statuses


# -- the harassment tool, against the law written out from the raw answers -----------------------

class Said:
    """The raw answers, read the way the Acts read a situation (not through the tool's facts)."""

    def __init__(self, answers: dict):
        self.a = answers
        self.what = set(answers.get("what_happened", ()))
        self.channel = set(answers.get("channel", ()))
        self.sent = bool(self.channel & {"electronic", "letter"})  # OSA 2023 s182; MCA 1988 s1
        self.network = "electronic" in self.channel  # CA 2003 s127: a public electronic network
        self.face = bool(self.channel & {"in_person", "home"} or self.what & {"in_person", "protest_home"})
        self.home = "home" in self.channel or "protest_home" in self.what
        self.two = "repeated" in self.what or answers.get("occasions") == "more"
        self.not_aimed = answers.get("targeted") == "no"
        self.aimed = answers.get("targeted") == "yes"
        self.severity = answers.get("severity")
        self.violence = bool(self.what & {"threat_kill", "threat_harm"})
        self.serious_property = "threat_property" in self.what and answers.get("property_serious") == "yes"
        self.race_religion = "race_religion" in answers.get("hostility_about", ())

    def chose(self, *options):
        return bool(self.what & set(options))


HARASSMENT_FAMILY = {"harassment", "harassing-several-people", "fear-of-violence", "stalking"}

# Listed only if: the elements each entry needs, straight from its Act.
MAY = {
    "harassment": lambda s, L: s.two and not s.not_aimed and s.severity not in ("rude", "alarming"),
    # PHA 1997 s4: fear of violence on two occasions; "not sure" after threats of violence may be it.
    "fear-of-violence": lambda s, L: s.two and not s.not_aimed and (
        s.severity == "fear" or (s.violence and s.severity == "not_sure")),
    "stalking": lambda s, L: s.chose("followed") and s.two and not s.not_aimed and s.severity not in ("rude", "alarming"),
    "harassing-several-people": lambda s, L: s.chose("others") and s.severity != "rude",
    "threatening-communications": lambda s, L: s.sent and (
        s.violence or ("threat_property" in s.what and s.a.get("property_serious") != "no")),
    "false-communications": lambda s, L: s.chose("false") and s.sent,
    "malicious-communications": lambda s, L: s.chose("offensive") and s.sent,
    "improper-use-of-network": lambda s, L: s.chose("offensive") and s.network,
    # CA 2003 s127(2)(c): the purpose (annoyance, inconvenience, needless anxiety) is for the court.
    "persistent-misuse-of-network": lambda s, L: (s.chose("repeated") and s.network and s.two and not s.not_aimed
                                                  and s.severity != "rude"),
    "threats-to-kill": lambda s, L: s.chose("threat_kill"),
    "threats-to-damage-property": lambda s, L: s.chose("threat_property"),
    "fear-or-provocation-of-violence": lambda s, L: s.violence and s.face and s.a.get("immediate") != "no",
    "intentional-harassment-alarm-distress": lambda s, L: s.face and s.severity != "rude",
    "harassment-alarm-distress": lambda s, L: s.face and s.severity != "rude",
    "harassment-at-home": lambda s, L: s.home and s.severity != "rude",
    "racially-or-religiously-aggravated": lambda s, L: s.race_religion and bool(L & (HARASSMENT_FAMILY | {
        "fear-or-provocation-of-violence", "intentional-harassment-alarm-distress", "harassment-alarm-distress"})),
    "unauthorised-access": lambda s, L: s.chose("hacking"),
    "intimidating-witnesses": lambda s, L: s.chose("witness"),
    "hostility-in-sentencing": lambda s, L: s.chose("hostility") and bool({i for i in L if BY_ID[i].kind == "offence"}),
    "disqualification-orders": lambda s, L: bool({i for i in L if BY_ID[i].schedule_9}),
    "harassment-injunction": lambda s, L: bool(L & HARASSMENT_FAMILY),
    # Sentencing Act 2020 s360: on conviction of any offence; PHA 1997 s5A on acquittal.
    "restraining-order": lambda s, L: bool({i for i in L if BY_ID[i].kind == "offence"}),
    "police-direction-at-home": lambda s, L: s.home,
    "home-protest-offence": lambda s, L: s.chose("protest_home"),
    "defamation": lambda s, L: s.chose("false"),
    "website-operator-notice": lambda s, L: s.chose("false") and s.network,
    "indemnities": lambda s, L: s.chose("false"),
    "freedom-of-expression": lambda s, L: s.chose("criticism"),
}

# Never missing when: every element the answers can settle is met.
MUST = {
    "threats-to-kill": lambda s, L: s.chose("threat_kill"),
    "threatening-communications": lambda s, L: s.sent and s.violence,
    "threats-to-damage-property": lambda s, L: s.chose("threat_property"),
    "malicious-communications": lambda s, L: s.chose("offensive") and s.sent,
    "improper-use-of-network": lambda s, L: s.chose("offensive") and s.network,
    "false-communications": lambda s, L: s.chose("false") and s.sent,
    "harassment": lambda s, L: s.two and s.aimed and s.severity in ("fear", "oppressive"),
    "fear-of-violence": lambda s, L: s.two and s.aimed and s.severity == "fear",
    "stalking": lambda s, L: s.chose("followed") and s.two and s.aimed and s.severity in ("fear", "oppressive"),
    "persistent-misuse-of-network": lambda s, L: (s.chose("repeated") and s.network and s.aimed
                                                  and s.severity in ("fear", "oppressive", "alarming")),
    "harassment-at-home": lambda s, L: s.chose("protest_home") and s.severity != "rude",
    "harassing-several-people": lambda s, L: s.chose("others") and s.severity != "rude",
    "unauthorised-access": lambda s, L: s.chose("hacking"),
    "intimidating-witnesses": lambda s, L: s.chose("witness"),
    "freedom-of-expression": lambda s, L: s.chose("criticism"),
    "defamation": lambda s, L: s.chose("false"),
    "racially-or-religiously-aggravated": lambda s, L: s.race_religion and "harassment" in L,
    "police-direction-at-home": lambda s, L: s.home,
}


def test_the_harassment_oracle_covers_every_entry_the_tool_weighs():
    assert set(MAY) == set(decision_tools.TOOLS["harassment"].law)


def test_harassment_lists_only_what_the_law_allows_and_never_misses_what_it_requires():
    wrong = []
    for answers, weighed in _weighed_by_path("harassment"):
        if answers.get("danger") == "yes":
            assert not any(w.listed for w in weighed.values())
            continue
        said = Said(answers)
        listed = {i for i, w in weighed.items() if w.listed}
        for law_id in listed:
            if not MAY[law_id](said, listed):
                wrong.append(f"{law_id} listed on {answers}")
        for law_id, must in MUST.items():
            if must(said, listed) and law_id not in listed:
                wrong.append(f"{law_id} missing on {answers}")
    assert not wrong, f"{len(wrong)} wrong, for example: " + "; ".join(wrong[:5])
