"""Build-time checks and steps for the toolkit, as a normal package.

Callable three ways: `python -m build_hooks ...`, from pytest, and from the thin MkDocs hook
adapters in `build_hooks/mkdocs_hooks/`, which only translate MkDocs events. Keeping the work
here keeps it engine-neutral (Zensical reads mkdocs.yml but runs no MkDocs hooks).
"""

from .problems import Problem, format_problems

__all__ = ["Problem", "format_problems"]
