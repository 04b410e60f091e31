"""A time named in a signal, read at ``now``: a moment ("zaterdag 21:00") or a window ("deze
week": its start and its end).

A moment is ahead until it has passed. A window is ahead until it starts, then *ongoing* until its
end, then past: while it runs it keeps a signal as hot as a moment still ahead does, and it only
starts to decay (and stops counting for the acute rule) once its end has passed.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache
from zoneinfo import ZoneInfo

_WEEKDAYS_NL = ("ma", "di", "wo", "do", "vr", "za", "zo")
_MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
# A window of whole days runs from 00:00 to 23:59 local time: its ends are named by the day only.
_DAY_BOUNDARIES = ((0, 0), (23, 59))


@cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def when_nl(moment: datetime, timezone: str) -> str:
    """A named time for an explanation line: "zo 13 dec", with its clock time ("za 12 dec 21:00")
    unless it is the start or end of a whole day."""
    local = moment.astimezone(_zone(timezone))
    day = f"{_WEEKDAYS_NL[local.weekday()]} {local.day} {_MONTHS_NL[local.month - 1]}"
    if (local.hour, local.minute) in _DAY_BOUNDARIES:
        return day
    return f"{day} {local:%H:%M}"


def named_end(start: datetime | None, until: datetime | None) -> datetime | None:
    """When a named time is over: a window's end, or the moment itself."""
    return until if until is not None else start


def is_ongoing(start: datetime | None, until: datetime | None, now: datetime) -> bool:
    """A named window that has begun and not yet ended (a moment is never ongoing)."""
    return start is not None and until is not None and start <= now <= until


def still_ahead_nl(
    start: datetime | None, until: datetime | None, now: datetime, timezone: str
) -> str:
    """Why a signal naming a time that is not over stays at full weight."""
    if start is None or until is None:
        what = "noemt een tijdstip dat nog niet voorbij is"
    elif start <= now:
        what = f"genoemde periode loopt nog tot {when_nl(until, timezone)}"
    else:
        what = (
            f"genoemde periode begint {when_nl(start, timezone)} en loopt tot "
            f"{when_nl(until, timezone)}"
        )
    return f"{what}: blijft volledig actueel"


def since_nl(until: datetime | None) -> str:
    """From when a signal naming a time that is over decays."""
    return (
        " sinds het einde van de genoemde periode"
        if until is not None
        else " sinds het genoemde tijdstip"
    )
