"""The service worker the build writes (build_hooks/offline.py): which files it stores, each with
its hash; a release that changes with any stored file and only then; offline use switched off;
and a clear error, never a traceback, for a folder that is not a built site."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from build_hooks import offline
from toolkits import ROOT

ON = {"extra_javascript": [{"path": offline.REGISTRATION, "type": "module"}]}


@pytest.fixture
def site(tmp_path):
    files = {
        "index.html": "home", "404.html": "lost", "law/harassment/index.html": "law",
        "handbooks/the-law.html": "book", "handbooks/the-law.pdf": "pdf", "recipes/soup.html": "soup",
        "assets/javascripts/search.js": "js", "assets/javascripts/bundle.min.js.map": "map",
        "assets/javascripts/lunr/min/lunr.de.js": "lunr", "assets/search/index.json": "{}",
        "search/search_index.json": "{}", "sitemap.xml": "<x/>", "sitemap.xml.gz": "gz",
        "assets/pyodide/314.0.7/pyodide.mjs": "py", "assets/decision-tools/0.3.0-abc/pyodide-lock.json": "{}",
        "about/a page/index.html": "spaced",
    }
    for path, text in files.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    (tmp_path / "handbooks/whole-toolkit.pdf").write_bytes(b"x" * (offline.LARGEST_STORED_BYTES + 1))
    return tmp_path


def written(site) -> dict:
    code = (site / offline.WORKER).read_text()
    line = next(line for line in code.splitlines() if line.startswith("const RELEASE = "))
    return json.loads(line[len("const RELEASE = "):-1])


def test_stores_every_page_and_file_the_pages_need_with_its_hash(site):
    release = offline.write_worker(site, ON)
    stored = dict(release.files)
    assert sorted(stored) == ["", "404.html", "about/a%20page/", "assets/javascripts/search.js", "assets/search/index.json",
                              "handbooks/the-law.html", "handbooks/the-law.pdf", "law/harassment/", "recipes/soup.html",
                              "sitemap.xml"]
    assert stored["law/harassment/"] == offline.integrity(b"law")
    assert written(site) == {"version": release.version, "files": [list(f) for f in release.files],
                             "runtime": ["assets/decision-tools/0.3.0-abc/", "assets/pyodide/314.0.7/"]}


def test_a_changed_stored_file_makes_a_new_release_and_nothing_else_does(site):
    first = offline.write_worker(site, ON)
    before = (site / offline.WORKER).read_bytes()
    (site / "assets/javascripts/bundle.min.js.map").write_text("another map")
    (site / "assets/pyodide/314.0.7/pyodide.mjs").write_text("runtime files are versioned by folder")
    assert offline.write_worker(site, ON).version == first.version
    assert (site / offline.WORKER).read_bytes() == before
    (site / "law/harassment/index.html").write_text("law, corrected")
    assert offline.write_worker(site, ON).version != first.version
    assert (site / offline.WORKER).read_bytes() != before


def test_switched_off_it_writes_the_worker_that_removes_itself(site):
    assert offline.write_worker(site, {"extra_javascript": ["assets/javascripts/search.js"]}) is None
    assert (site / offline.WORKER).read_text() == offline.REMOVAL_CODE.read_text()


def test_a_folder_that_is_not_a_built_site_is_named(tmp_path):
    done = subprocess.run([sys.executable, "-m", "build_hooks", "offline", "--site", str(tmp_path / "nowhere")],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"error: {tmp_path / 'nowhere'}: no index.html there; build the site first" in done.stderr
