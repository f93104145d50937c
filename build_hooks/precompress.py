"""Precompressed copies of the built site's text and WebAssembly files, for servers that send a
file's `.gz` or `.br` twin instead of compressing it on every request (nginx `gzip_static` and
`brotli_static`, Apache rewrite rules: docs/about/deployment.md).

    python -m build_hooks precompress [--site site]

The last step of a build with either engine (build_hooks/engines.py), so every file the earlier
steps write, and any manifest that hashes them, is final. Each file over MIN_BYTES whose kind
compresses gets `name.gz` (gzip level 9) and `name.br` (brotli) beside it, each only if it saves at
least MIN_SAVING; a twin that would not is removed, so a server never sends a stale one. Output is
byte-for-byte reproducible (gzip's header time is 0).

Brotli's best quality (11) takes about 100 s for the 9.6 MB Python runtime and a quarter of a
second for a page, so: files under assets/ (the runtime, the decision tools, the theme's bundles,
which change only with a release) get quality 11 and are kept in CACHE by their hash; the pages,
rebuilt on every content change, get quality 5, which is fast and within about 13% of 11.
"""

from __future__ import annotations

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path

# What compresses: markup, styles, scripts, data and the Python runtime. Images, fonts, PDFs and
# archives that are compressed already are left alone (a .zip is tried: Pyodide's is stored, but
# the saving rule below drops it when it does not pay).
# Source maps are left out: only a developer's browser tools fetch them.
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".zip", ".svg", ".xml", ".txt", ".webmanifest"}
MIN_BYTES = 1024  # below this the response headers cost more than the saving
MIN_SAVING = 0.05  # a twin must be at least 5% smaller than the file, or it is not worth keeping
GZIP_LEVEL = 9
BROTLI_ASSETS = 11  # files under assets/: compressed once per release, from CACHE after that
BROTLI_PAGES = 5
# Beside the toolkit's own build code (not the site), so the copies of the toolkit that the tests
# and the benchmark build share what was compressed once.
CACHE = Path(__file__).resolve().parents[1] / ".cache" / "precompressed"
ENCODINGS = (".gz", ".br")


class PrecompressError(Exception):
    """Precompression could not run; the message says why and what to do."""


@dataclass(frozen=True)
class Twin:
    source: Path
    encoding: str  # ".gz" or ".br"
    size: int  # bytes of the compressed copy
    original: int  # bytes of the file itself


def _brotli():
    try:
        import brotli
    except ImportError:
        raise PrecompressError("the Python package 'brotli' is missing; it is pinned in requirements.lock "
                               "(install it with: .venv/bin/pip install --require-hashes --no-deps "
                               "-r <(grep -A3 '^brotli' requirements.lock))") from None
    return brotli


def candidates(site: Path) -> list[Path]:
    """The files of `site` that get compressed copies, in a stable order."""
    return sorted(path for path in site.rglob("*")
                  if path.is_file() and path.suffix.lower() in COMPRESSIBLE and path.stat().st_size >= MIN_BYTES)


def _packed(data: bytes, encoding: str, quality: int) -> bytes:
    if encoding == ".gz":
        return gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
    return _brotli().compress(data, quality=quality)


def _cached(data: bytes, quality: int, cache: Path | None) -> bytes:
    """`data` as brotli at `quality`, from `cache` when it was compressed before. A cache that
    cannot be written (a read-only checkout) only means compressing again next time."""
    kept = cache / f"{hashlib.sha256(data).hexdigest()}-q{quality}.br" if cache is not None else None
    if kept is not None and kept.is_file():
        return kept.read_bytes()
    packed = _packed(data, ".br", quality)
    if kept is not None:
        try:
            cache.mkdir(parents=True, exist_ok=True)
            partial = kept.with_suffix(".partial")
            partial.write_bytes(packed)
            partial.replace(kept)
        except OSError:
            pass
    return packed


def precompress_site(site: Path, cache: Path | None = CACHE) -> list[Twin]:
    """Write each candidate's `.gz` and `.br` twins where they save; returns those written."""
    if not (site / "index.html").is_file():
        raise PrecompressError(f"{site} has no index.html: build the site before precompressing it")
    _brotli()  # fail before writing anything, not halfway through
    written = []
    for source in candidates(site):
        data = source.read_bytes()
        asset = source.relative_to(site).parts[0] == "assets"
        for encoding in ENCODINGS:
            if encoding == ".br" and asset:
                packed = _cached(data, BROTLI_ASSETS, cache)
            else:
                packed = _packed(data, encoding, BROTLI_PAGES)
            twin = source.with_name(source.name + encoding)
            if len(packed) <= len(data) * (1 - MIN_SAVING):
                twin.write_bytes(packed)
                written.append(Twin(source, encoding, len(packed), len(data)))
            elif twin.exists():
                twin.unlink()
    _remove_orphans(site)
    return written


def _remove_orphans(site: Path) -> None:
    """Twins left by an earlier build whose file is gone (an engine that does not empty the site
    folder), so the folder holds nothing a server could send for a page that no longer exists."""
    for encoding in ENCODINGS:
        for twin in site.rglob(f"*{encoding}"):
            source = twin.with_name(twin.name[: -len(encoding)])
            if source.suffix.lower() in COMPRESSIBLE and not source.exists():
                twin.unlink()


def format_report(twins: list[Twin], site: Path) -> str:
    """One line: how many files were precompressed and what the largest saves."""
    if not twins:
        return f"Precompressed nothing in {site}."
    files = len({twin.source for twin in twins})
    largest = max(twins, key=lambda twin: twin.original)
    best = {twin.encoding: twin.size for twin in twins if twin.source == largest.source}
    sizes = ", ".join(f"{encoding} {size / 1e6:.2f} MB" for encoding, size in sorted(best.items()))
    return (f"Precompressed {files} files in {site}; the largest, {largest.source.name} "
            f"({largest.original / 1e6:.2f} MB), as {sizes}.")
