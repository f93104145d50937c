"""`python -m build_hooks check`: every problem in one run, `path:line:` messages, no traceback,
exit 1 on a problem, 2 on a bad setting, 0 when all is well."""

import subprocess
import sys

from toolkits import ROOT

SUPPORT = "docs/support/index.md"


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "build_hooks", "check", *args], cwd=cwd,
                          capture_output=True, text=True)


def line_of(kit, rel, text):
    return next(n for n, line in enumerate(kit.read(rel).splitlines(), 1) if text in line)


def test_sample_toolkit_passes():
    done = run()
    assert done.returncode == 0, done.stderr
    assert "All checks passed." in done.stdout


def test_every_problem_in_one_run_with_file_and_line(sample):
    sample.replace(SUPPORT, "monitoring.officer@anytown.example.org", "monitoring.officer@anytown")
    sample.replace(SUPPORT, "0113 496 0105", "0113 496 010")
    link = sample.append("docs/abuse/first-steps.md", "See [contacts](../support/contacts.md).")
    done = run("-f", str(sample.root / "mkdocs.yml"), cwd=sample.root)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    officer = line_of(sample, SUPPORT, "monitoring-officer")
    legal = line_of(sample, SUPPORT, "legal-services")
    assert f"{SUPPORT}:{officer}: Email 'monitoring.officer@anytown' is not a valid email address" in done.stderr
    assert f"{SUPPORT}:{legal}: Phone '0113 496 010' is not a valid UK phone number" in done.stderr
    assert f"docs/abuse/first-steps.md:{link}: The link '../support/contacts.md' points to support/contacts.md" in done.stderr
    assert "3 problem(s) found." in done.stderr


def test_stale_date_warns_and_fails_only_strict(sample):
    sample.replace(SUPPORT, "| member-support | Member support team | member.support@anytown.example.org | 0113 496 0102 | Monday to Friday, 8am to 6pm | 2026-11-01 |",
                   "| member-support | Member support team | member.support@anytown.example.org | 0113 496 0102 | Monday to Friday, 8am to 6pm | 2024-01-31 |")
    config = str(sample.root / "mkdocs.yml")
    line = line_of(sample, SUPPORT, "member-support")
    plain = run("-f", config, cwd=sample.root)
    assert plain.returncode == 0, plain.stderr
    assert f"{SUPPORT}:{line}: The member-support row was last checked on 2024-01-31" in plain.stderr
    assert "warning" in plain.stdout
    strict = run("-f", config, "--strict", cwd=sample.root)
    assert strict.returncode == 1 and f"{SUPPORT}:{line}:" in strict.stderr


def test_max_age_from_the_command_line_and_from_mkdocs_yml(sample):
    config = str(sample.root / "mkdocs.yml")
    assert run("-f", config, "--strict", cwd=sample.root).returncode == 0
    short = run("-f", config, "--strict", "--max-age-days", "1", cwd=sample.root)
    assert short.returncode == 1 and "more than the 1 days allowed" in short.stderr
    sample.replace("mkdocs.yml", "extra:\n", "extra:\n  toolkit_checks:\n    contacts_max_age_days: 2\n")
    from_yml = run("-f", config, "--strict", cwd=sample.root)
    assert from_yml.returncode == 1 and "more than the 2 days allowed" in from_yml.stderr


def test_bad_settings_give_a_plain_error(sample):
    config = str(sample.root / "mkdocs.yml")
    zero = run("-f", config, "--max-age-days", "0", cwd=sample.root)
    assert zero.returncode == 2 and "--max-age-days must be 1 or more" in zero.stderr
    sample.replace("mkdocs.yml", "extra:\n", "extra:\n  toolkit_checks:\n    contacts_max_age_days: a year\n")
    done = run("-f", config, cwd=sample.root)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "contacts_max_age_days is 'a year'. It must be a whole number of days" in done.stderr
    sample.replace("mkdocs.yml", "contacts_max_age_days: a year", "max_age: 30")
    done = run("-f", config, cwd=sample.root)
    assert done.returncode == 2 and "unknown setting 'max_age'. The settings are: contacts_max_age_days." in done.stderr
    missing = run("-f", str(sample.root / "nope.yml"), cwd=sample.root)
    assert missing.returncode == 2 and "nope.yml: cannot be read" in missing.stderr and "Traceback" not in missing.stderr


def test_links_to_outside_sites_are_listed_not_errors(sample):
    before = run("-f", str(sample.root / "mkdocs.yml"), "--external-links", cwd=sample.root).stdout
    line = sample.append("docs/abuse/first-steps.md", "Or call [Samaritans](https://www.samaritans.org/fictional-page/).")
    done = run("-f", str(sample.root / "mkdocs.yml"), "--external-links", cwd=sample.root)
    assert done.returncode == 0, done.stderr
    assert f"docs/abuse/first-steps.md:{line}: https://www.samaritans.org/fictional-page/" in done.stdout
    assert "fictional-page" not in before
    count = done.stdout.count("\n  ")
    summary = run("-f", str(sample.root / "mkdocs.yml"), cwd=sample.root)
    assert f"{count} link(s) to outside sites (allowed); list them with --external-links." in summary.stdout
