"""School holidays: "na de zomervakantie", "in de herfstvakantie", "tijdens de kerstvakantie".

Their dates differ per region and year, so they are not in the analyser: the caller passes the
network's school holidays as data (``(first day, last day)`` pairs, from the risk calendar).
Without them these phrases give no span at all. Which holiday a pair is, is read from the month
it starts in (the calendar stores dates only): summer June–August, autumn September–November,
Christmas December–January, spring February–March, May April–May.

Values are periods: the holiday itself (``in``/``tijdens``/``deze``/bare), the week after it
(``na``: the seven days from the first school day) or the week before it (``voor``); the latter
two are vague readings and marked ambiguous. The window meant is the current or next one
(``vorige``/``afgelopen``: the last one that ended): posted in the first school week,
"na de zomervakantie" is that week.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from ..construct import new_span
from ..model import Span
from .resolve import describe

SchoolHolidays = Sequence[tuple[date, date]]

# Which school holiday a calendar window is, by the month its first day falls in.
KIND_MONTHS: dict[str, frozenset[int]] = {
    "zomer": frozenset({6, 7, 8}),
    "herfst": frozenset({9, 10, 11}),
    "kerst": frozenset({12, 1}),
    "winter": frozenset({12, 1}),
    "voorjaars": frozenset({2, 3}),
    "krokus": frozenset({2, 3}),
    "mei": frozenset({4, 5}),
    "school": frozenset(range(1, 13)),
}

HOLIDAY_RE = re.compile(
    r"\b(?:(?P<rel>vlak\s+na|na\s+afloop\s+van|na|vlak\s+voor|voor|in|tijdens)\s+de\s+"
    r"|(?P<near>deze|komende|aankomende|volgende|vorige|afgelopen)\s+|de\s+)?"
    r"(?P<kind>zomer|herfst|kerst|winter|voorjaars|krokus|mei|school)vakantie\b"
)
_PAST = frozenset({"vorige", "afgelopen"})


def find_holidays(text: str, folded: str, now: datetime, holidays: SchoolHolidays) -> list[Span]:
    """Spans for school holidays named in ``text``, resolved through ``holidays``."""
    if not holidays or "vakantie" not in folded:
        return []
    spans: list[Span] = []
    today = now.date()
    for m in HOLIDAY_RE.finditer(folded):
        kind = m.group("kind")
        months = KIND_MONTHS[kind]
        rel = " ".join((m.group("rel") or "").split())
        how = "de week erna" if rel.endswith("na") or rel == "na afloop van" else ""
        how = "de week ervoor" if rel.endswith("voor") else how
        windows = sorted(
            (_window(first, last, how), first, last)
            for first, last in holidays
            if first <= last and first.month in months
        )
        if m.group("near") in _PAST:
            past = [w for w in windows if w[0][1] < today]
            chosen = past[-1] if past else None
        else:
            # The current or next one: "na de zomervakantie" in its first week is that week.
            chosen = next((w for w in windows if w[0][1] >= today), None)
        if chosen is None:
            continue
        (start, end), first, last = chosen
        value = f"{start.isoformat()}T00:00/{end.isoformat()}T23:59"
        explanation = (
            f"Schoolvakantie uit de risicokalender van het netwerk ({kind}vakantie, "
            f"{first:%d-%m-%Y} t/m {last:%d-%m-%Y}): {describe(value)}. Een periode, geen tijdstip."
        )
        if how:
            explanation += f" Vaag: gelezen als {how}."
        spans.append(
            new_span(
                start=m.start(),
                end=m.end(),
                kind="time",
                value=value,
                confidence=0.6 if how else 0.8,
                explanation=explanation,
                ambiguous=bool(how),
                grain="week" if how else "holiday",
            )
        )
    return spans


def _window(first: date, last: date, how: str) -> tuple[date, date]:
    if how == "de week erna":
        return last + timedelta(days=1), last + timedelta(days=7)
    if how == "de week ervoor":
        return first - timedelta(days=7), first - timedelta(days=1)
    return first, last
