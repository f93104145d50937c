"""Work kept between builds in `.cache/build_hooks/` beside docs/, so a rebuild (or `make bench`)
does not parse an unchanged page or re-validate an unchanged email address again.

Each entry is keyed by a hash of what it was made from, and each file carries a version that
changes with the code (and the pinned packages) that made it, so an entry is never stale.
Losing or being unable to write the folder costs only time: every failure here is ignored.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import pickle
import tempfile
from pathlib import Path


def folder_for(docs_dir: Path) -> Path:
    return Path(docs_dir).resolve().parent / ".cache" / "build_hooks"


def version_of(*modules: str) -> str:
    """A hash of the named top-level modules' source (found, not imported: importing is what the
    cache saves); for a package, its __init__.py and version.py, where the version is."""
    digest = hashlib.sha256()
    for name in modules:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec else None
        files = [origin, os.path.join(os.path.dirname(origin), "version.py")] if origin else []
        for path in files:
            if os.path.exists(path):
                with open(path, "rb") as file:
                    digest.update(file.read())
        digest.update(name.encode())
    return digest.hexdigest()[:16]


def key(*parts: str | bytes) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part if isinstance(part, bytes) else part.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return digest.hexdigest()


class Store:
    """One cache file: read on first use, written (atomically) only when something was added."""

    def __init__(self, path: Path, version: str):
        self.path, self.version = path, version
        self._entries: dict | None = None
        self._used: set = set()
        self._dirty = False

    def _load(self) -> dict:
        if self._entries is None:
            self._entries = {}
            try:
                with open(self.path, "rb") as file:
                    version, entries = pickle.load(file)
                if version == self.version and isinstance(entries, dict):
                    self._entries = entries
            except Exception:  # missing, unreadable or from other code: start afresh
                pass
        return self._entries

    def get(self, entry: str):
        found = self._load().get(entry)
        if found is not None:
            self._used.add(entry)
        return found

    def put(self, entry: str, value) -> None:
        self._load()[entry] = value
        self._used.add(entry)
        self._dirty = True

    def save(self) -> None:
        """Write what this run used (so the file does not grow for ever), if anything was added."""
        if not self._dirty or self._entries is None:
            return
        entries = {k: v for k, v in self._entries.items() if k in self._used}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            with os.fdopen(handle, "wb") as file:
                pickle.dump((self.version, entries), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.path)
            self._dirty = False
        except OSError:
            pass


_STORES: dict[Path, Store] = {}


def store(path: Path, version: str) -> Store:
    """The one Store for `path` in this process."""
    found = _STORES.get(path)
    if found is None or found.version != version:
        found = _STORES[path] = Store(path, version)
    return found


def forget() -> None:
    """Drop every store held in memory (the files stay)."""
    _STORES.clear()
