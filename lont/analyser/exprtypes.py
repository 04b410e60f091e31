"""Expression types of time spans, for the evaluation's per-type breakdown.

A span's type follows from its canonical value, with the surface text only to tell a bare clock
time from a date with a time (both are points):

* ``duration`` — kind ``duration`` (``PT3H``);
* ``recurring`` — a time span carrying a recurrence (``elke vrijdag``);
* ``time range`` — a period within one day or one night (``vanavond``, ``van 8 tot 10``);
* ``date range`` — a longer period (``deze week``, ``volgend weekend``, ``in januari``);
* ``date`` — a date (``de 15e``, ``zaterdag``); ``date + time`` — a point whose words name a
  day (``zaterdag om 21:00``); ``time`` — a bare clock time (``10 uur``, ``half 10``).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

TYPES = ("time", "date", "date + time", "time range", "date range", "duration", "recurring")

_DAY_WORD = re.compile(
    r"(?:\d{1,4}\s*[-/.]\s*\d{1,2}|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
    r"|\b(?:ma|di|wo|do|vr|za|zo)\b|morgen|vandaag|gister|overmorgen|vanavond|vannacht"
    r"|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|\b(?:jan|feb|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec)\b|\d{1,2}\s*(?:e|ste|de)\b)",
    re.IGNORECASE,
)
_DAY_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}$")


def expression_type(kind: str, surface: str, value: str, recurrence: str = "") -> str | None:
    """The type of one time or duration span, or None for other kinds."""
    if kind == "duration":
        return "duration"
    if kind != "time":
        return None
    if recurrence:
        return "recurring"
    value = value.strip()
    if "/" in value:
        start_text, _, end_text = value.partition("/")
        try:
            start, end = datetime.fromisoformat(start_text), datetime.fromisoformat(end_text)
        except ValueError:
            return "date range"
        return "time range" if end - start <= timedelta(hours=24) else "date range"
    if _DAY_ONLY.match(value):
        return "date"
    if not value:  # gold without a value (deduce's dates): read from the words
        return "date + time" if ":" in surface and _DAY_WORD.search(surface) else "date"
    return "date + time" if _DAY_WORD.search(surface) else "time"
