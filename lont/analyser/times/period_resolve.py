"""Resolve period pieces to intervals, and the movable days of the risk calendar.

Conventions (documented because professionals act on them):

* A week runs Monday 00:00 to Sunday 23:59; "later deze week" from tomorrow to Sunday; "begin"
  Monday–Wednesday, "midden" Tuesday–Thursday, "eind" Thursday–Sunday of that week.
* A month: "begin" days 1–10, "half"/"midden" 11–20, "eind" 21 to the last day; a year: "begin"
  January–March, "midden" April–September, "eind" October–December.
* A month or quarter named without a year is this year's unless it is wholly past, then next
  year's. Seasons are astronomical, as in Duckling: spring 21 Mar, summer 21 Jun, autumn 24 Sep,
  winter 21 Dec – 20 Mar; "deze zomer" is the current or next summer.
* Suikerfeest and Offerfeest: the dates announced for 2020–2026 (Diyanet / Umm al-Qura, as
  published), other years from the arithmetical (tabular) Islamic calendar. Local communities
  may celebrate a day later (moon sighting), so the value is marked ambiguous with that day as
  alternative. Koningsdag is 27 April, or 26 April when the 27th is a Sunday.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, datetime, timedelta

Interval = tuple[date, date, str]  # first day, last day, grain

WEEK_EDGES = {0: (0, 6), 2: (0, 2), 3: (3, 6), 4: (1, 3)}
MONTH_EDGES = {2: (1, 10), 3: (21, 31), 4: (11, 20)}
YEAR_EDGES = {2: (1, 3), 3: (10, 12), 4: (4, 9)}
# (start month, start day, end month, end day); winter ends in the next year.
SEASONS = ((3, 21, 6, 20), (6, 21, 9, 23), (9, 24, 12, 20), (12, 21, 3, 20))

# Published first days of the feasts (Gregorian), used before the arithmetical calendar.
EID_AL_FITR = {
    2020: date(2020, 5, 24),
    2021: date(2021, 5, 13),
    2022: date(2022, 5, 2),
    2023: date(2023, 4, 21),
    2024: date(2024, 4, 10),
    2025: date(2025, 3, 30),
    2026: date(2026, 3, 20),
}
EID_AL_ADHA = {
    2020: date(2020, 7, 31),
    2021: date(2021, 7, 20),
    2022: date(2022, 7, 9),
    2023: date(2023, 6, 28),
    2024: date(2024, 6, 16),
    2025: date(2025, 6, 6),
    2026: date(2026, 5, 27),
}
_ISLAMIC_EPOCH = 227015  # R.D. of 1 Muharram AH 1 (16 July 622, Julian), Reingold & Dershowitz


def islamic_to_date(year: int, month: int, day: int) -> date:
    """The arithmetical Islamic calendar ("Calendrical Calculations", ch. 7) to a date."""
    rd = (
        _ISLAMIC_EPOCH
        - 1
        + (year - 1) * 354
        + (3 + 11 * year) // 30
        + 29 * (month - 1)
        + month // 2
        + day
    )
    return date.fromordinal(rd)


def islamic_feast(which: int, gregorian_year: int) -> list[date]:
    """First days of a feast (0 Suikerfeest, 1 Offerfeest, 2 start of Ramadan) in a year."""
    table = {0: EID_AL_FITR, 1: EID_AL_ADHA}.get(which, {})
    if gregorian_year in table:
        return [table[gregorian_year]]
    month, day = {0: (10, 1), 1: (12, 10), 2: (9, 1)}[which]
    # An Islamic year is ~354 days, so a Gregorian year holds one or two occurrences.
    first = (gregorian_year - 622) * 33 // 32
    out = []
    for hijri in range(first - 1, first + 3):
        candidate = islamic_to_date(hijri, month, day)
        if candidate.year == gregorian_year:
            out.append(candidate)
    return out


def next_islamic(which: int, today: date) -> date | None:
    for year in (today.year, today.year + 1):
        for candidate in islamic_feast(which, year):
            if candidate >= today:
                return candidate
    return None


def easter(year: int) -> date:
    """Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ell) // 451
    month = (h + ell - 7 * m + 114) // 31
    day = (h + ell - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def koningsdag(year: int) -> date:
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == 6 else day


def nth_sunday(year: int, month: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def _month_bounds(year: int, month: int, edge: int) -> tuple[date, date]:
    last = monthrange(year, month)[1]
    lo, hi = MONTH_EDGES.get(edge, (1, last))
    return date(year, month, lo), date(year, month, min(hi, last))


def _shift_month(year: int, month: int, offset: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + offset
    return index // 12, index % 12 + 1


def _season(index: int, year: int) -> tuple[date, date]:
    sm, sd, em, ed = SEASONS[index]
    return date(year, sm, sd), date(year + (1 if em < sm else 0), em, ed)


def interval(spec: tuple[str, int, int, int], today: date) -> Interval | None:
    """First and last day and the grain of a period spec, or None when it is not a period."""
    kind, a, b, c = spec
    if kind == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7 * a)
        if b == 1:  # later deze week
            return (
                min(today + timedelta(days=1), monday + timedelta(days=6)),
                monday + timedelta(days=6),
                "week",
            )
        lo, hi = WEEK_EDGES.get(b, (0, 6))
        return monday + timedelta(days=lo), monday + timedelta(days=hi), "week"
    if kind == "weekend":
        saturday = today + timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - timedelta(days=1)
        saturday += timedelta(days=7 * a)
        return saturday, saturday + timedelta(days=1), "weekend"
    if kind == "month":
        year, month = _shift_month(today.year, today.month, a)
        if b == 1:  # later deze maand
            return today + timedelta(days=1), _month_bounds(year, month, 0)[1], "month"
        return (*_month_bounds(year, month, b), "month")
    if kind == "namedmonth":
        year = c or today.year
        first, last = _month_bounds(year, a, b)
        if not c and last < today:
            first, last = _month_bounds(year + 1, a, b)
        return first, last, "month"
    if kind == "year":
        year = a if c else today.year + a
        lo, hi = YEAR_EDGES.get(b, (1, 12))
        return date(year, lo, 1), date(year, hi, monthrange(year, hi)[1]), "year"
    if kind == "quarter":
        if c:  # absolute: quarter a of year b (or this/next year)
            year = b or today.year
            first = date(year, 3 * a - 2, 1)
            last = date(year, 3 * a, monthrange(year, 3 * a)[1])
            if not b and last < today:
                first, last = (
                    first.replace(year=year + 1),
                    date(year + 1, 3 * a, monthrange(year + 1, 3 * a)[1]),
                )
            return first, last, "quarter"
        year, month = _shift_month(today.year, 3 * ((today.month - 1) // 3) + 1, 3 * a)
        return (
            date(year, month, 1),
            date(year, month + 2, monthrange(year, month + 2)[1]),
            "quarter",
        )
    if kind == "season":
        occurrences = [_season(a, year) for year in range(today.year - 2, today.year + 3)]
        current = next(i for i, (_, last) in enumerate(occurrences) if last >= today)
        first, last = occurrences[current + b]
        return first, last, "season"
    if kind == "lastn":  # "komende 3 dagen", "afgelopen 2 weken": whole calendar units
        unit, n, direction = a, b, c
        if unit == 0:  # days
            if direction > 0:
                return today + timedelta(days=1), today + timedelta(days=n), "day"
            return today - timedelta(days=n), today - timedelta(days=1), "day"
        if unit == 1:  # weeks
            monday = today - timedelta(days=today.weekday())
            if direction > 0:
                first = monday + timedelta(days=7)
                return first, first + timedelta(days=7 * n - 1), "week"
            return monday - timedelta(days=7 * n), monday - timedelta(days=1), "week"
        if unit == 2:  # months
            if direction > 0:
                y1, m1 = _shift_month(today.year, today.month, 1)
                y2, m2 = _shift_month(today.year, today.month, n)
            else:
                y1, m1 = _shift_month(today.year, today.month, -n)
                y2, m2 = _shift_month(today.year, today.month, -1)
            return date(y1, m1, 1), date(y2, m2, monthrange(y2, m2)[1]), "month"
        if direction > 0:  # years
            return date(today.year + 1, 1, 1), date(today.year + n, 12, 31), "year"
        return date(today.year - n, 1, 1), date(today.year - 1, 12, 31), "year"
    if kind == "dayrange":
        year = c // 100 or today.year
        c = c % 100
        last_day = min(b, monthrange(year, c)[1])
        if date(year, c, last_day) < today and not spec[3] // 100:
            year += 1
        return date(year, c, a), date(year, c, min(b, monthrange(year, c)[1])), "day"
    return None


def day_of(spec: tuple[str, int, int, int], today: date) -> tuple[date, tuple[date, ...]] | None:
    """The day (and alternative days) of the calendar kinds that name one day."""
    kind, a, b, _ = spec
    if kind == "monthday":  # "op de 15e": this month's, or next month's when it has passed
        year, month = today.year, today.month
        for _ in range(3):
            if a <= monthrange(year, month)[1] and date(year, month, a) >= today:
                return date(year, month, a), ()
            year, month = _shift_month(year, month, 1)
        return None
    if kind == "workday":
        return today + timedelta(days=max(0, 7 - today.weekday()) if today.weekday() > 4 else 0), ()
    if kind == "islamic":
        found = next_islamic(a, today)
        return (found, (found + timedelta(days=1),)) if found else None
    if kind == "koningsdag":
        found = koningsdag(today.year)
        return (found if found >= today else koningsdag(today.year + 1)), ()
    if kind == "nthsunday":
        found = nth_sunday(today.year, a, b)
        return (found if found >= today else nth_sunday(today.year + 1, a, b)), ()
    return None


def fmt_interval(first: date, last: date) -> str:
    return f"{first.isoformat()}T00:00/{last.isoformat()}T23:59"


def now_value(now: datetime) -> str:
    return f"{now:%Y-%m-%dT%H:%M}"
