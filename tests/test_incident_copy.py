"""A saved copy of the incident log in CPython: its fingerprint, and the checks on a copy read back
in (plain, locked, malformed, cut short, altered). The same module answers the page in Pyodide
(tests/test_incident_log_durable.py checks the page shows what it says)."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from decision_tools import incident_copy
from decision_tools.browser import handle
from decision_tools.incident_copy import LOCKED_FORMAT, check_copy, fingerprint, grouped
from decision_tools.incidents import FORMAT, VERSION, IncidentLogError


def entry(n: int, when: str, **more) -> dict:
    return {"id": f"id-{n}", "when": when, "channel": "email", "who": "Jo", "what": f"Incident {n}",
            "created": "2026-11-01T09:05:00.000Z", "updated": "2026-11-01T09:05:00.000Z", **more}


LOG = [entry(1, "2026-11-01T09:00", threat=True), entry(2, "2026-11-02T10:30", what="Said \u201cwe know\u201d \U0001f52a")]


def saved(entries=LOG, **more) -> str:
    data = {"format": FORMAT, "version": VERSION, "exported": "2026-12-01T10:00:00Z",
            "fingerprint": fingerprint(entries), "incidents": entries, **more}
    return json.dumps(data, indent=2)


def locked(**more) -> dict:
    b64 = lambda n: base64.b64encode(bytes(range(n))).decode()  # noqa: E731
    return {"format": LOCKED_FORMAT, "version": 1, "kdf": "PBKDF2-SHA-256", "cipher": "AES-GCM",
            "iterations": 600_000, "salt": b64(16), "iv": b64(12), "data": b64(40), **more}


class TestFingerprint:
    def test_is_sha256_hex_and_the_same_in_any_order(self):
        found = fingerprint(LOG)
        assert len(found) == 64 and set(found) <= set("0123456789abcdef")
        assert fingerprint(list(reversed(LOG))) == found
        assert fingerprint([{**e} for e in json.loads(json.dumps(LOG))]) == found

    @pytest.mark.parametrize("change", [{"what": "Incident 1."}, {"when": "2026-11-01T09:01"},
                                        {"threat": False}, {"updated": "2026-11-02T09:05:00.000Z"}, {"told": "x"}])
    def test_any_change_to_any_entry_changes_it(self, change):
        assert fingerprint([{**LOG[0], **change}, LOG[1]]) != fingerprint(LOG)

    def test_an_entry_added_or_removed_changes_it(self):
        assert fingerprint(LOG[:1]) != fingerprint(LOG)
        assert fingerprint([*LOG, entry(3, "2026-11-03T10:00")]) != fingerprint(LOG)

    def test_a_lone_surrogate_from_the_browser_still_has_a_fingerprint(self):
        assert len(fingerprint([entry(1, "2026-11-01T09:00", what="\ud800 half a character")])) == 64

    def test_grouped_in_fours_for_paper(self):
        assert grouped("0123456789abcdef" * 4).split(" ")[:3] == ["0123", "4567", "89ab"]
        assert len(grouped(fingerprint(LOG)).split(" ")) == 16

    def test_the_worker_checks_the_entries_first(self):
        assert json.loads(handle(json.dumps({"method": "fingerprint", "params": {"entries": LOG}}))) == {
            "ok": fingerprint(LOG)}
        bad = json.loads(handle(json.dumps({"method": "fingerprint", "params": {"entries": [{"id": "x"}]}})))
        assert bad["error"]["kind"] == "invalid" and "'when' is missing" in bad["error"]["message"]


class TestCheckCopy:
    def test_a_saved_copy_comes_back_whole_with_its_fingerprint_matching(self):
        out = check_copy(saved())
        assert out == {"entries": LOG, "fingerprint": fingerprint(LOG), "saved": "matches", "printed": "none"}

    def test_the_fingerprint_from_paper_matches_however_it_was_typed(self):
        paper = grouped(fingerprint(LOG)).upper()
        assert check_copy(saved(), paper)["printed"] == "matches"
        assert check_copy(saved(), f"  {fingerprint(LOG)}\n")["printed"] == "matches"

    def test_a_copy_without_a_fingerprint_is_still_read(self):
        data = json.loads(saved())
        del data["fingerprint"]
        out = check_copy(json.dumps(data))
        assert out["entries"] == LOG and out["saved"] == "none"

    def test_a_changed_entry_is_detected(self):
        data = json.loads(saved())
        data["incidents"][1]["what"] = "Something milder"
        with pytest.raises(IncidentLogError, match="changed since it was saved"):
            check_copy(json.dumps(data))

    def test_a_copy_that_is_not_the_printed_one_is_refused_naming_both(self):
        other = fingerprint(LOG[:1])
        with pytest.raises(IncidentLogError, match=f"not {grouped(other)}") as caught:
            check_copy(saved(), other)
        assert grouped(fingerprint(LOG)) in str(caught.value)

    @pytest.mark.parametrize("paper", ["abc", "z" * 64, fingerprint(LOG) + "0"])
    def test_a_mistyped_fingerprint_is_named(self, paper):
        with pytest.raises(IncidentLogError, match="64 letters and numbers"):
            check_copy(saved(), paper)

    @pytest.mark.parametrize("cut", [1, 40, 200, -2])
    def test_a_copy_cut_short_is_refused(self, cut):
        with pytest.raises(IncidentLogError, match="part of it is missing"):
            check_copy(saved()[:cut])

    def test_a_copy_with_an_entry_removed_and_the_fingerprint_kept_is_refused(self):
        data = json.loads(saved())
        data["incidents"].pop()
        with pytest.raises(IncidentLogError, match="changed since it was saved"):
            check_copy(json.dumps(data))

    def test_a_bad_entry_is_still_named(self):
        data = json.loads(saved())
        data["incidents"][0]["channel"] = "fax"
        with pytest.raises(IncidentLogError, match="In entry 1 .*'channel' is 'fax'"):
            check_copy(json.dumps(data))


class TestLockedCopy:
    def test_gives_what_the_page_needs_to_unlock_it(self):
        assert check_copy(json.dumps(locked())) == {"locked": {k: locked()[k] for k in ("salt", "iv", "data", "iterations")}}

    @pytest.mark.parametrize("change, message", [
        ({"version": 2}, "version 2"),
        ({"kdf": "MD5"}, "not locked the way this toolkit locks"),
        ({"iterations": 10}, "'iterations' is 10"),
        ({"iterations": 10**12}, "'iterations'"),
        ({"iterations": 600000.0}, "'iterations'"),
        ({"salt": "AAAA"}, "'salt' is missing or cut short"),
        ({"iv": "not base64!"}, "'iv' is missing or cut short"),
        ({"iv": base64.b64encode(bytes(16)).decode()}, "'iv'"),
        ({"data": None}, "'data' is missing"),
        ({"data": "AAE="}, "'data' is missing or cut short"),
    ])
    def test_a_damaged_locked_copy_is_named(self, change, message):
        with pytest.raises(IncidentLogError, match=message):
            check_copy(json.dumps(locked(**change)))

    def test_a_locked_copy_inside_a_locked_copy_is_refused(self):
        with pytest.raises(IncidentLogError, match="another locked copy inside"):
            check_copy(json.dumps(locked()), unlocked=True)



class TestThroughTheWorker:
    """decision_tools.browser.handle, as python-worker.js calls it."""

    def ask(self, **params) -> dict:
        return json.loads(handle(json.dumps({"method": "check-copy", "params": params})))

    def test_a_good_copy_comes_back_as_plain_json(self):
        assert self.ask(text=saved(), printed=grouped(fingerprint(LOG)))["ok"]["printed"] == "matches"

    def test_a_bad_file_is_an_answer_naming_the_file(self):
        out = self.ask(text="{", printed="")
        assert out["error"]["kind"] == "invalid" and out["error"]["part"] == "file"
        assert "part of it is missing" in out["error"]["message"]

    @pytest.mark.parametrize("printed", ["not a fingerprint", fingerprint(LOG[:1])])
    def test_a_wrong_fingerprint_from_paper_is_an_answer_naming_it(self, printed):
        out = self.ask(text=saved(), printed=printed)
        assert out["error"]["kind"] == "invalid" and out["error"]["part"] == "printed"

    def test_a_locked_copy_gives_what_unlocks_it(self):
        assert self.ask(text=json.dumps(locked()))["ok"]["locked"]["iterations"] == 600_000


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=5),
    max_leaves=20)
FIELD_NAMES = st.sampled_from(["id", "when", "channel", "what", "who", "threat", "created", "updated", "x"])


def _damage(text: str, at: int, how: int, with_: str) -> str:
    at %= len(text) + 1
    return [text[:at], text[:at] + with_ + text[at + 1:], text[:at] + with_ + text[at:]][how % 3]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(
    JSON_VALUES.map(json.dumps),
    st.text(max_size=200),
    st.builds(_damage, st.just(saved()), st.integers(0, 2000), st.integers(0, 2), st.text(max_size=3)),
    st.builds(_damage, st.just(json.dumps(locked())), st.integers(0, 400), st.integers(0, 2), st.text(max_size=3)),
    st.builds(lambda name, value: json.dumps({"format": FORMAT, "version": VERSION, "fingerprint": "0" * 64,
                                               "incidents": [{**LOG[0], name: value}]}), FIELD_NAMES, JSON_VALUES),
    st.builds(lambda extra: json.dumps({**locked(), **extra}), st.dictionaries(
        st.sampled_from(["version", "kdf", "cipher", "iterations", "salt", "iv", "data"]), JSON_VALUES, max_size=3)),
), st.one_of(st.just(""), st.text(max_size=70)), st.booleans())
def test_any_file_at_all_is_read_or_refused_with_the_logs_own_error(text, printed, unlocked):
    try:
        out = check_copy(text, printed, unlocked)
    except IncidentLogError as error:
        assert str(error), "every refusal says why"
        return
    assert set(out) in ({"locked"}, {"entries", "fingerprint", "saved", "printed"})
    if "entries" in out:
        assert out["fingerprint"] == incident_copy.fingerprint(out["entries"])
