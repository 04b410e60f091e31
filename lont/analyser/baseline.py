"""The comparison baseline for times: ``dateparser.search.search_dates`` with Dutch settings.

It returns ``(substring, datetime)`` pairs; we locate each substring in the text, left to right,
to get offsets, and format the datetime as a point ``YYYY-MM-DDTHH:MM``. The baseline never
yields dates or periods, so its values are compared loosely (``scoring.time_value_agrees_loosely``).
"""

from __future__ import annotations

import warnings
from datetime import datetime

from lont.analyser.scoring import SimpleSpan


def _settings(posted_at: datetime) -> dict[str, object]:
    return {
        # dateparser wants a naive base; the wall-clock time in Europe/Amsterdam is what we mean.
        "RELATIVE_BASE": posted_at.replace(tzinfo=None),
        "PREFER_DATES_FROM": "future",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


def locate(text: str, found: list[tuple[str, datetime]]) -> list[SimpleSpan]:
    """Turn search_dates' substrings into offsets, in order, each occurrence used once."""
    spans: list[SimpleSpan] = []
    cursor = 0
    lowered = text.lower()
    for substring, moment in found:
        if not substring.strip():
            continue
        at = text.find(substring, cursor)
        if at < 0:  # dateparser occasionally changes case; fall back to a case-blind search
            at = lowered.find(substring.lower(), cursor)
        if at < 0:
            at = lowered.find(substring.lower())
        if at < 0:
            continue
        end = at + len(substring)
        spans.append(SimpleSpan(at, end, "time", moment.strftime("%Y-%m-%dT%H:%M")))
        cursor = end
    return spans


def baseline_times(text: str, posted_at: datetime) -> list[SimpleSpan]:
    """Time spans found by dateparser; any dateparser failure counts as finding nothing."""
    from dateparser.search import search_dates  # slow import, only when used

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(text, languages=["nl"], settings=_settings(posted_at))
    except Exception:  # a crashing baseline must not stop the evaluation
        return []
    return locate(text, found or [])
