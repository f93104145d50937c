"""The incident log: what a councillor's own record shows, and checks on a log read from a file.

The log itself lives only in the reader's browser; the page hands the entries to this module
(in Pyodide) as plain data and shows what comes back. Standard library only and no I/O.

Public API:
    FIELDS, CHANNELS, FORMAT, VERSION  -> what an entry and an exported file look like
    read_log(data)                     -> the entries of an exported file, checked (IncidentLogError if not)
    check_entry(entry, number)         -> one entry, checked
    insights(entries)                  -> patterns, threats to report now, counts, for entries oldest first
"""

from __future__ import annotations

FORMAT = "councillor-safety-toolkit/incident-log"
VERSION = 1

CHANNELS: dict[str, str] = {
    "social_media": "Social media",
    "email": "Email",
    "letter": "Letter or note",
    "phone": "Phone call or text",
    "in_person": "In person",
    "at_home": "At or near my home",
    "other": "Another way",
}

# Every field of an entry: its kind, and whether it must have a value.
FIELDS: dict[str, tuple[type, bool]] = {
    "id": (str, True),
    "when": (str, True),          # YYYY-MM-DDTHH:MM, the reader's local time
    "channel": (str, True),       # a key of CHANNELS
    "platform": (str, False),     # which platform, email address, number
    "who": (str, False),          # name or handle; empty means not known
    "what": (str, True),          # what was said or done
    "threat": (bool, False),      # it threatened the councillor, their family or their home
    "evidence": (str, False),     # where the evidence is: file names, links
    "effect": (str, False),       # how it affected them
    "told": (str, False),         # who they told, and any reference numbers
    "told_police": (bool, False),
    "follow_up": (str, False),
    "created": (str, False),      # when the entry was first saved (ISO 8601)
    "updated": (str, False),      # when it was last changed
}

UNKNOWN_PERSON = "Not known"

HARASSMENT_TOOL = {"title": "Could this be harassment?", "page": "tools/harassment.md", "anchor": ""}
REPORT_TOOL = {"title": "Who should I tell?", "page": "tools/report.md", "anchor": ""}
CALL_THE_POLICE = {"title": "When to call the police", "page": "personal-safety/reporting-incidents.md",
                   "anchor": "when-to-call-the-police"}


class IncidentLogError(ValueError):
    """A log or entry that cannot be used: the message names the entry and the field. `part` says
    which of what was given is wrong: "file" (the log itself), or "printed" (the fingerprint the
    reader typed from paper), so the page can show the message on the right field."""

    def __init__(self, message: str, part: str = "file"):
        super().__init__(message)
        self.part = part


def _entry_name(entry, number: int) -> str:
    when = entry.get("when") if isinstance(entry, dict) else None
    return f"entry {number}" + (f" (dated {when.replace('T', ' ')})" if isinstance(when, str) and when else "")


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _parse_when(value: str):
    """(year, month, day, hour, minute) for 'YYYY-MM-DDTHH:MM', or None if it is not a real moment."""
    digits = value[:4] + value[5:7] + value[8:10] + value[11:13] + value[14:16]
    if len(value) != 16 or value[4] + value[7] + value[10] + value[13] != "--T:" or not (
            digits.isascii() and digits.isdigit()):
        return None
    year, month, day, hour, minute = (int(value[a:b]) for a, b in ((0, 4), (5, 7), (8, 10), (11, 13), (14, 16)))
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    if not (1 <= month <= 12 and 1 <= day <= days[month - 1] and hour < 24 and minute < 60):
        return None
    return year, month, day, hour, minute


def check_entry(entry, number: int = 1) -> dict:
    """Return `entry` if it is a well-formed incident; otherwise raise IncidentLogError naming it."""
    if not isinstance(entry, dict):
        raise IncidentLogError(f"Entry {number} is not an incident: it should be a set of named fields.")
    name = _entry_name(entry, number)
    unknown = [key for key in entry if key not in FIELDS]
    if unknown:
        raise IncidentLogError(f"In {name}, the field {unknown[0]!r} is not one this log uses.")
    for field, (kind, required) in FIELDS.items():
        value = entry.get(field)
        if value is None:
            if required:
                raise IncidentLogError(f"In {name}, the field {field!r} is missing.")
            continue
        if type(value) is not kind:
            wanted = "yes or no (true or false)" if kind is bool else "text"
            raise IncidentLogError(f"In {name}, the field {field!r} should be {wanted}.")
        if required and not value.strip():
            raise IncidentLogError(f"In {name}, the field {field!r} is empty.")
    if _parse_when(entry["when"]) is None:
        raise IncidentLogError(f"In {name}, the field 'when' is {entry['when']!r}; "
                               "it should be a date and time like 2026-11-21T14:30.")
    if entry["channel"] not in CHANNELS:
        raise IncidentLogError(f"In {name}, the field 'channel' is {entry['channel']!r}; "
                               f"it should be one of: {', '.join(CHANNELS)}.")
    return entry


def read_log(data) -> list[dict]:
    """The entries of a log exported by this toolkit (already parsed from JSON), each checked.

    Raises IncidentLogError for another kind of file, a newer version, a bad entry or two
    entries with the same id."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise IncidentLogError("This file is not an incident log saved from this toolkit.")
    if data.get("version") != VERSION:
        raise IncidentLogError(f"This incident log is version {data.get('version')!r}; "
                               f"this toolkit reads version {VERSION}.")
    entries = data.get("incidents")
    if not isinstance(entries, list):
        raise IncidentLogError("This incident log has no list of incidents in it.")
    seen: dict[str, int] = {}
    for number, entry in enumerate(entries, 1):
        check_entry(entry, number)
        if entry["id"] in seen:
            raise IncidentLogError(f"Entries {seen[entry['id']]} and {number} have the same id, {entry['id']!r}.")
        seen[entry["id"]] = number
    return entries


def _person_key(who: str) -> str:
    """The same person however they were typed: 'Jo Bloggs', 'jo bloggs ', '@JoBloggs' stay
    apart only where the letters differ (handles and names are not guessed to be one person)."""
    return " ".join(who.strip().lstrip("@").lower().split())


def _label(when: str) -> str:
    year, month, day, hour, minute = _parse_when(when)
    return f"{day} {_MONTHS[month - 1]} {year} at {hour:02d}:{minute:02d}"


def insights(entries) -> dict:
    """What the log shows, for its entries in the log's order, oldest first.

    The order is the page's (chronology in docs/assets/javascripts/incident-entries.js), worked
    out there only: the entries are numbered 1, 2, 3 ... in the order they are given, so the
    numbers here are the ones the page shows.

    {"count", "chronology": [entry + "number"],
     "patterns": [{"who", "count", "numbers", "first", "last", "message", "links"}],  # 2+ occasions
     "report_now": [{"number", "id", "who", "when", "message", "links"}],  # threats not yet told to the police
     "by_person": [{"who", "count"}], "by_channel": [{"channel", "label", "count"}]}
    """
    if not isinstance(entries, list):
        raise IncidentLogError("The incidents should be a list.")
    for number, entry in enumerate(entries, 1):
        check_entry(entry, number)
    ordered = [{**entry, "number": number} for number, entry in enumerate(entries, 1)]

    people: dict[str, dict] = {}
    for entry in ordered:
        key = _person_key(entry.get("who") or "")
        who = (entry.get("who") or "").strip() if key else UNKNOWN_PERSON
        person = people.setdefault(key, {"who": who, "count": 0, "numbers": [], "whens": []})
        person["count"] += 1
        person["numbers"].append(entry["number"])
        person["whens"].append(entry["when"])
    by_person = sorted(({"who": p["who"], "count": p["count"]} for p in people.values()),
                       key=lambda p: (-p["count"], p["who"] == UNKNOWN_PERSON, p["who"].lower()))

    patterns = []
    for key, p in people.items():
        # Two or more occasions from one person: possibly a course of conduct (s7(3) Protection
        # from Harassment Act 1997). An unknown sender cannot be counted as one person.
        if key and p["count"] >= 2:
            patterns.append({
                "who": p["who"], "count": p["count"], "numbers": p["numbers"],
                "first": p["whens"][0], "last": p["whens"][-1],
                "message": (f"{p['who']} appears in {p['count']} entries (numbers "
                            f"{', '.join(map(str, p['numbers']))}), from {_label(p['whens'][0])} to "
                            f"{_label(p['whens'][-1])}. Conduct on two or more occasions may be a course "
                            "of conduct, which is part of the legal test for harassment."),
                "links": [HARASSMENT_TOOL, REPORT_TOOL]})
    patterns.sort(key=lambda p: (-p["count"], p["first"]))

    report_now = [{
        "number": e["number"], "id": e["id"], "who": (e.get("who") or "").strip() or UNKNOWN_PERSON,
        "when": e["when"],
        "message": (f"Entry {e['number']} ({_label(e['when'])}) records a threat that you have not told the "
                    "police about. Report threats to the police: call 999 if you are in danger now, or 101."),
        "links": [REPORT_TOOL, CALL_THE_POLICE]}
        for e in ordered if e.get("threat") and not e.get("told_police")]

    counts: dict[str, int] = {}
    for entry in ordered:
        counts[entry["channel"]] = counts.get(entry["channel"], 0) + 1
    by_channel = [{"channel": c, "label": CHANNELS[c], "count": counts[c]} for c in CHANNELS if c in counts]
    by_channel.sort(key=lambda c: -c["count"])

    return {"count": len(ordered), "chronology": ordered, "patterns": patterns, "report_now": report_now,
            "by_person": by_person, "by_channel": by_channel}
