"""Both builds fail on each kind of problem with a readable `path:line:` message and no traceback,
and the unbroken sample builds:
- "mkdocs": `mkdocs build --strict`, as a council may run it (the checks come from the MkDocs hook);
- "zensical": `python -m build_hooks build --engine zensical`, what `make build ENGINE=zensical`
  runs (the checks before the engine, since Zensical runs no hooks and ignores --strict).
`make build` with MkDocs runs the same command with `--engine mkdocs`: the same checks first.

Each case copies docs/ and mkdocs.yml to a temporary folder, breaks one thing and builds it.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

MKDOCS = Path(sys.executable).with_name("mkdocs")
SUPPORT = "docs/support/index.md"
MEMBER_SUPPORT = "| member-support | Member support team | member.support@anytown.example.org | 0113 496 0102 | Monday to Friday, 8am to 6pm | 2026-11-01 |"
ENGINES = ["mkdocs", "zensical"]


def build(kit, strict=True, engine="mkdocs"):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("TOOLKIT_SITE_DIR", None)
    if engine == "mkdocs":
        command = [str(MKDOCS), "build", "-f", str(kit.root / "mkdocs.yml"), "-d", str(kit.root / "site")]
        command += ["--strict"] if strict else []
    else:  # the handbook PDFs are left out: they are tested on the real build
        command = [sys.executable, "-m", "build_hooks", "build", "--engine", engine, "-f",
                   str(kit.root / "mkdocs.yml"), "--no-pdfs"]
    return subprocess.run(command, cwd=kit.root, env=env, capture_output=True, text=True, timeout=300)


def line_of(kit, rel, text):
    return next(n for n, line in enumerate(kit.read(rel).splitlines(), 1) if text in line)


def member_support_row(kit, **_):
    return line_of(kit, SUPPORT, "| member-support |")


def edit(rel, old, new):
    return lambda kit: kit.replace(rel, old, new)


def append(rel, text):
    """Break a page by adding a paragraph at its end (the content above it may change)."""
    def breaks(kit):
        kit.appended = kit.append(rel, text)
    return breaks


def rename_an_anchor_a_tool_names(kit):
    """Rename the heading whose `{#id}` a real decision tool links to."""
    from build_hooks.references import tool_references

    for ref in tool_references().pages:
        rel = f"docs/{ref.page}"
        if ref.anchor and (kit.root / rel).exists() and f"{{#{ref.anchor}}}" in kit.read(rel):
            heading = next(line for line in kit.read(rel).splitlines() if f"{{#{ref.anchor}}}" in line)
            kit.replace(rel, heading, "## A renamed heading {#renamed-heading}")
            kit.broken = ref
            return
    raise AssertionError("no tool links to a heading with an {#id}")


def orphan(kit):
    kit.write("docs/about/draft.md", "# A draft nobody links to\n")


# (kind, break it, expected message: its file, a function giving its line, its start)
KINDS = [
    ("bad email", edit(SUPPORT, "member.support@anytown.example.org", "member.support.anytown.example.org"),
     SUPPORT, member_support_row, "Email 'member.support.anytown.example.org' is not a valid email address"),
    ("bad phone", edit(SUPPORT, "0113 496 0102", "0113 496 01022"),
     SUPPORT, member_support_row, "Phone '0113 496 01022' is not a valid UK phone number"),
    ("missing column", edit(SUPPORT, "| Role | Name or job title |", "| Role | Name |"),
     SUPPORT, lambda kit: line_of(kit, SUPPORT, "| Role |"), "The contact table has no 'Name or job title' column"),
    ("malformed table", edit(SUPPORT, MEMBER_SUPPORT, MEMBER_SUPPORT + " 24 hours |"),
     SUPPORT, member_support_row, "This contact row has 7 cells but the table's header has 6"),
    ("duplicate role", edit(SUPPORT, MEMBER_SUPPORT, MEMBER_SUPPORT + "\n" + MEMBER_SUPPORT),
     SUPPORT, lambda kit: member_support_row(kit) + 1, "Role 'member-support' has two rows"),
    ("unknown role", edit(SUPPORT, "| legal-services |", "| lawyers |"),
     SUPPORT, lambda kit: line_of(kit, SUPPORT, "| lawyers |"), "Unknown contact role 'lawyers'"),
    ("missing role a tool needs", edit(SUPPORT, MEMBER_SUPPORT + "\n", ""),
     SUPPORT, lambda kit: line_of(kit, SUPPORT, "| Role |"), "The contact table has no 'member-support' row, and the"),
    ("link to a missing page", append("docs/abuse/first-steps.md", "See [contacts](../support/contact.md)."),
     "docs/abuse/first-steps.md", lambda kit: kit.appended,
     "The link '../support/contact.md' points to support/contact.md, which does not exist"),
    ("link to a missing anchor", append("docs/abuse/first-steps.md", "See [contacts](../support/index.md#contactz)."),
     "docs/abuse/first-steps.md", lambda kit: kit.appended,
     "The link '../support/index.md#contactz' names '#contactz' on support/index.md"),
    ("tool result linking to a missing anchor", rename_an_anchor_a_tool_names,
     "decision_tools/tools/", None, "which has no heading or element with that id"),
    ("orphan page", orphan, "docs/about/draft.md", lambda kit: 1,
     "No page links here and the navigation leaves this page out"),
    ("navigation naming a missing page", edit("mkdocs.yml", "\nnav:\n", "\nnav:\n  - about/adoption.md\n"),
     "mkdocs.yml", lambda kit: line_of(kit, "mkdocs.yml", "about/adoption.md"), "The navigation names 'about/adoption.md', which is not in docs/"),
    ("bad setting", edit("mkdocs.yml", "extra:\n", "extra:\n  toolkit_checks:\n    contacts_max_age_days: -1\n"),
     "", None, "extra.toolkit_checks in mkdocs.yml: contacts_max_age_days is -1. It must be a whole number of days"),
]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_unbroken_sample_builds(sample, engine):
    done = build(sample, engine=engine)
    assert done.returncode == 0, done.stderr
    site = sample.root / "site"
    assert 'href="tel:+441134960101"' in (site / "support/index.html").read_text()
    tool = (site / "tools/harassment/index.html").read_text()
    assert 'class="dt-wizard__data"' in tool and 'id="dt-harassment-logic"' in tool
    assert 'href="#dt-harassment-logic"' in tool, "How this tool decides is in the contents list"
    assert 'href="../handbooks/the-law.html">Print this section' in (site / "law/index.html").read_text()
    assert (site / "handbooks/the-law.html").is_file()
    assert "Traceback" not in done.stderr + done.stdout


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("kind, breaks, path, line, message", KINDS, ids=[k[0] for k in KINDS])
def test_build_fails_with_a_readable_message(sample, kind, breaks, path, line, message, engine):
    breaks(sample)
    done = build(sample, engine=engine)
    assert done.returncode != 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    if line:
        assert f"{path}:{line(sample)}: {message}" in done.stderr, done.stderr
    else:
        assert any(path in text and message in text for text in done.stderr.splitlines()), done.stderr
    if kind == "tool result linking to a missing anchor":
        assert f"{sample.broken.path}:{sample.broken.anchor_line or sample.broken.line}: " in done.stderr
        assert f"names '#{sample.broken.anchor}' on {sample.broken.page}" in done.stderr


def test_stale_date_fails_strict_builds_only(sample):
    """MkDocs: only --strict fails on a warning. `make build` is always strict, with either engine."""
    sample.replace(SUPPORT, MEMBER_SUPPORT, MEMBER_SUPPORT.replace("2026-11-01", "2023-06-30"))
    expected = f"{SUPPORT}:{member_support_row(sample)}: The member-support row was last checked on 2023-06-30"
    strict = build(sample)
    assert strict.returncode != 0 and expected in strict.stderr and "Traceback" not in strict.stderr
    plain = build(sample, strict=False)
    assert plain.returncode == 0, plain.stderr
    assert "WARNING" in plain.stderr and expected in plain.stderr


def test_stale_date_fails_the_zensical_build(sample):
    sample.replace(SUPPORT, MEMBER_SUPPORT, MEMBER_SUPPORT.replace("2026-11-01", "2023-06-30"))
    done = build(sample, engine="zensical")
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert f"{SUPPORT}:{member_support_row(sample)}: The member-support row was last checked on 2023-06-30" in done.stderr
    assert not (sample.root / "site").exists(), "nothing is built when a check fails"


@pytest.mark.parametrize("engine", ENGINES)
def test_a_build_without_the_extension_fails_by_file_and_line(sample, engine):
    """Zensical ignores what it does not run, silently: without build_hooks.extension every tool
    page would reach readers empty. The step after the engine fails the build instead."""
    sample.replace("mkdocs.yml", "  - build_hooks.extension\n", "")
    if engine == "mkdocs":  # MkDocs' own build passes; `make build` runs the verify step after it
        assert build(sample).returncode == 0
        done = subprocess.run([sys.executable, "-m", "build_hooks", "verify", "--site", str(sample.root / "site"),
                               "-f", str(sample.root / "mkdocs.yml")], cwd=sample.root, capture_output=True, text=True)
    else:
        done = build(sample, engine=engine)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    tool_line = line_of(sample, "docs/tools/harassment.md", 'data-tool="harassment"')
    assert f"docs/tools/harassment.md:{tool_line}: The decision tool 'harassment' was not filled in when the site was built." in done.stderr
    assert f"{SUPPORT}:{line_of(sample, SUPPORT, '| Role |') + 2}: The contact table" in done.stderr
    assert "docs/tools/incident-log.md:" in done.stderr and "docs/about/handbooks.md:" in done.stderr
    assert "docs/law/index.md:1: The 'Print this section' link" in done.stderr


def test_zensical_serve_serves_the_whole_toolkit_and_its_handbook_pages(sample):
    """`make serve ENGINE=zensical`: Zensical's live server, with the page transforms in its pages
    and the handbook pages written after its build, into .cache/serve-site/ (site/ left alone)."""
    import signal
    import threading
    import urllib.request

    from harness import free_port

    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "build_hooks", "serve", "--engine", "zensical", "-f",
               str(sample.root / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=sample.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              text=True, start_new_session=True)
    # If the server says nothing more, stop it after 4 minutes, which ends the loop below.
    watchdog = threading.Timer(240, lambda: os.killpg(server.pid, signal.SIGTERM))
    watchdog.start()
    try:
        said = []
        for line in server.stdout:  # ends if the server stops
            said.append(line)
            if "Wrote the handbook pages" in line or "error" in line:
                break
        assert any("Wrote the handbook pages" in line for line in said), "".join(said)
        base = f"http://127.0.0.1:{port}/"

        def fetch(path):
            with urllib.request.urlopen(base + path, timeout=30) as response:
                return response.read().decode()

        assert 'class="dt-wizard__data"' in fetch("tools/harassment/")
        assert "contact-cards" in fetch("support/")
        assert "<h1" in fetch("handbooks/the-law.html")
        assert (sample.root / ".cache/serve-site/index.html").is_file() and not (sample.root / "site").exists()
    finally:
        watchdog.cancel()
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
