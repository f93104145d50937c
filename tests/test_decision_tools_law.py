"""Done when 5: no legal statement in the tools contradicts current law (checked 21 November 2026).

The Online Safety Act 2023 repealed the threat and false-information parts of section 1 of the
Malicious Communications Act 1988 and the false-message parts of section 127 of the
Communications Act 2003 (s127(2)(a) and (b)). The tools must not name them."""

from __future__ import annotations

import json
import re

import decision_tools
from decision_tools import engine, law
from decision_tools.engine import LawRef


def every_text() -> str:
    """Everything any tool can say: flows, every result on every path, and the law module."""
    parts = []
    for tool_id, tool in decision_tools.TOOLS.items():
        parts.append(json.dumps(decision_tools.flow(tool_id), ensure_ascii=False))
        for path in engine.paths(tool):
            parts.append(json.dumps(decision_tools.evaluate(tool_id, path["answers"])["result"], ensure_ascii=False))
    parts += [json.dumps(vars(ref)) for ref in vars(law).values() if isinstance(ref, LawRef)]
    return "\n".join(parts)


TEXT = every_text()
LAW_REFS = [ref for ref in vars(law).values() if isinstance(ref, LawRef)]


def test_no_repealed_false_message_parts_of_section_127():
    assert not re.search(r"127\s*\(2\)\s*\((a|b)\)", TEXT)
    for ref in LAW_REFS:
        if ref.act == "Communications Act 2003":
            assert ref.section in ("section 127(1)", "section 127(2)(c)")
            assert "false" not in ref.plain.lower()


def test_malicious_communications_act_covers_only_indecent_or_grossly_offensive():
    [ref] = [r for r in LAW_REFS if r.act == "Malicious Communications Act 1988"]
    plain = ref.plain.lower()
    assert "indecent or grossly offensive" in plain
    assert "threat" not in plain and "false" not in plain


def test_threats_and_false_messages_are_online_safety_act_offences():
    assert (law.THREATENING_COMMUNICATIONS.act, law.THREATENING_COMMUNICATIONS.section) == ("Online Safety Act 2023", "section 181")
    assert (law.FALSE_COMMUNICATIONS.act, law.FALSE_COMMUNICATIONS.section) == ("Online Safety Act 2023", "section 179")
    assert (law.THREATS_TO_KILL.act, law.THREATS_TO_KILL.section) == ("Offences Against the Person Act 1861", "section 16")


def test_every_result_naming_malicious_communications_is_about_offensive_messages():
    for tool_id, tool in decision_tools.TOOLS.items():
        for path in engine.paths(tool):
            result = decision_tools.evaluate(tool_id, path["answers"])["result"]
            for ref in result["law"]:
                if ref["act"] == "Malicious Communications Act 1988":
                    assert "offensive" in json.dumps(path["answers"]), path


def test_dated_names_and_facts_are_not_used():
    assert "Twitter" not in TEXT.replace("formerly Twitter", "")
    assert "register with the ICO" not in TEXT
    assert "EWHC 26)" not in TEXT and "EWHC 26 " not in TEXT  # Dowson is [2010] EWHC 2612 (QB)


def test_the_council_cannot_fund_a_defamation_claim():
    assert "council cannot fund a councillor's defamation claim" in TEXT
    assert "The council may not pay for a councillor to bring a defamation claim" in law.INDEMNITIES.plain


def test_stalking_offences_were_added_by_the_protection_of_freedoms_act_2012():
    assert "Protection of Freedoms Act 2012" in law.STALKING.plain


def test_disqualification_orders_last_five_years():
    assert law.DISQUALIFICATION.act == "Elections Act 2022" and "5 years" in law.DISQUALIFICATION.plain


def test_restraining_orders_on_conviction_cite_the_sentencing_act():
    """Section 5 of the 1997 Act was replaced by s360 of the Sentencing Act 2020 in December 2020."""
    from decision_tools import law

    assert "section 360" in law.RESTRAINING_ORDER.section
    assert "Sentencing Act 2020" in law.RESTRAINING_ORDER.act
    assert "sections 5 " not in law.RESTRAINING_ORDER.section
