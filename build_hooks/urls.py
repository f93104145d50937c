"""Where each page of a toolkit lands in the built site, and links between pages, the way both
engines make them (MkDocs' `File.url` and `get_relative_url`, which Zensical follows), so the
page transforms give the same links whichever engine runs them.

    page_url("law/harassment.md")                 -> "law/harassment/"
    page_url("index.md")                          -> "./"
    relative_url("law/harassment/", "tools/x/")   -> "../../law/harassment/"
    page_urls(docs_dir, "tools/x/", "tools/x.md") -> {"law/harassment.md": "../../law/harassment/",
                                                      "tools/x.md": "", ...}
    source_links(docs_dir, "tools/x.md")          -> {"law/harassment.md": "../law/harassment.md", ...}

A page's link to itself is "" (so "#anchor" with an anchor), in both: a link within the page.

Zensical also rewrites every relative `href` and `src` in a page's HTML, raw HTML included, as if
it were written in the page's Markdown file: relative to that file, with `.md` links made page
URLs. HTML that Zensical will rewrite is therefore written with `source_links`, and the same links
come out of both engines; MkDocs leaves raw HTML as it is, so HTML for MkDocs uses `page_urls`.
Data the browser reads (`data-` attributes, JSON) is never rewritten: it always uses `page_urls`.

tests/build_hooks/test_extension.py checks these against MkDocs' own functions for every page.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from .pages import page_files


def page_url(src: str, use_directory_urls: bool = True) -> str:
    """The site-relative URL of the page built from docs-relative `src`, as MkDocs' File.url."""
    parent, filename = posixpath.split(src)
    stem = posixpath.splitext(filename)[0]
    name = "index" if stem == "README" else stem
    if not use_directory_urls or name == "index":
        dest = posixpath.join(parent, name + ".html")
    else:
        dest = posixpath.join(parent, name, "index.html")
    folder, file = posixpath.split(dest)
    if use_directory_urls and file == "index.html":
        dest = (folder or ".") + "/"
    return quote(dest)


def relative_url(url: str, other: str) -> str:
    """`url` as a link from the page at `other` (both site-relative), as MkDocs' get_relative_url."""
    return _relative(url, _parts(url), _parts(_folder_of(other)))


def _relative(url: str, there: list[str], here: list[str]) -> str:
    """`url` (split into `there`) as a link from the folder split into `here`."""
    common = 0
    for a, b in zip(here, there):
        if a != b:
            break
        common += 1
    relative = "/".join([".."] * (len(here) - common) + there[common:]) or "."
    return relative + "/" if url.endswith("/") else relative


def _parts(path: str) -> list[str]:
    path = posixpath.normpath(path if path.startswith("/") else "/" + path)[1:]
    return path.split("/") if path else []


def page_urls(docs_dir: Path, from_url: str, from_src: str, use_directory_urls: bool = True) -> dict[str, str]:
    """Every page in docs/ (docs-relative path) and its URL relative to the page at `from_url`
    (built from `from_src`, whose own entry is "")."""
    here = _parts(_folder_of(from_url))
    # Each page's own parts are worked out once, not once for every page that links to it.
    return {src: "" if src == from_src else _relative(url, there, here)
            for src, url, there in _site_urls(tuple(page_files(Path(docs_dir))), use_directory_urls)}


@lru_cache(maxsize=8)
def _site_urls(files: tuple[str, ...], use_directory_urls: bool) -> tuple[tuple[str, str, list[str]], ...]:
    """Each page's site-relative URL and its parts: the same for every page that links to them."""
    return tuple((src, url, _parts(url)) for src in files for url in [page_url(src, use_directory_urls)])


def _folder_of(url: str) -> str:
    folder, _, last = url.rpartition("/")
    return folder if "." in last else url


def source_links(docs_dir: Path, from_src: str) -> dict[str, str]:
    """Every page in docs/ and a link to its Markdown file relative to `from_src`'s folder, as
    written in Markdown ("../law/harassment.md"); `from_src`'s own entry is ""."""
    folder = posixpath.dirname(from_src) or "."
    return {src: "" if src == from_src else posixpath.relpath(src, folder) for src in page_files(Path(docs_dir))}


def source_folder(src: str) -> str:
    """The folder of a docs-relative page as a site-relative URL: "tools/" for "tools/x.md", "" at the top."""
    folder = posixpath.dirname(src)
    return f"{folder}/" if folder else ""


def site_root(from_url: str) -> str:
    """The site's root as a link from the page at `from_url`, ending in '/': "../../" or "./"."""
    return relative_url(".", from_url).rstrip("/") + "/"
