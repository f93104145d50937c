"""The incident log's insights and its checks on an imported file, in CPython.

The same module runs in the browser through Pyodide: tests/test_incident_log.py checks that the
page shows what these functions return."""

from __future__ import annotations

import json

import pytest

from decision_tools import incidents
from decision_tools.incidents import FORMAT, VERSION, IncidentLogError, insights, read_log


def entry(n: int, when: str, who: str = "", channel: str = "email", **more) -> dict:
    return {"id": f"id-{n}", "when": when, "channel": channel, "who": who, "what": f"Incident {n}", **more}


def exported(entries) -> dict:
    return {"format": FORMAT, "version": VERSION, "exported": "2026-11-21T10:00:00Z", "incidents": entries}


class TestTwoOccasions:
    def test_one_person_on_two_occasions_is_a_possible_course_of_conduct_linked_to_the_harassment_tool(self):
        log = [entry(1, "2026-11-02T09:00", "Jo Bloggs"), entry(2, "2026-11-09T21:15", "Jo Bloggs", "phone")]
        out = insights(log)
        assert len(out["patterns"]) == 1
        pattern = out["patterns"][0]
        assert (pattern["who"], pattern["count"], pattern["numbers"]) == ("Jo Bloggs", 2, [1, 2])
        assert (pattern["first"], pattern["last"]) == ("2026-11-02T09:00", "2026-11-09T21:15")
        assert "two or more occasions may be a course of conduct" in pattern["message"]
        assert "2 November 2026 at 09:00" in pattern["message"] and "9 November 2026 at 21:15" in pattern["message"]
        pages = [link["page"] for link in pattern["links"]]
        assert pages == ["tools/harassment.md", "tools/report.md"]

    def test_one_occasion_is_not_a_pattern(self):
        out = insights([entry(1, "2026-11-02T09:00", "Jo Bloggs"), entry(2, "2026-11-03T09:00", "Sam Smith")])
        assert out["patterns"] == []

    def test_the_same_person_typed_differently_is_counted_once(self):
        log = [entry(1, "2026-11-02T09:00", "@JoBloggs"), entry(2, "2026-11-03T09:00", " jobloggs "),
               entry(3, "2026-11-04T09:00", "JOBLOGGS")]
        out = insights(log)
        assert [(p["who"], p["count"]) for p in out["patterns"]] == [("@JoBloggs", 3)]
        assert out["by_person"] == [{"who": "@JoBloggs", "count": 3}]

    def test_unknown_senders_are_never_treated_as_one_person(self):
        out = insights([entry(1, "2026-11-02T09:00"), entry(2, "2026-11-03T09:00", "  ")])
        assert out["patterns"] == []
        assert out["by_person"] == [{"who": incidents.UNKNOWN_PERSON, "count": 2}]

    def test_several_people_most_frequent_first_with_numbers_in_date_order(self):
        # Oldest first, as the page gives them (it orders the log; see TestCountsAndChronology).
        log = [entry(2, "2026-11-01T09:00", "B"), entry(3, "2026-11-02T09:00", "B"), entry(4, "2026-11-03T09:00", "B"),
               entry(5, "2026-11-04T09:00", "A"), entry(1, "2026-11-05T09:00", "A")]
        out = insights(log)
        assert [(p["who"], p["numbers"]) for p in out["patterns"]] == [("B", [1, 2, 3]), ("A", [4, 5])]


class TestReportNow:
    def test_a_threat_not_told_to_the_police_is_flagged_with_the_report_tool(self):
        log = [entry(1, "2026-11-02T09:00", "X", threat=True),
               entry(2, "2026-11-03T09:00", "Y", threat=True, told_police=True),
               entry(3, "2026-11-04T09:00", "Z", threat=False)]
        out = insights(log)
        assert [(r["number"], r["id"], r["who"]) for r in out["report_now"]] == [(1, "id-1", "X")]
        assert "call 999 if you are in danger now, or 101" in out["report_now"][0]["message"]
        assert out["report_now"][0]["links"][0]["page"] == "tools/report.md"
        assert out["report_now"][0]["links"][1]["anchor"] == "when-to-call-the-police"


class TestCountsAndChronology:
    def test_counts_by_person_and_by_channel(self):
        log = [entry(1, "2026-11-01T09:00", "A", "social_media"), entry(2, "2026-11-02T09:00", "A", "social_media"),
               entry(3, "2026-11-03T09:00", "", "letter")]
        out = insights(log)
        assert out["count"] == 3
        assert out["by_person"] == [{"who": "A", "count": 2}, {"who": "Not known", "count": 1}]
        assert out["by_channel"] == [{"channel": "social_media", "label": "Social media", "count": 2},
                                     {"channel": "letter", "label": "Letter or note", "count": 1}]

    def test_chronology_is_numbered_in_the_order_given_and_keeps_every_field(self):
        """The log's order is worked out once, in the page (chronology in incident-entries.js,
        tested in test_incident_order.py); Python numbers the entries as they come, so its
        numbers are the page's. Given out of date order, it does not sort them again."""
        log = [entry(1, "2026-11-09T09:00", evidence="shot1.png"), entry(2, "2026-10-30T23:59"),
               entry(3, "2026-11-09T08:59")]
        out = insights(log)
        assert [(e["number"], e["id"]) for e in out["chronology"]] == [(1, "id-1"), (2, "id-2"), (3, "id-3")]
        assert out["chronology"][0]["evidence"] == "shot1.png"

    def test_an_empty_log_has_nothing_to_show(self):
        assert insights([]) == {"count": 0, "chronology": [], "patterns": [], "report_now": [], "by_person": [],
                                "by_channel": []}

    def test_the_result_is_plain_json(self):
        out = insights([entry(1, "2026-11-01T09:00", "A", threat=True), entry(2, "2026-11-02T09:00", "A")])
        assert json.loads(json.dumps(out)) == out


class TestReadLog:
    def test_a_good_file_is_read_losslessly(self):
        full = {"id": "a1", "when": "2026-11-01T09:00", "channel": "social_media", "platform": "X", "who": "@jo",
                "what": "Said they know where I live", "threat": True, "evidence": "IMG_0001.png, https://x.example/1",
                "effect": "Could not sleep", "told": "Member support, ref MS/123", "told_police": False,
                "follow_up": "Chase police on Friday", "created": "2026-11-01T09:05:00.000Z",
                "updated": "2026-11-01T09:05:00.000Z"}
        data = json.loads(json.dumps(exported([full])))
        assert read_log(data) == [full]

    @pytest.mark.parametrize("data, message", [
        ([], "not an incident log saved from this toolkit"),
        ({"incidents": []}, "not an incident log saved from this toolkit"),
        ({"format": "something-else", "version": 1, "incidents": []}, "not an incident log"),
        ({"format": FORMAT, "version": 2, "incidents": []}, "version 2; this toolkit reads version 1"),
        ({"format": FORMAT, "version": 1}, "no list of incidents"),
    ])
    def test_a_foreign_or_newer_file_is_refused(self, data, message):
        with pytest.raises(IncidentLogError, match=message):
            read_log(data)

    @pytest.mark.parametrize("bad, message", [
        ({"when": "2026-11-31T09:00"}, "In entry 2 \\(dated 2026-11-31 09:00\\), the field 'when' is "
                                       "'2026-11-31T09:00'; it should be a date and time like"),
        ({"when": "yesterday"}, "the field 'when' is 'yesterday'"),
        ({"channel": "fax"}, "In entry 2 \\(dated 2026-11-02 09:00\\), the field 'channel' is 'fax'; it should be "
                             "one of: social_media, email"),
        ({"what": "  "}, "In entry 2 .*, the field 'what' is empty"),
        ({"what": None}, "the field 'what' is missing"),
        ({"threat": "yes"}, "the field 'threat' should be yes or no"),
        ({"who": 7}, "the field 'who' should be text"),
        ({"colour": "red"}, "the field 'colour' is not one this log uses"),
        ({"id": "id-1"}, "Entries 1 and 2 have the same id, 'id-1'"),
    ])
    def test_a_bad_entry_is_named_with_its_field(self, bad, message):
        second = {k: v for k, v in {**entry(2, "2026-11-02T09:00"), **bad}.items() if v is not None}
        with pytest.raises(IncidentLogError, match=message):
            read_log(exported([entry(1, "2026-11-01T09:00"), second]))

    def test_an_entry_that_is_not_an_object_is_named(self):
        with pytest.raises(IncidentLogError, match="Entry 1 is not an incident"):
            read_log(exported(["hello"]))

    def test_insights_refuse_bad_entries_too(self):
        with pytest.raises(IncidentLogError, match="In entry 1 .*'channel'"):
            insights([entry(1, "2026-11-01T09:00", channel="pigeon")])
