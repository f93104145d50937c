"""No function in the site's own JavaScript is longer than 60 lines, so each can be read whole.

Lengths come from a real parser (acorn, pinned in package.json, run by tests/function_lengths.mjs
in Node): braces in strings, template literals, regular expressions and comments are not code.
A function's length runs from its first line to its last, inner functions included; a method's
starts at its name. Each offender is reported as `file:line: name is N lines`."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from harness import ROOT

MAX_LINES = 60
SCRIPT = ROOT / "tests" / "function_lengths.mjs"
FILES = (sorted(ROOT.glob("docs/assets/javascripts/*.js")) + sorted(ROOT.glob("overrides/assets/javascripts/**/*.js"))
         + sorted(ROOT.glob("build_hooks/*.js")))


def measure(paths: list[Path]) -> list[dict]:
    node = shutil.which("node")
    if node is None or not (ROOT / "node_modules" / "acorn").exists():
        pytest.fail("Node and node_modules/acorn are needed: run 'make build' first.", pytrace=False)
    done = subprocess.run([node, str(SCRIPT), *map(str, paths)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def offenders(found: list[dict]) -> list[str]:
    return [f"{f['file']}:{f['line']}: {f['name']} is {f['lines']} lines" for f in found if f["lines"] > MAX_LINES]


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(scope="module")
def lengths() -> dict[str, list[dict]]:
    by_file: dict[str, list[dict]] = {relative(path): [] for path in FILES}
    for found in measure([Path(relative(path)) for path in FILES]):
        by_file[found["file"]].append(found)
    return by_file


@pytest.mark.parametrize("name", [relative(path) for path in FILES])
def test_no_function_is_longer_than_60_lines(lengths, name):
    assert lengths[name], f"{name}: no function found; is it really JavaScript?"
    long = offenders(lengths[name])
    assert not long, "\n".join(long)


def test_every_incident_log_module_is_checked():
    names = {path.name for path in FILES}
    assert {"incident-log.js", "incident-store.js", "incident-python.js", "dom.js"} <= names
    assert any(relative(path).startswith("overrides/") for path in FILES)


# ---- the measuring itself ----------------------------------------------------------------------

def filler(lines: int) -> str:
    return "\n".join(["  x += 1;"] * lines)


TRICKY = """\
// A comment with a brace } and a function() { keyword.
export function sixty() {
  const s = "}}}";
  const t = `${"{"} ${`}`}`;
  const r = /[{}]+\\}/g;
  /* } */
%(fifty_four)s
}

const arrow = (x) => {
%(fifty_nine)s
};

class Box {
  method() {
%(fifty_nine)s
  }
}

const object = { shorthand() {
%(fifty_eight)s
} };
"""


def test_the_measure_is_not_fooled_by_braces_in_strings_templates_regexes_and_comments(tmp_path):
    # Each function's own lines plus its filler: 60, 61, 61 and 60 lines.
    source = TRICKY % {"fifty_four": filler(54), "fifty_nine": filler(59), "fifty_eight": filler(58)}
    path = tmp_path / "tricky.js"
    path.write_text(source, encoding="utf-8")
    found = {f["name"]: f for f in measure([path])}
    assert found["sixty"]["lines"] == 60 and found["sixty"]["line"] == 2
    assert found["arrow"]["lines"] == 61
    assert found["method"]["lines"] == 61
    assert found["shorthand"]["lines"] == 60
    assert offenders(list(found.values())) == [
        f"{path}:{found['arrow']['line']}: arrow is 61 lines",
        f"{path}:{found['method']['line']}: method is 61 lines",
    ]


def test_a_file_that_does_not_parse_is_an_error_not_a_pass(tmp_path):
    path = tmp_path / "broken.js"
    path.write_text("function open() {\n  return 1;\n", encoding="utf-8")
    done = subprocess.run([shutil.which("node") or "node", str(SCRIPT), str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and "could not be parsed" in done.stderr
