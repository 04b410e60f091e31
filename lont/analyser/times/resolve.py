"""Join adjacent pieces into one expression and resolve it against the posting moment.

Choices (documented because professionals act on them):

* A bare hour ("om 9", "half 10") is the nearest future occurrence of either reading (09:00 or
  21:00) after the posting moment; it is marked ambiguous with the other reading as alternative.
  A leading zero ("09:00"), an hour of 13 or more, or a part of the day makes it unambiguous.
* With a day other than today, an ambiguous hour takes waking hours: 7–11 in the morning, 12 at
  noon, 1–6 in the afternoon ("morgen om 9" = 09:00, "zaterdag om 2" = 14:00), still ambiguous.
* A weekday is its next occurrence; the posting day itself counts when the named moment (or the
  end of the named part of the day) is still ahead, and a bare weekday on the same day is today.
* A date without a year is this year's date unless it has passed, then next year's.
* ``vannacht`` is the coming night (00:00–06:00 of the next day) unless posted before 06:00;
  "zaterdagnacht" is the night after Saturday. ``straks``/``zo meteen`` is the vague period of the
  next three hours, marked ambiguous.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from . import period_resolve as periods
from .grammar import Piece
from .words import PART_RANGES

AMSTERDAM = ZoneInfo("Europe/Amsterdam")

FMT = "%Y-%m-%dT%H:%M"
_WEEKDAY_NAMES = ("ma", "di", "wo", "do", "vr", "za", "zo")


_easter = periods.easter


def _on_or_after(today: date, build: object) -> date | None:
    for year in (today.year, today.year + 1):
        try:
            candidate = build(year)  # type: ignore[operator]
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    return None


def _clock_with_part(hour: int, part: str | None) -> tuple[int, int]:
    """Return (hour, day shift) for a clock hour read within a part of the day."""
    if part == "avond":
        if hour == 12:
            return 0, 1
        if 1 <= hour <= 11:
            return hour + 12, 0
    elif part == "middag":
        if 1 <= hour <= 6:
            return hour + 12, 0
    elif part == "nacht":
        if hour == 12:
            return 0, 1
        if 7 <= hour <= 11:
            return hour + 12, 0
        if hour < 7:
            return hour, 1
    return hour, 0


def _daytime(hour: int) -> tuple[int, int]:
    """Preferred and alternative 24-hour reading of an ambiguous hour on a named day."""
    if hour == 12:
        return 12, 0
    if 1 <= hour <= 6:
        return hour + 12, hour
    return hour, (hour + 12) % 24


def _period(day: date, part: str) -> str:
    start, end = PART_RANGES[part]
    return f"{day.isoformat()}T{start}/{day.isoformat()}T{end}"


def _fmt(moment: datetime) -> str:
    # Faster than strftime, and this runs for every time span: one formatting call (compiled,
    # an f-string with format specs is a call of format() per field).
    return "%04d-%02d-%02dT%02d:%02d" % (  # noqa: UP031
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
    )


Resolved = tuple[str, bool, tuple[str, ...]]


def resolve(group: list[Piece], now: datetime) -> Resolved | None:
    """Canonical value, ambiguity flag and alternatives, or None when nothing sensible results."""
    today = now.date()
    now = now.replace(second=0, microsecond=0)
    slots = {p.slot: p for p in group}
    if set(slots) == {"aux"}:
        return today.isoformat(), False, ()  # "na school" on its own: later that day
    if "vague" in slots:
        return f"{_fmt(now)}/{_fmt(now + timedelta(hours=3))}", True, ()
    if "rel" in slots:
        minutes = slots["rel"].minutes
        if slots["rel"].in_days:
            return (today + timedelta(minutes=minutes)).isoformat(), False, ()
        return _fmt(now + timedelta(minutes=minutes)), False, ()

    days = [p for p in group if p.slot == "day"]
    day_piece = days[-1] if days else None
    part: str | None = None
    tonight = False
    for p in group:
        if p.part is not None:
            part = p.part
            tonight = tonight or p.tonight
    clock = slots.get("clock")

    spec = day_piece.day if day_piece is not None else None
    if spec is not None and spec[0] == "now":
        return _fmt(now), False, ()
    if spec is not None and spec[0] == "lastn" and spec[1] >= 4:  # hours, minutes, seconds
        length = timedelta(seconds={4: 3600, 5: 60, 6: 1}[spec[1]] * spec[2])
        if spec[3] > 0:
            return f"{_fmt(now)}/{_fmt(now + length)}", False, ()
        return f"{_fmt(now - length)}/{_fmt(now)}", False, ()
    week_day = _weekday_in_week(days, today)
    if week_day is not None:
        spec = ("date", week_day.day, week_day.month, week_day.year)
    found = periods.interval(spec, today) if spec is not None and clock is None else None
    if found is not None:
        return periods.fmt_interval(found[0], found[1]), False, ()
    day_end = slots.get("day_end")
    if day_end is not None and day_end.day is not None and spec is not None:
        end_spec = day_end.day
        if spec[0] == "date" and not spec[3] and end_spec[0] == "date" and end_spec[3]:
            # "10 augustus - 12 september 2013": the first date takes the year of the last
            spec = (spec[0], spec[1], spec[2], end_spec[3])
            if (spec[2], spec[1]) > (end_spec[2], end_spec[1]):
                spec = (spec[0], spec[1], spec[2], end_spec[3] - 1)
        first = _base(spec, today)
        last = _base(end_spec, first or today)
        if first is None or last is None:
            return None
        while last < first and day_end.day[0] == "wd":
            last += timedelta(days=7)
        if last < first:
            return None
        return periods.fmt_interval(first, last), False, ()

    base: date | None
    weekday_mode = -1
    alternatives: tuple[str, ...] = ()
    if spec is None:
        base = None
    elif spec[0] in ("workday", "islamic", "koningsdag", "nthsunday", "monthday"):
        day_found = periods.day_of(spec, today)
        if day_found is None:
            return None
        base = day_found[0]
        alternatives = tuple(d.isoformat() for d in day_found[1])
    elif spec[0] in (
        "week",
        "weekend",
        "month",
        "namedmonth",
        "year",
        "quarter",
        "season",
        "dayrange",
    ):
        found = periods.interval(spec, today)  # with a clock: its first day
        base = found[0] if found else None
    elif spec[0] == "rel":
        base = today + timedelta(days=spec[1])
    elif spec[0] == "wd":
        weekday_mode = spec[2]
        base = _weekday(today, spec[1], spec[2])
    elif spec[0] == "date":
        d, m, y = spec[1], spec[2], spec[3]
        if y:
            try:
                base = date(y, m, d)
            except ValueError:
                return None
        else:
            base = _on_or_after(today, lambda year: date(year, m, d))
    elif spec[0] == "fixed":
        d, m = spec[1], spec[2]
        base = _on_or_after(today, lambda year: date(year, m, d))
    else:  # easter offsets
        offset = spec[1]
        base = _on_or_after(today, lambda year: _easter(year) + timedelta(days=offset))
    if spec is not None and base is None:
        return None

    if clock is None:
        if part is None:
            if base is None:
                return None
            return base.isoformat(), bool(alternatives), alternatives
        if base is None:
            base = _part_day_nearest(today, now, part)
        elif part == "nacht" and not (tonight and now.hour < 6):
            base = base + timedelta(days=1)
        elif weekday_mode == 0 and base == today and _part_end(base, part) < now:
            base = base + timedelta(days=7)
        return _period(base, part), False, ()

    if clock.midnight and base is not None:
        base += timedelta(days=1)  # "zaterdag middernacht": the midnight that ends Saturday
    start = _resolve_clock(clock, part, base, now, tonight, weekday_mode, spec)
    if clock.tz_offset is not None:
        zone = clock.tz_offset
        start = (
            _to_amsterdam(start[0], zone),
            start[1],
            tuple(_to_amsterdam(a, zone) for a in start[2]),
        )
    until = slots.get("clock_end")
    if until is None:
        return start
    # A range: the end is read on the start's day, after the start (and in the same half of
    # the day when ambiguous: "van 8 tot 10" in the evening is 20:00–22:00).
    begin = datetime.fromisoformat(start[0])
    end_hour = until.hour
    if not until.fixed24 and end_hour < 12 and begin.hour >= 12:
        end_hour += 12
    finish = datetime.combine(begin.date(), time(end_hour % 24, until.minute))
    if finish <= begin:
        finish += timedelta(days=1)
    return f"{start[0]}/{_fmt(finish)}", start[1], ()


def _weekday_in_week(days: list[Piece], today: date) -> date | None:
    """ "deze week maandag", "dinsdag van volgende week": that weekday within that week."""
    specs = {p.day[0]: p.day for p in days if p.day is not None}
    if len(days) != 2 or set(specs) != {"week", "wd"} or specs["week"][2]:
        return None
    monday = today - timedelta(days=today.weekday()) + timedelta(days=7 * specs["week"][1])
    return monday + timedelta(days=specs["wd"][1])


def _to_amsterdam(value: str, offset_minutes: int) -> str:
    """A wall-clock time in a named zone ("16:00 CET", "8:00 GMT") as Amsterdam wall clock."""
    moment = datetime.fromisoformat(value) - timedelta(minutes=offset_minutes)
    utc = moment.replace(tzinfo=ZoneInfo("UTC"))
    return _fmt(utc.astimezone(AMSTERDAM).replace(tzinfo=None))


def _base(spec: tuple[str, int, int, int], today: date) -> date | None:
    """The day a single-day spec names (for day ranges)."""
    kind = spec[0]
    if kind == "rel":
        return today + timedelta(days=spec[1])
    if kind == "wd":
        return _weekday(today, spec[1], spec[2])
    if kind == "date":
        d, m, y = spec[1], spec[2], spec[3]
        if y:
            return date(y, m, d)
        return _on_or_after(today, lambda year: date(year, m, d))
    if kind == "fixed":
        return _on_or_after(today, lambda year: date(year, spec[2], spec[1]))
    if kind == "easter":
        return _on_or_after(today, lambda year: _easter(year) + timedelta(days=spec[1]))
    return None


def _weekday(today: date, weekday: int, mode: int) -> date:
    if mode in (1, 4):  # next week's / last week's weekday
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7 if mode == 1 else -7)
        return monday + timedelta(days=weekday)
    if mode == 3:  # "vorige/afgelopen dinsdag": the last one before today
        return today - timedelta(days=(today.weekday() - weekday) % 7 or 7)
    delta = (weekday - today.weekday()) % 7
    if mode == 2 and delta == 0:
        delta = 7
    return today + timedelta(days=delta)


def _part_end(day: date, part: str) -> datetime:
    end = PART_RANGES[part][1]
    return datetime.combine(day, time(int(end[:2]), int(end[3:])))


def _part_day_nearest(today: date, now: datetime, part: str) -> date:
    if part == "nacht":
        return today if now.hour < 6 else today + timedelta(days=1)
    return today if _part_end(today, part) >= now else today + timedelta(days=1)


def _resolve_clock(
    clock: Piece,
    part: str | None,
    base: date | None,
    now: datetime,
    tonight: bool,
    weekday_mode: int,
    spec: tuple[str, int, int, int] | None,
) -> Resolved:
    minute = clock.minute
    hour = clock.hour
    if part is not None and not clock.fixed24:
        hour, shift = _clock_with_part(hour, part)
        if base is None:
            if part == "nacht":
                night = now.date() if now.hour < 6 else now.date() + timedelta(days=1)
                base = night - timedelta(days=shift)
            else:
                base = now.date()
                if datetime.combine(base, time(hour, minute)) + timedelta(days=shift) < now:
                    base += timedelta(days=1)
        elif part == "nacht" and tonight and now.hour < 6:
            shift = 0
        moment = datetime.combine(base, time(hour, minute)) + timedelta(days=shift)
        return _fmt(moment), False, ()
    if part is not None and clock.fixed24:
        if base is None:
            base = now.date()
            if datetime.combine(base, time(hour, minute)) < now:
                base += timedelta(days=1)
        shift = 1 if part == "nacht" and hour < 7 and not (tonight and now.hour < 6) else 0
        return _fmt(datetime.combine(base, time(hour, minute)) + timedelta(days=shift)), False, ()

    readings = [hour] if clock.fixed24 else sorted({hour % 12, hour % 12 + 12})
    if base is None:
        return _nearest(now, readings, minute)
    if base == now.date() and not clock.fixed24:
        upcoming = [h for h in readings if datetime.combine(base, time(h, minute)) > now]
        if upcoming:
            chosen = upcoming[0]
            others = [h for h in readings if h != chosen]
            alts = tuple(_fmt(datetime.combine(base, time(h, minute))) for h in others)
            return _fmt(datetime.combine(base, time(chosen, minute))), True, alts
        if weekday_mode == 0 and spec is not None and spec[0] == "wd":
            base += timedelta(days=7)
    elif (
        base == now.date()
        and weekday_mode == 0
        and spec is not None
        and spec[0] == "wd"
        and datetime.combine(base, time(hour, minute)) < now
    ):
        base += timedelta(days=7)
    if clock.fixed24:
        return _fmt(datetime.combine(base, time(hour, minute))), False, ()
    preferred, other = _daytime(hour % 12 or 12)
    alt = _fmt(datetime.combine(base, time(other, minute)))
    return _fmt(datetime.combine(base, time(preferred, minute))), True, (alt,)


def _nearest(now: datetime, readings: list[int], minute: int) -> Resolved:
    candidates: list[datetime] = []
    for offset in (0, 1):
        day = now.date() + timedelta(days=offset)
        for h in readings:
            moment = datetime.combine(day, time(h, minute))
            if moment > now:
                candidates.append(moment)
    candidates.sort()
    chosen = candidates[0]
    if len(readings) == 1:
        return _fmt(chosen), False, ()
    other = next(c for c in candidates if c.hour != chosen.hour)
    return _fmt(chosen), True, (_fmt(other),)


@lru_cache(maxsize=4096)
def describe(value: str) -> str:
    """A short Dutch rendering of a canonical value, for explanations."""
    if "/" in value:
        start, end = value.split("/", 1)
        return f"van {_describe_one(start)} tot {_describe_one(end)}"
    return _describe_one(value)


def _describe_one(value: str) -> str:
    if "T" in value:
        day_part, clock = value.split("T", 1)
    else:
        day_part, clock = value, ""
    day_value = date.fromisoformat(day_part)
    weekday = _WEEKDAY_NAMES[day_value.weekday()]
    text = f"{weekday} {day_value.day:02d}-{day_value.month:02d}-{day_value.year}"
    return f"{text} {clock}" if clock else text
