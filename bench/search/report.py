"""The search bench's table: one row per candidate, the figures the issue asks for."""

from __future__ import annotations

from pathlib import Path

from ..toolkit import ROOT

README = ROOT / "README.md"
README_START, README_END = "<!-- search-bench:start -->", "<!-- search-bench:end -->"

TARGETS = {"top3": 0.9, "mrr10": 0.8}


def _pct(value) -> str:
    return "n/a" if value is None else f"{value * 100:.1f}%"


def markdown(results: dict) -> str:
    kinds = list(results.get("kinds", {}))
    head = ["Candidate", "Top 3", "MRR@10", "Not in top 10", "Held out: top 3", "Held out: MRR@10", *[f"Top 3: {k}" for k in kinds],
            "Right tool offered", "Tool offered, none expected", "Median answer (ms)", "Outside requests"]
    lines = [f"Search over {results['queries']} phrases ({', '.join(f'{n} {k}' for k, n in results.get('kinds', {}).items())}; "
             f"{results.get('held_out', 0)} of them held out: written after the search's words were settled); "
             f"targets: top 3 at least {_pct(TARGETS['top3'])}, MRR@10 at least {TARGETS['mrr10']}.", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for c in results["candidates"]:
        tools = c.get("tools") or {}
        none_expected = (f"{tools['offered_where_none_expected']} of {tools['without_tool']}" if tools else "n/a")
        ms = "n/a" if c.get("median_ms") is None else f"{c['median_ms']:.0f}"
        held = c.get("held_out") or {}
        cells = [c["candidate"], _pct(c["top3"]), f"{c['mrr10']:.3f}", str(c["missed"]),
                 _pct(held.get("top3")), "n/a" if not held else f"{held['mrr10']:.3f}",
                 *[_pct(c["by_kind"].get(k, {}).get("top3")) for k in kinds],
                 _pct(tools.get("right")), none_expected, ms, str(len(c.get("outside_requests", [])))]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines + _engines_compared(results)) + "\n"


def _engines_compared(results: dict) -> list[str]:
    """Whether the toolkit's search ranks every phrase the same on MkDocs' build and Zensical's."""
    by_name = {c["candidate"]: c for c in results["candidates"]}
    if "toolkit" not in by_name or "toolkit-zensical" not in by_name:
        return []
    differ = [a["text"] for a, b in zip(by_name["toolkit"]["rows"], by_name["toolkit-zensical"]["rows"])
              if (a["rank"], a["top"], a["tool"]) != (b["rank"], b["top"], b["tool"])]
    if not differ:
        return ["", f"On MkDocs' build and Zensical's, the toolkit's search gives every one of the {results['queries']} "
                    "phrases the same top three pages, rank and tool."]
    return ["", f"On Zensical's build, {len(differ)} phrase{'' if len(differ) == 1 else 's'} answered differently: "
                + "; ".join(repr(t) for t in differ[:10]) + ("; ..." if len(differ) > 10 else "")]


def update_readme(table: str, readme: Path = README) -> bool:
    """Put the table between the search bench's markers in the README; False when they are missing."""
    current = readme.read_text(encoding="utf-8")
    if README_START not in current or README_END not in current:
        return False
    before, rest = current.split(README_START, 1)
    _, after = rest.split(README_END, 1)
    readme.write_text(f"{before}{README_START}\n{table.rstrip()}\n{README_END}{after}", encoding="utf-8")
    return True
