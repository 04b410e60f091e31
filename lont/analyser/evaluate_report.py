"""The evaluator's human-readable report: per kind, analyser against dateparser, per type."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from lont.analyser.scoring import KindScore, Scoreboard

if TYPE_CHECKING:
    from lont.analyser.evaluate import Result

KNOWN_KINDS = (
    "time",
    "place",
    "call_to_action",
    "threat",
    "weapon",
    "drill_slang",
    "deceased",
    "reputation",
    "mention",
    "hashtag",
    "engagement",
    "duration",
)


def _fmt(x: float | None) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


def _row(label: str, s: KindScore) -> str:
    return (
        f"{label:<22}{s.gold:>6}{s.predicted:>6}{s.matched:>6} {_fmt(s.precision)} "
        f"{_fmt(s.recall)} {_fmt(s.f1)} {_fmt(s.value_accuracy)}"
    )


def _types_table(analyser: Scoreboard, baseline: Scoreboard) -> list[str]:
    """Recall and value accuracy per expression type of the gold spans, both systems."""
    from lont.analyser.exprtypes import TYPES

    present = [t for t in TYPES if analyser.types.get(t, KindScore()).gold]
    if not present:
        return []
    out = [
        "",
        "Per expression type (gold type; recall and value accuracy of hits)",
        f"{'type':<14}{'gold':>6} | {'hit':>5} {'R':>6} {'value':>6} | "
        f"{'base':>5} {'R':>6} {'value':>6}",
    ]
    for name in present:
        a = analyser.types[name]
        b = baseline.types.get(name, KindScore())
        out.append(
            f"{name:<14}{a.gold:>6} | {a.matched:>5} {_fmt(a.recall)} {_fmt(a.value_accuracy)} | "
            f"{b.matched:>5} {_fmt(b.recall if b.gold else None)} {_fmt(b.value_accuracy)}"
        )
    return out


def render(result: Result, paths: Sequence[Path], show_errors: int = 0) -> str:
    """The human-readable report."""
    out = [f"Evaluated {result.posts} posts from {len(paths)} file(s)."]
    header = (
        f"{'kind':<22}{'gold':>6}{'pred':>6}{'hit':>6} {'P':>6} {'R':>6} {'F1':>6} {'value':>6}"
    )
    if result.analyser is not None:
        out += ["", "Analyser", header]
        order = [k for k in KNOWN_KINDS if k in result.analyser.kinds]
        order += sorted(k for k in result.analyser.kinds if k not in KNOWN_KINDS)
        for kind in order:
            flag = "" if kind in KNOWN_KINDS else " (unknown)"
            out.append(_row(kind + flag, result.analyser.kinds[kind]))
        out.append(_row("all kinds (micro)", result.analyser.micro()))
    if result.baseline is not None and result.analyser is not None:
        out += ["", "Time: analyser vs baseline (dateparser.search.search_dates, nl, future)"]
        out.append(header)
        out.append(_row("analyser", result.analyser.kind("time")))
        out.append(_row("baseline", result.baseline.kind("time")))
        out.append("(baseline value: point in gold period / same date for gold dates)")
        out += _types_table(result.analyser, result.baseline)
    if result.posts:
        out.append("")
        rate = result.posts / max(result.analyser_seconds, 1e-9)
        line = f"analyser {result.analyser_seconds:.2f} s ({rate:.0f} posts/s)"
        if result.baseline is not None:
            line += f", baseline {result.baseline_seconds:.2f} s"
        out.append(line)
    if result.crashes:
        out.append(f"analyser crashed on {result.crashes} post(s)")
    if result.unknown_kinds:
        listed = ", ".join(f"{k} ({n} gold)" for k, n in sorted(result.unknown_kinds.items()))
        out.append(f"unknown kinds: {listed}")
    if result.warnings:
        out.append(f"{len(result.warnings)} warning(s):")
        out += [f"  {w}" for w in result.warnings[:20]]
        if len(result.warnings) > 20:
            out.append(f"  … and {len(result.warnings) - 20} more (see --json)")
    if show_errors and result.analyser is not None:
        out += ["", f"First {show_errors} analyser errors:"]
        out += [
            f"  {json.dumps(e, ensure_ascii=False)}" for e in result.analyser.errors[:show_errors]
        ]
    return "\n".join(out)
