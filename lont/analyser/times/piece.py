"""The building block of time expressions ("pieces") and helpers shared by the rule families.

Each rule family (:mod:`.days`, :mod:`.clock`, :mod:`.periods`) finds one kind of piece in folded
text; ``combine`` in :mod:`lont.analyser.times.resolve` joins adjacent pieces into one expression
("zaterdag" + "om 21:00"). All regexes run on :func:`normalise.fold` output.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..normalise import word_set
from .words import (
    DAY_WORDS,
    HOUR_WORDS,
    MINUTE_WORDS,
    MONTHS,
    PART_WORDS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    alternation,
)

DaySpec = tuple[str, int, int, int]  # (kind, a, b, c): see Piece.day


class Piece:
    """One building block. ``day`` kinds: ``rel`` (offset), ``wd`` (weekday, mode 0 next /
    1 next week / 2 strictly after today), ``date`` (day, month, year or 0), ``weekend``
    (offset: -1 last / 0 this / 1 next), ``week`` (offset, edge), ``easter`` (offset from
    Easter), ``fixed`` (day, month); the period kinds of :mod:`.periods` (``month``,
    ``namedmonth``, ``year``, ``quarter``, ``season``, ``dayrange``, ``workday``, ``islamic``,
    ``nthsunday``, ``now``) are resolved by :mod:`.period_resolve`."""

    # A plain class with an explicit __init__ rather than a dataclass: compiled by mypyc it is a
    # native class built in C, where a dataclass keeps the __init__ that the dataclasses module
    # generates as Python code (about five pieces per post). Pieces are never compared, copied or
    # pickled. See docs/analyser.md, "Issue 15, fifth session".

    __slots__ = (
        "confidence",
        "day",
        "end",
        "fixed24",
        "hour",
        "in_days",
        "midnight",
        "minute",
        "minutes",
        "part",
        "recurrence",
        "slot",
        "start",
        "tonight",
        "tz_offset",
        "weak",
    )

    def __init__(
        self,
        start: int,
        end: int,
        slot: str,  # day | part | barepart | clock | rel | vague | aux
        day: DaySpec | None = None,
        part: str | None = None,
        tonight: bool = False,
        hour: int = 0,
        minute: int = 0,
        fixed24: bool = False,
        minutes: int = 0,
        in_days: bool = False,
        confidence: float = 0.85,
        recurrence: str = "",
        weak: bool = False,
        midnight: bool = False,
        tz_offset: int | None = None,
    ) -> None:
        self.start: int = start
        self.end: int = end
        self.slot: str = slot
        self.day: DaySpec | None = day
        self.part: str | None = part
        self.tonight: bool = tonight
        self.hour: int = hour
        self.minute: int = minute
        self.fixed24: bool = fixed24
        self.minutes: int = minutes
        # A relative offset counted in days ("over 2 weken"), not minutes.
        self.in_days: bool = in_days
        self.confidence: float = confidence
        # RFC 5545 RRULE subset for "elke vrijdag": FREQ=WEEKLY;BYDAY=FR.
        self.recurrence: str = recurrence
        # "elke dag" alone says little; kept only when joined to a clock/part.
        self.weak: bool = weak
        # "middernacht": the 00:00 that ends the named day.
        self.midnight: bool = midnight
        # Minutes east of UTC for "16:00 CET", "8:00 GMT".
        self.tz_offset: int | None = tz_offset


_WD = alternation(WEEKDAYS)
_WD_ABBR = alternation(WEEKDAY_ABBREVIATIONS, stretch=False)
_DAYW = alternation(DAY_WORDS)
_PARTW = alternation(["ochtend", "morgen", "namiddag", "middag", "avond", "nacht", "vroeg"])
_MONTH = alternation(MONTHS)
_HOURW = alternation(HOUR_WORDS, stretch=False)
_NUM = r"(?:[0-9]{1,2})"
_HOUR = rf"(?:{_NUM}|{_HOURW})"
_MINW = alternation(MINUTE_WORDS, stretch=False)


# Before "N uur" these words make it a duration ("al 2 uur", "ruim een uur").
_DURATION_BEFORE = word_set(
    """
    al ruim bijna zeker ongeveer wel pas nog maar binnen per elk elke ieder iedere
    urenlang minstens hooguit sinds duurt duurde kost kostte
    """
)
_PARTICIPLE = re.compile(r"\s+(?:ge[a-z]{2,}(?:d|t|en)|lang|bezig|achter\s+elkaar|gewerkt)\b")
_SCORE_WORDS = word_set(
    """
    gewonnen verloren gelijk winst nederlaag voorsprong achterstand overwinning won
    verloor gespeeld eindstand stand uitslag score
    """
)
_FRACTION_AFTER = re.compile(
    r"\s*(?:van\b|deel\b|liter|kilo|kg\b|gram|euro|procent|%|mensen|personen|jongeren|keer|"
    r"kans|leerlingen|scoort|score|punten)"
)
_INFINITIVE_AFTER = re.compile(r"\s+([a-z]+en)\b")
_TIME_WORDS_EN = frozenset(["morgen", "vanmorgen", "overmorgen", "savonds", "smorgens"])
_GREETING_BEFORE = word_set(
    """
    gelukkig gelukkige fijne fijn prettige prettig vrolijk vrolijke happy zalig zalige
    """
)


def _hour(token: str) -> int:
    if token.isdigit():
        return int(token)
    return HOUR_WORDS.get(token, -1)


_WORD_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789"


def _prev_word(folded: str, start: int) -> str:
    """The run of ASCII letters and digits that ends the 30 characters before ``start``
    (trailing spaces skipped), else "". A loop of ``in`` tests, not ``re.search(…$)``: compiled,
    the loop is cheaper than a regex search that tries every position of the window."""
    head = folded[max(0, start - 30) : start].rstrip()
    begin = len(head)
    while begin > 0 and head[begin - 1] in _WORD_CHARS:
        begin -= 1
    return head[begin:]


_SQUEEZE = re.compile(r"(.)\1+")
_SQUEEZED: dict[int, dict[str, str]] = {}
# (surface, id of the vocabulary) -> its word: the vocabularies are module constants.
_UNSTRETCHED: dict[tuple[str, int], str] = {}


def _unstretch(surface: str, words: Mapping[str, object]) -> str:
    """The vocabulary word a stretched surface form stands for ("zatterdag" → "zaterdag")."""
    key = (surface, id(words))
    found = _UNSTRETCHED.get(key)
    if found is not None:
        return found
    table = _SQUEEZED.get(id(words))
    if table is None:
        table = {}
        for word in sorted(words, key=len):
            table[_SQUEEZE.sub(r"\1", word)] = word
        _SQUEEZED[id(words)] = table
    found = table.get(_SQUEEZE.sub(r"\1", surface), next(iter(words)))
    if len(_UNSTRETCHED) > 10_000:
        _UNSTRETCHED.clear()
    _UNSTRETCHED[key] = found
    return found


def _lookup_stretched(surface: str, words: dict[str, int]) -> int:
    return words[_unstretch(surface, words)]


def _weekday(surface: str) -> int:
    return _lookup_stretched(surface, WEEKDAYS)


def _part(surface: str) -> str:
    return PART_WORDS[_unstretch(surface, PART_WORDS)]
