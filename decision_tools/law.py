"""The law the tools weigh, each entry declared by its elements.

An entry is an offence or another rule of law (a civil remedy, a court's power, a duty). Its
elements are what must be true for it to apply: how it must arrive, how often, what must be
threatened or intended, who it must be aimed at, where. Each element is settled by one fact of
the tool's answers (decision_tools.engine.Fact), by whether other entries are listed, or by
nothing the reader can tell us (what the person intended: only the police and the courts judge it).

An entry is listed when no answer rules out any of its elements and every key element (the
conduct itself) is met: so it is listed whenever the answers meet them all, and never where an
answer rules one out. The result explains each element: met, not met, or not known, and what
would settle it.

Current law only. The words (Act, section, name, plain meaning, and each element's test and
reasons) are in law.toml beside this file. The facts the elements read are named here; a tool
defines those it can establish, and any other is "not known".
"""

from __future__ import annotations

from dataclasses import dataclass

OFFENCE = "offence"
RULE = "rule"

MET, NOT_MET, NOT_KNOWN = "met", "not met", "not known"
APPLIES, MAY_APPLY = "applies", "may apply"


@dataclass(frozen=True)
class Element:
    """One element of an entry. Settled by `fact` (True met, False not met, None not known), or
    by `listed` (met when any of those entries is listed, not met otherwise), or by neither (always
    not known). `key`: the entry is listed only when this is met."""

    id: str
    fact: str | None = None
    listed: tuple[str, ...] = ()
    key: bool = False


@dataclass(frozen=True)
class Entry:
    """An offence or rule. Its words, and the page and heading of the toolkit that explain it,
    are in law.toml under [entries.<id>]."""

    id: str
    kind: str
    elements: tuple[Element, ...]
    schedule_9: bool = False  # an offence listed in Schedule 9 to the Elections Act 2022


class Weighed:
    """An entry weighed against one set of facts: each element's status, and whether it is listed
    (no element not met, every key element met)."""

    __slots__ = ("entry", "statuses", "listed")

    def __init__(self, entry: Entry, statuses: tuple[str, ...], listed: bool):
        self.entry, self.statuses, self.listed = entry, statuses, listed

    @classmethod
    def of(cls, entry: Entry, statuses: tuple[str, ...]) -> "Weighed":
        listed = NOT_MET not in statuses and all(_key_ok(e, s) for e, s in zip(entry.elements, statuses))
        return cls(entry, statuses, listed)

    @property
    def status(self) -> str:
        return APPLIES if all(s == MET for s in self.statuses) else MAY_APPLY


def _key_ok(element: Element, status: str) -> bool:
    """A key element must be met; one that reads other entries is enough when they may apply."""
    return not element.key or status == MET or (bool(element.listed) and status == NOT_KNOWN)


def E(id, fact=None, *, listed=(), key=False) -> Element:  # noqa: N802 - reads as a table
    return Element(id, fact, tuple(listed), key)


# How a reasonable person would see it: the courts' test, never settled by the reader's answers.
_KNEW = E("knew")
_MEANT = E("meant")

_HARASSMENT_FAMILY = ("harassment", "harassing-several-people", "fear-of-violence", "stalking")

ENTRIES: tuple[Entry, ...] = (
    # Protection from Harassment Act 1997
    Entry("harassment", OFFENCE, (
        E("course", "two_or_more", key=True), E("aimed", "aimed_at_you"), E("alarm", "alarming"),
        E("oppressive", "oppressive"), _KNEW), schedule_9=True),
    # The purpose (to make someone do, or stop doing, something) is for the courts: never settled here.
    Entry("harassing-several-people", OFFENCE, (
        E("several", "others_targeted", key=True), E("alarm", "alarming"), E("pressure"), _KNEW),
        schedule_9=True),
    Entry("fear-of-violence", OFFENCE, (
        E("course", "two_or_more", key=True), E("violence", "violence_in_view", key=True),
        E("feared", "feared_violence"), E("aimed", "aimed_at_you"), _KNEW), schedule_9=True),
    Entry("stalking", OFFENCE, (
        E("course", "two_or_more", key=True), E("acts", "stalking_acts", key=True),
        E("aimed", "aimed_at_you"), E("alarm", "alarming"), E("oppressive", "oppressive"), _KNEW),
        schedule_9=True),
    # Communications
    Entry("threatening-communications", OFFENCE, (
        E("threat", "threat_any", key=True), E("serious", "threat_serious_harm"), E("sent", "sent_message", key=True),
        _MEANT),
        schedule_9=True),
    # What the sender knew and meant is for the courts: the reader can say only that it is false.
    Entry("false-communications", OFFENCE, (
        E("false", "false_to_harm", key=True), E("sent", "sent_message", key=True), _KNEW, _MEANT, E("excuse")),
        schedule_9=True),
    Entry("malicious-communications", OFFENCE, (
        E("content", "offensive", key=True), E("sent", "sent_message", key=True), _MEANT),
        schedule_9=True),
    Entry("improper-use-of-network", OFFENCE, (
        E("content", "offensive", key=True), E("network", "electronic", key=True), E("aware")), schedule_9=True),
    Entry("persistent-misuse-of-network", OFFENCE, (
        E("contact", "unwanted_contact", key=True), E("network", "electronic", key=True),
        E("persistent", "two_or_more", key=True), E("aimed", "aimed_at_you"),
        E("beyond_rudeness", "beyond_rudeness"), E("purpose")), schedule_9=True),
    # Threats
    Entry("threats-to-kill", OFFENCE, (
        E("threat", "threat_kill", key=True), _MEANT, E("excuse")), schedule_9=True),
    Entry("threats-to-damage-property", OFFENCE, (
        E("threat", "threat_property", key=True), _MEANT, E("excuse")),
        schedule_9=True),
    # Public order, at home
    Entry("fear-or-provocation-of-violence", OFFENCE, (
        E("conduct", "threatening_in_person", key=True), E("immediate", "immediate"), _MEANT),
        schedule_9=True),
    Entry("intentional-harassment-alarm-distress", OFFENCE, (
        E("conduct", "abusive_in_person", key=True), E("caused", "alarming"), _MEANT), schedule_9=True),
    Entry("harassment-alarm-distress", OFFENCE, (
        E("conduct", "abusive_in_person", key=True), E("likely", "alarming"), E("aware")), schedule_9=True),
    # Why they are there (to make the resident do, or stop doing, something) is for the courts.
    Entry("harassment-at-home", OFFENCE, (
        E("home", "at_home", key=True), E("likely", "alarming"), E("pressure"), _KNEW),
        schedule_9=True),
    # Hostility
    Entry("racially-or-religiously-aggravated", OFFENCE, (
        E("hostility", "hostility_race_religion", key=True),
        E("offence", listed=(*_HARASSMENT_FAMILY, "fear-or-provocation-of-violence",
                             "intentional-harassment-alarm-distress", "harassment-alarm-distress"), key=True)),
        schedule_9=True),
    # Accounts, witnesses
    Entry("unauthorised-access", OFFENCE, (
        E("access", "hacking", key=True), E("knew_unauthorised")), schedule_9=False),
    Entry("intimidating-witnesses", OFFENCE, (
        E("helping", "witness", key=True), E("intimidated", "witness", key=True), _KNEW, _MEANT), schedule_9=False),
)

_OFFENCE_IDS = tuple(e.id for e in ENTRIES)
_SCHEDULE_9 = tuple(e.id for e in ENTRIES if e.schedule_9)

ENTRIES += (
    # What a court or the police can do, and other rules
    Entry("hostility-in-sentencing", RULE, (
        E("hostility", "hostility_any", key=True), E("offence", listed=_OFFENCE_IDS, key=True))),
    Entry("disqualification-orders", RULE, (
        E("offence", listed=_SCHEDULE_9, key=True), E("adult"), E("role", "because_of_role"))),
    Entry("harassment-injunction", RULE, (
        E("harassment", listed=_HARASSMENT_FAMILY, key=True),)),
    # On conviction of any offence (Sentencing Act 2020 s360); on acquittal too (PHA 1997 s5A).
    Entry("restraining-order", RULE, (
        E("offence", listed=_OFFENCE_IDS, key=True),)),
    Entry("police-direction-at-home", RULE, (
        E("home", "at_home", key=True),)),
    Entry("home-protest-offence", RULE, (
        E("protest", "protest_at_home", key=True), E("in_force"))),
    Entry("defamation", RULE, (
        E("false", "false_about_you", key=True), E("serious_harm"))),
    Entry("website-operator-notice", RULE, (
        E("false", "false_about_you", key=True), E("online", "posted_online", key=True))),
    Entry("indemnities", RULE, (
        E("false", "false_about_you", key=True),)),
    Entry("freedom-of-expression", RULE, (
        E("criticism", "criticism", key=True),)),
    Entry("code-of-conduct", RULE, (
        E("councillor", "by_a_councillor", key=True),)),
    # When you post
    Entry("defamation-when-you-post", RULE, (
        E("statement", "might_be_untrue", key=True), E("published", "posting", key=True))),
    Entry("predetermination", RULE, (
        E("matter", "regulatory_view", key=True),)),
    Entry("data-protection", RULE, (
        E("personal_data", "personal_data", key=True),)),
    Entry("private-life", RULE, (
        E("private", "private_life", key=True),)),
    Entry("copyright", RULE, (
        E("work", "someone_elses_work", key=True),)),
    Entry("equality", RULE, (
        E("attack", "attacks_people", key=True),)),
    Entry("code-of-conduct-when-you-post", RULE, (
        E("breach", "conduct_risk", key=True),)),
    Entry("council-publicity", RULE, (
        E("resources", "council_resources", key=True),)),
)

BY_ID = {entry.id: entry for entry in ENTRIES}


class Scales:
    """The entries a tool weighs, weighed against one set of facts when first asked for.

    An element that reads other entries weighs them first; an entry the tool does not weigh
    counts as not listed."""

    def __init__(self, law_ids, facts, order: tuple[str, ...] | None = None):
        self.wanted = law_ids if isinstance(law_ids, frozenset) else frozenset(law_ids)
        self.order = order or tuple(e.id for e in ENTRIES if e.id in self.wanted)
        self.facts = facts
        self._done: dict[str, Weighed | None] = {}

    def one(self, law_id: str) -> "Weighed | _Unweighed":
        done = self._done.get(law_id, _MISSING)
        if done is _MISSING:
            done = self._done[law_id] = self._weigh(BY_ID[law_id]) if law_id in self.wanted else None
        return done or _UNWEIGHED

    def _weigh(self, entry: Entry) -> Weighed:
        facts, statuses, listed = self.facts, [], True
        for element in entry.elements:
            if element.listed:
                # Met when one of them applies on every element; not known when one may apply.
                found = [w for i in element.listed if (w := self.one(i)).listed]
                status = (MET if any(w.status == APPLIES for w in found) else NOT_KNOWN if found else NOT_MET)
            else:
                value = facts[element.fact] if element.fact else None
                status = MET if value is True else NOT_MET if value is False else NOT_KNOWN
            statuses.append(status)
            if status == NOT_MET or not _key_ok(element, status):
                listed = False
        return Weighed(entry, tuple(statuses), listed)

    def every(self) -> dict[str, Weighed]:
        """Every entry the tool weighs, in the order of ENTRIES."""
        return {law_id: self.one(law_id) for law_id in self.order}


_MISSING = object()


class _Unweighed:
    listed = False


_UNWEIGHED = _Unweighed()
