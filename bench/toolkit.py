"""Make toolkits of any size from the sample toolkit, for the build-scaling benchmark.

A toolkit of N pages is the sample toolkit (every page in docs/, untouched) plus N minus that many
generated pages under `docs/more/part-NN/`: copies of the sample pages in navigation order, with
their cross-links kept working (a link goes to the page in the same part when the part has it,
otherwise to the sample page) and a "See also" list linking each generated page to its
neighbours. Every generated page is in the navigation, as MkDocs' `--strict` build requires.

Contact role ids must be unique across a site, so the sample's contact table stays the only one;
in copies of the contact page the table is kept as an ordinary table (its first header cell,
`Role`, is renamed), which the checks still parse. Wizard placeholders are kept: each copy of a
tool page gets its own wizard, rendered by the wizard hook.

Each toolkit has two configs: `mkdocs.yml` (the project's) and `mkdocs-no-hooks.yml`, the same
without `hooks:` and without the toolkit's Markdown extension (build_hooks.extension): the engine
alone. Zensical builds from `mkdocs.yml` (it ignores `hooks:`).
"""

from __future__ import annotations

import posixpath
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG = ROOT / "mkdocs.yml"

# An inline Markdown link or image target: ](target) or ](target "title").
_LINK = re.compile(r"(\]\()([^)\s]+)((?:\s+\"[^\"]*\")?\))")
_CONTACT_HEADER = re.compile(r"^(\|\s*)Role(\s*\|)", re.MULTILINE)


class BenchError(Exception):
    """A benchmark step could not run; the message says what and where."""


@dataclass(frozen=True)
class Toolkit:
    root: Path          # the folder holding docs/ and the two configs
    pages: int          # Markdown pages in docs/
    with_hooks: Path    # mkdocs.yml with the project's hooks
    without_hooks: Path  # the same with `hooks:` removed

    @property
    def docs(self) -> Path:
        return self.root / "docs"


# --- mkdocs.yml, read and written back with any !tags it has -------------------------------


class _Tagged:
    def __init__(self, tag: str, node: yaml.Node):
        self.tag, self.node = tag, node


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("!", lambda loader, suffix, node: _Tagged("!" + suffix, node))
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: _Tagged(
    "tag:yaml.org,2002:python/" + suffix, node))
_Dumper.add_representer(_Tagged, lambda dumper, value: _retag(value))


def _retag(value: _Tagged) -> yaml.Node:
    value.node.tag = value.tag
    return value.node


def read_config(path: Path = CONFIG) -> dict:
    try:
        return yaml.load(path.read_text(), Loader=_Loader)
    except (OSError, yaml.YAMLError) as error:
        raise BenchError(f"{path}: cannot read it as YAML: {error}") from None


def nav_pages(nav) -> list[str]:
    """Every page path in a MkDocs `nav:` value, in order."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, list):
        return [page for item in nav for page in nav_pages(item)]
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in nav_pages(value)]
    return []


def _write_config(config: dict, path: Path) -> None:
    path.write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True))


# --- generated pages ----------------------------------------------------------------------


def _is_relative(target: str) -> bool:
    return not (target.startswith(("#", "/")) or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", target))


def _relink(markdown: str, source: str, copy: str, part: str, generated: set[str]) -> str:
    """Rewrite the relative links of page `source`, copied to `copy` (in folder `part`)."""
    here = posixpath.dirname(copy)

    def fix(match: re.Match) -> str:
        target = match[2]
        if not _is_relative(target):
            return match[0]
        path, hash_, anchor = target.partition("#")
        resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
        in_part = f"{part}/{resolved}"
        new = in_part if in_part in generated else resolved
        return f"{match[1]}{posixpath.relpath(new, here)}{hash_}{anchor}{match[3]}"

    return _LINK.sub(fix, markdown)


def _see_also(copy: str, neighbours: list[str]) -> str:
    here = posixpath.dirname(copy)
    items = "".join(f"- [Related guidance {i}]({posixpath.relpath(n, here)})\n"
                    for i, n in enumerate(neighbours, 1))
    return f"\n\n## See also {{#see-also}}\n\n{items}"


def _is_ours(extension) -> bool:
    """Whether a `markdown_extensions` entry is the toolkit's own (build_hooks.extension)."""
    name = next(iter(extension)) if isinstance(extension, dict) else extension
    return name == "build_hooks.extension"


def generate(dest: Path, pages: int, *, config_path: Path = CONFIG) -> Toolkit:
    """Make a toolkit of `pages` pages in `dest` (which must not exist or be empty)."""
    config = read_config(config_path)
    project = config_path.parent
    docs = project / config.get("docs_dir", "docs")
    sample = nav_pages(config.get("nav"))
    if not sample:
        raise BenchError(f"{config_path}: no pages in nav:, so there is nothing to copy")
    on_disk = sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))
    if pages < len(on_disk):
        raise BenchError(f"A toolkit needs at least the {len(on_disk)} sample pages; {pages} asked for")

    dest.mkdir(parents=True, exist_ok=True)
    out_docs = dest / "docs"
    # The sample pages are copied (the checks read them); assets are linked, not copied: the
    # staged Pyodide runtime is 13 MB and the wizard hook needs it in place.
    shutil.copytree(docs, out_docs, ignore=shutil.ignore_patterns("assets"), symlinks=True)
    if (docs / "assets").exists():
        (out_docs / "assets").symlink_to((docs / "assets").resolve(), target_is_directory=True)

    extra = pages - len(on_disk)
    plan = [(sample[i % len(sample)], f"more/part-{i // len(sample) + 2:02d}") for i in range(extra)]
    copies = [f"{part}/{source}" for source, part in plan]
    generated = set(copies)
    for i, ((source, part), copy) in enumerate(zip(plan, copies)):
        text = (docs / source).read_text(encoding="utf-8")
        text = _relink(text, source, copy, part, generated)
        text = _CONTACT_HEADER.sub(r"\1Contact\2", text)
        neighbours = [copies[j] for j in (i - 1, i + 1) if 0 <= j < len(copies)]
        text = text.rstrip("\n") + _see_also(copy, neighbours or [sample[0]])
        target = out_docs / copy
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")

    parts: dict[str, list[str]] = {}
    for (_, part), copy in zip(plan, copies):
        parts.setdefault(part, []).append(copy)
    nav = list(config.get("nav") or [])
    if parts:
        nav.append({"More guidance": [{f"Part {part.rsplit('-', 1)[1]}": entries} for part, entries in parts.items()]})

    # Relative to the config file, as both engines read them: Zensical 0.0.73 stops with a panic
    # ("invariant: Id(Format(Path(RootDir)))") on an absolute docs_dir.
    config.update(nav=nav, docs_dir="docs", site_dir="site")
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = str((project / theme["custom_dir"]).resolve())
    if config.get("hooks"):
        config["hooks"] = [str((project / hook).resolve()) for hook in config["hooks"]]
    with_hooks, without_hooks = dest / "mkdocs.yml", dest / "mkdocs-no-hooks.yml"
    _write_config(config, with_hooks)
    config.pop("hooks", None)
    # The page transforms are a Markdown extension, which would stop without its MkDocs adapter:
    # "without hooks" is the engine alone, without any of the toolkit's build-time work.
    config["markdown_extensions"] = [e for e in config.get("markdown_extensions") or [] if not _is_ours(e)]
    _write_config(config, without_hooks)
    return Toolkit(dest, len(on_disk) + extra, with_hooks, without_hooks)
