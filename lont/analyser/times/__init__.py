"""Dutch time expressions: find them, join adjacent parts, resolve them against the post time."""

from __future__ import annotations

from datetime import datetime

from ..construct import new_span
from ..model import Span
from .combine import combine, keep_longest
from .grammar import Piece, find_pieces
from .resolve import describe, resolve

__all__ = ["find_times", "grain_of"]

PERIOD_GRAINS = {
    "week": "week",
    "weekend": "weekend",
    "month": "maand",
    "quarter": "kwartaal",
    "season": "seizoen",
    "year": "jaar",
}
_SPEC_GRAIN = {
    "week": "week",
    "weekend": "weekend",
    "month": "month",
    "namedmonth": "month",
    "year": "year",
    "quarter": "quarter",
    "season": "season",
    "dayrange": "day",
}
_DAY_NAMES = {"MO": "ma", "TU": "di", "WE": "wo", "TH": "do", "FR": "vr", "SA": "za", "SU": "zo"}


def grain_of(group: list[Piece], value: str) -> str:
    """How fine a resolved value is: the period's unit, part of day, hour, day or minute."""
    slots = {p.slot for p in group}
    specs = [p.day[0] for p in group if p.day is not None]
    if "/" not in value:
        return "minute" if "T" in value else "day"
    lastn = next((p.day for p in group if p.day is not None and p.day[0] == "lastn"), None)
    if lastn is not None:
        return ("day", "week", "month", "year", "hour", "minute", "minute")[lastn[1]]
    if "clock" not in slots and specs and specs[-1] in _SPEC_GRAIN:
        return _SPEC_GRAIN[specs[-1]]
    if "day_end" in slots:
        return "day"
    if any(p.part for p in group) and "clock" not in slots:
        return "part_of_day"
    return "hour"


def describe_rule(rule: str) -> str:
    """A short Dutch reading of our RRULE subset."""
    fields = dict(part.split("=", 1) for part in rule.split(";") if "=" in part)
    every = {"DAILY": "dag", "WEEKLY": "week", "MONTHLY": "maand"}.get(fields.get("FREQ", ""), "")
    interval = fields.get("INTERVAL")
    text = f"elke {interval} {every}en" if interval else f"elke {every}"
    if "BYDAY" in fields:
        text += " op " + ", ".join(_DAY_NAMES.get(d, d) for d in fields["BYDAY"].split(","))
    return text


def find_times(text: str, folded: str, now: datetime) -> list[Span]:
    """Time spans in ``text`` (``folded`` is its folded form, ``now`` naive local time)."""
    pieces = keep_longest(find_pieces(folded))
    spans: list[Span] = []
    for group in combine(pieces, folded):
        if all(p.weak for p in group):
            continue  # "elke dag" on its own

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
        recurrence = next((p.recurrence for p in group if p.recurrence), "")
        grain = grain_of(group, value)
        if grain in PERIOD_GRAINS:
            explanation += f" Een periode ({PERIOD_GRAINS[grain]}), geen tijdstip."
        if recurrence:
            explanation += f" Terugkerend ({describe_rule(recurrence)}); dit is de eerstvolgende."
        if alternatives:
            explanation += (
                f" Meerdere lezingen mogelijk; ook: {', '.join(describe(a) for a in alternatives)}."
            )
        elif ambiguous:
            explanation += " Vaag: geen precies tijdstip genoemd."
        spans.append(
            new_span(
                start=start,
                end=end,
                kind="time",
                value=value,
                confidence=round(confidence, 2),
                explanation=explanation,
                ambiguous=ambiguous,
                alternatives=alternatives,
                grain=grain,
                recurrence=recurrence,
            )
        )
    return spans
