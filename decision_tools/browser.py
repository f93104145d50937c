"""The glue the browser's Python worker calls: one entry point, JSON in and JSON out.

docs/assets/javascripts/python-worker.js loads this wheel and calls `handle` for every request
from the page (a promise per request id, in python.js). The Pyodide parity test calls the same
function, so what is tested is what ships.

    handle('{"method": "step", "params": {"tool": ..., "answers": {...}, "context": {...}, "chosen": {...}}}')
      -> '{"ok": {"status", "question" (id) or "result" (id), "urgency", "answered", "html"}}'
    handle('{"method": "insights", "params": {"entries": [...]}}')  -> '{"ok": {...}}'
    handle('{"method": "read-log", "params": {"data": {...}}}')    -> '{"ok": [...]}'

A request the tools cannot answer (an answer from an older version of a tool, a bad log file)
comes back as {"error": {"kind": "invalid", "message": ...}}: an answer, not a failure.
"""

from __future__ import annotations

import json

from . import DecisionToolError, evaluate, incidents
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


def _read_log(data) -> list:
    return incidents.read_log(data)


METHODS = {
    "step": lambda p: step(p.get("tool"), p.get("answers", {}), p.get("context"), p.get("chosen")),
    "insights": lambda p: _insights(p.get("entries")),
    "read-log": lambda p: _read_log(p.get("data")),
}


def handle(request_json: str) -> str:
    try:
        request = json.loads(request_json)
        method = METHODS[request["method"]]
        return json.dumps({"ok": method(request.get("params") or {})})
    except (DecisionToolError, incidents.IncidentLogError) as error:
        return json.dumps({"error": {"kind": "invalid", "message": str(error)}})
    except (KeyError, TypeError, ValueError) as error:
        return json.dumps({"error": {"kind": "bad-request", "message": f"the request could not be read: {error!r}"}})
