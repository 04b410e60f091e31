"""Dutch time expressions: find them, join adjacent parts, resolve them against the post time."""

from __future__ import annotations

from datetime import datetime

from ..model import Span
from .grammar import find_pieces
from .resolve import combine, describe, keep_longest, resolve

__all__ = ["find_times"]


def find_times(text: str, folded: str, now: datetime) -> list[Span]:
    """Time spans in ``text`` (``folded`` is its folded form, ``now`` naive local time)."""
    pieces = keep_longest(find_pieces(folded))
    spans: list[Span] = []
    for group in combine(pieces, folded):
        try:
            resolved = resolve(group, now)
        except (ValueError, OverflowError, IndexError, StopIteration):
            # Dates near datetime's limits or impossible calendar dates: no span, never a crash.
            continue
        if resolved is None or resolved[0] is None:
            continue
        value, ambiguous, alternatives = resolved
        start, end = group[0].start, group[-1].end
        if not text[start:end].strip():
            continue
        confidence = max(p.confidence for p in group)
        if ambiguous:
            confidence = min(confidence, 0.6)
        explanation = (
            f"Tijdsaanduiding, opgelost ten opzichte van het plaatsingsmoment: {describe(value)}."
        )
        if alternatives:
            explanation += (
                f" Meerdere lezingen mogelijk; ook: {', '.join(describe(a) for a in alternatives)}."
            )
        elif ambiguous:
            explanation += " Vaag: geen precies tijdstip genoemd."
        spans.append(
            Span(
                start=start,
                end=end,
                kind="time",
                value=value,
                confidence=round(confidence, 2),
                explanation=explanation,
                ambiguous=ambiguous,
                alternatives=alternatives,
            )
        )
    return spans
