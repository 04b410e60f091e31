"""Join adjacent pieces into one expression: "zaterdag" + "om 21:00", "van vrijdag" + "tot
zondag", "tussen 8" + "en 10"; a longer piece wins over the pieces it overlaps."""

from __future__ import annotations

import re

from .grammar import Piece

__all__ = ["combine", "keep_longest"]

_CONNECTOR = re.compile(r"[\s,|]*(?:(?:om|rond|tegen|vanaf|op|at|de|van|tussen|in\s+de|-)[\s,|]*)?")
# Between two clock times: a range ("9:30 - 11:00", "van 8 tot 10", "tussen 8 en 10").
_RANGE = re.compile(r"\s*(?:-|tot(?:\s+en\s+met)?|t/m|en)\s*")


def keep_longest(pieces: list[Piece]) -> list[Piece]:
    """Drop pieces overlapping a longer one (``tien over half 9`` beats ``half 9``)."""
    kept: list[Piece] = []
    for piece in sorted(pieces, key=lambda p: (-(p.end - p.start), p.start)):
        if all(piece.end <= k.start or piece.start >= k.end for k in kept):
            kept.append(piece)
    kept.sort(key=lambda p: p.start)
    return kept


def _compatible(group: list[Piece], piece: Piece) -> bool:
    slots = {p.slot for p in group}
    if piece.slot in ("rel", "vague") or slots & {"rel", "vague"}:
        return False
    if piece.slot == "aux":
        return "day" in slots
    if piece.slot == "barepart":
        return "day" in slots and all(p.part is None for p in group) and "clock" not in slots
    if piece.slot == "day":
        days = [p for p in group if p.slot == "day"]
        if not days:
            return True
        kinds = {days[0].day[0] if days[0].day else "", piece.day[0] if piece.day else ""}
        if (
            len(days) == 1
            and kinds == {"week", "wd"}
            and not (days[0].recurrence or piece.recurrence)
        ):
            return True  # "deze week maandag", "maandag van deze week"
        # A weekday may be followed by a date: "zaterdag 14 maart".
        return (
            len(days) == 1
            and days[0].day is not None
            and days[0].day[0] == "wd"
            and piece.day is not None
            and piece.day[0] == "date"
        )
    if piece.slot == "part":
        return all(p.part is None for p in group)
    if piece.slot == "clock":
        return "clock" not in slots
    return False


def combine(pieces: list[Piece], folded: str) -> list[list[Piece]]:
    groups: list[list[Piece]] = []
    for piece in pieces:
        if groups:
            last = groups[-1]
            gap = folded[last[-1].end : piece.start]
            if _CONNECTOR.fullmatch(gap) and _compatible(last, piece):
                last.append(piece)
                continue
            if (
                piece.slot == "day"
                and last[-1].slot == "day"
                and len(last) == 1
                and _day_range_ok(last[0], piece)
                and (_RANGE.fullmatch(gap) and gap.strip() != "en")
            ):
                piece.slot = "day_end"  # "van vrijdag tot zondag", "ma t/m vr"
                last.append(piece)
                continue
            if (
                piece.slot == "clock"
                and last[-1].slot == "clock"
                and sum(p.slot == "clock" for p in last) == 1
                and (
                    _RANGE.fullmatch(gap)
                    or (not gap.strip() and folded.startswith(("tot ", "t/m "), piece.start))
                )
            ):
                piece.slot = "clock_end"
                last.append(piece)
                continue
        groups.append([piece])
    # A bare part word ("avond") only counts attached to a day.
    return [g for g in groups if not (len(g) == 1 and g[0].slot == "barepart")]


_RANGE_DAYS = ("wd", "date", "rel", "fixed", "easter")


def _day_range_ok(first: Piece, second: Piece) -> bool:
    return (
        first.day is not None
        and second.day is not None
        and first.day[0] in _RANGE_DAYS
        and second.day[0] in _RANGE_DAYS
        and not first.recurrence
    )
