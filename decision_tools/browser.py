"""The glue the browser's Python worker calls: one entry point, JSON in and JSON out.

docs/assets/javascripts/python-worker.js loads this wheel and calls `handle` for every request
from the page (a promise per request id, in python.js). The Pyodide parity test calls the same
function, so what is tested is what ships.

    handle('{"method": "step", "params": {"tool": ..., "answers": {...}, "context": {...}, "chosen": {...}}}')
      -> '{"ok": {"status", "question" (id) or "result" (id), "urgency", "answered", "html"}}'
    handle('{"method": "insights", "params": {"entries": [...]}}')  -> '{"ok": {...}}'
    handle('{"method": "fingerprint", "params": {"entries": [...]}}') -> '{"ok": "64 hex digits"}'
    handle('{"method": "check-copy", "params": {"text": "...", "printed": "", "unlocked": false}}')
      -> '{"ok": {"entries", "fingerprint", "saved", "printed"}}' or '{"ok": {"locked": {...}}}'

A request the tools cannot answer (an answer from an older version of a tool, a bad log file)
comes back as {"error": {"kind": "invalid", "message": ...}}: an answer, not a failure. A bad log
also says which part of the request is wrong ("part": "file" or "printed").
"""

from __future__ import annotations

import json

from . import DecisionToolError, evaluate, incident_copy, incidents
from .present import step_html
from .record import draft


def step(tool: str, answers: dict, context: dict | None = None, chosen: dict | None = None) -> dict:
    """The next step of a tool, with its HTML from the one presenter. `chosen`: every answer the
    reader has given, to show ticked when a question comes back (after Back or Change)."""
    context = context or {}
    out = evaluate(tool, answers)
    html = step_html(out, {**context, "chosen": chosen if isinstance(chosen, dict) else answers})
    summary = {"status": out["status"], "answered": [a["question"] for a in out["answered"]], "html": html}
    if out["status"] == "question":
        summary["question"] = out["question"]["id"]
        summary["kind"] = out["question"]["kind"]
    else:
        summary["result"] = out["result"]["id"]
        summary["urgency"] = out["result"]["urgency"]
        summary["title"] = out["result"]["title"]
        summary["record"] = draft(out)  # "Add this to my incident log" fills the log's form with it
    return summary


def _insights(entries) -> dict:
    return incidents.insights(entries)


def _fingerprint(entries) -> str:
    if not isinstance(entries, list):
        raise incidents.IncidentLogError("The incidents should be a list.")
    for number, entry in enumerate(entries, 1):
        incidents.check_entry(entry, number)
    return incident_copy.fingerprint(entries)


METHODS = {
    "step": lambda p: step(p.get("tool"), p.get("answers", {}), p.get("context"), p.get("chosen")),
    "insights": lambda p: _insights(p.get("entries")),
    "fingerprint": lambda p: _fingerprint(p.get("entries")),
    "check-copy": lambda p: incident_copy.check_copy(p.get("text"), p.get("printed") or "", bool(p.get("unlocked"))),
}


def handle(request_json: str) -> str:
    try:
        request = json.loads(request_json)
        method = METHODS[request["method"]]
        return json.dumps({"ok": method(request.get("params") or {})})
    except incidents.IncidentLogError as error:
        return json.dumps({"error": {"kind": "invalid", "message": str(error), "part": error.part}})
    except DecisionToolError as error:
        return json.dumps({"error": {"kind": "invalid", "message": str(error)}})
    except (KeyError, TypeError, ValueError) as error:
        return json.dumps({"error": {"kind": "bad-request", "message": f"the request could not be read: {error!r}"}})
