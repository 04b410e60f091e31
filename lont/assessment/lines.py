"""Which of a situation's contribution lines are shown where (pure: no database).

A large situation counts thousands of signal lines. The recompute formats the text of the lines
the situation page shows (``strongest``) and stores the others as numbers only (kind, ref,
amount); a page that shows those formats them when asked (``recompute.explained``)."""

from __future__ import annotations

import heapq
from typing import Any

# Lines about one signal: its own line, a drill signal's, and the acute rule's (applied or not).
SIGNAL_KINDS = frozenset({"signal", "drill_signal", "acute_rule", "acute_rule_defused"})
# The signal lines the recompute may store without their text (the acute rule's are short).
TEXTLESS_KINDS = frozenset({"signal", "drill_signal"})
SHOWN_CONTRIBUTIONS = 25  # signal lines on the situation page; the rest on "Alle bijdragen"


def strongest_indexes(contributions: list[dict[str, Any]], limit: int) -> set[int] | None:
    """The positions of the ``limit`` strongest signal lines (by amount; on a tie the engine's
    earlier line), or None when there are no more than ``limit``: every line is kept."""
    indexes = [i for i, c in enumerate(contributions) if c["kind"] in SIGNAL_KINDS]
    if len(indexes) <= limit:
        return None
    return set(
        heapq.nsmallest(limit, indexes, key=lambda i: (-float(contributions[i]["amount"]), i))
    )


def strongest(contributions: list[dict[str, Any]], limit: int) -> tuple[list[dict[str, Any]], int]:
    """Every contribution that is not a signal's (structure, drill: a few) and the ``limit``
    strongest signal contributions, in the engine's order; with how many signal contributions
    are left out."""
    kept = strongest_indexes(contributions, limit)
    if kept is None:
        return list(contributions), 0
    out = [c for i, c in enumerate(contributions) if i in kept or c["kind"] not in SIGNAL_KINDS]
    return out, len(contributions) - len(out)
