"""Which of a situation's contribution lines are shown where (pure: no database).

A large situation counts thousands of signal lines. The recompute stores, with their text, only
the lines the situation page shows (``strongest``) and how many signal lines it leaves out; the
others are rebuilt from the stored prepared contributions when a page asks for them
(``recompute.contributions``, ``recompute.explained``)."""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Callable, Iterable, Sequence
from typing import Any, Protocol

# Lines about one signal: its own line, a drill signal's, and the acute rule's (applied or not).
SIGNAL_KINDS = frozenset({"signal", "drill_signal", "acute_rule", "acute_rule_defused"})
# The signal lines a rebuilt list holds without their text (the acute rule's are short).
TEXTLESS_KINDS = frozenset({"signal", "drill_signal"})
SHOWN_CONTRIBUTIONS = 25  # signal lines on the situation page; the rest on "Alle bijdragen"


def strongest_positions(lines: Iterable[tuple[str, float]], limit: int) -> tuple[set[int], int]:
    """Of lines given as (kind, amount as stored) in the engine's order: the positions of the
    ``limit`` strongest signal lines (by amount; on a tie the engine's earlier line), and how
    many signal lines are left out."""
    indexes, amounts = [], {}
    for i, (kind, amount) in enumerate(lines):
        if kind in SIGNAL_KINDS:
            indexes.append(i)
            amounts[i] = -float(amount)
    if len(indexes) <= limit:
        return set(indexes), 0
    return set(heapq.nsmallest(limit, indexes, key=lambda i: (amounts[i], i))), len(indexes) - limit


class Line(Protocol):
    @property
    def kind(self) -> str: ...
    @property
    def amount(self) -> float: ...


def strongest_sorted_positions(
    lines: Sequence[Line], limit: int, rank: Callable[[str], int]
) -> tuple[set[int], int]:
    """``strongest_positions`` of lines in the engine's order — by kind (``rank``), then by
    amount from the strongest — without reading every line: each kind's lines are one run, sorted
    by amount, so a line behind its run's first ``limit`` has ``limit`` lines before it that are
    at least as strong (amounts rounded as stored: rounding keeps their order) and is never
    among the strongest. Only those first lines are compared (a few of thousands)."""
    runs = []
    for kind in SIGNAL_KINDS:
        start = bisect.bisect_left(lines, rank(kind), key=lambda c: rank(c.kind))
        end = bisect.bisect_right(lines, rank(kind), lo=start, key=lambda c: rank(c.kind))
        runs.append(range(start, end))
    counted = sum(len(run) for run in runs)
    if counted <= limit:
        return {i for run in runs for i in run}, 0
    heads = [i for run in runs for i in run[:limit]]
    kept = heapq.nsmallest(limit, heads, key=lambda i: (-round(lines[i].amount, 4), i))
    return set(kept), counted - limit


def strongest(contributions: list[dict[str, Any]], limit: int) -> tuple[list[dict[str, Any]], int]:
    """Every contribution that is not a signal's (structure, drill: a few) and the ``limit``
    strongest signal contributions, in the engine's order; with how many signal contributions
    are left out."""
    kept, left_out = strongest_positions(((c["kind"], c["amount"]) for c in contributions), limit)
    if not left_out:
        return list(contributions), 0
    out = [c for i, c in enumerate(contributions) if i in kept or c["kind"] not in SIGNAL_KINDS]
    return out, left_out
