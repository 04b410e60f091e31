"""Which windows a recorded event opens: pure Python, no Django (table-driven tests).

The guide, "Maak als gemeente (of stadsdeel) een kalender met risico-inschattingen en
tijdsgebonden indicatoren over tijd", names three moments:

1. "Vanaf ongeveer 2 maanden voor de 'jubileumdata' in het eerste en tweede jaar na een incident
   pieken de heftige emoties bij getroffenen" → two windows, around the 1st and the 2nd
   anniversary, each opening two months before the date. The guide names only the start; Lont
   keeps the window open for three months after the date (the aftermath; the owner may shorten
   it), so a window is five months long.
2. "De bekendmaking van een juridische straf(eis), vooral als die lager uitvalt dan verwacht of
   gehoopt door getroffenen" → a window from a week before the court date (the run-up) to six
   weeks after; *flagged* when the demand or verdict was lower than the group expected.
3. "Met name de eerste 6 maanden nadat iemand vrijkomt uit de gevangenis" → from the release date
   for six months.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

ANNIVERSARIES = (1, 2)
BEFORE_ANNIVERSARY_MONTHS = 2
AFTER_ANNIVERSARY_MONTHS = 3
COURT_BEFORE_DAYS = 7
COURT_AFTER_DAYS = 42
RELEASE_MONTHS = 6


@dataclass(frozen=True)
class WindowSpec:
    kind: str  # a WindowKind value
    starts_on: date
    ends_on: date
    peak_on: date
    flagged: bool = False


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later (or earlier); the 31st becomes the month's last day."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def windows_for(
    kind: str, occurred_on: date, *, lower_than_expected: bool = False
) -> list[WindowSpec]:
    """The windows of one event (``kind`` an EventKind value), in date order."""
    if kind == "incident":
        out = []
        for n in ANNIVERSARIES:
            peak = add_months(occurred_on, 12 * n)
            out.append(
                WindowSpec(
                    kind=f"anniversary_{n}",
                    starts_on=add_months(peak, -BEFORE_ANNIVERSARY_MONTHS),
                    ends_on=add_months(peak, AFTER_ANNIVERSARY_MONTHS),
                    peak_on=peak,
                )
            )
        return out
    if kind in ("sentence_demand", "verdict"):
        return [
            WindowSpec(
                kind="court",
                starts_on=occurred_on - timedelta(days=COURT_BEFORE_DAYS),
                ends_on=occurred_on + timedelta(days=COURT_AFTER_DAYS),
                peak_on=occurred_on,
                flagged=lower_than_expected,
            )
        ]
    if kind == "release":
        return [
            WindowSpec(
                kind="release",
                starts_on=occurred_on,
                ends_on=add_months(occurred_on, RELEASE_MONTHS),
                peak_on=occurred_on,
            )
        ]
    raise ValueError(f"unknown event kind {kind!r}")


def is_open(starts_on: date, ends_on: date, today: date) -> bool:
    return starts_on <= today <= ends_on
