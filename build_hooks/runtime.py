"""Stage the self-hosted Python runtime for the in-page decision tools.

Copies only the Pyodide files a browser needs from the pinned npm package into
`docs/assets/pyodide/<pyodide version>/` (never changes for a version: cache it for ever),
builds `decision_tools` as a pure, reproducible wheel, and adds it to a copy of
`pyodide-lock.json` with `pyodide lockfile add-wheels`, in
`docs/assets/decision-tools/<toolkit version>-<content hash>/`, so the page loads it by name
with its sha256 checked. Nothing is ever loaded from another host.
"""

from __future__ import annotations

import base64
import hashlib
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NPM_PYODIDE = ROOT / "node_modules" / "pyodide"
ASSETS = ROOT / "docs" / "assets"
RUNTIME_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip")
PACKAGE = "decision_tools"
DIST = "decision-tools"  # the name the browser asks Pyodide for


class RuntimeError_(Exception):
    """The runtime cannot be staged; the message says why and what to run."""


def pyodide_version() -> str:
    manifest = NPM_PYODIDE / "package.json"
    if not manifest.exists():
        raise RuntimeError_(f"{manifest} is missing. Run 'npm ci' (make build does it for you).")
    return json.loads(manifest.read_text())["version"]


def toolkit_version() -> str:
    sys.path.insert(0, str(ROOT))
    import decision_tools

    return decision_tools.__version__


def _wheel_files(package_dir: Path) -> list[Path]:
    """The package's Python and its content files (each tool's words, the law's, the presenter's)."""
    return sorted(p for p in package_dir.rglob("*") if p.suffix in (".py", ".toml") and "__pycache__" not in p.parts)


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build_wheel(out_dir: Path, version: str) -> Path:
    """A py3-none-any wheel of decision_tools alone, byte-for-byte reproducible."""
    package_dir = ROOT / PACKAGE
    dist_info = f"{PACKAGE}-{version}.dist-info"
    entries: list[tuple[str, bytes]] = [
        (p.relative_to(ROOT).as_posix(), p.read_bytes()) for p in _wheel_files(package_dir)
    ]
    entries.append((f"{dist_info}/METADATA", (
        f"Metadata-Version: 2.1\nName: {DIST}\nVersion: {version}\n"
        "Summary: Councillor Safety Toolkit decision tools\nRequires-Python: >=3.12\n").encode()))
    entries.append((f"{dist_info}/WHEEL", (
        "Wheel-Version: 1.0\nGenerator: build_hooks.runtime\nRoot-Is-Purelib: true\nTag: py3-none-any\n").encode()))
    entries.append((f"{dist_info}/top_level.txt", f"{PACKAGE}\n".encode()))
    record = "\n".join(_record_line(n, d) for n, d in entries) + f"\n{dist_info}/RECORD,,\n"
    entries.append((f"{dist_info}/RECORD", record.encode()))

    out_dir.mkdir(parents=True, exist_ok=True)
    wheel = out_dir / f"{PACKAGE}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return wheel


def _add_to_lock(wheel: Path, lock_out: Path) -> None:
    pyodide_cli = Path(sys.executable).with_name("pyodide")
    cmd = [str(pyodide_cli), "lockfile", "add-wheels", "--input", str(NPM_PYODIDE / "pyodide-lock.json"),
           "--output", str(lock_out), "--base-path", str(wheel.parent), str(wheel)]
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError_(f"pyodide lockfile add-wheels failed:\n{done.stderr or done.stdout}")
    # The browser needs only our own package's entry: the runtime itself is not in the lock,
    # and listing 350 packages we never load would cost every wizard page about 100 KB.
    lock = json.loads(lock_out.read_text())
    lock["packages"] = {k: v for k, v in lock["packages"].items() if k == DIST}
    lock_out.write_text(json.dumps(lock, indent=1, sort_keys=True) + "\n")


def stage() -> dict:
    """Stage the runtime and the wheel; return their site-relative folders."""
    version = pyodide_version()
    runtime_dir = ASSETS / "pyodide" / version
    if runtime_dir.parent.exists():
        shutil.rmtree(runtime_dir.parent)
    runtime_dir.mkdir(parents=True)
    for name in RUNTIME_FILES:
        shutil.copy2(NPM_PYODIDE / name, runtime_dir / name)

    tools_root = ASSETS / "decision-tools"
    if tools_root.exists():
        shutil.rmtree(tools_root)
    staging = tools_root / "staging"
    wheel = build_wheel(staging, toolkit_version())
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()[:10]
    tools_dir = tools_root / f"{toolkit_version()}-{digest}"
    staging.rename(tools_dir)
    wheel = tools_dir / wheel.name
    _add_to_lock(wheel, tools_dir / "pyodide-lock.json")
    return {"runtime": _site_path(runtime_dir), "tools": _site_path(tools_dir)}


def _site_path(path: Path) -> str:
    return path.relative_to(ROOT / "docs").as_posix() + "/"


def staged_paths() -> dict:
    """The site-relative folders of the staged runtime and wheel, or a clear error."""
    runtime = ASSETS / "pyodide" / pyodide_version()
    tools = sorted((ASSETS / "decision-tools").glob("*-*/pyodide-lock.json"))
    if not (runtime / "pyodide.mjs").exists() or not tools:
        raise RuntimeError_("The Pyodide runtime is not staged in docs/assets/. Run 'make build' "
                            "(or 'python -m build_hooks runtime') first.")
    return {"runtime": _site_path(runtime), "tools": _site_path(tools[-1].parent)}
