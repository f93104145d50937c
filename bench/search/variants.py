"""The candidate searches, each as a site folder the bench serves. Built into a scratch folder;
nothing here is shipped.

- `material`: Material's own search as the toolkit had it (lunr, its default settings, the
  search partial only labelled), built from the same pages: the baseline.
- `material-tuned`: the same, tuned: lunr's stemmer, tool pages boosted down (`search.boost`),
  the alike words of build_hooks/search_words.toml added to each page that uses one of them as
  `tags` (page metadata lunr indexes), and the tool pages' form and written-out logic taken out
  of the index.
- `pagefind` and `pagefind-tuned`: Pagefind (npm, pinned) over the built HTML; tuned leaves out
  the same parts of the tool pages and is asked without stop words.
- `toolkit`: the site as built, with the toolkit's own search.
- `toolkit-zensical`: the same search in Zensical's build of the same pages (site-zensical/), so
  the figures show it works the same when a council moves engine.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import yaml

from build_hooks.search import page_sections, read_words

from ..toolkit import ROOT, BenchError, _write_config, read_config

NAMES = ("material", "material-tuned", "pagefind", "pagefind-tuned", "toolkit", "toolkit-zensical")
# The one candidate measured on Zensical's build; every other is made from MkDocs' (site_for).
ZENSICAL = "toolkit-zensical"
PAGEFIND = ROOT / "node_modules" / ".bin" / "pagefind"
# What a reader does not read on a tool page: the form built for readers without JavaScript, its
# data, and the written-out logic (all but its heading and first paragraph).
TOOL_PARTS = [".dt-wizard__data", ".dt-wizard__status", ".dt-wizard__step", "noscript", ".dt-logic__questions",
              ".dt-logic__result", ".dt-logic__law", ".dt-logic__note", ".page-actions"]
_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _run(command: list[str], cwd: Path, what: str) -> None:
    # This checkout's packages first, whatever the virtual environment was installed from.
    path = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": path})
    if done.returncode:
        raise BenchError(f"{what} failed ({' '.join(map(str, command))}):\n{done.stderr[-3000:]}")


def _tags(markdown: str, alike: list[list[str]]) -> list[str]:
    text = markdown.lower()
    tags: list[str] = []
    for group in alike:
        if any(re.search(rf"\b{re.escape(word.lower())}\b", text) for word in group):
            tags += [w for w in group if w not in tags]
    return tags


def _tuned_docs(work: Path) -> Path:
    """A copy of docs/ with each page's search metadata set (assets linked, not copied)."""
    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs, ignore=shutil.ignore_patterns("assets"))
    (docs / "assets").symlink_to((ROOT / "docs" / "assets").resolve(), target_is_directory=True)
    alike = read_words()["alike"]
    for page in docs.rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        match = _FRONT.match(text)
        meta = yaml.safe_load(match[1]) if match else {}
        body = text[match.end():] if match else text
        meta["tags"] = _tags(body, alike)
        if page.parent.name == "tools" and page.name != "index.md":
            meta["search"] = {"boost": 0.5}
        page.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body, encoding="utf-8")
    return docs


def _strip_tool_parts(site: Path) -> None:
    """Take the tool pages' form and logic out of lunr's index, as data-search-exclude would."""
    index_file = site / "search" / "search_index.json"
    index = json.loads(index_file.read_text())
    kept = []
    for doc in index["docs"]:
        page, _, anchor = doc["location"].partition("#")
        if page.startswith("tools/") and anchor.startswith("dt-") and anchor.count("-logic") and anchor.rsplit("-logic", 1)[1]:
            continue  # the logic's questions, findings and law
        if page.startswith("tools/") and not anchor and (site / page / "index.html").exists():
            sections = page_sections((site / page / "index.html").read_text(encoding="utf-8"))
            doc["text"] = sections[0].text if sections else doc["text"]
        kept.append(doc)
    index["docs"] = kept
    index_file.write_text(json.dumps(index))


def material(work: Path, tuned: bool) -> Path:
    """Build the pages with Material's own search (its partial, its worker) into work/site."""
    config = read_config()
    overrides = work / "overrides"
    shutil.copytree(ROOT / config["theme"]["custom_dir"], overrides)
    (overrides / "partials" / "search.html").write_text(
        (Path(__file__).with_name("material-search.html")).read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(overrides)
    config["extra_javascript"] = [s for s in config["extra_javascript"] if "search" not in str(s)]
    config["extra_css"] = [s for s in config["extra_css"] if "search" not in str(s)]
    config["docs_dir"] = str(_tuned_docs(work) if tuned else (ROOT / config.get("docs_dir", "docs")).resolve())
    config["site_dir"] = str(work / "site")
    config["hooks"] = [str((ROOT / hook).resolve()) for hook in config.get("hooks", [])]
    if tuned:
        config["plugins"] = [{"search": {"pipeline": ["stemmer", "stopWordFilter", "trimmer"],
                                         "fields": {"title": {"boost": 10}, "text": {"boost": 1}, "tags": {"boost": 2}}}}]
    _write_config(config, work / "mkdocs.yml")
    _run([str(ROOT / ".venv" / "bin" / "mkdocs"), "build", "-q", "-f", str(work / "mkdocs.yml")], ROOT, "mkdocs build")
    if tuned:
        _strip_tool_parts(work / "site")
    return work / "site"


def copy_site(site: Path, dest: Path) -> Path:
    """The built site, without the handbooks' PDFs and the Python runtime (no search needs them)."""
    shutil.copytree(site, dest, ignore=shutil.ignore_patterns("*.pdf", "pyodide"))
    return dest


def pagefind(work: Path, site: Path, tuned: bool) -> Path:
    if not PAGEFIND.exists():
        raise BenchError(f"{PAGEFIND} is missing: run 'make build' (npm ci installs Pagefind from package-lock.json).")
    copy = copy_site(site, work / "site")
    settings = {"site": str(copy), "root_selector": "article", "exclude_selectors": TOOL_PARTS if tuned else [],
                "glob": "**/index.html"}
    (work / "pagefind.yml").write_text(yaml.safe_dump(settings))
    _run([str(PAGEFIND)], work, "pagefind")
    if not (copy / "pagefind" / "pagefind.js").exists():
        raise BenchError(f"pagefind wrote no index into {copy / 'pagefind'}")
    return copy


def site_for(name: str, site: Path, zensical_site: Path) -> Path:
    """The build a candidate is made from: MkDocs' (`site`), but Zensical's for toolkit-zensical."""
    return zensical_site if name == ZENSICAL else site


def build(name: str, work: Path, site: Path) -> Path:
    if name not in NAMES:
        raise BenchError(f"no search candidate {name!r}; the candidates are {', '.join(NAMES)}")
    work.mkdir(parents=True, exist_ok=True)
    if name.startswith("material"):
        return material(work, tuned=name.endswith("tuned"))
    if name.startswith("pagefind"):
        return pagefind(work, site, tuned=name.endswith("tuned"))
    if not (site / "assets" / "search" / "index.json").exists():
        engine = "zensical" if name == ZENSICAL else "mkdocs"
        raise BenchError(f"{site} has no search index: build it ('make build ENGINE={engine}', or 'make sites').")
    return copy_site(site, work / "site")
