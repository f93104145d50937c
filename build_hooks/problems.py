"""One way to report what is wrong: `path:line: what is wrong. How to fix it.`"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str  # relative to the toolkit's folder, like "docs/support/index.md"
    line: int  # 1-based; 0 when the problem is with a whole folder or file, not one line
    message: str
    fix: str = ""
    warning: bool = False  # a warning fails only `--strict` builds (for example a stale date)

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message.rstrip('.')}."
        return f"{text} {self.fix}" if self.fix else text


def format_problems(problems: list[Problem]) -> str:
    return "\n".join(str(p) for p in sorted(problems))
