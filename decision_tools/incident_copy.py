"""A saved copy of the incident log: its fingerprint, and the checks on a copy read back in.

The printed evidence log and every JSON copy carry a SHA-256 fingerprint of the whole log, so a
copy can later be checked against the paper: the same entries, with the same words and the same
dates, always give the same fingerprint, and any change to any of them gives another one.

A locked copy is the JSON copy encrypted in the browser (Web Crypto: AES-GCM, with a key from
PBKDF2-SHA-256 of the reader's passphrase). Python never sees the passphrase: it checks that a
locked file has everything needed to unlock it, and the page decrypts it and hands the text back.

Standard library only and no I/O.

Public API:
    fingerprint(entries)              -> 64 hex digits, the same whatever order the entries are in
    check_copy(text, printed="")      -> {"entries", "fingerprint", "saved", "printed"} or {"locked": ...}
    LOCKED_FORMAT, KDF, CIPHER        -> what a locked copy looks like
Every problem is an IncidentLogError whose message says what is wrong with the file.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re

from .incidents import IncidentLogError, read_log

LOCKED_FORMAT = "councillor-safety-toolkit/incident-log-locked"
LOCKED_VERSION = 1
KDF = "PBKDF2-SHA-256"
CIPHER = "AES-GCM"
# Fewer rounds would make a passphrase quick to guess; far more would hang the page.
ITERATIONS = (100_000, 10_000_000)
SALT_BYTES = 16
IV_BYTES = 12
TAG_BYTES = 16  # AES-GCM's check that nothing was changed: every locked copy has at least this

_HEX = re.compile(r"[0-9a-f]{64}")


def fingerprint(entries: list[dict]) -> str:
    """SHA-256 of the log's canonical form: the entries sorted by id, each with its fields sorted,
    as compact JSON in ASCII (so every character, even one a browser cannot encode, has one form)."""
    ordered = sorted(entries, key=lambda entry: entry["id"])
    canonical = json.dumps(ordered, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(canonical.encode("ascii")).hexdigest()


def _parse(text) -> object:
    if not isinstance(text, str):
        raise IncidentLogError("The file could not be read as text.")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise IncidentLogError("This file is not an incident log saved from this toolkit: it is not a "
                               "JSON file, or part of it is missing.") from None


def _printed(printed) -> str:
    """The fingerprint the reader copied from paper, as 64 lower-case hex digits, or ''."""
    if not printed:
        return ""
    digits = re.sub(r"[\s:-]", "", str(printed)).lower()
    if not _HEX.fullmatch(digits):
        raise IncidentLogError("The fingerprint you entered is not one this toolkit prints: it should be "
                               "64 letters and numbers (0 to 9 and a to f), in groups of four.", "printed")
    return digits


def _bytes(envelope: dict, field: str, least: int, most: int | None = None) -> str:
    value = envelope.get(field)
    try:
        raw = base64.b64decode(value, validate=True) if isinstance(value, str) else None
    except (binascii.Error, ValueError):
        raw = None
    if raw is None or len(raw) < least or (most is not None and len(raw) > most):
        raise IncidentLogError(f"This locked copy is damaged: its {field!r} is missing or cut short.")
    return value


def _locked(data: dict) -> dict:
    """What the page needs to unlock a locked copy, each part checked."""
    if data.get("version") != LOCKED_VERSION:
        raise IncidentLogError(f"This locked copy is version {data.get('version')!r}; "
                               f"this toolkit reads version {LOCKED_VERSION}.")
    if data.get("kdf") != KDF or data.get("cipher") != CIPHER:
        raise IncidentLogError(f"This locked copy was not locked the way this toolkit locks copies "
                               f"({KDF} and {CIPHER}).")
    rounds = data.get("iterations")
    if type(rounds) is not int or not ITERATIONS[0] <= rounds <= ITERATIONS[1]:
        raise IncidentLogError(f"This locked copy is damaged: its 'iterations' is {rounds!r}; it should be "
                               f"a whole number from {ITERATIONS[0]:,} to {ITERATIONS[1]:,}.")
    return {"salt": _bytes(data, "salt", SALT_BYTES), "iv": _bytes(data, "iv", IV_BYTES, IV_BYTES),
            "data": _bytes(data, "data", TAG_BYTES), "iterations": rounds}


def check_copy(text, printed="", unlocked: bool = False) -> dict:
    """Check a saved copy's text (JSON or a locked copy) and, if given, the fingerprint from paper.

    A locked copy gives {"locked": {salt, iv, data, iterations}}: the page asks for the passphrase
    and calls again with the text inside and unlocked=True. A plain copy gives
    {"entries", "fingerprint", "saved": "matches" or "none", "printed": "matches" or "none"}:
    "saved" is the fingerprint written into the file when it was saved, "printed" the one given.
    A copy changed since it was saved, or not the one printed, is refused: adding it could replace
    the entries in the log with altered ones."""
    data = _parse(text)
    paper = _printed(printed)
    if isinstance(data, dict) and data.get("format") == LOCKED_FORMAT:
        if unlocked:
            raise IncidentLogError("This locked copy has another locked copy inside it, which this toolkit never saves.")
        return {"locked": _locked(data)}
    entries = read_log(data)
    found = fingerprint(entries)
    saved = data.get("fingerprint")
    if saved is not None and saved != found:
        raise IncidentLogError("The entries in this file have been changed since it was saved: its fingerprint "
                               "does not match them.")
    if paper and paper != found:
        raise IncidentLogError(f"This file does not match the printed evidence log: the file's fingerprint is "
                               f"{grouped(found)}, not {grouped(paper)}. It may be an earlier or later copy, or "
                               "an entry may have been changed.", "printed")
    return {"entries": entries, "fingerprint": found, "saved": "matches" if saved else "none",
            "printed": "matches" if paper else "none"}


def grouped(digits: str) -> str:
    """'3f2a9b1c...' as '3f2a 9b1c ...': easier to read aloud and to compare with paper."""
    return " ".join(digits[i:i + 4] for i in range(0, len(digits), 4))
