"""Smoke tests for the bench's Lighthouse and bytes parts (bench/lighthouse.py, bench/transfer.py)
on small inputs, so `make bench` does not rot. No score or timing is asserted: the bench reports
them against the targets."""

from __future__ import annotations

import pytest

from bench import lighthouse, report, transfer
from bench.toolkit import BenchError
from harness import BROTLI_MODULE, SITE


def _report(url="http://127.0.0.1:8080/", outside=()) -> dict:
    audits = {name: {"numericValue": 100.0} for name in lighthouse.METRICS.values()}
    audits["cumulative-layout-shift"] = {"numericValue": 0.08}
    audits["color-contrast"] = {"score": 0}
    audits["image-alt"] = {"score": 1}
    audits["layout-shifts"] = {"details": {"items": [{"node": {"selector": "div.dt-wizard"}}]}}
    audits["network-requests"] = {"details": {"items": [{"url": url}, {"url": "data:image/svg+xml,x"},
                                                        *({"url": u} for u in outside)]}}
    return {"finalDisplayedUrl": url, "audits": audits, "environment": {"benchmarkIndex": 1234.5}, "categories": {
        "performance": {"score": 0.9},
        "accessibility": {"score": 0.96, "auditRefs": [{"id": "color-contrast", "weight": 7},
                                                       {"id": "image-alt", "weight": 10}]}}}


def test_a_report_is_read_into_scores_metrics_shifts_and_outside_requests():
    row = lighthouse.summarise(_report(outside=["https://fonts.example.com/a.css"]), "127.0.0.1:8080")
    assert row["performance"] == 0.9 and row["accessibility"] == 0.96 and row["cls"] == 0.08
    assert row["shifted"] == ["div.dt-wizard"] and row["benchmark_index"] == 1234.5
    assert row["failed_accessibility"] == ["color-contrast"]
    assert row["outside_requests"] == ["https://fonts.example.com/a.css"]


def test_shifted_elements_lighthouse_could_not_name_are_not_reported_as_none():
    broken = _report()
    broken["audits"]["layout-shifts"] = {"scoreDisplayMode": "error", "errorMessage": "RootCauses failed"}
    row = lighthouse.summarise(broken, "127.0.0.1:8080")
    assert row["shifted"] is None and row["errors"] == ["layout-shifts"]
    assert row["cls"] == 0.08, "the shift itself is still read"


def test_a_page_lighthouse_could_not_load_is_a_clear_error():
    with pytest.raises(BenchError, match="could not measure .*NO_FCP"):
        lighthouse.summarise({**_report(), "runtimeError": {"code": "NO_FCP"}}, "127.0.0.1:8080")


def test_chromium_flags_with_spaces_are_quoted_for_lighthouse():
    flags = lighthouse._chrome_flags()
    assert '--host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"' in flags
    assert "--no-sandbox" in flags


def test_lighthouse_targets_are_judged_per_page():
    row = lighthouse.summarise(_report(), "127.0.0.1:8080")
    pages = {kind: {**row, "path": ""} for kind in ("home", "tool", "incident log", "law", "guidance")}
    pages["guidance"] = {**row, "cls": 0.01, "performance": 0.1}  # not scored: only its shift counts
    judged = {t["id"]: t["met"] for t in report.lighthouse_targets({"pages": pages})}
    assert judged == {"lighthouse-performance": False, "lighthouse-accessibility": False, "layout-shift": False}
    good = {**row, "performance": 0.97, "accessibility": 1, "cls": 0.0}
    judged = {t["id"]: t["met"] for t in report.lighthouse_targets({"pages": {k: good for k in pages}})}
    assert judged == {"lighthouse-performance": True, "lighthouse-accessibility": True, "layout-shift": True}


def test_the_runtime_bytes_shrink_with_gzip_and_brotli(tmp_path):
    sent = transfer.runtime_bytes(SITE, tmp_path, progress=lambda *_: None)
    wasm = next(name for name in sent["files"] if name.endswith("pyodide.asm.wasm"))
    assert sent["files"][wasm]["uncompressed"]["encoding"] == ""
    assert sent["files"][wasm]["gzip"]["encoding"] == "gzip"
    assert sent["totals"]["gzip"] < sent["totals"]["uncompressed"]
    if not BROTLI_MODULE.exists():
        assert sent["brotli_missing"] and "brotli" not in sent["totals"]
        return
    assert sent["files"][wasm]["brotli"]["encoding"] == "br"
    assert sent["totals"]["brotli"] < sent["totals"]["gzip"]
    assert 0 < sent["saving"]["gzip"] < sent["saving"]["brotli"] < 1
